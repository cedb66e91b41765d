#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 283:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ HOOK_EVENTS),
/* harmony export */   Kf: () => (/* binding */ LAMBDA_FUNCTION_FORM),
/* harmony export */   WF: () => (/* binding */ isLambdaFunction)
/* harmony export */ });
/** The CodeDeploy lifecycle events of an ECS deployment that accept a hook function. */
const HOOK_EVENTS = [
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
];
const LAMBDA_FUNCTION = /^(arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;
/** A hook function as CodeDeploy invokes it: a Lambda function name, optionally qualified, or its ARN. */
function isLambdaFunction(value) {
    return value.length <= 140 && LAMBDA_FUNCTION.test(value);
}
const LAMBDA_FUNCTION_FORM = 'a Lambda function name (letters, digits, - and _, at most 64) or its ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)';


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   R0: () => (/* binding */ isUnreachable),
/* harmony export */   VC: () => (/* binding */ explainSetupError),
/* harmony export */   Xb: () => (/* binding */ neverReached),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   i5: () => (/* binding */ NoAnswerError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

const THROTTLING_CODES = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'LimitExceededException',
]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
]);
/** berth wraps an AWS error to say which call failed (`{ cause }`); the error it wraps decides what to do. */
function unwrapped(error) {
    let current = error;
    for (let depth = 0; depth < 5 && current instanceof Error && current.name === 'Error' && current.cause; depth++) {
        current = current.cause;
    }
    return current;
}
function facts(error) {
    const inner = unwrapped(error);
    return typeof inner === 'object' && inner !== null ? inner : {};
}
/** The service asked us to slow down. The request was not processed, so any call may be sent again. */
function isThrottling(error) {
    const { name, code, $metadata } = facts(error);
    return THROTTLING_CODES.has(name ?? '') || THROTTLING_CODES.has(code ?? '') || $metadata?.httpStatusCode === 429;
}
/** A dropped connection, when only the message is left (the SDK re-wraps errors it cannot recognise as objects). */
const NETWORK_MESSAGE = /\b(socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)\b/;
/** A server-side or network failure that says nothing about the deployment: poll again later. */
function isTransient(error) {
    const { name, code, $fault, $metadata } = facts(error);
    if (isThrottling(error))
        return true;
    if (name === 'ServerException' || $fault === 'server')
        return true;
    if (($metadata?.httpStatusCode ?? 0) >= 500)
        return true;
    if (NETWORK_CODES.has(name ?? '') || NETWORK_CODES.has(code ?? ''))
        return true;
    const inner = unwrapped(error);
    return inner instanceof Error && NETWORK_MESSAGE.test(inner.message);
}
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * No connection to AWS could be made (refused, no such host, no route): the request was never sent. A connection
 * that dropped after the request went out (a lost answer) is not this: the call may have been processed.
 */
function isUnreachable(error) {
    const { name, code } = facts(error);
    if (UNREACHABLE_CODES.has(name ?? '') || UNREACHABLE_CODES.has(code ?? ''))
        return true;
    const inner = unwrapped(error);
    return inner instanceof Error && /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.test(inner.message);
}
/**
 * The AWS set-up errors a user fixes in their environment, not in berth, as a UserError that says how; they come
 * from the first AWS call, before anything changes. Anything else is returned as it is.
 */
function explainSetupError(error) {
    const message = error instanceof Error ? error.message : '';
    if (/^Region is missing/.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('no AWS region: give --region (the Action input region), or set AWS_REGION (aws-actions/configure-aws-credentials sets it).', { input: '--region' }, 'environment');
    }
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) === 'CredentialsProviderError') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`no AWS credentials (${message}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or assume a ` +
            'role (in GitHub Actions, aws-actions/configure-aws-credentials; in CodeBuild, the project service role).', {}, 'environment');
    }
    return error;
}
/** Before any change: AWS that never answered is a problem of the environment, said as such (exit 2). */
function neverReached(error) {
    if (!(error instanceof NoAnswerError) && !isUnreachable(error))
        return error;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}; nothing was changed. Check the network (proxy, VPC endpoints, firewall), the region ` +
        '(--region, AWS_REGION) and AWS_ENDPOINT_URL if it is set.', {}, 'environment');
}
/** AWS gave no answer to one call in time: the per-attempt limit, or the run's deadline, ended it. */
class NoAnswerError extends Error {
    operation;
    endpoint;
    seconds;
    // A network failure to every retry policy in berth (errors.ts: TimeoutError).
    name = 'TimeoutError';
    constructor(operation, endpoint, seconds, options) {
        super(`AWS did not answer ${operation} at ${endpoint} within ${seconds} s`, options);
        this.operation = operation;
        this.endpoint = endpoint;
        this.seconds = seconds;
    }
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(970);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8093);
// First: catches SIGINT/SIGTERM before anything else loads.


// berth bundles a fixed SDK and supports Node 20: the SDK's notice about its own future releases is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A reader that goes away (`berth deploy … | head`) must not end the run half-way: what berth would still print is
// dropped, the deployment is followed to its verdict, and the exit code is the verdict's.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED')
            throw error;
    });
}
process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .iW)(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: _signals_js__WEBPACK_IMPORTED_MODULE_0__/* .cancelSignal */ .B,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8093:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT, exitCodeOf

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/artifacts/hooks.ts
var hooks = __nccwpck_require__(283);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/taskdef/units.ts
var units = __nccwpck_require__(6503);
;// CONCATENATED MODULE: ./src/config/values.ts

/** Thrown by value parsers; `reader` turns it into a UserError naming the input and the bad value. */
class Invalid extends Error {
}
function parseBoolean(value) {
    if (/^(true|yes|1)$/i.test(value))
        return true;
    if (/^(false|no|0)$/i.test(value))
        return false;
    throw new Invalid('expected true or false.');
}
function splitOnce(value, separator) {
    const at = value.indexOf(separator);
    return at <= 0 ? undefined : [value.slice(0, at), value.slice(at + 1)];
}
function oneOf(accepted) {
    return (value) => {
        if (accepted.includes(value))
            return value;
        throw new Invalid(`expected one of ${accepted.join(', ')}.`);
    };
}
function parseCount(value) {
    if (!/^\d+$/.test(value))
        throw new Invalid('expected a whole number, 0 or more.');
    return Number(value);
}
function parsePositiveCount(value) {
    const count = Number(value);
    if (!/^\d+$/.test(value) || count < 1)
        throw new Invalid('expected a whole number, 1 or more.');
    return count;
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Long enough to see a deployment through its first tasks, no longer than a day. */
const WAIT_TIMEOUT = { minMs: 60_000, maxMs: 24 * 3_600_000, said: 'from 1m to 24h' };
/** CodeDeploy fails a lifecycle hook that has not answered within an hour. */
const HOOK_DEADLINE = {
    minMs: 1000,
    maxMs: 3_600_000,
    said: "from 1s to 1h (CodeDeploy's hook timeout)",
};
const HOOK_INTERVAL = { minMs: 100, maxMs: 300_000, said: 'from 100ms to 5m' };
/**
 * Polls of AWS at least a second apart, at most five minutes; an emulator on this machine (AWS_ENDPOINT_URL on
 * loopback, whose clock may run many times faster) may be polled every 10 ms.
 */
function pollIntervalBounds(env) {
    const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(env.AWS_ENDPOINT_URL ?? '');
    return loopback
        ? { minMs: 10, maxMs: 300_000, said: 'from 10ms to 5m against an endpoint on this machine' }
        : { minMs: 1000, maxMs: 300_000, said: 'from 1s to 5m' };
}
function durationWithin(bounds) {
    return (value) => {
        const ms = parseDuration(value);
        if (ms < bounds.minMs || ms > bounds.maxMs)
            throw new Invalid(`expected a duration ${bounds.said}.`);
        return ms;
    };
}
/** `30m`, `1h30m`, `5s`, `250ms`, or bare seconds (`90`). */
function parseDuration(value) {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
        throw new Invalid('expected a duration like 30m, 1h30m, 45s or 500ms (a bare number is seconds).');
    }
    return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit], 0));
}
function parsePercent(value, form) {
    const match = /^(\d+)%?$/.exec(value);
    const percent = match ? Number(match[1]) : NaN;
    if (!(percent >= 1 && percent <= 99))
        throw new Invalid(`the percentage must be a whole number from 1 to 99; expected ${form}.`);
    return percent;
}
function parseWholeMinutes(value, form) {
    const ms = parseDuration(value);
    if (ms <= 0 || ms % 60_000 !== 0)
        throw new Invalid(`CodeDeploy intervals are whole minutes; expected ${form}.`);
    return ms / 60_000;
}
function parseUnits(what, examples) {
    return (value) => {
        const normalised = (0,units/* normaliseUnits */.e)(what, value);
        if (normalised === undefined)
            throw new Invalid(`expected ${what} units like ${examples.join(', ')}.`);
        return normalised;
    };
}

;// CONCATENATED MODULE: ./src/config/command.ts

/**
 * A container command as its arguments: a JSON array of strings (`["node","server.js"]`), or words split as a
 * POSIX shell splits them, without running a shell: no variables, globs or operators, only quoting.
 * `node server.js --greeting 'hello world'` is four arguments.
 */
function parseCommand(text) {
    const words = text.trimStart().startsWith('[') ? jsonArguments(text) : shellWords(text);
    if (words.length === 0)
        throw new Invalid('the command is empty.');
    return words;
}
function jsonArguments(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Invalid('a command that starts with [ is a JSON array of strings, and this one is not valid JSON.');
    }
    if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
        throw new Invalid('a command that starts with [ is a JSON array of strings, e.g. ["node","server.js"].');
    }
    return value;
}
/** Characters a backslash escapes inside double quotes; before any other, the backslash is kept. */
const ESCAPED_IN_DOUBLE_QUOTES = new Set(['$', '`', '"', '\\', '\n']);
/** The words of `text` by the shell's quoting rules: '…' literal, "…" with \-escapes, \ outside quotes. */
function shellWords(text) {
    const words = [];
    let word;
    let i = 0;
    const add = (chars) => (word = (word ?? '') + chars);
    while (i < text.length) {
        const char = text[i];
        if (/\s/.test(char)) {
            if (word !== undefined)
                words.push(word);
            word = undefined;
            i++;
        }
        else if (char === "'") {
            const end = text.indexOf("'", i + 1);
            if (end < 0)
                throw unclosed(text, i);
            add(text.slice(i + 1, end));
            i = end + 1;
        }
        else if (char === '"') {
            i = doubleQuoted(text, i, add);
        }
        else if (char === '\\') {
            if (i + 1 >= text.length)
                throw new Invalid('the command ends with a lone backslash.');
            if (text[i + 1] !== '\n')
                add(text[i + 1]);
            i += 2;
        }
        else {
            add(char);
            i++;
        }
    }
    if (word !== undefined)
        words.push(word);
    return words;
}
/** Reads the double-quoted part opening at `start`; returns the index after its closing quote. */
function doubleQuoted(text, start, add) {
    let i = start + 1;
    add('');
    while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && ESCAPED_IN_DOUBLE_QUOTES.has(text[i + 1])) {
            if (text[i + 1] !== '\n')
                add(text[i + 1]);
            i += 2;
        }
        else {
            add(text[i]);
            i++;
        }
    }
    if (i >= text.length)
        throw unclosed(text, start);
    return i + 1;
}
function unclosed(text, at) {
    const quote = text[at] === "'" ? 'single' : 'double';
    const from = text.length - at > 24 ? `${text.slice(at, at + 20)}…` : text.slice(at);
    return new Invalid(`the ${quote} quote that opens ${from} is not closed; close it, or escape it with a backslash.`);
}

;// CONCATENATED MODULE: ./src/config/edits.ts


// The parsers of the flags that edit one field of one container: --command, --docker-label, --log-configuration,
// --environment-file, --container-cpu and --container-memory; and of the task's role ARNs.
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
function parseContainerName(name, form) {
    if (!NAME.test(name))
        throw new Invalid(`container name ${JSON.stringify(name)} must match [A-Za-z0-9_-]; expected ${form}.`);
    return name;
}
/** `CONTAINER:REST` split at the first colon, the container name checked. */
function containerAndRest(value, form) {
    const [container, rest] = splitOnce(value, ':') ?? [];
    if (!container || rest === undefined)
        throw new Invalid(`expected ${form}.`);
    return { container: parseContainerName(container.trim(), form), rest };
}
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/;
function parseRoleArn(value) {
    if (!IAM_ROLE_ARN.test(value)) {
        throw new Invalid('expected an IAM role ARN like arn:aws:iam::123456789012:role/web-task.');
    }
    return value;
}
function parseCommandEdit(value) {
    const form = `CONTAINER:COMMAND, e.g. web:node server.js --greeting 'hello world' or web:["node","server.js"]`;
    const { container, rest } = containerAndRest(value, form);
    return { container, command: parseCommand(rest) };
}
function parseDockerLabelEdit(value) {
    const form = 'CONTAINER:KEY=VALUE, e.g. web:com.example.team=payments';
    const { container, rest } = containerAndRest(value, form);
    const [key, label] = splitOnce(rest, '=') ?? [];
    if (!key?.trim() || label === undefined)
        throw new Invalid(`expected ${form}.`);
    return { container, key: key.trim(), value: label };
}
/** The log drivers ECS accepts (API reference, LogConfiguration.logDriver). */
const LOG_DRIVERS = [
    'awslogs',
    'fluentd',
    'gelf',
    'json-file',
    'journald',
    'syslog',
    'splunk',
    'awsfirelens',
];
function parseLogConfigurationEdit(value) {
    const form = 'CONTAINER:DRIVER[,KEY=VALUE...], e.g. web:awslogs,awslogs-group=/ecs/web,awslogs-region=us-east-1';
    const { container, rest } = containerAndRest(value, form);
    const [driver, ...pairs] = rest.split(',').map((part) => part.trim());
    if (!LOG_DRIVERS.includes(driver)) {
        throw new Invalid(`${JSON.stringify(driver)} is not a log driver of ECS; expected one of ${LOG_DRIVERS.join(', ')}.`);
    }
    const options = {};
    for (const pair of pairs.filter(Boolean)) {
        const [key, option] = splitOnce(pair, '=') ?? [];
        if (!key?.trim() || option === undefined) {
            throw new Invalid(`the option ${JSON.stringify(pair)} is not KEY=VALUE; expected ${form}.`);
        }
        options[key.trim()] = option;
    }
    return { container, logDriver: driver, options };
}
/** An S3 object ARN of a `.env` file, as ECS takes in environmentFiles (type s3). */
const S3_ENV_FILE = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S*\.env$/;
function parseEnvironmentFileEdit(value) {
    const form = 'CONTAINER:ARN of an S3 object ending in .env, e.g. web:arn:aws:s3:::my-bucket/web/prod.env';
    const { container, rest } = containerAndRest(value, form);
    const arn = rest.trim();
    if (!S3_ENV_FILE.test(arn))
        throw new Invalid(`${JSON.stringify(arn)} is not an S3 object ARN of a .env file; expected ${form}.`);
    return { container, arn };
}
function parseContainerSizeEdit(unit) {
    const form = `CONTAINER=N with N a positive whole number of ${unit}, e.g. web=512`;
    return (value) => {
        const [container, size] = splitOnce(value, '=') ?? [];
        if (!container || size === undefined)
            throw new Invalid(`expected ${form}.`);
        if (!/^\s*[1-9]\d*\s*$/.test(size))
            throw new Invalid(`${JSON.stringify(size)} is not a positive whole number; expected ${form}.`);
        return { container: parseContainerName(container.trim(), form), size: Number(size) };
    };
}

;// CONCATENATED MODULE: ./src/config/types.ts
/** What a run over several services does when one of them fails: roll back the others it moved, or leave them. */
const FAILURE_POLICIES = ['rollback-all', 'leave'];
/** How a deployment is driven; `auto` reads the service's deployment controller. */
/** How a deployment is driven; `auto` reads the service's deployment controller. */
const STRATEGIES = ['auto', 'rolling', 'codedeploy', 'ecs-native'];
/** The CodePipeline artifacts berth can write. */
const ARTIFACT_KINDS = ['imagedefinitions', 'imagedetail', 'codedeploy'];
/** What to do with the service when the deadline passes or the job is cancelled. */
const INTERRUPT_ACTIONS = ['rollback', 'leave'];
/**
 * How far a blue/green deployment is followed: until all traffic is on green, through the termination wait or bake
 * time (`completed`), or, for ECS-native deployments, until a PAUSE hook waits for `berth continue` (`paused`).
 */
const WAIT_FOR = ['paused', 'traffic-shifted', 'completed'];
/** The list name of the words after `--` (berth hook's command), apart from every flag's name. */
const COMMAND_AFTER_DASHES = '--';

;// CONCATENATED MODULE: ./src/config/parse.ts






const DEFAULT_WAIT_TIMEOUT = '30m';
const DEFAULT_POLL_INTERVAL = '5s';
function parseConfig(source, env = {}) {
    const input = parse_reader(source);
    const cluster = input.string('cluster');
    const services = uniqueServices(source, serviceNames(source));
    const service = services[0];
    if (service && !cluster)
        throw new errors/* UserError */.yo(`${source.label('service')} needs ${source.label('cluster')} too.`);
    if (cluster && !service)
        throw new errors/* UserError */.yo(`${source.label('cluster')} needs ${source.label('service')} too.`);
    const artifactsDir = input.string('artifacts-dir');
    return {
        taskDefinition: input.optional('task-definition', parseTaskDefinitionSource),
        images: input.each('image', parseImageEdit).map((edit) => withBuildTag(edit, env)),
        env: input.each('env', parseEnvEdit),
        secrets: input.each('secret', parseSecretEdit),
        family: input.optional('family', parseFamily),
        cpu: input.optional('cpu', parseUnits('cpu', ['256', '1024', '1 vCPU'])),
        memory: input.optional('memory', parseUnits('memory', ['512', '2048', '2GB'])),
        taskRoleArn: input.optional('task-role-arn', parseRoleArn),
        executionRoleArn: input.optional('execution-role-arn', parseRoleArn),
        commands: onePerContainer(source, 'command', input.each('command', parseCommandEdit)),
        dockerLabels: input.each('docker-label', parseDockerLabelEdit),
        logConfigurations: onePerContainer(source, 'log-configuration', input.each('log-configuration', parseLogConfigurationEdit)),
        environmentFiles: input.each('environment-file', parseEnvironmentFileEdit),
        containerCpu: onePerContainer(source, 'container-cpu', input.each('container-cpu', parseContainerSizeEdit('cpu units'))),
        containerMemory: onePerContainer(source, 'container-memory', input.each('container-memory', parseContainerSizeEdit('MiB'))),
        out: input.string('out'),
        diff: input.boolean('diff'),
        artifactsDir,
        artifacts: input.optional('artifacts', parseArtifactKinds) ?? (artifactsDir ? ['imagedefinitions', 'imagedetail'] : []),
        json: input.boolean('json') || input.boolean('json-events'),
        jsonEvents: input.boolean('json-events'),
        verbose: input.boolean('verbose'),
        githubEnvironment: input.string('github-environment'),
        githubToken: input.string('github-token'),
        cluster,
        service,
        services,
        maxParallel: input.optional('max-parallel', parsePositiveCount),
        onFailure: input.optional('on-failure', oneOf(FAILURE_POLICIES)) ?? 'rollback-all',
        strategy: input.optional('strategy', oneOf(STRATEGIES)) ?? 'auto',
        desiredCount: input.optional('desired-count', parseCount),
        forceNewDeployment: input.boolean('force-new-deployment'),
        keepRevisions: input.optional('keep-revisions', parsePositiveCount),
        maxFailedTasks: input.optional('max-failed-tasks', parsePositiveCount),
        codedeployApplication: input.string('codedeploy-application'),
        codedeployGroup: input.string('codedeploy-group'),
        deploymentConfig: input.optional('deployment-config', parseDeploymentConfig),
        hooks: input.each('hook', parseHookBinding),
        appspec: input.string('appspec'),
        waitFor: input.optional('wait-for', oneOf(WAIT_FOR)) ?? 'completed',
        ...watchTimers(input, env),
        onTimeout: input.optional('on-timeout', oneOf(INTERRUPT_ACTIONS)) ?? 'rollback',
        onCancel: input.optional('on-cancel', oneOf(INTERRUPT_ACTIONS)) ?? 'rollback',
        dryRun: input.boolean('dry-run'),
        region: regionOf(input, env),
        tags: input.each('tag', parseTag),
    };
}
function parseHookConfig(source, env = {}) {
    const input = parse_reader(source);
    const deploymentId = input.required('deployment-id', parseDeploymentId);
    const executionId = input.required('execution-id', (value) => value);
    const url = input.optional('http', parseHttpUrl);
    const argv = source.list(COMMAND_AFTER_DASHES);
    if (url && argv.length > 0) {
        throw new errors/* UserError */.yo(`${source.label('http')} and a command after -- are exclusive: give one check.`);
    }
    if (!url && argv.length === 0) {
        throw new errors/* UserError */.yo(`give a check: ${source.label('http')} URL, or a command after --.`);
    }
    const check = url
        ? {
            kind: 'http',
            url,
            expectStatus: input.optional('expect-status', parseHttpStatus) ?? 200,
        }
        : { kind: 'command', argv };
    return {
        deploymentId,
        executionId,
        check,
        deadlineMs: input.optional('deadline', durationWithin(HOOK_DEADLINE)) ?? parseDuration('5m'),
        intervalMs: input.optional('interval', durationWithin(HOOK_INTERVAL)) ?? parseDuration('5s'),
        region: regionOf(input, env),
        json: input.boolean('json'),
    };
}
/** `--wait-timeout` and `--poll-interval`, checked against their bounds, with their defaults. */
function watchTimers(input, env) {
    return {
        waitTimeoutMs: input.optional('wait-timeout', durationWithin(WAIT_TIMEOUT)) ?? parseDuration(DEFAULT_WAIT_TIMEOUT),
        pollIntervalMs: input.optional('poll-interval', durationWithin(pollIntervalBounds(env))) ?? parseDuration(DEFAULT_POLL_INTERVAL),
    };
}
/** `--service`, repeated or one per line; a source that gives it as one value (one line) works as well. */
function serviceNames(source) {
    const given = source.list('service');
    const lines = given.length > 0 ? given : (source.get('service')?.split('\n') ?? []);
    return lines.map((name) => name.trim()).filter(Boolean);
}
/** A service named twice would be deployed twice at once, each run following the other's deployment. */
function uniqueServices(source, names) {
    const seen = new Set();
    for (const name of names) {
        if (seen.has(name)) {
            throw new errors/* UserError */.yo(`${source.label('service')}: service "${name}" is given twice; give each service once.`, {
                input: source.inputName?.('service') ?? source.label('service'),
            });
        }
        seen.add(name);
    }
    return names;
}
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The region to deploy to: the input, else AWS_REGION, else AWS_DEFAULT_REGION; one that cannot be a region is refused. */
function regionOf(input, env) {
    const given = input.optional('region', parseRegion);
    if (given)
        return given;
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
        const value = env[name]?.trim();
        if (!value)
            continue;
        if (!REGION.test(value))
            throw new errors/* UserError */.yo(`${name}: ${JSON.stringify(value)} is not an AWS region; expected a region like us-east-1.`, { input: name }, 'environment');
        return value;
    }
    return undefined;
}
function parseRegion(value) {
    if (!REGION.test(value))
        throw new Invalid('expected an AWS region like us-east-1 or eu-west-2.');
    return value;
}
/** Inputs whose values may be secrets (an environment variable's value): a message shows what precedes the value. */
const SECRET_VALUES = new Set(['env']);
/** The bad value as a message may show it: quoted, or for a secret-bearing input without the value after `=`. */
function shownValue(name, raw) {
    if (!SECRET_VALUES.has(name))
        return JSON.stringify(raw);
    const equals = raw.indexOf('=');
    return equals < 0 ? '(the value, not shown)' : `${JSON.stringify(raw.slice(0, equals + 1) + '…')} (value not shown)`;
}
function parse_reader(source) {
    const wrap = (name, raw, parse) => {
        try {
            return parse(raw);
        }
        catch (error) {
            if (error instanceof Invalid) {
                throw new errors/* UserError */.yo(`${source.label(name)}: ${shownValue(name, raw)} is not valid: ${error.message}`, {
                    input: source.inputName?.(name) ?? source.label(name),
                });
            }
            throw error;
        }
    };
    return {
        string: (name) => source.get(name),
        optional(name, parse) {
            const raw = source.get(name);
            return raw === undefined ? undefined : wrap(name, raw, parse);
        },
        required(name, parse) {
            const raw = source.get(name);
            if (raw === undefined)
                throw new errors/* UserError */.yo(`${source.label(name)} is required.`);
            return wrap(name, raw, parse);
        },
        each(name, parse) {
            return source.list(name).map((raw) => wrap(name, raw, parse));
        },
        boolean(name) {
            const raw = source.get(name);
            return raw === undefined ? false : wrap(name, raw, parseBoolean);
        },
    };
}
const parse_NAME = /^[A-Za-z0-9_-]{1,255}$/;
function parseTaskDefinitionSource(value) {
    if (value.startsWith('arn:')) {
        if (!/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]+:\d+$/.test(value)) {
            throw new Invalid('expected a task definition ARN like arn:aws:ecs:us-east-1:123456789012:task-definition/web:7.');
        }
        return { kind: 'registered', ref: value };
    }
    if ((0,external_node_fs_.existsSync)(value) || /[\\/.]/.test(value))
        return { kind: 'file', path: value };
    if (/^[A-Za-z0-9_-]{1,255}(:\d+)?$/.test(value))
        return { kind: 'registered', ref: value };
    throw new Invalid('expected a JSON file, a FAMILY[:REVISION] or a task definition ARN.');
}
/** Edits that set a whole field: a second one for the same container would silently win, so it is refused. */
function onePerContainer(source, name, edits) {
    const seen = new Set();
    for (const { container } of edits) {
        if (seen.has(container)) {
            throw new errors/* UserError */.yo(`${source.label(name)}: container "${container}" is given twice; give one per container.`, {
                input: source.inputName?.(name) ?? source.label(name),
            });
        }
        seen.add(container);
    }
    return edits;
}
function parseImageEdit(value) {
    const form = 'CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2';
    const parts = splitOnce(value, '=');
    if (!parts || !parts[1])
        throw new Invalid(`expected ${form}.`);
    return { container: parseContainerName(parts[0].trim(), form), uri: parts[1].trim() };
}
function parseDeploymentId(value) {
    if (!/^d-[A-Z0-9]{9}$/.test(value))
        throw new Invalid('expected a CodeDeploy deployment id like d-RPCR1U3TW.');
    return value;
}
function parseHttpUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Invalid('expected a URL like http://host:port/health.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Invalid('expected an http:// or https:// URL.');
    }
    return value;
}
function parseHttpStatus(value) {
    const status = Number(value);
    if (!/^\d{3}$/.test(value) || status < 100 || status > 599)
        throw new Invalid('expected an HTTP status from 100 to 599.');
    return status;
}
/**
 * In CodeBuild (CODEBUILD_BUILD_ID set), an image given without a tag or digest is the one this build pushed:
 * tagged with the commit it built, CODEBUILD_RESOLVED_SOURCE_VERSION.
 */
function withBuildTag(edit, env) {
    const version = env.CODEBUILD_RESOLVED_SOURCE_VERSION?.trim();
    if (!env.CODEBUILD_BUILD_ID || !version)
        return edit;
    const name = edit.uri.slice(edit.uri.lastIndexOf('/') + 1);
    return name.includes(':') || name.includes('@') ? edit : { ...edit, uri: `${edit.uri}:${version}` };
}
function parseContainerNameValue(value, form) {
    const [head, rest] = splitOnce(value, '=') ?? [];
    const [container, name] = (head && splitOnce(head, ':')) ?? [];
    if (!container || !name || rest === undefined)
        throw new Invalid(`expected ${form}.`);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name))
        throw new Invalid(`variable name ${JSON.stringify(name)} is not a valid name; expected ${form}.`);
    return { container: parseContainerName(container, form), name, rest };
}
function parseEnvEdit(value) {
    const { container, name, rest } = parseContainerNameValue(value, 'CONTAINER:NAME=VALUE, e.g. web:LOG_LEVEL=debug');
    return { container, name, value: rest };
}
function parseSecretEdit(value) {
    const form = 'CONTAINER:NAME=VALUEFROM, e.g. web:DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
    const { container, name, rest } = parseContainerNameValue(value, form);
    if (!rest)
        throw new Invalid(`the secret's valueFrom is empty; expected ${form}.`);
    return { container, name, valueFrom: rest };
}
function parseFamily(value) {
    if (!parse_NAME.test(value))
        throw new Invalid('a family is 1-255 letters, digits, hyphens and underscores.');
    return value;
}
function parseArtifactKinds(value) {
    const kinds = value
        .split(',')
        .map((kind) => kind.trim())
        .filter(Boolean);
    if (kinds.length === 0)
        throw new Invalid(`expected a comma-separated list of ${ARTIFACT_KINDS.join(', ')}.`);
    return kinds.map((kind) => oneOf(ARTIFACT_KINDS)(kind));
}
function parseDeploymentConfig(value) {
    const form = 'a config name (e.g. CodeDeployDefault.ECSCanary10Percent5Minutes), canary:10%:5m, linear:10%:1m or all-at-once';
    if (value === 'all-at-once')
        return { type: 'all-at-once' };
    const shape = /^(canary|linear):([^:]+):([^:]+)$/.exec(value);
    if (shape) {
        const type = shape[1];
        return { type, percentage: parsePercent(shape[2], form), intervalMinutes: parseWholeMinutes(shape[3], form) };
    }
    if (/^[A-Za-z0-9._+=,@-]{1,100}$/.test(value) && !value.includes(':'))
        return { type: 'named', name: value };
    throw new Invalid(`expected ${form}.`);
}
function parseHookBinding(value) {
    const form = `EVENT=FUNCTION with EVENT one of ${hooks/* HOOK_EVENTS */.CJ.join(', ')}`;
    const parts = splitOnce(value, '=');
    if (!parts || !parts[1])
        throw new Invalid(`expected ${form}.`);
    const event = parts[0].trim();
    if (!hooks/* HOOK_EVENTS */.CJ.includes(event)) {
        throw new Invalid(`${JSON.stringify(event)} is not a hookable lifecycle event; expected ${form}.`);
    }
    const functionName = parts[1].trim();
    if (!(0,hooks/* isLambdaFunction */.WF)(functionName)) {
        throw new Invalid(`${JSON.stringify(functionName)} is not ${hooks/* LAMBDA_FUNCTION_FORM */.Kf}.`);
    }
    return { event: event, functionName };
}
function parseTag(value) {
    const parts = splitOnce(value, '=');
    if (!parts)
        throw new Invalid('expected KEY=VALUE.');
    return { key: parts[0], value: parts[1] };
}

;// CONCATENATED MODULE: ./src/config/parse-commands.ts



// The configs of the commands that act on a service already deployed: continue, status, rollback.
function parseContinueConfig(source, env = {}) {
    const input = parse_reader(source);
    return {
        cluster: input.required('cluster', parseResourceName('cluster')),
        service: input.required('service', parseResourceName('service')),
        hookId: input.optional('hook-id', parseHookId),
        hookIdLabel: source.label('hook-id'),
        rollback: input.boolean('rollback'),
        region: regionOf(input, env),
        json: input.boolean('json'),
    };
}
/** Inputs that deploy: with `continue: true` the Action only answers a paused deployment, so they are refused. */
const DEPLOY_ONLY_INPUTS = (/* unused pure expression or super */ null && ([
    'task-definition',
    'image',
    'env',
    'secret',
    'desired-count',
    'deployment-config',
    'before-deploy-task',
]));
/** The Action's `continue: true`: the ContinueConfig of the inputs; undefined when the run deploys. */
function parseContinueInput(source, env = {}) {
    if (!reader(source).boolean('continue'))
        return undefined;
    const given = DEPLOY_ONLY_INPUTS.filter((name) => source.get(name) !== undefined || source.list(name).length > 0);
    if (given.length > 0) {
        throw new UserError(`${source.label('continue')} is true: this step only continues a paused deployment, so ` +
            `${given.map((name) => source.label(name)).join(', ')} must not be given (deploy in another step).`, { input: source.inputName?.('continue') ?? 'continue' });
    }
    return parseContinueConfig(source, env);
}
/** A cluster or service given by name or ARN, as ECS takes them. */
function parseResourceName(kind) {
    return (value) => {
        if (/^[A-Za-z0-9_-]{1,255}$/.test(value) || /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:/.test(value))
            return value;
        throw new Invalid(`expected a ${kind} name (letters, digits, hyphens, underscores) or ARN.`);
    };
}
function parseHookId(value) {
    if (!/^ecs-[a-z]+-[A-Za-z0-9_-]+$/.test(value)) {
        throw new Invalid('expected a hook id like ecs-pause-… (ecs-{hookType}-{id}), as DescribeServiceDeployments lists it in lifecycleHookDetails.');
    }
    return value;
}
function parseStatusConfig(source, env = {}) {
    const input = parse_reader(source);
    return {
        cluster: input.required('cluster', (value) => value),
        service: input.required('service', (value) => value),
        codedeployApplication: input.string('codedeploy-application'),
        codedeployGroup: input.string('codedeploy-group'),
        json: input.boolean('json'),
        region: regionOf(input, env),
    };
}
function parseRollbackConfig(source, env = {}) {
    const input = parse_reader(source);
    return {
        ...parseStatusConfig(source, env),
        to: input.optional('to', parseRevisionRef),
        verbose: input.boolean('verbose'),
        ...watchTimers(input, env),
    };
}
function parseRevisionRef(value) {
    const form = "a revision of the service's family (7), FAMILY:REVISION (web:7) or a task definition ARN";
    const match = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(value) ??
        /^([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(value) ??
        /^()(\d+)$/.exec(value);
    const revision = Number(match?.[2]);
    if (!match || !Number.isSafeInteger(revision) || revision < 1)
        throw new Invalid(`expected ${form}.`);
    return { given: value, ...(match[1] ? { family: match[1] } : {}), revision };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/args.ts



/**
 * The flags of one subcommand, read by Node's own `util.parseArgs` (strict: an unknown flag, a stray word or a
 * missing value is a UserError naming it). A switch may be given a value (`--dry-run=false`), as its BERTH_*
 * variable may; the words after `--` are the command of `berth hook`.
 */
function parseArgs(argv, spec, subcommand) {
    const end = spec.command ? argv.indexOf('--') : -1;
    const words = end >= 0 ? argv.slice(0, end) : [...argv];
    const switchValues = new Map();
    const flags = words.filter((word) => {
        const inline = /^--([a-z][a-z0-9-]*)=(.*)$/s.exec(word);
        if (!inline || !spec.switches.includes(inline[1]))
            return true;
        switchValues.set(inline[1], inline[2]);
        return false;
    });
    const options = Object.fromEntries([
        ...spec.values.map((name) => [name, { type: 'string' }]),
        ...spec.lists.map((name) => [name, { type: 'string', multiple: true }]),
        ...spec.switches.map((name) => [name, { type: 'boolean' }]),
    ]);
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({ args: flags, options, strict: true, allowPositionals: false }).values;
    }
    catch (error) {
        throw explainParseError(error, spec, subcommand);
    }
    const parsed = {
        values: new Map(switchValues),
        lists: new Map(),
        rest: end >= 0 ? argv.slice(end + 1) : [],
    };
    for (const [name, value] of Object.entries(values)) {
        if (Array.isArray(value))
            parsed.lists.set(name, value.map(String));
        else if (value !== undefined)
            parsed.values.set(name, String(value));
    }
    return parsed;
}
/** Node's parse errors, said as berth says them: the flag, and what to do. */
function explainParseError(error, spec, subcommand) {
    const { code, message } = error;
    const named = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
        return unknownFlag(named.replace(/^-+/, ''), spec, subcommand);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const word = /'([^']*)'/.exec(message ?? '')?.[1] ?? '';
        return new errors/* UserError */.yo(`unexpected argument ${JSON.stringify(word)}; flags start with --.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const dash = /ambiguous/.test(message ?? '') ? `; write ${named}=VALUE for a value that starts with -` : '';
        return new errors/* UserError */.yo(`${named} needs a value${dash}.`, { input: named });
    }
    return error;
}
function unknownFlag(name, spec, subcommand) {
    const known = [...spec.values, ...spec.lists, ...spec.switches];
    const near = known.filter((candidate) => editDistance(candidate, name) <= 2);
    const suggestion = near.length > 0 ? ` Did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : '';
    return new errors/* UserError */.yo(`unknown flag --${name}.${suggestion} See berth ${subcommand} --help for the accepted flags.`, {
        input: `--${name}`,
    });
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/** Env fallback for every flag: `--wait-timeout` may also come from `BERTH_WAIT_TIMEOUT` (lists: one per line). */
function envName(flag) {
    return `BERTH_${flag.toUpperCase().replace(/-/g, '_')}`;
}
/** Flags first, then BERTH_* env; the same names the Action's inputs use. */
function argsSource(args, env) {
    const fromEnv = (name) => {
        const value = env[envName(name)]?.trim();
        return value ? value : undefined;
    };
    return {
        get: (name) => {
            const value = args.values.get(name)?.trim();
            return value !== undefined && value !== '' ? value : fromEnv(name);
        },
        list: (name) => {
            if (name === COMMAND_AFTER_DASHES)
                return args.rest;
            const given = args.lists.get(name);
            if (given)
                return given;
            return (fromEnv(name) ?? '')
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean);
        },
        // The name as the user gave it: the flag, or the BERTH_* variable the value came from.
        label: (name) => {
            const given = args.values.has(name) || args.lists.has(name);
            return given || fromEnv(name) === undefined ? `--${name}` : envName(name);
        },
    };
}

;// CONCATENATED MODULE: ./src/config/flag-names.ts
// The flags that render a task definition, one list for every command that takes them (render, deploy, run-task).
/** Flags with one value that shape the task definition. */
const TASK_DEFINITION_VALUES = [
    'task-definition',
    'family',
    'cpu',
    'memory',
    'task-role-arn',
    'execution-role-arn',
];
/** Repeatable flags that edit containers of the task definition. */
const CONTAINER_EDIT_LISTS = [
    'image',
    'env',
    'secret',
    'command',
    'docker-label',
    'log-configuration',
    'environment-file',
    'container-cpu',
    'container-memory',
];

;// CONCATENATED MODULE: ./src/config/run-task.ts







/** The flags of `berth run-task`, also the words `--before-deploy 'run-task …'` accepts. */
const RUN_TASK_FLAGS = {
    values: [
        ...TASK_DEFINITION_VALUES,
        'region',
        'cluster',
        'service',
        'network-from-service',
        'container',
        'wait-timeout',
        'poll-interval',
    ],
    lists: CONTAINER_EDIT_LISTS,
    switches: ['json', 'json-events', 'verbose'],
};
/**
 * The Action inputs named other than their CLI flag: `before-deploy-task` says, among the deploy's inputs, that
 * its value is a task to run (`run-task …`), where the CLI flag reads `--before-deploy 'run-task …'`.
 */
const ACTION_INPUT_NAMES = { 'before-deploy': 'before-deploy-task' };
/** The flags that change the task definition: they need one to change (`--task-definition` or `--service`). */
const RENDER_EDITS = [
    ...TASK_DEFINITION_VALUES.filter((name) => name !== 'task-definition'),
    ...CONTAINER_EDIT_LISTS.filter((name) => name !== 'command'),
];
/** `berth run-task`'s flags, read once: the render flags as `berth render` reads them, and the task's own. */
function parseRunTaskConfig(source, env = {}) {
    // --cluster and --service mean a deploy target to parseConfig; here they say where the task runs. --command
    // overrides a container's command for this task (RunTask), it does not change the task definition.
    const renderSource = {
        ...source,
        get: (name) => (name === 'cluster' || name === 'service' ? undefined : source.get(name)),
        list: (name) => (name === 'command' ? [] : source.list(name)),
    };
    const render = parseConfig(renderSource, env);
    const input = parse_reader(source);
    return {
        render,
        cluster: input.string('cluster'),
        service: input.string('service'),
        networkFromService: input.string('network-from-service'),
        commands: input.each('command', parseCommandEdit),
        container: input.optional('container', (name) => parseContainerName(name, 'a container NAME')),
        waitTimeoutMs: input.optional('wait-timeout', durationWithin(WAIT_TIMEOUT)),
    };
}
/**
 * `berth deploy`'s flags, with `--before-deploy 'run-task …'` (the Action's `before-deploy-task`) read as run-task
 * flags: a mistake in them is said before anything changes.
 */
function parseDeployConfig(source, env = {}) {
    const config = parseConfig(source, env);
    const text = source.get('before-deploy');
    if (text === undefined)
        return config;
    return { ...config, beforeDeploy: parseBeforeDeploy(text, source.label('before-deploy')) };
}
/** The words of `--before-deploy`, parsed as `berth run-task` parses its flags (BERTH_* variables left out). */
function parseBeforeDeploy(text, label) {
    const fail = (message) => {
        throw new errors/* UserError */.yo(`${label}: ${message}`, { input: label });
    };
    let words = [];
    try {
        words = shellWords(text);
    }
    catch (error) {
        if (error instanceof Invalid)
            fail(`${JSON.stringify(text)} cannot be read: ${error.message}`);
        throw error;
    }
    if (words[0] !== 'run-task')
        fail(`expected "run-task" and its flags, e.g. "run-task --command app:'rake db:migrate'".`);
    let config;
    try {
        config = parseRunTaskConfig(argsSource(parseArgs(words.slice(1), RUN_TASK_FLAGS, 'run-task'), {}));
    }
    catch (error) {
        if ((0,errors/* isUserError */.iU)(error))
            fail(error.message);
        throw error;
    }
    const given = config;
    const edits = RENDER_EDITS.filter((name) => words.some((word) => word === `--${name}` || word.startsWith(`--${name}=`)));
    if (edits.length > 0 && !given.render.taskDefinition && !given.service) {
        fail(`--${edits[0]} needs --task-definition (or --service) in the same string: without them the task runs the ` +
            'task definition the deploy just registered, as it is.');
    }
    return given;
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __nccwpck_require__(9378);
// EXTERNAL MODULE: ./src/events.ts
var events = __nccwpck_require__(5694);
// EXTERNAL MODULE: ./src/verdict.ts
var verdict = __nccwpck_require__(3138);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __nccwpck_require__(2011);
;// CONCATENATED MODULE: ./src/report/console.ts



/**
 * Human-readable progress: one line per change, timestamps relative to the first event, never a line twice. In a
 * run over several services, each service's lines are held back and printed together, as one block under its name,
 * when the service ends: a CI log shows each service's story in one piece instead of lines of several interleaved,
 * and the timestamps still tell when each line happened.
 */
function consoleReporter(stream, options = {}, origin = {}) {
    const now = options.now ?? Date.now;
    const blocks = new Map();
    let lastTasks = '';
    let lastRetry = '';
    const printed = new Set();
    const raw = (text) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
    const line = (text) => {
        const at = now();
        origin.start ??= at;
        raw(`${(0,format/* relativeTime */.KW)(at - origin.start).padStart(7)}  ${text}`);
    };
    const once = (text) => {
        if (printed.has(text))
            return;
        printed.add(text);
        line(text);
    };
    const handlers = {
        'stage-started': (event) => line(`== ${event.title}`),
        'stage-ended': () => undefined,
        info: (event) => line(event.message),
        warning: (event) => line(`warning: ${event.file ? `${event.file}${event.line ? `:${event.line}` : ''}: ` : ''}${event.message}`),
        debug: (event) => {
            if (options.debug)
                line(`debug: ${event.message}`);
        },
        'aws-call': (event) => {
            if (!options.debug)
                return;
            const attempts = event.attempts > 1 ? `, ${event.attempts} attempts` : '';
            line(`debug: ${event.service} ${event.operation} ${event.ms} ms${attempts}${event.error ? `, ${event.error}` : ''}`);
        },
        diff: (event) => {
            line(`diff ${event.from ? (0,format/* shortTaskDefinition */.P5)(event.from) : 'input'} -> ${event.to ?? 'rendered'}:`);
            raw(event.text.replace(/^/gm, '    ').replace(/\s+$/, ''));
        },
        rendered: (event) => {
            if (event.path)
                line(`wrote the rendered task definition to ${event.path}`);
            else if (options.printRendered !== false)
                raw(JSON.stringify(event.taskDefinition, null, 2));
        },
        registered: (event) => line(event.reused
            ? `unchanged: reusing ${(0,format/* shortTaskDefinition */.P5)(event.taskDefinitionArn)}, an equivalent registered revision`
            : `registered ${(0,format/* shortTaskDefinition */.P5)(event.taskDefinitionArn)}`),
        plan: (event) => event.actions.forEach((action) => line(`DRY RUN  would ${action}`)),
        deregistered: (event) => {
            if (event.taskDefinitionArns.length === 0)
                line('no old revisions to deregister');
            else
                line(`deregistered ${event.taskDefinitionArns.map(format/* shortTaskDefinition */.P5).join(', ')}`);
        },
        retrying: (event) => {
            if (event.error === lastRetry)
                return;
            lastRetry = event.error;
            line(`AWS API: ${event.error}; trying again in ${(0,format/* duration */.p0)(event.delayMs)}`);
        },
        'artifacts-written': (event) => event.paths.forEach((path) => line(`wrote ${path}`)),
        'deployment-started': (event) => line(`deployment ${event.deploymentId} started: ${(0,format/* shortTaskDefinition */.P5)(event.taskDefinitionArn)} (${event.strategy})`),
        'tasks-changed': (event) => {
            const text = `tasks  ${event.deployments.map(format/* describeCounts */.wv).join(' | ')}`;
            if (text === lastTasks)
                return;
            lastTasks = text;
            line(text);
        },
        'service-event': (event) => once(`event  ${event.message}`),
        'lifecycle-event': ({ event }) => once(`lifecycle  ${event.name} ${event.status}${event.hookFunction ? ` (hook ${event.hookFunction})` : ''}` +
            `${event.diagnostics ? `: ${event.diagnostics}` : ''}`),
        'traffic-shifted': (event) => once(`traffic  blue ${event.blue}% / green ${event.green}%` +
            (event.test ? ` (test traffic: blue ${event.test.blue}% / green ${event.test.green}%)` : '')),
        'stage-changed': (event) => line(`stage  ${event.stage}${event.bakeMinutes ? ` (bake time ${event.bakeMinutes} min)` : ''}`),
        'hook-changed': ({ hook }) => once(`hook   ${describeHook(hook)}`),
        'circuit-breaker': (event) => once(event.status === 'TRIGGERED'
            ? `circuit breaker tripped: ${event.failureCount} failed tasks, threshold ${event.threshold}`
            : `circuit breaker: ${event.failureCount} of ${event.threshold} failed tasks before it trips`),
        'deployment-status': (event) => once(event.status === events/* TERMINATION_WAIT */.F5
            ? 'deployment InProgress: all traffic on green; the original task set is removed after the termination wait'
            : `deployment ${event.status}`),
        'rollback-started': (event) => line(`rolling back${event.taskDefinitionArn ? ` to ${(0,format/* shortTaskDefinition */.P5)(event.taskDefinitionArn)}` : ''}: ${event.reason}`),
        'task-started': (event) => line(`task ${(0,format/* taskIdOf */.G6)(event.taskArn)} started in cluster ${event.cluster}: ` +
            `${(0,format/* shortTaskDefinition */.P5)(event.taskDefinitionArn)} (startedBy ${event.startedBy})`),
        'task-log': (event) => line(`log    ${event.container} | ${event.message}`),
        'task-stopped': (event) => line(`task ${(0,format/* taskIdOf */.G6)(event.taskArn)} stopped: ${event.stoppedReason ?? event.stopCode ?? 'no reason given'}` +
            (event.exitCode !== undefined ? ` (${event.container} exit code ${event.exitCode})` : '')),
        verdict: (event) => verdictBlock(event.result).forEach((text, index) => (index === 0 ? line(text) : raw(text))),
        'service-progress': (event) => {
            let block = blocks.get(event.service);
            if (!block) {
                const text = [];
                block = { text, reporter: consoleReporter({ write: (chunk) => text.push(chunk) }, options, origin) };
                blocks.set(event.service, block);
            }
            block.reporter.emit(event.event);
        },
        'service-ended': (event) => {
            const block = blocks.get(event.service);
            blocks.delete(event.service);
            if (!block || block.text.length === 0)
                return;
            raw(`\n--- service ${event.service} ${'-'.repeat(Math.max(3, 60 - event.service.length))}`);
            raw(block.text.join(''));
        },
    };
    return {
        emit(event) {
            ;
            handlers[event.type](event);
        },
    };
}
/** `PAUSE hook ecs-pause-… at POST_SCALE_UP: AWAITING_ACTION (expires …)`, `Lambda hook validate-green …`. */
function describeHook(hook) {
    const what = hook.targetType === 'PAUSE' ? `PAUSE hook ${hook.hookId}` : `Lambda hook ${hook.functionName ?? hook.hookId}`;
    const expires = hook.status === 'AWAITING_ACTION' && hook.expiresAt ? ` (expires ${hook.expiresAt.toISOString()})` : '';
    return `${what}${hook.stage ? ` at ${hook.stage}` : ''}: ${hook.status}${expires}`;
}
/** The closing block: status, what runs where, reasons, hints, log tails. */
function verdictBlock(result) {
    if (result.status === 'rendered')
        return [];
    const lines = [`${(0,verdict/* endsWell */.tz)(result.status) ? 'OK' : 'FAILED'}: ${format/* STATUS_TITLES */.dV[result.status]}`];
    if (result.services)
        return [...lines, ...servicesBlock(result)];
    const field = (name, value) => {
        if (value)
            lines.push(`    ${name.padEnd(17)} ${value}`);
    };
    field('service', result.service && `${result.service} (cluster ${result.cluster})`);
    field('task definition', result.taskDefinitionArn && (0,format/* shortTaskDefinition */.P5)(result.taskDefinitionArn));
    field('previous', result.previousTaskDefinitionArn && (0,format/* shortTaskDefinition */.P5)(result.previousTaskDefinitionArn));
    field('deployment', result.deploymentId);
    field('task', result.task && (0,format/* taskIdOf */.G6)(result.task.taskArn));
    field('exit code', result.task?.exitCode !== undefined ? `${result.task.exitCode} (${result.task.container})` : '');
    if (result.reasons.length > 0)
        lines.push('    reasons:', ...result.reasons.map((reason) => `      - ${reason}`));
    if (result.hints.length > 0)
        lines.push('    hints:', ...result.hints.map((hint) => `      - ${hint}`));
    for (const excerpt of result.logs ?? []) {
        lines.push(`    last log lines of ${excerpt.container} (task ${excerpt.taskId}, ${excerpt.group} ${excerpt.stream}):`);
        lines.push(...excerpt.lines.map((text) => `      | ${text}`));
    }
    return lines;
}
/** The closing lines of a run over several services: one line per service, then the run's reasons. */
function servicesBlock(result) {
    const services = result.services ?? [];
    const width = Math.max(...services.map((service) => (service.service ?? '').length));
    const rows = services.map((service) => {
        const to = service.taskDefinitionArn ? (0,format/* shortTaskDefinition */.P5)(service.taskDefinitionArn) : '';
        const from = service.previousTaskDefinitionArn
            ? ` (was ${(0,format/* shortTaskDefinition */.P5)(service.previousTaskDefinitionArn)})`
            : '';
        return `    ${(service.service ?? '').padEnd(width)}  ${format/* STATUS_TITLES */.dV[service.status].padEnd(12)} ${to}${from}`;
    });
    const reasons = result.reasons.length > 0 ? ['    reasons:', ...result.reasons.map((reason) => `      - ${reason}`)] : [];
    return [`    cluster ${result.cluster}`, ...rows, ...reasons];
}

;// CONCATENATED MODULE: ./src/report/json.ts
/**
 * The `--json` object of DESIGN.md: every key present (null when unknown) so that scripts can rely on the shape. A
 * run over several services gives `{status, cluster, services: [one such object per service], reasons, hints, artifacts}`.
 */
function resultJson(result) {
    if (result.status === 'rendered') {
        return { status: result.status, taskDefinition: result.taskDefinition ?? null, artifacts: result.artifacts };
    }
    if (result.services) {
        return {
            status: result.status,
            cluster: result.cluster ?? null,
            services: result.services.map(resultJson),
            reasons: result.reasons,
            hints: result.hints,
            artifacts: result.artifacts,
        };
    }
    return {
        status: result.status,
        cluster: result.cluster ?? null,
        service: result.service ?? null,
        taskDefinitionArn: result.taskDefinitionArn ?? null,
        previousTaskDefinitionArn: result.previousTaskDefinitionArn ?? null,
        deploymentId: result.deploymentId ?? null,
        reasons: result.reasons,
        hints: result.hints,
        artifacts: result.artifacts,
        ...(result.task ? { task: result.task } : {}),
        ...(result.logs ? { logs: result.logs } : {}),
        ...(result.plan ? { plan: result.plan } : {}),
    };
}
/**
 * Left out of `events`: the rendered task definition (it can hold credential-like environment values; `render --json`
 * carries it anyway) and each AWS call (`--verbose` shows those).
 */
const LEFT_OUT = new Set(['rendered', 'aws-call']);
/** Writes one JSON line when closed, after the verdict: with --json, the last line on stdout. */
function jsonReporter(stream, options = {}) {
    const events = [];
    let result;
    return {
        emit(event) {
            if (event.type === 'verdict')
                result = event.result;
            else if (options.events && !LEFT_OUT.has(event.type))
                events.push(event);
        },
        async close() {
            if (!result)
                return;
            const object = { ...resultJson(result), ...(options.events ? { events } : {}) };
            stream.write(`${JSON.stringify(object)}\n`);
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/help.ts


const RENDER_VALUES = [...TASK_DEFINITION_VALUES, 'out', 'artifacts-dir', 'artifacts', 'region'];
const RENDER_LISTS = CONTAINER_EDIT_LISTS;
const FLAGS = {
    render: { values: RENDER_VALUES, lists: RENDER_LISTS, switches: ['diff', 'json', 'verbose'] },
    deploy: {
        values: [
            ...RENDER_VALUES,
            'cluster',
            'strategy',
            'desired-count',
            'keep-revisions',
            'max-failed-tasks',
            'codedeploy-application',
            'codedeploy-group',
            'deployment-config',
            'appspec',
            'wait-for',
            'wait-timeout',
            'poll-interval',
            'on-timeout',
            'on-cancel',
            'before-deploy',
            'max-parallel',
            'on-failure',
        ],
        lists: ['service', ...RENDER_LISTS, 'hook', 'tag'],
        switches: ['diff', 'json', 'json-events', 'force-new-deployment', 'dry-run', 'verbose'],
    },
    'run-task': RUN_TASK_FLAGS,
    continue: { values: ['cluster', 'service', 'hook-id', 'region'], lists: [], switches: ['rollback', 'json'] },
    status: {
        values: ['cluster', 'service', 'codedeploy-application', 'codedeploy-group', 'region'],
        lists: [],
        switches: ['json'],
    },
    rollback: {
        values: [
            'cluster',
            'service',
            'to',
            'codedeploy-application',
            'codedeploy-group',
            'wait-timeout',
            'poll-interval',
            'region',
        ],
        lists: [],
        switches: ['json', 'verbose'],
    },
    hook: {
        values: ['deployment-id', 'execution-id', 'http', 'expect-status', 'deadline', 'interval', 'region'],
        lists: [],
        switches: ['json'],
        command: true,
    },
    sim: { values: ['scenario', 'port', 'speed', 'seed'], lists: [], switches: [] },
};
/** What each value flag takes, as the synopsis shows it. */
const PLACEHOLDERS = {
    'task-definition': 'FILE|FAMILY[:REV]|ARN',
    image: 'CONTAINER=URI',
    env: 'CONTAINER:NAME=VALUE',
    secret: 'CONTAINER:NAME=VALUEFROM',
    family: 'F',
    cpu: 'N',
    memory: 'N',
    'task-role-arn': 'ARN',
    'execution-role-arn': 'ARN',
    command: 'CONTAINER:COMMAND',
    'docker-label': 'CONTAINER:KEY=VALUE',
    'log-configuration': 'CONTAINER:DRIVER[,KEY=VALUE...]',
    'environment-file': 'CONTAINER:ARN',
    'container-cpu': 'CONTAINER=N',
    'container-memory': 'CONTAINER=N',
    out: 'FILE',
    'artifacts-dir': 'DIR',
    artifacts: 'imagedefinitions,imagedetail,codedeploy',
    region: 'R',
    cluster: 'C',
    service: 'S',
    strategy: 'auto|rolling|codedeploy|ecs-native',
    'desired-count': 'N',
    'keep-revisions': 'N',
    'max-failed-tasks': 'N',
    'codedeploy-application': 'A',
    'codedeploy-group': 'G',
    'deployment-config': 'NAME|canary:10%:5m|linear:10%:1m|all-at-once',
    appspec: 'FILE',
    'wait-for': 'paused|traffic-shifted|completed',
    'wait-timeout': '30m',
    'poll-interval': '5s',
    'on-timeout': 'rollback|leave',
    'on-cancel': 'rollback|leave',
    'max-parallel': 'N',
    'on-failure': 'rollback-all|leave',
    hook: 'EVENT=FUNCTION',
    to: 'REVISION',
    tag: 'KEY=VALUE',
    'before-deploy': "'run-task ...'",
    'network-from-service': 'S',
    container: 'NAME',
    'hook-id': 'ID',
    'deployment-id': 'ID',
    'execution-id': 'ID',
    http: 'URL',
    'expect-status': '200',
    deadline: '5m',
    interval: '5s',
    scenario: 'FILE',
    port: '0',
    speed: 'N',
    seed: 'N',
};
/** The flags each command cannot do without, first in its synopsis line. */
const REQUIRED = {
    render: ['task-definition'],
    deploy: ['cluster', 'service'],
    'run-task': ['cluster'],
    continue: ['cluster', 'service'],
    status: ['cluster', 'service'],
    rollback: ['cluster', 'service'],
    hook: ['deployment-id', 'execution-id'],
    sim: ['scenario'],
};
const SYNOPSIS_WIDTH = 112;
/** One synopsis entry per command, every flag of the FLAGS table in it, wrapped under the command. */
function synopsis() {
    return Object.keys(FLAGS)
        .map((command) => {
        const spec = FLAGS[command];
        const flag = (name) => {
            const value = PLACEHOLDERS[name];
            if (value === undefined)
                throw new Error(`no placeholder for --${name}`);
            return `--${name} ${value}${spec.lists.includes(name) ? ' ...' : ''}`;
        };
        const words = [
            ...REQUIRED[command].map(flag),
            ...[...spec.values, ...spec.lists]
                .filter((name) => !REQUIRED[command].includes(name))
                .map((n) => `[${flag(n)}]`),
            ...spec.switches.map((name) => `[--${name}]`),
            ...(spec.command ? ['[-- COMMAND ...]'] : []),
        ];
        return wrap(`berth ${command}`, words);
    })
        .join('\n');
}
function wrap(head, words) {
    const indent = ' '.repeat(head.length + 1);
    const lines = [head];
    for (const word of words) {
        const last = lines.length - 1;
        if (lines[last].length + 1 + word.length > SYNOPSIS_WIDTH && lines[last].trim() !== '')
            lines.push(indent + word);
        else
            lines[last] += ` ${word}`;
    }
    return lines.join('\n');
}
const MAIN_HELP = `berth: deploy to Amazon ECS and tell the truth about it.

Usage: berth <command> [flags]

${synopsis()}

Commands:
  render   render a task definition with new images, env and secrets; diff it; write pipeline artifacts
  deploy   register the task definition and deploy it (ECS rolling update or CodeDeploy blue/green),
           watch it to a verdict and explain a failure
  run-task run a one-off task (a database migration) from the rendered task definition on a service's
           network, stream its log lines, and exit with its container's exit code
  continue answer the PAUSE hook an ECS-native (blue/green, linear, canary) deployment waits on
  status   show what a service runs and what is moving: deployments, traffic, hooks, failures, events
  rollback put a service back on its previous (or the given) revision and watch it to a verdict
  hook     answer a CodeDeploy lifecycle hook with the result of an HTTP check or a command
  sim      run the local emulator of ECS, CodeDeploy, ECR and CloudWatch Logs

Run berth <command> --help for its flags.

Exit codes: 0 succeeded (or rendered / planned), 1 the deployment did not succeed, 2 bad input, usage or an
environment berth cannot work in (no region, no credentials, AWS not answering before any change), 3 a bug in berth.
Every flag can also come from the environment: --wait-timeout from BERTH_WAIT_TIMEOUT (lists: one per line).
AWS endpoints and credentials come from the usual AWS_* variables (AWS_ENDPOINT_URL points berth at berth sim).
`;
const RENDER_FLAGS = `  --task-definition FILE|FAMILY[:REV]|ARN
                        the task definition: a JSON or YAML file (bare, as describe-task-definition prints it, or a
                        RegisterTaskDefinition input) or one registered in ECS
  --image CONTAINER=URI set a container's image; repeat for several containers (in CodeBuild, a URI
                        without a tag takes CODEBUILD_RESOLVED_SOURCE_VERSION)
  --env CONTAINER:NAME=VALUE
                        set or override an environment variable; repeatable
  --secret CONTAINER:NAME=VALUEFROM
                        set or override a secret (SSM parameter or Secrets Manager ARN); repeatable
  --family F, --cpu N, --memory N
                        override the family, task cpu and memory (ECS units: 256, 1 vCPU, 512, 2GB)
  --task-role-arn ARN, --execution-role-arn ARN
                        set the task role and the task execution role (arn:aws:iam::ACCOUNT:role/NAME)
  --command CONTAINER:COMMAND
                        set a container's command: a JSON array of strings, or words quoted as in a shell
                        (web:node server.js --greeting 'hello world' is four arguments); no shell runs it
  --docker-label CONTAINER:KEY=VALUE
                        set or override a docker label; repeatable
  --log-configuration CONTAINER:DRIVER[,KEY=VALUE...]
                        set a container's log driver (awslogs, fluentd, gelf, json-file, journald, syslog,
                        splunk, awsfirelens) and options; the same driver keeps its other options
  --environment-file CONTAINER:ARN
                        add an S3 .env file to a container's environmentFiles; repeatable
  --container-cpu CONTAINER=N, --container-memory CONTAINER=N
                        set a container's cpu units and hard memory limit (MiB)
  --artifacts-dir DIR   write CodePipeline artifacts to DIR
  --artifacts LIST      which ones: imagedefinitions,imagedetail,codedeploy (default imagedefinitions,imagedetail)
  --diff                print what changed against the input
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --region R            AWS region (default: AWS_REGION)`;
const RENDER_HELP = `Usage: berth render --task-definition FILE|FAMILY[:REV]|ARN [--image CONTAINER=URI ...] [flags]

Render a task definition: new images, env and secrets applied, read-only fields removed, key order kept,
every problem reported at once. Prints the result (or writes it with --out).

${RENDER_FLAGS}
  --out FILE            write the rendered task definition to FILE instead of stdout

Example:
  berth render --task-definition taskdef.json --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2 --diff
`;
const DEPLOY_HELP = `Usage: berth deploy --cluster C --service S [--image CONTAINER=URI ...] [flags]

Render and register the task definition (skipped when unchanged), write artifacts, deploy, and watch the
deployment to a verdict: succeeded, failed, rolled_back, timed_out or cancelled. A failure is explained with
the stopped tasks' reasons, exit codes, service events, log lines and a hint.

  --cluster C, --service S
                        the ECS service to deploy; repeat --service to deploy to several services in one run
${RENDER_FLAGS}
  --strategy S          auto (from the service's deployment controller and strategy), rolling, codedeploy or
                        ecs-native (ECS blue/green, linear, canary)
  --desired-count N     set the service's desired count
  --force-new-deployment
                        start a deployment even when the task definition is unchanged
  --keep-revisions N    after success, deregister older revisions of the family that no service in the region uses
  --max-failed-tasks N  fail the deployment after N failed tasks (default: the circuit breaker's threshold;
                        twice it for a rolling service with a breaker, for failures the breaker does not count;
                        for CodeDeploy, failed tasks of the replacement task set stop it with rollback)
  --tag KEY=VALUE       tag the registered task definition; repeatable
  --wait-timeout D      one deadline for the whole watch (default 30m)
  --poll-interval D     the longest pause between polls (default 5s)
  --on-timeout A        rollback (default) or leave the service as it is
  --on-cancel A         rollback (default) or leave, on SIGINT/SIGTERM (a cancelled job)
  --dry-run             do every read and print the plan; change nothing
  --before-deploy 'run-task ...'
                        after registration, run a one-off task (flags as berth run-task takes them; by default
                        the just-registered task definition on the service's network); the service is updated
                        only when its container exits 0
  --json-events         like --json, with every progress event in its "events" array

Several services (--service given more than once):
  --max-parallel N      deploy N services at a time (default: all at once)
  --on-failure P        rollback-all (default): when one service fails, roll back the services already moved
                        and start no more; leave: deploy every service, each to its own verdict

CodeDeploy blue/green:
  --codedeploy-application A, --codedeploy-group G
  --deployment-config C a config name, canary:10%:5m, linear:10%:1m or all-at-once
  --hook EVENT=FUNCTION bind a Lambda function to a lifecycle hook (BeforeInstall, AfterInstall,
                        AfterAllowTestTraffic, BeforeAllowTraffic, AfterAllowTraffic); repeatable
  --appspec FILE        use this AppSpec (its TaskDefinition is replaced with the registered ARN)

Blue/green (CodeDeploy or ECS-native BLUE_GREEN, LINEAR, CANARY):
  --wait-for W          completed (default: through the termination wait or the bake time and clean-up),
                        traffic-shifted (all production traffic on the new revision), or paused (ECS-native:
                        return, verdict paused, exit 0, once a PAUSE hook waits for berth continue)

Example:
  berth deploy --cluster prod --service web --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2
`;
const RUN_TASK_HELP = `Usage: berth run-task --cluster C (--task-definition FILE|FAMILY[:REV]|ARN | --service S) [flags]

Run a one-off task (a database migration, a smoke job): render and register its task definition (skipped when
unchanged), start it with RunTask on a service's network, stream its CloudWatch log lines as they arrive, and
end with its container's exit code: 0 is succeeded; anything else is failed (exit 1), with ECS's stopped reason
and the last log lines. Cancelling (SIGINT/SIGTERM) or the wait timeout stops the task (StopTask).

  --cluster C           the cluster to run the task in
  --service S           take the task definition (unless --task-definition is given) and the network from S
  --network-from-service S
                        take only the network configuration, launch type or capacity provider strategy and
                        platform version from S
  --task-definition FILE|FAMILY[:REV]|ARN
                        the task definition: a JSON or YAML file, or one registered in ECS
  --image CONTAINER=URI, --env CONTAINER:NAME=VALUE, --secret CONTAINER:NAME=VALUEFROM,
  --task-role-arn, --execution-role-arn, --docker-label, --log-configuration, --environment-file,
  --container-cpu, --container-memory
                        render flags, as berth render takes them (but --command, below)
  --family F, --cpu N, --memory N
                        override the family, task cpu and memory
  --region R            AWS region (default: AWS_REGION)
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --command CONTAINER:COMMAND
                        run COMMAND in CONTAINER instead of its own command (a container override): a JSON
                        array, or a shell-like string whose quoted words are kept whole; repeatable
  --container NAME      whose exit code counts (default: the essential container; of several, the first that
                        exited non-zero)
  --wait-timeout D      how long the task may take (default 30m); then berth stops it
  --poll-interval D     the longest pause between looks (default 5s)

Example:
  berth run-task --cluster prod --service web --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2 \\
    --command "web:npm run migrate"
`;
const CONTINUE_HELP = `Usage: berth continue --cluster C --service S [--hook-id ID] [--rollback] [--region R] [--json]

Answer the PAUSE lifecycle hook an ECS-native deployment (BLUE_GREEN, LINEAR, CANARY) of the service waits on:
find the service deployment in progress and its hook awaiting action, and call ContinueServiceDeployment.
Exits 2 when nothing waits, saying what the deployment is doing instead.

  --cluster C, --service S
                        the ECS service whose deployment waits
  --hook-id ID          the hook to answer (ecs-pause-...); needed only when several hooks await action
  --rollback            answer ROLLBACK: ECS rolls the deployment back to the previous revision
  --region R            AWS region (default: AWS_REGION)
  --json                end stdout with one JSON object: {status, serviceDeploymentArn, hookId, stage}

Example:
  berth continue --cluster prod --service web
`;
const STATUS_HELP = `Usage: berth status --cluster C --service S [--json] [--region R]

One look at a service, on one screen: its task definition and task counts; its deployments (rolling: each one's
status, rollout state and failed tasks; CodeDeploy: the task sets and the deployment in progress with its lifecycle
events and traffic; ECS-native: the current service deployment's stage, traffic on each revision and hooks); the
failed tasks of the current deployment with their reasons and exit codes; the last service events; and the
commands that act on what is moving (berth continue for a PAUSE hook, berth rollback). Changes nothing; exits 0.

  --cluster C, --service S
                        the ECS service to look at
  --codedeploy-application A, --codedeploy-group G
                        the deployment group of a CODE_DEPLOY service (default: found from the service)
  --json                print the same facts as one JSON object
  --region R            AWS region (default: AWS_REGION)
`;
const ROLLBACK_HELP = `Usage: berth rollback --cluster C --service S [--to REVISION] [flags]

Put the service back on the revision it ran before its current one (or --to), with the mechanism of its
strategy, and watch it to a verdict as berth deploy does: succeeded once the service is steady on that revision.
  rolling      UpdateService to the revision
  CodeDeploy   StopDeployment with automatic rollback while a deployment is in progress, else a new deployment
  ECS-native   StopServiceDeployment ROLLBACK while a service deployment is in progress, else UpdateService
The previous revision is the ACTIVE deployment's while one is listed, else the source of the last completed
service deployment, else revision N-1 of the family; berth says which rule it used.

  --cluster C, --service S
                        the ECS service to roll back
  --to REVISION         the revision to go back to: N (of the service's family), FAMILY:N or a task definition ARN
  --codedeploy-application A, --codedeploy-group G
                        the deployment group of a CODE_DEPLOY service (default: found from the service)
  --wait-timeout D      one deadline for the whole watch (default 30m); a rollback is never rolled back
  --poll-interval D     the longest pause between polls (default 5s)
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --region R            AWS region (default: AWS_REGION)
`;
const HOOK_HELP = `Usage: berth hook --deployment-id ID --execution-id ID (--http URL [--expect-status 200] | -- COMMAND ...)

Run a check and report its outcome to CodeDeploy (PutLifecycleEventHookExecutionStatus): Succeeded when the
check passes before the deadline, Failed otherwise.

  --deployment-id ID    the CodeDeploy deployment (d-XXXXXXXXX)
  --execution-id ID     the lifecycle event hook execution id CodeDeploy sent the hook
  --http URL            GET URL until it answers --expect-status (default 200)
  -- COMMAND ...        run COMMAND until it exits 0
  --deadline D          give up and report Failed after D (default 5m)
  --interval D          pause between attempts (default 5s)
  --json                end stdout with one JSON object
`;
const SIM_HELP = `Usage: berth sim --scenario FILE [--port 0] [--speed N] [--seed N]

Serve an emulator of ECS, CodeDeploy, ECR and CloudWatch Logs on http://127.0.0.1:PORT, speaking the AWS
wire protocol, set up by a scenario file (see workflows-examples/sim/demo.yaml). The first line printed is
"berth sim listening on http://127.0.0.1:PORT". Point clients at it with AWS_ENDPOINT_URL.

  --scenario FILE       the world: clusters, services, task definitions, ECR images and how they behave
  --port N              port to listen on (default 0: any free port)
  --speed N             run the emulated clock N times faster than real time (default 1)
  --seed N              seed for ids and injected faults, so a run repeats (default 1)
`;
const HELP = {
    render: RENDER_HELP,
    deploy: DEPLOY_HELP,
    'run-task': RUN_TASK_HELP,
    continue: CONTINUE_HELP,
    status: STATUS_HELP,
    rollback: ROLLBACK_HELP,
    hook: HOOK_HELP,
    sim: SIM_HELP,
};

;// CONCATENATED MODULE: ./src/cli/main.ts













const EXIT = { ok: 0, verdict: 1, usage: 2, internal: 3 };
/** The CLI: argv (without node and script) to an exit code. */
async function main(argv, io) {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
        io.stdout.write(MAIN_HELP);
        return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version') {
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
    }
    if (!(command in FLAGS)) {
        io.stderr.write(`berth: unknown command ${JSON.stringify(command)}; expected render, deploy, run-task, continue, status, rollback, hook or sim.\n`);
        return EXIT.usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(HELP[command]);
        return EXIT.ok;
    }
    try {
        return await dispatch(command, rest, io);
    }
    catch (thrown) {
        return fail(command, (0,aws_errors/* explainSetupError */.VC)(thrown), wantsJson(rest, io.env), io);
    }
}
/**
 * Says what went wrong on stderr and, under `--json`, as the last stdout line
 * `{"status":"error","error":{kind,message,input?,file?,line?}}`; the exit code says whose problem it is.
 */
function fail(command, error, json, io) {
    const described = (0,errors/* errorJson */.dF)(error);
    const prefix = described.kind === 'internal' || (0,errors/* isUserError */.iU)(error) ? '' : 'error: ';
    io.stderr.write(`berth ${command}: ${prefix}${described.message}\n`);
    if (json)
        io.stdout.write(`${JSON.stringify({ status: 'error', error: described })}\n`);
    if (described.kind === 'internal')
        return EXIT.internal;
    return (0,errors/* isUserError */.iU)(error) ? EXIT.usage : EXIT.verdict;
}
/** `--json` asked for, even when the flags around it do not parse. */
function wantsJson(argv, env) {
    if (argv.some((word) => /^--json(-events)?(=true)?$/.test(word)))
        return true;
    return ['BERTH_JSON', 'BERTH_JSON_EVENTS'].some((name) => /^(true|yes|1)$/i.test(env[name]?.trim() ?? ''));
}
const VERSION = typeof BERTH_VERSION === 'string' ? BERTH_VERSION : '0.1.0';
async function dispatch(command, argv, io) {
    const args = parseArgs(argv, FLAGS[command], command);
    const source = argsSource(args, io.env);
    switch (command) {
        case 'render':
            return deployOrRender(command, parseConfig(source, io.env), io);
        case 'deploy':
            return deployOrRender(command, parseDeployConfig(source, io.env), io);
        case 'run-task':
            return runTask(parseRunTaskConfig(source, io.env), io);
        case 'continue':
            return continueCommand(parseContinueConfig(source, io.env), io);
        case 'status':
            return main_status(parseStatusConfig(source, io.env), io);
        case 'rollback':
            return rollback(parseRollbackConfig(source, io.env), io);
        case 'hook':
            return hook(parseHookConfig(source, io.env), io);
        case 'sim':
            return sim(source.get('scenario'), source, io);
    }
}
async function deployOrRender(command, config, io) {
    if (command === 'deploy' && (!config.cluster || !config.service)) {
        throw new errors/* UserError */.yo('berth deploy needs --cluster and --service (berth render renders without deploying).');
    }
    if (command === 'render' && !config.taskDefinition) {
        throw new errors/* UserError */.yo('berth render needs --task-definition FILE|FAMILY[:REV]|ARN.');
    }
    const reporter = cliReporter(config, io);
    // The pipeline and the AWS SDK load only for a run, after the flags are read: --help and bad input stay quick.
    const [{ run }, { createClients }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(815), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(647), __nccwpck_require__.e(725), __nccwpck_require__.e(462), __nccwpck_require__.e(837), __nccwpck_require__.e(642)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6642)), Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111))]);
    return runWith(reporter, (deps) => run(config, deps), createClients({ region: config.region }), io);
}
async function runTask(config, io) {
    if (!config.cluster)
        throw new errors/* UserError */.yo('berth run-task needs --cluster C.', { input: '--cluster' });
    if (!config.render.taskDefinition && !config.service) {
        throw new errors/* UserError */.yo('berth run-task needs --task-definition FILE|FAMILY[:REV]|ARN or --service S.', {
            input: '--task-definition',
        });
    }
    const reporter = cliReporter({ ...config.render, cluster: config.cluster }, io);
    const [{ runTask: runOneTask }, { createClients }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(815), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(725), __nccwpck_require__.e(462), __nccwpck_require__.e(721)]).then(__nccwpck_require__.bind(__nccwpck_require__, 462)),
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111)),
    ]);
    const clients = createClients({ region: config.render.region });
    return runWith(reporter, (deps) => runOneTask(config, deps), clients, io);
}
/** One run with the process's clock, files and signal; the reporter closed whatever happens. */
async function runWith(reporter, work, clients, io) {
    let result;
    try {
        result = await work({
            clients,
            reporter,
            readFile: (path) => (0,promises_.readFile)(path, 'utf8'),
            now: Date.now,
            sleep: (ms, signal) => (0,external_node_timers_promises_namespaceObject.setTimeout)(ms, undefined, { signal }).catch(() => undefined),
            signal: io.signal,
        });
    }
    finally {
        await reporter.close?.();
    }
    return exitCodeOf(result);
}
/**
 * Human progress on stdout, except when stdout carries data: the `--json` line, or the rendered task definition
 * (so `berth render ... > taskdef.json` works); then progress goes to stderr.
 */
function cliReporter(config, io) {
    const printsRendered = !config.json && !config.out && !config.cluster;
    const human = consoleReporter(config.json || printsRendered ? io.stderr : io.stdout, {
        printRendered: false,
        debug: config.verbose,
    });
    if (config.json)
        return (0,events/* fanOut */.YO)(human, jsonReporter(io.stdout, { events: config.jsonEvents }));
    if (!printsRendered)
        return human;
    const rendered = {
        emit: (event) => {
            if (event.type === 'rendered' && !event.path)
                io.stdout.write(`${JSON.stringify(event.taskDefinition, null, 2)}\n`);
        },
    };
    return (0,events/* fanOut */.YO)(human, rendered);
}
function exitCodeOf(result) {
    return (0,verdict/* endsWell */.tz)(result.status) ? EXIT.ok : EXIT.verdict;
}
/** `berth status`: one look, printed; nothing is changed, so it exits 0 whatever it sees. */
async function main_status(config, io) {
    const [{ readStatus }, { formatStatus }, { createClients }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(815), __nccwpck_require__.e(303), __nccwpck_require__.e(647), __nccwpck_require__.e(175)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7175)),
        __nccwpck_require__.e(/* import() */ 927).then(__nccwpck_require__.bind(__nccwpck_require__, 6927)),
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111)),
    ]);
    const clients = createClients({ region: config.region });
    try {
        const seen = await readStatus(clients, config.cluster, config.service, config);
        io.stdout.write(config.json ? `${JSON.stringify(seen)}\n` : formatStatus(seen));
    }
    finally {
        clients.destroy();
    }
    return EXIT.ok;
}
async function rollback(config, io) {
    const human = consoleReporter(config.json ? io.stderr : io.stdout, { debug: config.verbose });
    const reporter = config.json ? (0,events/* fanOut */.YO)(human, jsonReporter(io.stdout)) : human;
    const [{ rollback: rollBack }, { createClients }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(815), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(647), __nccwpck_require__.e(725), __nccwpck_require__.e(837), __nccwpck_require__.e(222)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5222)),
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111)),
    ]);
    return runWith(reporter, (deps) => rollBack(config, deps), createClients({ region: config.region }), io);
}
async function hook(config, io) {
    const [{ answerHook }, { createClients }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(507), __nccwpck_require__.e(561)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6561)),
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111)),
    ]);
    const clients = createClients({ region: config.region });
    const outcome = await answerHook(config, {
        codedeploy: clients.codedeploy,
        signal: io.signal,
        log: (line) => io.stderr.write(`${line}\n`),
    });
    if (config.json)
        io.stdout.write(`${JSON.stringify(outcome)}\n`);
    else
        io.stdout.write(`hook ${config.executionId}: reported ${outcome.status}\n`);
    return outcome.status === 'Succeeded' ? EXIT.ok : EXIT.verdict;
}
async function continueCommand(config, io) {
    const [{ continueDeployment, outcomeLine }, { createClients }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(86)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3086)),
        Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(212), __nccwpck_require__.e(507), __nccwpck_require__.e(303), __nccwpck_require__.e(249), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1111)),
    ]);
    const clients = createClients({ region: config.region });
    try {
        const outcome = await continueDeployment(config, {
            ecs: clients.ecs,
            sleep: (ms, signal) => (0,external_node_timers_promises_namespaceObject.setTimeout)(ms, undefined, { signal }).catch(() => undefined),
            signal: io.signal,
            onRetry: (line) => io.stderr.write(`${line}\n`),
        });
        io.stdout.write(`${config.json ? JSON.stringify(outcome) : outcomeLine(outcome)}\n`);
        return EXIT.ok;
    }
    finally {
        clients.destroy();
    }
}
async function sim(scenario, source, io) {
    if (!scenario)
        throw new errors/* UserError */.yo('berth sim needs --scenario FILE (see workflows-examples/sim/demo.yaml).');
    const number = (name, fallback, check, accepted) => {
        const raw = source.get(name);
        if (raw === undefined)
            return fallback;
        const value = Number(raw);
        if (!check(value))
            throw new errors/* UserError */.yo(`--${name}: ${JSON.stringify(raw)} is not valid; expected ${accepted}.`);
        return value;
    };
    const options = {
        scenario,
        port: number('port', 0, (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port from 0 to 65535'),
        speed: number('speed', 1, (n) => n > 0 && n <= 100_000, 'a number above 0, at most 100000'),
        seed: number('seed', 1, Number.isInteger, 'a whole number'),
    };
    // The emulator is a separate world, loaded by this subcommand only.
    const { runSim, SimInputError } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(513)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9513));
    try {
        await runSim(options, io.stdout);
    }
    catch (error) {
        // The emulator's input errors (scenario, port) are the user's, as every UserError: exit 2.
        if (error instanceof SimInputError)
            throw new errors/* UserError */.yo(error.message, error.location);
        throw error;
    }
    return EXIT.ok;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   dF: () => (/* binding */ errorJson),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony exports isInternalError, unexpectedFailure */
/**
 * An error the user can fix: bad input, a missing resource named by the user (`input`), or an environment berth
 * cannot work in: no region, no credentials, AWS not answering before any change (`environment`). Its message
 * names the input or flag, the bad value and what is accepted. Raised before any mutating AWS call; exits 2.
 */
class UserError extends Error {
    location;
    kind;
    name = 'UserError';
    constructor(message, location = {}, kind = 'input') {
        super(message);
        this.location = location;
        this.kind = kind;
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
/** The message of anything thrown, without stack noise; an AWS error's code leads (`ThrottlingException: Rate exceeded`). */
function errorMessage(error) {
    if (!(error instanceof Error))
        return String(error);
    const { name, message } = error;
    const fromAws = '$metadata' in error;
    return fromAws && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message;
}
/** The error's name, which the AWS SDK sets to the service's error code (`ThrottlingException`, …). */
function errorName(error) {
    return typeof error === 'object' && error !== null ? error.name : undefined;
}
/**
 * A bug in berth, not a problem of the input, of AWS or of the network: no UserError and no AWS or network error
 * anywhere in its causes. It exits 3 with its stack.
 */
function isInternalError(error) {
    let current = error;
    for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
        if (isUserError(current))
            return false;
        const facts = current;
        if (facts.$metadata !== undefined || facts.$fault !== undefined || typeof facts.code === 'string')
            return false;
        if (facts.name === 'TimeoutError' || facts.name === 'AbortError')
            return false;
        current = facts.cause;
    }
    return true;
}
/** What a bug says: that it is one, and where it happened. */
function unexpectedFailure(error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return `berth failed unexpectedly (a bug in berth; please report it with this output):\n${detail}`;
}
/** Any error as the `error` member of `--json`'s last line: `{kind, message, input?, file?, line?}`. */
function errorJson(error) {
    if (isUserError(error)) {
        const { input, file, line } = error.location;
        return {
            kind: error.kind,
            message: error.message,
            ...(input ? { input } : {}),
            ...(file ? { file } : {}),
            ...(line ? { line } : {}),
        };
    }
    if (isInternalError(error))
        return { kind: 'internal', message: unexpectedFailure(error) };
    return { kind: 'environment', message: errorMessage(error) };
}


/***/ }),

/***/ 5694:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ TERMINATION_WAIT),
/* harmony export */   YO: () => (/* binding */ fanOut)
/* harmony export */ });
/* unused harmony export recorder */
/** The `deployment-status` berth reports once traffic has fully shifted and CodeDeploy waits to remove blue. */
const TERMINATION_WAIT = 'TerminationWait';
/** Sends every event to several reporters, in order. */
function fanOut(...reporters) {
    return {
        emit: (event) => reporters.forEach((reporter) => reporter.emit(event)),
        close: async () => {
            for (const reporter of reporters)
                await reporter.close?.();
        },
    };
}
/** Collects events; used by tests and by reporters that render at the end. */
function recorder() {
    const events = [];
    return { events, emit: (event) => events.push(event) };
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G6: () => (/* binding */ taskIdOf),
/* harmony export */   KW: () => (/* binding */ relativeTime),
/* harmony export */   P5: () => (/* binding */ shortTaskDefinition),
/* harmony export */   dV: () => (/* binding */ STATUS_TITLES),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   wv: () => (/* binding */ describeCounts)
/* harmony export */ });
/** `arn:aws:ecs:…:task-definition/web:8` → `web:8`; anything else unchanged. */
function shortTaskDefinition(arn) {
    const at = arn.indexOf('task-definition/');
    return at >= 0 ? arn.slice(at + 'task-definition/'.length) : arn;
}
/** `+7s`, `+1m05s`, `+1h02m`. */
function relativeTime(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60)
        return `+${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `+${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
    return `+${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
function duration(ms) {
    return relativeTime(ms).slice(1);
}
/** `PRIMARY web:8 1/3 running, 2 pending, 1 failed (IN_PROGRESS)`. */
function describeCounts(counts) {
    const extra = [
        counts.pending > 0 ? `${counts.pending} pending` : '',
        counts.failed > 0 ? `${counts.failed} failed` : '',
    ]
        .filter(Boolean)
        .join(', ');
    const state = counts.rolloutState ? ` (${counts.rolloutState})` : '';
    return `${counts.status} ${shortTaskDefinition(counts.taskDefinition)} ${counts.running}/${counts.desired} running${extra ? `, ${extra}` : ''}${state}`;
}
const STATUS_TITLES = {
    succeeded: 'succeeded',
    paused: 'paused, waiting for berth continue',
    failed: 'failed',
    rolled_back: 'rolled back',
    timed_out: 'timed out',
    cancelled: 'cancelled',
    planned: 'planned (dry run)',
    rendered: 'rendered',
};
/** `arn:aws:ecs:…:task/prod/0123abcd…` → `0123abcd…`. */
function taskIdOf(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}


/***/ }),

/***/ 970:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ cancelSignal)
/* harmony export */ });
/**
 * SIGINT and SIGTERM, caught from the first moment the process runs: the entries import this module before any
 * other, so a signal during start-up cancels the run instead of killing the process. The first signal cancels (the
 * run rolls back, per --on-cancel); later ones are acknowledged and do not cut off the rollback being requested
 * (GitHub sends SIGINT, then SIGTERM 7.5 s later). A third ends the process with 130.
 */
const controller = new AbortController();
let received = 0;
const cancelSignal = controller.signal;
function onSignal(name) {
    received++;
    if (received === 1) {
        controller.abort(new Error(`received ${name}`));
        return;
    }
    if (received >= 3) {
        process.stderr.write(`berth: received ${name} a third time; exiting without waiting for the rollback.\n`);
        process.exit(130);
    }
    process.stderr.write(`berth: received ${name}; still finishing the cancellation (rollback), please wait.\n`);
}
for (const name of ['SIGINT', 'SIGTERM'])
    process.on(name, () => onSignal(name));


/***/ }),

/***/ 6503:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ normaliseUnits)
/* harmony export */ });
/** ECS accepts `1 vCPU` / `2GB` and stores integer strings; berth does the same conversion up front. */
function normaliseUnits(what, value) {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return String(Number(trimmed));
    const match = what === 'cpu' ? /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(trimmed) : /^(\d+(?:\.\d+)?)\s*gb$/i.exec(trimmed);
    if (!match)
        return undefined;
    const units = Number(match[1]) * 1024;
    return Number.isInteger(units) ? String(units) : undefined;
}


/***/ }),

/***/ 3138:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hm: () => (/* binding */ worstOf),
/* harmony export */   tz: () => (/* binding */ endsWell),
/* harmony export */   yf: () => (/* binding */ severity)
/* harmony export */ });
/* unused harmony export VERDICTS */
/**
 * How a run ends. `succeeded` and `paused` (an ECS-native deployment waiting on a PAUSE hook, with
 * `--wait-for paused`) exit 0, as do `planned` and `rendered`, which deploy nothing.
 */
const VERDICTS = (/* unused pure expression or super */ null && (['succeeded', 'paused', 'failed', 'rolled_back', 'timed_out', 'cancelled']));
/** The statuses a run ends well with (exit 0, the Action does not fail the step). */
function endsWell(status) {
    return status === 'succeeded' || status === 'paused' || status === 'planned' || status === 'rendered';
}
/**
 * From the best outcome to the worst: the verdict of a run over several services is its worst service's. A service
 * berth cancelled is better than one that failed (it was stopped because another failed, or by the user), a
 * rollback better than a timeout (the service is known to be on its old revision), a failure the worst of all.
 */
const SEVERITY = [
    'rendered',
    'planned',
    'succeeded',
    'paused',
    'cancelled',
    'rolled_back',
    'timed_out',
    'failed',
];
/** How bad a status is: the higher, the worse. */
function severity(status) {
    return SEVERITY.indexOf(status);
}
/** The worst of `statuses`; `succeeded` for none. */
function worstOf(statuses) {
    return statuses.reduce((worst, status) => (severity(status) > severity(worst) ? status : worst), statuses[0] ?? 'succeeded');
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
