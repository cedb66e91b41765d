export const id = 222;
export const ids = [222,175];
export const modules = {

/***/ 5222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(6591);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(1111);
// EXTERNAL MODULE: ./src/deploy/codedeploy/follower.ts + 1 modules
var codedeploy_follower = __webpack_require__(6031);
// EXTERNAL MODULE: ./src/deploy/service-deployments.ts
var service_deployments = __webpack_require__(9497);
// EXTERNAL MODULE: ./src/deploy/select.ts + 3 modules
var deploy_select = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/deploy/target.ts
var deploy_target = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/status/codedeploy.ts
var status_codedeploy = __webpack_require__(1786);
// EXTERNAL MODULE: ./src/status/read.ts + 1 modules
var read = __webpack_require__(7175);
// EXTERNAL MODULE: ./src/watch/deadline.ts
var watch_deadline = __webpack_require__(6123);
// EXTERNAL MODULE: ./src/deploy/codedeploy/appspec.ts
var appspec = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/deploy/codedeploy/driver.ts + 3 modules
var driver = __webpack_require__(2766);
// EXTERNAL MODULE: ./src/deploy/codedeploy/group.ts
var group = __webpack_require__(1873);
// EXTERNAL MODULE: ./src/deploy/ecs-native/calls.ts
var calls = __webpack_require__(1842);
// EXTERNAL MODULE: ./src/deploy/ecs-native/follower.ts
var ecs_native_follower = __webpack_require__(4097);
// EXTERNAL MODULE: ./src/deploy/driver.ts
var deploy_driver = __webpack_require__(3733);
// EXTERNAL MODULE: ./src/deploy/ecs.ts
var ecs = __webpack_require__(850);
// EXTERNAL MODULE: ./src/watch/loop.ts
var loop = __webpack_require__(6113);
;// CONCATENATED MODULE: ./src/rollback/stop.ts










// A rollback while a blue/green deployment is in progress: the deployment is stopped with rollback (CodeDeploy's
// StopDeployment, ECS's StopServiceDeployment ROLLBACK), and the rollback followed until the service is steady on
// the revision it ran before. In the context, `taskDefinitionArn` is the revision being deployed and
// `previousTaskDefinitionArn` the one the rollback returns to.
const CAUSE = 'berth rollback';
/** Stops the group's deployment in progress with automatic rollback and follows the rollback. */
async function stopCodeDeploy(context, found, deploymentId) {
    const { service, cluster } = context.target;
    const clusterName = (0,group/* lastSegment */.m)(service.clusterArn ?? cluster);
    const plan = {
        application: found.application,
        group: found.group,
        groupInfo: found.groupInfo,
        appspec: (0,appspec/* appSpecTemplate */.pS)((0,appspec/* loadBalancerTarget */._h)(service), []),
        targetId: `${clusterName}:${service.serviceName}`,
        clusterName,
        serviceName: service.serviceName ?? '',
    };
    const follower = new codedeploy_follower/* Follower */.fO(context, plan, deploymentId);
    await follower.flush();
    const stopped = await (0,driver/* stopWithRollback */.DD)(context, follower, CAUSE);
    const rollback = await (0,driver/* followRollback */.u8)(context, follower);
    const reasons = [stopped, ...(rollback ? [rollback.reason] : [])];
    if (rollback?.failed)
        return { status: 'failed', deploymentId, reasons, hints: [] };
    return settled(context, deploymentId, reasons);
}
/** Stops the service deployment in progress with ROLLBACK and follows it to ROLLBACK_SUCCESSFUL. */
async function stopNative(context, arn, deploymentId) {
    const stop = await (0,calls/* stopWithRollback */.D)(context, arn);
    if (!stop.sent) {
        return {
            status: 'failed',
            deploymentId,
            reasons: [`could not roll back service deployment ${arn} with StopServiceDeployment: ${stop.reason}`],
            hints: [],
        };
    }
    const follower = new ecs_native_follower/* NativeFollower */.y(context, deploymentId, arn);
    const end = await (0,loop/* watch */.w)(() => follower.tick(), (0,deploy_driver/* watchOptions */.qt)(context));
    const asked = `stopped service deployment ${arn} with ROLLBACK (StopServiceDeployment)`;
    if (end.kind !== 'done') {
        const state = follower.last?.status ?? 'in progress';
        return {
            status: end.kind,
            deploymentId,
            reasons: [`${asked}; it was still ${state} ${whenStopped(end)}.`],
            hints: [],
        };
    }
    if (end.value.state !== 'rolled_back') {
        const why = 'reason' in end.value && end.value.reason ? `: ${end.value.reason}` : '.';
        return {
            status: 'failed',
            deploymentId,
            reasons: [`${asked}, but it ended ${follower.last?.status ?? end.value.state}${why}`],
            hints: [],
        };
    }
    return settled(context, deploymentId, [`${asked}; ECS rolled it back (ROLLBACK_SUCCESSFUL).`]);
}
function whenStopped(end) {
    return end.kind === 'cancelled' ? 'when the run was cancelled' : 'when the wait timeout (--wait-timeout) passed';
}
/** The service runs only `arn`, all its tasks up: one deployment (or task set) of it, completed. */
function isSteadyOn(service, arn) {
    if (service.taskDefinition !== arn)
        return false;
    if (service.deploymentController?.type === 'CODE_DEPLOY') {
        const sets = service.taskSets ?? [];
        return sets.length === 1 && sets[0].taskDefinition === arn && sets[0].runningCount === sets[0].computedDesiredCount;
    }
    return (0,ecs/* isSteady */.NZ)(service);
}
/** After the rollback itself ended well: watches the service until it is steady on the revision it went back to. */
async function settled(context, deploymentId, reasons, back = context.previousTaskDefinitionArn) {
    const { cluster, service } = context.target;
    const end = await (0,loop/* watch */.w)(async () => {
        const seen = await (0,ecs/* describeService */.Jv)(context.clients.ecs, cluster, service.serviceName ?? '');
        return isSteadyOn(seen, back) ? { done: true } : { changed: false };
    }, (0,deploy_driver/* watchOptions */.qt)(context));
    const id = deploymentId ? { deploymentId } : {};
    if (end.kind === 'done')
        return { status: 'succeeded', ...id, reasons, hints: [] };
    return {
        status: end.kind,
        ...id,
        reasons: [...reasons, `the service was not yet steady on ${(0,format/* shortTaskDefinition */.P5)(back)} ${whenStopped(end)}.`],
        hints: [],
    };
}

;// CONCATENATED MODULE: ./src/rollback/target.ts





/** DescribeTaskDefinition; undefined when ECS has no such task definition. */
async function findRevision(ecs, ref) {
    try {
        const output = await ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref }));
        const taskDefinition = output.taskDefinition;
        return taskDefinition?.taskDefinitionArn ? { arn: taskDefinition.taskDefinitionArn, taskDefinition } : undefined;
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'ClientException' || (0,errors/* errorName */.Is)(error) === 'InvalidParameterException')
            return undefined;
        throw error;
    }
}
/** `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV` → FAMILY. */
function familyOf(arn) {
    const tail = arn.slice(arn.lastIndexOf('/') + 1);
    return tail.includes(':') ? tail.slice(0, tail.lastIndexOf(':')) : tail;
}
/** The ref `--to` gives, as DescribeTaskDefinition takes it; another family than the service's is refused. */
function refFor(to, currentArn) {
    const family = familyOf(currentArn);
    if (to.family !== undefined && to.family !== family) {
        throw new errors/* UserError */.yo(`--to ${to.given}: that is a revision of family ${to.family}, and the service runs family ${family} ` +
            `(${(0,format/* shortTaskDefinition */.P5)(currentArn)}); give a revision of ${family}: ${family}:N, its ARN, or N.`, { input: '--to' });
    }
    return `${family}:${to.revision}`;
}
/** `--to`, resolved and checked: it must exist. */
async function givenTarget(ecs, to, currentArn) {
    const ref = refFor(to, currentArn);
    const found = await findRevision(ecs, ref);
    if (!found) {
        throw new errors/* UserError */.yo(`--to ${to.given}: ECS has no task definition ${ref}; give a registered revision.`, {
            input: '--to',
        });
    }
    return { ...found, rule: `--to ${to.given}` };
}
/** The revision the service ran before its current one, by the first rule that knows it. */
async function previousTarget(ecs, cluster, service) {
    const current = service.taskDefinition ?? '';
    const chosen = activeDeployment(service) ??
        (service.deploymentController?.type === 'CODE_DEPLOY'
            ? undefined
            : await lastDeploymentSource(ecs, cluster, service));
    const ref = chosen?.arn ?? previousRevisionRef(current);
    const found = await findRevision(ecs, ref);
    if (!found) {
        throw new errors/* UserError */.yo(`berth cannot find the revision ${(0,format/* shortTaskDefinition */.P5)(current)} replaced: ${ref} does not exist. ` +
            'Name the revision to go back to with --to (FAMILY:REV, ARN or a revision number).', { input: '--to' });
    }
    const rule = chosen?.rule ?? `revision ${(0,format/* shortTaskDefinition */.P5)(ref)}, the one before ${(0,format/* shortTaskDefinition */.P5)(current)} in its family`;
    return { ...found, rule };
}
/** A rolling deployment still in progress: its ACTIVE (old) deployment runs the previous revision. */
function activeDeployment(service) {
    const current = service.taskDefinition;
    const active = [...(service.deployments ?? []), ...(service.taskSets ?? [])].find((d) => d.status === 'ACTIVE' && d.taskDefinition && d.taskDefinition !== current);
    if (!active?.taskDefinition)
        return undefined;
    return { arn: active.taskDefinition, rule: `the revision of the ACTIVE deployment ${active.id}` };
}
/**
 * The newest service deployment that completed onto the current revision: the revision it replaced (its source,
 * DescribeServiceRevisions gives its task definition). Accounts without the service-deployment APIs go without.
 */
async function lastDeploymentSource(ecs, cluster, service) {
    const current = service.taskDefinition;
    let listed;
    try {
        listed = await ecs.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service: service.serviceName, status: ['SUCCESSFUL'] }));
    }
    catch {
        return undefined;
    }
    const newestFirst = [...(listed.serviceDeployments ?? [])].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    for (const brief of newestFirst.slice(0, 5)) {
        const sd = await (0,service_deployments/* describeServiceDeployment */.MH)(ecs, brief.serviceDeploymentArn ?? '');
        const sources = (sd.sourceServiceRevisions ?? []).map((summary) => summary.arn ?? '');
        const target = sd.targetServiceRevision?.arn ?? '';
        const taskDefinitions = await (0,read.revisionTaskDefinitions)(ecs, [target, ...sources]);
        if (taskDefinitions.get(target) !== current)
            continue;
        const source = sources.map((arn) => taskDefinitions.get(arn)).find((arn) => arn && arn !== current);
        if (source) {
            return {
                arn: source,
                rule: `the source revision of the last completed service deployment ${shortArn(sd.serviceDeploymentArn)}`,
            };
        }
    }
    return undefined;
}
/** `…/web:8` → `web:7`; revision 1 has none before it. */
function previousRevisionRef(currentArn) {
    const match = /([A-Za-z0-9_-]+):(\d+)$/.exec(currentArn);
    const revision = Number(match?.[2]);
    if (!match || revision <= 1) {
        throw new errors/* UserError */.yo(`the service runs ${(0,format/* shortTaskDefinition */.P5)(currentArn)}, the first revision of its family, and berth knows of ` +
            'no revision before it; name one with --to.', { input: '--to' });
    }
    return `${match[1]}:${revision - 1}`;
}
function shortArn(arn) {
    return (arn ?? '?').slice((arn ?? '?').lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./src/rollback/index.ts















async function rollback(config, runDeps) {
    const reporter = runDeps.reporter;
    const deadline = (0,watch_deadline/* createDeadline */.d)(config.waitTimeoutMs, runDeps.now);
    const seen = (0,clients.observed)(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call }));
    const deps = { ...runDeps, clients: (0,clients.abortable)(seen, (0,abort/* callSignals */.g)(deadline, runDeps.signal)) };
    const { cluster, service: name } = config;
    let pre;
    try {
        pre = await preflight(deps, config);
    }
    catch (error) {
        if (!deps.signal?.aborted || (0,errors/* isUserError */.iU)(error))
            throw error;
        return ended(reporter, cancelledBefore(cluster, name));
    }
    if (deps.signal?.aborted)
        return ended(reporter, cancelledBefore(cluster, name));
    const { service, strategy, moving, target } = pre;
    const current = service.taskDefinition ?? '';
    const base = {
        cluster,
        service: service.serviceName ?? name,
        taskDefinitionArn: target.arn,
        previousTaskDefinitionArn: current,
        artifacts: [],
    };
    const context = {
        config: driverConfig(config),
        clients: deps.clients,
        reporter,
        target: { cluster, service },
        taskDefinitionArn: moving?.deploying ?? target.arn,
        taskDefinition: target.taskDefinition,
        previousTaskDefinitionArn: moving ? target.arn : current,
        artifacts: [],
        now: deps.now,
        sleep: deps.sleep,
        deadline,
        cancel: deps.signal,
    };
    const result = await (0,stage/* stage */.dw)(deps, 'deploy', `Roll back ${base.service} in ${cluster} (${strategy})`, async () => {
        reporter.emit({
            type: 'info',
            message: `rolling back service ${base.service} in cluster ${cluster} from ${(0,format/* shortTaskDefinition */.P5)(current)} to ${(0,format/* shortTaskDefinition */.P5)(target.arn)} (${target.rule}), ${mechanism(strategy, moving)}.`,
        });
        if (!moving && isSteadyOn(service, target.arn))
            return alreadyThere(base, target);
        const outcome = await move(deps, context, strategy, moving, target);
        return verdictOf(base, outcome, target);
    });
    return ended(reporter, result);
}
function ended(reporter, result) {
    reporter.emit({ type: 'verdict', result });
    return result;
}
function cancelledBefore(cluster, service) {
    const reasons = ['the run was cancelled before the rollback changed anything.'];
    return { status: 'cancelled', cluster, service, reasons, hints: [], artifacts: [] };
}
async function preflight(deps, config) {
    const service = await (0,stage/* read */.LF)(deps, () => (0,deploy_target/* describeTarget */.f)(deps.clients.ecs, config.cluster, config.service));
    const strategy = (0,read.strategyOf)(service);
    if (strategy === 'external') {
        throw new errors/* UserError */.yo(`--service ${config.service}: the service uses the EXTERNAL deployment controller, which berth cannot drive.`);
    }
    const moving = await (0,stage/* read */.LF)(deps, () => inProgress(deps, config, service, strategy));
    const target = await (0,stage/* read */.LF)(deps, () => chooseTarget(deps, config, service, moving));
    return { service, strategy, moving, target };
}
/** The deployment in progress that a rollback stops: CodeDeploy's, or an ECS-native service deployment. */
async function inProgress(deps, config, service, strategy) {
    const { ecs, codedeploy } = deps.clients;
    const { cluster } = config;
    if (strategy === 'codedeploy') {
        const found = await (0,status_codedeploy/* groupOf */.F8)(codedeploy, cluster, service, config);
        const deploymentId = await (0,status_codedeploy/* activeDeployment */.q0)(codedeploy, found);
        if (!deploymentId)
            return undefined;
        const deploying = (0,status_codedeploy/* appSpecTaskDefinition */.$0)(await (0,codedeploy_follower/* getDeployment */.i8)(codedeploy, deploymentId));
        return { kind: 'codedeploy', found, deploymentId, deploying };
    }
    if (strategy !== 'ecs-native')
        return undefined;
    const listed = await ecs.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service: service.serviceName, status: ['PENDING', 'IN_PROGRESS'] }));
    const arn = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
    if (!arn)
        return undefined;
    const sd = await (0,service_deployments/* describeServiceDeployment */.MH)(ecs, arn);
    const targetRevision = sd.targetServiceRevision?.arn ?? '';
    const sources = (sd.sourceServiceRevisions ?? []).map((summary) => summary.arn ?? '');
    const taskDefinitions = await (0,read.revisionTaskDefinitions)(ecs, [targetRevision, ...sources]);
    const deploying = taskDefinitions.get(targetRevision);
    const source = sources.map((revision) => taskDefinitions.get(revision)).find((td) => td && td !== deploying);
    const deploymentId = `ecs-svc/${targetRevision.slice(targetRevision.lastIndexOf('/') + 1)}`;
    return { kind: 'ecs-native', arn, deploymentId, deploying, source };
}
/**
 * A deployment in progress goes back to where it came from; `--to` may only confirm that revision. Otherwise the
 * revision `--to` names, or the previous one.
 */
async function chooseTarget(deps, config, service, moving) {
    const current = service.taskDefinition ?? '';
    const origin = moving ? originOf(service, moving) : undefined;
    if (origin && moving) {
        const what = moving.kind === 'codedeploy' ? `CodeDeploy deployment ${moving.deploymentId}` : `service deployment ${moving.arn}`;
        if (config.to && !sameRevision(refFor(config.to, current), origin)) {
            throw new errors/* UserError */.yo(`--to ${config.to.given}: ${what} is in progress, and berth rolls it back by stopping it, which returns the ` +
                `service to ${(0,format/* shortTaskDefinition */.P5)(origin)}. Leave out --to, or wait for the deployment to end.`, { input: '--to' });
        }
        const target = await givenTarget(deps.clients.ecs, { given: origin, revision: revisionOf(origin) }, origin);
        return { ...target, rule: `the revision ${what} replaces` };
    }
    if (config.to)
        return givenTarget(deps.clients.ecs, config.to, current);
    return previousTarget(deps.clients.ecs, config.cluster, service);
}
/** The revision the deployment in progress started from: its source, or the task set it does not deploy. */
function originOf(service, moving) {
    if (moving.kind === 'ecs-native')
        return moving.source;
    const sets = service.taskSets ?? [];
    return sets.find((set) => set.taskDefinition && set.taskDefinition !== moving.deploying)?.taskDefinition;
}
function sameRevision(ref, arn) {
    return arn.endsWith(`/${ref}`);
}
function revisionOf(arn) {
    return Number(/:(\d+)$/.exec(arn)?.[1] ?? 0);
}
function mechanism(strategy, moving) {
    if (moving?.kind === 'codedeploy')
        return `stopping CodeDeploy deployment ${moving.deploymentId} with automatic rollback`;
    if (moving?.kind === 'ecs-native')
        return 'stopping the service deployment in progress with ROLLBACK';
    if (strategy === 'codedeploy')
        return 'with a new CodeDeploy deployment';
    return strategy === 'ecs-native'
        ? 'with an ECS-native deployment (UpdateService)'
        : 'with a rolling update (UpdateService)';
}
/** What the drivers are asked: nothing beyond the revision; a timeout or cancel leaves the service as it is. */
function driverConfig(config) {
    return {
        ...status_codedeploy/* FROM_SERVICE */.lU,
        codedeployApplication: config.codedeployApplication,
        codedeployGroup: config.codedeployGroup,
        waitTimeoutMs: config.waitTimeoutMs,
        pollIntervalMs: config.pollIntervalMs,
    };
}
async function move(deps, context, strategy, moving, target) {
    if (moving?.kind === 'codedeploy')
        return stopCodeDeploy(context, moving.found, moving.deploymentId);
    if (moving?.kind === 'ecs-native')
        return stopNative(context, moving.arn, moving.deploymentId);
    // A driver's preparation only reads, so it is safe to run again when the API throttles.
    const prepared = await (0,stage/* read */.LF)(deps, () => deploy_select/* DRIVERS */.e0[strategy].prepare({
        config: context.config,
        clients: deps.clients,
        target: context.target,
        reporter: deps.reporter,
    }));
    const outcome = await prepared.deploy({ ...context, taskDefinitionArn: target.arn });
    if (outcome.status !== 'succeeded')
        return outcome;
    // The deployment is over (CodeDeploy may still be removing the original task set): steady is the verdict.
    return settled(context, outcome.deploymentId, outcome.reasons, target.arn);
}
function unfinished(base, to, status) {
    const what = `the rollback of service ${base.service} to ${to}`;
    const from = (0,format/* shortTaskDefinition */.P5)(base.previousTaskDefinitionArn ?? '');
    switch (status) {
        case 'rolled_back':
            return `${what} failed, and was rolled back in turn: the service is on ${from} again.`;
        case 'timed_out':
            return `${what} did not finish within the wait timeout (--wait-timeout); berth left it as it is.`;
        case 'cancelled':
            return `the run was cancelled during ${what}; berth left it as it is.`;
        default:
            return `${what} failed.`;
    }
}
function alreadyThere(base, target) {
    return {
        ...base,
        status: 'succeeded',
        reasons: [
            `service ${base.service} in cluster ${base.cluster} already runs ${(0,format/* shortTaskDefinition */.P5)(target.arn)} (${target.rule}) ` +
                'and is steady; nothing was changed.',
        ],
        hints: [],
    };
}
/**
 * The rollback's verdict: `succeeded` only when the service is steady on the target; a rollback that ECS or CodeDeploy
 * rolled back in turn left the service where it was, so it failed.
 */
function verdictOf(base, outcome, target) {
    const to = (0,format/* shortTaskDefinition */.P5)(target.arn);
    const succeeded = outcome.status === 'succeeded';
    const status = succeeded || outcome.status === 'timed_out' || outcome.status === 'cancelled' ? outcome.status : 'failed';
    const headline = succeeded
        ? `rolled service ${base.service} back to ${to} (${target.rule}); it is steady on it.`
        : unfinished(base, to, outcome.status);
    return {
        ...base,
        status,
        ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
        reasons: [headline, ...outcome.reasons],
        hints: outcome.hints,
        ...(outcome.logs ? { logs: outcome.logs } : {}),
    };
}


/***/ }),

/***/ 1786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ appSpecTaskDefinition),
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   Te: () => (/* binding */ readCodeDeploy),
/* harmony export */   lU: () => (/* binding */ FROM_SERVICE),
/* harmony export */   q0: () => (/* binding */ activeDeployment)
/* harmony export */ });
/* unused harmony export ACTIVE_STATUSES */
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7507);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4609);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _deploy_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1873);
/* harmony import */ var _deploy_codedeploy_follower_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6031);
/* harmony import */ var _deploy_codedeploy_progress_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5899);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);







/** Statuses of a CodeDeploy deployment that still holds its group: the one in progress. */
const ACTIVE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
/** A driver config with no flag given: the deployment group is found from the service alone. */
const FROM_SERVICE = {
    hooks: [],
    forceNewDeployment: false,
    waitFor: 'completed',
    waitTimeoutMs: 30 * 60_000,
    pollIntervalMs: 5_000,
    onTimeout: 'leave',
    onCancel: 'leave',
};
/** The deployment group of a CODE_DEPLOY service, found as `berth deploy` finds it. */
function groupOf(codedeploy, cluster, service, names = {}) {
    return (0,_deploy_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_1__/* .findGroup */ .$)({
        config: { ...FROM_SERVICE, ...names },
        codedeploy,
        reporter: { emit: () => undefined },
        clusterName: (0,_deploy_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_1__/* .lastSegment */ .m)(service.clusterArn ?? cluster),
        serviceName: service.serviceName ?? '',
    });
}
/** The group's deployment in progress, if any. */
async function activeDeployment(codedeploy, found) {
    const output = await codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_5__/* .ListDeploymentsCommand */ .sr8({
        applicationName: found.application,
        deploymentGroupName: found.group,
        includeOnlyStatuses: ACTIVE_STATUSES,
    }));
    return output.deployments?.[0];
}
/** The task definition a CodeDeploy deployment deploys, from its AppSpec (YAML or JSON). */
function appSpecTaskDefinition(info) {
    const content = info.revision?.appSpecContent?.content;
    if (!content)
        return undefined;
    try {
        const resources = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(content)?.Resources ?? [];
        for (const resource of resources) {
            for (const value of Object.values(resource ?? {})) {
                const arn = value?.Properties?.TaskDefinition;
                if (typeof arn === 'string')
                    return arn;
            }
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}
async function readCodeDeploy(clients, cluster, service, names) {
    let found;
    try {
        found = await groupOf(clients.codedeploy, cluster, service, names);
    }
    catch (error) {
        return { note: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error) };
    }
    const group = { application: found.application, group: found.group };
    try {
        const id = await activeDeployment(clients.codedeploy, found);
        if (!id)
            return group;
        const info = await (0,_deploy_codedeploy_follower_js__WEBPACK_IMPORTED_MODULE_2__/* .getDeployment */ .i8)(clients.codedeploy, id);
        const targetId = `${(0,_deploy_codedeploy_group_js__WEBPACK_IMPORTED_MODULE_1__/* .lastSegment */ .m)(service.clusterArn ?? cluster)}:${service.serviceName}`;
        const seen = (0,_deploy_codedeploy_progress_js__WEBPACK_IMPORTED_MODULE_3__/* .observe */ .lB)(info, await (0,_deploy_codedeploy_follower_js__WEBPACK_IMPORTED_MODULE_2__/* .getTarget */ .EW)(clients.codedeploy, id, targetId));
        const taskDefinition = appSpecTaskDefinition(info);
        const error = info.errorInformation;
        return {
            ...group,
            deployment: {
                id,
                status: seen.terminationWait ? 'TerminationWait' : seen.status,
                ...(taskDefinition ? { taskDefinition } : {}),
                ...(info.createTime ? { createdAt: (0,_time_js__WEBPACK_IMPORTED_MODULE_6__/* .iso */ .K)(info.createTime) } : {}),
                lifecycle: seen.lifecycle.map((event) => ({
                    name: event.lifecycleEventName ?? '?',
                    status: event.status ?? '?',
                })),
                ...(seen.traffic ? { traffic: { blue: seen.traffic.blue, green: seen.traffic.green } } : {}),
                ...(error?.message ? { error: [error.code, error.message].filter(Boolean).join(': ') } : {}),
            },
        };
    }
    catch (error) {
        return { ...group, note: `could not read its deployments: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}` };
    }
}


/***/ }),

/***/ 7175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readStatus: () => (/* binding */ readStatus),
  revisionTaskDefinitions: () => (/* binding */ revisionTaskDefinitions),
  strategyOf: () => (/* binding */ strategyOf)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/deploy/service-deployments.ts
var service_deployments = __webpack_require__(9497);
// EXTERNAL MODULE: ./src/deploy/target.ts
var target = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/deploy/ecs-native/judge.ts
var judge = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/deploy/rolling/judge.ts
var rolling_judge = __webpack_require__(9058);
// EXTERNAL MODULE: ./src/status/codedeploy.ts
var status_codedeploy = __webpack_require__(1786);
// EXTERNAL MODULE: ./src/status/time.ts
var time = __webpack_require__(4609);
// EXTERNAL MODULE: ./src/deploy/ecs.ts
var ecs = __webpack_require__(850);
// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(386);
// EXTERNAL MODULE: ./src/deploy/explain.ts
var explain = __webpack_require__(5280);
// EXTERNAL MODULE: ./src/deploy/task-failures.ts
var task_failures = __webpack_require__(6668);
;// CONCATENATED MODULE: ./src/status/failures.ts






/** How many failed tasks the status lists one by one (all of them are counted in the reasons). */
const LISTED = 5;
/**
 * The failed tasks of the current deployments, with the reasons and hints `berth deploy` gives and the log tail of
 * the newest one. Reading them only helps explain: a failure to read leaves the list empty.
 */
async function readFailures(clients, cluster, service, current) {
    const none = { tasks: [], reasons: [], hints: [], logs: [] };
    try {
        const arns = await (0,ecs/* listStoppedTasks */.em)(clients.ecs, cluster, { serviceName: service.serviceName ?? '' });
        const failed = (await (0,ecs/* describeTasks */.yz)(clients.ecs, cluster, arns))
            .filter((task) => (0,task_failures/* isTaskFailure */.OV)(task) && belongs(task, current))
            .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0));
        if (failed.length === 0)
            return none;
        const logs = await (0,evidence/* logTails */._m)(clients.logs, failed, await containerDefinitions(clients, failed[0]));
        const { reasons, hints } = (0,explain/* explain */.W)({ stoppedTasks: failed, events: [], logs });
        return { tasks: failed.slice(0, LISTED).map(failedTask), reasons, hints, logs };
    }
    catch {
        return none;
    }
}
function belongs(task, current) {
    if (task.startedBy && current.startedBy.includes(task.startedBy))
        return true;
    return current.taskDefinitions?.includes(task.taskDefinitionArn ?? '') ?? false;
}
async function containerDefinitions(clients, task) {
    const output = await clients.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: task.taskDefinitionArn }));
    return output.taskDefinition?.containerDefinitions ?? [];
}
function failedTask(task) {
    return {
        taskId: (0,ecs/* taskId */.BS)(task.taskArn ?? ''),
        taskDefinition: task.taskDefinitionArn ?? '',
        ...(task.stoppedAt ? { stoppedAt: (0,time/* iso */.K)(task.stoppedAt) } : {}),
        ...(task.stopCode ? { stopCode: task.stopCode } : {}),
        ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
        containers: (task.containers ?? []).map((container) => ({
            name: container.name ?? '?',
            ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
            ...(container.reason ? { reason: container.reason } : {}),
        })),
    };
}

;// CONCATENATED MODULE: ./src/status/read.ts








// `berth status`: every read of one look at a service, gathered into a plain object. Nothing here changes anything,
// and a part that cannot be read (a policy without the service-deployment APIs) is left out, not fatal.
/** How many service events the status shows. */
const EVENTS = 5;
const NATIVE = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
function strategyOf(service) {
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller === 'EXTERNAL')
        return 'external';
    if (controller === 'CODE_DEPLOY')
        return 'codedeploy';
    return NATIVE.has(service.deploymentConfiguration?.strategy ?? '') ? 'ecs-native' : 'rolling';
}
async function readStatus(clients, cluster, name, names = {}) {
    const service = await (0,target/* describeTarget */.f)(clients.ecs, cluster, name);
    const strategy = strategyOf(service);
    const serviceDeployment = strategy === 'codedeploy' ? undefined : await readServiceDeployment(clients.ecs, service);
    const codedeploy = strategy === 'codedeploy' ? await (0,status_codedeploy/* readCodeDeploy */.Te)(clients, cluster, service, names) : undefined;
    const deployments = deploymentRows(service);
    const failures = await readFailures(clients, cluster, service, {
        startedBy: [...deployments.map((row) => row.id), ...deploymentIdOf(serviceDeployment)],
        // A task set's tasks are not started by a deployment id berth knows: they are told by the revision they run.
        ...(codedeploy
            ? {
                taskDefinitions: [
                    ...deployments.map((row) => row.taskDefinition),
                    ...(codedeploy.deployment?.taskDefinition ? [codedeploy.deployment.taskDefinition] : []),
                ],
            }
            : {}),
    });
    return {
        cluster,
        service: service.serviceName ?? name,
        strategy,
        ...(service.deploymentConfiguration?.strategy
            ? { deploymentStrategy: service.deploymentConfiguration.strategy }
            : {}),
        status: service.status ?? 'UNKNOWN',
        taskDefinition: service.taskDefinition ?? '',
        desiredCount: service.desiredCount ?? 0,
        runningCount: service.runningCount ?? 0,
        pendingCount: service.pendingCount ?? 0,
        deployments,
        ...(serviceDeployment ? { serviceDeployment } : {}),
        ...(codedeploy ? { codedeploy } : {}),
        failures,
        events: (service.events ?? [])
            .slice(0, EVENTS)
            .reverse()
            .map((event) => ({ ...(event.createdAt ? { at: (0,time/* iso */.K)(event.createdAt) } : {}), message: event.message ?? '' })),
        next: nextCommands(cluster, service, strategy, serviceDeployment, codedeploy),
    };
}
/** The service's deployments (ECS controller) or task sets (CodeDeploy), as rows of task counts. */
function deploymentRows(service) {
    const listed = service.deployments ?? [];
    const deployments = (0,rolling_judge/* countsOf */.mQ)(listed).map((counts, i) => {
        const d = listed[i];
        return {
            ...counts,
            taskDefinition: d.taskDefinition ?? '',
            ...(d.rolloutStateReason ? { rolloutStateReason: d.rolloutStateReason } : {}),
            ...(d.createdAt ? { createdAt: (0,time/* iso */.K)(d.createdAt) } : {}),
        };
    });
    const taskSets = (service.taskSets ?? []).map((set) => ({
        id: set.id ?? '?',
        status: set.status ?? '?',
        taskDefinition: set.taskDefinition ?? '',
        desired: set.computedDesiredCount ?? 0,
        running: set.runningCount ?? 0,
        pending: set.pendingCount ?? 0,
        failed: 0,
        ...(set.stabilityStatus ? { rolloutState: set.stabilityStatus } : {}),
        ...(set.createdAt ? { createdAt: (0,time/* iso */.K)(set.createdAt) } : {}),
    }));
    return [...deployments, ...taskSets];
}
/** The ECS deployment id (`ecs-svc/…`) of a service deployment, from its target revision's digits. */
function deploymentIdOf(sd) {
    const digits = /\/(\d+)$/.exec(sd?.revisions.find((row) => row.role === 'target')?.arn ?? '')?.[1];
    return digits ? [`ecs-svc/${digits}`] : [];
}
async function readServiceDeployment(ecs, service) {
    if (!service.currentServiceDeployment)
        return undefined;
    try {
        const sd = await (0,service_deployments/* describeServiceDeployment */.MH)(ecs, service.currentServiceDeployment);
        return await serviceDeploymentStatus(ecs, sd);
    }
    catch {
        return undefined;
    }
}
async function serviceDeploymentStatus(ecs, sd) {
    const summaries = [
        ...(sd.targetServiceRevision ? [['target', sd.targetServiceRevision]] : []),
        ...(sd.sourceServiceRevisions ?? []).map((summary) => ['source', summary]),
    ];
    const taskDefinitions = await revisionTaskDefinitions(ecs, summaries.map(([, summary]) => summary.arn ?? ''));
    const breaker = sd.deploymentCircuitBreaker;
    return {
        arn: sd.serviceDeploymentArn ?? '?',
        status: sd.status ?? '?',
        ...(sd.statusReason ? { statusReason: sd.statusReason } : {}),
        ...(sd.lifecycleStage ? { stage: sd.lifecycleStage } : {}),
        revisions: summaries.map(([role, summary]) => revisionRow(role, summary, taskDefinitions)),
        hooks: (sd.lifecycleHookDetails ?? []).map((hook) => ({
            hookId: hook.hookId ?? '?',
            targetType: hook.targetType ?? 'AWS_LAMBDA',
            ...(hook.targetType !== 'PAUSE' && hook.targetArn ? { functionName: (0,judge/* functionName */.AQ)(hook.targetArn) } : {}),
            status: hook.status ?? '?',
            ...(hook.expiresAt ? { expiresAt: (0,time/* iso */.K)(hook.expiresAt) } : {}),
            ...(hook.timeoutAction ? { timeoutAction: hook.timeoutAction } : {}),
        })),
        ...(breaker?.status && breaker.status !== 'DISABLED'
            ? {
                breaker: {
                    status: breaker.status,
                    failureCount: breaker.failureCount ?? 0,
                    threshold: breaker.threshold ?? 0,
                },
            }
            : {}),
        ...(sd.rollback?.reason ? { rollbackReason: sd.rollback.reason } : {}),
        ...(sd.createdAt ? { createdAt: (0,time/* iso */.K)(sd.createdAt) } : {}),
        ...(sd.finishedAt ? { finishedAt: (0,time/* iso */.K)(sd.finishedAt) } : {}),
    };
}
function revisionRow(role, summary, taskDefinitions) {
    const arn = summary.arn ?? '?';
    return {
        role,
        arn,
        ...(taskDefinitions.has(arn) ? { taskDefinition: taskDefinitions.get(arn) } : {}),
        requested: summary.requestedTaskCount ?? 0,
        running: summary.runningTaskCount ?? 0,
        pending: summary.pendingTaskCount ?? 0,
        ...(summary.requestedProductionTrafficWeight !== undefined
            ? { production: summary.requestedProductionTrafficWeight }
            : {}),
        ...(summary.requestedTestTrafficWeight !== undefined ? { test: summary.requestedTestTrafficWeight } : {}),
    };
}
/** Service revision ARN → its task definition (DescribeServiceRevisions, at most 20 at a time). */
async function revisionTaskDefinitions(ecs, arns) {
    const found = new Map();
    const wanted = [...new Set(arns.filter(Boolean))];
    for (let start = 0; start < wanted.length; start += 20) {
        const output = await ecs.send(new dist_cjs/* DescribeServiceRevisionsCommand */.oF5({ serviceRevisionArns: wanted.slice(start, start + 20) }));
        for (const revision of output.serviceRevisions ?? []) {
            if (revision.serviceRevisionArn && revision.taskDefinition) {
                found.set(revision.serviceRevisionArn, revision.taskDefinition);
            }
        }
    }
    return found;
}
function nextCommands(cluster, service, strategy, sd, codedeploy) {
    const where = `--cluster ${cluster} --service ${service.serviceName}`;
    const next = [];
    if (sd?.hooks.some((hook) => hook.status === 'AWAITING_ACTION')) {
        next.push(`berth continue ${where}`, `berth continue ${where} --rollback`);
    }
    if (codedeploy?.deployment?.status === 'Ready') {
        next.push(`aws deploy continue-deployment --deployment-id ${codedeploy.deployment.id} --deployment-wait-type READY_WAIT`);
    }
    const moving = (strategy === 'ecs-native' && sd?.status === 'IN_PROGRESS') ||
        (strategy === 'rolling' && service.deployments?.some((d) => d.rolloutState === 'IN_PROGRESS')) ||
        codedeploy?.deployment !== undefined;
    if (moving && strategy !== 'external')
        next.push(`berth rollback ${where}`);
    return next;
}


/***/ }),

/***/ 4609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ iso)
/* harmony export */ });
/** A time as the status shows it: ISO 8601 in UTC, to the second. */
function iso(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}


/***/ })

};
