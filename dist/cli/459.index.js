export const id = 459;
export const ids = [459];
export const modules = {

/***/ 2459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   answerHook: () => (/* binding */ answerHook),
/* harmony export */   displayUrl: () => (/* binding */ displayUrl),
/* harmony export */   runCheck: () => (/* binding */ runCheck)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(643);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2174);
/* harmony import */ var _watch_sleep_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1934);





/** No single HTTP request waits longer than this, so a hanging endpoint still gets retried. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A request started just before the deadline still gets this long to answer. */
const MIN_REQUEST_MS = 2_000;
/**
 * Answers one CodeDeploy lifecycle hook: runs the check until it passes or the deadline passes, then reports
 * Succeeded or Failed with PutLifecycleEventHookExecutionStatus, once. A cancelled check reports Failed, so the
 * deployment rolls back now rather than waiting out CodeDeploy's one-hour hook timeout.
 */
async function answerHook(config, deps) {
    await requireDeployment(config, deps);
    const outcome = await runCheck(config, deps);
    deps.log(`hook ${config.executionId}: ${outcome.detail}`);
    await report(config, outcome.status, deps);
    return outcome;
}
/**
 * The deployment must exist and still be running before the check runs for minutes: an id that is wrong is said
 * at once, not after the whole deadline.
 */
async function requireDeployment(config, deps) {
    let status;
    try {
        const output = await deps.codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentCommand */ .Tvn({ deploymentId: config.deploymentId }));
        status = output.deploymentInfo?.status;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'DeploymentDoesNotExistException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--deployment-id ${config.deploymentId}: CodeDeploy has no such deployment in this account and region.`, { input: '--deployment-id' });
        }
        throw error;
    }
    if (status && ['Succeeded', 'Failed', 'Stopped'].includes(status)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--deployment-id ${config.deploymentId}: the deployment has already ended (${status}); its hooks cannot be answered.`, { input: '--deployment-id' });
    }
}
/** Runs the check every `intervalMs` until it passes, the deadline passes or the signal aborts. */
async function runCheck(config, deps) {
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? _watch_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .realSleep */ .u;
    const deadline = now() + config.deadlineMs;
    for (let attempts = 1;; attempts++) {
        const remaining = Math.max(1, deadline - now());
        const attempt = await runOnce(config.check, remaining, deps);
        if (attempt.ok)
            return { status: 'Succeeded', attempts, detail: attempt.detail };
        if (deps.signal?.aborted)
            return { status: 'Failed', attempts, detail: `cancelled; last attempt: ${attempt.detail}` };
        const wait = Math.min(config.intervalMs, deadline - now());
        if (wait <= 0)
            return { status: 'Failed', attempts, detail: deadlineDetail(config, attempts, attempt) };
        deps.log(`attempt ${attempts}: ${attempt.detail}; trying again in ${formatMs(wait)}`);
        await (0,_watch_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .pause */ .v)(sleep, wait, [deps.signal]);
        if (deps.signal?.aborted)
            return { status: 'Failed', attempts, detail: `cancelled; last attempt: ${attempt.detail}` };
        if (now() >= deadline)
            return { status: 'Failed', attempts, detail: deadlineDetail(config, attempts, attempt) };
    }
}
function deadlineDetail(config, attempts, last) {
    return `no success within ${formatMs(config.deadlineMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}); last: ${last.detail}`;
}
function formatMs(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    const seconds = Math.round(ms / 1000);
    return seconds < 120 ? `${seconds}s` : `${Math.round(seconds / 60)}m`;
}
function runOnce(check, remainingMs, deps) {
    return check.kind === 'http'
        ? httpAttempt(check.url, check.expectStatus, remainingMs, deps.signal)
        : commandAttempt(check.argv, remainingMs, deps);
}
/** The URL without credentials or query, which may carry tokens. */
function displayUrl(url) {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
async function httpAttempt(url, expectStatus, remainingMs, signal) {
    const shown = displayUrl(url);
    const timeout = AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, Math.max(MIN_REQUEST_MS, remainingMs)));
    try {
        const response = await fetch(url, {
            signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
            // A 3xx is only followed when it is not itself the expected answer.
            redirect: expectStatus >= 300 && expectStatus < 400 ? 'manual' : 'follow',
        });
        await response.body?.cancel();
        const ok = response.status === expectStatus;
        return { ok, detail: `GET ${shown} answered ${response.status}${ok ? '' : `, expected ${expectStatus}`}` };
    }
    catch (error) {
        return { ok: false, detail: `GET ${shown} failed: ${fetchError(error)}` };
    }
}
function fetchError(error) {
    const cause = error.cause;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'TimeoutError')
        return 'no answer in time';
    return cause?.code ?? cause?.message ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
}
/** Runs the command once; its output goes to the log, line by line. Success is exit code 0. */
function commandAttempt(argv, remainingMs, deps) {
    const [file, ...args] = argv;
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
            stdio: ['ignore', 'pipe', 'pipe'],
            timeout: Math.max(MIN_REQUEST_MS, remainingMs),
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        for (const stream of [child.stdout, child.stderr]) {
            (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: stream }).on('line', (line) => deps.log(`${file}: ${line}`));
        }
        child.on('error', (error) => {
            if (error.name === 'AbortError')
                return;
            resolve({ ok: false, detail: `${file} could not run: ${error.code ?? error.message}` });
        });
        child.on('close', (code, signal) => {
            if (code === 0)
                return resolve({ ok: true, detail: `${file} exited with 0` });
            resolve({ ok: false, detail: signal ? `${file} was stopped by ${signal}` : `${file} exited with ${code}` });
        });
    });
}
async function report(config, status, deps) {
    const input = {
        deploymentId: config.deploymentId,
        lifecycleEventHookExecutionId: config.executionId,
        status,
    };
    try {
        await deps.codedeploy.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .PutLifecycleEventHookExecutionStatusCommand */ ._sF(input));
    }
    catch (error) {
        throw reportError(config, error);
    }
}
function reportError(config, error) {
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error);
    switch (name) {
        case 'LifecycleEventAlreadyCompletedException':
            return new Error(`hook execution ${config.executionId} of deployment ${config.deploymentId} already has an outcome ` +
                '(it was answered before, or CodeDeploy gave up waiting): nothing was reported.');
        case 'DeploymentDoesNotExistException':
        case 'InvalidDeploymentIdException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--deployment-id ${config.deploymentId}: CodeDeploy has no such deployment here.`);
        case 'InvalidLifecycleEventHookExecutionIdException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--execution-id ${config.executionId}: not a lifecycle hook execution of deployment ${config.deploymentId}.`);
        default:
            return new Error(`PutLifecycleEventHookExecutionStatus for ${config.executionId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`, {
                cause: error,
            });
    }
}


/***/ }),

/***/ 1934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ realSleep),
/* harmony export */   v: () => (/* binding */ pause)
/* harmony export */ });
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
