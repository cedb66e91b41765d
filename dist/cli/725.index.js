export const id = 725;
export const ids = [725,111];
export const modules = {

/***/ 7587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uo: () => (/* binding */ TASK_DEFINITION_PLACEHOLDER),
/* harmony export */   ec: () => (/* binding */ appSpecYaml),
/* harmony export */   gq: () => (/* binding */ TASKDEF_FILE),
/* harmony export */   hu: () => (/* binding */ codeDeployTaskdef),
/* harmony export */   ux: () => (/* binding */ appSpecString),
/* harmony export */   wA: () => (/* binding */ APPSPEC_FILE),
/* harmony export */   xP: () => (/* binding */ appSpec),
/* harmony export */   yb: () => (/* binding */ appSpecDocument)
/* harmony export */ });
/* unused harmony export appSpecJson */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _hooks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(283);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _taskdef_clean_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3497);
/* harmony import */ var _taskdef_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1433);





/** The placeholder CodePipeline's CodeDeployToECS action replaces with the task definition ARN it registers. */
const TASK_DEFINITION_PLACEHOLDER = '<TASK_DEFINITION>';
const APPSPEC_FILE = 'appspec.yaml';
const TASKDEF_FILE = 'taskdef.json';
/** The AppSpec of an ECS deployment (version 0.0): one target service, hooks in lifecycle order. */
function appSpec(input) {
    const network = input.networkConfiguration?.awsvpcConfiguration;
    const hooks = [...(input.hooks ?? [])].sort((a, b) => _hooks_js__WEBPACK_IMPORTED_MODULE_2__/* .HOOK_EVENTS */ .CJ.indexOf(a.event) - _hooks_js__WEBPACK_IMPORTED_MODULE_2__/* .HOOK_EVENTS */ .CJ.indexOf(b.event));
    return {
        version: 0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: input.taskDefinition,
                        LoadBalancerInfo: { ContainerName: input.containerName, ContainerPort: input.containerPort },
                        ...(input.platformVersion !== undefined ? { PlatformVersion: input.platformVersion } : {}),
                        ...(network
                            ? {
                                NetworkConfiguration: {
                                    AwsvpcConfiguration: {
                                        Subnets: [...(network.subnets ?? [])],
                                        ...(network.securityGroups ? { SecurityGroups: [...network.securityGroups] } : {}),
                                        ...(network.assignPublicIp ? { AssignPublicIp: network.assignPublicIp } : {}),
                                    },
                                },
                            }
                            : {}),
                    },
                },
            },
        ],
        ...(hooks.length > 0 ? { Hooks: hooks.map((hook) => ({ [hook.event]: hook.functionName })) } : {}),
    };
}
/** The AppSpec as JSON, e.g. for CreateDeployment's `appSpecContent`; `version` is written `0.0` as AWS documents. */
function appSpecJson(input) {
    const { version: _version, ...rest } = appSpec(input);
    return `{\n  "version": 0.0,\n${JSON.stringify(rest, null, 2).slice(2)}\n`;
}
/** The AppSpec as YAML, in the layout of AWS's ECS samples: ids in flow lists, strings quoted but the ARN. */
function appSpecYaml(input) {
    const doc = appSpecDocument(appSpec(input));
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Pair(_, pair) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                return;
            const key = String(pair.key.value);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(pair.value) && FLOW_LISTS.has(key)) {
                pair.value.flow = true;
                for (const item of pair.value.items)
                    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item))
                        item.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE;
            }
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) && typeof pair.value.value === 'string' && !isPlain(key, pair.value.value)) {
                pair.value.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE;
            }
        },
    });
    return appSpecString(doc);
}
/** An AppSpec as a YAML document whose integer `version` is written `0.0`, as the AppSpec documents show it. */
function appSpecDocument(value) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(value);
    const version = doc.get('version', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(version) && typeof version.value === 'number' && Number.isInteger(version.value)) {
        version.minFractionDigits = 1;
    }
    return doc;
}
function appSpecString(doc) {
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
const FLOW_LISTS = new Set(['Subnets', 'SecurityGroups']);
/** The resource type, and the task definition ARN or placeholder that CodePipeline's text replacement finds. */
function isPlain(key, value) {
    if (key === 'Type')
        return true;
    return key === 'TaskDefinition' && /^(?:<TASK_DEFINITION>|arn:[A-Za-z0-9:/_.-]+)$/.test(value);
}
/**
 * `taskdef.json` for the CodeDeployToECS action: the cleaned task definition with `"image": "<IMAGE1_NAME>"`
 * for each placeholder container.
 */
function codeDeployTaskdef(taskDefinition, placeholders) {
    const result = (0,_taskdef_clean_js__WEBPACK_IMPORTED_MODULE_3__/* .clean */ .uH)(taskDefinition);
    const containers = (0,_taskdef_types_js__WEBPACK_IMPORTED_MODULE_4__/* .containersOf */ .Mz)(result);
    for (const { container, placeholder } of placeholders) {
        const match = containers.find((entry) => (0,_taskdef_types_js__WEBPACK_IMPORTED_MODULE_4__/* .containerName */ .xN)(entry.container) === container);
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`taskdef.json: no container named "${container}" for the image placeholder <${bare(placeholder)}>.`);
        }
        match.container.image = `<${bare(placeholder)}>`;
    }
    return JSON.stringify(result, null, 2) + '\n';
}
function bare(placeholder) {
    return placeholder.replace(/^<(.*)>$/, '$1');
}


/***/ }),

/***/ 6591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ callSignals),
/* harmony export */   r: () => (/* binding */ ROLLBACK_GRACE_MS)
/* harmony export */ });
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1111);

/** How long after the deadline (or a cancel) berth still has to make its rollback calls and take its last looks. */
const ROLLBACK_GRACE_MS = 60_000;
/** A signal that aborts after `ms` of real time with `reason`; its timer does not keep the process alive. */
function abortAfter(ms, reason) {
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), Math.max(0, ms)).unref();
    return controller.signal;
}
/**
 * Which signal each call of a run carries. Reads in flight are aborted by the deadline or a cancel, so a stalled
 * endpoint cannot hold the run. Calls that change something, and every call made after the deadline or a cancel
 * (the rollback and the last looks), have until the deadline plus a short grace: a cancel must not cut off the
 * rollback it asks for.
 */
function callSignals(deadline, cancel) {
    const expired = new AbortController();
    const onDeadline = () => expired.abort(new _clients_js__WEBPACK_IMPORTED_MODULE_0__.DeadlineReached('the wait timeout (--wait-timeout) passed'));
    if (deadline.signal.aborted)
        onDeadline();
    else
        deadline.signal.addEventListener('abort', onDeadline, { once: true });
    const live = cancel ? AbortSignal.any([expired.signal, cancel]) : expired.signal;
    let afterStop;
    const grace = () => abortAfter(deadline.remaining() + ROLLBACK_GRACE_MS, new _clients_js__WEBPACK_IMPORTED_MODULE_0__.DeadlineReached('the grace passed'));
    return (operation) => {
        if (live.aborted)
            return (afterStop ??= grace());
        return _clients_js__WEBPACK_IMPORTED_MODULE_0__.MUTATING_OPERATIONS.has(operation) ? grace() : live;
    };
}


/***/ }),

/***/ 1111:
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var client_codedeploy_dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
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


/***/ }),

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

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LF: () => (/* binding */ read),
/* harmony export */   dw: () => (/* binding */ stage),
/* harmony export */   p0: () => (/* binding */ pathFor)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




/** Emits stage-started/ended around one stage, also when it throws, so that log groups always close. */
async function stage(deps, name, title, work) {
    deps.reporter.emit({ type: 'stage-started', stage: name, title });
    try {
        return await work();
    }
    finally {
        deps.reporter.emit({ type: 'stage-ended', stage: name });
    }
}
function pathFor(deps, path) {
    return deps.cwd && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path) ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(deps.cwd, path) : path;
}
/** How many times berth tries, before any change, to reach an AWS endpoint that refuses or does not exist. */
const UNREACHABLE_ATTEMPTS = 3;
/**
 * Reads retry on throttling and transient errors with berth's own clock; they are safe to send again. A call AWS
 * did not answer (the SDK's attempts each waited their full time) is not sent again before any change, nor is one
 * to an endpoint that cannot be reached, after a few tries: the run ends with advice instead.
 */
function read(deps, call) {
    let unreachable = 0;
    return (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retrying */ .R)(call, {
        sleep: deps.sleep,
        baseMs: 500,
        retryable: (error) => (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error) &&
            !(error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5) &&
            !((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isUnreachable */ .R0)(error) && ++unreachable >= UNREACHABLE_ATTEMPTS),
        onRetry: (error, delayMs) => deps.reporter.emit({ type: 'retrying', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error), delayMs }),
    });
}


/***/ }),

/***/ 3497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rv: () => (/* binding */ toRegisterInput),
/* harmony export */   n7: () => (/* binding */ DESCRIBE_ONLY_FIELDS),
/* harmony export */   uH: () => (/* binding */ clean)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1433);

/** Fields DescribeTaskDefinition returns and RegisterTaskDefinition does not take. */
const DESCRIBE_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];
/** The task definition without describe-only fields and without null or undefined values, key order kept. */
function clean(taskDefinition) {
    const describeOnly = DESCRIBE_ONLY_FIELDS;
    const kept = Object.entries(taskDefinition).filter(([key]) => !describeOnly.includes(key));
    return dropNulls(Object.fromEntries(kept));
}
/**
 * The RegisterTaskDefinition input for a document: cleaned, with the document's tags, and `extraTags`
 * (e.g. `--tag`) replacing document tags of the same key.
 */
function toRegisterInput(doc, extraTags = []) {
    const input = clean(doc.taskDefinition);
    const tags = mergeTags(doc.tags ?? [], extraTags);
    return tags.length > 0 ? { ...input, tags } : input;
}
function mergeTags(base, extra) {
    const merged = new Map();
    for (const tag of [...base, ...extra])
        merged.set(tag.key, tag.value);
    return [...merged].map(([key, value]) => ({ key, value }));
}
function dropNulls(value) {
    if (Array.isArray(value))
        return value.filter((item) => item !== null && item !== undefined).map(dropNulls);
    if ((0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value)) {
        return Object.fromEntries(Object.entries(value)
            .filter(([, member]) => member !== null && member !== undefined)
            .map(([key, member]) => [key, dropNulls(member)]));
    }
    return value;
}


/***/ }),

/***/ 1433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Mz: () => (/* binding */ containersOf),
/* harmony export */   xN: () => (/* binding */ containerName)
/* harmony export */ });
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The container definitions that are objects, with their index in the array. */
function containersOf(taskDefinition) {
    const list = taskDefinition.containerDefinitions;
    if (!Array.isArray(list))
        return [];
    return list.flatMap((container, index) => (isObject(container) ? [{ container, index }] : []));
}
function containerName(container) {
    return typeof container.name === 'string' ? container.name : undefined;
}


/***/ }),

/***/ 6123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ interruption),
/* harmony export */   d: () => (/* binding */ createDeadline)
/* harmony export */ });
function createDeadline(timeoutMs, now) {
    const at = now() + timeoutMs;
    const signal = AbortSignal.timeout(Math.max(0, timeoutMs));
    return {
        at,
        signal,
        remaining: () => Math.max(0, at - now()),
        expired: () => signal.aborted || now() >= at,
    };
}
/** Why waiting stopped early, if it did: the job was cancelled (wins) or the deadline passed. */
function interruption(deadline, cancel) {
    if (cancel?.aborted)
        return 'cancelled';
    if (deadline.expired())
        return 'timed_out';
    return undefined;
}


/***/ }),

/***/ 6113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ watch)
/* harmony export */ });
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6123);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _pace_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4636);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(588);




/**
 * Looks at the world until `tick` has an answer, the deadline passes or the job is cancelled. Throttling and
 * transient errors never end the watch (they cannot tell us how the deployment went); any other error does.
 */
async function watch(tick, options) {
    let pace = (0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .startPace */ .a)(options.ceilingMs);
    for (;;) {
        await (0,_sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .pause */ .v)(options.sleep, waitFor(pace.currentMs, options), [options.deadline.signal, options.cancel]);
        const stop = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .interruption */ .Y)(options.deadline, options.cancel);
        if (stop)
            return { kind: stop };
        try {
            const result = await tick();
            if ('done' in result)
                return { kind: 'done', value: result.done };
            pace = result.changed ? (0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .quicker */ .bW)(pace) : (0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .slower */ .N5)(pace);
        }
        catch (error) {
            // The deadline or a cancel aborted the look in flight: that is the interruption, not a failure.
            const stopped = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .interruption */ .Y)(options.deadline, options.cancel);
            if (stopped)
                return { kind: stopped };
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error))
                throw error;
            pace = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottling */ .E2)(error) ? (0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .throttled */ .v6)(pace) : (0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .slower */ .N5)(pace);
            options.onRetry?.(error, pace.currentMs);
        }
    }
}
function waitFor(ms, options) {
    return Math.min((0,_pace_js__WEBPACK_IMPORTED_MODULE_1__/* .jitter */ .p$)(ms, options.random), options.deadline.remaining());
}


/***/ }),

/***/ 4636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ slower),
/* harmony export */   a: () => (/* binding */ startPace),
/* harmony export */   bW: () => (/* binding */ quicker),
/* harmony export */   cP: () => (/* binding */ fastestPollMs),
/* harmony export */   p$: () => (/* binding */ jitter),
/* harmony export */   v6: () => (/* binding */ throttled)
/* harmony export */ });
const GROWTH = 1.5;
const THROTTLE_FACTOR = 2;
/** Throttled polls may wait up to this many ceilings. */
const THROTTLE_LIMIT = 6;
/** The quickest look after a change: a fifth of the poll interval. */
function fastestPollMs(ceilingMs) {
    return Math.max(1, Math.round(ceilingMs / 5));
}
function startPace(ceilingMs) {
    const floorMs = fastestPollMs(ceilingMs);
    return { floorMs, ceilingMs, currentMs: floorMs };
}
/** Nothing changed: wait a little longer next time. */
function slower(pace) {
    return { ...pace, currentMs: Math.min(pace.ceilingMs, Math.round(pace.currentMs * GROWTH)) };
}
/** Something changed: look again soon. */
function quicker(pace) {
    return { ...pace, currentMs: pace.floorMs };
}
/** Throttled: back off beyond the ceiling, up to a limit. */
function throttled(pace) {
    const backedOff = Math.max(pace.ceilingMs, pace.currentMs * THROTTLE_FACTOR);
    return { ...pace, currentMs: Math.min(pace.ceilingMs * THROTTLE_LIMIT, backedOff) };
}
/** ±10 %, so that many pipelines polling one account do not fall into step. */
function jitter(ms, random = Math.random) {
    return Math.max(0, Math.round(ms * (0.9 + 0.2 * random())));
}


/***/ }),

/***/ 588:
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
