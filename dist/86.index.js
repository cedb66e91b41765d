export const id = 86;
export const ids = [86];
export const modules = {

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

/***/ 3086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  continueDeployment: () => (/* binding */ continueDeployment),
  outcomeLine: () => (/* reexport */ outcomeLine)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/continue/choose.ts

const AWAITING = 'AWAITING_ACTION';
/**
 * The hook to answer among the service's deployments in progress: the one given, which must await action, or
 * the only one that does. Anything else is the user's to sort out, said with what the deployments are doing.
 */
function chooseHook(deployments, target) {
    const waiting = deployments.flatMap((deployment) => (deployment.lifecycleHookDetails ?? [])
        .filter((hook) => hook.status === AWAITING && hook.hookId)
        .map((hook) => chosen(deployment, hook)));
    if (target.hookId) {
        const given = waiting.find((hook) => hook.hookId === target.hookId);
        if (given)
            return given;
        throw new src_errors/* UserError */.yo(`${target.hookIdLabel} ${target.hookId} is not a hook awaiting action in ${where(target)}: ${hooksSaid(deployments)}.`, { input: target.hookIdLabel });
    }
    if (waiting.length === 1)
        return waiting[0];
    if (waiting.length > 1) {
        throw new src_errors/* UserError */.yo(`${waiting.length} hooks await action in ${where(target)} (${waiting.map((hook) => hook.hookId).join(', ')}); ` +
            `give the one to answer with ${target.hookIdLabel}.`, { input: target.hookIdLabel });
    }
    throw new src_errors/* UserError */.yo(`nothing waits for an answer in ${where(target)}: ${doingSaid(deployments)}.`);
}
function chosen(deployment, hook) {
    return {
        serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
        hookId: hook.hookId ?? '',
        stage: deployment.lifecycleStage,
    };
}
function where(target) {
    return `service ${target.service} (cluster ${target.cluster})`;
}
/** What each deployment in progress is doing: its status and stage. */
function doingSaid(deployments) {
    if (deployments.length === 0)
        return 'it has no service deployment in progress';
    return deployments
        .map((deployment) => {
        const stage = deployment.lifecycleStage ? ` at stage ${deployment.lifecycleStage}` : '';
        return `service deployment ${deployment.serviceDeploymentArn} is ${deployment.status}${stage}`;
    })
        .join('; ');
}
/** Every hook of the deployments in progress, with its type and status: the ids a user could have meant. */
function hooksSaid(deployments) {
    const hooks = deployments.flatMap((deployment) => deployment.lifecycleHookDetails ?? []);
    if (hooks.length === 0)
        return `no hook has run yet (${doingSaid(deployments)})`;
    return `the hooks are ${hooks.map((hook) => `${hook.hookId} (${hook.targetType}, ${hook.status})`).join(', ')}`;
}
/** Whether the answer berth sent (and lost) took effect: the hook no longer waits, as that answer leaves it. */
function answered(deployment, hookId, rollback) {
    const hook = deployment?.lifecycleHookDetails?.find((candidate) => candidate.hookId === hookId);
    if (!deployment || !hook || hook.status === AWAITING)
        return false;
    if (!rollback)
        return hook.status === 'SUCCEEDED';
    return hook.status === 'FAILED' || (deployment.status ?? '').startsWith('ROLLBACK_');
}
/** The one line `berth continue` prints (only PAUSE hooks await action). */
function outcomeLine(outcome) {
    const hook = `PAUSE hook ${outcome.hookId}${outcome.stage ? ` at ${outcome.stage}` : ''}`;
    if (outcome.status === 'continued') {
        return `continued ${hook} of service deployment ${outcome.serviceDeploymentArn}`;
    }
    return `asked ECS to roll back service deployment ${outcome.serviceDeploymentArn} (answered ${hook} with ROLLBACK)`;
}

;// CONCATENATED MODULE: ./src/continue/index.ts






/** DescribeServiceDeployments takes at most this many ARNs. */
const DESCRIBE_LIMIT = 20;
/**
 * `berth continue`: finds the PAUSE hook the service's deployment waits on (or the one given), answers it with
 * ContinueServiceDeployment (CONTINUE, or ROLLBACK), and says what it did. Nothing waiting is the user's error.
 */
async function continueDeployment(config, deps) {
    const read = (call) => (0,retry/* retrying */.R)(call, retryOptions(deps));
    let target;
    try {
        target = chooseHook(await inProgress(deps.ecs, config, read), config);
    }
    catch (error) {
        throw (0,errors/* neverReached */.Xb)(notFound(error, config));
    }
    await answer(deps, target, config.rollback);
    return {
        status: config.rollback ? 'rolled_back_requested' : 'continued',
        serviceDeploymentArn: target.serviceDeploymentArn,
        hookId: target.hookId,
        ...(target.stage ? { stage: target.stage } : {}),
    };
}
function retryOptions(deps) {
    return {
        sleep: deps.sleep,
        baseMs: 500,
        attempts: 5,
        signal: deps.signal,
        onRetry: (error, delayMs) => deps.onRetry?.(`retrying in ${Math.round(delayMs / 100) / 10} s after: ${(0,src_errors/* errorMessage */.gJ)(error)}`),
    };
}
/** The service's service deployments IN_PROGRESS, described (hooks and stage included). */
async function inProgress(ecs, config, read) {
    const arns = [];
    let nextToken;
    do {
        const page = await read(() => ecs.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({
            cluster: config.cluster,
            service: config.service,
            status: ['IN_PROGRESS'],
            nextToken,
        })));
        arns.push(...(page.serviceDeployments ?? []).flatMap((brief) => brief.serviceDeploymentArn ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    const described = [];
    for (let start = 0; start < arns.length; start += DESCRIBE_LIMIT) {
        const serviceDeploymentArns = arns.slice(start, start + DESCRIBE_LIMIT);
        const output = await read(() => ecs.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns })));
        described.push(...(output.serviceDeployments ?? []));
    }
    return described;
}
/** ECS's not-found answers for the service or cluster, as the user's error naming what they gave. */
function notFound(error, config) {
    const name = (0,src_errors/* errorName */.Is)(error);
    if (name === 'ServiceNotFoundException') {
        return new src_errors/* UserError */.yo(`ECS has no service ${config.service} in cluster ${config.cluster}.`);
    }
    if (name === 'ClusterNotFoundException') {
        return new src_errors/* UserError */.yo(`ECS has no cluster ${config.cluster} in this account and region.`);
    }
    return error;
}
/**
 * ContinueServiceDeployment, which the SDK sends once. After a lost answer the hook may have been answered
 * after all: each retry first describes the deployment and sends again only when the hook still awaits action.
 */
async function answer(deps, target, rollback) {
    let failed;
    await (0,retry/* retrying */.R)(async () => {
        if (failed !== undefined && (await answeredMeanwhile(deps.ecs, target, rollback, failed)))
            return;
        try {
            await deps.ecs.send(new dist_cjs/* ContinueServiceDeploymentCommand */.LrH({
                serviceDeploymentArn: target.serviceDeploymentArn,
                hookId: target.hookId,
                action: rollback ? 'ROLLBACK' : 'CONTINUE',
            }));
        }
        catch (error) {
            failed = error;
            throw error;
        }
    }, retryOptions(deps));
}
/** True when the hook no longer waits because of berth's own answer; an error when it ended otherwise meanwhile. */
async function answeredMeanwhile(ecs, target, rollback, lost) {
    const output = await ecs.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [target.serviceDeploymentArn] }));
    const deployment = output.serviceDeployments?.[0];
    if (answered(deployment, target.hookId, rollback))
        return true;
    const hook = deployment?.lifecycleHookDetails?.find((candidate) => candidate.hookId === target.hookId);
    if (hook?.status === 'AWAITING_ACTION')
        return false;
    throw new Error(`the answer to ContinueServiceDeployment was lost, and hook ${target.hookId} is now ${hook?.status ?? 'gone'} ` +
        `(service deployment ${target.serviceDeploymentArn} ${deployment?.status ?? 'not found'}): it was not berth's answer that ended it.`, { cause: lost });
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
