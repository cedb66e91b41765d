export const id = 835;
export const ids = [835,111];
export const modules = {

/***/ 1111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CONNECTION_TIMEOUT_MS: () => (/* binding */ CONNECTION_TIMEOUT_MS),
  DeadlineReached: () => (/* binding */ DeadlineReached),
  MUTATING_OPERATIONS: () => (/* binding */ MUTATING_OPERATIONS),
  REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
  USER_AGENT: () => (/* binding */ USER_AGENT),
  abortable: () => (/* binding */ abortable),
  createClients: () => (/* binding */ createClients),
  observed: () => (/* binding */ observed),
  operationOf: () => (/* binding */ operationOf)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var client_codedeploy_dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/unknown-members.ts
/**
 * The operations whose input may carry members newer than this SDK: a task definition file written for a newer
 * ECS API (a field ECS added after the SDK berth was built with).
 */
const PASSED_THROUGH = new Set(['RegisterTaskDefinitionCommand']);
/**
 * The SDK serializes only the members it knows and drops the rest. For the operations above, this puts the members
 * it dropped back into the JSON body, as given, so ECS receives the whole task definition. It runs before the
 * body's Content-Length is set.
 */
function keepUnknownMembers(client) {
    const middleware = (next, context) => async (args) => {
        const body = bodyText(args.request?.body);
        if (PASSED_THROUGH.has(context.commandName ?? '') && body !== undefined && args.request) {
            args.request.body = JSON.stringify(withMissingMembers(JSON.parse(body), args.input));
        }
        return next(args);
    };
    client.middlewareStack.add(middleware, { step: 'build', priority: 'high', name: 'berthKeepUnknownMembers' });
}
function bodyText(body) {
    if (typeof body === 'string')
        return body;
    if (body instanceof Uint8Array)
        return new TextDecoder().decode(body);
    return undefined;
}
/** `sent` with every member of `given` it lacks added (null and undefined ones aside), at every depth. */
function withMissingMembers(sent, given) {
    if (Array.isArray(sent) && Array.isArray(given) && sent.length === given.length) {
        return sent.map((item, index) => withMissingMembers(item, given[index]));
    }
    if (!isObject(sent) || !isObject(given))
        return sent;
    const result = { ...sent };
    for (const [key, value] of Object.entries(given)) {
        if (key in sent)
            result[key] = withMissingMembers(sent[key], value);
        else if (value !== undefined && value !== null)
            result[key] = JSON.parse(JSON.stringify(value));
    }
    return result;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/aws/clients.ts







const USER_AGENT = 'berth';
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 20_000;
/**
 * Every call berth makes that changes something. The SDK never sends these twice: after a lost answer only berth's
 * own retry, which first looks at what the lost call did, may send one again. (`berth hook`'s
 * PutLifecycleEventHookExecutionStatus is not one: sending the same answer again changes nothing.)
 */
const MUTATING_OPERATIONS = new Set([
    'RegisterTaskDefinition',
    'DeregisterTaskDefinition',
    'UpdateService',
    'CreateDeployment',
    'CreateDeploymentConfig',
    'StopDeployment',
    'StopServiceDeployment',
    'ContinueServiceDeployment',
    'RunTask',
    'StopTask',
]);
/** The SDK's name of a command's operation (`UpdateService`). */
function operationOf(command) {
    const schema = command.schema;
    if (Array.isArray(schema) && typeof schema[2] === 'string')
        return schema[2];
    return String(command.constructor?.name ?? '').replace(/Command$/, '');
}
function router(routed) {
    const send = async (command, options = {}) => {
        const operation = operationOf(command);
        const client = MUTATING_OPERATIONS.has(operation) ? routed.writes : routed.reads;
        const started = Date.now();
        try {
            return await client.send.call(client, command, options);
        }
        catch (error) {
            if ((0,errors/* errorName */.Is)(error) === 'TimeoutError') {
                throw new aws_errors/* NoAnswerError */.i5(operation, routed.endpoint, secondsSince(started), { cause: error });
            }
            if ((0,aws_errors/* isUnreachable */.R0)(error)) {
                throw new Error(`could not reach AWS at ${routed.endpoint} for ${operation}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
                    cause: error,
                });
            }
            throw error;
        }
    };
    return {
        send: send,
        endpoint: routed.endpoint,
        destroy: () => {
            routed.reads.destroy();
            routed.writes.destroy();
        },
    };
}
function secondsSince(started) {
    return Math.max(1, Math.round((Date.now() - started) / 1000));
}
/** The reason of an abort by the run's deadline (`--wait-timeout`), as opposed to a cancel. */
class DeadlineReached extends Error {
    name = 'DeadlineReached';
}
/**
 * The one seam through which a run's calls go: each call carries `signalFor(operation)`'s signal as its abortSignal, so the
 * run's deadline and cancel abort calls in flight. A call ended by the deadline is a NoAnswerError.
 */
function abortable(clients, signalFor) {
    const wrap = (client) => {
        const endpoint = client.endpoint ?? 'the AWS endpoint';
        const send = async (command, options = {}) => {
            const operation = operationOf(command);
            const signal = signalFor(operation);
            const started = Date.now();
            try {
                return await client.send.call(client, command, { ...options, abortSignal: signal });
            }
            catch (error) {
                if (!(signal?.aborted && signal.reason instanceof DeadlineReached))
                    throw error;
                throw new aws_errors/* NoAnswerError */.i5(operation, endpoint, secondsSince(started), { cause: error });
            }
        };
        return { ...client, send };
    };
    return {
        ecs: wrap(clients.ecs),
        codedeploy: wrap(clients.codedeploy),
        ecr: wrap(clients.ecr),
        logs: wrap(clients.logs),
    };
}
/** Each call of the clients, reported once it ends (for `--verbose`): its duration, attempts and error. */
function observed(clients, onCall) {
    const wrap = (client, service) => {
        const send = async (command, options) => {
            const operation = operationOf(command);
            const started = Date.now();
            const report = (result, error) => {
                const metadata = result?.$metadata;
                const attempts = metadata?.attempts ?? 1;
                onCall({
                    service,
                    operation,
                    ms: Date.now() - started,
                    attempts,
                    ...(error ? { error: (0,errors/* errorName */.Is)(error) } : {}),
                });
            };
            try {
                const output = await client.send.call(client, command, options);
                report(output);
                return output;
            }
            catch (error) {
                report(error, error);
                throw error;
            }
        };
        return { ...client, send };
    };
    return {
        ecs: wrap(clients.ecs, 'ECS'),
        codedeploy: wrap(clients.codedeploy, 'CodeDeploy'),
        ecr: wrap(clients.ecr, 'ECR'),
        logs: wrap(clients.logs, 'CloudWatch Logs'),
    };
}
/**
 * The only place berth constructs AWS SDK clients. Each service has two: reads, which the SDK retries, and
 * mutating calls, which it sends once. Every attempt has a connection and an answer deadline, and every call the
 * signal given to `abortWith`.
 */
function createClients(options = {}) {
    // The region Config resolved (input, AWS_REGION, AWS_DEFAULT_REGION); unset, the SDK reads the profile's.
    const region = options.region;
    const common = {
        region,
        retryMode: 'standard',
        customUserAgent: options.userAgent ?? USER_AGENT,
        requestHandler: {
            connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
            requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
            throwOnRequestTimeout: true,
        },
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    const reads = { ...common, maxAttempts: options.maxAttempts ?? 3 };
    const writes = { ...common, maxAttempts: 1 };
    const pair = (make, service) => ({
        reads: make(reads),
        writes: make(writes),
        endpoint: endpointOf(options.endpoint, service, region),
    });
    const ecs = router(pair((c) => withUnknownMembers(new dist_cjs/* ECSClient */.Zgc(c)), 'ECS'));
    const codedeploy = router(pair((c) => new client_codedeploy_dist_cjs/* CodeDeployClient */.cHd(c), 'CODEDEPLOY'));
    const ecr = router(pair((c) => new client_ecr_dist_cjs/* ECRClient */.S70(c), 'ECR'));
    const logs = router(pair((c) => new client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr(c), 'CLOUDWATCH_LOGS'));
    return {
        ecs,
        codedeploy,
        ecr,
        logs,
        destroy: () => [ecs, codedeploy, ecr, logs].forEach((client) => client.destroy()),
    };
}
/** An ECS client that sends a task definition's members newer than this SDK as given (see keepUnknownMembers). */
function withUnknownMembers(client) {
    keepUnknownMembers(client);
    return client;
}
const HOSTS = { ECS: 'ecs', CODEDEPLOY: 'codedeploy', ECR: 'api.ecr', CLOUDWATCH_LOGS: 'logs' };
/** Where the calls of `service` go, for messages: the override, AWS_ENDPOINT_URL[_<SERVICE>], else AWS's own. */
function endpointOf(endpoint, service, region) {
    return (endpoint ??
        process.env[`AWS_ENDPOINT_URL_${service}`] ??
        process.env.AWS_ENDPOINT_URL ??
        `https://${HOSTS[service]}.${region ?? '<region>'}.amazonaws.com`);
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ retrying)
/* harmony export */ });
/* unused harmony export onlyThrottling */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _watch_sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(588);


/** Retries on top of the SDK's own attempts, with berth's clock, so throttling storms do not end a run. */
async function retrying(call, options) {
    const attempts = options.attempts ?? 8;
    const retryable = options.retryable ?? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg;
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (attempt >= attempts || !retryable(error) || options.signal?.aborted || options.givenUp?.())
                throw error;
            const delayMs = Math.min(options.maxDelayMs ?? 20_000, options.baseMs * 2 ** (attempt - 1));
            options.onRetry?.(error, delayMs);
            await (0,_watch_sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .pause */ .v)(options.sleep, delayMs, [options.signal]);
        }
    }
}
const onlyThrottling = (/* unused pure expression or super */ null && (isThrottling));


/***/ }),

/***/ 7835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/artifacts/write.ts




/**
 * Writes a file so that readers see the old content or the new, never half of it: a temporary file in the same
 * directory (so the rename stays on one file system), then a rename over the target. Creates missing directories.
 */
async function writeFileAtomic(path, content) {
    const directory = (0,external_node_path_.dirname)(path);
    await (0,promises_.mkdir)(directory, { recursive: true });
    const temporary = (0,external_node_path_.join)(directory, `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, content, 'utf8');
        await (0,promises_.rename)(temporary, path);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
}
/** Writes the artifacts into `directory`, returning the paths written, in order. */
async function writeArtifacts(directory, files) {
    const paths = [];
    for (const file of files) {
        const path = (0,external_node_path_.join)(directory, file.name);
        const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(directory), (0,external_node_path_.resolve)(path));
        if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
            throw new src_errors/* UserError */.yo(`artifact name ${JSON.stringify(file.name)} would be written outside ${directory}.`);
        }
        await writeFileAtomic(path, file.content);
        paths.push(path);
    }
    return paths;
}
/** Before anything changes: `--artifacts-dir` must be a directory, or a path where berth can create one. */
async function checkDirectory(directory, flag) {
    const found = await (0,promises_.stat)(directory).catch(() => undefined);
    if (found && !found.isDirectory()) {
        throw new src_errors/* UserError */.yo(`${flag} ${directory}: is a file, not a directory; give a directory (berth creates it if missing).`, {
            input: flag,
        });
    }
}

// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(1111);
;// CONCATENATED MODULE: ./src/aws/abort.ts

/** How long after the deadline (or a cancel) berth still has to make its rollback calls and take its last looks. */
const ROLLBACK_GRACE_MS = 60_000;
/** A signal that aborts after `ms` of real time with `reason`; its timer does not keep the process alive. */
function abortAfter(ms, reason) {
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), Math.max(0, ms)).unref();
    return controller.signal;
}
/**
 * Which signal each call of a run carries. Reads in flight are aborted by the deadline or a cancel, so a stalled
 * endpoint cannot hold the run. Calls that change something, and every call made after the deadline or a cancel
 * (the rollback and the last looks), have until the deadline plus a short grace: a cancel must not cut off the
 * rollback it asks for.
 */
function callSignals(deadline, cancel) {
    const expired = new AbortController();
    const onDeadline = () => expired.abort(new clients.DeadlineReached('the wait timeout (--wait-timeout) passed'));
    if (deadline.signal.aborted)
        onDeadline();
    else
        deadline.signal.addEventListener('abort', onDeadline, { once: true });
    const live = cancel ? AbortSignal.any([expired.signal, cancel]) : expired.signal;
    let afterStop;
    const grace = () => abortAfter(deadline.remaining() + ROLLBACK_GRACE_MS, new clients.DeadlineReached('the grace passed'));
    return (operation) => {
        if (live.aborted)
            return (afterStop ??= grace());
        return clients.MUTATING_OPERATIONS.has(operation) ? grace() : live;
    };
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/watch/pace.ts
const GROWTH = 1.5;
const THROTTLE_FACTOR = 2;
/** Throttled polls may wait up to this many ceilings. */
const THROTTLE_LIMIT = 6;
/** The quickest look after a change: a fifth of the poll interval. */
function fastestPollMs(ceilingMs) {
    return Math.max(1, Math.round(ceilingMs / 5));
}
function startPace(ceilingMs) {
    const floorMs = fastestPollMs(ceilingMs);
    return { floorMs, ceilingMs, currentMs: floorMs };
}
/** Nothing changed: wait a little longer next time. */
function slower(pace) {
    return { ...pace, currentMs: Math.min(pace.ceilingMs, Math.round(pace.currentMs * GROWTH)) };
}
/** Something changed: look again soon. */
function quicker(pace) {
    return { ...pace, currentMs: pace.floorMs };
}
/** Throttled: back off beyond the ceiling, up to a limit. */
function throttled(pace) {
    const backedOff = Math.max(pace.ceilingMs, pace.currentMs * THROTTLE_FACTOR);
    return { ...pace, currentMs: Math.min(pace.ceilingMs * THROTTLE_LIMIT, backedOff) };
}
/** ±10 %, so that many pipelines polling one account do not fall into step. */
function jitter(ms, random = Math.random) {
    return Math.max(0, Math.round(ms * (0.9 + 0.2 * random())));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/deploy/ecs.ts

async function lookUpService(ecs, cluster, name) {
    const output = await ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: [name] }));
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
        const page = await ecs.send(new client_ecs_dist_cjs/* ListTasksCommand */.MYg({ cluster, ...filter, desiredStatus: 'STOPPED', nextToken }));
        arns.push(...(page.taskArns ?? []));
        nextToken = page.nextToken;
    } while (nextToken && arns.length < limit);
    return arns.slice(0, limit);
}
/** DescribeTasks in batches of 100, the API's limit. */
async function describeTasks(ecs, cluster, arns) {
    const tasks = [];
    for (let start = 0; start < arns.length; start += 100) {
        const output = await ecs.send(new client_ecs_dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: arns.slice(start, start + 100) }));
        tasks.push(...(output.tasks ?? []));
    }
    return tasks;
}
function taskId(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./src/deploy/evidence.ts


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
        const arns = await listStoppedTasks(this.ecs, this.cluster, this.filter);
        const stale = arns.filter((arn) => this.known.get(arn)?.lastStatus !== 'STOPPED');
        for (const task of await describeTasks(this.ecs, this.cluster, stale)) {
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
        const id = taskId(task.taskArn ?? '');
        const where = logStream(definition, id);
        if (!where)
            continue;
        done.add(definition.name ?? '');
        try {
            const output = await logs.send(new dist_cjs/* GetLogEventsCommand */.h7S({
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

;// CONCATENATED MODULE: ./src/deploy/explain.ts
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
function explain_failedContainers(evidence) {
    return evidence.stoppedTasks
        .filter((task) => task.stopCode === undefined || task.stopCode === 'EssentialContainerExited')
        .flatMap((task) => task.containers ?? []);
}
function memoryHints(evidence) {
    return explain_failedContainers(evidence)
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
    return explain_failedContainers(evidence)
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

;// CONCATENATED MODULE: ./src/deploy/task-failures.ts
// When a deployment's tasks count as failing, for every driver: which stopped tasks are failures, and how many
// the circuit breaker (or berth, in its place) accepts.
/**
 * The circuit breaker's failure threshold: COUNT is its value; the percent types ceil(value% × desiredCount),
 * BOUNDED_PERCENT (the default, 50) within 3..200. Multiplied before dividing, so 7 % of 100 is exactly 7.
 */
function failureThreshold(desiredCount, breaker) {
    const config = breaker?.thresholdConfiguration;
    if (config?.type === 'COUNT' && config.value !== undefined)
        return Math.max(1, config.value);
    const percent = config?.value ?? 50;
    const raw = Math.ceil((percent * desiredCount) / 100);
    if (config?.type === 'UNBOUNDED_PERCENT')
        return Math.max(1, raw);
    return Math.min(200, Math.max(3, raw));
}
const HEALTH_CHECK_FAILURE = /health checks?/i;
/**
 * A task that counts as a failure of its deployment (not a scale-in or a user's StopTask): its essential container
 * exited, it failed to start, or it was stopped for failed health checks, whatever its lastStatus (a task still
 * draining has not reached STOPPED, yet its container has exited). `essential` names the essential containers.
 */
function isTaskFailure(task, essential) {
    if (task.stopCode === 'TaskFailedToStart' || task.stopCode === 'EssentialContainerExited')
        return true;
    if (HEALTH_CHECK_FAILURE.test(task.stoppedReason ?? ''))
        return true;
    if (task.desiredStatus !== 'STOPPED' || !essential)
        return false;
    return (task.containers ?? []).some((container) => essential.has(container.name ?? '') && container.exitCode !== undefined);
}
/** The names of a task definition's essential containers (a container is essential unless it says otherwise). */
function essentialContainers(definitions) {
    return new Set(definitions.filter((definition) => definition.essential !== false).map((d) => d.name ?? ''));
}

;// CONCATENATED MODULE: ./src/deploy/driver.ts








/** How a driver watches its deployment: polls up to `--poll-interval`, one deadline, cancellation, retries reported. */
function watchOptions(context) {
    return {
        ceilingMs: context.config.pollIntervalMs,
        deadline: context.deadline,
        cancel: context.cancel,
        sleep: context.sleep,
        now: context.now,
        onRetry: (error, delayMs) => context.reporter.emit({ type: 'retrying', error: (0,src_errors/* errorMessage */.gJ)(error), delayMs }),
    };
}
/** The short pause between the quick looks after a change berth made (a rollback, a stop), and between its retries. */
function quickPauseMs(context) {
    return Math.max(100, fastestPollMs(context.config.pollIntervalMs));
}
/** A call that changes something is retried only when throttled: a transient error may have let it through. */
function mutationRetry(context) {
    return { sleep: context.sleep, baseMs: quickPauseMs(context), retryable: errors/* isThrottling */.E2 };
}
/** The deadline plus the short grace in which berth still makes its rollback calls has passed. */
function pastGrace(context) {
    return context.now() > context.deadline.at + ROLLBACK_GRACE_MS;
}
/**
 * A rollback call (StopDeployment, the rolling rollback's UpdateService): safe to send again, so retried on
 * throttling, server errors and lost answers until the deadline plus the grace.
 */
function rollbackRetry(context) {
    return {
        sleep: context.sleep,
        baseMs: quickPauseMs(context),
        maxDelayMs: 5_000,
        attempts: 1_000,
        retryable: errors/* isTransient */.dg,
        givenUp: () => pastGrace(context),
    };
}
/** The service already runs this revision at this size, and no restart was asked for: there is nothing to deploy. */
function isUnchanged(context) {
    const { config } = context;
    const { service } = context.target;
    const sameSize = config.desiredCount === undefined || config.desiredCount === service.desiredCount;
    return !config.forceNewDeployment && sameSize && service.taskDefinition === context.taskDefinitionArn;
}
/** The verdict of a run that had nothing to deploy: succeeded, and why nothing was deployed. */
function unchangedOutcome(context) {
    return {
        status: 'succeeded',
        reasons: [
            `unchanged: service ${context.target.service.serviceName} in cluster ${context.target.cluster} already runs ` +
                `${context.taskDefinitionArn}, the task definition berth rendered; nothing was deployed ` +
                '(--force-new-deployment starts a deployment anyway).',
        ],
        hints: [],
    };
}
/** Inputs that only a CodeDeploy deployment uses mean the user expects one: said before anything changes. */
function refuseCodeDeployInputs(config, where) {
    const given = [
        config.hooks.length > 0 ? '--hook' : undefined,
        config.appspec !== undefined ? '--appspec' : undefined,
        config.deploymentConfig !== undefined ? '--deployment-config' : undefined,
        config.codedeployApplication !== undefined ? '--codedeploy-application' : undefined,
        config.codedeployGroup !== undefined ? '--codedeploy-group' : undefined,
    ].filter((flag) => flag !== undefined);
    if (given.length === 0)
        return;
    throw new src_errors/* UserError */.yo(`${given.join(', ')}: ${where}, where CodeDeploy ` +
        `${given.length === 1 ? 'input has' : 'inputs have'} no effect; leave ${given.length === 1 ? 'it' : 'them'} out, ` +
        'or deploy a service whose deployment controller is CODE_DEPLOY.');
}
/** `--wait-for paused` waits for an ECS-native PAUSE hook; other deployments never pause. */
function refuseWaitForPaused(config, where) {
    if (config.waitFor !== 'paused')
        return;
    throw new src_errors/* UserError */.yo(`--wait-for paused: ${where}, which never wait for berth continue; only ECS-native deployments with a PAUSE ` +
        'lifecycle hook do. Use --wait-for traffic-shifted or completed.');
}
/**
 * The reason of a cancel that berth itself asked for, to stop one deployment of a run over several services because
 * another failed (`--on-failure rollback-all`): the deployment is rolled back, whatever `--on-cancel` says, since
 * that flag is about the job being cancelled.
 */
class StopForRollback extends Error {
    why;
    /** `why`: `service worker did not succeed (--on-failure rollback-all)`. */
    constructor(why) {
        super(why);
        this.why = why;
        this.name = 'StopForRollback';
    }
}
/** `deployment` names it (`deployment ecs-svc/1`, `CodeDeploy deployment d-…`); `where` is how far it got. */
function onInterruption(context, kind, deployment, where) {
    const stop = context.cancel?.reason;
    if (kind === 'cancelled' && stop instanceof StopForRollback) {
        return {
            rollBack: true,
            headline: `berth stopped ${deployment}${where}: ${stop.why}.`,
            cause: stop.why,
            left: '',
        };
    }
    const timedOut = kind === 'timed_out';
    const flag = timedOut ? '--on-timeout' : '--on-cancel';
    const what = timedOut
        ? `${deployment} did not finish within the wait timeout (--wait-timeout)`
        : `the run was cancelled while ${deployment} was in progress`;
    return {
        rollBack: (timedOut ? context.config.onTimeout : context.config.onCancel) === 'rollback',
        headline: `${what}${where}.`,
        cause: `${timedOut ? 'the wait timeout passed' : 'the run was cancelled'} (${flag} rollback)`,
        left: `left ${deployment} running as it is (${flag} leave).`,
    };
}
/**
 * Reads the deployment's stopped tasks (`load`, tried three times; a failure to read is a warning, never a change
 * of verdict), keeps those that failed (all of them, with `orAll`, when none failed), reads their log tails and
 * explains them with the service events seen while watching.
 */
async function explainStoppedTasks(context, load, { events = [], orAll = false, fallback = [] }) {
    let tasks = fallback;
    try {
        tasks = await (0,aws_retry/* retrying */.R)(load, { sleep: context.sleep, baseMs: 200, attempts: 3 });
    }
    catch (error) {
        context.reporter.emit({ type: 'warning', message: `could not read the stopped tasks: ${(0,src_errors/* errorMessage */.gJ)(error)}` });
    }
    const definitions = context.taskDefinition.containerDefinitions ?? [];
    const essential = essentialContainers(definitions);
    const failures = tasks.filter((task) => isTaskFailure(task, essential));
    const relevant = failures.length > 0 || !orAll ? failures : tasks;
    if (relevant.length === 0 && events.length === 0)
        return { reasons: [], hints: [], logs: [] };
    const logs = await logTails(context.clients.logs, relevant, definitions);
    return { ...explain({ stoppedTasks: relevant, events, logs }), logs };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var client_codedeploy_dist_cjs = __webpack_require__(7507);
;// CONCATENATED MODULE: ./src/watch/deadline.ts
function createDeadline(timeoutMs, now) {
    const at = now() + timeoutMs;
    const signal = AbortSignal.timeout(Math.max(0, timeoutMs));
    return {
        at,
        signal,
        remaining: () => Math.max(0, at - now()),
        expired: () => signal.aborted || now() >= at,
    };
}
/** Why waiting stopped early, if it did: the job was cancelled (wins) or the deadline passed. */
function interruption(deadline, cancel) {
    if (cancel?.aborted)
        return 'cancelled';
    if (deadline.expired())
        return 'timed_out';
    return undefined;
}

// EXTERNAL MODULE: ./src/watch/sleep.ts
var sleep = __webpack_require__(588);
;// CONCATENATED MODULE: ./src/watch/loop.ts




/**
 * Looks at the world until `tick` has an answer, the deadline passes or the job is cancelled. Throttling and
 * transient errors never end the watch (they cannot tell us how the deployment went); any other error does.
 */
async function watch(tick, options) {
    let pace = startPace(options.ceilingMs);
    for (;;) {
        await (0,sleep/* pause */.v)(options.sleep, waitFor(pace.currentMs, options), [options.deadline.signal, options.cancel]);
        const stop = interruption(options.deadline, options.cancel);
        if (stop)
            return { kind: stop };
        try {
            const result = await tick();
            if ('done' in result)
                return { kind: 'done', value: result.done };
            pace = result.changed ? quicker(pace) : slower(pace);
        }
        catch (error) {
            // The deadline or a cancel aborted the look in flight: that is the interruption, not a failure.
            const stopped = interruption(options.deadline, options.cancel);
            if (stopped)
                return { kind: stopped };
            if (!(0,errors/* isTransient */.dg)(error))
                throw error;
            pace = (0,errors/* isThrottling */.E2)(error) ? throttled(pace) : slower(pace);
            options.onRetry?.(error, pace.currentMs);
        }
    }
}
function waitFor(ms, options) {
    return Math.min(jitter(ms, options.random), options.deadline.remaining());
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/artifacts/hooks.ts
var artifacts_hooks = __webpack_require__(283);
;// CONCATENATED MODULE: ./src/taskdef/types.ts
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The container definitions that are objects, with their index in the array. */
function containersOf(taskDefinition) {
    const list = taskDefinition.containerDefinitions;
    if (!Array.isArray(list))
        return [];
    return list.flatMap((container, index) => (isObject(container) ? [{ container, index }] : []));
}
function containerName(container) {
    return typeof container.name === 'string' ? container.name : undefined;
}

;// CONCATENATED MODULE: ./src/taskdef/clean.ts

/** Fields DescribeTaskDefinition returns and RegisterTaskDefinition does not take. */
const DESCRIBE_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];
/** The task definition without describe-only fields and without null or undefined values, key order kept. */
function clean(taskDefinition) {
    const describeOnly = DESCRIBE_ONLY_FIELDS;
    const kept = Object.entries(taskDefinition).filter(([key]) => !describeOnly.includes(key));
    return dropNulls(Object.fromEntries(kept));
}
/**
 * The RegisterTaskDefinition input for a document: cleaned, with the document's tags, and `extraTags`
 * (e.g. `--tag`) replacing document tags of the same key.
 */
function toRegisterInput(doc, extraTags = []) {
    const input = clean(doc.taskDefinition);
    const tags = mergeTags(doc.tags ?? [], extraTags);
    return tags.length > 0 ? { ...input, tags } : input;
}
function mergeTags(base, extra) {
    const merged = new Map();
    for (const tag of [...base, ...extra])
        merged.set(tag.key, tag.value);
    return [...merged].map(([key, value]) => ({ key, value }));
}
function dropNulls(value) {
    if (Array.isArray(value))
        return value.filter((item) => item !== null && item !== undefined).map(dropNulls);
    if (isObject(value)) {
        return Object.fromEntries(Object.entries(value)
            .filter(([, member]) => member !== null && member !== undefined)
            .map(([key, member]) => [key, dropNulls(member)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/artifacts/appspec.ts





/** The placeholder CodePipeline's CodeDeployToECS action replaces with the task definition ARN it registers. */
const TASK_DEFINITION_PLACEHOLDER = '<TASK_DEFINITION>';
const APPSPEC_FILE = 'appspec.yaml';
const TASKDEF_FILE = 'taskdef.json';
/** The AppSpec of an ECS deployment (version 0.0): one target service, hooks in lifecycle order. */
function appSpec(input) {
    const network = input.networkConfiguration?.awsvpcConfiguration;
    const hooks = [...(input.hooks ?? [])].sort((a, b) => artifacts_hooks/* HOOK_EVENTS */.CJ.indexOf(a.event) - artifacts_hooks/* HOOK_EVENTS */.CJ.indexOf(b.event));
    return {
        version: 0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: input.taskDefinition,
                        LoadBalancerInfo: { ContainerName: input.containerName, ContainerPort: input.containerPort },
                        ...(input.platformVersion !== undefined ? { PlatformVersion: input.platformVersion } : {}),
                        ...(network
                            ? {
                                NetworkConfiguration: {
                                    AwsvpcConfiguration: {
                                        Subnets: [...(network.subnets ?? [])],
                                        ...(network.securityGroups ? { SecurityGroups: [...network.securityGroups] } : {}),
                                        ...(network.assignPublicIp ? { AssignPublicIp: network.assignPublicIp } : {}),
                                    },
                                },
                            }
                            : {}),
                    },
                },
            },
        ],
        ...(hooks.length > 0 ? { Hooks: hooks.map((hook) => ({ [hook.event]: hook.functionName })) } : {}),
    };
}
/** The AppSpec as JSON, e.g. for CreateDeployment's `appSpecContent`; `version` is written `0.0` as AWS documents. */
function appSpecJson(input) {
    const { version: _version, ...rest } = appSpec(input);
    return `{\n  "version": 0.0,\n${JSON.stringify(rest, null, 2).slice(2)}\n`;
}
/** The AppSpec as YAML, in the layout of AWS's ECS samples: ids in flow lists, strings quoted but the ARN. */
function appSpecYaml(input) {
    const doc = appSpecDocument(appSpec(input));
    (0,dist/* visit */.YR)(doc, {
        Pair(_, pair) {
            if (!(0,dist/* isScalar */.jn)(pair.key))
                return;
            const key = String(pair.key.value);
            if ((0,dist/* isSeq */.oP)(pair.value) && FLOW_LISTS.has(key)) {
                pair.value.flow = true;
                for (const item of pair.value.items)
                    if ((0,dist/* isScalar */.jn)(item))
                        item.type = dist/* Scalar */.X5.QUOTE_DOUBLE;
            }
            if ((0,dist/* isScalar */.jn)(pair.value) && typeof pair.value.value === 'string' && !isPlain(key, pair.value.value)) {
                pair.value.type = dist/* Scalar */.X5.QUOTE_DOUBLE;
            }
        },
    });
    return appSpecString(doc);
}
/** An AppSpec as a YAML document whose integer `version` is written `0.0`, as the AppSpec documents show it. */
function appSpecDocument(value) {
    const doc = new dist/* Document */.yo(value);
    const version = doc.get('version', true);
    if ((0,dist/* isScalar */.jn)(version) && typeof version.value === 'number' && Number.isInteger(version.value)) {
        version.minFractionDigits = 1;
    }
    return doc;
}
function appSpecString(doc) {
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
const FLOW_LISTS = new Set(['Subnets', 'SecurityGroups']);
/** The resource type, and the task definition ARN or placeholder that CodePipeline's text replacement finds. */
function isPlain(key, value) {
    if (key === 'Type')
        return true;
    return key === 'TaskDefinition' && /^(?:<TASK_DEFINITION>|arn:[A-Za-z0-9:/_.-]+)$/.test(value);
}
/**
 * `taskdef.json` for the CodeDeployToECS action: the cleaned task definition with `"image": "<IMAGE1_NAME>"`
 * for each placeholder container.
 */
function codeDeployTaskdef(taskDefinition, placeholders) {
    const result = clean(taskDefinition);
    const containers = containersOf(result);
    for (const { container, placeholder } of placeholders) {
        const match = containers.find((entry) => containerName(entry.container) === container);
        if (!match) {
            throw new src_errors/* UserError */.yo(`taskdef.json: no container named "${container}" for the image placeholder <${bare(placeholder)}>.`);
        }
        match.container.image = `<${bare(placeholder)}>`;
    }
    return JSON.stringify(result, null, 2) + '\n';
}
function bare(placeholder) {
    return placeholder.replace(/^<(.*)>$/, '$1');
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/appspec.ts





const ECS_SERVICE = 'AWS::ECS::Service';
/** The first load balancer of the service that names a container and port: CodeDeploy shifts traffic there. */
function loadBalancerTarget(service) {
    const balancer = (service.loadBalancers ?? []).find((lb) => lb.containerName && lb.containerPort !== undefined);
    if (!balancer?.containerName || balancer.containerPort === undefined) {
        throw new src_errors/* UserError */.yo(`service ${service.serviceName ?? '?'} has no load balancer with a container name and port; ` +
            'a CodeDeploy blue/green deployment shifts traffic between two target groups behind one.');
    }
    return { containerName: balancer.containerName, containerPort: balancer.containerPort };
}
/** The AppSpec berth writes when the user gives none: the service's load balancer target and the `--hook`s. */
function appSpecTemplate(target, hooks) {
    const ordered = lifecycleOrder(hooks);
    const value = appSpec({ taskDefinition: TASK_DEFINITION_PLACEHOLDER, ...target, hooks: ordered });
    return { value: { ...value }, hooks: ordered, target };
}
/**
 * The user's AppSpec (YAML or JSON), checked: one ECS TargetService, hooks on hookable events. A missing
 * LoadBalancerInfo is taken from the service; `--hook` flags replace the file's hook for the same event.
 */
function parseAppSpec(text, file, service, flagHooks) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const fail = (message, node) => {
        const offset = node?.range?.[0];
        const line = offset === undefined ? undefined : lines.linePos(offset).line;
        throw new src_errors/* UserError */.yo(`--appspec ${file}${line ? `:${line}` : ''}: ${message}`, { file, line });
    };
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const line = lines.linePos(error.pos[0]).line;
        throw new src_errors/* UserError */.yo(`--appspec ${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, {
            file,
            line,
        });
    }
    if (!(0,dist/* isMap */.jh)(doc.contents))
        fail('an AppSpec is a mapping with version, Resources and optional Hooks.', doc.contents);
    const value = doc.toJS();
    if (value.version !== 0 && value.version !== '0.0') {
        fail(`version must be 0.0 (the only AppSpec version), got ${JSON.stringify(value.version ?? null)}.`, doc.get('version', true) ?? doc.contents);
    }
    const resources = value.Resources;
    if (!Array.isArray(resources) || resources.length === 0) {
        fail(`Resources must list one TargetService of Type ${ECS_SERVICE}.`, doc.get('Resources', true) ?? doc.contents);
    }
    const index = resources.findIndex((resource) => appspec_isObject(resource) && 'TargetService' in resource);
    if (index < 0)
        fail(`Resources has no TargetService of Type ${ECS_SERVICE}.`, doc.get('Resources', true));
    const targetPath = ['Resources', index, 'TargetService'];
    const targetService = resources[index].TargetService;
    if (!appspec_isObject(targetService) || targetService.Type !== ECS_SERVICE) {
        fail(`TargetService needs Type: ${ECS_SERVICE}.`, doc.getIn(targetPath, true));
    }
    const properties = targetService.Properties ?? {};
    if (!appspec_isObject(properties))
        fail('TargetService Properties must be a mapping.', doc.getIn([...targetPath, 'Properties'], true));
    const target = loadBalancerInfo(properties, service, (message) => fail(message, doc.getIn([...targetPath, 'Properties', 'LoadBalancerInfo'], true)));
    const fileHooks = readHooks(value.Hooks, (message, at) => fail(message, at === undefined ? doc.get('Hooks', true) : doc.getIn(['Hooks', at], true)));
    const hooks = mergeHooks(fileHooks, flagHooks);
    const rebuilt = { ...value };
    rebuilt.Resources = resources.map((resource, at) => at === index
        ? {
            TargetService: {
                ...targetService,
                Properties: {
                    ...properties,
                    TaskDefinition: TASK_DEFINITION_PLACEHOLDER,
                    LoadBalancerInfo: { ContainerName: target.containerName, ContainerPort: target.containerPort },
                },
            },
        }
        : resource);
    if (hooks.length > 0)
        rebuilt.Hooks = hooksValue(hooks);
    else
        delete rebuilt.Hooks;
    return { value: rebuilt, hooks, target, file };
}
/** The AppSpec text for CreateDeployment, with the registered task definition in place. */
function appSpecContent(template, taskDefinitionArn) {
    const content = template.file
        ? appSpecText(withTaskDefinition(template.value, taskDefinitionArn))
        : appSpecYaml({ taskDefinition: taskDefinitionArn, ...template.target, hooks: template.hooks });
    return { content, sha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex') };
}
function withTaskDefinition(value, taskDefinitionArn) {
    const resources = value.Resources.map((resource) => {
        const target = resource.TargetService;
        if (!target || target.Type !== ECS_SERVICE)
            return resource;
        const properties = target.Properties;
        return { TargetService: { ...target, Properties: { ...properties, TaskDefinition: taskDefinitionArn } } };
    });
    return { ...value, Resources: resources };
}
/** The user's AppSpec as YAML, because JSON cannot write the `version: 0.0` the AppSpec documents show. */
function appSpecText(value) {
    return appSpecString(appSpecDocument(value));
}
function loadBalancerInfo(properties, service, fail) {
    const info = properties.LoadBalancerInfo;
    if (info === undefined)
        return service;
    if (!appspec_isObject(info) || typeof info.ContainerName !== 'string' || !info.ContainerName) {
        fail('LoadBalancerInfo needs ContainerName (the container behind the load balancer) and ContainerPort.');
    }
    const { ContainerName, ContainerPort } = info;
    const port = typeof ContainerPort === 'string' && /^\d+$/.test(ContainerPort) ? Number(ContainerPort) : ContainerPort;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
        fail(`LoadBalancerInfo ContainerPort must be a port number, got ${JSON.stringify(ContainerPort)}.`);
    }
    return { containerName: ContainerName, containerPort: port };
}
function readHooks(value, fail) {
    if (value === undefined || value === null)
        return [];
    const form = `a list of EVENT: FUNCTION entries, EVENT one of ${artifacts_hooks/* HOOK_EVENTS */.CJ.join(', ')}`;
    if (!Array.isArray(value))
        fail(`Hooks must be ${form}.`);
    return value.flatMap((entry, at) => {
        if (!appspec_isObject(entry))
            fail(`Hooks entries must be ${form}.`, at);
        return Object.entries(entry).map(([event, functionName]) => {
            if (!artifacts_hooks/* HOOK_EVENTS */.CJ.includes(event)) {
                fail(`${JSON.stringify(event)} is not a hookable lifecycle event; Hooks must be ${form}.`, at);
            }
            if (typeof functionName !== 'string' || !functionName)
                fail(`the ${event} hook needs a function name.`, at);
            if (!(0,artifacts_hooks/* isLambdaFunction */.WF)(functionName)) {
                fail(`the ${event} hook ${JSON.stringify(functionName)} is not ${artifacts_hooks/* LAMBDA_FUNCTION_FORM */.Kf}.`, at);
            }
            return { event: event, functionName: functionName };
        });
    });
}
/** Flag hooks replace file hooks of the same event; the result is in lifecycle order, one hook per event. */
function mergeHooks(fileHooks, flagHooks) {
    const byEvent = new Map();
    for (const hook of [...fileHooks, ...flagHooks])
        byEvent.set(hook.event, hook);
    return lifecycleOrder([...byEvent.values()]);
}
function lifecycleOrder(hooks) {
    return [...hooks].sort((a, b) => artifacts_hooks/* HOOK_EVENTS */.CJ.indexOf(a.event) - artifacts_hooks/* HOOK_EVENTS */.CJ.indexOf(b.event));
}
function hooksValue(hooks) {
    return hooks.map((hook) => ({ [hook.event]: hook.functionName }));
}
function appspec_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/group.ts


/** BatchGetDeploymentGroups takes at most this many names. */
const BATCH_LIMIT = 100;
/**
 * The deployment group of the service: the one the flags name; else the names the ECS console gives
 * (AppECS-<cluster>-<service>, as the official action assumes); else the one group in the region bound to the
 * service.
 */
async function findGroup(query) {
    const { config, clusterName, serviceName } = query;
    const named = Boolean(config.codedeployApplication || config.codedeployGroup);
    const application = config.codedeployApplication ?? `AppECS-${clusterName}-${serviceName}`;
    const group = config.codedeployGroup ?? `DgpECS-${clusterName}-${serviceName}`;
    const lookup = await getGroup(query.codedeploy, application, group);
    if ('groupInfo' in lookup) {
        checkGroupDeploysService(lookup.groupInfo, application, group, clusterName, serviceName);
        return { application, group, groupInfo: lookup.groupInfo };
    }
    if (named)
        throw new src_errors/* UserError */.yo(missingGroupMessage(lookup.missing, application, group));
    const bound = await groupsBoundTo(query.codedeploy, clusterName, serviceName);
    if (bound.length === 1) {
        const [found] = bound;
        query.reporter.emit({
            type: 'info',
            message: `deployment group ${found.application}/${found.group} deploys ${clusterName}/${serviceName}`,
        });
        return found;
    }
    throw new src_errors/* UserError */.yo(ambiguousGroupMessage(bound, clusterName, serviceName));
}
/** The group, or which of the application and the group does not exist. */
async function getGroup(codedeploy, application, group) {
    try {
        const output = await codedeploy.send(new client_codedeploy_dist_cjs/* GetDeploymentGroupCommand */.WOp({ applicationName: application, deploymentGroupName: group }));
        if (!output.deploymentGroupInfo) {
            throw new Error(`GetDeploymentGroup ${application}/${group} returned no deployment group.`);
        }
        return { groupInfo: output.deploymentGroupInfo };
    }
    catch (error) {
        const name = (0,src_errors/* errorName */.Is)(error);
        if (name === 'ApplicationDoesNotExistException')
            return { missing: 'application' };
        if (name === 'DeploymentGroupDoesNotExistException')
            return { missing: 'group' };
        throw new Error(`GetDeploymentGroup ${application}/${group}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
}
/** Every ECS deployment group of every application in the region that deploys this service. */
async function groupsBoundTo(codedeploy, clusterName, serviceName) {
    const found = [];
    for (const application of await listAll(codedeploy, listApplicationsPage)) {
        const names = await listAll(codedeploy, (client, token) => listGroupsPage(client, application, token));
        for (let start = 0; start < names.length; start += BATCH_LIMIT) {
            const output = await codedeploy.send(new client_codedeploy_dist_cjs/* BatchGetDeploymentGroupsCommand */.rUZ({
                applicationName: application,
                deploymentGroupNames: names.slice(start, start + BATCH_LIMIT),
            }));
            for (const groupInfo of output.deploymentGroupsInfo ?? []) {
                if (groupInfo.computePlatform === 'ECS' && deploysService(groupInfo, clusterName, serviceName)) {
                    found.push({ application, group: groupInfo.deploymentGroupName ?? '', groupInfo });
                }
            }
        }
    }
    return found;
}
async function listAll(codedeploy, fetch) {
    const all = [];
    let token;
    do {
        const page = await fetch(codedeploy, token);
        all.push(...page.items);
        token = page.nextToken;
    } while (token);
    return all;
}
async function listApplicationsPage(codedeploy, nextToken) {
    const output = await codedeploy.send(new client_codedeploy_dist_cjs/* ListApplicationsCommand */.BJ_({ nextToken }));
    return { items: output.applications ?? [], nextToken: output.nextToken };
}
async function listGroupsPage(codedeploy, applicationName, nextToken) {
    const output = await codedeploy.send(new client_codedeploy_dist_cjs/* ListDeploymentGroupsCommand */.XOe({ applicationName, nextToken }));
    return { items: output.deploymentGroups ?? [], nextToken: output.nextToken };
}
function deploysService(groupInfo, clusterName, serviceName) {
    return (groupInfo.ecsServices ?? []).some((entry) => entry.serviceName === serviceName && lastSegment(entry.clusterName ?? '') === clusterName);
}
function checkGroupDeploysService(groupInfo, application, group, clusterName, serviceName) {
    if (groupInfo.computePlatform && groupInfo.computePlatform !== 'ECS') {
        throw new src_errors/* UserError */.yo(`--codedeploy-group: deployment group ${application}/${group} deploys to ${groupInfo.computePlatform}, ` +
            'not ECS; give the group of this ECS service.');
    }
    if (!deploysService(groupInfo, clusterName, serviceName)) {
        const services = groupInfo.ecsServices ?? [];
        const actual = services.map((entry) => `${entry.clusterName}/${entry.serviceName}`).join(', ') || 'no service';
        throw new src_errors/* UserError */.yo(`--codedeploy-group: deployment group ${application}/${group} deploys ${actual}, not ` +
            `${clusterName}/${serviceName}; give the group bound to this service.`);
    }
}
function missingGroupMessage(missing, application, group) {
    const advice = 'Give the application and group bound to the service, or neither to let berth find it.';
    return missing === 'application'
        ? `--codedeploy-application: there is no CodeDeploy application ${JSON.stringify(application)} in this region. ${advice}`
        : `--codedeploy-group: CodeDeploy application ${application} has no deployment group ${JSON.stringify(group)}. ${advice}`;
}
function ambiguousGroupMessage(bound, clusterName, serviceName) {
    if (bound.length === 0) {
        return (`no CodeDeploy deployment group deploys ${clusterName}/${serviceName}: berth looked for ` +
            `AppECS-${clusterName}-${serviceName}/DgpECS-${clusterName}-${serviceName} (the names the ECS console ` +
            'gives) and through every application in the region. Create one, or name it with --codedeploy-application ' +
            'and --codedeploy-group.');
    }
    const names = bound.map((found) => `${found.application}/${found.group}`).join(', ');
    return (`${bound.length} CodeDeploy deployment groups deploy ${clusterName}/${serviceName} (${names}); choose one with ` +
        '--codedeploy-application and --codedeploy-group.');
}
/** `arn:aws:ecs:…:cluster/prod` → `prod`; a bare name stays as it is. */
function lastSegment(value) {
    return value.slice(value.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./src/events.ts
var src_events = __webpack_require__(5694);
;// CONCATENATED MODULE: ./src/deploy/codedeploy/progress.ts

/** The deployment statuses after which nothing changes any more. */
const TERMINAL_STATUSES = new Set(['Succeeded', 'Failed', 'Stopped']);
function observe(info, target, roles) {
    const status = info.status ?? 'Unknown';
    const lifecycle = target?.lifecycleEvents ?? [];
    const statusAt = statusTime(info);
    return {
        status,
        ...(statusAt ? { statusAt } : {}),
        terminationWait: status === 'InProgress' && (info.instanceTerminationWaitTimeStarted === true || trafficShifted(lifecycle)),
        lifecycle,
        traffic: trafficOf(target, roles),
        taskSets: {
            blue: target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Blue')?.identifer,
            green: target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Green')?.identifer,
        },
    };
}
/** CodeDeploy's own time for the status it reports; none for statuses it does not timestamp. */
function statusTime(info) {
    if (info.status === 'Created')
        return info.createTime;
    if (info.status === 'InProgress')
        return info.startTime;
    return TERMINAL_STATUSES.has(info.status ?? '') ? info.completeTime : undefined;
}
/** AllowTraffic and AfterAllowTraffic are done: production traffic is on green and its last hook passed. */
function trafficShifted(lifecycle) {
    const done = (name) => {
        const status = lifecycle.find((event) => event.lifecycleEventName === name)?.status;
        return status === 'Succeeded' || status === 'Skipped';
    };
    return done('AllowTraffic') && done('AfterAllowTraffic');
}
/** Blue and green weights by label, or by task set id when `roles` says which set is which. */
function trafficOf(target, roles) {
    const sets = target?.taskSetsInfo ?? [];
    if (sets.length === 0)
        return undefined;
    const weight = (label) => {
        const id = label === 'Blue' ? roles?.blue : roles?.green;
        const set = id ? sets.find((entry) => entry.identifer === id) : sets.find((entry) => entry.taskSetLabel === label);
        return set?.trafficWeight ?? 0;
    };
    return {
        blue: weight('Blue'),
        green: weight('Green'),
        ...(target?.lastUpdatedAt ? { at: target.lastUpdatedAt } : {}),
    };
}
/**
 * The progress events between two looks, in the order a reader wants them: a new non-terminal status first,
 * then lifecycle changes (each traffic move right after the lifecycle events that preceded it), a terminal
 * status last.
 */
function progressEvents(previous, current, hooks) {
    const events = [];
    const statusChanged = current.status !== previous?.status;
    const terminal = TERMINAL_STATUSES.has(current.status);
    if (statusChanged && !terminal)
        events.push(statusEvent(current.status, current.statusAt));
    const lifecycle = lifecycleChanges(previous?.lifecycle ?? [], current.lifecycle, hooks);
    const traffic = trafficChange(previous?.traffic, current.traffic);
    // The last traffic step happens before AllowTraffic succeeds, even when one look sees both.
    const allowed = lifecycle.findIndex((event) => isAllowTrafficDone(event));
    if (traffic)
        lifecycle.splice(allowed < 0 ? lifecycle.length : allowed, 0, traffic);
    events.push(...lifecycle);
    if (current.terminationWait && !previous?.terminationWait && !terminal) {
        events.push(statusEvent(src_events/* TERMINATION_WAIT */.F5, endOf(current.lifecycle, 'AfterAllowTraffic')));
    }
    if (statusChanged && terminal)
        events.push(statusEvent(current.status, current.statusAt));
    return events;
}
function isAllowTrafficDone(event) {
    return event.type === 'lifecycle-event' && event.event.name === 'AllowTraffic' && event.event.status === 'Succeeded';
}
function statusEvent(status, at) {
    return { type: 'deployment-status', status, ...(at ? { at } : {}) };
}
function endOf(lifecycle, name) {
    return lifecycle.find((event) => event.lifecycleEventName === name)?.endTime;
}
function lifecycleChanges(before, after, hooks) {
    const previous = new Map(before.map((event) => [event.lifecycleEventName, event.status]));
    return after
        .filter((event) => event.status !== previous.get(event.lifecycleEventName))
        .filter((event) => previous.has(event.lifecycleEventName) || event.status !== 'Pending')
        .map((event) => ({ type: 'lifecycle-event', event: lifecycleChange(event, hooks) }));
}
function lifecycleChange(event, hooks) {
    const name = event.lifecycleEventName ?? 'Unknown';
    const hookFunction = hooks.find((hook) => hook.event === name)?.functionName;
    const at = event.endTime ?? event.startTime;
    const diagnostics = diagnosticsOf(event);
    return {
        name,
        status: event.status ?? 'Unknown',
        ...(at ? { at } : {}),
        ...(hookFunction ? { hookFunction } : {}),
        ...(diagnostics ? { diagnostics } : {}),
    };
}
/** `ErrorCode: message`; the log tail stays out, it is the hook's own output. */
function diagnosticsOf(event) {
    const { errorCode, message } = event.diagnostics ?? {};
    if (!errorCode && !message)
        return undefined;
    return [errorCode, message].filter(Boolean).join(': ');
}
function trafficChange(before, after) {
    if (!after)
        return undefined;
    const moved = before ? before.blue !== after.blue || before.green !== after.green : after.green > 0;
    if (!moved)
        return undefined;
    return { type: 'traffic-shifted', blue: after.blue, green: after.green, ...(after.at ? { at: after.at } : {}) };
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/deployment-config.ts
const ALL_AT_ONCE_CONFIG = 'CodeDeployDefault.ECSAllAtOnce';
/** The predefined ECS deployment configs and the traffic shape each stands for. */
const PREDEFINED_ECS_CONFIGS = {
    [ALL_AT_ONCE_CONFIG]: { type: 'all-at-once' },
    'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { type: 'linear', percentage: 10, intervalMinutes: 1 },
    'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { type: 'linear', percentage: 10, intervalMinutes: 3 },
    'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'canary', percentage: 10, intervalMinutes: 5 },
    'CodeDeployDefault.ECSCanary10Percent15Minutes': { type: 'canary', percentage: 10, intervalMinutes: 15 },
};
/**
 * The config name berth deploys with for a `--deployment-config` value. A canary or linear shape gets a stable
 * custom name, so every run with the same shape reuses one config instead of creating a new one each time.
 */
function deploymentConfigName(spec) {
    switch (spec.type) {
        case 'named':
            return spec.name;
        case 'all-at-once':
            return ALL_AT_ONCE_CONFIG;
        case 'canary':
            return `berth-canary-${spec.percentage}pct-${spec.intervalMinutes}min`;
        case 'linear':
            return `berth-linear-${spec.percentage}pct-every-${spec.intervalMinutes}min`;
    }
}
/** The CreateDeploymentConfig input for a custom canary or linear shape. */
function customDeploymentConfig(spec) {
    return {
        deploymentConfigName: deploymentConfigName(spec),
        computePlatform: 'ECS',
        trafficRoutingConfig: trafficRoutingConfig(spec),
    };
}
function trafficRoutingConfig(shape) {
    switch (shape.type) {
        case 'all-at-once':
            return { type: 'AllAtOnce' };
        case 'canary':
            return {
                type: 'TimeBasedCanary',
                timeBasedCanary: { canaryPercentage: shape.percentage, canaryInterval: shape.intervalMinutes },
            };
        case 'linear':
            return {
                type: 'TimeBasedLinear',
                timeBasedLinear: { linearPercentage: shape.percentage, linearInterval: shape.intervalMinutes },
            };
    }
}
/** Reads the shape of a config as GetDeploymentConfig describes it; undefined when it is not one berth knows. */
function shapeOf(config) {
    switch (config?.type) {
        case 'AllAtOnce':
            return { type: 'all-at-once' };
        case 'TimeBasedCanary': {
            const { canaryPercentage, canaryInterval } = config.timeBasedCanary ?? {};
            if (canaryPercentage === undefined || canaryInterval === undefined)
                return undefined;
            return { type: 'canary', percentage: canaryPercentage, intervalMinutes: canaryInterval };
        }
        case 'TimeBasedLinear': {
            const { linearPercentage, linearInterval } = config.timeBasedLinear ?? {};
            if (linearPercentage === undefined || linearInterval === undefined)
                return undefined;
            return { type: 'linear', percentage: linearPercentage, intervalMinutes: linearInterval };
        }
        default:
            return undefined;
    }
}
function sameShape(a, b) {
    return describeShape(a) === describeShape(b);
}
/** `canary 10%, then the rest after 5 min`, for plans and messages. */
function describeShape(shape) {
    switch (shape.type) {
        case 'all-at-once':
            return 'all traffic at once';
        case 'canary':
            return `canary ${shape.percentage}%, then the rest after ${shape.intervalMinutes} min`;
        case 'linear':
            return `linear ${shape.percentage}% every ${shape.intervalMinutes} min`;
    }
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/traffic-schedule.ts
/**
 * The steps a deployment config takes, from the first shift to 100% on green. A canary shifts its percentage,
 * waits one interval and shifts the rest; a linear config adds its percentage each interval until it reaches 100.
 */
function trafficSchedule(shape) {
    switch (shape.type) {
        case 'all-at-once':
            return [{ afterMinutes: 0, green: 100 }];
        case 'canary':
            return [
                { afterMinutes: 0, green: shape.percentage },
                { afterMinutes: shape.intervalMinutes, green: 100 },
            ];
        case 'linear': {
            const count = Math.ceil(100 / shape.percentage);
            return Array.from({ length: count }, (_, index) => ({
                afterMinutes: index * shape.intervalMinutes,
                green: Math.min(100, (index + 1) * shape.percentage),
            }));
        }
    }
}
/** Minutes from the first traffic shift until all traffic is on green. */
function shiftMinutes(shape) {
    const steps = trafficSchedule(shape);
    return steps[steps.length - 1].afterMinutes;
}
/** `10% → 100% after 5 min`, for the plan. */
function describeSchedule(steps) {
    return steps
        .map((step) => (step.afterMinutes === 0 ? `${step.green}%` : `${step.green}% at +${step.afterMinutes} min`))
        .join(' → ');
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/setup.ts







/** Statuses of a deployment that still holds its deployment group. */
const ACTIVE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
/** Reads and checks everything before any change: group, service binding, deployment config, AppSpec, busy group. */
async function planCodeDeploy(input) {
    const serviceName = input.service.serviceName ?? '';
    const clusterName = lastSegment(input.service.clusterArn ?? input.cluster);
    const { application, group, groupInfo } = await findGroup({ ...input, clusterName, serviceName });
    const config = await resolveDeploymentConfig(input.codedeploy, input.config.deploymentConfig, groupInfo);
    const appspec = await loadAppSpec(input);
    await ensureGroupIsFree(input, application, group);
    const plan = {
        application,
        group,
        groupInfo,
        ...config,
        appspec,
        targetId: `${clusterName}:${serviceName}`,
        clusterName,
        serviceName,
    };
    warnIfDeadlineIsShort(plan, input.config, input.reporter);
    return plan;
}
/** The lines of `--dry-run`'s plan for this driver. */
function describePlan(plan) {
    const lines = [];
    if (plan.createConfig) {
        lines.push(`CreateDeploymentConfig ${plan.createConfig.deploymentConfigName} (${describeShapeOf(plan)})`);
    }
    const config = plan.configName ?? `${plan.groupInfo.deploymentConfigName ?? 'the group default'} (the group's)`;
    const traffic = plan.shape ? `: ${describeSchedule(trafficSchedule(plan.shape))}` : '';
    const hooks = plan.appspec.hooks.map((hook) => `${hook.event}=${hook.functionName}`).join(', ');
    const termination = terminationWaitMinutes(plan.groupInfo);
    lines.push(`CreateDeployment in ${plan.application}/${plan.group} with ${config}${traffic}; ` +
        `traffic to ${plan.appspec.target.containerName}:${plan.appspec.target.containerPort}` +
        (hooks ? `; hooks ${hooks}` : '') +
        (termination > 0 ? `; then a ${termination} min termination wait before the original task set is removed` : ''));
    return lines;
}
/** How long CodeDeploy keeps the original task set after a successful deployment of this group. */
function terminationWaitMinutes(groupInfo) {
    return (groupInfo.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess
        ?.terminationWaitTimeInMinutes ?? 0);
}
function describeShapeOf(plan) {
    return plan.shape ? describeShape(plan.shape) : 'custom';
}
async function resolveDeploymentConfig(codedeploy, spec, groupInfo) {
    if (!spec)
        return { shape: await knownShape(codedeploy, groupInfo.deploymentConfigName) };
    const name = deploymentConfigName(spec);
    if (spec.type === 'all-at-once')
        return { configName: name, shape: { type: 'all-at-once' } };
    const existing = await getDeploymentConfig(codedeploy, name);
    if (spec.type === 'named') {
        if (!existing)
            throw new src_errors/* UserError */.yo(unknownConfigMessage(name));
        if (existing.computePlatform && existing.computePlatform !== 'ECS') {
            throw new src_errors/* UserError */.yo(`--deployment-config: ${name} is a ${existing.computePlatform} deployment config; ECS deployments need an ` +
                'ECS one, e.g. CodeDeployDefault.ECSAllAtOnce.');
        }
        return { configName: name, shape: shapeOf(existing.trafficRoutingConfig) ?? PREDEFINED_ECS_CONFIGS[name] };
    }
    const wanted = spec;
    if (!existing)
        return { configName: name, createConfig: customDeploymentConfig(spec), shape: wanted };
    const actual = shapeOf(existing.trafficRoutingConfig);
    if (!actual || !sameShape(actual, wanted)) {
        throw new src_errors/* UserError */.yo(`--deployment-config: the deployment config ${name} exists but does not shift traffic as its name says ` +
            `(${actual ? describeShape(actual) : 'unknown routing'}); delete it, or give a config by name.`);
    }
    return { configName: name, shape: wanted };
}
function unknownConfigMessage(name) {
    return (`--deployment-config: there is no CodeDeploy deployment config named ${JSON.stringify(name)}. Give a ` +
        `predefined one (${Object.keys(PREDEFINED_ECS_CONFIGS).join(', ')}), a custom one that exists, or a shape: ` +
        'canary:10%:5m, linear:10%:1m or all-at-once.');
}
async function getDeploymentConfig(codedeploy, name) {
    try {
        const output = await codedeploy.send(new client_codedeploy_dist_cjs/* GetDeploymentConfigCommand */.z2K({ deploymentConfigName: name }));
        return output.deploymentConfigInfo;
    }
    catch (error) {
        if ((0,src_errors/* errorName */.Is)(error) === 'DeploymentConfigDoesNotExistException')
            return undefined;
        throw new Error(`GetDeploymentConfig ${name}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
}
/** The shape of the group's own config, for the plan and the deadline check; unknown is fine. */
async function knownShape(codedeploy, name) {
    if (!name)
        return undefined;
    if (PREDEFINED_ECS_CONFIGS[name])
        return PREDEFINED_ECS_CONFIGS[name];
    try {
        return shapeOf((await getDeploymentConfig(codedeploy, name))?.trafficRoutingConfig);
    }
    catch {
        return undefined;
    }
}
async function loadAppSpec(input) {
    const target = loadBalancerTarget(input.service);
    const file = input.config.appspec;
    if (!file)
        return appSpecTemplate(target, input.config.hooks);
    let text;
    try {
        text = await (input.readFile ?? ((path) => (0,promises_.readFile)(path, 'utf8')))(file);
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`--appspec: cannot read ${file}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { file });
    }
    return parseAppSpec(text, file, target, input.config.hooks);
}
/** CodeDeploy runs one deployment per group: say so now rather than after the task definition is registered. */
async function ensureGroupIsFree(input, application, group) {
    let active;
    try {
        const output = await input.codedeploy.send(new client_codedeploy_dist_cjs/* ListDeploymentsCommand */.sr8({
            applicationName: application,
            deploymentGroupName: group,
            includeOnlyStatuses: [...ACTIVE_STATUSES],
        }));
        active = output.deployments ?? [];
    }
    catch (error) {
        input.reporter.emit({
            type: 'debug',
            message: `ListDeployments ${application}/${group} failed (${(0,src_errors/* errorMessage */.gJ)(error)}); not checking for a deployment in progress.`,
        });
        return;
    }
    if (active.length > 0)
        throw new src_errors/* UserError */.yo(busyGroupMessage(application, group, active[0]));
}
function busyGroupMessage(application, group, deploymentId) {
    const id = deploymentId ?? 'another deployment';
    return (`CodeDeploy deployment group ${application}/${group} is busy: deployment ${id} is in progress, and a group ` +
        `runs one deployment at a time. Wait for it to finish, or stop it ` +
        `(aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled), then deploy again.`);
}
/** The deployment may outlast `--wait-timeout`: traffic steps plus, when waited for, the termination wait. */
function warnIfDeadlineIsShort(plan, config, reporter) {
    if (!plan.shape)
        return;
    const terminationMinutes = config.waitFor === 'completed' ? terminationWaitMinutes(plan.groupInfo) : 0;
    const minutes = shiftMinutes(plan.shape) + terminationMinutes;
    if (minutes * 60_000 < config.waitTimeoutMs)
        return;
    const termination = terminationMinutes > 0 ? ` and keeps the original task set ${terminationMinutes} min after` : '';
    reporter.emit({
        type: 'warning',
        message: `the deployment shifts traffic over ${shiftMinutes(plan.shape)} min${termination}, which is at least ` +
            `--wait-timeout (${Math.round(config.waitTimeoutMs / 60_000)} min): the wait may end first. Raise ` +
            '--wait-timeout' +
            (terminationMinutes > 0 ? ', or use --wait-for traffic-shifted.' : '.'),
    });
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/judge.ts

/** The verdict of a finished deployment; undefined while it is still going. */
function codeDeployVerdict(info, lifecycle, hooks) {
    const id = info.deploymentId ?? 'deployment';
    switch (info.status) {
        case 'Succeeded':
            return { status: 'succeeded', reasons: [`CodeDeploy deployment ${id} succeeded.`], hints: [] };
        case 'Failed':
        case 'Stopped':
            return unsuccessful(info, lifecycle, hooks);
        default:
            return undefined;
    }
}
/** CodeDeploy rolled back: the original task set serves production traffic again. */
function rolledBack(info) {
    const rollback = info.rollbackInfo;
    return Boolean(rollback?.rollbackDeploymentId || rollback?.rollbackMessage);
}
function unsuccessful(info, lifecycle, hooks) {
    const back = rolledBack(info);
    const failedEvents = lifecycle.filter((event) => event.status === 'Failed');
    const reasons = [headline(info, back), ...failedEvents.map((event) => lifecycleReason(event, hooks))];
    const rollbackMessage = info.rollbackInfo?.rollbackMessage;
    if (rollbackMessage)
        reasons.push(`rollback: ${rollbackMessage}`);
    return { status: back ? 'rolled_back' : 'failed', reasons, hints: hintsFor(info, failedEvents, hooks, back) };
}
function headline(info, back) {
    const id = info.deploymentId ?? 'deployment';
    const verb = info.status === 'Stopped' ? 'was stopped' : 'failed';
    const error = info.errorInformation;
    const detail = error?.code || error?.message ? `: ${[error.code, error.message].filter(Boolean).join(': ')}` : '.';
    const suffix = back ? ' CodeDeploy rolled production traffic back to the original task set.' : '';
    return `CodeDeploy deployment ${id} ${verb}${detail}${detail.endsWith('.') ? '' : '.'}${suffix}`;
}
/** `lifecycle event AfterAllowTestTraffic failed (hook function smoke-check): ErrorCode: message` */
function lifecycleReason(event, hooks) {
    const name = event.lifecycleEventName ?? 'Unknown';
    const hook = hooks.find((binding) => binding.event === name);
    const diagnostics = diagnosticsOf(event);
    return (`lifecycle event ${name} failed${hook ? ` (hook function ${hook.functionName})` : ''}` +
        (diagnostics ? `: ${diagnostics}` : '.'));
}
function hintsFor(info, failedEvents, hooks, back) {
    const hints = [];
    for (const event of failedEvents) {
        const hook = hooks.find((binding) => binding.event === event.lifecycleEventName);
        if (!hook)
            continue;
        hints.push(`The ${hook.event} hook ${hook.functionName} reported Failed, or did not report within an hour. Its logs are ` +
            `in the CloudWatch Logs group /aws/lambda/${hook.functionName}.`);
    }
    if (!back && info.status === 'Failed') {
        hints.push('CodeDeploy did not roll back: turn on automatic rollback on DEPLOYMENT_FAILURE in the deployment group ' +
            'to have production traffic return to the original task set by itself.');
    }
    return hints;
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/follower.ts






/** Follows one deployment: reports what changed on each look, remembers what the explanation needs. */
class Follower {
    context;
    plan;
    deploymentId;
    last;
    lastTarget;
    info;
    /** Task set ids as first seen, so a rollback's traffic is told the right way round. */
    taskSets = {};
    readyNoticed = false;
    replacement;
    /** How many of them may fail before berth stops the deployment (CodeDeploy itself does not count them). */
    greenLimit;
    constructor(context, plan, deploymentId) {
        this.context = context;
        this.plan = plan;
        this.deploymentId = deploymentId;
        this.greenLimit = context.config.maxFailedTasks ?? failureThreshold(context.target.service.desiredCount ?? 1);
    }
    get observation() {
        return this.last;
    }
    async tick() {
        const changed = await this.look();
        const ending = this.ending() ?? (await this.greenFailing());
        return ending ? { done: ending } : { changed };
    }
    /**
     * Stopped tasks of the deployed revision in the service started since this deployment was created: the
     * replacement task set's, not those of an earlier deployment of the same revision.
     */
    get green() {
        const since = this.info?.createTime?.getTime();
        this.replacement ??= new StoppedTasks(this.context.clients.ecs, this.context.target.cluster, { serviceName: this.plan.serviceName }, { taskDefinitionArn: this.context.taskDefinitionArn, ...(since !== undefined ? { since } : {}) });
        return this.replacement;
    }
    /** How many of the replacement's tasks have failed (essential container exited, health checks), draining or not. */
    async greenFailures() {
        const essential = essentialContainers(this.context.taskDefinition.containerDefinitions ?? []);
        return (await this.green.refresh()).filter((task) => isTaskFailure(task, essential)).length;
    }
    /**
     * While traffic can still go back to blue (blue exists until the termination wait ends, so StopDeployment with
     * rollback restores it), the replacement's failed tasks against berth's limit.
     */
    async greenFailing() {
        if (this.info?.status !== 'InProgress')
            return undefined;
        const failures = await this.greenFailures();
        return failures >= this.greenLimit ? { kind: 'green-failing', failures } : undefined;
    }
    /** One GetDeployment + GetDeploymentTarget; emits what changed and says whether anything did. */
    async look() {
        const info = await getDeployment(this.context.clients.codedeploy, this.deploymentId);
        const target = (await getTarget(this.context.clients.codedeploy, this.deploymentId, this.plan.targetId)) ?? this.lastTarget;
        this.info = info;
        this.lastTarget = target;
        const current = observe(info, target);
        this.taskSets.blue ??= current.taskSets.blue;
        this.taskSets.green ??= current.taskSets.green;
        const events = progressEvents(this.last, current, this.plan.appspec.hooks);
        for (const event of events)
            this.context.reporter.emit(event);
        this.noticeReady(current);
        this.last = current;
        return events.length > 0;
    }
    noticeReady(current) {
        if (current.status !== 'Ready' || this.readyNoticed)
            return;
        this.readyNoticed = true;
        this.context.reporter.emit({
            type: 'info',
            message: `deployment ${this.deploymentId} waits for you to continue it (the group's deploymentReadyOption): ` +
                `aws deploy continue-deployment --deployment-id ${this.deploymentId} --deployment-wait-type READY_WAIT`,
        });
    }
    ending() {
        if (!this.info || !this.last)
            return undefined;
        const verdict = codeDeployVerdict(this.info, this.last.lifecycle, this.plan.appspec.hooks);
        if (verdict)
            return { kind: 'finished', verdict };
        if (this.context.config.waitFor === 'traffic-shifted' && trafficShifted(this.last.lifecycle)) {
            return { kind: 'traffic-shifted' };
        }
        return undefined;
    }
    /** One more look after the loop, so that late changes are not lost; errors here change nothing. */
    async flush() {
        try {
            await this.look();
            return this.ending();
        }
        catch {
            return undefined;
        }
    }
}
async function getDeployment(codedeploy, deploymentId) {
    const output = await codedeploy.send(new client_codedeploy_dist_cjs/* GetDeploymentCommand */.Tvn({ deploymentId }));
    if (!output.deploymentInfo)
        throw new Error(`GetDeployment ${deploymentId} returned no deployment.`);
    return output.deploymentInfo;
}
/** The ECS target; undefined until the deployment has started and CodeDeploy has created it. */
async function getTarget(codedeploy, deploymentId, targetId) {
    try {
        const output = await codedeploy.send(new client_codedeploy_dist_cjs/* GetDeploymentTargetCommand */.Oxg({ deploymentId, targetId }));
        return output.deploymentTarget?.ecsTarget;
    }
    catch (error) {
        const name = (0,src_errors/* errorName */.Is)(error);
        if (name === 'DeploymentTargetDoesNotExistException' || name === 'DeploymentNotStartedException')
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/deploy/codedeploy/driver.ts















const codedeploy = { name: 'codedeploy', prepare };
/** Looks taken after StopDeployment, to report the stop and its rollback. */
const STOP_LOOKS = 10;
/** Every check, before any change: the deployment group, the service binding, the config, the AppSpec. */
async function prepare(context) {
    const { service, cluster } = context.target;
    refuseWaitForPaused(context.config, `service ${service.serviceName ?? '?'} in cluster ${cluster} deploys with CodeDeploy`);
    const plan = await planCodeDeploy({
        config: context.config,
        codedeploy: context.clients.codedeploy,
        cluster: context.target.cluster,
        service: context.target.service,
        reporter: context.reporter,
    });
    return { plan: describePlan(plan), deploy: (deployContext) => deployCodeDeploy(deployContext, plan) };
}
/** Creates the CodeDeploy deployment of `plan` and follows it, lifecycle event by event, to a verdict. */
async function deployCodeDeploy(context, plan) {
    if (isUnchanged(context))
        return unchangedOutcome(context);
    await createConfigIfMissing(context, plan);
    const deploymentId = await createDeployment(context, plan);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: 'codedeploy',
    });
    const follower = new Follower(context, plan, deploymentId);
    const end = await watch(() => follower.tick(), watchOptions(context));
    if (end.kind === 'done')
        return conclude(context, follower, end.value);
    return interrupted(context, follower, end.kind);
}
async function createConfigIfMissing(context, plan) {
    const input = plan.createConfig;
    if (!input)
        return;
    context.reporter.emit({ type: 'debug', message: `CreateDeploymentConfig ${JSON.stringify(input)}` });
    try {
        // Sent again after a lost answer or a server error: if the first one went through, the second answers
        // DeploymentConfigAlreadyExistsException, which is taken below as success.
        await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new client_codedeploy_dist_cjs/* CreateDeploymentConfigCommand */.JKx(input)), {
            ...mutationRetry(context),
            retryable: errors/* isTransient */.dg,
        });
        context.reporter.emit({
            type: 'info',
            message: `created the CodeDeploy deployment config ${input.deploymentConfigName}.`,
        });
    }
    catch (error) {
        // Another run with the same shape created it in the meantime: the stable name means it is the same config.
        if ((0,src_errors/* errorName */.Is)(error) !== 'DeploymentConfigAlreadyExistsException') {
            throw new Error(`CreateDeploymentConfig ${input.deploymentConfigName}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
    }
}
/**
 * The deployment id. A group found busy only now (another deployment started since the preflight) is the same
 * user error as in the preflight: exit 2, nothing deployed.
 */
async function createDeployment(context, plan) {
    const appspec = appSpecContent(plan.appspec, context.taskDefinitionArn);
    const input = {
        applicationName: plan.application,
        deploymentGroupName: plan.group,
        ...(plan.configName ? { deploymentConfigName: plan.configName } : {}),
        description: `berth: ${plan.serviceName} to ${context.taskDefinitionArn}`.slice(0, 512),
        revision: { revisionType: 'AppSpecContent', appSpecContent: appspec },
    };
    context.reporter.emit({ type: 'debug', message: `CreateDeployment ${JSON.stringify(input)}` });
    try {
        // A retry after a server error may find the group busy with the deployment the first attempt created:
        // that one is adopted below, so a retry never starts a second deployment.
        const output = await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new client_codedeploy_dist_cjs/* CreateDeploymentCommand */.ttP(input)), {
            ...mutationRetry(context),
            retryable: errors/* isTransient */.dg,
        });
        if (!output.deploymentId)
            throw new Error('CreateDeployment returned no deployment id.');
        return output.deploymentId;
    }
    catch (error) {
        if ((0,src_errors/* errorName */.Is)(error) === 'DeploymentLimitExceededException') {
            const active = /\b(d-[A-Z0-9]{9})\b/.exec((0,src_errors/* errorMessage */.gJ)(error))?.[1];
            if (active && (await isSameDeployment(context, active, input)))
                return active;
            throw new src_errors/* UserError */.yo(busyGroupMessage(plan.application, plan.group, active));
        }
        throw new Error(`CreateDeployment in ${plan.application}/${plan.group}: ${(0,src_errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
}
/**
 * The group's active deployment deploys what we asked for (same description: this service to this revision).
 * GetDeployment is retried on any transient error: an error while checking is never taken for "not ours".
 */
async function isSameDeployment(context, deploymentId, input) {
    const info = await (0,aws_retry/* retrying */.R)(() => getDeployment(context.clients.codedeploy, deploymentId), {
        sleep: context.sleep,
        baseMs: quickPauseMs(context),
        maxDelayMs: 5_000,
        attempts: 1_000,
        givenUp: () => pastGrace(context),
    });
    return info.description === input.description && info.creator === 'user';
}
async function conclude(context, follower, ending) {
    const deploymentId = follower.deploymentId;
    if (ending.kind === 'traffic-shifted') {
        return {
            status: 'succeeded',
            deploymentId,
            reasons: [
                `all production traffic is on the new task set of CodeDeploy deployment ${deploymentId}; CodeDeploy ` +
                    'removes the original task set after the termination wait (--wait-for traffic-shifted does not wait for it).',
            ],
            hints: [],
        };
    }
    if (ending.kind === 'green-failing')
        return stopFailingGreen(context, follower, ending.failures);
    const { verdict } = ending;
    if (verdict.status === 'succeeded')
        return confirmSuccess(context, follower, { ...verdict, deploymentId });
    const rollback = await followRollback(context, follower);
    const evidence = await gather(context, follower);
    return {
        status: rollback?.failed ? 'failed' : verdict.status,
        deploymentId,
        reasons: [...verdict.reasons, ...(rollback ? [rollback.reason] : []), ...evidence.reasons],
        hints: [...verdict.hints, ...evidence.hints],
        ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
    };
}
/**
 * CodeDeploy's success is berth's only while the replacement's tasks are not failing: CodeDeploy does not follow
 * them. Once the original task set is gone there is nothing to roll back to through CodeDeploy, so it is `failed`.
 */
async function confirmSuccess(context, follower, success) {
    const failures = await follower.greenFailures().catch(() => 0);
    if (failures < follower.greenLimit)
        return success;
    const evidence = await gather(context, follower);
    return {
        status: 'failed',
        deploymentId: follower.deploymentId,
        reasons: [
            `CodeDeploy deployment ${follower.deploymentId} succeeded, but ${failures} tasks of the replacement task set ` +
                `(${lastSegment(context.taskDefinitionArn)}) have failed, reaching berth's limit of ${follower.greenLimit}; ` +
                'the original task set is gone, so the service runs the failing revision.',
            ...evidence.reasons,
        ],
        hints: evidence.hints,
        ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
    };
}
/** Why green's tasks stopped, when they did: reading them must not fail the run. */
function gather(context, follower) {
    return explainStoppedTasks(context, () => stoppedGreenTasks(context, follower), {});
}
/** Green's stopped tasks as the follower keeps them (by service), else those of the family in the cluster. */
async function stoppedGreenTasks(context, follower) {
    const byService = await follower.green.refresh();
    const family = context.taskDefinition.family;
    if (byService.length > 0 || !family)
        return byService;
    const only = { taskDefinitionArn: context.taskDefinitionArn };
    return new StoppedTasks(context.clients.ecs, context.target.cluster, { family }, only).refresh();
}
/**
 * The replacement task set keeps failing and CodeDeploy would wait on (it does not follow its tasks' health):
 * berth stops the deployment with automatic rollback, follows the rollback and says why the tasks stopped.
 */
async function stopFailingGreen(context, follower, failures) {
    const deploymentId = follower.deploymentId;
    const headline = `${failures} tasks of the replacement task set (${lastSegment(context.taskDefinitionArn)}) failed, reaching ` +
        `berth's limit of ${follower.greenLimit}${context.config.maxFailedTasks === undefined ? '' : ' (--max-failed-tasks)'}; ` +
        'CodeDeploy does not count them and would wait for the replacement to become healthy';
    const stop = await stopWithRollback(context, follower, 'the replacement task set keeps failing');
    const rollback = await followRollback(context, follower);
    const evidence = await gather(context, follower);
    const rolledBack = rollback !== undefined && !rollback.failed;
    return {
        status: rolledBack ? 'rolled_back' : 'failed',
        deploymentId,
        reasons: [
            `CodeDeploy deployment ${deploymentId}: ${headline}.`,
            stop,
            ...(rollback ? [rollback.reason] : []),
            ...evidence.reasons,
        ],
        hints: evidence.hints,
        ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
    };
}
/** CodeDeploy rolls an ECS deployment back with a deployment of its own: follow it while the deadline allows. */
async function followRollback(context, follower, options = watchOptions(context)) {
    const rollbackInfo = follower.info?.rollbackInfo;
    const rollbackId = rollbackInfo?.rollbackDeploymentId;
    if (!rollbackId)
        return undefined;
    context.reporter.emit({
        type: 'rollback-started',
        reason: rollbackInfo.rollbackMessage ?? `CodeDeploy started rollback deployment ${rollbackId}.`,
        taskDefinitionArn: context.previousTaskDefinitionArn,
    });
    const { codedeploy } = context.clients;
    const roles = { ...follower.taskSets };
    let last = follower.observation;
    let status;
    const end = await watch(async () => {
        const info = await getDeployment(codedeploy, rollbackId);
        const current = observe(info, await getTarget(codedeploy, rollbackId, follower.plan.targetId), roles);
        const traffic = trafficChange(last?.traffic, current.traffic);
        if (traffic)
            context.reporter.emit(traffic);
        const statusChanged = current.status !== status;
        if (statusChanged) {
            const at = current.statusAt ? { at: current.statusAt } : {};
            context.reporter.emit({ type: 'deployment-status', status: `Rollback ${current.status}`, ...at });
        }
        last = current.traffic ? current : last;
        status = current.status;
        return TERMINAL_STATUSES.has(current.status) ? { done: info } : { changed: statusChanged || traffic !== undefined };
    }, options);
    if (end.kind !== 'done') {
        return {
            reason: `rollback deployment ${rollbackId} was still in progress when berth stopped waiting.`,
            failed: false,
        };
    }
    if (end.value.status === 'Succeeded') {
        return {
            reason: `rollback deployment ${rollbackId} succeeded: production traffic is back on the original task set ` +
                `(${context.previousTaskDefinitionArn}).`,
            failed: false,
        };
    }
    const error = end.value.errorInformation;
    const detail = error ? `: ${[error.code, error.message].filter(Boolean).join(': ')}` : '';
    return { reason: `rollback deployment ${rollbackId} ended ${end.value.status} too${detail}`, failed: true };
}
async function interrupted(context, follower, kind) {
    const last = await follower.flush();
    if (last)
        return conclude(context, follower, last);
    const deploymentId = follower.deploymentId;
    const said = onInterruption(context, kind, `CodeDeploy deployment ${deploymentId}`, whereItWas(follower));
    const reasons = [said.headline];
    if (said.rollBack) {
        reasons.push(await stopWithRollback(context, follower, said.cause));
        // The run's deadline has passed or it was cancelled: the rollback is followed for the short grace only.
        const grace = {
            ...watchOptions(context),
            deadline: createDeadline(ROLLBACK_GRACE_MS, context.now),
            cancel: undefined,
        };
        const rollback = await followRollback(context, follower, grace);
        if (rollback)
            reasons.push(rollback.reason);
    }
    else
        reasons.push(said.left);
    return { status: kind, deploymentId, reasons, hints: [] };
}
/** `, at lifecycle event AfterAllowTestTraffic (hook function manual-check), 0% of traffic on the new task set` */
function whereItWas(follower) {
    const observation = follower.observation;
    if (!observation)
        return '';
    const current = observation.lifecycle.find((event) => event.status === 'InProgress');
    const parts = [];
    if (current?.lifecycleEventName) {
        const hook = follower.plan.appspec.hooks.find((binding) => binding.event === current.lifecycleEventName);
        parts.push(`at lifecycle event ${current.lifecycleEventName}` + (hook ? ` (hook function ${hook.functionName})` : ''));
    }
    else if (observation.terminationWait) {
        parts.push('in the termination wait');
    }
    if (observation.traffic)
        parts.push(`${observation.traffic.green}% of traffic on the new task set`);
    return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}
/**
 * StopDeployment with automatic rollback, retried on throttling, server errors and lost answers until the deadline
 * plus a short grace; then berth looks at the deployment, whatever the answer was (CodeDeploy answers Pending and
 * stops a little later; after a lost answer the retry is told the deployment already completed), and reports what
 * it is. `cause` says why, as the log and the verdict show it: `the wait timeout passed (--on-timeout rollback)`.
 */
async function stopWithRollback(context, follower, cause) {
    const deploymentId = follower.deploymentId;
    context.reporter.emit({
        type: 'debug',
        message: `StopDeployment ${JSON.stringify({ deploymentId, autoRollbackEnabled: true })}`,
    });
    let refused;
    try {
        await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new client_codedeploy_dist_cjs/* StopDeploymentCommand */.NzN({ deploymentId, autoRollbackEnabled: true })), rollbackRetry(context));
    }
    catch (error) {
        refused = error;
    }
    const alreadyDone = refused !== undefined && (0,src_errors/* errorName */.Is)(refused) === 'DeploymentAlreadyCompletedException';
    if (refused !== undefined && !alreadyDone) {
        return `could not stop CodeDeploy deployment ${deploymentId}: ${(0,src_errors/* errorMessage */.gJ)(refused)}`;
    }
    if (!alreadyDone) {
        context.reporter.emit({
            type: 'rollback-started',
            reason: `${cause}: stopped the deployment with automatic rollback`,
        });
    }
    for (let look = 0; look < STOP_LOOKS && !TERMINAL_STATUSES.has(follower.info?.status ?? ''); look++) {
        if (look > 0 || !alreadyDone)
            await (0,sleep/* pause */.v)(context.sleep, quickPauseMs(context), []);
        await follower.flush();
    }
    const status = follower.info?.status;
    if (status === 'Stopped' || status === 'Failed') {
        if (alreadyDone) {
            context.reporter.emit({
                type: 'rollback-started',
                reason: `${cause}: stopped the deployment with automatic rollback`,
            });
        }
        const rollbackId = follower.info?.rollbackInfo?.rollbackDeploymentId;
        const rollback = rollbackId ? ` CodeDeploy rolls it back with deployment ${rollbackId}` : '';
        return `stopped CodeDeploy deployment ${deploymentId} with automatic rollback (${cause}); it is ${status}.${rollback}`;
    }
    if (alreadyDone) {
        return `CodeDeploy deployment ${deploymentId} had already completed (${status ?? 'status unknown'}) when berth tried to stop it.`;
    }
    return `asked CodeDeploy to stop deployment ${deploymentId} with automatic rollback (${cause}).`;
}

;// CONCATENATED MODULE: ./src/deploy/rolling/judge.ts
const ROLLING_BACK = /circuit breaker: rolling back/i;
function ref(deployment) {
    return { id: deployment.id ?? '?', taskDefinition: deployment.taskDefinition ?? '?' };
}
/** The circuit breaker restores the last COMPLETED deployment under its old id; a newer deployment has a new id. */
function isRollback(deployment, tracking) {
    return deployment.id === tracking.previousDeploymentId || ROLLING_BACK.test(deployment.rolloutStateReason ?? '');
}
function judge(deployments, tracking) {
    const ours = deployments.find((deployment) => deployment.id === tracking.deploymentId);
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
    const other = primary && primary.id !== tracking.deploymentId ? primary : undefined;
    if (ours?.rolloutState === 'COMPLETED')
        return { state: 'succeeded', at: ours.updatedAt };
    if (other && isRollback(other, tracking)) {
        return {
            state: 'rolled_back',
            to: ref(other),
            reason: ours?.rolloutStateReason,
            at: ours?.updatedAt ?? other.createdAt,
        };
    }
    if (ours?.rolloutState === 'FAILED') {
        return { state: 'failed', reason: ours.rolloutStateReason ?? 'the deployment failed.', at: ours.updatedAt };
    }
    if (other)
        return { state: 'superseded', by: ref(other), at: other.createdAt };
    if (!ours) {
        return { state: 'failed', reason: `deployment ${tracking.deploymentId} is no longer listed on the service.` };
    }
    return { state: 'in_progress' };
}
/** Newest first, as DescribeServices lists them. */
function countsOf(deployments) {
    return deployments.map((deployment) => ({
        id: deployment.id ?? '?',
        status: deployment.status ?? '?',
        taskDefinition: deployment.taskDefinition ?? '?',
        desired: deployment.desiredCount ?? 0,
        pending: deployment.pendingCount ?? 0,
        running: deployment.runningCount ?? 0,
        failed: deployment.failedTasks ?? 0,
        ...(deployment.rolloutState ? { rolloutState: deployment.rolloutState } : {}),
    }));
}
function countsKey(counts) {
    return JSON.stringify(counts);
}
function eventKey(event) {
    return event.id ?? `${event.createdAt?.getTime() ?? ''} ${event.message ?? ''}`;
}
/** Events not seen before, oldest first; marks them seen. ECS lists events newest first. */
function takeNewEvents(events, seen) {
    const fresh = [];
    for (const event of [...events].reverse()) {
        const key = eventKey(event);
        if (seen.has(key))
            continue;
        seen.add(key);
        fresh.push(event);
    }
    return fresh;
}
function circuitBreakerOn(breaker) {
    return breaker?.enable === true;
}

;// CONCATENATED MODULE: ./src/deploy/rolling/update.ts








// What the rolling driver asks of ECS: the UpdateService that starts its deployment, and the one that rolls it back.
// Each is sent once by the SDK; after a lost answer berth looks at the service before sending it again.
/** How many looks berth takes, after a rollback on timeout or cancellation, to see it start. */
const ROLLBACK_LOOKS = 5;
function serviceName(context) {
    return context.target.service.serviceName ?? '';
}
function primaryOf(service) {
    return service.deployments?.find((deployment) => deployment.status === 'PRIMARY');
}
function updateInput(context, taskDefinition, force) {
    return {
        cluster: context.target.cluster,
        service: context.target.service.serviceName,
        taskDefinition,
        ...(context.config.desiredCount !== undefined ? { desiredCount: context.config.desiredCount } : {}),
        ...(force ? { forceNewDeployment: true } : {}),
    };
}
/** How far the service's clock may be from ours when berth asks whether a deployment started after its call. */
const CLOCK_SKEW_MS = 60_000;
/**
 * UpdateService. Throttling means it was not processed: sent again. After a lost answer or a server error it may
 * have been: berth first looks at the service, and `recognise` says whether the call's deployment is there; only
 * when it is not is the call sent again. berth's retry is the only one (the SDK sends mutating calls once).
 */
async function updateService(context, input, recognise, retry = {}) {
    context.reporter.emit({ type: 'debug', message: `UpdateService ${JSON.stringify(input)}` });
    const send = async () => {
        try {
            const output = await context.clients.ecs.send(new client_ecs_dist_cjs/* UpdateServiceCommand */.kZr(input));
            if (!output.service)
                throw new Error(`UpdateService returned no service for ${input.service}.`);
            return { service: output.service };
        }
        catch (error) {
            if ((0,errors/* isThrottling */.E2)(error) || !(0,errors/* isTransient */.dg)(error))
                throw error;
            const deploymentId = recognise(await lookAtService(context));
            if (deploymentId) {
                context.reporter.emit({
                    type: 'info',
                    message: `the answer to UpdateService was lost (${(0,src_errors/* errorMessage */.gJ)(error)}); the service shows that it started deployment ${deploymentId}, which berth follows.`,
                });
                return { deploymentId };
            }
            throw error;
        }
    };
    return (0,aws_retry/* retrying */.R)(send, { ...mutationRetry(context), retryable: errors/* isTransient */.dg, ...retry });
}
/** DescribeServices while checking what a call did: errors here are retried, never taken for an answer. */
function lookAtService(context) {
    return (0,aws_retry/* retrying */.R)(() => describeService(context.clients.ecs, context.target.cluster, serviceName(context)), {
        sleep: context.sleep,
        baseMs: quickPauseMs(context),
        attempts: 20,
        givenUp: () => pastGrace(context),
    });
}
/**
 * The deployment berth's UpdateService started, whatever became of it since: listed (IN_PROGRESS, FAILED, being
 * rolled back), or already drained after a rollback, when only the service's events still name it. It is the one
 * that was not on the service before (`before`) and appeared after the call: a listed deployment of our task
 * definition created since, or a deployment named by an event that was not there before.
 */
function startedDeployment(service, before, sentAt, taskDefinitionArn) {
    const known = new Set((before.deployments ?? []).map((deployment) => deployment.id));
    const listed = (service.deployments ?? []).find((deployment) => !known.has(deployment.id) &&
        deployment.taskDefinition === taskDefinitionArn &&
        (deployment.createdAt?.getTime() ?? 0) >= sentAt - CLOCK_SKEW_MS);
    if (listed?.id)
        return listed.id;
    const seen = new Set((before.events ?? []).map(eventKey));
    for (const event of service.events ?? []) {
        if (seen.has(eventKey(event)))
            continue;
        const id = /\(deployment ([^)\s]+)\)/.exec(event.message ?? '')?.[1];
        if (id && !known.has(id))
            return id;
    }
    return undefined;
}
async function startDeployment(context) {
    const before = context.target.service;
    const previous = primaryOf(before);
    if (isUnchanged(context) && previous?.id) {
        context.reporter.emit({
            type: 'info',
            message: `service ${before.serviceName} already runs ${context.taskDefinitionArn}; following its deployment ` +
                `${previous.id} (--force-new-deployment starts a new one).`,
        });
        return { deploymentId: previous.id, taskDefinitionArn: context.taskDefinitionArn };
    }
    const known = new Set((before.deployments ?? []).map((deployment) => deployment.id));
    const sentAt = context.now();
    const sent = await updateService(context, updateInput(context, context.taskDefinitionArn, context.config.forceNewDeployment), (service) => startedDeployment(service, before, sentAt, context.taskDefinitionArn));
    const previousDeploymentId = previous?.id;
    if ('deploymentId' in sent) {
        return { deploymentId: sent.deploymentId, taskDefinitionArn: context.taskDefinitionArn, previousDeploymentId };
    }
    const after = sent.service;
    const ours = after.deployments?.find((d) => d.status === 'PRIMARY' && !known.has(d.id)) ??
        after.deployments?.find((d) => d.taskDefinition === context.taskDefinitionArn && !known.has(d.id)) ??
        primaryOf(after);
    if (!ours?.id)
        throw new Error(`UpdateService did not start a deployment of ${context.taskDefinitionArn}.`);
    return {
        deploymentId: ours.id,
        taskDefinitionArn: context.taskDefinitionArn,
        previousDeploymentId: previousDeploymentId !== ours.id ? previousDeploymentId : undefined,
    };
}
/**
 * Puts the service back on the previous task definition and waits briefly to see the rollback deployment start.
 * `cause` says why, as the log and the verdict show it: `the wait timeout passed (--on-timeout rollback)`.
 */
async function rollBack(context, cause) {
    const previous = context.previousTaskDefinitionArn;
    const input = { ...updateInput(context, previous, false), desiredCount: undefined };
    // Sending it again is harmless (the same task definition, not forced): retried on throttling and server errors
    // until the deadline plus a short grace, and a lost answer is looked at like any other.
    let service;
    try {
        const sent = await updateService(context, input, (seen) => (primaryOf(seen)?.taskDefinition === previous ? (primaryOf(seen)?.id ?? previous) : undefined), rollbackRetry(context));
        service = 'service' in sent ? sent.service : undefined;
    }
    catch (error) {
        return { sent: false, reason: `could not roll the service back to ${previous}: ${(0,src_errors/* errorMessage */.gJ)(error)}` };
    }
    context.reporter.emit({ type: 'rollback-started', reason: cause, taskDefinitionArn: previous });
    for (let look = 0; look < ROLLBACK_LOOKS && primaryOf(service ?? {})?.taskDefinition !== previous; look++) {
        await (0,sleep/* pause */.v)(context.sleep, quickPauseMs(context), []);
        const seen = service;
        service = await describeService(context.clients.ecs, context.target.cluster, serviceName(context)).catch(() => seen);
    }
    const rollback = primaryOf(service ?? {});
    if (rollback?.taskDefinition !== previous) {
        return { sent: true, reason: `asked ECS to roll the service back to ${previous}: ${cause}.` };
    }
    return { sent: true, reason: `rolled the service back to ${previous} (deployment ${rollback.id}): ${cause}.` };
}

;// CONCATENATED MODULE: ./src/deploy/service-deployments.ts



// ECS keeps a service deployment for every deployment of an ECS-controller service (rolling or native): how berth
// finds the one of its deployment and reads it.
/** `ecs-svc/1234…` and `…:service-revision/<cluster>/<service>/1234…` carry the same digits. */
function isRevisionOf(revisionArn, deploymentId) {
    const digits = deploymentId.replace(/^ecs-svc\//, '');
    return revisionArn !== undefined && revisionArn.endsWith(`/${digits}`);
}
async function describeServiceDeployment(ecs, arn) {
    const output = await ecs.send(new client_ecs_dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [arn] }));
    const sd = output.serviceDeployments?.[0];
    if (!sd)
        throw new Error(`DescribeServiceDeployments: ${arn} is ${output.failures?.[0]?.reason ?? 'missing'}.`);
    return sd;
}
/**
 * The circuit breaker's own count of a rolling deployment, read from its service deployment when the failures
 * change: "3 of 5 failed tasks before the breaker trips". Accounts or regions without the service-deployment APIs
 * (or a policy without them) simply go without: the first refusal turns the reading off.
 */
class BreakerWatch {
    context;
    deploymentId;
    arn;
    off = false;
    last = '';
    constructor(context, deploymentId) {
        this.context = context;
        this.deploymentId = deploymentId;
    }
    async look() {
        if (this.off)
            return;
        const { clients, target, reporter } = this.context;
        try {
            this.arn ??= await this.find();
            if (!this.arn)
                return;
            const breaker = (await describeServiceDeployment(clients.ecs, this.arn)).deploymentCircuitBreaker;
            if (breaker?.failureCount === undefined || breaker.threshold === undefined)
                return;
            const key = `${breaker.failureCount}/${breaker.threshold}/${breaker.status}`;
            if (key === this.last)
                return;
            this.last = key;
            reporter.emit({
                type: 'circuit-breaker',
                failureCount: breaker.failureCount,
                threshold: breaker.threshold,
                status: breaker.status ?? '?',
            });
        }
        catch (error) {
            if (!(0,errors/* isTransient */.dg)(error))
                this.off = true;
            reporter.emit({
                type: 'debug',
                message: `circuit breaker count of ${target.service.serviceName} not read: ${(0,src_errors/* errorMessage */.gJ)(error)}`,
            });
        }
    }
    async find() {
        const { cluster, service } = this.context.target;
        const listed = await this.context.clients.ecs.send(new client_ecs_dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service: service.serviceName }));
        const ours = listed.serviceDeployments?.find((sd) => isRevisionOf(sd.targetServiceRevisionArn, this.deploymentId));
        return ours?.serviceDeploymentArn;
    }
}

;// CONCATENATED MODULE: ./src/deploy/ecs-native/calls.ts







// What the ECS-native driver asks of ECS beyond UpdateService: its own service deployment, found by its target
// revision, described on each look, and stopped with ROLLBACK on a timeout or a cancel.
/** How many pages of 100 service deployments berth reads to find its own. */
const LISTING_PAGES = 3;
/** How many looks berth takes for its service deployment to be listed after UpdateService answered. */
const LISTING_LOOKS = 10;
const ROLLING_BACK_OR_DONE = new Set([
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
    'SUCCESSFUL',
    'STOPPED',
]);
/**
 * The service deployment of the ECS deployment berth started: the one whose target revision is that deployment's
 * (never "the newest", which may be someone else's). The list is not filtered by time: berth's clock and the
 * service's may differ. Looked for a few times, since the list may lag behind UpdateService.
 */
async function findServiceDeployment(context, deploymentId) {
    const { cluster, service } = context.target;
    for (let look = 0;; look++) {
        const found = await listed(context, (sd) => isRevisionOf(sd.targetServiceRevisionArn, deploymentId));
        if (found?.serviceDeploymentArn)
            return found.serviceDeploymentArn;
        if (look + 1 >= LISTING_LOOKS) {
            throw new Error(`ECS lists no service deployment for deployment ${deploymentId} of service ${service.serviceName} in ` +
                `cluster ${cluster}; berth cannot follow it (ListServiceDeployments).`);
        }
        await (0,sleep/* pause */.v)(context.sleep, quickPauseMs(context), [context.deadline.signal, context.cancel]);
    }
}
/** The first listed service deployment `wanted` picks, through the first pages of the service's list. */
async function listed(context, wanted) {
    const { cluster, service } = context.target;
    let nextToken;
    for (let page = 0; page < LISTING_PAGES; page++) {
        const output = await context.clients.ecs.send(new client_ecs_dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service: service.serviceName, maxResults: 100, nextToken }));
        const found = output.serviceDeployments?.find(wanted);
        if (found || !output.nextToken)
            return found;
        nextToken = output.nextToken;
    }
    return undefined;
}
/**
 * StopServiceDeployment with ROLLBACK. After a lost answer or a server error berth describes the deployment first:
 * if it is already rolling back (or over), the call went through; otherwise it is sent again, until the grace ends.
 * A ConflictException means the deployment can no longer be stopped: berth says why from what it sees.
 */
async function calls_stopWithRollback(context, arn) {
    const send = async () => {
        try {
            await context.clients.ecs.send(new client_ecs_dist_cjs/* StopServiceDeploymentCommand */.a8L({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
            return { sent: true };
        }
        catch (error) {
            if ((0,src_errors/* errorName */.Is)(error) === 'ConflictException') {
                const seen = await describeServiceDeployment(context.clients.ecs, arn).catch(() => undefined);
                return {
                    sent: false,
                    reason: `ECS refused to stop it (${(0,src_errors/* errorMessage */.gJ)(error)}); it is ${seen?.status ?? 'in an unknown state'}.`,
                };
            }
            if (!(0,errors/* isTransient */.dg)(error))
                throw error;
            const seen = await describeServiceDeployment(context.clients.ecs, arn).catch(() => undefined);
            if (seen && ROLLING_BACK_OR_DONE.has(seen.status ?? ''))
                return { sent: true };
            throw error;
        }
    };
    try {
        return await (0,aws_retry/* retrying */.R)(send, rollbackRetry(context));
    }
    catch (error) {
        return { sent: false, reason: (0,src_errors/* errorMessage */.gJ)(error) };
    }
}

;// CONCATENATED MODULE: ./src/deploy/service-report.ts

/**
 * What a driver reports of each look at an ECS-controller service: its deployments' task counts when they change,
 * and the service events that appeared since the run began (kept for the explanation).
 */
class ServiceReport {
    reporter;
    now;
    seen = new Set();
    /** The service events that appeared while berth watched, oldest first. */
    serviceEvents = [];
    lastCounts = '';
    counts = [];
    /** The service's current service deployment, as the last look showed it. */
    current;
    constructor(reporter, now, before) {
        this.reporter = reporter;
        this.now = now;
        for (const event of before.events ?? [])
            this.seen.add(eventKey(event));
    }
    /** Emits task counts when they change and service events not seen before; true when anything was new. */
    report(service) {
        this.current = service.currentServiceDeployment;
        const counts = countsOf(service.deployments ?? []);
        const key = countsKey(counts);
        const countsChanged = key !== this.lastCounts;
        if (countsChanged) {
            this.lastCounts = key;
            this.counts = counts;
            this.reporter.emit({ type: 'tasks-changed', deployments: counts });
        }
        const fresh = takeNewEvents(service.events ?? [], this.seen);
        for (const event of fresh) {
            const message = event.message ?? '';
            this.serviceEvents.push({ at: event.createdAt, message });
            this.reporter.emit({ type: 'service-event', at: event.createdAt ?? new Date(this.now()), message });
        }
        return countsChanged || fresh.length > 0;
    }
}

;// CONCATENATED MODULE: ./src/deploy/ecs-native/judge.ts
const judge_ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
/** How our service deployment stands, for what the run waits for. */
function judge_judge(sd, waitFor) {
    const reason = sd.rollback?.reason ?? sd.statusReason ?? '';
    switch (sd.status) {
        case 'SUCCESSFUL':
            return { state: 'succeeded' };
        case 'ROLLBACK_SUCCESSFUL':
            return { state: 'rolled_back', reason };
        case 'ROLLBACK_FAILED':
            return { state: 'failed', reason: reason || 'its rollback failed.' };
        case 'STOPPED':
        case 'STOP_REQUESTED':
            return { state: 'stopped', reason };
    }
    const rollingBack = judge_ROLLING_BACK.has(sd.status ?? '');
    if (!rollingBack && waitFor === 'paused') {
        const hook = awaitingHook(sd);
        if (hook)
            return { state: 'paused', hook };
    }
    if (!rollingBack && waitFor === 'traffic-shifted' && productionOnGreen(sd) === 100)
        return { state: 'traffic_shifted' };
    return { state: 'in_progress', rollingBack };
}
function awaitingHook(sd) {
    return sd.lifecycleHookDetails?.find((hook) => hook.status === 'AWAITING_ACTION');
}
/** Green's share of production traffic, once ECS reports one. */
function productionOnGreen(sd) {
    return sd.targetServiceRevision?.requestedProductionTrafficWeight;
}
/** Production and test traffic on blue and green, or undefined before ECS reports weights. */
function trafficSplit(sd) {
    const green = productionOnGreen(sd);
    if (green === undefined)
        return undefined;
    const test = sd.targetServiceRevision?.requestedTestTrafficWeight;
    return { blue: 100 - green, green, ...(test !== undefined ? { test: { blue: 100 - test, green: test } } : {}) };
}
/** `arn:aws:lambda:…:function:NAME[:qualifier]` → NAME. */
function functionName(arn) {
    if (!arn)
        return undefined;
    return /:function:([^:]+)/.exec(arn)?.[1] ?? arn;
}
/** A hook as berth reports it: the stage it was seen at, the function's name. */
function hookChange(hook, stage) {
    return {
        hookId: hook.hookId ?? '?',
        targetType: hook.targetType ?? 'AWS_LAMBDA',
        ...(hook.targetType !== 'PAUSE' && hook.targetArn ? { functionName: functionName(hook.targetArn) } : {}),
        ...(stage ? { stage } : {}),
        status: hook.status ?? '?',
        ...(hook.expiresAt ? { expiresAt: hook.expiresAt } : {}),
    };
}
/** The strategy as a plan line reads it: `LINEAR: 25 % of production traffic every 1 min, then bake 2 min`. */
function describeStrategy(config) {
    const bake = `then bake ${config?.bakeTimeInMinutes ?? 0} min`;
    switch (config?.strategy) {
        case 'LINEAR': {
            const step = config.linearConfiguration?.stepPercent ?? 10;
            return `LINEAR: ${step} % of production traffic every ${config.linearConfiguration?.stepBakeTimeInMinutes ?? 6} min, ${bake}`;
        }
        case 'CANARY': {
            const canary = config.canaryConfiguration?.canaryPercent ?? 5;
            return `CANARY: ${canary} % of production traffic for ${config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10} min, then 100 %, ${bake}`;
        }
        default:
            return `BLUE_GREEN: all production traffic at once, ${bake}`;
    }
}
/** `PAUSE at POST_SCALE_UP; Lambda validate-green at POST_TEST_TRAFFIC_SHIFT` */
function describeHooks(config) {
    const hooks = config?.lifecycleHooks ?? [];
    if (hooks.length === 0)
        return undefined;
    return hooks
        .map((hook) => {
        const what = hook.targetType === 'PAUSE' ? 'PAUSE' : `Lambda ${functionName(hook.hookTargetArn) ?? '?'}`;
        return `${what} at ${(hook.lifecycleStages ?? []).join(', ')}`;
    })
        .join('; ');
}
/** Where a Lambda hook writes its logs, for the hint of a failed hook. */
function lambdaLogGroup(name) {
    return `/aws/lambda/${name}`;
}
/** The Lambda function named in a hook failure's reason (`Lifecycle hook target NAME returned FAILED status.`). */
function failedFunction(reason) {
    return /(?:hook target|unable to (?:invoke|parse the response from)) ([\w-]+)/.exec(reason)?.[1];
}

;// CONCATENATED MODULE: ./src/deploy/ecs-native/follower.ts







/**
 * Follows one ECS-native service deployment: on each look it reads the deployment and the service, and reports
 * what changed (stage, hooks, traffic, the circuit breaker's count, task counts, service events).
 */
class NativeFollower {
    context;
    deploymentId;
    arn;
    seen;
    stopped;
    /** The last description of the deployment. */
    last;
    stage;
    traffic = '';
    breaker = '';
    hooks = new Map();
    rollbackSeen = false;
    pauseExplained = false;
    constructor(context, deploymentId, arn) {
        this.context = context;
        this.deploymentId = deploymentId;
        this.arn = arn;
        this.seen = new ServiceReport(context.reporter, context.now, context.target.service);
        this.stopped = new StoppedTasks(context.clients.ecs, context.target.cluster, { startedBy: deploymentId });
    }
    async tick() {
        const changed = await this.look();
        const judgement = judge_judge(this.last ?? {}, this.context.config.waitFor);
        return judgement.state === 'in_progress' ? { changed } : { done: judgement };
    }
    /** Looks until the deployment ends, for as long as the grace after the deadline allows (a rollback berth asked for). */
    async toEnd() {
        for (;;) {
            const judgement = await this.flush();
            if (judgement && judgement.state !== 'in_progress')
                return judgement;
            if (pastGrace(this.context))
                return undefined;
            await (0,sleep/* pause */.v)(this.context.sleep, quickPauseMs(this.context), []);
        }
    }
    /** One more look, so that late changes are not lost; errors here change nothing. */
    async flush() {
        try {
            await this.look();
            return this.last && judge_judge(this.last, 'completed');
        }
        catch {
            return undefined;
        }
    }
    async look() {
        const { clients, target } = this.context;
        const [sd, service] = await Promise.all([
            describeServiceDeployment(clients.ecs, this.arn),
            describeService(clients.ecs, target.cluster, target.service.serviceName ?? ''),
        ]);
        this.last = sd;
        // Traffic first: a step's weights are set before ECS moves on to the next stage.
        const changes = [this.reportTraffic(sd), this.reportStage(sd), this.reportHooks(sd), this.reportBreaker(sd)];
        this.reportRollback(sd);
        return this.seen.report(service) || changes.some(Boolean);
    }
    reportStage(sd) {
        const stage = sd.lifecycleStage;
        if (!stage || stage === this.stage)
            return false;
        this.stage = stage;
        const bake = stage === 'BAKE_TIME' ? sd.deploymentConfiguration?.bakeTimeInMinutes : undefined;
        this.context.reporter.emit({
            type: 'stage-changed',
            stage,
            at: sd.updatedAt ?? new Date(this.context.now()),
            ...(bake ? { bakeMinutes: bake } : {}),
        });
        return true;
    }
    reportHooks(sd) {
        let changed = false;
        for (const hook of sd.lifecycleHookDetails ?? []) {
            const id = hook.hookId ?? '?';
            const known = this.hooks.get(id);
            if (known?.status === hook.status)
                continue;
            const stage = known?.stage ?? sd.lifecycleStage;
            this.hooks.set(id, { status: hook.status ?? '?', stage });
            this.context.reporter.emit({
                type: 'hook-changed',
                hook: hookChange(hook, stage),
                at: new Date(this.context.now()),
            });
            changed = true;
        }
        const waiting = awaitingHook(sd);
        if (waiting && !this.pauseExplained) {
            this.pauseExplained = true;
            const { cluster, service } = this.context.target;
            const command = `berth continue --cluster ${cluster} --service ${service.serviceName}`;
            this.context.reporter.emit({
                type: 'info',
                message: `the deployment waits at ${sd.lifecycleStage ?? 'a PAUSE hook'} for PAUSE hook ${waiting.hookId}` +
                    `${waiting.expiresAt ? ` until ${waiting.expiresAt.toISOString()} (then ${waiting.timeoutAction ?? 'ROLLBACK'})` : ''}: ` +
                    `continue it with \`${command}\`, or roll it back with \`${command} --rollback\`.`,
            });
        }
        return changed;
    }
    reportTraffic(sd) {
        const split = trafficSplit(sd);
        const key = JSON.stringify(split);
        if (!split || key === this.traffic)
            return false;
        this.traffic = key;
        this.context.reporter.emit({ type: 'traffic-shifted', ...split, at: sd.updatedAt ?? new Date(this.context.now()) });
        return true;
    }
    reportBreaker(sd) {
        const breaker = sd.deploymentCircuitBreaker;
        if (!breaker?.failureCount || breaker.threshold === undefined)
            return false;
        const key = `${breaker.failureCount}/${breaker.threshold}/${breaker.status}`;
        if (key === this.breaker)
            return false;
        this.breaker = key;
        this.context.reporter.emit({
            type: 'circuit-breaker',
            failureCount: breaker.failureCount,
            threshold: breaker.threshold,
            status: breaker.status ?? '?',
        });
        return true;
    }
    reportRollback(sd) {
        if (this.rollbackSeen || !sd.status?.startsWith('ROLLBACK'))
            return;
        this.rollbackSeen = true;
        this.context.reporter.emit({
            type: 'rollback-started',
            reason: sd.rollback?.reason ?? sd.statusReason ?? `service deployment ${sd.status}`,
            taskDefinitionArn: this.context.previousTaskDefinitionArn,
        });
    }
}

;// CONCATENATED MODULE: ./src/deploy/ecs-native/driver.ts








/**
 * ECS-native blue/green, linear and canary deployments: berth updates the service, finds the service deployment
 * ECS started for it, and follows its stages, hooks and traffic to a verdict; ECS shifts the traffic and rolls back.
 */
const ecsNative = {
    name: 'ecs-native',
    prepare: async ({ config, target }) => {
        const { service, cluster } = target;
        const where = `service ${service.serviceName ?? '?'} in cluster ${cluster}`;
        refuseCodeDeployInputs(config, `${where} deploys with ECS-native ${service.deploymentConfiguration?.strategy}`);
        const hasPause = (service.deploymentConfiguration?.lifecycleHooks ?? []).some((hook) => hook.targetType === 'PAUSE');
        if (config.waitFor === 'paused' && !hasPause) {
            throw new src_errors/* UserError */.yo(`--wait-for paused: ${where} has no PAUSE lifecycle hook, so its deployment never waits for berth continue; ` +
                'use --wait-for traffic-shifted or completed, or add a hook with targetType PAUSE.');
        }
        return { plan: planLines(target.service, cluster), deploy: deployNative };
    },
};
function planLines(service, cluster) {
    const hooks = describeHooks(service.deploymentConfiguration);
    return [
        `update service ${service.serviceName} in cluster ${cluster} from ${service.taskDefinition} to the registered ` +
            `revision (ecs-native); ECS shifts the traffic itself, ${describeStrategy(service.deploymentConfiguration)}`,
        ...(hooks ? [`ECS runs the lifecycle hooks ${hooks}`] : []),
    ];
}
async function deployNative(context) {
    if (isUnchanged(context) && isSteady(context.target.service))
        return unchangedOutcome(context);
    const tracking = await startDeployment(context);
    const arn = await findServiceDeployment(context, tracking.deploymentId);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId: tracking.deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: `ecs-native, ${describeStrategy(context.target.service.deploymentConfiguration)}`,
    });
    context.reporter.emit({ type: 'info', message: `following service deployment ${arn}` });
    const follower = new NativeFollower(context, tracking.deploymentId, arn);
    const end = await watch(() => follower.tick(), watchOptions(context));
    if (end.kind === 'done')
        return driver_conclude(context, follower, end.value);
    return driver_interrupted(context, follower, end.kind);
}
async function driver_conclude(context, follower, judgement) {
    const id = `service deployment ${follower.arn} (deployment ${follower.deploymentId})`;
    context.reporter.emit({ type: 'deployment-status', status: follower.last?.status ?? judgement.state });
    const base = { deploymentId: follower.deploymentId };
    switch (judgement.state) {
        case 'succeeded':
            return {
                ...base,
                status: 'succeeded',
                reasons: [`${id} completed: all traffic on the new revision, the old one removed.`],
                hints: [],
            };
        case 'traffic_shifted':
            return {
                ...base,
                status: 'succeeded',
                reasons: [
                    `${id}: all production traffic is on the new revision (--wait-for traffic-shifted); ECS goes on with ` +
                        `the bake time and removes the old revision after it.`,
                ],
                hints: [],
            };
        case 'paused': {
            const { cluster, service } = context.target;
            const command = `berth continue --cluster ${cluster} --service ${service.serviceName}`;
            return {
                ...base,
                status: 'paused',
                reasons: [
                    `${id} waits at ${follower.last?.lifecycleStage ?? '?'} for PAUSE hook ${judgement.hook.hookId}` +
                        `${judgement.hook.expiresAt ? `, until ${judgement.hook.expiresAt.toISOString()} (then ${judgement.hook.timeoutAction ?? 'ROLLBACK'})` : ''}.`,
                ],
                hints: [`Continue it with \`${command}\`, or roll it back with \`${command} --rollback\`.`],
            };
        }
        case 'in_progress':
            throw new Error('a deployment in progress has no verdict.');
    }
    const explanation = await driver_gather(context, follower);
    const reasons = [failureHeadline(context, id, judgement, follower), ...explanation.reasons];
    return {
        ...base,
        status: judgement.state === 'rolled_back' ? 'rolled_back' : 'failed',
        reasons,
        hints: [...hookHints(judgement), ...explanation.hints],
        ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
    };
}
function failureHeadline(context, id, judgement, follower) {
    const reason = judgement.reason ? `: ${judgement.reason}` : '.';
    switch (judgement.state) {
        case 'rolled_back':
            return `${id} failed and ECS rolled the service back to ${context.previousTaskDefinitionArn}${reason}`;
        case 'failed':
            return `${id} failed and its rollback failed too${reason}`;
        case 'stopped': {
            const current = follower.seen.current;
            if (current && current !== follower.arn) {
                return `${id} was superseded: service deployment ${current} started (someone else updated the service).`;
            }
            return `${id} was stopped${reason}`;
        }
    }
}
/** A failed Lambda hook: where its logs are. */
function hookHints(judgement) {
    const name = failedFunction(judgement.reason);
    if (!name)
        return [];
    return [
        `The hook function ${name} decided the rollback: its logs are in CloudWatch Logs group ${lambdaLogGroup(name)}.`,
    ];
}
function driver_gather(context, follower) {
    return explainStoppedTasks(context, () => follower.stopped.refresh(), {
        events: follower.seen.serviceEvents,
        fallback: follower.stopped.all(),
    });
}
/** Timeout or cancel: StopServiceDeployment with ROLLBACK (unless `leave`), then the rollback followed to its end. */
async function driver_interrupted(context, follower, kind) {
    const last = await follower.flush();
    if (last && last.state !== 'in_progress')
        return driver_conclude(context, follower, last);
    const stage = follower.last?.lifecycleStage;
    const green = follower.last && productionOnGreen(follower.last);
    const where = stage
        ? ` (at ${stage}${green !== undefined ? `, ${green} % of production traffic on the new revision` : ''})`
        : '';
    const said = onInterruption(context, kind, `service deployment ${follower.arn}`, where);
    const reasons = [said.headline];
    if (!said.rollBack)
        reasons.push(said.left);
    else {
        const stop = await calls_stopWithRollback(context, follower.arn);
        if (!stop.sent)
            reasons.push(`could not roll it back with StopServiceDeployment: ${stop.reason}`);
        else {
            context.reporter.emit({
                type: 'rollback-started',
                reason: said.cause,
                taskDefinitionArn: context.previousTaskDefinitionArn,
            });
            const end = await follower.toEnd();
            reasons.push(end?.state === 'rolled_back'
                ? `rolled the service back to ${context.previousTaskDefinitionArn} with StopServiceDeployment (ROLLBACK): ${said.cause}.`
                : `asked ECS to roll it back (StopServiceDeployment, ROLLBACK): ${said.cause}; ` +
                    `the rollback was ${end ? `${follower.last?.status}` : 'still in progress'} when berth stopped watching.`);
        }
    }
    const explanation = await driver_gather(context, follower);
    return {
        status: kind,
        deploymentId: follower.deploymentId,
        reasons: [...reasons, ...explanation.reasons],
        hints: explanation.hints,
        ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
    };
}

;// CONCATENATED MODULE: ./src/deploy/rolling/driver.ts









const rolling = {
    name: 'rolling',
    prepare: async ({ config, target }) => {
        const where = `service ${target.service.serviceName ?? '?'} in cluster ${target.cluster}`;
        refuseCodeDeployInputs(config, `${where} deploys with rolling updates (deployment controller ECS)`);
        refuseWaitForPaused(config, `${where} deploys with rolling updates`);
        return { deploy: deployRolling };
    },
};
/** UpdateService, then follow our deployment by its id to a verdict. */
async function deployRolling(context) {
    if (isUnchanged(context) && isSteady(context.target.service))
        return unchangedOutcome(context);
    const tracking = await startDeployment(context);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId: tracking.deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: 'rolling',
    });
    const follower = new driver_Follower(context, tracking, context.target.service);
    const end = await watch(() => follower.tick(), watchOptions(context));
    if (end.kind === 'done')
        return rolling_driver_conclude(context, follower, end.value);
    return rolling_driver_interrupted(context, follower, end.kind);
}
/** Follows one deployment: reports what changed on each look, and keeps what the explanation needs. */
class driver_Follower {
    context;
    tracking;
    seen;
    stopped;
    ownLimit;
    /** berth's own limit, not ECS, ended the deployment. */
    ownLimitReached = false;
    breaker;
    failedTasks = 0;
    constructor(context, tracking, before) {
        this.context = context;
        this.tracking = tracking;
        this.seen = new ServiceReport(context.reporter, context.now, before);
        this.stopped = new StoppedTasks(context.clients.ecs, context.target.cluster, { startedBy: tracking.deploymentId });
        this.ownLimit = ownFailureLimit(context);
        const breakerOn = circuitBreakerOn(before.deploymentConfiguration?.deploymentCircuitBreaker);
        this.breaker = breakerOn ? new BreakerWatch(context, tracking.deploymentId) : undefined;
    }
    async tick() {
        const service = await describeService(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
        const changed = this.seen.report(service);
        await this.readBreaker(service);
        const judgement = judge(service.deployments ?? [], this.tracking);
        if (judgement.state !== 'in_progress')
            return { done: judgement };
        const own = await this.ownFailure(changed);
        return own ? { done: own } : { changed };
    }
    /** When ECS counted another failed task of ours, the breaker's own count and threshold. */
    async readBreaker(service) {
        const ours = service.deployments?.find((deployment) => deployment.id === this.tracking.deploymentId);
        const failed = ours?.failedTasks ?? 0;
        if (failed === this.failedTasks)
            return;
        this.failedTasks = failed;
        if (failed > 0)
            await this.breaker?.look();
    }
    /** One look during a rollback: done once the service is steady on `previous`, or once its rollback failed. */
    async steadyOn(previous) {
        const service = await describeService(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
        const changed = this.seen.report(service);
        const primary = primaryOf(service);
        if (primary?.taskDefinition !== previous)
            return { changed };
        if (primary.rolloutState === 'FAILED')
            return { done: 'failed' };
        const steady = primary.rolloutState === 'COMPLETED' && (service.deployments ?? []).length === 1;
        return steady ? { done: 'steady' } : { changed };
    }
    /**
     * berth counts the deployment's failed tasks itself, against its own limit: the breaker's threshold when the
     * service has no breaker, twice it when it has one (a backstop for what the breaker does not count). Stopped
     * tasks are read again only when the service moved since the last look.
     */
    async ownFailure(changed) {
        if (!changed)
            return undefined;
        const essential = essentialContainers(this.context.taskDefinition.containerDefinitions ?? []);
        const failures = (await this.stopped.refresh()).filter((task) => isTaskFailure(task, essential)).length;
        if (failures < this.ownLimit.tasks)
            return undefined;
        this.ownLimitReached = true;
        return { state: 'failed', reason: this.ownLimit.describe(failures) };
    }
    /** One more look after the loop, so that late events and counts are not lost; errors here change nothing. */
    async flush() {
        try {
            const service = await describeService(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
            this.seen.report(service);
            return judge(service.deployments ?? [], this.tracking);
        }
        catch {
            return undefined;
        }
    }
}
function ownFailureLimit(context) {
    const breaker = context.target.service.deploymentConfiguration?.deploymentCircuitBreaker;
    const desired = context.config.desiredCount ?? context.target.service.desiredCount ?? 1;
    const limit = context.config.maxFailedTasks;
    if (limit !== undefined) {
        return {
            tasks: limit,
            rollBack: false,
            describe: (failures) => `${failures} of its tasks failed, reaching the limit of ${limit} (--max-failed-tasks).`,
        };
    }
    const threshold = failureThreshold(desired, breaker);
    if (!circuitBreakerOn(breaker)) {
        return {
            tasks: threshold,
            rollBack: false,
            describe: (failures) => `${failures} of its tasks failed, reaching berth's limit of ${threshold} for a service without deployment ` +
                'circuit breaker (the threshold the breaker would use; --max-failed-tasks sets another).',
        };
    }
    return {
        tasks: 2 * threshold,
        rollBack: breaker?.rollback === true,
        describe: (failures) => `${failures} of its tasks failed, twice the circuit breaker's threshold of ${threshold}, yet the breaker did ` +
            'not trip: it does not count tasks that stop after they passed their health checks.',
    };
}
function driver_headline(judgement, deploymentId) {
    switch (judgement.state) {
        case 'succeeded':
            return `deployment ${deploymentId} completed.`;
        case 'rolled_back':
            return (`deployment ${deploymentId} failed${judgement.reason ? ` (${judgement.reason})` : ''} and ECS rolled the ` +
                `service back to ${judgement.to.taskDefinition} (deployment ${judgement.to.id}).`);
        case 'failed':
            return `deployment ${deploymentId} failed: ${judgement.reason}`;
        case 'superseded':
            return (`deployment ${deploymentId} was superseded by deployment ${judgement.by.id} ` +
                `(task definition ${judgement.by.taskDefinition}).`);
    }
}
const NO_BREAKER_HINT = 'The service has no deployment circuit breaker, so ECS keeps replacing the failing tasks until a fixed or ' +
    'previous revision is deployed. Turn on deploymentCircuitBreaker {enable: true, rollback: true} to have ECS roll ' +
    'back by itself.';
async function rolling_driver_conclude(context, follower, judgement) {
    const deploymentId = follower.tracking.deploymentId;
    if (judgement.state === 'in_progress')
        throw new Error('a deployment in progress has no verdict.');
    context.reporter.emit({
        type: 'deployment-status',
        status: judgement.state,
        ...(judgement.at ? { at: judgement.at } : {}),
    });
    if (judgement.state === 'succeeded')
        return { status: 'succeeded', deploymentId, reasons: [driver_headline(judgement, deploymentId)], hints: [] };
    const rollback = await rollbackAfterFailure(context, follower, judgement);
    const explanation = await rolling_driver_gather(context, follower);
    const hints = [...explanation.hints];
    if (judgement.state === 'failed' &&
        !circuitBreakerOn(context.target.service.deploymentConfiguration?.deploymentCircuitBreaker)) {
        hints.push(NO_BREAKER_HINT);
    }
    return {
        status: rollback?.restored ? 'rolled_back' : 'failed',
        deploymentId,
        reasons: [driver_headline(judgement, deploymentId), ...(rollback?.reasons ?? []), ...explanation.reasons],
        hints,
        ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
    };
}
/**
 * Whoever rolls the service back (ECS's circuit breaker, or berth when its own limit is reached and the breaker
 * asks for rollback), berth follows the rollback until the service is steady on the previous revision, or the
 * deadline: the verdict is `rolled_back` only when the service went back.
 */
async function rollbackAfterFailure(context, follower, judgement) {
    if (judgement.state === 'rolled_back') {
        return { restored: true, reasons: await driver_followRollback(context, follower, judgement.to.taskDefinition ?? '') };
    }
    if (!(judgement.state === 'failed' && follower.ownLimitReached && follower.ownLimit.rollBack))
        return undefined;
    const cause = "the deployment failed and the service's circuit breaker asks for rollback (rollback: true)";
    const requested = await rollBack(context, cause);
    if (!requested.sent)
        return { restored: false, reasons: [requested.reason] };
    const previous = context.previousTaskDefinitionArn;
    return { restored: true, reasons: [requested.reason, ...(await driver_followRollback(context, follower, previous))] };
}
/** Watches the service until its rollback to `previous` completes; what it saw, when it did not. */
async function driver_followRollback(context, follower, previous) {
    const end = await watch(() => follower.steadyOn(previous), watchOptions(context));
    if (end.kind === 'done' && end.value === 'steady')
        return [];
    if (end.kind === 'done')
        return [`the rollback to ${previous} did not complete: its deployment failed too.`];
    const when = end.kind === 'timed_out' ? 'when the wait timeout passed' : 'when the run was cancelled';
    return [
        `the rollback to ${previous} was still in progress ${when}${progress(follower.seen.counts, primaryId(follower))}.`,
    ];
}
function primaryId(follower) {
    return follower.seen.counts.find((counts) => counts.status === 'PRIMARY')?.id ?? '';
}
/** Stopped tasks, service events and log tails of our deployment, explained. Reading them must not fail the run. */
function rolling_driver_gather(context, follower) {
    return explainStoppedTasks(context, () => follower.stopped.refresh(), {
        events: follower.seen.serviceEvents,
        orAll: true,
        fallback: follower.stopped.all(),
    });
}
function progress(counts, deploymentId) {
    const ours = counts.find((deployment) => deployment.id === deploymentId);
    if (!ours)
        return '';
    return ` (${ours.running} of ${ours.desired} tasks running, ${ours.pending} pending)`;
}
async function rolling_driver_interrupted(context, follower, kind) {
    const last = await follower.flush();
    if (last && last.state !== 'in_progress')
        return rolling_driver_conclude(context, follower, last);
    const deploymentId = follower.tracking.deploymentId;
    const said = onInterruption(context, kind, `deployment ${deploymentId}`, progress(follower.seen.counts, deploymentId));
    const reasons = [said.headline, said.rollBack ? (await rollBack(context, said.cause)).reason : said.left];
    const explanation = await rolling_driver_gather(context, follower);
    return {
        status: kind,
        deploymentId,
        reasons: [...reasons, ...explanation.reasons],
        hints: explanation.hints,
        ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
    };
}

;// CONCATENATED MODULE: ./src/deploy/select.ts




/** The drivers berth has, by the strategy `chooseStrategy` picks. */
const DRIVERS = { rolling: rolling, codedeploy: codedeploy, 'ecs-native': ecsNative };
const NATIVE_STRATEGIES = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
function select_describeService(service, cluster) {
    return `service ${service.serviceName ?? '?'} in cluster ${cluster}`;
}
/** Picks the driver from the service's deployment controller; `--strategy` may only confirm what the service allows. */
function chooseStrategy(service, cluster, requested) {
    const controller = service.deploymentController?.type ?? 'ECS';
    const where = select_describeService(service, cluster);
    if (controller === 'EXTERNAL') {
        throw new src_errors/* UserError */.yo(`${where} uses the EXTERNAL deployment controller, which berth cannot drive; ` +
            'berth deploys services whose controller is ECS or CODE_DEPLOY.');
    }
    if (controller === 'CODE_DEPLOY') {
        if (requested === 'auto' || requested === 'codedeploy')
            return 'codedeploy';
        throw new src_errors/* UserError */.yo(`--strategy ${requested}: ${where} uses the CODE_DEPLOY deployment controller, and ECS rejects task ` +
            'definition updates on it. Use --strategy auto or --strategy codedeploy.');
    }
    const native = NATIVE_STRATEGIES.has(service.deploymentConfiguration?.strategy ?? 'ROLLING');
    if (requested === 'codedeploy') {
        throw new src_errors/* UserError */.yo(`--strategy codedeploy: ${where} uses the ECS deployment controller; CodeDeploy can only deploy services ` +
            'created with the CODE_DEPLOY controller. Use --strategy auto or rolling.');
    }
    if (requested === 'rolling' && native) {
        throw new src_errors/* UserError */.yo(`--strategy rolling: ${where} is configured for ${service.deploymentConfiguration?.strategy} deployments. ` +
            'Use --strategy auto or --strategy ecs-native.');
    }
    if (requested === 'ecs-native' && !native) {
        throw new src_errors/* UserError */.yo(`--strategy ecs-native: ${where} is configured for ${service.deploymentConfiguration?.strategy ?? 'ROLLING'} ` +
            'deployments (deploymentConfiguration.strategy), not BLUE_GREEN, LINEAR or CANARY. Use --strategy auto or rolling.');
    }
    return native ? 'ecs-native' : 'rolling';
}
function driverFor(name) {
    return DRIVERS[name];
}

;// CONCATENATED MODULE: ./src/deploy/target.ts


/** DescribeServices, with every way it can be wrong turned into a UserError that names the flag. */
async function describeTarget(ecs, cluster, name) {
    let lookup;
    try {
        lookup = await lookUpService(ecs, cluster, name);
    }
    catch (error) {
        if ((0,src_errors/* errorName */.Is)(error) === 'ClusterNotFoundException') {
            throw new src_errors/* UserError */.yo(`--cluster ${cluster}: ECS has no such cluster in this account and region.`);
        }
        throw error;
    }
    if ('failure' in lookup) {
        const reason = lookup.failure.reason ?? 'MISSING';
        throw new src_errors/* UserError */.yo(`--service ${name}: cluster ${cluster} has no such service (${reason}); check --service and --cluster.`);
    }
    const status = lookup.service.status;
    if (status !== 'ACTIVE') {
        throw new src_errors/* UserError */.yo(`--service ${name}: the service in cluster ${cluster} is ${status}; berth deploys ACTIVE services only.`);
    }
    return lookup.service;
}

;// CONCATENATED MODULE: ./src/artifacts/image-detail.ts
const IMAGE_DETAIL_FILE = 'imageDetail.json';
/** `{"ImageURI": uri}`, plus the fields the ECR source action adds when the image's ECR details are known. */
function imageDetail(uri, ecr) {
    if (!ecr)
        return { ImageURI: uri };
    return {
        ...(ecr.imageSizeInBytes !== undefined ? { ImageSizeInBytes: String(ecr.imageSizeInBytes) } : {}),
        ...(ecr.imageDigest !== undefined ? { ImageDigest: ecr.imageDigest } : {}),
        Version: '1.0',
        ...(ecr.imagePushedAt !== undefined ? { ImagePushedAt: javaDateString(ecr.imagePushedAt) } : {}),
        ...(ecr.registryId !== undefined ? { RegistryId: ecr.registryId } : {}),
        ...(ecr.repositoryName !== undefined ? { RepositoryName: ecr.repositoryName } : {}),
        ImageURI: uri,
        ...(ecr.imageTags !== undefined ? { ImageTags: [...ecr.imageTags] } : {}),
    };
}
function serializeImageDetail(detail) {
    return JSON.stringify(detail, null, 2) + '\n';
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The ECR source action's timestamp form, Java's Date.toString in UTC: `Mon Jan 21 20:04:00 UTC 2019`. */
function javaDateString(date) {
    const two = (n) => String(n).padStart(2, '0');
    const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
    return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

;// CONCATENATED MODULE: ./src/artifacts/imagedefinitions.ts


const IMAGE_DEFINITIONS_FILE = 'imagedefinitions.json';
/**
 * The containers' images, in task definition order: the given containers (usually those whose image was
 * set), or all of them when none are given.
 */
function imageDefinitions(taskDefinition, containers = []) {
    const all = containersOf(taskDefinition).map(({ container }) => ({
        name: containerName(container),
        image: container.image,
    }));
    const existing = all.flatMap(({ name }) => name ?? []);
    const unknown = containers.filter((name) => !existing.includes(name));
    if (unknown.length > 0) {
        throw new src_errors/* UserError */.yo(`imagedefinitions.json: no container named ${unknown.map((name) => `"${name}"`).join(', ')}; ` +
            `the task definition's containers are ${existing.map((name) => `"${name}"`).join(', ')}.`);
    }
    const wanted = all.filter(({ name }) => name !== undefined && (containers.length === 0 || containers.includes(name)));
    return wanted.map(({ name, image }) => {
        if (typeof image !== 'string')
            throw new src_errors/* UserError */.yo(`imagedefinitions.json: container "${name}" has no image.`);
        return { name: name, imageUri: image };
    });
}
/** The file as the ECS action reads it: a JSON array of `{"name", "imageUri"}`, UTF-8. */
function serializeImageDefinitions(definitions) {
    const entries = definitions.map(({ name, imageUri }) => ({ name, imageUri }));
    return JSON.stringify(entries, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/artifacts/index.ts








/** CodeDeployToECS takes Image1 to Image4. */
const MAX_IMAGE_PLACEHOLDERS = 4;
/**
 * The CodePipeline artifacts for the rendered task definition, in a fixed order. With several images,
 * `imageDetail.json` is the first one's and each container also gets `<container>/imageDetail.json`, one per
 * CodeDeployToECS image artifact.
 */
function buildArtifacts(kinds, input) {
    const containers = unique(input.images.map((image) => image.container));
    const files = [];
    if (kinds.includes('imagedefinitions')) {
        const definitions = imageDefinitions(input.taskDefinition, containers);
        files.push({ name: IMAGE_DEFINITIONS_FILE, content: serializeImageDefinitions(definitions) });
    }
    if (kinds.includes('imagedetail'))
        files.push(...imageDetailFiles(input.taskDefinition, containers));
    if (kinds.includes('codedeploy'))
        files.push(...codeDeployFiles(input, containers));
    return files;
}
function imageDetailFiles(taskDefinition, containers) {
    const definitions = imageDefinitions(taskDefinition, containers);
    const [first] = definitions;
    const files = [{ name: IMAGE_DETAIL_FILE, content: serializeImageDetail(imageDetail(first.imageUri)) }];
    if (definitions.length > 1) {
        for (const { name, imageUri } of definitions) {
            files.push({ name: `${name}/${IMAGE_DETAIL_FILE}`, content: serializeImageDetail(imageDetail(imageUri)) });
        }
    }
    return files;
}
function codeDeployFiles(input, containers) {
    if (containers.length > MAX_IMAGE_PLACEHOLDERS) {
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: CodeDeployToECS fills in at most ${MAX_IMAGE_PLACEHOLDERS} images ` +
            `(Image1 to Image4), but ${containers.length} containers get a new image: ${containers.join(', ')}.`);
    }
    const placeholders = containers.map((container, i) => ({ container, placeholder: `IMAGE${i + 1}_NAME` }));
    const target = loadBalancedContainer(input.taskDefinition, input.appSpec?.containerName, input.appSpec?.containerPort);
    return [
        { name: TASKDEF_FILE, content: codeDeployTaskdef(input.taskDefinition, placeholders) },
        {
            name: APPSPEC_FILE,
            content: appSpecYaml({
                taskDefinition: TASK_DEFINITION_PLACEHOLDER,
                ...target,
                hooks: input.appSpec?.hooks ?? [],
            }),
        },
    ];
}
/** The container and port behind the load balancer: as given, else the first container with a port mapping. */
function loadBalancedContainer(taskDefinition, name, port) {
    const withPorts = containersOf(taskDefinition).flatMap(({ container }) => {
        const mappings = Array.isArray(container.portMappings) ? container.portMappings.filter(isObject) : [];
        const firstPort = mappings.map((mapping) => mapping.containerPort).find((value) => typeof value === 'number');
        const own = containerName(container);
        return own === undefined ? [] : [{ name: own, port: firstPort }];
    });
    const chosen = name === undefined
        ? withPorts.find((entry) => entry.port !== undefined)
        : withPorts.find((entry) => entry.name === name);
    if (name !== undefined && !chosen) {
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: no container named "${name}" for the AppSpec's LoadBalancerInfo; ` +
            `the task definition's containers are ${withPorts.map((entry) => `"${entry.name}"`).join(', ')}.`);
    }
    const containerPort = port ?? chosen?.port;
    if (!chosen || containerPort === undefined) {
        const which = name === undefined ? 'no container has a' : `container "${name}" has no`;
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: the AppSpec needs the container and port behind the load balancer, but ${which} ` +
            'portMapping with a containerPort; add one to the task definition.');
    }
    return { containerName: chosen.name, containerPort };
}
function unique(values) {
    return [...new Set(values)];
}

;// CONCATENATED MODULE: ./src/taskdef/json.ts
/** Where a JSON syntax error is, and what the parser wanted there. */
class JsonSyntaxError extends Error {
    expected;
    found;
    line;
    column;
    constructor(expected, found, line, column) {
        super(`expected ${expected}, found ${found}`);
        this.expected = expected;
        this.found = found;
        this.line = line;
        this.column = column;
    }
}
function pathKey(path) {
    return JSON.stringify(path);
}
/**
 * A strict JSON parser (RFC 8259) that remembers the line of every path and reports errors by line and column.
 * Native JSON.parse reports only an offset, in a message whose wording changes between Node versions.
 */
function parseJson(text) {
    const scanner = new Scanner(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const lines = new Map();
    scanner.skipSpace();
    const value = scanner.value([], lines);
    scanner.skipSpace();
    if (!scanner.atEnd())
        scanner.fail('the end of the file');
    return { value, lines };
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const LITERALS = [
    ['true', true],
    ['false', false],
    ['null', null],
];
class Scanner {
    text;
    at = 0;
    line = 1;
    lineStart = 0;
    constructor(text) {
        this.text = text;
    }
    atEnd() {
        return this.at >= this.text.length;
    }
    skipSpace() {
        while (this.at < this.text.length) {
            const char = this.text[this.at];
            if (char === '\n') {
                this.line++;
                this.lineStart = this.at + 1;
            }
            else if (char !== ' ' && char !== '\t' && char !== '\r') {
                return;
            }
            this.at++;
        }
    }
    value(path, lines) {
        const char = this.text[this.at];
        if (char === '{')
            return this.object(path, lines);
        if (char === '[')
            return this.array(path, lines);
        if (char === '"')
            return this.string();
        if (char === '-' || (char >= '0' && char <= '9'))
            return this.number();
        for (const [word, literal] of LITERALS) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return literal;
            }
        }
        return this.fail('a value (object, array, string, number, true, false or null)');
    }
    object(path, lines) {
        const result = {};
        this.at++;
        this.skipSpace();
        if (this.take('}'))
            return result;
        for (;;) {
            if (this.text[this.at] !== '"')
                this.fail(`a property name in double quotes`);
            const keyLine = this.line;
            const key = this.string();
            this.skipSpace();
            if (!this.take(':'))
                this.fail(`':' after the property name ${JSON.stringify(key)}`);
            this.skipSpace();
            const memberPath = [...path, key];
            lines.set(pathKey(memberPath), keyLine);
            // defineProperty, so a key named __proto__ stays a plain key as with JSON.parse.
            Object.defineProperty(result, key, {
                value: this.value(memberPath, lines),
                enumerable: true,
                writable: true,
                configurable: true,
            });
            this.skipSpace();
            if (this.take('}'))
                return result;
            if (!this.take(','))
                this.fail(`',' or '}' after the value of ${JSON.stringify(key)}`);
            this.skipSpace();
            if (this.text[this.at] === '}')
                this.fail("a property name after ',' (JSON allows no trailing comma)");
        }
    }
    array(path, lines) {
        const result = [];
        this.at++;
        this.skipSpace();
        if (this.take(']'))
            return result;
        for (;;) {
            const itemPath = [...path, result.length];
            lines.set(pathKey(itemPath), this.line);
            result.push(this.value(itemPath, lines));
            this.skipSpace();
            if (this.take(']'))
                return result;
            if (!this.take(','))
                this.fail(`',' or ']' after an array item`);
            this.skipSpace();
            if (this.text[this.at] === ']')
                this.fail("a value after ',' (JSON allows no trailing comma)");
        }
    }
    string() {
        const start = this.at;
        this.at++;
        STRING_BODY.lastIndex = this.at;
        STRING_BODY.exec(this.text);
        this.at = STRING_BODY.lastIndex;
        if (this.text[this.at] !== '"') {
            if (this.atEnd() || this.text[this.at] === '\n')
                this.fail("a closing '\"' before the end of the line");
            if (this.text[this.at] === '\\')
                this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
            this.fail('a character allowed in a string (control characters must be escaped)');
        }
        this.at++;
        return JSON.parse(this.text.slice(start, this.at));
    }
    number() {
        NUMBER.lastIndex = this.at;
        const match = NUMBER.exec(this.text);
        if (!match)
            return this.fail('a number');
        this.at += match[0].length;
        return Number(match[0]);
    }
    take(char) {
        if (this.text[this.at] !== char)
            return false;
        this.at++;
        return true;
    }
    fail(expected) {
        throw new JsonSyntaxError(expected, this.describeHere(), this.line, this.at - this.lineStart + 1);
    }
    describeHere() {
        if (this.atEnd())
            return 'the end of the file';
        const char = this.text[this.at];
        // An unquoted word may be a value pasted without quotes, a token or a password: said by its kind, never echoed.
        if (/[A-Za-z_]/.test(char))
            return 'an unquoted word';
        if (/[0-9]/.test(char))
            return 'a digit';
        if (char === '\n' || char === '\r')
            return 'the end of the line';
        return `'${char}'`;
    }
}

;// CONCATENATED MODULE: ./src/taskdef/yaml.ts


/** Where a YAML syntax error is, and its kind in words (never the text around it, which may hold a secret). */
class YamlSyntaxError extends Error {
    problem;
    line;
    column;
    constructor(problem, line, column) {
        super(problem);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }
}
/**
 * A task definition written in YAML, as the official deploy action accepts it: the same value as its JSON, with
 * the line of every path (a member's key line, an item's line), so problems point into the file.
 */
function parseYaml(text) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
    const error = doc.errors[0];
    if (error) {
        const { line, col } = counter.linePos(error.pos[0]);
        throw new YamlSyntaxError(error.code.toLowerCase().replace(/_/g, ' '), line, col);
    }
    const lines = new Map();
    const lineOf = (node) => {
        const offset = node?.range?.[0];
        return offset === undefined ? undefined : counter.linePos(offset).line;
    };
    const visit = (node, path) => {
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const child = [...path, String(pair.key.value)];
                const line = lineOf(pair.key);
                if (line !== undefined)
                    lines.set(pathKey(child), line);
                visit(pair.value, child);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => {
                const line = lineOf(item);
                if (line !== undefined)
                    lines.set(pathKey([...path, index]), line);
                visit(item, [...path, index]);
            });
        }
    };
    visit(doc.contents, []);
    return { value: (doc.toJS() ?? null), lines };
}
/** A file whose name says YAML. */
function isYamlFile(file) {
    return /\.ya?ml$/i.test(file);
}

;// CONCATENATED MODULE: ./src/taskdef/read.ts





/**
 * Reads a task definition file, JSON or YAML: the bare definition, the `{"taskDefinition": …, "tags": …}` that
 * `aws ecs describe-task-definition` prints, or a RegisterTaskDefinition input (`--cli-input-json`).
 */
function parseTaskDefinition(text, file) {
    const { value, lines } = parseOrExplain(text, file);
    const lineAt = (path) => (path.length === 0 ? firstLine(text) : lines.get(pathKey(path)));
    if (!isObject(value)) {
        const line = firstLine(text);
        throw new src_errors/* UserError */.yo(`${file}:${line}: a task definition must be ${isYamlFile(file) ? 'a YAML mapping' : 'a JSON object'}, found ${kindOf(value)}.`, {
            file,
            line,
        });
    }
    const shape = read_shapeOf(value);
    const prefix = shape === 'describe' ? ['taskDefinition'] : [];
    const taskDefinition = shape === 'describe' ? value.taskDefinition : { ...value };
    const tags = readTags(value.tags, file, lineAt(['tags']));
    if (shape !== 'describe')
        delete taskDefinition.tags;
    requireContainers(taskDefinition, file, lineAt(prefix) ?? 1, lineAt([...prefix, 'containerDefinitions']));
    return {
        taskDefinition,
        ...(tags ? { tags } : {}),
        file,
        shape,
        lineOf: (path) => lineAt([...prefix, ...path]),
    };
}
/** A task definition fetched with DescribeTaskDefinition; timestamps become epoch seconds, as on the wire. */
function fromDescribeOutput(output) {
    if (!output.taskDefinition)
        throw new src_errors/* UserError */.yo('DescribeTaskDefinition returned no task definition.');
    const taskDefinition = toJson(output.taskDefinition);
    const tags = (output.tags ?? []).flatMap((tag) => tag.key !== undefined ? [{ key: tag.key, value: tag.value ?? '' }] : []);
    return {
        taskDefinition,
        ...(tags.length > 0 ? { tags } : {}),
        shape: 'describe',
        lineOf: () => undefined,
    };
}
/** JSON, or YAML for a `.yaml`/`.yml` file; a syntax error says where and what kind, never the text there. */
function parseOrExplain(text, file) {
    try {
        return isYamlFile(file) ? parseYaml(text) : parseJson(text);
    }
    catch (error) {
        const at = { file, line: error.line, column: error.column };
        const where = `${file}:${at.line}:${at.column}`;
        if (error instanceof JsonSyntaxError) {
            throw new src_errors/* UserError */.yo(`${where}: invalid JSON: expected ${error.expected}, found ${error.found}.`, at);
        }
        if (error instanceof YamlSyntaxError)
            throw new src_errors/* UserError */.yo(`${where}: invalid YAML: ${error.problem}.`, at);
        throw error;
    }
}
function read_shapeOf(value) {
    if (isObject(value.taskDefinition))
        return 'describe';
    return DESCRIBE_ONLY_FIELDS.some((field) => field in value) ? 'bare' : 'register';
}
function readTags(value, file, line) {
    if (value === undefined || value === null)
        return undefined;
    const valid = Array.isArray(value) &&
        value.every((tag) => isObject(tag) && typeof tag.key === 'string' && ['string', 'undefined'].includes(typeof tag.value));
    if (!valid) {
        throw new src_errors/* UserError */.yo(`${file}:${line ?? 1}: "tags" must be a list of {"key": "…", "value": "…"} objects.`, {
            file,
            line,
        });
    }
    return value.map((tag) => ({ key: tag.key, value: tag.value ?? '' }));
}
function requireContainers(taskDefinition, file, objectLine, listLine) {
    const list = taskDefinition.containerDefinitions;
    if (list === undefined) {
        throw new src_errors/* UserError */.yo(`${file}:${objectLine}: the task definition has no "containerDefinitions"; expected a task definition ` +
            'JSON (bare, as printed by aws ecs describe-task-definition, or a RegisterTaskDefinition input).', { file, line: objectLine });
    }
    if (!Array.isArray(list) || list.length === 0 || !list.every(isObject)) {
        const line = listLine ?? objectLine;
        throw new src_errors/* UserError */.yo(`${file}:${line}: "containerDefinitions" must be a non-empty list of container objects, found ${kindOf(list)}.`, { file, line });
    }
}
function kindOf(value) {
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : 'a list';
    if (value === null)
        return 'null';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function firstLine(text) {
    const match = /^\uFEFF?[ \t\r\n]*/.exec(text);
    return (match?.[0].match(/\n/g)?.length ?? 0) + 1;
}
/** SDK values to plain JSON: Dates to epoch seconds, undefined members dropped. */
function toJson(value) {
    if (value instanceof Date)
        return value.getTime() / 1000;
    if (Array.isArray(value))
        return value.map(toJson);
    if (isObject(value)) {
        return Object.fromEntries(Object.entries(value)
            .filter(([, member]) => member !== undefined)
            .map(([key, member]) => [key, toJson(member)]));
    }
    return value;
}

// EXTERNAL MODULE: ./src/taskdef/units.ts
var units = __webpack_require__(6503);
;// CONCATENATED MODULE: ./src/taskdef/render.ts


/**
 * Applies the edits to a copy of the task definition. Edited fields keep their place; new ones are appended;
 * everything else is carried through untouched. Edits naming an unknown container are skipped here and
 * reported by `validate`.
 */
function render(taskDefinition, edits) {
    const result = structuredClone(taskDefinition);
    if (edits.family !== undefined)
        result.family = edits.family;
    if (edits.cpu !== undefined)
        result.cpu = (0,units/* normaliseUnits */.e)('cpu', edits.cpu) ?? edits.cpu;
    if (edits.memory !== undefined)
        result.memory = (0,units/* normaliseUnits */.e)('memory', edits.memory) ?? edits.memory;
    if (edits.taskRoleArn !== undefined)
        result.taskRoleArn = edits.taskRoleArn;
    if (edits.executionRoleArn !== undefined)
        result.executionRoleArn = edits.executionRoleArn;
    for (const edit of edits.images) {
        for (const container of named(result, edit.container))
            container.image = edit.uri;
    }
    for (const edit of edits.env) {
        for (const container of named(result, edit.container)) {
            removeNamed(container, 'secrets', edit.name);
            setNamed(container, 'environment', { name: edit.name, value: edit.value });
        }
    }
    for (const edit of edits.secrets) {
        for (const container of named(result, edit.container)) {
            removeNamed(container, 'environment', edit.name);
            setNamed(container, 'secrets', { name: edit.name, valueFrom: edit.valueFrom });
        }
    }
    applyContainerEdits(result, edits);
    return result;
}
function applyContainerEdits(result, edits) {
    const each = (list, apply) => {
        for (const edit of list ?? [])
            for (const container of named(result, edit.container))
                apply(container, edit);
    };
    each(edits.commands, (container, edit) => (container.command = [...edit.command]));
    each(edits.dockerLabels, (container, edit) => {
        const labels = isObject(container.dockerLabels) ? container.dockerLabels : (container.dockerLabels = {});
        labels[edit.key] = edit.value;
    });
    each(edits.logConfigurations, setLogConfiguration);
    each(edits.environmentFiles, (container, edit) => {
        const files = Array.isArray(container.environmentFiles)
            ? container.environmentFiles
            : (container.environmentFiles = []);
        if (!files.some((file) => isObject(file) && file.value === edit.arn))
            files.push({ value: edit.arn, type: 's3' });
    });
    each(edits.containerCpu, (container, edit) => (container.cpu = edit.size));
    each(edits.containerMemory, (container, edit) => (container.memory = edit.size));
}
/**
 * The same driver keeps the options (and secretOptions) it has and takes the given ones over them; another driver
 * starts afresh, since one driver's options mean nothing to another.
 */
function setLogConfiguration(container, edit) {
    const current = isObject(container.logConfiguration) ? container.logConfiguration : undefined;
    if (current && current.logDriver === edit.logDriver) {
        current.options = { ...(isObject(current.options) ? current.options : {}), ...edit.options };
        return;
    }
    const options = Object.keys(edit.options).length > 0 ? { options: { ...edit.options } } : {};
    container.logConfiguration = { logDriver: edit.logDriver, ...options };
}
function named(taskDefinition, name) {
    return containersOf(taskDefinition)
        .map(({ container }) => container)
        .filter((container) => containerName(container) === name);
}
/** Sets an entry of `environment` or `secrets` in place when the name exists, else appends it. */
function setNamed(container, list, entry) {
    const entries = Array.isArray(container[list]) ? container[list] : (container[list] = []);
    const existing = entries.find((item) => isObject(item) && item.name === entry.name);
    if (isObject(existing))
        Object.assign(existing, entry);
    else
        entries.push(entry);
}
/** ECS rejects a name that is both an environment variable and a secret, so setting one removes the other. */
function removeNamed(container, list, name) {
    const entries = container[list];
    if (!Array.isArray(entries))
        return;
    container[list] = entries.filter((item) => !(isObject(item) && item.name === name));
}

// EXTERNAL MODULE: ./src/taskdef/credentials.ts
var credentials = __webpack_require__(3170);
;// CONCATENATED MODULE: ./src/taskdef/fargate.ts
/** The cpu/memory pairs Fargate offers (MiB), per cpu units. */
const FARGATE_SIZES = {
    '256': [512, 1024, 2048],
    '512': { from: 1024, to: 4096, step: 1024 },
    '1024': { from: 2048, to: 8192, step: 1024 },
    '2048': { from: 4096, to: 16384, step: 1024 },
    '4096': { from: 8192, to: 30720, step: 1024 },
    '8192': { from: 16384, to: 61440, step: 4096 },
    '16384': { from: 32768, to: 122880, step: 8192 },
};
const FARGATE_CPUS = Object.keys(FARGATE_SIZES);
/** The memory values Fargate accepts with this cpu, or undefined when Fargate has no such cpu size. */
function fargateMemoryFor(cpu) {
    const sizes = FARGATE_SIZES[cpu];
    if (sizes === undefined)
        return undefined;
    if (Array.isArray(sizes))
        return sizes;
    const values = [];
    for (let memory = sizes.from; memory <= sizes.to; memory += sizes.step)
        values.push(memory);
    return values;
}
/** `512, 1024, 2048` or, for long ranges, `2048-8192 in steps of 1024`. */
function describeMemoryChoices(cpu) {
    const sizes = FARGATE_SIZES[cpu];
    if (sizes === undefined)
        return '';
    if (Array.isArray(sizes))
        return sizes.join(', ');
    const count = (sizes.to - sizes.from) / sizes.step + 1;
    if (count <= 4)
        return (fargateMemoryFor(cpu) ?? []).join(', ');
    return `${sizes.from}-${sizes.to} in steps of ${sizes.step}`;
}

;// CONCATENATED MODULE: ./src/taskdef/image.ts
const MAX_LENGTH = 255;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TAG = /^\w[\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
/** Parses an image URI, or says what is wrong with it and what is accepted. */
function parseImageReference(uri) {
    const fail = (reason) => ({ ok: false, reason });
    if (uri.length === 0)
        return fail('the image is empty');
    if (/\s/.test(uri))
        return fail('an image URI has no spaces');
    if (uri.length > MAX_LENGTH)
        return fail(`an image URI is at most ${MAX_LENGTH} characters, this one has ${uri.length}`);
    const [named, digest, ...extra] = uri.split('@');
    if (extra.length > 0)
        return fail("an image URI has at most one '@'");
    if (digest !== undefined && !DIGEST.test(digest)) {
        return fail("the digest after '@' must be sha256: followed by 64 lower-case hex digits");
    }
    const lastSlash = named.lastIndexOf('/');
    const colon = named.indexOf(':', lastSlash + 1);
    const name = colon < 0 ? named : named.slice(0, colon);
    const tag = colon < 0 ? undefined : named.slice(colon + 1);
    if (tag !== undefined && !TAG.test(tag)) {
        return fail('a tag is 1-128 letters, digits, _ . and -, not starting with . or -');
    }
    const { registry, repository } = splitRegistry(name);
    if (registry !== undefined) {
        const problem = registryProblem(registry);
        if (problem)
            return fail(problem);
    }
    if (!repository || !repository.split('/').every((part) => PATH_COMPONENT.test(part))) {
        return fail('a repository name is lower-case letters and digits, parts joined by . _ __ or - and separated by /');
    }
    return {
        ok: true,
        image: {
            ...(registry !== undefined ? { registry } : {}),
            repository,
            ...(tag !== undefined ? { tag } : {}),
            ...(digest !== undefined ? { digest } : {}),
        },
    };
}
/** The first part is a registry host when it could not be a repository name: it has a dot, a port or is localhost. */
function splitRegistry(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { repository: name };
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
        return { registry: first, repository: name.slice(slash + 1) };
    }
    return { repository: name };
}
function registryProblem(registry) {
    const [host, port, ...extra] = registry.split(':');
    if (extra.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) {
        return `the registry ${JSON.stringify(registry)} must be HOST or HOST:PORT`;
    }
    if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
        return `the registry host ${JSON.stringify(host)} is not a valid host name`;
    }
    if (host.includes('.dkr.ecr') && !ECR_HOST.test(host)) {
        return `an ECR registry is ACCOUNT.dkr.ecr.REGION.amazonaws.com with a 12-digit account, not ${JSON.stringify(host)}`;
    }
    return undefined;
}
/** Why an image is not pinned (`:latest` or no tag at all), or undefined when it has a version tag or digest. */
function unpinnedReason(image) {
    if (image.digest)
        return undefined;
    if (image.tag === undefined)
        return 'has no tag, so ECS pulls :latest';
    if (image.tag === 'latest')
        return 'uses the :latest tag';
    return undefined;
}

;// CONCATENATED MODULE: ./src/taskdef/validate.ts





const MAX_CONTAINERS = 10;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/\S+$/;
const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(?::[^:\s]*){0,3}$/;
const SSM_NAME = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/;
const VALUE_FROM_FORMS = 'an SSM parameter name (/prod/db/password), an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) ' +
    'or a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:JSON_KEY:VERSION_STAGE:VERSION_ID])';
/** Every problem at once, errors and warnings, in a stable order: edits, task, then container by container. */
function validate(taskDefinition, edits = { images: [], env: [], secrets: [] }) {
    return [
        ...checkEdits(taskDefinition, edits),
        ...checkTask(taskDefinition),
        ...checkFargate(taskDefinition),
        ...checkContainerSizes(taskDefinition),
        ...containersOf(taskDefinition).flatMap(({ container, index }) => checkContainer(container, index)),
    ];
}
function hasErrors(problems) {
    return problems.some((problem) => problem.severity === 'error');
}
/** One line: `error: container "web" image: …`. */
function describeProblem(problem) {
    return `${problem.severity}: ${problemText(problem)}`;
}
/** Where the problem is and what it is, without its severity (for reporters that show severity their own way). */
function problemText(problem) {
    const where = problem.container === undefined ? problem.field : `container "${problem.container}" ${problem.field}`;
    return `${where}: ${problem.message}`;
}
/** Each edit that names a container: its flag, the field it sets and what it does, for the message. */
function containerEdits(edits) {
    const of = (list, flag, field, what) => (list ?? []).map((edit) => ({ container: edit.container, flag, field, what: what(edit) }));
    return [
        ...of(edits.images, '--image', 'image', () => 'set the image of'),
        ...of(edits.env, '--env', 'environment', (edit) => `set environment variable ${edit.name} in`),
        ...of(edits.secrets, '--secret', 'secrets', (edit) => `set secret ${edit.name} in`),
        ...of(edits.commands, '--command', 'command', () => 'set the command of'),
        ...of(edits.dockerLabels, '--docker-label', 'dockerLabels', (edit) => `set docker label ${edit.key} in`),
        ...of(edits.logConfigurations, '--log-configuration', 'logConfiguration', () => 'set the log configuration of'),
        ...of(edits.environmentFiles, '--environment-file', 'environmentFiles', () => 'add an environment file to'),
        ...of(edits.containerCpu, '--container-cpu', 'cpu', () => 'set the cpu of'),
        ...of(edits.containerMemory, '--container-memory', 'memory', () => 'set the memory of'),
    ];
}
function checkEdits(taskDefinition, edits) {
    const names = containersOf(taskDefinition).flatMap(({ container }) => containerName(container) ?? []);
    const existing = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'none';
    const unknown = containerEdits(edits)
        .filter((edit) => !names.includes(edit.container))
        .map(({ container, flag, field, what }) => ({
        severity: 'error',
        container,
        field,
        path: ['containerDefinitions'],
        message: `no container named "${container}" to ${what} (${flag}); the task definition's containers are ${existing}.`,
    }));
    return [...unknown, ...conflictingEdits(edits)];
}
function conflictingEdits(edits) {
    const problems = [];
    const images = new Map();
    for (const edit of edits.images) {
        const earlier = images.get(edit.container);
        if (earlier !== undefined && earlier !== edit.uri) {
            problems.push({
                severity: 'error',
                container: edit.container,
                field: 'image',
                path: ['containerDefinitions'],
                message: `two images are given for this container (${earlier} and ${edit.uri}); give one.`,
            });
        }
        images.set(edit.container, edit.uri);
    }
    for (const secret of edits.secrets) {
        if (edits.env.some((env) => env.container === secret.container && env.name === secret.name)) {
            problems.push({
                severity: 'error',
                container: secret.container,
                field: 'secrets',
                path: ['containerDefinitions'],
                message: `${secret.name} is given both as an environment variable and as a secret; ECS takes a name in one of them only.`,
            });
        }
    }
    return problems;
}
function checkTask(taskDefinition) {
    const problems = [];
    const task = (field, message, severity = 'error') => problems.push({ severity, field, path: [field], message });
    const family = taskDefinition.family;
    if (typeof family !== 'string' || !NAME.test(family)) {
        task('family', family === undefined
            ? 'the task definition has no family; give one in the file or with --family.'
            : `${JSON.stringify(family)} is not a valid family: 1-255 letters, digits, hyphens and underscores.`);
    }
    const containers = containersOf(taskDefinition);
    if (containers.length > MAX_CONTAINERS) {
        task('containerDefinitions', `a task definition holds at most ${MAX_CONTAINERS} containers, this one has ${containers.length}.`);
    }
    if (containers.length > 0 && containers.every(({ container }) => container.essential === false)) {
        task('essential', 'no container is essential; at least one must be (essential defaults to true when omitted).');
    }
    problems.push(...duplicateContainers(containers));
    return problems;
}
function duplicateContainers(containers) {
    const seen = new Set();
    const problems = [];
    for (const { container, index } of containers) {
        const name = containerName(container);
        if (name === undefined)
            continue;
        if (seen.has(name)) {
            problems.push({
                severity: 'error',
                container: name,
                field: 'name',
                path: ['containerDefinitions', index, 'name'],
                message: `two containers are named "${name}"; container names must be unique in a task definition.`,
            });
        }
        seen.add(name);
    }
    return problems;
}
function checkFargate(taskDefinition) {
    const compatibilities = taskDefinition.requiresCompatibilities;
    if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE'))
        return [];
    const problems = [];
    const task = (field, message) => problems.push({ severity: 'error', field, path: [field], message });
    if (taskDefinition.networkMode !== 'awsvpc') {
        const mode = taskDefinition.networkMode === undefined ? 'no networkMode' : `networkMode ${taskDefinition.networkMode}`;
        task('networkMode', `Fargate needs networkMode awsvpc; this task definition has ${mode}.`);
    }
    const cpu = validate_units('cpu', taskDefinition.cpu);
    const memory = validate_units('memory', taskDefinition.memory);
    const sizes = [
        ['cpu', cpu, 'cpu units (256, 1024) or vCPU (1 vCPU)'],
        ['memory', memory, 'MiB (512, 2048) or GB (2GB)'],
    ];
    const unreadable = sizes.filter(([, value]) => value !== undefined && !/^\d+$/.test(value));
    for (const [field, value, form] of unreadable)
        task(field, `${JSON.stringify(value)} is not a size: give ${form}.`);
    if (unreadable.length > 0)
        return problems;
    if (cpu === undefined)
        task('cpu', `Fargate needs a task cpu: one of ${FARGATE_CPUS.join(', ')}.`);
    if (memory === undefined)
        task('memory', 'Fargate needs a task memory in MiB, e.g. 512, 1024 or 2048.');
    if (cpu === undefined || memory === undefined)
        return problems;
    const accepted = fargateMemoryFor(cpu);
    if (accepted === undefined) {
        task('cpu', `Fargate offers no cpu ${cpu}; it accepts cpu ${FARGATE_CPUS.join(', ')}.`);
    }
    else if (!accepted.includes(Number(memory))) {
        task('memory', `Fargate offers no cpu ${cpu} with memory ${memory}: cpu ${cpu} accepts memory ${describeMemoryChoices(cpu)}.`);
    }
    const os = isObject(taskDefinition.runtimePlatform) ? taskDefinition.runtimePlatform.operatingSystemFamily : undefined;
    const windows = typeof os === 'string' && os.startsWith('WINDOWS');
    if (windows && Number(cpu) < 1024)
        task('cpu', `Windows on Fargate needs cpu 1024 or more, not ${cpu}.`);
    if (windows && Number(cpu) > 4096)
        task('cpu', `cpu ${cpu} on Fargate is for Linux only; Windows goes up to 4096.`);
    return problems;
}
/**
 * A container's memoryReservation above its memory is refused by ECS; containers that together ask for more cpu or
 * memory than the task has cannot all get it (`--container-cpu`, `--container-memory` make both easy to do).
 */
function checkContainerSizes(taskDefinition) {
    const problems = [];
    const containers = containersOf(taskDefinition);
    for (const { container, index } of containers) {
        const [memory, reservation] = [container.memory, container.memoryReservation];
        if (typeof memory === 'number' && typeof reservation === 'number' && reservation > memory) {
            problems.push({
                severity: 'error',
                container: containerName(container) ?? `#${index + 1}`,
                field: 'memory',
                path: ['containerDefinitions', index, 'memory'],
                message: `memory ${memory} MiB is less than the container's memoryReservation ${reservation} MiB; ECS takes a memory of at least the reservation.`,
            });
        }
    }
    const reserved = {
        cpu: containers.map(({ container }) => container.cpu),
        memory: containers.map(({ container }) => container.memoryReservation ?? container.memory),
    };
    for (const what of ['cpu', 'memory']) {
        const task = Number(validate_units(what, taskDefinition[what]));
        const total = reserved[what].reduce((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
        if (Number.isFinite(task) && task > 0 && total > task) {
            problems.push({
                severity: 'warning',
                field: what,
                path: [what],
                message: `the containers reserve ${total} ${what === 'cpu' ? 'cpu units' : 'MiB'} together, more than the task's ${task}.`,
            });
        }
    }
    return problems;
}
function validate_units(what, value) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value !== 'string')
        return undefined;
    return (0,units/* normaliseUnits */.e)(what, value) ?? value;
}
function checkContainer(container, index) {
    const name = containerName(container);
    const label = name ?? `#${index + 1}`;
    const at = (...path) => ['containerDefinitions', index, ...path];
    const problems = [];
    if (name === undefined || !NAME.test(name)) {
        problems.push({
            severity: 'error',
            container: label,
            field: 'name',
            path: at('name'),
            message: name === undefined
                ? 'the container has no name.'
                : `${JSON.stringify(name)} is not a valid container name: 1-255 letters, digits, hyphens and underscores.`,
        });
    }
    problems.push(...checkImage(container.image, label, at('image')));
    problems.push(...checkEnvironment(container, label, at));
    problems.push(...checkSecrets(container, label, at));
    return problems;
}
function checkImage(image, container, path) {
    const problem = (severity, message) => [
        { severity, container, field: 'image', path, message },
    ];
    if (typeof image !== 'string')
        return problem('error', 'the container has no image.');
    const parsed = parseImageReference(image);
    if (!parsed.ok) {
        return problem('error', `${JSON.stringify(image)} is not a valid image URI: ${parsed.reason}; expected REPOSITORY:TAG or ` +
            'REPOSITORY@sha256:DIGEST, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2.');
    }
    const unpinned = unpinnedReason(parsed.image);
    if (unpinned) {
        return problem('warning', `${image} ${unpinned}; pin a version tag or a digest so that a deployment is repeatable and a rollback ` +
            'restores the same image.');
    }
    return [];
}
function namedEntries(container, list) {
    const entries = container[list];
    if (!Array.isArray(entries))
        return [];
    return entries.flatMap((entry, index) => (isObject(entry) ? [{ entry, index }] : []));
}
function checkEnvironment(container, label, at) {
    const problems = [];
    const seen = new Set();
    for (const { entry, index } of namedEntries(container, 'environment')) {
        const path = at('environment', index);
        if (typeof entry.name !== 'string')
            continue;
        if (seen.has(entry.name)) {
            problems.push({
                severity: 'error',
                container: label,
                field: 'environment',
                path,
                message: `${entry.name} is set twice; give each environment variable once.`,
            });
        }
        seen.add(entry.name);
        const kind = typeof entry.value === 'string' ? (0,credentials/* credentialKind */.e)(entry.name, entry.value) : undefined;
        if (kind) {
            problems.push({
                severity: 'warning',
                container: label,
                field: 'environment',
                path,
                message: `the value of ${entry.name} looks like ${kind}; move it to "secrets" (Secrets Manager or SSM ` +
                    'Parameter Store) so that it stays out of the task definition and its logs.',
            });
        }
    }
    return problems;
}
function checkSecrets(container, label, at) {
    const problems = [];
    const environment = new Set(namedEntries(container, 'environment').map(({ entry }) => entry.name));
    const seen = new Set();
    for (const { entry, index } of namedEntries(container, 'secrets')) {
        const problem = (message, ...path) => problems.push({
            severity: 'error',
            container: label,
            field: 'secrets',
            path: at('secrets', index, ...path),
            message,
        });
        if (typeof entry.name !== 'string') {
            problem('a secret has no name.');
            continue;
        }
        if (seen.has(entry.name))
            problem(`${entry.name} is set twice; give each secret once.`);
        seen.add(entry.name);
        if (environment.has(entry.name)) {
            problem(`${entry.name} is both an environment variable and a secret; ECS takes a name in one of them only.`);
        }
        const reason = valueFromProblem(entry.valueFrom);
        if (reason)
            problem(`the valueFrom of ${entry.name} ${reason}; expected ${VALUE_FROM_FORMS}.`, 'valueFrom');
    }
    const log = isObject(container.logConfiguration) ? container.logConfiguration : {};
    if (Array.isArray(log.secretOptions)) {
        log.secretOptions.forEach((option, index) => {
            if (!isObject(option))
                return;
            const reason = valueFromProblem(option.valueFrom);
            if (!reason)
                return;
            problems.push({
                severity: 'error',
                container: label,
                field: 'logConfiguration.secretOptions',
                path: at('logConfiguration', 'secretOptions', index, 'valueFrom'),
                message: `the valueFrom of ${String(option.name)} ${reason}; expected ${VALUE_FROM_FORMS}.`,
            });
        });
    }
    return problems;
}
/** Why a valueFrom is not a reference ECS can resolve; the text names its form, never the value. */
function valueFromProblem(valueFrom) {
    if (typeof valueFrom !== 'string' || valueFrom === '')
        return 'is missing';
    if (valueFrom.startsWith('arn:')) {
        if (SSM_ARN.test(valueFrom) || SECRETS_MANAGER_ARN.test(valueFrom))
            return undefined;
        return `is an ARN of neither an SSM parameter nor a Secrets Manager secret (${arnService(valueFrom)})`;
    }
    if (SSM_NAME.test(valueFrom))
        return undefined;
    if (valueFrom.includes('/') && !valueFrom.startsWith('/'))
        return 'is a parameter path that does not start with /';
    return 'is not a parameter name: names are letters, digits, . _ - and / between path parts';
}
function arnService(arn) {
    const service = arn.split(':')[2];
    return service ? `service "${service}"` : 'malformed ARN';
}

;// CONCATENATED MODULE: ./src/taskdef/diff.ts




const HIDDEN = '(hidden)';
const TASK_FIELDS = [
    'family',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'requiresCompatibilities',
    'cpu',
    'memory',
];
const CONTAINER_FIELDS = ['image', 'cpu', 'memory', 'memoryReservation', 'essential', 'command', 'entryPoint'];
const SPECIAL_CONTAINER_FIELDS = [...CONTAINER_FIELDS, 'name', 'portMappings', 'environment', 'secrets'];
const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };
/**
 * What changed from `before` to `after`, ignoring describe-only fields, key order and the defaults ECS fills in
 * when it describes a registered definition.
 */
function diff(before, after) {
    const [from, to] = [normalise(before), normalise(after)];
    return [...diffTask(from, to), ...diffContainers(from, to)];
}
/** True when registering `after` would change nothing compared with `before`. */
function equivalent(before, after) {
    return diff(before, after).length === 0;
}
/** The diff as text: task-level changes first, then one block per container. */
function formatDiff(entries) {
    if (entries.length === 0)
        return 'no changes\n';
    const lines = [];
    let group = null;
    for (const entry of entries) {
        if (entry.field === 'container') {
            group = null;
            lines.push(entryLine(entry, `container ${entry.container}`));
            continue;
        }
        if (entry.container !== group) {
            group = entry.container;
            lines.push(group === undefined ? 'task definition' : `container ${group}`);
        }
        lines.push(`  ${entryLine(entry, entry.field)}`);
    }
    return lines.join('\n') + '\n';
}
function entryLine(entry, field) {
    if (entry.kind === 'added')
        return `+ ${field}: ${entry.after}`;
    if (entry.kind === 'removed')
        return `- ${field}: ${entry.before}`;
    return `~ ${field}: ${entry.before} -> ${entry.after}`;
}
// ---- normalisation: the form ECS describes a definition in, minus its defaults
function normalise(taskDefinition) {
    const result = dropEmpty(clean(taskDefinition));
    for (const what of ['cpu', 'memory']) {
        if (typeof result[what] === 'number' || typeof result[what] === 'string') {
            result[what] = (0,units/* normaliseUnits */.e)(what, String(result[what])) ?? result[what];
        }
    }
    if (result.enableFaultInjection === false)
        delete result.enableFaultInjection;
    // A RegisterTaskDefinition input carries tags; a described definition has them beside it, not in it.
    delete result.tags;
    if (result.networkMode === 'bridge')
        delete result.networkMode;
    const networkMode = typeof result.networkMode === 'string' ? result.networkMode : 'bridge';
    for (const { container } of containersOf(result))
        normaliseContainer(container, networkMode);
    return result;
}
function normaliseContainer(container, networkMode) {
    if (container.essential === true)
        delete container.essential;
    if (container.cpu === 0)
        delete container.cpu;
    if (Array.isArray(container.portMappings)) {
        for (const mapping of container.portMappings.filter(isObject))
            normalisePortMapping(mapping, networkMode);
    }
    if (isObject(container.healthCheck)) {
        const check = container.healthCheck;
        for (const [key, value] of Object.entries(HEALTH_CHECK_DEFAULTS))
            if (check[key] === value)
                delete check[key];
    }
}
function normalisePortMapping(mapping, networkMode) {
    if (mapping.protocol === 'tcp')
        delete mapping.protocol;
    const sameAsContainer = mapping.hostPort === mapping.containerPort;
    // awsvpc and host fill hostPort with containerPort; bridge describes a dynamic host port as 0.
    if ((networkMode === 'awsvpc' || networkMode === 'host') && sameAsContainer)
        delete mapping.hostPort;
    if (networkMode === 'bridge' && mapping.hostPort === 0)
        delete mapping.hostPort;
}
/** ECS describes unset lists and maps as `[]` and `{}`; drop them so both forms compare equal. */
function dropEmpty(value) {
    if (Array.isArray(value))
        return value.map(dropEmpty);
    if (!isObject(value))
        return value;
    const result = {};
    for (const [key, member] of Object.entries(value)) {
        const kept = dropEmpty(member);
        if (Array.isArray(kept) && kept.length === 0)
            continue;
        if (isObject(kept) && Object.keys(kept).length === 0)
            continue;
        result[key] = kept;
    }
    return result;
}
// ---- task level
function diffTask(before, after) {
    const keys = orderedKeys(before, after, TASK_FIELDS, ['containerDefinitions']);
    return keys.flatMap((key) => compare(before[key], after[key], [key], undefined));
}
// ---- containers
function diffContainers(before, after) {
    const old = byName(before);
    const current = byName(after);
    const entries = [];
    for (const [name, { container, index }] of current) {
        const previous = old.get(name);
        if (!previous) {
            entries.push({
                container: name,
                kind: 'added',
                field: 'container',
                path: ['containerDefinitions', index],
                after: `image ${display(container.image)}`,
            });
            continue;
        }
        entries.push(...diffContainer(name, previous.container, container, index));
    }
    for (const [name, { container, index }] of old) {
        if (current.has(name))
            continue;
        entries.push({
            container: name,
            kind: 'removed',
            field: 'container',
            path: ['containerDefinitions', index],
            before: `image ${display(container.image)}`,
        });
    }
    return entries;
}
function byName(taskDefinition) {
    const containers = new Map();
    for (const entry of containersOf(taskDefinition)) {
        const name = containerName(entry.container) ?? `#${entry.index + 1}`;
        if (!containers.has(name))
            containers.set(name, entry);
    }
    return containers;
}
function diffContainer(name, before, after, index) {
    const at = (...path) => ['containerDefinitions', index, ...path];
    const withEssentialDefault = (container) => ({
        ...container,
        essential: container.essential ?? true,
    });
    const [from, to] = [withEssentialDefault(before), withEssentialDefault(after)];
    const rest = orderedKeys(before, after, [], SPECIAL_CONTAINER_FIELDS);
    return [
        ...CONTAINER_FIELDS.flatMap((key) => compare(from[key], to[key], at(key), name, key)),
        ...diffPorts(name, before.portMappings, after.portMappings, at('portMappings')),
        ...diffNamed(name, 'environment', before.environment, after.environment, at('environment')),
        ...diffNamed(name, 'secrets', before.secrets, after.secrets, at('secrets')),
        ...rest.flatMap((key) => compare(before[key], after[key], at(key), name)),
    ];
}
function diffPorts(container, before, after, path) {
    const keyed = (list) => {
        const ports = new Map();
        if (Array.isArray(list)) {
            for (const mapping of list.filter(isObject)) {
                const port = mapping.containerPort ?? mapping.containerPortRange;
                ports.set(`${String(port)}/${String(mapping.protocol ?? 'tcp')}`, mapping);
            }
        }
        return ports;
    };
    const describe = (mapping) => {
        const { containerPort: _port, containerPortRange: _range, protocol: _protocol, ...rest } = mapping;
        return Object.keys(rest).length > 0 ? canonical(rest) : 'mapped';
    };
    return diffKeyed(keyed(before), keyed(after), (key, kind, from, to) => ({
        container,
        kind,
        field: `port ${key}`,
        path,
        ...(from ? { before: describe(from) } : {}),
        ...(to ? { after: describe(to) } : {}),
    }));
}
/** Environment variables and secrets, matched by name; credential-looking values are hidden. */
function diffNamed(container, list, before, after, path) {
    const valueKey = list === 'environment' ? 'value' : 'valueFrom';
    const keyed = (entries) => {
        const byEntryName = new Map();
        if (Array.isArray(entries)) {
            for (const entry of entries.filter(isObject)) {
                const name = String(entry.name);
                if (!byEntryName.has(name))
                    byEntryName.set(name, entry);
            }
        }
        return byEntryName;
    };
    const label = list === 'environment' ? 'environment' : 'secret';
    return diffKeyed(keyed(before), keyed(after), (name, kind, from, to) => {
        const hide = list === 'environment' &&
            [from, to].some((entry) => entry && typeof entry.value === 'string' && (0,credentials/* credentialKind */.e)(name, entry.value));
        const show = (entry) => (hide ? HIDDEN : display(entry[valueKey]));
        return {
            container,
            kind,
            field: `${label} ${name}`,
            path,
            ...(from ? { before: show(from) } : {}),
            ...(to ? { after: show(to) } : {}),
        };
    });
}
function diffKeyed(before, after, entry) {
    const entries = [];
    for (const [key, value] of after) {
        const previous = before.get(key);
        if (previous === undefined)
            entries.push(entry(key, 'added', undefined, value));
        else if (canonical(previous) !== canonical(value))
            entries.push(entry(key, 'changed', previous, value));
    }
    for (const [key, value] of before)
        if (!after.has(key))
            entries.push(entry(key, 'removed', value, undefined));
    return entries;
}
// ---- generic comparison by JSON path
/** Known fields first in their given order, then the others alphabetically, skipping `skip`. */
function orderedKeys(before, after, known, skip) {
    const all = new Set([...Object.keys(before), ...Object.keys(after)]);
    const others = [...all].filter((key) => !known.includes(key) && !skip.includes(key)).sort();
    return [...known.filter((key) => all.has(key)), ...others];
}
function compare(before, after, path, container, field = fieldLabel(path, container)) {
    if (before === undefined && after === undefined)
        return [];
    if (isObject(before) && isObject(after)) {
        return orderedKeys(before, after, [], []).flatMap((key) => compare(before[key], after[key], [...path, key], container, `${field}.${key}`));
    }
    if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some(isStructured)) {
        const length = Math.max(before.length, after.length);
        return Array.from({ length }, (_, i) => compare(before[i], after[i], [...path, i], container, `${field}[${i}]`)).flat();
    }
    if (canonical(before) === canonical(after))
        return [];
    const key = String(path[path.length - 1]);
    const show = (value) => (typeof value === 'string' && (0,credentials/* credentialKind */.e)(key, value) ? HIDDEN : display(value));
    const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    return [
        {
            ...(container !== undefined ? { container } : {}),
            kind,
            field,
            path,
            ...(before !== undefined ? { before: show(before) } : {}),
            ...(after !== undefined ? { after: show(after) } : {}),
        },
    ];
}
/** `logConfiguration.options.awslogs-group`, `volumes[0].name`: the path below the container or task. */
function fieldLabel(path, container) {
    const own = container === undefined ? path : path.slice(2);
    return own.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
function isStructured(value) {
    return typeof value === 'object' && value !== null;
}
function display(value) {
    if (value === undefined)
        return '(none)';
    if (typeof value === 'string')
        return value === '' ? '""' : value;
    return canonical(value);
}
/** JSON with object keys sorted, so that key order never shows up as a change. */
function canonical(value) {
    return JSON.stringify(value, (_key, member) => isObject(member)
        ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : member);
}

;// CONCATENATED MODULE: ./src/taskdef/index.ts









;// CONCATENATED MODULE: ./src/deploy/register.ts




function isNotFound(error) {
    const name = error?.name;
    return name === 'ClientException' || name === 'InvalidParameterException';
}
/** DescribeTaskDefinition with its tags; `undefined` when ECS has no such task definition. */
async function findTaskDefinition(ecs, ref) {
    try {
        const output = await ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref, include: ['TAGS'] }));
        const arn = output.taskDefinition?.taskDefinitionArn;
        return arn ? { arn, document: fromDescribeOutput(output) } : undefined;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
/** A task definition the user named (`--task-definition FAMILY[:REV]|ARN`, or the service's): it must exist. */
async function loadRegistered(ecs, ref, input) {
    const found = await findTaskDefinition(ecs, ref);
    if (found)
        return found;
    throw new src_errors/* UserError */.yo(`${input}: ECS has no task definition ${JSON.stringify(ref)}; expected an ACTIVE FAMILY, FAMILY:REVISION or ` +
        'task definition ARN, or a JSON file.');
}
/** The revision registers to the same thing as `input`: registering `input` would add nothing. */
function sameRevision(revision, input) {
    if (!revision)
        return false;
    return equivalent(clean(revision.document.taskDefinition), input);
}
/**
 * The revision a run deploys instead of registering `input`: the service's own when it is the same (so an
 * unchanged task definition is not registered again, whatever the family's latest revision is), else the family's
 * latest when it is the same.
 */
function reusableRevision(input, candidates) {
    return [candidates.current, candidates.latest].find((revision) => sameRevision(revision, input));
}
/**
 * Registers `input`, or reuses `reusable`. After a server error or a lost answer the revision may have been
 * registered after all: a retry first looks at the family's latest revision and reuses it when it is the one sent,
 * so retrying never registers it twice (the SDK itself never re-sends RegisterTaskDefinition).
 */
async function register(ecs, input, reusable, retry) {
    let attempt = 0;
    return (0,aws_retry/* retrying */.R)(async () => {
        const found = attempt++ === 0 ? reusable : await registeredMeanwhile(ecs, input);
        if (found)
            return {
                taskDefinitionArn: found.arn,
                taskDefinition: found.document.taskDefinition,
                reused: true,
            };
        const output = await ecs.send(new client_ecs_dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(input));
        const registered = output.taskDefinition;
        if (!registered?.taskDefinitionArn)
            throw new Error(`RegisterTaskDefinition returned no ARN for ${input.family}.`);
        return { taskDefinitionArn: registered.taskDefinitionArn, taskDefinition: registered, reused: false };
    }, { sleep: retry.sleep, baseMs: 500 });
}
async function registeredMeanwhile(ecs, input) {
    const latest = await findTaskDefinition(ecs, input.family ?? '');
    return sameRevision(latest, input) ? latest : undefined;
}
/** `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV` → FAMILY. */
function familyOf(arn) {
    const tail = arn.slice(arn.lastIndexOf('/') + 1);
    return tail.includes(':') ? tail.slice(0, tail.lastIndexOf(':')) : tail;
}
async function activeRevisions(ecs, family) {
    const arns = [];
    let nextToken;
    do {
        const page = await ecs.send(new client_ecs_dist_cjs/* ListTaskDefinitionsCommand */.Pse({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }));
        arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => familyOf(arn) === family));
        nextToken = page.nextToken;
    } while (nextToken);
    return arns;
}
/** Every task definition a service of the cluster runs or drains (all deployments, not only the PRIMARY). */
/** Every task definition a service of any cluster in the region runs or still deploys. */
async function revisionsInUse(ecs) {
    const used = new Set();
    for (const cluster of await register_listAll((nextToken) => ecs.send(new client_ecs_dist_cjs/* ListClustersCommand */.Nnn({ nextToken })), 'clusterArns')) {
        const serviceArns = await register_listAll((nextToken) => ecs.send(new client_ecs_dist_cjs/* ListServicesCommand */.qde({ cluster, nextToken })), 'serviceArns');
        for (let start = 0; start < serviceArns.length; start += 10) {
            const output = await ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: serviceArns.slice(start, start + 10) }));
            for (const service of output.services ?? []) {
                if (service.taskDefinition)
                    used.add(service.taskDefinition);
                for (const deployment of service.deployments ?? []) {
                    if (deployment.taskDefinition)
                        used.add(deployment.taskDefinition);
                }
            }
        }
    }
    return used;
}
async function register_listAll(fetch, key) {
    const all = [];
    let nextToken;
    do {
        const page = await fetch(nextToken);
        all.push(...(page[key] ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    return all;
}
/** The revisions to deregister: older than the newest `keep`, and not in use. Pure. */
function revisionsToDeregister(newestFirst, keep, inUse) {
    return newestFirst.slice(keep).filter((arn) => !inUse.has(arn));
}
/** `--keep-revisions N`: deregisters older ACTIVE revisions of the family that no service of the cluster uses. */
async function cleanUpRevisions(ecs, family, keep) {
    const candidates = revisionsToDeregister(await activeRevisions(ecs, family), keep, await revisionsInUse(ecs));
    for (const arn of candidates) {
        await ecs.send(new client_ecs_dist_cjs/* DeregisterTaskDefinitionCommand */.sjB({ taskDefinition: arn }));
    }
    return candidates;
}

;// CONCATENATED MODULE: ./src/stage.ts




/** Emits stage-started/ended around one stage, also when it throws, so that log groups always close. */
async function stage(deps, name, title, work) {
    deps.reporter.emit({ type: 'stage-started', stage: name, title });
    try {
        return await work();
    }
    finally {
        deps.reporter.emit({ type: 'stage-ended', stage: name });
    }
}
function pathFor(deps, path) {
    return deps.cwd && !(0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.join)(deps.cwd, path) : path;
}
/** How many times berth tries, before any change, to reach an AWS endpoint that refuses or does not exist. */
const UNREACHABLE_ATTEMPTS = 3;
/**
 * Reads retry on throttling and transient errors with berth's own clock; they are safe to send again. A call AWS
 * did not answer (the SDK's attempts each waited their full time) is not sent again before any change, nor is one
 * to an endpoint that cannot be reached, after a few tries: the run ends with advice instead.
 */
function read(deps, call) {
    let unreachable = 0;
    return (0,aws_retry/* retrying */.R)(call, {
        sleep: deps.sleep,
        baseMs: 500,
        retryable: (error) => (0,errors/* isTransient */.dg)(error) &&
            !(error instanceof errors/* NoAnswerError */.i5) &&
            !((0,errors/* isUnreachable */.R0)(error) && ++unreachable >= UNREACHABLE_ATTEMPTS),
        onRetry: (error, delayMs) => deps.reporter.emit({ type: 'retrying', error: (0,src_errors/* errorMessage */.gJ)(error), delayMs }),
    });
}

;// CONCATENATED MODULE: ./src/render.ts






async function readSource(config, deps, service) {
    const source = config.taskDefinition;
    if (source?.kind === 'file') {
        let text;
        try {
            text = await deps.readFile(source.path);
        }
        catch (error) {
            if ((0,src_errors/* isUserError */.iU)(error))
                throw error;
            throw new src_errors/* UserError */.yo(`--task-definition ${source.path}: cannot read the file (${(0,src_errors/* errorMessage */.gJ)(error)}).`, {
                file: source.path,
            });
        }
        return { document: parseTaskDefinition(text, source.path), label: source.path };
    }
    const ref = source?.ref ?? service?.taskDefinition;
    if (!ref)
        throw new src_errors/* UserError */.yo('--task-definition is required: give a JSON file, a FAMILY[:REVISION] or an ARN.');
    const input = source ? `--task-definition ${ref}` : `the current task definition of service ${service?.serviceName}`;
    const revision = await read(deps, () => loadRegistered(deps.clients.ecs, ref, input));
    return { document: revision.document, label: revision.arn };
}
/** The edits of one container by name, and their flags: in a run over several families, each family takes its own. */
const CONTAINER_EDITS = {
    images: '--image',
    env: '--env',
    secrets: '--secret',
    commands: '--command',
    dockerLabels: '--docker-label',
    logConfigurations: '--log-configuration',
    environmentFiles: '--environment-file',
    containerCpu: '--container-cpu',
    containerMemory: '--container-memory',
};
const EDIT_KEYS = Object.keys(CONTAINER_EDITS);
function onlyContainers(config, names) {
    const own = { ...config };
    for (const key of EDIT_KEYS) {
        ;
        own[key] = config[key].filter((edit) => names.includes(edit.container));
    }
    return own;
}
/** Every container a container edit names, with the flag that names it. */
function editedContainers(config) {
    return EDIT_KEYS.flatMap((key) => config[key].map((edit) => ({ container: edit.container, flag: CONTAINER_EDITS[key] })));
}
/** Render, then validate everything at once: errors become one UserError, warnings become events. */
async function renderAndValidate(given, deps, service, scope = {}) {
    const { document, label } = await stage(deps, 'render', 'Render the task definition', () => readSource(given, deps, service));
    const containers = containersOf(document.taskDefinition)
        .flatMap(({ container }) => containerName(container) ?? []);
    const config = scope.ownContainersOnly ? onlyContainers(given, containers) : given;
    const rendered = render(document.taskDefinition, config);
    return stage(deps, 'validate', 'Validate', async () => {
        const problems = validate(rendered, config);
        const file = document.file;
        for (const problem of problems.filter((p) => p.severity === 'warning')) {
            deps.reporter.emit({
                type: 'warning',
                message: problemText(problem),
                ...(file ? { file, line: document.lineOf(problem.path) } : {}),
            });
        }
        const errors = problems.filter((problem) => problem.severity === 'error');
        const fromFlags = errors.map((problem) => flagOf(problem, config));
        if (errors.length > 0 && fromFlags.every((flag) => flag !== undefined)) {
            const lines = errors.map((problem, at) => `${fromFlags[at]}: ${problem.message}`);
            throw new src_errors/* UserError */.yo(lines.join('\n'), { input: fromFlags[0]?.split(' ')[0] });
        }
        if (errors.length > 0) {
            const line = file ? document.lineOf(errors[0].path) : undefined;
            const head = `${file && line ? `${file}:${line}: ` : ''}the task definition from ${label} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:`;
            throw new src_errors/* UserError */.yo([head, ...errors.map((problem) => `  - ${describeProblem(problem)}`)].join('\n'), file ? { file, line } : {});
        }
        const input = toRegisterInput({ taskDefinition: rendered, tags: document.tags }, config.tags);
        const artifacts = config.artifacts.length > 0
            ? buildArtifacts(config.artifacts, {
                taskDefinition: rendered,
                images: config.images,
                appSpec: { hooks: config.hooks },
            })
            : [];
        return { source: document, label, input, artifacts, containers };
    });
}
/** The task-level fields a flag sets: a problem there is the flag's value, not the file's. */
const FLAG_FIELDS = ['cpu', 'memory', 'family'];
/** `--cpu 3` when the problem is in a field the user set with a flag, else undefined. */
function flagOf(problem, config) {
    const field = FLAG_FIELDS.find((name) => name === problem.field);
    if (problem.container !== undefined || !field || config[field] === undefined)
        return undefined;
    return `--${field} ${config[field]}`;
}
function asJson(input) {
    return input;
}
async function writeArtifactFiles(config, deps, files) {
    if (!config.artifactsDir || files.length === 0)
        return [];
    const directory = config.artifactsDir;
    return stage(deps, 'artifacts', 'Write artifacts', async () => {
        const paths = await writeArtifacts(pathFor(deps, directory), files);
        deps.reporter.emit({ type: 'artifacts-written', paths });
        return paths;
    });
}
async function writeRendered(out, json, deps) {
    await writeFileAtomic(pathFor(deps, out), `${JSON.stringify(json, null, 2)}\n`);
    deps.reporter.emit({ type: 'rendered', taskDefinition: json, path: out });
}
/** No cluster/service: render, validate, print or write, diff, artifacts. */
async function renderOnly(config, deps) {
    const rendered = await renderAndValidate(config, deps);
    const json = asJson(rendered.input);
    if (config.out)
        await writeRendered(config.out, json, deps);
    else
        deps.reporter.emit({ type: 'rendered', taskDefinition: json });
    if (config.diff) {
        const text = formatDiff(diff(clean(rendered.source.taskDefinition), json));
        deps.reporter.emit({ type: 'diff', text, from: rendered.label, to: 'rendered' });
    }
    const artifacts = await writeArtifactFiles(config, deps, rendered.artifacts);
    return { status: 'rendered', reasons: [], hints: [], artifacts, taskDefinition: json };
}

;// CONCATENATED MODULE: ./src/task/follow.ts



/**
 * Follows a one-off task until it stops (or the deadline passes, or the job is cancelled): each look describes the
 * task and reads what its log streams gained, and once it stopped the streams are read once more for the last lines.
 */
function followTask(options) {
    let lastStatus;
    return watch(async () => {
        const described = await options.ecs.send(new client_ecs_dist_cjs/* DescribeTasksCommand */.z8X({ cluster: options.cluster, tasks: [options.taskArn] }));
        const task = described.tasks?.[0];
        if (!task) {
            const reason = described.failures?.[0]?.reason ?? 'missing';
            throw new Error(`DescribeTasks: task ${options.taskArn} is ${reason}.`);
        }
        const lines = await options.logs.read();
        if (task.lastStatus === 'STOPPED') {
            await options.logs.read();
            return { done: task };
        }
        const changed = lines > 0 || task.lastStatus !== lastStatus;
        lastStatus = task.lastStatus;
        return { changed };
    }, {
        ceilingMs: options.pollIntervalMs,
        deadline: options.deadline,
        cancel: options.cancel,
        sleep: options.sleep,
        now: options.now,
        onRetry: (error, delayMs) => options.reporter.emit({ type: 'retrying', error: (0,src_errors/* errorMessage */.gJ)(error), delayMs }),
    });
}

;// CONCATENATED MODULE: ./src/task/judge.ts

/**
 * The container whose exit code counts: the one asked for (`--container`), else the essential ones, the first that
 * exited non-zero, else the first of them.
 */
function countingContainer(task, definitions, wanted) {
    const containers = task.containers ?? [];
    if (wanted)
        return containers.find((container) => container.name === wanted);
    const essential = new Set(definitions.filter((d) => d.essential !== false).map((d) => d.name));
    const candidates = containers.filter((container) => essential.has(container.name));
    return candidates.find((container) => (container.exitCode ?? 0) !== 0) ?? candidates[0] ?? containers[0];
}
/** A stopped task: succeeded when the counting container exited 0, failed otherwise, with ECS's reasons. */
function judgeTask(task, definitions, options = {}) {
    const container = countingContainer(task, definitions, options.wanted);
    const outcome = {
        taskArn: task.taskArn ?? '',
        ...(container?.name ? { container: container.name } : {}),
        ...(container?.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
        ...(task.stopCode ? { stopCode: task.stopCode } : {}),
        ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    };
    if (container?.exitCode === 0)
        return { status: 'succeeded', outcome, reasons: [], hints: [] };
    const { hints } = explain({ stoppedTasks: [task], events: [], logs: options.logs ?? [] });
    return { status: 'failed', outcome, reasons: [failureReason(task, container)], hints };
}
function failureReason(task, container) {
    const stopped = task.stoppedReason ?? task.stopCode ?? 'it stopped';
    const name = container?.name ?? 'its container';
    if (task.stopCode === 'TaskFailedToStart' || container?.exitCode === undefined) {
        const detail = container?.reason && container.reason !== stopped ? ` (${name}: ${container.reason})` : '';
        return `the task did not run to an exit code: ${stopped}${detail}`;
    }
    const detail = container.reason ? `: ${container.reason}` : '';
    return `${name} exited with code ${container.exitCode}${detail} (${stopped})`;
}

;// CONCATENATED MODULE: ./src/task/logs.ts




/** How many of a container's lines are kept for the verdict (the last ones). */
const KEPT_LINES = 20;
/** Pages read from one stream per look, so that a chatty task cannot hold the loop. */
const PAGES_PER_LOOK = 5;
/**
 * The CloudWatch log streams of a task's containers (those that log with awslogs), read forward as they grow: every
 * new line becomes a `task-log` event, and the last lines of each are kept for the verdict.
 */
class TaskLogs {
    logs;
    reporter;
    followed;
    constructor(logs, reporter, definitions, taskId) {
        this.logs = logs;
        this.reporter = reporter;
        this.followed = definitions.flatMap((definition) => {
            const where = logStream(definition, taskId);
            return where ? [{ container: definition.name ?? '', ...where, last: [] }] : [];
        });
    }
    /** Reads what each stream gained since the last look; the number of new lines. A stream not there yet is skipped. */
    async read() {
        let count = 0;
        for (const stream of this.followed)
            count += await this.readStream(stream);
        return count;
    }
    async readStream(stream) {
        let count = 0;
        for (let page = 0; page < PAGES_PER_LOOK; page++) {
            let output;
            try {
                output = await this.logs.send(new dist_cjs/* GetLogEventsCommand */.h7S({
                    logGroupName: stream.group,
                    logStreamName: stream.stream,
                    startFromHead: true,
                    ...(stream.token ? { nextToken: stream.token } : {}),
                }));
            }
            catch (error) {
                // Not created yet (the task has not started), or a passing error: the next look reads on from here.
                if ((0,src_errors/* errorName */.Is)(error) === 'ResourceNotFoundException' || (0,errors/* isTransient */.dg)(error))
                    return count;
                throw error;
            }
            for (const event of output.events ?? []) {
                const message = event.message?.trimEnd() ?? '';
                this.reporter.emit({
                    type: 'task-log',
                    container: stream.container,
                    message,
                    ...(event.timestamp !== undefined ? { at: new Date(event.timestamp) } : {}),
                });
                stream.last = [...stream.last, message].slice(-KEPT_LINES);
                count++;
            }
            const token = output.nextForwardToken;
            const atEnd = !token || token === stream.token || (output.events ?? []).length === 0;
            if (token)
                stream.token = token;
            if (atEnd)
                break;
        }
        return count;
    }
    /** The last lines of each container, or of the one named, for the verdict of a failed task. */
    excerpts(taskId, only) {
        return this.followed
            .filter((stream) => stream.last.length > 0 && (!only || stream.container === only))
            .map((stream) => ({
            container: stream.container,
            taskId,
            group: stream.group,
            stream: stream.stream,
            lines: stream.last.filter(Boolean),
        }));
    }
}

;// CONCATENATED MODULE: ./src/task/placement.ts
/**
 * Where a service runs its tasks. A service keeps these on itself; a CodeDeploy (or external) service keeps them on
 * its task sets, and its deployments carry them too: the primary one's are taken when the service has none.
 */
function placementOf(service) {
    const taskSet = service.taskSets?.find((set) => set.status === 'PRIMARY') ?? service.taskSets?.[0];
    const deployment = service.deployments?.find((d) => d.status === 'PRIMARY') ?? service.deployments?.[0];
    const sources = [service, taskSet ?? {}, deployment ?? {}];
    const first = (key) => sources.map((source) => source[key]).find((value) => value !== undefined);
    const strategy = sources
        .map((source) => source.capacityProviderStrategy)
        .find((items) => (items?.length ?? 0) > 0);
    return {
        networkConfiguration: first('networkConfiguration'),
        // RunTask takes one or the other: a launch type with a capacity provider strategy is refused.
        ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: first('launchType') }),
        platformVersion: first('platformVersion'),
    };
}
/** The RunTask input of one one-off task: one task, its commands overridden, tagged with the run's `startedBy`. */
function runTaskInput(args) {
    const { placement } = args;
    const overrides = args.commands.length > 0
        ? { containerOverrides: args.commands.map((edit) => ({ name: edit.container, command: edit.command })) }
        : undefined;
    return {
        cluster: args.cluster,
        taskDefinition: args.taskDefinitionArn,
        count: 1,
        startedBy: args.startedBy,
        ...(placement.networkConfiguration ? { networkConfiguration: placement.networkConfiguration } : {}),
        ...(placement.capacityProviderStrategy ? { capacityProviderStrategy: placement.capacityProviderStrategy } : {}),
        ...(placement.launchType ? { launchType: placement.launchType } : {}),
        ...(placement.platformVersion ? { platformVersion: placement.platformVersion } : {}),
        ...(overrides ? { overrides } : {}),
    };
}

;// CONCATENATED MODULE: ./src/task/start.ts





/** RunTask refused to place the task (no capacity, an unknown cluster …): said as ECS says it. */
class TaskNotStarted extends Error {
    name = 'TaskNotStarted';
}
/**
 * RunTask. Throttling means it was not processed: sent again. After a lost answer or a server error the task may
 * have been started all the same: berth first lists the cluster's tasks started by this run (`startedBy` is unique
 * to it) and follows the one it finds; only when there is none is RunTask sent again.
 */
async function startTask(calls, input) {
    calls.reporter.emit({ type: 'debug', message: `RunTask ${JSON.stringify(input)}` });
    const send = async () => {
        try {
            const output = await calls.ecs.send(new client_ecs_dist_cjs/* RunTaskCommand */._eD(input));
            const task = output.tasks?.[0];
            if (task?.taskArn)
                return task;
            const failure = output.failures?.[0];
            throw new TaskNotStarted(`RunTask started no task${failure ? `: ${failure.reason ?? 'no reason'}${failure.detail ? ` (${failure.detail})` : ''}` : ''}.`);
        }
        catch (error) {
            if ((0,errors/* isThrottling */.E2)(error) || !(0,errors/* isTransient */.dg)(error))
                throw error;
            await (0,sleep/* pause */.v)(calls.sleep, calls.pauseMs, []);
            const found = await startedBy(calls, input.cluster ?? '', input.startedBy);
            if (!found)
                throw error;
            calls.reporter.emit({
                type: 'info',
                message: `the answer to RunTask was lost (${(0,src_errors/* errorMessage */.gJ)(error)}); task ${found.taskArn} was started by this run (startedBy ${input.startedBy}), which berth follows.`,
            });
            return found;
        }
    };
    return (0,aws_retry/* retrying */.R)(send, { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 5, retryable: errors/* isTransient */.dg });
}
/** The task this run started, running or already stopped, if ECS lists one. Retried: a look is never an answer. */
async function startedBy(calls, cluster, startedBy) {
    return (0,aws_retry/* retrying */.R)(async () => {
        for (const desiredStatus of ['RUNNING', 'STOPPED']) {
            const listed = await calls.ecs.send(new client_ecs_dist_cjs/* ListTasksCommand */.MYg({ cluster, startedBy, desiredStatus }));
            const arn = listed.taskArns?.[0];
            if (!arn)
                continue;
            const described = await calls.ecs.send(new client_ecs_dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: [arn] }));
            if (described.tasks?.[0])
                return described.tasks[0];
        }
        return undefined;
    }, { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 10 });
}
/** StopTask: sending it again is harmless, so it is retried on any transient error. */
async function stopTask(calls, cluster, taskArn, reason) {
    await (0,aws_retry/* retrying */.R)(() => calls.ecs.send(new client_ecs_dist_cjs/* StopTaskCommand */.PP1({ cluster, task: taskArn, reason })), {
        sleep: calls.sleep,
        baseMs: calls.pauseMs,
        attempts: 10,
        maxDelayMs: 5_000,
        retryable: errors/* isTransient */.dg,
    });
}

;// CONCATENATED MODULE: ./src/run-task.ts















/** `berth run-task`: one run, its AWS calls reported, its verdict emitted. */
async function runTask(config, runDeps) {
    const reporter = runDeps.reporter;
    const deps = {
        ...runDeps,
        clients: observed(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
    };
    const result = await runOneOff(config, deps);
    reporter.emit({ type: 'verdict', result });
    return result;
}
/** Runs one task to its end, or to the deadline or a cancel (then StopTask). */
async function runOneOff(config, runDeps, defaults = {}) {
    const cluster = config.cluster ?? defaults.cluster;
    if (!cluster)
        throw new src_errors/* UserError */.yo('berth run-task needs --cluster.', { input: '--cluster' });
    const deadline = config.waitTimeoutMs === undefined && defaults.deadline
        ? defaults.deadline
        : createDeadline(config.waitTimeoutMs ?? config.render.waitTimeoutMs, runDeps.now);
    const deps = { ...runDeps, clients: (0,clients.abortable)(runDeps.clients, callSignals(deadline, runDeps.signal)) };
    let prepared;
    try {
        prepared = await run_task_prepare(config, deps, cluster, defaults);
    }
    catch (error) {
        if (deps.signal?.aborted && !(0,src_errors/* isUserError */.iU)(error))
            return cancelledBefore(cluster, config);
        throw (0,errors/* neverReached */.Xb)(error);
    }
    if (deps.signal?.aborted)
        return cancelledBefore(cluster, config, prepared.taskDefinitionArn);
    return stage(deps, 'run-task', `Run a one-off task of ${prepared.taskDefinitionArn.split('/').pop()} in ${cluster}`, () => runPrepared(config, deps, cluster, prepared, deadline));
}
async function run_task_prepare(config, deps, cluster, defaults) {
    const serviceName = config.service ?? config.networkFromService ?? defaults.networkService;
    const service = serviceName ? await findService(deps, cluster, serviceName, config) : undefined;
    const placement = service ? placementOf(service) : {};
    if (!config.render.taskDefinition && !config.service) {
        if (!defaults.registered) {
            throw new src_errors/* UserError */.yo('berth run-task needs --task-definition FILE|FAMILY[:REV]|ARN or --service S.', {
                input: '--task-definition',
            });
        }
        const containers = defaults.registered.taskDefinition.containerDefinitions ?? [];
        checkContainers(config, containers);
        return { taskDefinitionArn: defaults.registered.taskDefinitionArn, containers, placement };
    }
    const rendered = await renderAndValidate(config.render, deps, config.service ? service : undefined);
    const containers = rendered.input.containerDefinitions ?? [];
    checkContainers(config, containers);
    const registration = await registerTask(deps, rendered.input, config.service ? service : undefined);
    return { taskDefinitionArn: registration.taskDefinitionArn, containers, placement };
}
async function findService(deps, cluster, name, config) {
    const lookup = await read(deps, () => lookUpService(deps.clients.ecs, cluster, name));
    if ('service' in lookup)
        return lookup.service;
    const flag = config.service ? '--service' : config.networkFromService ? '--network-from-service' : '--service';
    throw new src_errors/* UserError */.yo(`${flag} ${name}: ECS has no such service in cluster ${cluster} (${lookup.failure.reason ?? 'MISSING'}); expected ` +
        'the name or ARN of a service whose network the task should use.', { input: flag });
}
/** `--container` and the containers of `--command` must be containers of the task definition. */
function checkContainers(config, containers) {
    const names = containers.map((c) => c.name ?? '');
    const known = names.map((name) => JSON.stringify(name)).join(', ');
    const named = [
        ...(config.container ? [{ flag: '--container', name: config.container }] : []),
        ...config.commands.map((edit) => ({ flag: '--command', name: edit.container })),
    ];
    for (const { flag, name } of named) {
        if (!names.includes(name)) {
            throw new src_errors/* UserError */.yo(`${flag}: the task definition has no container ${JSON.stringify(name)}; its containers: ${known}.`, {
                input: flag,
            });
        }
    }
}
/** Registers the rendered task definition, unless the service's or the family's latest revision is the same. */
async function registerTask(deps, input, service) {
    const latest = await read(deps, () => findTaskDefinition(deps.clients.ecs, input.family ?? ''));
    const serviceArn = service?.taskDefinition;
    const current = serviceArn && serviceArn !== latest?.arn
        ? await read(deps, () => findTaskDefinition(deps.clients.ecs, serviceArn))
        : latest;
    const reusable = reusableRevision(input, { current, latest });
    return stage(deps, 'register', 'Register the task definition', async () => {
        const done = await register(deps.clients.ecs, input, reusable, { sleep: deps.sleep });
        deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused });
        return done;
    });
}
function cancelledBefore(cluster, config, taskDefinitionArn) {
    return {
        status: 'cancelled',
        cluster,
        ...(config.service ? { service: config.service } : {}),
        ...(taskDefinitionArn ? { taskDefinitionArn } : {}),
        reasons: ['the run was cancelled before the task was started.'],
        hints: [],
        artifacts: [],
    };
}
async function runPrepared(config, deps, cluster, prepared, deadline) {
    const base = {
        cluster,
        ...(config.service ? { service: config.service } : {}),
        taskDefinitionArn: prepared.taskDefinitionArn,
        artifacts: [],
    };
    const calls = {
        ecs: deps.clients.ecs,
        reporter: deps.reporter,
        sleep: deps.sleep,
        pauseMs: Math.min(2000, config.render.pollIntervalMs),
    };
    const startedBy = `berth-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    const input = runTaskInput({ ...prepared, cluster, commands: config.commands, startedBy });
    let started;
    try {
        started = await startTask(calls, { ...input, startedBy });
    }
    catch (error) {
        if (!(error instanceof TaskNotStarted))
            throw error;
        return { ...base, status: 'failed', reasons: [error.message], hints: [] };
    }
    const taskArn = started.taskArn ?? '';
    deps.reporter.emit({
        type: 'task-started',
        taskArn,
        taskDefinitionArn: prepared.taskDefinitionArn,
        cluster,
        startedBy,
    });
    const logs = new TaskLogs(deps.clients.logs, deps.reporter, prepared.containers, taskId(taskArn));
    const end = await followTask({
        ecs: deps.clients.ecs,
        logs,
        reporter: deps.reporter,
        cluster,
        taskArn,
        deadline,
        cancel: deps.signal,
        sleep: deps.sleep,
        now: deps.now,
        pollIntervalMs: config.render.pollIntervalMs,
    });
    if (end.kind !== 'done') {
        const why = end.kind === 'timed_out' ? 'the wait timeout (--wait-timeout) passed' : 'the run was cancelled';
        await stopTask(calls, cluster, taskArn, `berth: ${why}`);
        deps.reporter.emit({ type: 'info', message: `${why}: berth stopped task ${taskId(taskArn)} (StopTask).` });
        return {
            ...base,
            status: end.kind,
            reasons: [`${why} before the task ended; berth stopped task ${taskArn} (StopTask).`],
            hints: [],
            task: { taskArn },
            logs: logs.excerpts(taskId(taskArn)),
        };
    }
    const counting = countingContainer(end.value, prepared.containers, config.container);
    const excerpts = counting?.exitCode === 0 ? [] : logs.excerpts(taskId(taskArn), counting?.name);
    const judged = judgeTask(end.value, prepared.containers, { wanted: config.container, logs: excerpts });
    deps.reporter.emit({ type: 'task-stopped', ...judged.outcome });
    return {
        ...base,
        status: judged.status,
        reasons: judged.reasons,
        hints: judged.hints,
        task: judged.outcome,
        ...(excerpts.length > 0 ? { logs: excerpts } : {}),
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
;// CONCATENATED MODULE: ./src/deploy/images.ts


const ECR_URI = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/;
/** The parts of an ECR image URI, or undefined for an image elsewhere (Docker Hub, public.ecr.aws, …). */
function parseEcrImage(container, uri) {
    const match = ECR_URI.exec(uri);
    if (!match)
        return undefined;
    const [, registryId, region, repositoryName, tag, digest] = match;
    const imageId = digest ? { imageDigest: digest } : { imageTag: tag ?? 'latest' };
    return { container, uri, registryId, region, repositoryName, imageId };
}
/** `arn:aws:ecs:us-east-1:123456789012:service/…` → its account and region. */
function registryOf(serviceArn) {
    const [, , , region, account] = serviceArn?.split(':') ?? [];
    return region && /^\d{12}$/.test(account ?? '') ? { account, region } : undefined;
}
/**
 * Asks ECR, one DescribeImages per image, whether the images exist, so that a missing tag is said before ECS
 * spends minutes failing to pull it. Only images of the own registry are asked: the client speaks to that region,
 * and another account's repository (an AWS-owned sidecar image, say) answers only to that account's policy.
 */
async function checkEcrImages(ecr, images, own) {
    const checks = await Promise.all(images.filter((image) => isOwn(image, own)).map((image) => checkOne(ecr, image)));
    return checks.filter((check) => check !== undefined);
}
function isOwn(image, own) {
    return image.region === own.region && image.registryId === own.account;
}
async function checkOne(ecr, image) {
    try {
        await ecr.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({
            registryId: image.registryId,
            repositoryName: image.repositoryName,
            imageIds: [image.imageId],
        }));
        return undefined;
    }
    catch (error) {
        const name = (0,src_errors/* errorName */.Is)(error);
        const where = `ECR repository ${image.repositoryName} of registry ${image.registryId}`;
        if (name === 'ImageNotFoundException') {
            const what = image.imageId.imageDigest ? `digest ${image.imageId.imageDigest}` : `tag ${image.imageId.imageTag}`;
            return { image, problem: `${where} has no image with ${what}` };
        }
        if (name === 'RepositoryNotFoundException')
            return { image, problem: `${where} does not exist` };
        return { image, unknown: (0,src_errors/* errorMessage */.gJ)(error) };
    }
}
/** A warning per container image that ECR says is missing; a check that cannot be made is a debug line only. */
async function warnAboutMissingImages(ecr, reporter, containers, own) {
    if (!own)
        return;
    const images = containers
        .map((container) => parseEcrImage(container.name ?? '', container.image ?? ''))
        .filter((image) => image !== undefined);
    for (const image of images.filter((candidate) => !isOwn(candidate, own))) {
        reporter.emit({
            type: 'debug',
            message: `not checked in ECR: ${image.uri} is in registry ${image.registryId} (${image.region}), not this account's in ${own.region}`,
        });
    }
    for (const check of await checkEcrImages(ecr, images, own)) {
        const { container, uri } = check.image;
        if ('problem' in check) {
            reporter.emit({
                type: 'warning',
                message: `container ${container} image ${uri}: ${check.problem}; its tasks will stop with ` +
                    'CannotPullContainerError unless the image is pushed before they start.',
            });
        }
        else {
            reporter.emit({ type: 'debug', message: `could not check ${uri} in ECR: ${check.unknown}` });
        }
    }
}

;// CONCATENATED MODULE: ./src/deploy/plan.ts
/** The actions of a dry run, in the order a run takes them. */
function plan_planLines(config, facts) {
    const target = facts.reusableArn ?? `a new revision of ${facts.family}`;
    const actions = [
        facts.reusableArn
            ? `reuse ${facts.reusableArn}: the rendered task definition is equivalent`
            : `register a new revision of family ${facts.family}`,
        ...(facts.beforeDeploy ? [facts.beforeDeploy] : []),
        ...(facts.driverPlan ?? [serviceUpdate(config, facts, target)]),
    ];
    if (config.artifactsDir && facts.artifactNames.length > 0) {
        actions.push(`write ${facts.artifactNames.join(', ')} to ${config.artifactsDir}`);
    }
    if (config.keepRevisions !== undefined) {
        actions.push(`deregister, after success, the revisions of ${facts.family} older than the newest ${config.keepRevisions} that no service in the region uses`);
    }
    return actions;
}
/** The plan line of a driver that has none of its own: the service, from which task definition to which. */
function serviceUpdate(config, facts, target) {
    const update = [
        `update service ${facts.serviceName} in cluster ${facts.cluster} from ${facts.previousTaskDefinitionArn} to ${target}`,
    ];
    if (config.desiredCount !== undefined)
        update.push(`desired count ${config.desiredCount}`);
    if (config.forceNewDeployment)
        update.push('forcing a new deployment');
    return `${update.join(', ')} (${facts.driverName})`;
}

;// CONCATENATED MODULE: ./src/steps.ts









async function preflight(config, deps, cluster, name, scope = {}) {
    // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
    const local = config.taskDefinition?.kind === 'file' ? await renderAndValidate(config, deps, undefined, scope) : undefined;
    const service = await read(deps, () => describeTarget(deps.clients.ecs, cluster, name));
    const driver = driverFor(chooseStrategy(service, cluster, config.strategy));
    const rendered = local ?? (await renderAndValidate(config, deps, service, scope));
    await warnAboutMissingImages(deps.clients.ecr, deps.reporter, rendered.input.containerDefinitions ?? [], registryOf(service.serviceArn));
    // A driver's preparation only reads, so it is safe to run again when the API throttles.
    const prepared = await read(deps, () => driver.prepare({ config, clients: deps.clients, target: { cluster, service }, reporter: deps.reporter }));
    const family = rendered.input.family ?? '';
    const latest = await read(deps, () => findTaskDefinition(deps.clients.ecs, family));
    const previousTaskDefinitionArn = service.taskDefinition ?? '';
    const current = previousTaskDefinitionArn === latest?.arn
        ? latest
        : await read(deps, () => findTaskDefinition(deps.clients.ecs, previousTaskDefinitionArn));
    if (current) {
        const text = formatDiff(diff(clean(current.document.taskDefinition), asJson(rendered.input)));
        deps.reporter.emit({ type: 'diff', text, from: current.arn, to: 'rendered' });
    }
    const reusable = reusableRevision(rendered.input, { current, latest });
    return { service, driver, prepared, rendered, reusable, previousTaskDefinitionArn, family };
}
/** What a dry run says it would do to this service. */
function planOf(config, cluster, name, pre) {
    return plan_planLines(config, {
        cluster,
        serviceName: pre.service.serviceName ?? name,
        previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
        family: pre.family,
        reusableArn: pre.reusable?.arn,
        driverName: pre.driver.name,
        driverPlan: pre.prepared.plan,
        artifactNames: pre.rendered.artifacts.map((file) => file.name),
        beforeDeploy: config.beforeDeploy && beforeDeployPlan(config.beforeDeploy, cluster, name, pre),
    });
}
function beforeDeployPlan(task, cluster, service, pre) {
    const source = task.render.taskDefinition;
    const definition = source
        ? source.kind === 'file'
            ? `the task definition rendered from ${source.path}`
            : source.ref
        : task.service
            ? `the task definition of service ${task.service}`
            : (pre.reusable?.arn ?? `the new revision of ${pre.family}`);
    const network = task.service ?? task.networkFromService ?? service;
    const commands = task.commands.map((edit) => ` with ${edit.container} running ${JSON.stringify(edit.command)}`);
    return (`run a one-off task (before-deploy) of ${definition} in cluster ${task.cluster ?? cluster} on the network of ` +
        `service ${network}${commands.join(',')}, and change the service only if it exits 0`);
}
/** The before-deploy task did not succeed: the run ends with its verdict, and the service was not touched. */
function beforeDeployFailed(registered, task) {
    return {
        ...registered,
        status: task.status,
        reasons: [
            `the before-deploy task did not succeed, so service ${registered.service} was not changed.`,
            ...task.reasons,
        ],
        hints: task.hints,
        ...(task.task ? { task: task.task } : {}),
        ...(task.logs ? { logs: task.logs } : {}),
    };
}
function cancelledBeforeDeploy(base) {
    const reason = base.taskDefinitionArn
        ? `the run was cancelled after ${base.taskDefinitionArn} was registered, before the service was changed.`
        : 'the run was cancelled before anything was changed.';
    return { ...base, status: 'cancelled', reasons: [reason], hints: [] };
}
function registerRevision(deps, pre) {
    return stage(deps, 'register', 'Register the task definition', async () => {
        const input = pre.rendered.input;
        deps.reporter.emit({
            type: 'debug',
            message: `RegisterTaskDefinition family ${input.family}, images ${(input.containerDefinitions ?? []).map((c) => `${c.name}=${c.image}`).join(' ')}`,
        });
        const done = await register(deps.clients.ecs, input, pre.reusable, { sleep: deps.sleep });
        deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused });
        return done;
    });
}
/** The deploy stage: the service's driver deploys `move.to` and follows it to a verdict. */
function deployService(config, deps, move, title) {
    const { cluster, pre } = move;
    const service = move.service ?? pre.service;
    const name = service.serviceName ?? '';
    return stage(deps, 'deploy', title ?? `Deploy ${name} in ${cluster} (${pre.driver.name})`, () => pre.prepared.deploy({
        config,
        clients: deps.clients,
        reporter: deps.reporter,
        target: { cluster, service },
        taskDefinitionArn: move.to.taskDefinitionArn,
        taskDefinition: move.to.taskDefinition,
        previousTaskDefinitionArn: move.from,
        artifacts: pre.rendered.artifacts,
        now: deps.now,
        sleep: deps.sleep,
        deadline: move.deadline,
        cancel: deps.signal,
    }));
}
/** A run's result from what was registered and the deployment's outcome. */
function resultOf(registered, outcome) {
    return {
        ...registered,
        status: outcome.status,
        ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
        reasons: outcome.reasons,
        hints: outcome.hints,
        ...(outcome.logs ? { logs: outcome.logs } : {}),
    };
}
/** Cleanup never changes the verdict: a failure here is a warning. */
async function keepRevisions(deps, family, keep) {
    await stage(deps, 'cleanup', `Keep the newest ${keep} revisions of ${family}`, async () => {
        try {
            const arns = await cleanUpRevisions(deps.clients.ecs, family, keep);
            deps.reporter.emit({ type: 'deregistered', taskDefinitionArns: arns });
        }
        catch (error) {
            deps.reporter.emit({
                type: 'warning',
                message: `--keep-revisions: could not clean up old revisions: ${(0,src_errors/* errorMessage */.gJ)(error)}`,
            });
        }
    });
}

// EXTERNAL MODULE: ./src/verdict.ts
var verdict = __webpack_require__(3138);
;// CONCATENATED MODULE: ./src/fleet/checks.ts


/** The services of each family, in the order given: each family is registered once, for all of them. */
function byFamily(services) {
    const families = new Map();
    for (const service of services)
        families.set(service.pre.family, [...(families.get(service.pre.family) ?? []), service]);
    return families;
}
/**
 * Every check of the run as a whole: each container an edit names is in some service's task definition, the
 * services of one family render the same task definition, and files that describe one task definition (`--out`,
 * `--artifacts-dir`) are asked for only when there is one family.
 */
function checkServices(config, services) {
    checks_checkContainers(config, services);
    const families = byFamily(services);
    for (const [family, members] of families)
        checkOneRendering(family, members, config);
    if (families.size === 1)
        return;
    const names = [...families.keys()].join(', ');
    for (const [flag, given] of [
        ['--out', config.out],
        ['--artifacts-dir', config.artifactsDir],
    ]) {
        if (given === undefined)
            continue;
        throw new src_errors/* UserError */.yo(`${flag} ${given}: the services run ${families.size} task definition families (${names}), and ${flag} ` +
            'writes one task definition; deploy one family per run to write it.', { input: flag });
    }
}
function checks_checkContainers(config, services) {
    const known = new Set(services.flatMap((service) => service.pre.rendered.containers));
    const missing = editedContainers(config).find((edit) => !known.has(edit.container));
    if (!missing)
        return;
    throw new src_errors/* UserError */.yo(`${missing.flag}: no container named "${missing.container}" in the task definitions of ` +
        `${services.map((service) => service.name).join(', ')}; their containers are ` +
        `${[...known].map((name) => `"${name}"`).join(', ')}.`, { input: missing.flag });
}
function checkOneRendering(family, members, config) {
    const [first, ...others] = members;
    const different = others.find((other) => JSON.stringify(other.pre.rendered.input) !== JSON.stringify(first.pre.rendered.input));
    if (!different)
        return;
    const source = config.taskDefinition ? '' : ` (${first.pre.rendered.label} and ${different.pre.rendered.label})`;
    throw new src_errors/* UserError */.yo(`--service: services ${first.name} and ${different.name} both run family ${family} but render different task ` +
        `definitions${source}; give --task-definition to deploy the same one to both, or deploy them in separate runs.`, { input: '--service' });
}

;// CONCATENATED MODULE: ./src/fleet/limit.ts
function limiter(max) {
    if (!Number.isInteger(max) || max < 1)
        throw new Error(`a limit of ${max} lets nothing run.`);
    let running = 0;
    const waiting = [];
    // A finished piece of work hands its slot to the next in line, so that a newcomer cannot take it in between.
    const release = () => {
        const next = waiting.shift();
        if (next)
            next();
        else
            running--;
    };
    return async (work) => {
        if (running >= max)
            await new Promise((resolve) => waiting.push(resolve));
        else
            running++;
        try {
            return await work();
        }
        finally {
            release();
        }
    };
}

;// CONCATENATED MODULE: ./src/fleet/member.ts


function member(config, runDeps, name, deadline) {
    const stop = new AbortController();
    const signal = runDeps.signal ? AbortSignal.any([runDeps.signal, stop.signal]) : stop.signal;
    const deps = {
        ...runDeps,
        reporter: {
            emit: (event) => runDeps.reporter.emit({ type: 'service-progress', service: name, event }),
        },
        clients: (0,clients.abortable)(runDeps.clients, callSignals(deadline, signal)),
        signal,
    };
    const endBlock = () => runDeps.reporter.emit({ type: 'service-ended', service: name });
    return { name, config, stop, deps, endBlock, moving: false };
}
function resultsOf(members) {
    return members.flatMap((m) => (m.result ? [m.result] : []));
}
/** A service's verdict, said in its block, which ends there. */
function finish(m, result) {
    m.result = result;
    m.deps.reporter.emit({ type: 'verdict', result });
    m.endBlock();
}

;// CONCATENATED MODULE: ./src/fleet/rollback.ts








async function rollBackService(m, failed, scope) {
    const result = m.result;
    const pre = m.pre;
    const previous = pre.previousTaskDefinitionArn;
    const current = result.taskDefinitionArn ?? previous;
    if (current === previous)
        return;
    // Not this service's own stop signal: it may have fired as the service succeeded, and must not stop its rollback.
    const deps = {
        ...m.deps,
        clients: (0,clients.abortable)(scope.runDeps.clients, callSignals(scope.deadline, scope.runDeps.signal)),
        signal: scope.runDeps.signal,
    };
    const why = `service ${failed} did not succeed (--on-failure rollback-all)`;
    deps.reporter.emit({ type: 'rollback-started', reason: why, taskDefinitionArn: previous });
    let outcome;
    try {
        const service = await read(deps, () => describeTarget(deps.clients.ecs, scope.cluster, m.name));
        const revision = await read(deps, () => findTaskDefinition(deps.clients.ecs, previous));
        if (!revision)
            throw new Error(`${previous} is not registered any more.`);
        outcome = await deployService({ ...m.config, desiredCount: undefined, forceNewDeployment: false }, deps, {
            cluster: scope.cluster,
            pre,
            service,
            to: { taskDefinitionArn: previous, taskDefinition: revision.document.taskDefinition },
            from: current,
            deadline: scope.deadline,
        }, `Roll ${m.name} back to ${previous.slice(previous.lastIndexOf('/') + 1)} (${pre.driver.name})`);
    }
    catch (error) {
        outcome = { status: 'failed', reasons: [(0,src_errors/* errorMessage */.gJ)(error)], hints: [] };
    }
    finish(m, afterRollback(result, outcome, previous, why));
}
/** `rolled_back` when the service is back on `previous`; `failed` (and why) when its rollback did not succeed. */
function afterRollback(result, outcome, previous, why) {
    if (outcome.status === 'succeeded') {
        const by = outcome.deploymentId ? ` (deployment ${outcome.deploymentId})` : '';
        return {
            ...result,
            status: 'rolled_back',
            reasons: [`rolled back to ${previous}${by} after it succeeded, because ${why}.`, ...result.reasons],
        };
    }
    return {
        ...result,
        status: 'failed',
        reasons: [
            `its rollback to ${previous}, because ${why}, ended ${outcome.status.replace('_', ' ')}:`,
            ...outcome.reasons,
            ...result.reasons,
        ],
        hints: [...outcome.hints, ...result.hints],
        ...(outcome.logs ? { logs: outcome.logs } : {}),
    };
}

;// CONCATENATED MODULE: ./src/fleet/result.ts

/** A service whose turn came after another had failed, under rollback-all: never touched. */
function notStarted(registered, failed) {
    return {
        ...registered,
        status: 'cancelled',
        reasons: [
            `not deployed: service ${failed} did not succeed first, and the run stops there (--on-failure rollback-all).`,
        ],
        hints: [],
    };
}
/**
 * The run's verdict: its worst service's. Its reasons: the first reason of each service that did not end well, the
 * worst first (the Action's failure message is the first).
 */
function runResult(cluster, services, artifacts) {
    return {
        status: (0,verdict/* worstOf */.hm)(services.map((service) => service.status)),
        cluster,
        reasons: services
            .filter((service) => !(0,verdict/* endsWell */.tz)(service.status))
            .sort((a, b) => (0,verdict/* severity */.yf)(b.status) - (0,verdict/* severity */.yf)(a.status))
            .map((service) => `service ${service.service}: ${service.status.replace('_', ' ')}: ${service.reasons[0] ?? ''}`),
        hints: [],
        artifacts,
        services,
    };
}

;// CONCATENATED MODULE: ./src/fleet/index.ts

















async function deployMany(config, given, cluster) {
    const deadline = createDeadline(config.waitTimeoutMs, given.now);
    // The run's own calls (describes, registrations) end with the deadline or a cancel, as a single service's do.
    const runDeps = { ...given, clients: (0,clients.abortable)(given.clients, callSignals(deadline, given.signal)) };
    const configs = await configsByStrategy(config, runDeps, cluster);
    const members = config.services.map((name, at) => member(configs[at], given, name, deadline));
    const limit = limiter(config.maxParallel ?? config.services.length);
    const shared = { cluster, deadline, limit, members };
    await preflightAll(shared, runDeps.signal);
    const prepared = members.flatMap((m) => (m.pre ? [{ name: m.name, pre: m.pre }] : []));
    if (runDeps.signal?.aborted || prepared.length < members.length) {
        for (const m of members)
            finish(m, cancelledBeforeDeploy({ cluster, service: m.name, artifacts: [] }));
        return runResult(cluster, resultsOf(members), []);
    }
    checkServices(config, prepared);
    if (config.dryRun) {
        // The before-deploy task runs once, so it is in the first service's plan only.
        members.forEach((m, at) => plan(m, shared, at === 0 ? m.config : { ...m.config, beforeDeploy: undefined }));
        return runResult(cluster, resultsOf(members), []);
    }
    const registrations = await registerFamilies(runDeps, prepared);
    if (!registrations) {
        for (const m of members)
            finish(m, cancelledBeforeDeploy(baseOf(m, cluster)));
        return runResult(cluster, resultsOf(members), []);
    }
    const artifacts = await writeFiles(config, runDeps, prepared[0].pre, registrations.size);
    const task = config.beforeDeploy && (await beforeDeploy(config.beforeDeploy, runDeps, shared, registrations));
    if (task && task.status !== 'succeeded') {
        for (const m of members)
            finish(m, beforeDeployFailed(registeredOf(m, cluster, registrations), task));
        return { ...runResult(cluster, resultsOf(members), artifacts), ...(task.task ? { task: task.task } : {}) };
    }
    await Promise.all(members.map((m) => limit(() => deployMember(m, shared, registrations, runDeps.signal))));
    const failed = shared.failed;
    if (failed && config.onFailure === 'rollback-all') {
        const moved = members.filter((m) => m.result && (0,verdict/* endsWell */.tz)(m.result.status));
        await Promise.all(moved.map((m) => limit(() => rollBackService(m, failed, { cluster, deadline, runDeps: given }))));
    }
    await cleanUp(config, runDeps, members);
    return { ...runResult(cluster, resultsOf(members), artifacts), ...(task?.task ? { task: task.task } : {}) };
}
/**
 * `--before-deploy`: the one-off task runs once, before any service changes, on the network of the first service
 * and, unless its flags say otherwise, from the revision registered for the first service's family.
 */
function beforeDeploy(task, deps, shared, registrations) {
    const first = shared.members[0];
    return runOneOff(task, deps, {
        cluster: shared.cluster,
        registered: registrations.get(first.pre.family),
        networkService: first.name,
        deadline: shared.deadline,
    });
}
function registeredOf(m, cluster, registrations) {
    const to = registrations.get(m.pre.family);
    return { ...baseOf(m, cluster), taskDefinitionArn: to.taskDefinitionArn };
}
/**
 * The inputs each service deploys with. In a run with CodeDeploy services, the inputs only CodeDeploy reads
 * (`--hook`, `--appspec`, …) are theirs: the other services deploy without them instead of refusing them.
 */
async function configsByStrategy(config, deps, cluster) {
    const strategies = await Promise.all(config.services.map(async (name) => {
        const service = await read(deps, () => describeTarget(deps.clients.ecs, cluster, name));
        return chooseStrategy(service, cluster, config.strategy);
    }));
    if (!strategies.includes('codedeploy'))
        return strategies.map(() => ({ ...config }));
    const withoutCodeDeploy = {
        ...config,
        hooks: [],
        appspec: undefined,
        deploymentConfig: undefined,
        codedeployApplication: undefined,
        codedeployGroup: undefined,
    };
    return strategies.map((strategy) => (strategy === 'codedeploy' ? { ...config } : { ...withoutCodeDeploy }));
}
/** Each service's reads and checks; the first user error ends the run, after every service's lines are shown. */
async function preflightAll(shared, cancel) {
    const settled = await Promise.allSettled(shared.members.map((m) => shared.limit(async () => {
        m.pre = await preflight(m.config, m.deps, shared.cluster, m.name, { ownContainersOnly: true });
    })));
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (!failure || (cancel?.aborted && !(0,src_errors/* isUserError */.iU)(failure.reason)))
        return;
    for (const m of shared.members)
        m.endBlock();
    throw failure.reason;
}
function baseOf(m, cluster) {
    return { cluster, service: m.name, previousTaskDefinitionArn: m.pre?.previousTaskDefinitionArn, artifacts: [] };
}
function plan(m, shared, config) {
    const pre = m.pre;
    const actions = planOf(config, shared.cluster, m.name, pre);
    m.deps.reporter.emit({ type: 'plan', actions });
    finish(m, { ...baseOf(m, shared.cluster), status: 'planned', reasons: [], hints: [], plan: actions });
}
/** One registration per family, shared by its services; undefined when the run was cancelled meanwhile. */
async function registerFamilies(deps, prepared) {
    const registrations = new Map();
    for (const [family, [first]] of byFamily(prepared)) {
        if (deps.signal?.aborted)
            return undefined;
        try {
            registrations.set(family, await registerRevision(deps, first.pre));
        }
        catch (error) {
            if (deps.signal?.aborted && !(0,src_errors/* isUserError */.iU)(error))
                return undefined;
            throw error;
        }
    }
    return registrations;
}
/** `--out` and `--artifacts-dir` describe one task definition: checkServices allowed them for one family only. */
async function writeFiles(config, deps, pre, families) {
    if (families !== 1)
        return [];
    const artifacts = await writeArtifactFiles(config, deps, pre.rendered.artifacts);
    if (config.out)
        await writeRendered(config.out, asJson(pre.rendered.input), deps);
    return artifacts;
}
async function deployMember(m, shared, registrations, cancel) {
    const pre = m.pre;
    const to = registrations.get(pre.family);
    const registered = registeredOf(m, shared.cluster, registrations);
    if (shared.failed && m.config.onFailure === 'rollback-all')
        return finish(m, notStarted(registered, shared.failed));
    if (cancel?.aborted)
        return finish(m, cancelledBeforeDeploy(registered));
    m.moving = true;
    const outcome = await deployService(m.config, m.deps, {
        cluster: shared.cluster,
        pre,
        to,
        from: pre.previousTaskDefinitionArn,
        deadline: shared.deadline,
    }).catch((error) => ({
        status: 'failed',
        reasons: [`berth could not deploy to service ${m.name}: ${(0,src_errors/* errorMessage */.gJ)(error)}`],
        hints: [],
    }));
    m.moving = false;
    const result = resultOf(registered, outcome);
    if (!(0,verdict/* endsWell */.tz)(result.status) && !shared.failed && !cancel?.aborted) {
        shared.failed = m.name;
        if (m.config.onFailure === 'rollback-all')
            stopMoving(shared.members, m.name);
    }
    finish(m, result);
}
/**
 * Cancels the deployments still in progress, each rolled back by its driver as on a cancel (an UpdateService back to
 * the previous revision, StopDeployment, StopServiceDeployment ROLLBACK), whatever --on-cancel says.
 */
function stopMoving(members, failed) {
    const reason = new StopForRollback(`service ${failed} did not succeed (--on-failure rollback-all)`);
    for (const m of members.filter((other) => other.moving))
        m.stop.abort(reason);
}
/** `--keep-revisions`: each family cleaned up once, when every service of it succeeded. */
async function cleanUp(config, deps, members) {
    if (config.keepRevisions === undefined)
        return;
    const prepared = members.flatMap((m) => (m.pre ? [{ name: m.name, pre: m.pre }] : []));
    for (const [family, services] of byFamily(prepared)) {
        const all = services.every(({ name }) => members.find((m) => m.name === name)?.result?.status === 'succeeded');
        if (all)
            await keepRevisions(deps, family, config.keepRevisions);
    }
}

;// CONCATENATED MODULE: ./src/run.ts











/** One run of `berth render` (no cluster/service) or `berth deploy`: the pipeline of DESIGN.md. */
async function run(config, runDeps) {
    const reporter = runDeps.reporter;
    const deps = {
        ...runDeps,
        clients: (0,clients.observed)(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
    };
    if (config.artifactsDir)
        await checkDirectory(pathFor(deps, config.artifactsDir), '--artifacts-dir');
    const result = config.cluster && config.services.length > 1
        ? await deployMany(config, deps, config.cluster)
        : config.cluster && config.service
            ? await deploy(config, deps, config.cluster, config.service)
            : await renderOnly(config, deps);
    deps.reporter.emit({ type: 'verdict', result });
    return result;
}
async function deploy(config, runDeps, cluster, name) {
    const deadline = createDeadline(config.waitTimeoutMs, runDeps.now);
    const deps = { ...runDeps, clients: (0,clients.abortable)(runDeps.clients, callSignals(deadline, runDeps.signal)) };
    let pre;
    try {
        pre = await preflight(config, deps, cluster, name);
    }
    catch (error) {
        if (deps.signal?.aborted && !(0,src_errors/* isUserError */.iU)(error)) {
            return cancelledBeforeDeploy({ cluster, service: name, artifacts: [] });
        }
        throw (0,errors/* neverReached */.Xb)(error);
    }
    const base = {
        cluster,
        service: name,
        previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
        artifacts: [],
    };
    if (config.dryRun) {
        const actions = planOf(config, cluster, name, pre);
        deps.reporter.emit({ type: 'plan', actions });
        return { ...base, status: 'planned', reasons: [], hints: [], plan: actions };
    }
    if (deps.signal?.aborted)
        return cancelledBeforeDeploy(base);
    const registration = await registerRevision(deps, pre).catch((error) => {
        if (deps.signal?.aborted && !(0,src_errors/* isUserError */.iU)(error))
            return undefined;
        throw error;
    });
    if (!registration)
        return cancelledBeforeDeploy(base);
    const artifacts = await writeArtifactFiles(config, deps, pre.rendered.artifacts);
    if (config.out)
        await writeRendered(config.out, asJson(pre.rendered.input), deps);
    const registered = { ...base, taskDefinitionArn: registration.taskDefinitionArn, artifacts };
    if (deps.signal?.aborted)
        return cancelledBeforeDeploy(registered);
    const task = config.beforeDeploy
        ? await runOneOff(config.beforeDeploy, deps, { cluster, registered: registration, networkService: name, deadline })
        : undefined;
    if (task && task.status !== 'succeeded')
        return beforeDeployFailed(registered, task);
    const outcome = await deployService(config, deps, {
        cluster,
        pre,
        to: registration,
        from: pre.previousTaskDefinitionArn,
        deadline,
    });
    if (outcome.status === 'succeeded' && config.keepRevisions !== undefined) {
        await keepRevisions(deps, pre.family, config.keepRevisions);
    }
    return { ...resultOf(registered, outcome), ...(task?.task ? { task: task.task } : {}) };
}


/***/ }),

/***/ 588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ pause)
/* harmony export */ });
/* unused harmony export realSleep */
/** Sleeps until `ms` pass or any signal aborts; an abort ends the sleep quietly, the caller checks why. */
async function pause(sleep, ms, signals) {
    const present = signals.filter((signal) => signal !== undefined);
    if (present.some((signal) => signal.aborted))
        return;
    const signal = present.length > 0 ? AbortSignal.any(present) : undefined;
    try {
        await sleep(ms, signal);
    }
    catch (error) {
        if (!signal?.aborted)
            throw error;
    }
}
/** A real sleep that an AbortSignal cuts short (resolves, does not reject). */
function realSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ })

};
