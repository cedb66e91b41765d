export const id = 647;
export const ids = [647,721];
export const modules = {

/***/ 6031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fO: () => (/* binding */ Follower),
  i8: () => (/* binding */ getDeployment),
  EW: () => (/* binding */ getTarget)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/deploy/task-failures.ts
var task_failures = __webpack_require__(6668);
// EXTERNAL MODULE: ./src/deploy/codedeploy/progress.ts
var progress = __webpack_require__(5899);
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
    const diagnostics = (0,progress/* diagnosticsOf */.o)(event);
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

// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(386);
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
        this.greenLimit = context.config.maxFailedTasks ?? (0,task_failures/* failureThreshold */.QB)(context.target.service.desiredCount ?? 1);
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
        const essential = (0,task_failures/* essentialContainers */.zM)(this.context.taskDefinition.containerDefinitions ?? []);
        return (await this.green.refresh()).filter((task) => (0,task_failures/* isTaskFailure */.OV)(task, essential)).length;
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
        const current = (0,progress/* observe */.lB)(info, target);
        this.taskSets.blue ??= current.taskSets.blue;
        this.taskSets.green ??= current.taskSets.green;
        const events = (0,progress/* progressEvents */.D6)(this.last, current, this.plan.appspec.hooks);
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
        if (this.context.config.waitFor === 'traffic-shifted' && (0,progress/* trafficShifted */.hD)(this.last.lifecycle)) {
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
        const name = (0,errors/* errorName */.Is)(error);
        if (name === 'DeploymentTargetDoesNotExistException' || name === 'DeploymentNotStartedException')
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 1873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ findGroup),
/* harmony export */   m: () => (/* binding */ lastSegment)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7507);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(missingGroupMessage(lookup.missing, application, group));
    const bound = await groupsBoundTo(query.codedeploy, clusterName, serviceName);
    if (bound.length === 1) {
        const [found] = bound;
        query.reporter.emit({
            type: 'info',
            message: `deployment group ${found.application}/${found.group} deploys ${clusterName}/${serviceName}`,
        });
        return found;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(ambiguousGroupMessage(bound, clusterName, serviceName));
}
/** The group, or which of the application and the group does not exist. */
async function getGroup(codedeploy, application, group) {
    try {
        const output = await codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .GetDeploymentGroupCommand */ .WOp({ applicationName: application, deploymentGroupName: group }));
        if (!output.deploymentGroupInfo) {
            throw new Error(`GetDeploymentGroup ${application}/${group} returned no deployment group.`);
        }
        return { groupInfo: output.deploymentGroupInfo };
    }
    catch (error) {
        const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error);
        if (name === 'ApplicationDoesNotExistException')
            return { missing: 'application' };
        if (name === 'DeploymentGroupDoesNotExistException')
            return { missing: 'group' };
        throw new Error(`GetDeploymentGroup ${application}/${group}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, { cause: error });
    }
}
/** Every ECS deployment group of every application in the region that deploys this service. */
async function groupsBoundTo(codedeploy, clusterName, serviceName) {
    const found = [];
    for (const application of await listAll(codedeploy, listApplicationsPage)) {
        const names = await listAll(codedeploy, (client, token) => listGroupsPage(client, application, token));
        for (let start = 0; start < names.length; start += BATCH_LIMIT) {
            const output = await codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .BatchGetDeploymentGroupsCommand */ .rUZ({
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
    const output = await codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .ListApplicationsCommand */ .BJ_({ nextToken }));
    return { items: output.applications ?? [], nextToken: output.nextToken };
}
async function listGroupsPage(codedeploy, applicationName, nextToken) {
    const output = await codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .ListDeploymentGroupsCommand */ .XOe({ applicationName, nextToken }));
    return { items: output.deploymentGroups ?? [], nextToken: output.nextToken };
}
function deploysService(groupInfo, clusterName, serviceName) {
    return (groupInfo.ecsServices ?? []).some((entry) => entry.serviceName === serviceName && lastSegment(entry.clusterName ?? '') === clusterName);
}
function checkGroupDeploysService(groupInfo, application, group, clusterName, serviceName) {
    if (groupInfo.computePlatform && groupInfo.computePlatform !== 'ECS') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--codedeploy-group: deployment group ${application}/${group} deploys to ${groupInfo.computePlatform}, ` +
            'not ECS; give the group of this ECS service.');
    }
    if (!deploysService(groupInfo, clusterName, serviceName)) {
        const services = groupInfo.ecsServices ?? [];
        const actual = services.map((entry) => `${entry.clusterName}/${entry.serviceName}`).join(', ') || 'no service';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--codedeploy-group: deployment group ${application}/${group} deploys ${actual}, not ` +
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


/***/ }),

/***/ 5899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ TERMINAL_STATUSES),
/* harmony export */   D6: () => (/* binding */ progressEvents),
/* harmony export */   UK: () => (/* binding */ trafficChange),
/* harmony export */   hD: () => (/* binding */ trafficShifted),
/* harmony export */   lB: () => (/* binding */ observe),
/* harmony export */   o: () => (/* binding */ diagnosticsOf)
/* harmony export */ });
/* unused harmony export lifecycleChange */
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5694);

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
        events.push(statusEvent(_events_js__WEBPACK_IMPORTED_MODULE_0__/* .TERMINATION_WAIT */ .F5, endOf(current.lifecycle, 'AfterAllowTraffic')));
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


/***/ }),

/***/ 3136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ functionName),
/* harmony export */   Kz: () => (/* binding */ hookChange),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   ag: () => (/* binding */ failedFunction),
/* harmony export */   cJ: () => (/* binding */ describeHooks),
/* harmony export */   jW: () => (/* binding */ lambdaLogGroup),
/* harmony export */   ob: () => (/* binding */ awaitingHook),
/* harmony export */   qX: () => (/* binding */ productionOnGreen),
/* harmony export */   rz: () => (/* binding */ describeStrategy),
/* harmony export */   wM: () => (/* binding */ trafficSplit)
/* harmony export */ });
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
/** How our service deployment stands, for what the run waits for. */
function judge(sd, waitFor) {
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
    const rollingBack = ROLLING_BACK.has(sd.status ?? '');
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


/***/ }),

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


/***/ }),

/***/ 9058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ circuitBreakerOn),
/* harmony export */   Mk: () => (/* binding */ eventKey),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   Xl: () => (/* binding */ takeNewEvents),
/* harmony export */   cB: () => (/* binding */ countsKey),
/* harmony export */   mQ: () => (/* binding */ countsOf)
/* harmony export */ });
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


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MH: () => (/* binding */ describeServiceDeployment),
/* harmony export */   rx: () => (/* binding */ isRevisionOf),
/* harmony export */   uf: () => (/* binding */ BreakerWatch)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);



// ECS keeps a service deployment for every deployment of an ECS-controller service (rolling or native): how berth
// finds the one of its deployment and reads it.
/** `ecs-svc/1234…` and `…:service-revision/<cluster>/<service>/1234…` carry the same digits. */
function isRevisionOf(revisionArn, deploymentId) {
    const digits = deploymentId.replace(/^ecs-svc\//, '');
    return revisionArn !== undefined && revisionArn.endsWith(`/${digits}`);
}
async function describeServiceDeployment(ecs, arn) {
    const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServiceDeploymentsCommand */ .A6p({ serviceDeploymentArns: [arn] }));
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
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error))
                this.off = true;
            reporter.emit({
                type: 'debug',
                message: `circuit breaker count of ${target.service.serviceName} not read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`,
            });
        }
    }
    async find() {
        const { cluster, service } = this.context.target;
        const listed = await this.context.clients.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ListServiceDeploymentsCommand */ .jz8({ cluster, service: service.serviceName }));
        const ours = listed.serviceDeployments?.find((sd) => isRevisionOf(sd.targetServiceRevisionArn, this.deploymentId));
        return ours?.serviceDeploymentArn;
    }
}


/***/ }),

/***/ 7474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ describeTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _ecs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(850);


/** DescribeServices, with every way it can be wrong turned into a UserError that names the flag. */
async function describeTarget(ecs, cluster, name) {
    let lookup;
    try {
        lookup = await (0,_ecs_js__WEBPACK_IMPORTED_MODULE_1__/* .lookUpService */ .cu)(ecs, cluster, name);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) === 'ClusterNotFoundException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--cluster ${cluster}: ECS has no such cluster in this account and region.`);
        }
        throw error;
    }
    if ('failure' in lookup) {
        const reason = lookup.failure.reason ?? 'MISSING';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--service ${name}: cluster ${cluster} has no such service (${reason}); check --service and --cluster.`);
    }
    const status = lookup.service.status;
    if (status !== 'ACTIVE') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`--service ${name}: the service in cluster ${cluster} is ${status}; berth deploys ACTIVE services only.`);
    }
    return lookup.service;
}


/***/ }),

/***/ 6668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OV: () => (/* binding */ isTaskFailure),
/* harmony export */   QB: () => (/* binding */ failureThreshold),
/* harmony export */   zM: () => (/* binding */ essentialContainers)
/* harmony export */ });
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


/***/ })

};
