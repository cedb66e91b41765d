export const id = 837;
export const ids = [837];
export const modules = {

/***/ 4506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WS: () => (/* binding */ parseAppSpec),
/* harmony export */   _h: () => (/* binding */ loadBalancerTarget),
/* harmony export */   pS: () => (/* binding */ appSpecTemplate),
/* harmony export */   uo: () => (/* binding */ appSpecContent)
/* harmony export */ });
/* unused harmony exports appSpecText, mergeHooks */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7587);
/* harmony import */ var _artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(283);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);





const ECS_SERVICE = 'AWS::ECS::Service';
/** The first load balancer of the service that names a container and port: CodeDeploy shifts traffic there. */
function loadBalancerTarget(service) {
    const balancer = (service.loadBalancers ?? []).find((lb) => lb.containerName && lb.containerPort !== undefined);
    if (!balancer?.containerName || balancer.containerPort === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`service ${service.serviceName ?? '?'} has no load balancer with a container name and port; ` +
            'a CodeDeploy blue/green deployment shifts traffic between two target groups behind one.');
    }
    return { containerName: balancer.containerName, containerPort: balancer.containerPort };
}
/** The AppSpec berth writes when the user gives none: the service's load balancer target and the `--hook`s. */
function appSpecTemplate(target, hooks) {
    const ordered = lifecycleOrder(hooks);
    const value = (0,_artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .appSpec */ .xP)({ taskDefinition: _artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .TASK_DEFINITION_PLACEHOLDER */ .Uo, ...target, hooks: ordered });
    return { value: { ...value }, hooks: ordered, target };
}
/**
 * The user's AppSpec (YAML or JSON), checked: one ECS TargetService, hooks on hookable events. A missing
 * LoadBalancerInfo is taken from the service; `--hook` flags replace the file's hook for the same event.
 */
function parseAppSpec(text, file, service, flagHooks) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const fail = (message, node) => {
        const offset = node?.range?.[0];
        const line = offset === undefined ? undefined : lines.linePos(offset).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--appspec ${file}${line ? `:${line}` : ''}: ${message}`, { file, line });
    };
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const line = lines.linePos(error.pos[0]).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--appspec ${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, {
            file,
            line,
        });
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(doc.contents))
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
                    TaskDefinition: _artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .TASK_DEFINITION_PLACEHOLDER */ .Uo,
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
        : (0,_artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .appSpecYaml */ .ec)({ taskDefinition: taskDefinitionArn, ...template.target, hooks: template.hooks });
    return { content, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex') };
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
    return (0,_artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .appSpecString */ .ux)((0,_artifacts_appspec_js__WEBPACK_IMPORTED_MODULE_2__/* .appSpecDocument */ .yb)(value));
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
    const form = `a list of EVENT: FUNCTION entries, EVENT one of ${_artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .HOOK_EVENTS */ .CJ.join(', ')}`;
    if (!Array.isArray(value))
        fail(`Hooks must be ${form}.`);
    return value.flatMap((entry, at) => {
        if (!isObject(entry))
            fail(`Hooks entries must be ${form}.`, at);
        return Object.entries(entry).map(([event, functionName]) => {
            if (!_artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .HOOK_EVENTS */ .CJ.includes(event)) {
                fail(`${JSON.stringify(event)} is not a hookable lifecycle event; Hooks must be ${form}.`, at);
            }
            if (typeof functionName !== 'string' || !functionName)
                fail(`the ${event} hook needs a function name.`, at);
            if (!(0,_artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .isLambdaFunction */ .WF)(functionName)) {
                fail(`the ${event} hook ${JSON.stringify(functionName)} is not ${_artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .LAMBDA_FUNCTION_FORM */ .Kf}.`, at);
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
    return [...hooks].sort((a, b) => _artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .HOOK_EVENTS */ .CJ.indexOf(a.event) - _artifacts_hooks_js__WEBPACK_IMPORTED_MODULE_4__/* .HOOK_EVENTS */ .CJ.indexOf(b.event));
}
function hooksValue(hooks) {
    return hooks.map((hook) => ({ [hook.event]: hook.functionName }));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 2766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pb: () => (/* binding */ codedeploy),
  u8: () => (/* binding */ followRollback),
  DD: () => (/* binding */ stopWithRollback)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/watch/deadline.ts
var deadline = __webpack_require__(6123);
// EXTERNAL MODULE: ./src/watch/loop.ts
var loop = __webpack_require__(6113);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(6591);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/watch/sleep.ts
var sleep = __webpack_require__(588);
// EXTERNAL MODULE: ./src/deploy/codedeploy/appspec.ts
var codedeploy_appspec = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/deploy/codedeploy/group.ts
var codedeploy_group = __webpack_require__(1873);
// EXTERNAL MODULE: ./src/deploy/codedeploy/progress.ts
var progress = __webpack_require__(5899);
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
    const clusterName = (0,codedeploy_group/* lastSegment */.m)(input.service.clusterArn ?? input.cluster);
    const { application, group, groupInfo } = await (0,codedeploy_group/* findGroup */.$)({ ...input, clusterName, serviceName });
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
            throw new errors/* UserError */.yo(unknownConfigMessage(name));
        if (existing.computePlatform && existing.computePlatform !== 'ECS') {
            throw new errors/* UserError */.yo(`--deployment-config: ${name} is a ${existing.computePlatform} deployment config; ECS deployments need an ` +
                'ECS one, e.g. CodeDeployDefault.ECSAllAtOnce.');
        }
        return { configName: name, shape: shapeOf(existing.trafficRoutingConfig) ?? PREDEFINED_ECS_CONFIGS[name] };
    }
    const wanted = spec;
    if (!existing)
        return { configName: name, createConfig: customDeploymentConfig(spec), shape: wanted };
    const actual = shapeOf(existing.trafficRoutingConfig);
    if (!actual || !sameShape(actual, wanted)) {
        throw new errors/* UserError */.yo(`--deployment-config: the deployment config ${name} exists but does not shift traffic as its name says ` +
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
        if ((0,errors/* errorName */.Is)(error) === 'DeploymentConfigDoesNotExistException')
            return undefined;
        throw new Error(`GetDeploymentConfig ${name}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
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
    const target = (0,codedeploy_appspec/* loadBalancerTarget */._h)(input.service);
    const file = input.config.appspec;
    if (!file)
        return (0,codedeploy_appspec/* appSpecTemplate */.pS)(target, input.config.hooks);
    let text;
    try {
        text = await (input.readFile ?? ((path) => (0,promises_.readFile)(path, 'utf8')))(file);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`--appspec: cannot read ${file}: ${(0,errors/* errorMessage */.gJ)(error)}`, { file });
    }
    return (0,codedeploy_appspec/* parseAppSpec */.WS)(text, file, target, input.config.hooks);
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
            message: `ListDeployments ${application}/${group} failed (${(0,errors/* errorMessage */.gJ)(error)}); not checking for a deployment in progress.`,
        });
        return;
    }
    if (active.length > 0)
        throw new errors/* UserError */.yo(busyGroupMessage(application, group, active[0]));
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

// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(386);
// EXTERNAL MODULE: ./src/deploy/driver.ts
var driver = __webpack_require__(3733);
// EXTERNAL MODULE: ./src/deploy/codedeploy/follower.ts + 1 modules
var codedeploy_follower = __webpack_require__(6031);
;// CONCATENATED MODULE: ./src/deploy/codedeploy/driver.ts















const codedeploy = { name: 'codedeploy', prepare };
/** Looks taken after StopDeployment, to report the stop and its rollback. */
const STOP_LOOKS = 10;
/** Every check, before any change: the deployment group, the service binding, the config, the AppSpec. */
async function prepare(context) {
    const { service, cluster } = context.target;
    (0,driver/* refuseWaitForPaused */.ti)(context.config, `service ${service.serviceName ?? '?'} in cluster ${cluster} deploys with CodeDeploy`);
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
    if ((0,driver/* isUnchanged */._5)(context))
        return (0,driver/* unchangedOutcome */.cQ)(context);
    await createConfigIfMissing(context, plan);
    const deploymentId = await createDeployment(context, plan);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: 'codedeploy',
    });
    const follower = new codedeploy_follower/* Follower */.fO(context, plan, deploymentId);
    const end = await (0,loop/* watch */.w)(() => follower.tick(), (0,driver/* watchOptions */.qt)(context));
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
        await (0,retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* CreateDeploymentConfigCommand */.JKx(input)), {
            ...(0,driver/* mutationRetry */.Oe)(context),
            retryable: aws_errors/* isTransient */.dg,
        });
        context.reporter.emit({
            type: 'info',
            message: `created the CodeDeploy deployment config ${input.deploymentConfigName}.`,
        });
    }
    catch (error) {
        // Another run with the same shape created it in the meantime: the stable name means it is the same config.
        if ((0,errors/* errorName */.Is)(error) !== 'DeploymentConfigAlreadyExistsException') {
            throw new Error(`CreateDeploymentConfig ${input.deploymentConfigName}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
    }
}
/**
 * The deployment id. A group found busy only now (another deployment started since the preflight) is the same
 * user error as in the preflight: exit 2, nothing deployed.
 */
async function createDeployment(context, plan) {
    const appspec = (0,codedeploy_appspec/* appSpecContent */.uo)(plan.appspec, context.taskDefinitionArn);
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
        const output = await (0,retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* CreateDeploymentCommand */.ttP(input)), {
            ...(0,driver/* mutationRetry */.Oe)(context),
            retryable: aws_errors/* isTransient */.dg,
        });
        if (!output.deploymentId)
            throw new Error('CreateDeployment returned no deployment id.');
        return output.deploymentId;
    }
    catch (error) {
        if ((0,errors/* errorName */.Is)(error) === 'DeploymentLimitExceededException') {
            const active = /\b(d-[A-Z0-9]{9})\b/.exec((0,errors/* errorMessage */.gJ)(error))?.[1];
            if (active && (await isSameDeployment(context, active, input)))
                return active;
            throw new errors/* UserError */.yo(busyGroupMessage(plan.application, plan.group, active));
        }
        throw new Error(`CreateDeployment in ${plan.application}/${plan.group}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
}
/**
 * The group's active deployment deploys what we asked for (same description: this service to this revision).
 * GetDeployment is retried on any transient error: an error while checking is never taken for "not ours".
 */
async function isSameDeployment(context, deploymentId, input) {
    const info = await (0,retry/* retrying */.R)(() => (0,codedeploy_follower/* getDeployment */.i8)(context.clients.codedeploy, deploymentId), {
        sleep: context.sleep,
        baseMs: (0,driver/* quickPauseMs */._n)(context),
        maxDelayMs: 5_000,
        attempts: 1_000,
        givenUp: () => (0,driver/* pastGrace */.nY)(context),
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
                `(${(0,codedeploy_group/* lastSegment */.m)(context.taskDefinitionArn)}) have failed, reaching berth's limit of ${follower.greenLimit}; ` +
                'the original task set is gone, so the service runs the failing revision.',
            ...evidence.reasons,
        ],
        hints: evidence.hints,
        ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
    };
}
/** Why green's tasks stopped, when they did: reading them must not fail the run. */
function gather(context, follower) {
    return (0,driver/* explainStoppedTasks */.zb)(context, () => stoppedGreenTasks(context, follower), {});
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
    const headline = `${failures} tasks of the replacement task set (${(0,codedeploy_group/* lastSegment */.m)(context.taskDefinitionArn)}) failed, reaching ` +
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
async function followRollback(context, follower, options = (0,driver/* watchOptions */.qt)(context)) {
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
        const info = await (0,codedeploy_follower/* getDeployment */.i8)(codedeploy, rollbackId);
        const current = (0,progress/* observe */.lB)(info, await (0,codedeploy_follower/* getTarget */.EW)(codedeploy, rollbackId, follower.plan.targetId), roles);
        const traffic = (0,progress/* trafficChange */.UK)(last?.traffic, current.traffic);
        if (traffic)
            context.reporter.emit(traffic);
        const statusChanged = current.status !== status;
        if (statusChanged) {
            const at = current.statusAt ? { at: current.statusAt } : {};
            context.reporter.emit({ type: 'deployment-status', status: `Rollback ${current.status}`, ...at });
        }
        last = current.traffic ? current : last;
        status = current.status;
        return progress/* TERMINAL_STATUSES */.CM.has(current.status) ? { done: info } : { changed: statusChanged || traffic !== undefined };
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
    const said = (0,driver/* onInterruption */.vi)(context, kind, `CodeDeploy deployment ${deploymentId}`, whereItWas(follower));
    const reasons = [said.headline];
    if (said.rollBack) {
        reasons.push(await stopWithRollback(context, follower, said.cause));
        // The run's deadline has passed or it was cancelled: the rollback is followed for the short grace only.
        const grace = {
            ...(0,driver/* watchOptions */.qt)(context),
            deadline: (0,deadline/* createDeadline */.d)(abort/* ROLLBACK_GRACE_MS */.r, context.now),
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
        await (0,retry/* retrying */.R)(() => context.clients.codedeploy.send(new dist_cjs/* StopDeploymentCommand */.NzN({ deploymentId, autoRollbackEnabled: true })), (0,driver/* rollbackRetry */.l8)(context));
    }
    catch (error) {
        refused = error;
    }
    const alreadyDone = refused !== undefined && (0,errors/* errorName */.Is)(refused) === 'DeploymentAlreadyCompletedException';
    if (refused !== undefined && !alreadyDone) {
        return `could not stop CodeDeploy deployment ${deploymentId}: ${(0,errors/* errorMessage */.gJ)(refused)}`;
    }
    if (!alreadyDone) {
        context.reporter.emit({
            type: 'rollback-started',
            reason: `${cause}: stopped the deployment with automatic rollback`,
        });
    }
    for (let look = 0; look < STOP_LOOKS && !progress/* TERMINAL_STATUSES */.CM.has(follower.info?.status ?? ''); look++) {
        if (look > 0 || !alreadyDone)
            await (0,sleep/* pause */.v)(context.sleep, (0,driver/* quickPauseMs */._n)(context), []);
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


/***/ }),

/***/ 3733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GX: () => (/* binding */ refuseCodeDeployInputs),
/* harmony export */   Mr: () => (/* binding */ StopForRollback),
/* harmony export */   Oe: () => (/* binding */ mutationRetry),
/* harmony export */   _5: () => (/* binding */ isUnchanged),
/* harmony export */   _n: () => (/* binding */ quickPauseMs),
/* harmony export */   cQ: () => (/* binding */ unchangedOutcome),
/* harmony export */   l8: () => (/* binding */ rollbackRetry),
/* harmony export */   nY: () => (/* binding */ pastGrace),
/* harmony export */   qt: () => (/* binding */ watchOptions),
/* harmony export */   ti: () => (/* binding */ refuseWaitForPaused),
/* harmony export */   vi: () => (/* binding */ onInterruption),
/* harmony export */   zb: () => (/* binding */ explainStoppedTasks)
/* harmony export */ });
/* harmony import */ var _aws_abort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6591);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _watch_pace_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4636);
/* harmony import */ var _evidence_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(386);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5280);
/* harmony import */ var _task_failures_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6668);








/** How a driver watches its deployment: polls up to `--poll-interval`, one deadline, cancellation, retries reported. */
function watchOptions(context) {
    return {
        ceilingMs: context.config.pollIntervalMs,
        deadline: context.deadline,
        cancel: context.cancel,
        sleep: context.sleep,
        now: context.now,
        onRetry: (error, delayMs) => context.reporter.emit({ type: 'retrying', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error), delayMs }),
    };
}
/** The short pause between the quick looks after a change berth made (a rollback, a stop), and between its retries. */
function quickPauseMs(context) {
    return Math.max(100, (0,_watch_pace_js__WEBPACK_IMPORTED_MODULE_5__/* .fastestPollMs */ .cP)(context.config.pollIntervalMs));
}
/** A call that changes something is retried only when throttled: a transient error may have let it through. */
function mutationRetry(context) {
    return { sleep: context.sleep, baseMs: quickPauseMs(context), retryable: _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isThrottling */ .E2 };
}
/** The deadline plus the short grace in which berth still makes its rollback calls has passed. */
function pastGrace(context) {
    return context.now() > context.deadline.at + _aws_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .ROLLBACK_GRACE_MS */ .r;
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
        retryable: _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg,
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${given.join(', ')}: ${where}, where CodeDeploy ` +
        `${given.length === 1 ? 'input has' : 'inputs have'} no effect; leave ${given.length === 1 ? 'it' : 'them'} out, ` +
        'or deploy a service whose deployment controller is CODE_DEPLOY.');
}
/** `--wait-for paused` waits for an ECS-native PAUSE hook; other deployments never pause. */
function refuseWaitForPaused(config, where) {
    if (config.waitFor !== 'paused')
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--wait-for paused: ${where}, which never wait for berth continue; only ECS-native deployments with a PAUSE ` +
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
        tasks = await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retrying */ .R)(load, { sleep: context.sleep, baseMs: 200, attempts: 3 });
    }
    catch (error) {
        context.reporter.emit({ type: 'warning', message: `could not read the stopped tasks: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}` });
    }
    const definitions = context.taskDefinition.containerDefinitions ?? [];
    const essential = (0,_task_failures_js__WEBPACK_IMPORTED_MODULE_6__/* .essentialContainers */ .zM)(definitions);
    const failures = tasks.filter((task) => (0,_task_failures_js__WEBPACK_IMPORTED_MODULE_6__/* .isTaskFailure */ .OV)(task, essential));
    const relevant = failures.length > 0 || !orAll ? failures : tasks;
    if (relevant.length === 0 && events.length === 0)
        return { reasons: [], hints: [], logs: [] };
    const logs = await (0,_evidence_js__WEBPACK_IMPORTED_MODULE_7__/* .logTails */ ._m)(context.clients.logs, relevant, definitions);
    return { ...(0,_explain_js__WEBPACK_IMPORTED_MODULE_4__/* .explain */ .W)({ stoppedTasks: relevant, events, logs }), logs };
}


/***/ }),

/***/ 1842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ stopWithRollback),
/* harmony export */   S: () => (/* binding */ findServiceDeployment)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(212);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _watch_sleep_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(588);
/* harmony import */ var _driver_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3733);
/* harmony import */ var _service_deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9497);







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
        const found = await listed(context, (sd) => (0,_service_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .isRevisionOf */ .rx)(sd.targetServiceRevisionArn, deploymentId));
        if (found?.serviceDeploymentArn)
            return found.serviceDeploymentArn;
        if (look + 1 >= LISTING_LOOKS) {
            throw new Error(`ECS lists no service deployment for deployment ${deploymentId} of service ${service.serviceName} in ` +
                `cluster ${cluster}; berth cannot follow it (ListServiceDeployments).`);
        }
        await (0,_watch_sleep_js__WEBPACK_IMPORTED_MODULE_5__/* .pause */ .v)(context.sleep, (0,_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .quickPauseMs */ ._n)(context), [context.deadline.signal, context.cancel]);
    }
}
/** The first listed service deployment `wanted` picks, through the first pages of the service's list. */
async function listed(context, wanted) {
    const { cluster, service } = context.target;
    let nextToken;
    for (let page = 0; page < LISTING_PAGES; page++) {
        const output = await context.clients.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_6__/* .ListServiceDeploymentsCommand */ .jz8({ cluster, service: service.serviceName, maxResults: 100, nextToken }));
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
async function stopWithRollback(context, arn) {
    const send = async () => {
        try {
            await context.clients.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_6__/* .StopServiceDeploymentCommand */ .a8L({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
            return { sent: true };
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'ConflictException') {
                const seen = await (0,_service_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .describeServiceDeployment */ .MH)(context.clients.ecs, arn).catch(() => undefined);
                return {
                    sent: false,
                    reason: `ECS refused to stop it (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); it is ${seen?.status ?? 'in an unknown state'}.`,
                };
            }
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error))
                throw error;
            const seen = await (0,_service_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .describeServiceDeployment */ .MH)(context.clients.ecs, arn).catch(() => undefined);
            if (seen && ROLLING_BACK_OR_DONE.has(seen.status ?? ''))
                return { sent: true };
            throw error;
        }
    };
    try {
        return await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R)(send, (0,_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .rollbackRetry */ .l8)(context));
    }
    catch (error) {
        return { sent: false, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) };
    }
}


/***/ }),

/***/ 4097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ NativeFollower)
/* harmony export */ });
/* harmony import */ var _driver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3733);
/* harmony import */ var _ecs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(850);
/* harmony import */ var _evidence_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(386);
/* harmony import */ var _service_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7215);
/* harmony import */ var _watch_sleep_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(588);
/* harmony import */ var _service_deployments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9497);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);







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
        this.seen = new _service_report_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceReport */ .K(context.reporter, context.now, context.target.service);
        this.stopped = new _evidence_js__WEBPACK_IMPORTED_MODULE_4__/* .StoppedTasks */ .yu(context.clients.ecs, context.target.cluster, { startedBy: deploymentId });
    }
    async tick() {
        const changed = await this.look();
        const judgement = (0,_judge_js__WEBPACK_IMPORTED_MODULE_2__/* .judge */ .S4)(this.last ?? {}, this.context.config.waitFor);
        return judgement.state === 'in_progress' ? { changed } : { done: judgement };
    }
    /** Looks until the deployment ends, for as long as the grace after the deadline allows (a rollback berth asked for). */
    async toEnd() {
        for (;;) {
            const judgement = await this.flush();
            if (judgement && judgement.state !== 'in_progress')
                return judgement;
            if ((0,_driver_js__WEBPACK_IMPORTED_MODULE_0__/* .pastGrace */ .nY)(this.context))
                return undefined;
            await (0,_watch_sleep_js__WEBPACK_IMPORTED_MODULE_5__/* .pause */ .v)(this.context.sleep, (0,_driver_js__WEBPACK_IMPORTED_MODULE_0__/* .quickPauseMs */ ._n)(this.context), []);
        }
    }
    /** One more look, so that late changes are not lost; errors here change nothing. */
    async flush() {
        try {
            await this.look();
            return this.last && (0,_judge_js__WEBPACK_IMPORTED_MODULE_2__/* .judge */ .S4)(this.last, 'completed');
        }
        catch {
            return undefined;
        }
    }
    async look() {
        const { clients, target } = this.context;
        const [sd, service] = await Promise.all([
            (0,_service_deployments_js__WEBPACK_IMPORTED_MODULE_1__/* .describeServiceDeployment */ .MH)(clients.ecs, this.arn),
            (0,_ecs_js__WEBPACK_IMPORTED_MODULE_6__/* .describeService */ .Jv)(clients.ecs, target.cluster, target.service.serviceName ?? ''),
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
                hook: (0,_judge_js__WEBPACK_IMPORTED_MODULE_2__/* .hookChange */ .Kz)(hook, stage),
                at: new Date(this.context.now()),
            });
            changed = true;
        }
        const waiting = (0,_judge_js__WEBPACK_IMPORTED_MODULE_2__/* .awaitingHook */ .ob)(sd);
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
        const split = (0,_judge_js__WEBPACK_IMPORTED_MODULE_2__/* .trafficSplit */ .wM)(sd);
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


/***/ }),

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e0: () => (/* binding */ DRIVERS),
  $3: () => (/* binding */ chooseStrategy),
  QM: () => (/* binding */ driverFor)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/deploy/codedeploy/driver.ts + 3 modules
var driver = __webpack_require__(2766);
// EXTERNAL MODULE: ./src/watch/loop.ts
var loop = __webpack_require__(6113);
// EXTERNAL MODULE: ./src/deploy/driver.ts
var deploy_driver = __webpack_require__(3733);
// EXTERNAL MODULE: ./src/deploy/ecs.ts
var ecs = __webpack_require__(850);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/watch/sleep.ts
var sleep = __webpack_require__(588);
// EXTERNAL MODULE: ./src/deploy/rolling/judge.ts
var judge = __webpack_require__(9058);
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
            const output = await context.clients.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr(input));
            if (!output.service)
                throw new Error(`UpdateService returned no service for ${input.service}.`);
            return { service: output.service };
        }
        catch (error) {
            if ((0,aws_errors/* isThrottling */.E2)(error) || !(0,aws_errors/* isTransient */.dg)(error))
                throw error;
            const deploymentId = recognise(await lookAtService(context));
            if (deploymentId) {
                context.reporter.emit({
                    type: 'info',
                    message: `the answer to UpdateService was lost (${(0,errors/* errorMessage */.gJ)(error)}); the service shows that it started deployment ${deploymentId}, which berth follows.`,
                });
                return { deploymentId };
            }
            throw error;
        }
    };
    return (0,aws_retry/* retrying */.R)(send, { ...(0,deploy_driver/* mutationRetry */.Oe)(context), retryable: aws_errors/* isTransient */.dg, ...retry });
}
/** DescribeServices while checking what a call did: errors here are retried, never taken for an answer. */
function lookAtService(context) {
    return (0,aws_retry/* retrying */.R)(() => (0,ecs/* describeService */.Jv)(context.clients.ecs, context.target.cluster, serviceName(context)), {
        sleep: context.sleep,
        baseMs: (0,deploy_driver/* quickPauseMs */._n)(context),
        attempts: 20,
        givenUp: () => (0,deploy_driver/* pastGrace */.nY)(context),
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
    const seen = new Set((before.events ?? []).map(judge/* eventKey */.Mk));
    for (const event of service.events ?? []) {
        if (seen.has((0,judge/* eventKey */.Mk)(event)))
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
    if ((0,deploy_driver/* isUnchanged */._5)(context) && previous?.id) {
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
        const sent = await updateService(context, input, (seen) => (primaryOf(seen)?.taskDefinition === previous ? (primaryOf(seen)?.id ?? previous) : undefined), (0,deploy_driver/* rollbackRetry */.l8)(context));
        service = 'service' in sent ? sent.service : undefined;
    }
    catch (error) {
        return { sent: false, reason: `could not roll the service back to ${previous}: ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
    context.reporter.emit({ type: 'rollback-started', reason: cause, taskDefinitionArn: previous });
    for (let look = 0; look < ROLLBACK_LOOKS && primaryOf(service ?? {})?.taskDefinition !== previous; look++) {
        await (0,sleep/* pause */.v)(context.sleep, (0,deploy_driver/* quickPauseMs */._n)(context), []);
        const seen = service;
        service = await (0,ecs/* describeService */.Jv)(context.clients.ecs, context.target.cluster, serviceName(context)).catch(() => seen);
    }
    const rollback = primaryOf(service ?? {});
    if (rollback?.taskDefinition !== previous) {
        return { sent: true, reason: `asked ECS to roll the service back to ${previous}: ${cause}.` };
    }
    return { sent: true, reason: `rolled the service back to ${previous} (deployment ${rollback.id}): ${cause}.` };
}

// EXTERNAL MODULE: ./src/deploy/ecs-native/calls.ts
var calls = __webpack_require__(1842);
// EXTERNAL MODULE: ./src/deploy/ecs-native/follower.ts
var ecs_native_follower = __webpack_require__(4097);
// EXTERNAL MODULE: ./src/deploy/ecs-native/judge.ts
var ecs_native_judge = __webpack_require__(3136);
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
        (0,deploy_driver/* refuseCodeDeployInputs */.GX)(config, `${where} deploys with ECS-native ${service.deploymentConfiguration?.strategy}`);
        const hasPause = (service.deploymentConfiguration?.lifecycleHooks ?? []).some((hook) => hook.targetType === 'PAUSE');
        if (config.waitFor === 'paused' && !hasPause) {
            throw new errors/* UserError */.yo(`--wait-for paused: ${where} has no PAUSE lifecycle hook, so its deployment never waits for berth continue; ` +
                'use --wait-for traffic-shifted or completed, or add a hook with targetType PAUSE.');
        }
        return { plan: planLines(target.service, cluster), deploy: deployNative };
    },
};
function planLines(service, cluster) {
    const hooks = (0,ecs_native_judge/* describeHooks */.cJ)(service.deploymentConfiguration);
    return [
        `update service ${service.serviceName} in cluster ${cluster} from ${service.taskDefinition} to the registered ` +
            `revision (ecs-native); ECS shifts the traffic itself, ${(0,ecs_native_judge/* describeStrategy */.rz)(service.deploymentConfiguration)}`,
        ...(hooks ? [`ECS runs the lifecycle hooks ${hooks}`] : []),
    ];
}
async function deployNative(context) {
    if ((0,deploy_driver/* isUnchanged */._5)(context) && (0,ecs/* isSteady */.NZ)(context.target.service))
        return (0,deploy_driver/* unchangedOutcome */.cQ)(context);
    const tracking = await startDeployment(context);
    const arn = await (0,calls/* findServiceDeployment */.S)(context, tracking.deploymentId);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId: tracking.deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: `ecs-native, ${(0,ecs_native_judge/* describeStrategy */.rz)(context.target.service.deploymentConfiguration)}`,
    });
    context.reporter.emit({ type: 'info', message: `following service deployment ${arn}` });
    const follower = new ecs_native_follower/* NativeFollower */.y(context, tracking.deploymentId, arn);
    const end = await (0,loop/* watch */.w)(() => follower.tick(), (0,deploy_driver/* watchOptions */.qt)(context));
    if (end.kind === 'done')
        return conclude(context, follower, end.value);
    return interrupted(context, follower, end.kind);
}
async function conclude(context, follower, judgement) {
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
    const explanation = await gather(context, follower);
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
    const name = (0,ecs_native_judge/* failedFunction */.ag)(judgement.reason);
    if (!name)
        return [];
    return [
        `The hook function ${name} decided the rollback: its logs are in CloudWatch Logs group ${(0,ecs_native_judge/* lambdaLogGroup */.jW)(name)}.`,
    ];
}
function gather(context, follower) {
    return (0,deploy_driver/* explainStoppedTasks */.zb)(context, () => follower.stopped.refresh(), {
        events: follower.seen.serviceEvents,
        fallback: follower.stopped.all(),
    });
}
/** Timeout or cancel: StopServiceDeployment with ROLLBACK (unless `leave`), then the rollback followed to its end. */
async function interrupted(context, follower, kind) {
    const last = await follower.flush();
    if (last && last.state !== 'in_progress')
        return conclude(context, follower, last);
    const stage = follower.last?.lifecycleStage;
    const green = follower.last && (0,ecs_native_judge/* productionOnGreen */.qX)(follower.last);
    const where = stage
        ? ` (at ${stage}${green !== undefined ? `, ${green} % of production traffic on the new revision` : ''})`
        : '';
    const said = (0,deploy_driver/* onInterruption */.vi)(context, kind, `service deployment ${follower.arn}`, where);
    const reasons = [said.headline];
    if (!said.rollBack)
        reasons.push(said.left);
    else {
        const stop = await (0,calls/* stopWithRollback */.D)(context, follower.arn);
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
    const explanation = await gather(context, follower);
    return {
        status: kind,
        deploymentId: follower.deploymentId,
        reasons: [...reasons, ...explanation.reasons],
        hints: explanation.hints,
        ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
    };
}

// EXTERNAL MODULE: ./src/deploy/task-failures.ts
var task_failures = __webpack_require__(6668);
// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(386);
// EXTERNAL MODULE: ./src/deploy/service-report.ts
var service_report = __webpack_require__(7215);
// EXTERNAL MODULE: ./src/deploy/service-deployments.ts
var service_deployments = __webpack_require__(9497);
;// CONCATENATED MODULE: ./src/deploy/rolling/driver.ts









const rolling = {
    name: 'rolling',
    prepare: async ({ config, target }) => {
        const where = `service ${target.service.serviceName ?? '?'} in cluster ${target.cluster}`;
        (0,deploy_driver/* refuseCodeDeployInputs */.GX)(config, `${where} deploys with rolling updates (deployment controller ECS)`);
        (0,deploy_driver/* refuseWaitForPaused */.ti)(config, `${where} deploys with rolling updates`);
        return { deploy: deployRolling };
    },
};
/** UpdateService, then follow our deployment by its id to a verdict. */
async function deployRolling(context) {
    if ((0,deploy_driver/* isUnchanged */._5)(context) && (0,ecs/* isSteady */.NZ)(context.target.service))
        return (0,deploy_driver/* unchangedOutcome */.cQ)(context);
    const tracking = await startDeployment(context);
    context.reporter.emit({
        type: 'deployment-started',
        deploymentId: tracking.deploymentId,
        taskDefinitionArn: context.taskDefinitionArn,
        strategy: 'rolling',
    });
    const follower = new Follower(context, tracking, context.target.service);
    const end = await (0,loop/* watch */.w)(() => follower.tick(), (0,deploy_driver/* watchOptions */.qt)(context));
    if (end.kind === 'done')
        return driver_conclude(context, follower, end.value);
    return driver_interrupted(context, follower, end.kind);
}
/** Follows one deployment: reports what changed on each look, and keeps what the explanation needs. */
class Follower {
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
        this.seen = new service_report/* ServiceReport */.K(context.reporter, context.now, before);
        this.stopped = new evidence/* StoppedTasks */.yu(context.clients.ecs, context.target.cluster, { startedBy: tracking.deploymentId });
        this.ownLimit = ownFailureLimit(context);
        const breakerOn = (0,judge/* circuitBreakerOn */.$r)(before.deploymentConfiguration?.deploymentCircuitBreaker);
        this.breaker = breakerOn ? new service_deployments/* BreakerWatch */.uf(context, tracking.deploymentId) : undefined;
    }
    async tick() {
        const service = await (0,ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
        const changed = this.seen.report(service);
        await this.readBreaker(service);
        const judgement = (0,judge/* judge */.S4)(service.deployments ?? [], this.tracking);
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
        const service = await (0,ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
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
        const essential = (0,task_failures/* essentialContainers */.zM)(this.context.taskDefinition.containerDefinitions ?? []);
        const failures = (await this.stopped.refresh()).filter((task) => (0,task_failures/* isTaskFailure */.OV)(task, essential)).length;
        if (failures < this.ownLimit.tasks)
            return undefined;
        this.ownLimitReached = true;
        return { state: 'failed', reason: this.ownLimit.describe(failures) };
    }
    /** One more look after the loop, so that late events and counts are not lost; errors here change nothing. */
    async flush() {
        try {
            const service = await (0,ecs/* describeService */.Jv)(this.context.clients.ecs, this.context.target.cluster, serviceName(this.context));
            this.seen.report(service);
            return (0,judge/* judge */.S4)(service.deployments ?? [], this.tracking);
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
    const threshold = (0,task_failures/* failureThreshold */.QB)(desired, breaker);
    if (!(0,judge/* circuitBreakerOn */.$r)(breaker)) {
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
function headline(judgement, deploymentId) {
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
async function driver_conclude(context, follower, judgement) {
    const deploymentId = follower.tracking.deploymentId;
    if (judgement.state === 'in_progress')
        throw new Error('a deployment in progress has no verdict.');
    context.reporter.emit({
        type: 'deployment-status',
        status: judgement.state,
        ...(judgement.at ? { at: judgement.at } : {}),
    });
    if (judgement.state === 'succeeded')
        return { status: 'succeeded', deploymentId, reasons: [headline(judgement, deploymentId)], hints: [] };
    const rollback = await rollbackAfterFailure(context, follower, judgement);
    const explanation = await driver_gather(context, follower);
    const hints = [...explanation.hints];
    if (judgement.state === 'failed' &&
        !(0,judge/* circuitBreakerOn */.$r)(context.target.service.deploymentConfiguration?.deploymentCircuitBreaker)) {
        hints.push(NO_BREAKER_HINT);
    }
    return {
        status: rollback?.restored ? 'rolled_back' : 'failed',
        deploymentId,
        reasons: [headline(judgement, deploymentId), ...(rollback?.reasons ?? []), ...explanation.reasons],
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
        return { restored: true, reasons: await followRollback(context, follower, judgement.to.taskDefinition ?? '') };
    }
    if (!(judgement.state === 'failed' && follower.ownLimitReached && follower.ownLimit.rollBack))
        return undefined;
    const cause = "the deployment failed and the service's circuit breaker asks for rollback (rollback: true)";
    const requested = await rollBack(context, cause);
    if (!requested.sent)
        return { restored: false, reasons: [requested.reason] };
    const previous = context.previousTaskDefinitionArn;
    return { restored: true, reasons: [requested.reason, ...(await followRollback(context, follower, previous))] };
}
/** Watches the service until its rollback to `previous` completes; what it saw, when it did not. */
async function followRollback(context, follower, previous) {
    const end = await (0,loop/* watch */.w)(() => follower.steadyOn(previous), (0,deploy_driver/* watchOptions */.qt)(context));
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
function driver_gather(context, follower) {
    return (0,deploy_driver/* explainStoppedTasks */.zb)(context, () => follower.stopped.refresh(), {
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
async function driver_interrupted(context, follower, kind) {
    const last = await follower.flush();
    if (last && last.state !== 'in_progress')
        return driver_conclude(context, follower, last);
    const deploymentId = follower.tracking.deploymentId;
    const said = (0,deploy_driver/* onInterruption */.vi)(context, kind, `deployment ${deploymentId}`, progress(follower.seen.counts, deploymentId));
    const reasons = [said.headline, said.rollBack ? (await rollBack(context, said.cause)).reason : said.left];
    const explanation = await driver_gather(context, follower);
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
const DRIVERS = { rolling: rolling, codedeploy: driver/* codedeploy */.pb, 'ecs-native': ecsNative };
const NATIVE_STRATEGIES = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
function describeService(service, cluster) {
    return `service ${service.serviceName ?? '?'} in cluster ${cluster}`;
}
/** Picks the driver from the service's deployment controller; `--strategy` may only confirm what the service allows. */
function chooseStrategy(service, cluster, requested) {
    const controller = service.deploymentController?.type ?? 'ECS';
    const where = describeService(service, cluster);
    if (controller === 'EXTERNAL') {
        throw new errors/* UserError */.yo(`${where} uses the EXTERNAL deployment controller, which berth cannot drive; ` +
            'berth deploys services whose controller is ECS or CODE_DEPLOY.');
    }
    if (controller === 'CODE_DEPLOY') {
        if (requested === 'auto' || requested === 'codedeploy')
            return 'codedeploy';
        throw new errors/* UserError */.yo(`--strategy ${requested}: ${where} uses the CODE_DEPLOY deployment controller, and ECS rejects task ` +
            'definition updates on it. Use --strategy auto or --strategy codedeploy.');
    }
    const native = NATIVE_STRATEGIES.has(service.deploymentConfiguration?.strategy ?? 'ROLLING');
    if (requested === 'codedeploy') {
        throw new errors/* UserError */.yo(`--strategy codedeploy: ${where} uses the ECS deployment controller; CodeDeploy can only deploy services ` +
            'created with the CODE_DEPLOY controller. Use --strategy auto or rolling.');
    }
    if (requested === 'rolling' && native) {
        throw new errors/* UserError */.yo(`--strategy rolling: ${where} is configured for ${service.deploymentConfiguration?.strategy} deployments. ` +
            'Use --strategy auto or --strategy ecs-native.');
    }
    if (requested === 'ecs-native' && !native) {
        throw new errors/* UserError */.yo(`--strategy ecs-native: ${where} is configured for ${service.deploymentConfiguration?.strategy ?? 'ROLLING'} ` +
            'deployments (deploymentConfiguration.strategy), not BLUE_GREEN, LINEAR or CANARY. Use --strategy auto or rolling.');
    }
    return native ? 'ecs-native' : 'rolling';
}
function driverFor(name) {
    return DRIVERS[name];
}


/***/ }),

/***/ 7215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ ServiceReport)
/* harmony export */ });
/* harmony import */ var _rolling_judge_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9058);

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
            this.seen.add((0,_rolling_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .eventKey */ .Mk)(event));
    }
    /** Emits task counts when they change and service events not seen before; true when anything was new. */
    report(service) {
        this.current = service.currentServiceDeployment;
        const counts = (0,_rolling_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .countsOf */ .mQ)(service.deployments ?? []);
        const key = (0,_rolling_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .countsKey */ .cB)(counts);
        const countsChanged = key !== this.lastCounts;
        if (countsChanged) {
            this.lastCounts = key;
            this.counts = counts;
            this.reporter.emit({ type: 'tasks-changed', deployments: counts });
        }
        const fresh = (0,_rolling_judge_js__WEBPACK_IMPORTED_MODULE_0__/* .takeNewEvents */ .Xl)(service.events ?? [], this.seen);
        for (const event of fresh) {
            const message = event.message ?? '';
            this.serviceEvents.push({ at: event.createdAt, message });
            this.reporter.emit({ type: 'service-event', at: event.createdAt ?? new Date(this.now()), message });
        }
        return countsChanged || fresh.length > 0;
    }
}


/***/ })

};
