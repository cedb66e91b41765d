export const id = 503;
export const ids = [503];
export const modules = {

/***/ 2503:
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
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
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
// EXTERNAL MODULE: ./src/taskdef/index.ts + 9 modules
var taskdef = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/watch/deadline.ts
var watch_deadline = __webpack_require__(6123);
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
    const result = config.cluster && config.service
        ? await deploy(config, deps, config.cluster, config.service)
        : await (0,render/* renderOnly */.PU)(config, deps);
    deps.reporter.emit({ type: 'verdict', result });
    return result;
}
async function preflight(config, deps, cluster, name) {
    // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
    const local = config.taskDefinition?.kind === 'file' ? await (0,render/* renderAndValidate */.y0)(config, deps) : undefined;
    const service = await (0,stage/* read */.LF)(deps, () => (0,target/* describeTarget */.f)(deps.clients.ecs, cluster, name));
    const driver = (0,deploy_select/* driverFor */.QM)((0,deploy_select/* chooseStrategy */.$3)(service, cluster, config.strategy));
    const rendered = local ?? (await (0,render/* renderAndValidate */.y0)(config, deps, service));
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
function cancelledBeforeDeploy(base) {
    const reason = base.taskDefinitionArn
        ? `the run was cancelled after ${base.taskDefinitionArn} was registered, before the service was changed.`
        : 'the run was cancelled before anything was changed.';
    return { ...base, status: 'cancelled', reasons: [reason], hints: [] };
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
        const actions = planLines(config, {
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
    const outcome = await (0,stage/* stage */.dw)(deps, 'deploy', `Deploy ${name} in ${cluster} (${pre.driver.name})`, () => pre.prepared.deploy({
        config,
        clients: deps.clients,
        reporter: deps.reporter,
        target: { cluster, service: pre.service },
        taskDefinitionArn: registration.taskDefinitionArn,
        taskDefinition: registration.taskDefinition,
        previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
        artifacts: pre.rendered.artifacts,
        now: deps.now,
        sleep: deps.sleep,
        deadline,
        cancel: deps.signal,
    }));
    if (outcome.status === 'succeeded' && config.keepRevisions !== undefined) {
        await keepRevisions(deps, pre.family, config.keepRevisions);
    }
    return {
        ...registered,
        status: outcome.status,
        ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
        reasons: outcome.reasons,
        hints: outcome.hints,
        ...(outcome.logs ? { logs: outcome.logs } : {}),
        ...(task?.task ? { task: task.task } : {}),
    };
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


/***/ })

};
