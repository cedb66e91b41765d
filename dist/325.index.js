export const id = 325;
export const ids = [325];
export const modules = {

/***/ 8325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubDeploymentReporter: () => (/* binding */ githubDeploymentReporter)
/* harmony export */ });
/* unused harmony exports deploymentStateOf, statusDescription */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2925);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7169);


/** `rolled_back` is a failed deployment (the old revision runs); a timeout or cancellation is an error of the run. */
function deploymentStateOf(status) {
    switch (status) {
        case 'succeeded':
            return 'success';
        case 'failed':
        case 'rolled_back':
            return 'failure';
        case 'timed_out':
        case 'cancelled':
            return 'error';
        case 'paused':
            return 'in_progress';
        case 'planned':
        case 'rendered':
            return 'inactive';
    }
}
/** GitHub keeps at most 140 characters of a status description. */
const DESCRIPTION_LIMIT = 140;
function statusDescription(result) {
    const text = [result.status.replace('_', ' '), result.reasons[0]].filter(Boolean).join(': ');
    return text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}
/**
 * Records the run as a GitHub deployment of the workflow's commit in an environment: created when the ECS or
 * CodeDeploy deployment starts (bad input never shows up as a deployment), `in_progress` while it runs, then
 * `success`, `failure` or `error` with the verdict, linking to the workflow run.
 */
function githubDeploymentReporter(options) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token);
    const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
    const logUrl = `${_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.serverUrl}/${owner}/${repo}/actions/runs/${_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.runId}`;
    let deploymentId;
    let pending = Promise.resolve();
    const attempt = async (what, call) => {
        try {
            await call();
        }
        catch (error) {
            options.warn(`GitHub deployment: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
        }
    };
    const setStatus = (state, description) => {
        pending = pending.then(async () => {
            const id = await deploymentId;
            if (id === undefined)
                return;
            await attempt(`set its status to ${state}`, () => octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state,
                description,
                log_url: logUrl,
                environment: options.environment,
                auto_inactive: state === 'success',
            }));
        });
    };
    const start = (event) => {
        deploymentId = createDeployment(octokit, options, event, attempt);
        setStatus('in_progress', `${event.strategy} deployment ${event.deploymentId} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortTaskDefinition */ .P5)(event.taskDefinitionArn)}`);
    };
    return {
        emit(event) {
            if (event.type === 'deployment-started' && !deploymentId)
                start(event);
            else if (event.type === 'verdict')
                setStatus(deploymentStateOf(event.result.status), statusDescription(event.result));
        },
        async close() {
            await pending;
        },
    };
}
async function createDeployment(octokit, options, event, attempt) {
    let id;
    await attempt(`create a deployment in environment ${options.environment}`, async () => {
        const response = await octokit.rest.repos.createDeployment({
            ..._actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo,
            ref: _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.sha,
            environment: options.environment,
            description: `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortTaskDefinition */ .P5)(event.taskDefinitionArn)} (${event.strategy})`,
            auto_merge: false,
            // berth deploys what the workflow built; commit checks are the workflow's business, not the deployment's.
            required_contexts: [],
            payload: { taskDefinitionArn: event.taskDefinitionArn, deploymentId: event.deploymentId },
        });
        if ('id' in response.data)
            id = response.data.id;
        else
            throw new Error(response.data.message ?? 'GitHub did not create the deployment');
    });
    return id;
}


/***/ })

};
