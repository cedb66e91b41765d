export const id = 47;
export const ids = [47];
export const modules = {

/***/ 4047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CONNECTION_TIMEOUT_MS: () => (/* binding */ CONNECTION_TIMEOUT_MS),
  DeadlineReached: () => (/* binding */ DeadlineReached),
  MUTATING_OPERATIONS: () => (/* binding */ MUTATING_OPERATIONS),
  REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
  USER_AGENT: () => (/* binding */ USER_AGENT),
  abortable: () => (/* binding */ abortable),
  createClients: () => (/* binding */ createClients),
  observed: () => (/* binding */ observed),
  operationOf: () => (/* binding */ operationOf)
});

// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(9780);
// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var client_codedeploy_dist_cjs = __webpack_require__(643);
// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(3945);
// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(4255);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(2174);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/aws/unknown-members.ts
/**
 * The operations whose input may carry members newer than this SDK: a task definition file written for a newer
 * ECS API (a field ECS added after the SDK berth was built with).
 */
const PASSED_THROUGH = new Set(['RegisterTaskDefinitionCommand']);
/**
 * The SDK serializes only the members it knows and drops the rest. For the operations above, this puts the members
 * it dropped back into the JSON body, as given, so ECS receives the whole task definition. It runs before the
 * body's Content-Length is set.
 */
function keepUnknownMembers(client) {
    const middleware = (next, context) => async (args) => {
        const body = bodyText(args.request?.body);
        if (PASSED_THROUGH.has(context.commandName ?? '') && body !== undefined && args.request) {
            args.request.body = JSON.stringify(withMissingMembers(JSON.parse(body), args.input));
        }
        return next(args);
    };
    client.middlewareStack.add(middleware, { step: 'build', priority: 'high', name: 'berthKeepUnknownMembers' });
}
function bodyText(body) {
    if (typeof body === 'string')
        return body;
    if (body instanceof Uint8Array)
        return new TextDecoder().decode(body);
    return undefined;
}
/** `sent` with every member of `given` it lacks added (null and undefined ones aside), at every depth. */
function withMissingMembers(sent, given) {
    if (Array.isArray(sent) && Array.isArray(given) && sent.length === given.length) {
        return sent.map((item, index) => withMissingMembers(item, given[index]));
    }
    if (!isObject(sent) || !isObject(given))
        return sent;
    const result = { ...sent };
    for (const [key, value] of Object.entries(given)) {
        if (key in sent)
            result[key] = withMissingMembers(sent[key], value);
        else if (value !== undefined && value !== null)
            result[key] = JSON.parse(JSON.stringify(value));
    }
    return result;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/aws/clients.ts







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
    'StopServiceDeployment',
    'ContinueServiceDeployment',
    'RunTask',
    'StopTask',
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
            if ((0,errors/* errorName */.Is)(error) === 'TimeoutError') {
                throw new aws_errors/* NoAnswerError */.i5(operation, routed.endpoint, secondsSince(started), { cause: error });
            }
            if ((0,aws_errors/* isUnreachable */.R0)(error)) {
                throw new Error(`could not reach AWS at ${routed.endpoint} for ${operation}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
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
                throw new aws_errors/* NoAnswerError */.i5(operation, endpoint, secondsSince(started), { cause: error });
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
                    ...(error ? { error: (0,errors/* errorName */.Is)(error) } : {}),
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
    const ecs = router(pair((c) => withUnknownMembers(new dist_cjs/* ECSClient */.Zgc(c)), 'ECS'));
    const codedeploy = router(pair((c) => new client_codedeploy_dist_cjs/* CodeDeployClient */.cHd(c), 'CODEDEPLOY'));
    const ecr = router(pair((c) => new client_ecr_dist_cjs/* ECRClient */.S70(c), 'ECR'));
    const logs = router(pair((c) => new client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr(c), 'CLOUDWATCH_LOGS'));
    return {
        ecs,
        codedeploy,
        ecr,
        logs,
        destroy: () => [ecs, codedeploy, ecr, logs].forEach((client) => client.destroy()),
    };
}
/** An ECS client that sends a task definition's members newer than this SDK as given (see keepUnknownMembers). */
function withUnknownMembers(client) {
    keepUnknownMembers(client);
    return client;
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
