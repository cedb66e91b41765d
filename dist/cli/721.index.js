export const id = 721;
export const ids = [721];
export const modules = {

/***/ 850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ taskId),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   NZ: () => (/* binding */ isSteady),
/* harmony export */   cu: () => (/* binding */ lookUpService),
/* harmony export */   em: () => (/* binding */ listStoppedTasks),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);

async function lookUpService(ecs, cluster, name) {
    const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c({ cluster, services: [name] }));
    const service = output.services?.[0];
    if (service)
        return { service };
    return { failure: output.failures?.[0] ?? { reason: 'MISSING' } };
}
/** One deployment, done: the service runs what it should. */
function isSteady(service) {
    const deployments = service.deployments ?? [];
    return deployments.length === 1 && deployments[0].rolloutState === 'COMPLETED';
}
/** DescribeServices for a service that must exist (while watching it). */
async function describeService(ecs, cluster, name) {
    const lookup = await lookUpService(ecs, cluster, name);
    if ('service' in lookup)
        return lookup.service;
    throw new Error(`DescribeServices: service ${name} in cluster ${cluster} is ${lookup.failure.reason ?? 'missing'}.`);
}
/** ARNs of stopped tasks, newest pages first, at most `limit`. */
async function listStoppedTasks(ecs, cluster, filter, limit = 100) {
    const arns = [];
    let nextToken;
    do {
        const page = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ListTasksCommand */ .MYg({ cluster, ...filter, desiredStatus: 'STOPPED', nextToken }));
        arns.push(...(page.taskArns ?? []));
        nextToken = page.nextToken;
    } while (nextToken && arns.length < limit);
    return arns.slice(0, limit);
}
/** DescribeTasks in batches of 100, the API's limit. */
async function describeTasks(ecs, cluster, arns) {
    const tasks = [];
    for (let start = 0; start < arns.length; start += 100) {
        const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: arns.slice(start, start + 100) }));
        tasks.push(...(output.tasks ?? []));
    }
    return tasks;
}
function taskId(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}


/***/ }),

/***/ 386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vc: () => (/* binding */ logStream),
/* harmony export */   _m: () => (/* binding */ logTails),
/* harmony export */   yu: () => (/* binding */ StoppedTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(303);
/* harmony import */ var _ecs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(850);


/** Where a container's awslogs stream lives: `<prefix>/<container>/<task-id>` in the group. */
function logStream(definition, task) {
    const log = definition.logConfiguration;
    const options = log?.options ?? {};
    const group = options['awslogs-group'];
    const prefix = options['awslogs-stream-prefix'];
    if (log?.logDriver !== 'awslogs' || !group || !prefix)
        return undefined;
    return { group, stream: `${prefix}/${definition.name}/${task}` };
}
/**
 * Remembers stopped tasks, so that each is described once it has stopped, however often we look: those of one
 * rolling deployment, or those of a service that run one task definition (a CodeDeploy replacement task set),
 * started at or after `since`. A task still stopping (draining: its container may have exited already) is
 * described again on the next look, until it is STOPPED.
 */
class StoppedTasks {
    ecs;
    cluster;
    filter;
    only;
    known = new Map();
    constructor(ecs, cluster, filter, only = {}) {
        this.ecs = ecs;
        this.cluster = cluster;
        this.filter = filter;
        this.only = only;
    }
    async refresh() {
        const arns = await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .listStoppedTasks */ .em)(this.ecs, this.cluster, this.filter);
        const stale = arns.filter((arn) => this.known.get(arn)?.lastStatus !== 'STOPPED');
        for (const task of await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTasks */ .yz)(this.ecs, this.cluster, stale)) {
            if (task.taskArn)
                this.known.set(task.taskArn, task);
        }
        return this.all();
    }
    all() {
        const { taskDefinitionArn, since } = this.only;
        return [...this.known.values()].filter((task) => (!taskDefinitionArn || task.taskDefinitionArn === taskDefinitionArn) &&
            (since === undefined || (task.createdAt?.getTime() ?? since) >= since));
    }
}
function failedContainers(tasks, definitions) {
    const byName = new Map(definitions.map((definition) => [definition.name, definition]));
    return tasks.flatMap((task) => (task.containers ?? [])
        .filter((container) => container.exitCode !== undefined && container.exitCode !== 0)
        .flatMap((container) => {
        const definition = byName.get(container.name);
        return definition ? [{ task, definition }] : [];
    }));
}
/**
 * The last log lines of failed containers, newest tasks first, one stream per container name, at most
 * `maxStreams`. A stream that cannot be read (no permission, not there yet) is skipped: logs only help explain.
 */
async function logTails(logs, tasks, definitions, options = {}) {
    const newest = [...tasks].sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0));
    const excerpts = [];
    const done = new Set();
    for (const { task, definition } of failedContainers(newest, definitions)) {
        if (excerpts.length >= (options.maxStreams ?? 3) || done.has(definition.name ?? ''))
            continue;
        const id = (0,_ecs_js__WEBPACK_IMPORTED_MODULE_0__/* .taskId */ .BS)(task.taskArn ?? '');
        const where = logStream(definition, id);
        if (!where)
            continue;
        done.add(definition.name ?? '');
        try {
            const output = await logs.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__/* .GetLogEventsCommand */ .h7S({
                logGroupName: where.group,
                logStreamName: where.stream,
                limit: options.lines ?? 20,
                startFromHead: false,
            }));
            const lines = (output.events ?? []).map((event) => event.message?.trimEnd() ?? '').filter(Boolean);
            if (lines.length > 0)
                excerpts.push({ container: definition.name ?? '', taskId: id, ...where, lines });
        }
        catch {
            continue;
        }
    }
    return excerpts;
}


/***/ }),

/***/ 5280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ explain)
/* harmony export */ });
/* unused harmony export taskSignature */
/** At most this many service events make it into the reasons. */
const EVENT_REASONS = 3;
/** Turns stopped tasks, events and logs into counted reasons and one hint per known failure. */
function explain(evidence) {
    return {
        reasons: [...taskReasons(evidence.stoppedTasks), ...eventReasons(evidence.events)],
        hints: hints(evidence),
    };
}
/** A container's own reason and exit code; a reason the task already gave is not said twice. */
function containerDetail(container, taskReason) {
    const name = container.name ?? 'container';
    const exit = container.exitCode;
    const reason = container.reason && container.reason !== taskReason ? container.reason : undefined;
    const failedExit = exit !== undefined && exit !== 0;
    if (reason && failedExit)
        return `${name}: ${reason}, exit code ${exit}`;
    if (reason)
        return `${name}: ${reason}`;
    if (failedExit)
        return `${name} exit code ${exit}`;
    return undefined;
}
/** What one stopped task says, without anything unique to the task (so that equal failures count together). */
function taskSignature(task) {
    const reason = task.stoppedReason ?? task.stopCode ?? 'stopped';
    const details = (task.containers ?? [])
        .map((container) => containerDetail(container, reason))
        .filter((detail) => detail !== undefined);
    return details.length > 0 ? `${reason} (${details.join('; ')})` : reason;
}
function countBy(items, key) {
    const counts = new Map();
    for (const item of items)
        counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
}
function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
function taskReasons(tasks) {
    return countBy(tasks, taskSignature).map(([signature, count]) => `${plural(count, 'task')} stopped: ${signature}`);
}
const FAILURE_EVENT = /deployment failed|rolling back|unable to place|unable to consistently start|is unhealthy in|failed container health checks|failed to start/i;
/** Task ids and target group ARNs make otherwise equal events differ. */
function normaliseEvent(message) {
    return message.replace(/\(task [0-9a-f]{32}\)/g, '(task …)').replace(/\s+/g, ' ');
}
function eventReasons(events) {
    const failing = events.filter((event) => FAILURE_EVENT.test(event.message)).map((event) => event.message);
    const counted = new Map();
    for (const message of failing)
        counted.set(normaliseEvent(message), (counted.get(normaliseEvent(message)) ?? 0) + 1);
    return [...counted]
        .slice(-EVENT_REASONS)
        .map(([message, count]) => (count > 1 ? `service event (${count} times): ${message}` : `service event: ${message}`));
}
function texts(evidence) {
    const fromTasks = evidence.stoppedTasks.flatMap((task) => [
        task.stoppedReason ?? '',
        ...(task.containers ?? []).map((container) => container.reason ?? ''),
    ]);
    return [...fromTasks, ...evidence.events.map((event) => event.message)];
}
function imageOf(message) {
    return /failed to resolve ref (\S+?):? /.exec(message)?.[1] ?? /pull image (\S+)/.exec(message)?.[1];
}
function pullHint(evidence) {
    const message = texts(evidence).find((text) => /CannotPullContainerError/.test(text));
    if (!message)
        return [];
    const image = imageOf(message);
    return [
        {
            key: 'pull',
            text: `CannotPullContainerError: the image${image ? ` ${image}` : ''} or its tag does not exist, or the task has ` +
                'no route to the registry. Check that the image was pushed with that tag, and that the subnets reach ECR ' +
                '(NAT gateway, public IP, or VPC endpoints for ecr.api, ecr.dkr and S3).',
        },
    ];
}
function initHint(evidence) {
    if (!texts(evidence).some((text) => /ResourceInitializationError/.test(text)))
        return [];
    return [
        {
            key: 'init',
            text: 'ResourceInitializationError: the task could not fetch its secrets or registry auth. Check that the task ' +
                'execution role may read them (secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt, ' +
                'ecr:GetAuthorizationToken) and that the subnets reach those services (NAT gateway or VPC endpoints).',
        },
    ];
}
function elbHint(evidence) {
    if (!texts(evidence).some((text) => /ELB health checks|is unhealthy in \(target-group/.test(text)))
        return [];
    return [
        {
            key: 'elb',
            text: 'Tasks failed the load balancer health checks: check that the target group health check path and port ' +
                'match what the container serves on its containerPort, and raise the service healthCheckGracePeriodSeconds ' +
                'if the app needs longer to start.',
        },
    ];
}
function containerHealthHint(evidence) {
    if (!texts(evidence).some((text) => /failed container health checks/i.test(text)))
        return [];
    return [
        {
            key: 'container-health',
            text: 'Tasks failed their container health check: run the healthCheck command inside the image, and raise its ' +
                'startPeriod if the app needs longer to start.',
        },
    ];
}
function networkHint(evidence) {
    const pattern = /\bENI\b|elastic network interface|free (IP )?addresses|no more IP|insufficient .*IP/i;
    if (!texts(evidence).some((text) => pattern.test(text)))
        return [];
    return [
        {
            key: 'eni',
            text: 'No network interface or IP address left: the subnets have no free IPs or the instances reached their ENI ' +
                'limit. Add or enlarge subnets, or turn on awsvpcTrunking for EC2 container instances.',
        },
    ];
}
function isOutOfMemory(container) {
    return container.exitCode === 137 || /OutOfMemory/i.test(container.reason ?? '');
}
/**
 * Containers whose exit stopped their task. A task the scheduler stopped (failed health checks, scale-in) also has
 * exit codes (143, or 137 after the stop timeout) that say nothing about the app.
 */
function failedContainers(evidence) {
    return evidence.stoppedTasks
        .filter((task) => task.stopCode === undefined || task.stopCode === 'EssentialContainerExited')
        .flatMap((task) => task.containers ?? []);
}
function memoryHints(evidence) {
    return failedContainers(evidence)
        .filter(isOutOfMemory)
        .map((container) => ({
        key: `oom ${container.name}`,
        text: `${container.name} was killed for using too much memory (exit code 137): raise the memory of the task ` +
            'or the container, or lower what the app uses (heap size, caches).',
    }));
}
function logsOf(evidence, container) {
    return evidence.logs.find((excerpt) => excerpt.container === container && excerpt.lines.length > 0);
}
const ERROR_LINE = /\b(error|exception|fatal|panic|traceback|failed|cannot|refused|denied)\b/i;
const STACK_FRAME = /^\s+(at |File "|\.\.\.)/;
/** The line that says what went wrong: the last one that reads like an error, not a stack frame under it. */
function telltaleLine(lines) {
    const error = [...lines].reverse().find((line) => ERROR_LINE.test(line) && !STACK_FRAME.test(line));
    return error ? { line: error, isError: true } : { line: lines[lines.length - 1], isError: false };
}
function exitHints(evidence) {
    return failedContainers(evidence)
        .filter((container) => container.exitCode !== undefined && container.exitCode !== 0 && !isOutOfMemory(container))
        .map((container) => {
        const name = container.name ?? 'container';
        const excerpt = logsOf(evidence, name);
        const telltale = excerpt && telltaleLine(excerpt.lines);
        const logs = telltale
            ? ` ${telltale.isError ? 'Its log says' : 'Its last log line'} (${excerpt.group} ${excerpt.stream}): ${telltale.line.trim()}`
            : ' Look at its logs for the cause.';
        return {
            key: `exit ${name} ${container.exitCode}`,
            text: `${name} exited with code ${container.exitCode}.${logs}`,
        };
    });
}
const RULES = [pullHint, initHint, elbHint, containerHealthHint, networkHint, memoryHints, exitHints];
function hints(evidence) {
    const seen = new Set();
    const result = [];
    for (const rule of RULES.flatMap((make) => make(evidence))) {
        if (seen.has(rule.key))
            continue;
        seen.add(rule.key);
        result.push(rule.text);
    }
    return result;
}


/***/ })

};
