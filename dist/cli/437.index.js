export const id = 437;
export const ids = [437];
export const modules = {

/***/ 437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __webpack_require__(4690);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(1417);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(4047);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(2728);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(2174);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(1669);
// EXTERNAL MODULE: ./src/watch/pace.ts
var pace = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(9752);
// EXTERNAL MODULE: ./src/deploy/explain.ts
var explain = __webpack_require__(2650);
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
    return Math.max(100, (0,pace/* fastestPollMs */.cP)(context.config.pollIntervalMs));
}
/** A call that changes something is retried only when throttled: a transient error may have let it through. */
function mutationRetry(context) {
    return { sleep: context.sleep, baseMs: quickPauseMs(context), retryable: errors/* isThrottling */.E2 };
}
/** The deadline plus the short grace in which berth still makes its rollback calls has passed. */
function pastGrace(context) {
    return context.now() > context.deadline.at + abort/* ROLLBACK_GRACE_MS */.r;
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
    const logs = await (0,evidence/* logTails */._m)(context.clients.logs, relevant, definitions);
    return { ...(0,explain/* explain */.W)({ stoppedTasks: relevant, events, logs }), logs };
}

// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(643);
// EXTERNAL MODULE: ./src/watch/deadline.ts
var watch_deadline = __webpack_require__(7481);
// EXTERNAL MODULE: ./src/watch/loop.ts
var loop = __webpack_require__(2371);
// EXTERNAL MODULE: ./src/watch/sleep.ts
var sleep = __webpack_require__(1934);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(3439);
// EXTERNAL MODULE: ./src/artifacts/appspec.ts
var appspec = __webpack_require__(5593);
// EXTERNAL MODULE: ./src/artifacts/hooks.ts
var artifacts_hooks = __webpack_require__(8185);
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
    const value = (0,appspec/* appSpec */.xP)({ taskDefinition: appspec/* TASK_DEFINITION_PLACEHOLDER */.Uo, ...target, hooks: ordered });
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
    const index = resources.findIndex((resource) => isObject(resource) && 'TargetService' in resource);
    if (index < 0)
        fail(`Resources has no TargetService of Type ${ECS_SERVICE}.`, doc.get('Resources', true));
    const targetPath = ['Resources', index, 'TargetService'];
    const targetService = resources[index].TargetService;
    if (!isObject(targetService) || targetService.Type !== ECS_SERVICE) {
        fail(`TargetService needs Type: ${ECS_SERVICE}.`, doc.getIn(targetPath, true));
    }
    const properties = targetService.Properties ?? {};
    if (!isObject(properties))
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
                    TaskDefinition: appspec/* TASK_DEFINITION_PLACEHOLDER */.Uo,
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
        : (0,appspec/* appSpecYaml */.ec)({ taskDefinition: taskDefinitionArn, ...template.target, hooks: template.hooks });
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
    return (0,appspec/* appSpecString */.ux)((0,appspec/* appSpecDocument */.yb)(value));
}
function loadBalancerInfo(properties, service, fail) {
    const info = properties.LoadBalancerInfo;
    if (info === undefined)
        return service;
    if (!isObject(info) || typeof info.ContainerName !== 'string' || !info.ContainerName) {
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
        if (!isObject(entry))
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
function isObject(value) {
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
        const output = await codedeploy.send(new dist_cjs/* GetDeploymentGroupCommand */.WOp({ applicationName: application, deploymentGroupName: group }));
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
            const output = await codedeploy.send(new dist_cjs/* BatchGetDeploymentGroupsCommand */.rUZ({
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
    const output = await codedeploy.send(new dist_cjs/* ListApplicationsCommand */.BJ_({ nextToken }));
    return { items: output.applications ?? [], nextToken: output.nextToken };
}
async function listGroupsPage(codedeploy, applicationName, nextToken) {
    const output = await codedeploy.send(new dist_cjs/* ListDeploymentGroupsCommand */.XOe({ applicationName, nextToken }));
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
var src_events = __webpack_require__(480);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
        const output = await codedeploy.send(new dist_cjs/* GetDeploymentConfigCommand */.z2K({ deploymentConfigName: name }));
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
        const output = await input.codedeploy.send(new dist_cjs/* ListDeploymentsCommand */.sr8({
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
        this.replacement ??= new evidence/* StoppedTasks */.yu(this.context.clients.ecs, this.context.target.cluster, { serviceName: this.plan.serviceName }, { taskDefinitionArn: this.context.taskDefinitionArn, ...(since !== undefined ? { since } : {}) });
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
    const output = await codedeploy.send(new dist_cjs/* GetDeploymentCommand */.Tvn({ deploymentId }));
    if (!output.deploymentInfo)
        throw new Error(`GetDeployment ${deploymentId} returned no deployment.`);
    return output.deploymentInfo;
}
/** The ECS target; undefined until the deployment has started and CodeDeploy has created it. */
async function getTarget(codedeploy, deploymentId, targetId) {
    try {
        const output = await codedeploy.send(new dist_cjs/* GetDeploymentTargetCommand */.Oxg({ deploymentId, targetId }));
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
    const end = await (0,loop/* watch */.w)(() => follower.tick(), watchOptions(context));
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
        await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* CreateDeploymentConfigCommand */.JKx(input)), {
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
        const output = await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* CreateDeploymentCommand */.ttP(input)), {
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
    return new evidence/* StoppedTasks */.yu(context.clients.ecs, context.target.cluster, { family }, only).refresh();
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
    const end = await (0,loop/* watch */.w)(async () => {
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
            deadline: (0,watch_deadline/* createDeadline */.d)(abort/* ROLLBACK_GRACE_MS */.r, context.now),
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
        await (0,aws_retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* StopDeploymentCommand */.NzN({ deploymentId, autoRollbackEnabled: true })), rollbackRetry(context));
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

// EXTERNAL MODULE: ./src/deploy/ecs.ts
var deploy_ecs = __webpack_require__(3176);
// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(9780);
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
    return (0,aws_retry/* retrying */.R)(() => (0,deploy_ecs/* describeService */.Jv)(context.clients.ecs, context.target.cluster, serviceName(context)), {
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
        service = await (0,deploy_ecs/* describeService */.Jv)(context.clients.ecs, context.target.cluster, serviceName(context)).catch(() => seen);
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
        this.stopped = new evidence/* StoppedTasks */.yu(context.clients.ecs, context.target.cluster, { startedBy: deploymentId });
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
            (0,deploy_ecs/* describeService */.Jv)(clients.ecs, target.cluster, target.service.serviceName ?? ''),
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
    if (isUnchanged(context) && (0,deploy_ecs/* isSteady */.NZ)(context.target.service))
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
    const end = await (0,loop/* watch */.w)(() => follower.tick(), watchOptions(context));
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
    if (isUnchanged(context) && (0,deploy_ecs/* isSteady */.NZ)(context.target.service))
        return unchangedOutcome(context);
    const tracking = await startDeployment(context);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId: tracking.deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: 'rolling',
    });
    const follower = new driver_Follower(context, tracking, context.target.service);
    const end = await (0,loop/* watch */.w)(() => follower.tick(), watchOptions(context));
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
        this.stopped = new evidence/* StoppedTasks */.yu(context.clients.ecs, context.target.cluster, { startedBy: tracking.deploymentId });
        this.ownLimit = ownFailureLimit(context);
        const breakerOn = circuitBreakerOn(before.deploymentConfiguration?.deploymentCircuitBreaker);
        this.breaker = breakerOn ? new BreakerWatch(context, tracking.deploymentId) : undefined;
    }
    async tick() {
        const service = await (0,deploy_ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
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
        const service = await (0,deploy_ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
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
            const service = await (0,deploy_ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
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
    const end = await (0,loop/* watch */.w)(() => follower.steadyOn(previous), watchOptions(context));
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
function describeService(service, cluster) {
    return `service ${service.serviceName ?? '?'} in cluster ${cluster}`;
}
/** Picks the driver from the service's deployment controller; `--strategy` may only confirm what the service allows. */
function chooseStrategy(service, cluster, requested) {
    const controller = service.deploymentController?.type ?? 'ECS';
    const where = describeService(service, cluster);
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
        lookup = await (0,deploy_ecs/* lookUpService */.cu)(ecs, cluster, name);
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

// EXTERNAL MODULE: ./src/render.ts + 3 modules
var render = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/run-task.ts + 5 modules
var run_task = __webpack_require__(5871);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(847);
// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(3945);
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

// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(3260);
// EXTERNAL MODULE: ./src/taskdef/index.ts + 9 modules
var taskdef = __webpack_require__(751);
;// CONCATENATED MODULE: ./src/steps.ts









async function preflight(config, deps, cluster, name, scope = {}) {
    // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
    const local = config.taskDefinition?.kind === 'file' ? await (0,render/* renderAndValidate */.y0)(config, deps, undefined, scope) : undefined;
    const service = await (0,stage/* read */.LF)(deps, () => describeTarget(deps.clients.ecs, cluster, name));
    const driver = driverFor(chooseStrategy(service, cluster, config.strategy));
    const rendered = local ?? (await (0,render/* renderAndValidate */.y0)(config, deps, service, scope));
    await warnAboutMissingImages(deps.clients.ecr, deps.reporter, rendered.input.containerDefinitions ?? [], registryOf(service.serviceArn));
    // A driver's preparation only reads, so it is safe to run again when the API throttles.
    const prepared = await (0,stage/* read */.LF)(deps, () => driver.prepare({ config, clients: deps.clients, target: { cluster, service }, reporter: deps.reporter }));
    const family = rendered.input.family ?? '';
    const latest = await (0,stage/* read */.LF)(deps, () => (0,register/* findTaskDefinition */.KF)(deps.clients.ecs, family));
    const previousTaskDefinitionArn = service.taskDefinition ?? '';
    const current = previousTaskDefinitionArn === latest?.arn
        ? latest
        : await (0,stage/* read */.LF)(deps, () => (0,register/* findTaskDefinition */.KF)(deps.clients.ecs, previousTaskDefinitionArn));
    if (current) {
        const text = taskdef/* formatDiff */.Vs(taskdef/* diff */.Ui(taskdef/* clean */.uH(current.document.taskDefinition), (0,render/* asJson */.vA)(rendered.input)));
        deps.reporter.emit({ type: 'diff', text, from: current.arn, to: 'rendered' });
    }
    const reusable = (0,register/* reusableRevision */.JW)(rendered.input, { current, latest });
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
    return (0,stage/* stage */.dw)(deps, 'register', 'Register the task definition', async () => {
        const input = pre.rendered.input;
        deps.reporter.emit({
            type: 'debug',
            message: `RegisterTaskDefinition family ${input.family}, images ${(input.containerDefinitions ?? []).map((c) => `${c.name}=${c.image}`).join(' ')}`,
        });
        const done = await (0,register/* register */.kz)(deps.clients.ecs, input, pre.reusable, { sleep: deps.sleep });
        deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused });
        return done;
    });
}
/** The deploy stage: the service's driver deploys `move.to` and follows it to a verdict. */
function deployService(config, deps, move, title) {
    const { cluster, pre } = move;
    const service = move.service ?? pre.service;
    const name = service.serviceName ?? '';
    return (0,stage/* stage */.dw)(deps, 'deploy', title ?? `Deploy ${name} in ${cluster} (${pre.driver.name})`, () => pre.prepared.deploy({
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
    await (0,stage/* stage */.dw)(deps, 'cleanup', `Keep the newest ${keep} revisions of ${family}`, async () => {
        try {
            const arns = await (0,register/* cleanUpRevisions */.R9)(deps.clients.ecs, family, keep);
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
var verdict = __webpack_require__(6968);
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
    checkContainers(config, services);
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
function checkContainers(config, services) {
    const known = new Set(services.flatMap((service) => service.pre.rendered.containers));
    const missing = (0,render/* editedContainers */.wz)(config).find((edit) => !known.has(edit.container));
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
        clients: (0,clients.abortable)(runDeps.clients, (0,abort/* callSignals */.g)(deadline, signal)),
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
        clients: (0,clients.abortable)(scope.runDeps.clients, (0,abort/* callSignals */.g)(scope.deadline, scope.runDeps.signal)),
        signal: scope.runDeps.signal,
    };
    const why = `service ${failed} did not succeed (--on-failure rollback-all)`;
    deps.reporter.emit({ type: 'rollback-started', reason: why, taskDefinitionArn: previous });
    let outcome;
    try {
        const service = await (0,stage/* read */.LF)(deps, () => describeTarget(deps.clients.ecs, scope.cluster, m.name));
        const revision = await (0,stage/* read */.LF)(deps, () => (0,register/* findTaskDefinition */.KF)(deps.clients.ecs, previous));
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
    const deadline = (0,watch_deadline/* createDeadline */.d)(config.waitTimeoutMs, given.now);
    // The run's own calls (describes, registrations) end with the deadline or a cancel, as a single service's do.
    const runDeps = { ...given, clients: (0,clients.abortable)(given.clients, (0,abort/* callSignals */.g)(deadline, given.signal)) };
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
    return (0,run_task.runOneOff)(task, deps, {
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
        const service = await (0,stage/* read */.LF)(deps, () => describeTarget(deps.clients.ecs, cluster, name));
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
    const artifacts = await (0,render/* writeArtifactFiles */.HV)(config, deps, pre.rendered.artifacts);
    if (config.out)
        await (0,render/* writeRendered */.d_)(config.out, (0,render/* asJson */.vA)(pre.rendered.input), deps);
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
        await (0,write/* checkDirectory */.W3)((0,stage/* pathFor */.p0)(deps, config.artifactsDir), '--artifacts-dir');
    const result = config.cluster && config.services.length > 1
        ? await deployMany(config, deps, config.cluster)
        : config.cluster && config.service
            ? await deploy(config, deps, config.cluster, config.service)
            : await (0,render/* renderOnly */.PU)(config, deps);
    deps.reporter.emit({ type: 'verdict', result });
    return result;
}
async function deploy(config, runDeps, cluster, name) {
    const deadline = (0,watch_deadline/* createDeadline */.d)(config.waitTimeoutMs, runDeps.now);
    const deps = { ...runDeps, clients: (0,clients.abortable)(runDeps.clients, (0,abort/* callSignals */.g)(deadline, runDeps.signal)) };
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
    const artifacts = await (0,render/* writeArtifactFiles */.HV)(config, deps, pre.rendered.artifacts);
    if (config.out)
        await (0,render/* writeRendered */.d_)(config.out, (0,render/* asJson */.vA)(pre.rendered.input), deps);
    const registered = { ...base, taskDefinitionArn: registration.taskDefinitionArn, artifacts };
    if (deps.signal?.aborted)
        return cancelledBeforeDeploy(registered);
    const task = config.beforeDeploy
        ? await (0,run_task.runOneOff)(config.beforeDeploy, deps, { cluster, registered: registration, networkService: name, deadline })
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


/***/ })

};
