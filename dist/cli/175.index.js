export const id = 175;
export const ids = [175];
export const modules = {

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
