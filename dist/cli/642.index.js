export const id = 642;
export const ids = [642];
export const modules = {

/***/ 6642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __webpack_require__(7900);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(6591);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(1111);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/deploy/driver.ts
var driver = __webpack_require__(3733);
// EXTERNAL MODULE: ./src/deploy/select.ts + 3 modules
var deploy_select = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/deploy/target.ts
var target = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/render.ts + 3 modules
var render = __webpack_require__(1028);
// EXTERNAL MODULE: ./src/run-task.ts + 5 modules
var run_task = __webpack_require__(462);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
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
        await ecr.send(new dist_cjs/* DescribeImagesCommand */.ji5({
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
function planLines(config, facts) {
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
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/taskdef/index.ts + 9 modules
var taskdef = __webpack_require__(9833);
;// CONCATENATED MODULE: ./src/steps.ts









async function preflight(config, deps, cluster, name, scope = {}) {
    // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
    const local = config.taskDefinition?.kind === 'file' ? await (0,render/* renderAndValidate */.y0)(config, deps, undefined, scope) : undefined;
    const service = await (0,stage/* read */.LF)(deps, () => (0,target/* describeTarget */.f)(deps.clients.ecs, cluster, name));
    const driver = (0,deploy_select/* driverFor */.QM)((0,deploy_select/* chooseStrategy */.$3)(service, cluster, config.strategy));
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
    return planLines(config, {
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
var verdict = __webpack_require__(3138);
// EXTERNAL MODULE: ./src/watch/deadline.ts
var watch_deadline = __webpack_require__(6123);
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
        const service = await (0,stage/* read */.LF)(deps, () => (0,target/* describeTarget */.f)(deps.clients.ecs, scope.cluster, m.name));
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
        const service = await (0,stage/* read */.LF)(deps, () => (0,target/* describeTarget */.f)(deps.clients.ecs, cluster, name));
        return (0,deploy_select/* chooseStrategy */.$3)(service, cluster, config.strategy);
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
    const reason = new driver/* StopForRollback */.Mr(`service ${failed} did not succeed (--on-failure rollback-all)`);
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
