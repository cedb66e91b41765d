export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONNECTION_TIMEOUT_MS: () => (/* binding */ CONNECTION_TIMEOUT_MS),
/* harmony export */   DeadlineReached: () => (/* binding */ DeadlineReached),
/* harmony export */   MUTATING_OPERATIONS: () => (/* binding */ MUTATING_OPERATIONS),
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   USER_AGENT: () => (/* binding */ USER_AGENT),
/* harmony export */   abortable: () => (/* binding */ abortable),
/* harmony export */   createClients: () => (/* binding */ createClients),
/* harmony export */   observed: () => (/* binding */ observed),
/* harmony export */   operationOf: () => (/* binding */ operationOf)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7507);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(303);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);






const USER_AGENT = 'berth';
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 20_000;
/**
 * Every call berth makes that changes something. The SDK never sends these twice: after a lost answer only berth's
 * own retry, which first looks at what the lost call did, may send one again. (`berth hook`'s
 * PutLifecycleEventHookExecutionStatus is not one: sending the same answer again changes nothing.)
 */
const MUTATING_OPERATIONS = new Set([
    'RegisterTaskDefinition',
    'DeregisterTaskDefinition',
    'UpdateService',
    'CreateDeployment',
    'CreateDeploymentConfig',
    'StopDeployment',
]);
/** The SDK's name of a command's operation (`UpdateService`). */
function operationOf(command) {
    const schema = command.schema;
    if (Array.isArray(schema) && typeof schema[2] === 'string')
        return schema[2];
    return String(command.constructor?.name ?? '').replace(/Command$/, '');
}
function router(routed) {
    const send = async (command, options = {}) => {
        const operation = operationOf(command);
        const client = MUTATING_OPERATIONS.has(operation) ? routed.writes : routed.reads;
        const started = Date.now();
        try {
            return await client.send.call(client, command, options);
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) === 'TimeoutError') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5(operation, routed.endpoint, secondsSince(started), { cause: error });
            }
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isUnreachable */ .R0)(error)) {
                throw new Error(`could not reach AWS at ${routed.endpoint} for ${operation}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, {
                    cause: error,
                });
            }
            throw error;
        }
    };
    return {
        send: send,
        endpoint: routed.endpoint,
        destroy: () => {
            routed.reads.destroy();
            routed.writes.destroy();
        },
    };
}
function secondsSince(started) {
    return Math.max(1, Math.round((Date.now() - started) / 1000));
}
/** The reason of an abort by the run's deadline (`--wait-timeout`), as opposed to a cancel. */
class DeadlineReached extends Error {
    name = 'DeadlineReached';
}
/**
 * The one seam through which a run's calls go: each call carries `signalFor(operation)`'s signal as its abortSignal, so the
 * run's deadline and cancel abort calls in flight. A call ended by the deadline is a NoAnswerError.
 */
function abortable(clients, signalFor) {
    const wrap = (client) => {
        const endpoint = client.endpoint ?? 'the AWS endpoint';
        const send = async (command, options = {}) => {
            const operation = operationOf(command);
            const signal = signalFor(operation);
            const started = Date.now();
            try {
                return await client.send.call(client, command, { ...options, abortSignal: signal });
            }
            catch (error) {
                if (!(signal?.aborted && signal.reason instanceof DeadlineReached))
                    throw error;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5(operation, endpoint, secondsSince(started), { cause: error });
            }
        };
        return { ...client, send };
    };
    return {
        ecs: wrap(clients.ecs),
        codedeploy: wrap(clients.codedeploy),
        ecr: wrap(clients.ecr),
        logs: wrap(clients.logs),
    };
}
/** Each call of the clients, reported once it ends (for `--verbose`): its duration, attempts and error. */
function observed(clients, onCall) {
    const wrap = (client, service) => {
        const send = async (command, options) => {
            const operation = operationOf(command);
            const started = Date.now();
            const report = (result, error) => {
                const metadata = result?.$metadata;
                const attempts = metadata?.attempts ?? 1;
                onCall({
                    service,
                    operation,
                    ms: Date.now() - started,
                    attempts,
                    ...(error ? { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) } : {}),
                });
            };
            try {
                const output = await client.send.call(client, command, options);
                report(output);
                return output;
            }
            catch (error) {
                report(error, error);
                throw error;
            }
        };
        return { ...client, send };
    };
    return {
        ecs: wrap(clients.ecs, 'ECS'),
        codedeploy: wrap(clients.codedeploy, 'CodeDeploy'),
        ecr: wrap(clients.ecr, 'ECR'),
        logs: wrap(clients.logs, 'CloudWatch Logs'),
    };
}
/**
 * The only place berth constructs AWS SDK clients. Each service has two: reads, which the SDK retries, and
 * mutating calls, which it sends once. Every attempt has a connection and an answer deadline, and every call the
 * signal given to `abortWith`.
 */
function createClients(options = {}) {
    // The region Config resolved (input, AWS_REGION, AWS_DEFAULT_REGION); unset, the SDK reads the profile's.
    const region = options.region;
    const common = {
        region,
        retryMode: 'standard',
        customUserAgent: options.userAgent ?? USER_AGENT,
        requestHandler: {
            connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
            requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
            throwOnRequestTimeout: true,
        },
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    const reads = { ...common, maxAttempts: options.maxAttempts ?? 3 };
    const writes = { ...common, maxAttempts: 1 };
    const pair = (make, service) => ({
        reads: make(reads),
        writes: make(writes),
        endpoint: endpointOf(options.endpoint, service, region),
    });
    const ecs = router(pair((c) => new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ECSClient */ .Zgc(c), 'ECS'));
    const codedeploy = router(pair((c) => new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CodeDeployClient */ .cHd(c), 'CODEDEPLOY'));
    const ecr = router(pair((c) => new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70(c), 'ECR'));
    const logs = router(pair((c) => new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_5__/* .CloudWatchLogsClient */ .TFr(c), 'CLOUDWATCH_LOGS'));
    return {
        ecs,
        codedeploy,
        ecr,
        logs,
        destroy: () => [ecs, codedeploy, ecr, logs].forEach((client) => client.destroy()),
    };
}
const HOSTS = { ECS: 'ecs', CODEDEPLOY: 'codedeploy', ECR: 'api.ecr', CLOUDWATCH_LOGS: 'logs' };
/** Where the calls of `service` go, for messages: the override, AWS_ENDPOINT_URL[_<SERVICE>], else AWS's own. */
function endpointOf(endpoint, service, region) {
    return (endpoint ??
        process.env[`AWS_ENDPOINT_URL_${service}`] ??
        process.env.AWS_ENDPOINT_URL ??
        `https://${HOSTS[service]}.${region ?? '<region>'}.amazonaws.com`);
}


/***/ })

};
