export const id = 513;
export const ids = [513];
export const modules = {

/***/ 9513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SimInputError: () => (/* reexport */ SimInputError),
  runSim: () => (/* binding */ runSim)
});

// UNUSED EXPORTS: ManualClock, ScaledClock, buildWorld, manualClockFor, startSim

;// CONCATENATED MODULE: ./src/sim/core/errors.ts
/** An error answered as `{"__type": type, "message": message}` with `status`. */
class AwsError extends Error {
    type;
    status;
    extra;
    constructor(type, message, status = 400, extra = {}) {
        super(message);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }
}
/**
 * Bad input to the emulator that the user can fix: a scenario mistake (with its file and line when known) or a
 * `berth sim` option such as a port in use. The emulator's own type: the `sim` command turns it into its exit 2.
 */
class SimInputError extends Error {
    location;
    name = 'SimInputError';
    constructor(message, location = {}) {
        super(message);
        this.location = location;
    }
}
/** ECS (and ECR) InvalidParameterException. */
function invalid(message) {
    return new AwsError('InvalidParameterException', message);
}

;// CONCATENATED MODULE: ./src/sim/core/paging.ts

/** Serves one page of `items` from an opaque token; tokens are base64 offsets, as opaque to clients as AWS's. */
function page(items, maxResults, nextToken, limit) {
    if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit.max)) {
        throw new AwsError('InvalidParameterException', `maxResults must be between 1 and ${limit.max}.`);
    }
    const size = maxResults ?? limit.default;
    let start = 0;
    if (nextToken !== undefined && nextToken !== '') {
        const decoded = decodeToken(nextToken);
        if (decoded === undefined)
            throw new AwsError('InvalidParameterException', 'Invalid nextToken.');
        start = decoded;
    }
    const slice = items.slice(start, start + size);
    const end = start + slice.length;
    return { items: slice, nextToken: end < items.length ? encodeToken(end) : undefined };
}
function encodeToken(offset) {
    return Buffer.from(JSON.stringify({ o: offset, v: 1 })).toString('base64');
}
function decodeToken(token) {
    try {
        const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
        return Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/configs.ts

const MINUTE_MS = 60_000;
/** The ECS configurations every account has (aws-facts.md §4; list confirmed by `list-deployment-configs` output). */
const PREDEFINED_ECS_CONFIGS = {
    'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
    'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
    },
    'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: 10, linearInterval: 3 },
    },
    'CodeDeployDefault.ECSCanary10Percent5Minutes': {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
    },
    'CodeDeployDefault.ECSCanary10Percent15Minutes': {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 },
    },
};
/**
 * When production traffic moves. Canary: P% at once, 100% after the interval. Linear: P% at once, then +P% every
 * interval until 100% (a linear 10%/1m run reaches 100% nine minutes after its first step, as observed on AWS).
 */
function trafficSchedule(config) {
    if (config.type === 'TimeBasedCanary') {
        const { canaryPercentage = 0, canaryInterval = 0 } = config.timeBasedCanary ?? {};
        return [
            { afterMs: 0, weight: canaryPercentage },
            { afterMs: canaryInterval * MINUTE_MS, weight: 100 },
        ];
    }
    if (config.type === 'TimeBasedLinear') {
        const { linearPercentage = 100, linearInterval = 0 } = config.timeBasedLinear ?? {};
        const steps = [];
        for (let i = 0, weight = linearPercentage;; i++, weight += linearPercentage) {
            steps.push({ afterMs: i * linearInterval * MINUTE_MS, weight: Math.min(100, weight) });
            if (weight >= 100)
                return steps;
        }
    }
    return [{ afterMs: 0, weight: 100 }];
}
/** Checks a CreateDeploymentConfig trafficRoutingConfig for the ECS platform; throws the real exception otherwise. */
function validateTrafficRouting(config) {
    const invalid = (why) => new AwsError('InvalidTrafficRoutingConfigurationException', why);
    if (!config?.type)
        throw invalid('The traffic routing configuration must specify a type.');
    if (config.type === 'AllAtOnce')
        return { type: 'AllAtOnce' };
    if (config.type === 'TimeBasedCanary') {
        const { canaryPercentage, canaryInterval } = config.timeBasedCanary ?? {};
        if (!isPercent(canaryPercentage) || !isMinutes(canaryInterval)) {
            throw invalid('timeBasedCanary needs an integer canaryPercentage between 1 and 99 and a canaryInterval in minutes.');
        }
        return { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage, canaryInterval } };
    }
    if (config.type === 'TimeBasedLinear') {
        const { linearPercentage, linearInterval } = config.timeBasedLinear ?? {};
        if (!isPercent(linearPercentage) || !isMinutes(linearInterval)) {
            throw invalid('timeBasedLinear needs an integer linearPercentage between 1 and 99 and a linearInterval in minutes.');
        }
        return { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage, linearInterval } };
    }
    throw invalid(`Unknown traffic routing type ${String(config.type)}.`);
}
function isPercent(value) {
    return Number.isInteger(value) && value >= 1 && value <= 99;
}
function isMinutes(value) {
    return Number.isInteger(value) && value >= 1;
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/deployment-configs.ts



function deploymentConfig(ctx, name) {
    if (typeof name !== 'string' || name === '') {
        throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.');
    }
    const config = ctx.state.configs.get(name);
    if (!config)
        throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
    return config;
}
function createDeploymentConfig(ctx, input) {
    const name = input.deploymentConfigName;
    if (!name)
        throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.');
    if (!/^[\w.+=,@-]{1,100}$/.test(name) || name.startsWith('CodeDeployDefault.')) {
        throw new AwsError('InvalidDeploymentConfigNameException', `The deployment configuration name ${name} is not valid.`);
    }
    if (ctx.state.configs.has(name)) {
        throw new AwsError('DeploymentConfigAlreadyExistsException', `Deployment Configuration already exists with name: ${name}`);
    }
    if (input.computePlatform !== 'ECS') {
        throw new AwsError('InvalidComputePlatformException', 'The computePlatform must be ECS in this emulator.');
    }
    const config = {
        deploymentConfigId: ctx.world.uuid(),
        deploymentConfigName: name,
        computePlatform: 'ECS',
        createTime: ctx.world.nowSeconds(),
        trafficRoutingConfig: validateTrafficRouting(input.trafficRoutingConfig),
    };
    ctx.state.configs.set(name, config);
    return { deploymentConfigId: config.deploymentConfigId };
}
function listDeploymentConfigs(ctx, input) {
    const names = [...ctx.state.configs.keys()].sort();
    const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 });
    return { deploymentConfigsList: items, nextToken };
}

;// CONCATENATED MODULE: ./src/sim/core/wire.ts
/** Drops undefined members so the JSON carries only what AWS would send. */
function withoutUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/sim/codedeploy/appspec.ts



/** The lifecycle events of an ECS deployment, in the order CodeDeploy runs them. */
const ECS_LIFECYCLE_EVENTS = (/* unused pure expression or super */ null && ([
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'AllowTestTraffic',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AllowTraffic',
    'AfterAllowTraffic',
]));
/** Events a Lambda hook may be attached to (PutLifecycleEventHookExecutionStatus API reference). */
const HOOKABLE_EVENTS = [
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
];
const invalidRevision = (message) => new AwsError('InvalidRevisionException', message);
/** Reads an AppSpecContent revision: YAML or JSON, its sha256 checked when given. */
function parseRevision(revision) {
    if (!revision)
        throw new AwsError('RevisionRequiredException', 'The revision ID was not specified.');
    if (revision.revisionType !== 'AppSpecContent') {
        throw invalidRevision(`The revision type ${revision.revisionType ?? '(none)'} is not supported for the ECS compute platform; use AppSpecContent.`);
    }
    const content = revision.appSpecContent?.content;
    if (!content)
        throw invalidRevision('The AppSpec content is empty.');
    const sha256 = revision.appSpecContent?.sha256;
    if (sha256 && (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex') !== sha256.toLowerCase()) {
        throw invalidRevision('The sha256 of the AppSpec content does not match the content.');
    }
    return readAppSpec(content);
}
function readAppSpec(content) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(content);
    }
    catch (error) {
        throw invalidRevision(`The AppSpec content is not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    }
    const root = record(doc, 'The AppSpec content must be a mapping.');
    const resources = root.Resources ?? root.resources;
    if (!Array.isArray(resources) || resources.length !== 1) {
        throw invalidRevision('The AppSpec file must list exactly one resource in Resources for an ECS deployment.');
    }
    const target = record(record(resources[0], 'Resources[0] must be a mapping.').TargetService, 'Resources[0] must be a TargetService.');
    if (target.Type !== 'AWS::ECS::Service')
        throw invalidRevision('TargetService Type must be AWS::ECS::Service.');
    const properties = record(target.Properties, 'TargetService needs Properties.');
    const lb = record(properties.LoadBalancerInfo, 'TargetService Properties need LoadBalancerInfo.');
    if (typeof properties.TaskDefinition !== 'string' || properties.TaskDefinition === '') {
        throw invalidRevision('TargetService Properties need a TaskDefinition ARN.');
    }
    const port = typeof lb.ContainerPort === 'string' ? Number(lb.ContainerPort) : lb.ContainerPort;
    if (typeof lb.ContainerName !== 'string' || !Number.isInteger(port)) {
        throw invalidRevision('LoadBalancerInfo needs ContainerName and a numeric ContainerPort.');
    }
    return {
        taskDefinition: properties.TaskDefinition,
        containerName: lb.ContainerName,
        containerPort: port,
        platformVersion: typeof properties.PlatformVersion === 'string' ? properties.PlatformVersion : undefined,
        hooks: readHooks(root.Hooks ?? root.hooks),
    };
}
function readHooks(value) {
    if (value === undefined || value === null)
        return {};
    if (!Array.isArray(value))
        throw invalidRevision('Hooks must be a list of {EventName: FunctionName} entries.');
    const hooks = {};
    for (const entry of value) {
        for (const [event, fn] of Object.entries(record(entry, 'Each hook must be a mapping.'))) {
            if (!HOOKABLE_EVENTS.includes(event)) {
                throw invalidRevision(`${event} is not a lifecycle event with hooks for an ECS deployment; use one of ${HOOKABLE_EVENTS.join(', ')}.`);
            }
            if (typeof fn !== 'string' || fn === '')
                throw invalidRevision(`The hook for ${event} must name a Lambda function.`);
            hooks[event] = fn;
        }
    }
    return hooks;
}
function record(value, message) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw invalidRevision(message);
    return value;
}
/** A Lambda function named by name, partial ARN or ARN, reduced to its name (without a version or alias). */
function functionName(ref) {
    const match = /^arn:[^:]+:lambda:[^:]+:\d{12}:function:([^:]+)/.exec(ref);
    if (match)
        return match[1];
    return ref.split(':')[0];
}

;// CONCATENATED MODULE: ./src/sim/core/ids.ts
/** Epoch ms -> epoch seconds with at most millisecond precision, the form of every awsJson timestamp. */
function epochSeconds(ms) {
    return Math.floor(ms) / 1000;
}
/** `epochSeconds` of a time that may be unset. */
function optionalSeconds(ms) {
    return ms === undefined ? undefined : epochSeconds(ms);
}
function nameFromArn(ref, marker) {
    if (!ref.startsWith('arn:'))
        return ref;
    const index = ref.indexOf(marker);
    if (index < 0)
        return ref;
    const rest = ref.slice(index + marker.length);
    return rest.split('/').pop() ?? rest;
}
function parseEcrUri(uri) {
    const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+?)(?::([\w][\w.-]{0,127})|@(sha256:[0-9a-f]{64}))?$/.exec(uri);
    if (!match)
        return undefined;
    return {
        account: match[1],
        region: match[2],
        repository: match[3],
        tag: match[5] ? undefined : (match[4] ?? 'latest'),
        digest: match[5],
    };
}
/** A stable fake digest for images the scenario does not describe. */
function syntheticDigest(text) {
    let out = '';
    let h = 0x811c9dc5;
    for (let round = 0; out.length < 64; round++) {
        for (const char of `${round}:${text}`)
            h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
        out += h.toString(16).padStart(8, '0');
    }
    return `sha256:${out.slice(0, 64)}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/sim/scenario/values.ts

/**
 * Reads values out of a parsed scenario, each checked against what is accepted; a mistake is a SimInputError naming
 * the file, the line of the key (when the scenario came from a file) and the key's path.
 */
class ScenarioValues {
    doc;
    lines;
    file;
    constructor(doc, lines, file) {
        this.doc = doc;
        this.lines = lines;
        this.file = file;
    }
    time(value, path) {
        if (value instanceof Date)
            return value.getTime();
        if (typeof value === 'number' && Number.isFinite(value))
            return value < 1e11 ? value * 1000 : value;
        if (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
            return Date.parse(value);
        return this.fail(path, `must be an ISO 8601 date or epoch seconds, got ${JSON.stringify(value)}`);
    }
    object(value, path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            this.fail(path, `must be a mapping, got ${describe(value)}`);
        }
        return value;
    }
    array(value, path) {
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value))
            this.fail(path, `must be a list, got ${describe(value)}`);
        return value;
    }
    string(value, path) {
        if (typeof value !== 'string' || value === '')
            this.fail(path, `must be a non-empty string, got ${describe(value)}`);
        return value;
    }
    scalar(value, path) {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            this.fail(path, `must be a string, got ${describe(value)}`);
        }
        return value;
    }
    number(value, path, min) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
            this.fail(path, `must be a number >= ${min}, got ${describe(value)}`);
        }
        return value;
    }
    int(value, path, min) {
        if (!Number.isInteger(value) || value < min)
            this.fail(path, `must be an integer >= ${min}, got ${describe(value)}`);
        return value;
    }
    /** A process exit code, as a container reports it: 0 to 255. */
    exitCode(value, path) {
        if (!Number.isInteger(value) || value < 0 || value > 255)
            this.fail(path, `must be an exit code from 0 to 255, got ${describe(value)}`);
        return value;
    }
    onlyKeys(object, allowed, path) {
        for (const key of Object.keys(object)) {
            if (!allowed.includes(key))
                this.fail([...path, key], `unknown key; accepted keys here: ${allowed.join(', ')}`);
        }
    }
    fail(path, message) {
        const line = this.lineOf(path);
        const where = line === undefined ? this.file : `${this.file}:${line}`;
        const key = path.length === 0 ? '(top level)' : formatPath(path);
        throw new SimInputError(`${where}: ${key} ${message}`, { file: this.file, line });
    }
    lineOf(path) {
        if (!this.doc || !this.lines)
            return undefined;
        for (let length = path.length; length >= 0; length--) {
            const prefix = path.slice(0, length);
            const node = prefix.length === 0 ? this.doc.contents : this.doc.getIn(prefix, true);
            const range = node?.range;
            if (range)
                return this.lines.linePos(keyOffset(this.doc, prefix) ?? range[0]).line;
        }
        return undefined;
    }
}
/** The offset of the key naming the last path element (so a bad value is reported on its key's line). */
function keyOffset(doc, path) {
    if (path.length === 0)
        return undefined;
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const items = parent?.items;
    const last = path[path.length - 1];
    const pair = items?.find((item) => item.key && String(item.key.value) === String(last));
    return pair?.key?.range?.[0];
}
function formatPath(path) {
    return path
        .map((part, i) => {
        if (typeof part === 'number')
            return `[${part}]`;
        if (!/^[A-Za-z0-9_-]+$/.test(part))
            return `[${JSON.stringify(part)}]`;
        return i === 0 ? part : `.${part}`;
    })
        .join('');
}
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'a mapping';
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/sim/scenario/types.ts
/** No injected faults. */
function noFaults() {
    return { throttleRate: 0, errorRate: 0, lostResponses: {}, stalls: {}, serverErrors: {} };
}
const DEFAULT_TIMING = {
    healthCheckSeconds: 10,
    deregistrationDelaySeconds: 300,
    stopSeconds: 5,
    settleSeconds: 30,
};

;// CONCATENATED MODULE: ./src/sim/scenario/faults.ts


/** The scenario's `faults`: rates, per-operation budgets and call numbers, latency (docs/sim-scenario.md). */
class FaultsReader extends ScenarioValues {
    faults(value) {
        if (value === undefined || value === null)
            return noFaults();
        const faults = this.object(value, ['faults']);
        this.onlyKeys(faults, ['throttleRate', 'errorRate', 'lostResponses', 'stalls', 'serverErrors', 'latency'], ['faults']);
        const rate = (key) => {
            if (faults[key] === undefined)
                return 0;
            const n = this.number(faults[key], ['faults', key], 0);
            if (n > 1)
                this.fail(['faults', key], `must be a fraction between 0 and 1, got ${n}`);
            return n;
        };
        const throttleRate = rate('throttleRate');
        const errorRate = rate('errorRate');
        if (throttleRate + errorRate > 1)
            this.fail(['faults'], 'throttleRate + errorRate must not exceed 1');
        return {
            throttleRate,
            errorRate,
            lostResponses: this.callCounts(faults.lostResponses, ['faults', 'lostResponses']),
            stalls: this.callCounts(faults.stalls, ['faults', 'stalls']),
            serverErrors: this.callNumbers(faults.serverErrors, ['faults', 'serverErrors']),
            latency: faults.latency === undefined || faults.latency === null ? undefined : this.latency(faults.latency),
        };
    }
    /** `{Operation: N}`: how many of an operation's first calls a fault applies to. */
    callCounts(value, path) {
        return this.perOperation(value, path, (count, at) => this.int(count, at, 0));
    }
    /** `{Operation: [n, …]}`: which of an operation's calls (1 for the first) a fault applies to. */
    callNumbers(value, path) {
        return this.perOperation(value, path, (numbers, at) => {
            if (!Array.isArray(numbers))
                this.fail(at, 'must be a list of call numbers, 1 for the first call');
            return numbers.map((n, index) => this.int(n, [...at, index], 1));
        });
    }
    perOperation(value, path, read) {
        if (value === undefined || value === null)
            return {};
        const entries = this.object(value, path);
        return Object.fromEntries(Object.entries(entries).map(([operation, entry]) => {
            if (!/^[A-Z][A-Za-z0-9]*$/.test(operation)) {
                this.fail([...path, operation], 'is not an operation name (e.g. UpdateService)');
            }
            return [operation, read(entry, [...path, operation])];
        }));
    }
    latency(value) {
        const path = ['faults', 'latency'];
        const latency = this.object(value, path);
        this.onlyKeys(latency, ['minMs', 'maxMs'], path);
        const minMs = latency.minMs === undefined ? 0 : this.number(latency.minMs, [...path, 'minMs'], 0);
        const maxMs = latency.maxMs === undefined ? minMs : this.number(latency.maxMs, [...path, 'maxMs'], 0);
        if (maxMs < minMs)
            this.fail([...path, 'maxMs'], `must be >= minMs (${minMs}), got ${maxMs}`);
        return { minMs, maxMs };
    }
}

;// CONCATENATED MODULE: ./src/sim/scenario/reader.ts






const DEFAULT_START_SECONDS = 10;
/** What a behaviour written as a bare name (or without its options) does. */
const BEHAVIOR_DEFAULTS = {
    crash: { exitCode: 1, afterSeconds: 5 },
    oom: { exitCode: 137, afterSeconds: 5 },
    exit: { exitCode: 0, afterSeconds: 5 },
};
/** Reads and validates a scenario file (YAML or JSON). Errors are SimInputErrors naming the file, line and key. */
function loadScenario(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new SimInputError(`--scenario: cannot read ${file}: ${error.message}`, { file });
    }
    return parseScenario(text, file);
}
/** Parses scenario text; `file` is only used in messages. */
function parseScenario(text, file = 'scenario') {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const line = lineCounter.linePos(error.pos[0]).line;
        throw new SimInputError(`${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, { file, line });
    }
    if (doc.contents === null) {
        throw new SimInputError(`${file}: the scenario is empty; describe the world to serve (see docs/sim-scenario.md), or write {} for an empty one.`, { file });
    }
    return new ScenarioReader(doc, lineCounter, file).read(doc.toJS());
}
/** Validates an already parsed scenario object (for tests and programmatic use). */
function validateScenario(value, file = 'scenario') {
    return new ScenarioReader(undefined, undefined, file).read(value);
}
/**
 * An error about the scenario found after reading it (the world refused it): `file:line: key: message`, the line
 * when the scenario came from a file.
 */
function scenarioError(scenario, path, message) {
    const file = scenario.source?.file ?? 'scenario';
    const line = scenario.source?.lineOf(path);
    const where = line === undefined ? file : `${file}:${line}`;
    return new SimInputError(`${where}: ${formatPath(path)}: ${message}`, { file, line });
}
const TOP_KEYS = [
    'region',
    'account',
    'startTime',
    'ecr',
    'images',
    'taskDefinitions',
    'clusters',
    'codedeploy',
    'lambdas',
    'faults',
    'timing',
];
const SERVICE_KEYS = [
    'name',
    'serviceName',
    'taskDefinition',
    'desiredCount',
    'launchType',
    'capacityProviderStrategy',
    'platformVersion',
    'deploymentController',
    'deploymentConfiguration',
    'loadBalancers',
    'serviceRegistries',
    'networkConfiguration',
    'healthCheckGracePeriodSeconds',
    'schedulingStrategy',
    'placementConstraints',
    'placementStrategy',
    'tags',
    'enableECSManagedTags',
    'propagateTags',
    'enableExecuteCommand',
    'role',
    'availabilityZoneRebalancing',
];
class ScenarioReader extends ScenarioValues {
    read(root) {
        const top = this.object(root, []);
        this.onlyKeys(top, TOP_KEYS, []);
        const account = top.account === undefined ? '123456789012' : String(this.scalar(top.account, ['account']));
        if (!/^\d{12}$/.test(account))
            this.fail(['account'], `must be 12 digits, got ${JSON.stringify(account)}`);
        const region = top.region === undefined ? 'us-east-1' : this.string(top.region, ['region']);
        if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
            this.fail(['region'], `is not a region name: ${region}`);
        const taskDefinitions = this.array(top.taskDefinitions, ['taskDefinitions']).map((item, i) => this.taskDefinition(item, ['taskDefinitions', i]));
        const clusters = this.array(top.clusters, ['clusters']).map((item, i) => this.cluster(item, ['clusters', i]));
        this.checkTaskDefinitionRefs(clusters, taskDefinitions);
        const scenario = {
            region,
            account,
            startTime: top.startTime === undefined ? undefined : this.time(top.startTime, ['startTime']),
            ecr: this.ecr(top.ecr),
            images: this.images(top.images),
            taskDefinitions,
            clusters,
            codedeploy: this.codedeploy(top.codedeploy),
            lambdas: this.lambdas(top.lambdas),
            faults: new FaultsReader(this.doc, this.lines, this.file).faults(top.faults),
            timing: this.timing(top.timing),
        };
        if (this.doc) {
            const file = this.file;
            Object.defineProperty(scenario, 'source', {
                value: { file, lineOf: (path) => this.lineOf(path) },
                enumerable: false,
            });
        }
        return scenario;
    }
    /** A service's taskDefinition must name one the scenario registers (family, family:revision or its ARN). */
    checkTaskDefinitionRefs(clusters, taskDefinitions) {
        const revisions = new Map();
        for (const td of taskDefinitions)
            revisions.set(td.family, (revisions.get(td.family) ?? 0) + 1);
        const registered = [...revisions].flatMap(([family, count]) => Array.from({ length: count }, (_, i) => `${family}:${i + 1}`));
        clusters.forEach((cluster, i) => cluster.services.forEach((service, j) => {
            const ref = service.taskDefinition;
            if (ref === undefined)
                return;
            const text = ref.startsWith('arn:') ? ref.replace(/^arn:[^:]*:ecs:[^:]*:[^:]*:task-definition\//, '') : ref;
            const [family, revision] = text.split(':');
            const count = revisions.get(family) ?? 0;
            if (count > 0 && (revision === undefined || (/^\d+$/.test(revision) && Number(revision) <= count)))
                return;
            this.fail(['clusters', i, 'services', j, 'taskDefinition'], `names task definition ${ref}, which the scenario does not register ` +
                `(its taskDefinitions register ${registered.join(', ') || 'none'})`);
        }));
    }
    ecr(value) {
        if (value === undefined || value === null)
            return { repositories: [] };
        const ecr = this.object(value, ['ecr']);
        this.onlyKeys(ecr, ['repositories'], ['ecr']);
        const repositories = this.array(ecr.repositories, ['ecr', 'repositories']).map((item, i) => {
            const path = ['ecr', 'repositories', i];
            const repo = this.object(item, path);
            this.onlyKeys(repo, ['name', 'images', 'createdAt'], path);
            const name = this.string(repo.name, [...path, 'name']);
            if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name) || name.length < 2) {
                this.fail([...path, 'name'], `is not a valid ECR repository name (lower-case, 2-256 chars): ${name}`);
            }
            const images = this.array(repo.images, [...path, 'images']).map((image, j) => this.image(image, [...path, 'images', j]));
            const createdAt = repo.createdAt === undefined ? undefined : this.time(repo.createdAt, [...path, 'createdAt']);
            return { name, images, createdAt };
        });
        return { repositories };
    }
    image(value, path) {
        const image = this.object(value, path);
        this.onlyKeys(image, ['tag', 'digest', 'sizeInBytes', 'pushedAt', 'mediaType', 'behavior', 'commands'], path);
        const tag = image.tag === undefined ? undefined : String(this.scalar(image.tag, [...path, 'tag']));
        const digest = image.digest === undefined ? undefined : this.string(image.digest, [...path, 'digest']);
        if (tag === undefined && digest === undefined)
            this.fail(path, 'needs a tag or a digest');
        if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
            this.fail([...path, 'digest'], `must be sha256:<64 hex>, got ${digest}`);
        }
        return {
            tag,
            digest,
            sizeInBytes: image.sizeInBytes === undefined ? undefined : this.int(image.sizeInBytes, [...path, 'sizeInBytes'], 0),
            pushedAt: image.pushedAt === undefined ? undefined : this.time(image.pushedAt, [...path, 'pushedAt']),
            mediaType: image.mediaType === undefined ? undefined : this.string(image.mediaType, [...path, 'mediaType']),
            behavior: this.behavior(image.behavior, [...path, 'behavior']),
            ...(image.commands === undefined
                ? {}
                : { commands: this.commandBehaviors(image.commands, [...path, 'commands']) }),
        };
    }
    /** `commands: { "npm run migrate": { exit: { code: 0 } } }`: a behaviour per command the container runs. */
    commandBehaviors(value, path) {
        const commands = this.object(value, path);
        return Object.fromEntries(Object.entries(commands).map(([command, behavior]) => [command, this.behavior(behavior, [...path, command])]));
    }
    images(value) {
        if (value === undefined || value === null)
            return {};
        const images = this.object(value, ['images']);
        return Object.fromEntries(Object.entries(images).map(([uri, b]) => [uri, this.behavior(b, ['images', uri])]));
    }
    behavior(value, path) {
        const base = (kind) => ({
            kind,
            startSeconds: DEFAULT_START_SECONDS,
            afterSeconds: 0,
            exitCode: 0,
            logs: [],
        });
        if (value === undefined || value === null)
            return base('healthy');
        const kinds = ['healthy', 'crash', 'unhealthy', 'oom', 'secrets-error', 'exit'];
        const accepted = `one of ${kinds.join(', ')} or { crash: { exitCode, afterSeconds } }, { oom: { afterSeconds } }, ` +
            '{ exit: { code, afterSeconds, logs } }';
        if (typeof value === 'string') {
            if (!kinds.includes(value))
                this.fail(path, `unknown behavior ${JSON.stringify(value)}; use ${accepted}`);
            return { ...base(value), ...BEHAVIOR_DEFAULTS[value] };
        }
        const object = this.object(value, path);
        if (typeof object.kind === 'string' && kinds.includes(object.kind))
            return { ...base('healthy'), ...object };
        const keys = Object.keys(object);
        if (keys.length !== 1 || !kinds.includes(keys[0])) {
            this.fail(path, `must be ${accepted}; got keys ${keys.join(', ') || '(none)'}`);
        }
        const kind = keys[0];
        const innerPath = [...path, kind];
        const inner = object[kind] === null ? {} : this.object(object[kind], innerPath);
        const codeKey = kind === 'exit' ? 'code' : 'exitCode';
        this.onlyKeys(inner, ['startSeconds', 'afterSeconds', codeKey, 'logs'], innerPath);
        const behavior = { ...base(kind), ...BEHAVIOR_DEFAULTS[kind] };
        if (inner.startSeconds !== undefined)
            behavior.startSeconds = this.number(inner.startSeconds, [...innerPath, 'startSeconds'], 0);
        if (inner.afterSeconds !== undefined)
            behavior.afterSeconds = this.number(inner.afterSeconds, [...innerPath, 'afterSeconds'], 0);
        if (inner.exitCode !== undefined && kind !== 'exit') {
            if (kind !== 'crash')
                this.fail([...innerPath, 'exitCode'], `is only accepted for crash`);
            behavior.exitCode = this.int(inner.exitCode, [...innerPath, 'exitCode'], 0);
        }
        if (kind === 'exit' && inner.code !== undefined)
            behavior.exitCode = this.exitCode(inner.code, [...innerPath, 'code']);
        if (inner.logs !== undefined) {
            behavior.logs = this.array(inner.logs, [...innerPath, 'logs']).map((line, i) => String(this.scalar(line, [...innerPath, 'logs', i])));
        }
        return behavior;
    }
    taskDefinition(value, path) {
        const td = this.object(value, path);
        this.string(td.family, [...path, 'family']);
        const containers = this.array(td.containerDefinitions, [...path, 'containerDefinitions']);
        if (containers.length === 0)
            this.fail([...path, 'containerDefinitions'], 'needs at least one container');
        containers.forEach((c, i) => {
            const container = this.object(c, [...path, 'containerDefinitions', i]);
            this.string(container.name, [...path, 'containerDefinitions', i, 'name']);
            this.string(container.image, [...path, 'containerDefinitions', i, 'image']);
        });
        for (const key of ['cpu', 'memory']) {
            if (typeof td[key] === 'number')
                td[key] = String(td[key]);
        }
        return td;
    }
    cluster(value, path) {
        const cluster = this.object(value, path);
        this.onlyKeys(cluster, ['name', 'services'], path);
        const name = this.string(cluster.name, [...path, 'name']);
        const services = this.array(cluster.services, [...path, 'services']).map((item, i) => this.service(item, [...path, 'services', i]));
        return { name, services };
    }
    service(value, path) {
        const service = this.object(value, path);
        this.onlyKeys(service, SERVICE_KEYS, path);
        const name = this.string(service.name ?? service.serviceName, [...path, 'name']);
        const spec = { ...service, name };
        delete spec.serviceName;
        if (service.desiredCount !== undefined)
            spec.desiredCount = this.int(service.desiredCount, [...path, 'desiredCount'], 0);
        if (service.taskDefinition !== undefined)
            this.string(service.taskDefinition, [...path, 'taskDefinition']);
        const controller = service.deploymentController;
        if (controller !== undefined) {
            const type = typeof controller === 'object' && controller !== null ? controller.type : controller;
            if (type !== 'ECS' && type !== 'CODE_DEPLOY' && type !== 'EXTERNAL') {
                this.fail([...path, 'deploymentController'], `must be ECS, CODE_DEPLOY or EXTERNAL, got ${JSON.stringify(type)}`);
            }
            spec.deploymentController = type;
        }
        if (service.deploymentConfiguration !== undefined) {
            const config = this.object(service.deploymentConfiguration, [...path, 'deploymentConfiguration']);
            for (const key of ['maximumPercent', 'minimumHealthyPercent']) {
                if (config[key] !== undefined)
                    this.int(config[key], [...path, 'deploymentConfiguration', key], 0);
            }
        }
        if (service.loadBalancers !== undefined) {
            this.array(service.loadBalancers, [...path, 'loadBalancers']).forEach((lb, i) => {
                const lbPath = [...path, 'loadBalancers', i];
                const object = this.object(lb, lbPath);
                this.string(object.containerName, [...lbPath, 'containerName']);
                this.int(object.containerPort, [...lbPath, 'containerPort'], 0);
            });
        }
        return spec;
    }
    codedeploy(value) {
        if (value === undefined || value === null)
            return { applications: [] };
        const codedeploy = this.object(value, ['codedeploy']);
        this.onlyKeys(codedeploy, ['applications'], ['codedeploy']);
        const applications = this.array(codedeploy.applications, ['codedeploy', 'applications']).map((item, i) => {
            const path = ['codedeploy', 'applications', i];
            const app = this.object(item, path);
            this.onlyKeys(app, ['name', 'deploymentGroups'], path);
            const deploymentGroups = this.array(app.deploymentGroups, [...path, 'deploymentGroups']).map((g, j) => {
                const groupPath = [...path, 'deploymentGroups', j];
                const group = this.object(g, groupPath);
                const service = this.string(group.service, [...groupPath, 'service']);
                if (!/^[^/]+\/[^/]+$/.test(service))
                    this.fail([...groupPath, 'service'], `must be cluster/service, got ${service}`);
                return { ...group, name: this.string(group.name, [...groupPath, 'name']), service };
            });
            return { name: this.string(app.name, [...path, 'name']), deploymentGroups };
        });
        return { applications };
    }
    lambdas(value) {
        if (value === undefined || value === null)
            return {};
        const lambdas = this.object(value, ['lambdas']);
        return Object.fromEntries(Object.entries(lambdas).map(([name, spec]) => {
            const path = ['lambdas', name];
            const lambda = this.object(spec, path);
            this.onlyKeys(lambda, ['result', 'afterSeconds', 'inProgress', 'callBackDelay'], path);
            if (lambda.result !== 'Succeeded' && lambda.result !== 'Failed' && lambda.result !== 'external') {
                this.fail([...path, 'result'], `must be Succeeded, Failed or external, got ${JSON.stringify(lambda.result)}`);
            }
            const afterSeconds = lambda.afterSeconds === undefined ? undefined : this.number(lambda.afterSeconds, [...path, 'afterSeconds'], 0);
            const count = (key) => lambda[key] === undefined ? undefined : this.int(lambda[key], [...path, key], 0);
            return [
                name,
                {
                    result: lambda.result,
                    afterSeconds,
                    inProgress: count('inProgress'),
                    callBackDelay: count('callBackDelay'),
                },
            ];
        }));
    }
    timing(value) {
        if (value === undefined || value === null)
            return { ...DEFAULT_TIMING };
        const timing = this.object(value, ['timing']);
        const keys = Object.keys(DEFAULT_TIMING);
        this.onlyKeys(timing, keys, ['timing']);
        const result = { ...DEFAULT_TIMING };
        for (const key of keys)
            if (timing[key] !== undefined)
                result[key] = this.number(timing[key], ['timing', key], 0);
        return result;
    }
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/state.ts




const states = new WeakMap();
/** The CodeDeploy side of a world, set up from its scenario on first use. */
function codeDeployState(world) {
    let state = states.get(world);
    if (!state) {
        state = initialState(world);
        states.set(world, state);
    }
    return state;
}
function initialState(world) {
    const state = {
        applications: new Map(),
        groups: new Map(),
        configs: new Map(),
        deployments: new Map(),
    };
    for (const [name, trafficRoutingConfig] of Object.entries(PREDEFINED_ECS_CONFIGS)) {
        state.configs.set(name, {
            deploymentConfigId: world.uuid(),
            deploymentConfigName: name,
            computePlatform: 'ECS',
            createTime: Math.floor(world.nowSeconds() - 86400 * 365),
            trafficRoutingConfig,
        });
    }
    for (const [i, app] of world.scenario.codedeploy.applications.entries()) {
        state.applications.set(app.name, {
            applicationId: world.uuid(),
            applicationName: app.name,
            createTime: world.nowSeconds(),
            computePlatform: 'ECS',
        });
        for (const [j, spec] of app.deploymentGroups.entries()) {
            const path = ['codedeploy', 'applications', i, 'deploymentGroups', j, 'service'];
            state.groups.set(groupKey(app.name, spec.name), groupFromSpec(world, app.name, spec, path));
        }
    }
    return state;
}
function groupFromSpec(world, applicationName, spec, path) {
    const [clusterName, serviceName] = spec.service.split('/');
    const service = world.clusters.get(clusterName)?.services.get(serviceName);
    if (!service)
        throw scenarioError(world.scenario, path, `service ${spec.service} is not in the scenario's clusters`);
    if (service.controller !== 'CODE_DEPLOY') {
        throw scenarioError(world.scenario, path, `service ${spec.service} must use deploymentController CODE_DEPLOY`);
    }
    const blue = targetGroupName(service.loadBalancers[0]?.targetGroupArn) ?? `${serviceName}-blue`;
    const targetGroups = (spec.targetGroups?.length === 2 ? spec.targetGroups : [blue, `${serviceName}-green`]);
    const alb = `loadbalancer/app/${serviceName}-alb/${world.hex(16)}`;
    const listener = () => world.arn('elasticloadbalancing', `${alb.replace('loadbalancer/', 'listener/')}/${world.hex(16)}`);
    return {
        applicationName,
        deploymentGroupId: world.uuid(),
        deploymentGroupName: spec.name,
        clusterName,
        serviceName,
        deploymentConfigName: spec.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
        autoRollback: spec.autoRollback === true,
        targetGroups,
        prodListenerArn: listener(),
        testListenerArn: spec.testListener ? listener() : undefined,
        terminationWaitMinutes: spec.terminationWaitMinutes ?? 0,
    };
}
function groupKey(applicationName, groupName) {
    return `${applicationName}\u0000${groupName}`;
}
/** `arn:...:targetgroup/<name>/<id>` → `<name>`. */
function targetGroupName(arn) {
    return arn ? /targetgroup\/([^/]+)/.exec(arn)?.[1] : undefined;
}
/** The ARN of a target group named in the scenario: the service's own when it is that one, else a stable made-up one. */
function targetGroupArn(world, name, like) {
    if (like && targetGroupName(like) === name)
        return like;
    return world.arn('elasticloadbalancing', `targetgroup/${name}/${syntheticDigest(name).slice(7, 23)}`);
}
function application(state, name) {
    if (typeof name !== 'string' || name === '') {
        throw new AwsError('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
    }
    const app = state.applications.get(name);
    if (!app)
        throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
    return app;
}
function group(state, applicationName, groupName) {
    const app = application(state, applicationName);
    if (typeof groupName !== 'string' || groupName === '') {
        throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    }
    const found = state.groups.get(groupKey(app.applicationName, groupName));
    if (!found) {
        throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${groupName}`);
    }
    return found;
}
function deployment(state, id) {
    if (typeof id !== 'string' || id === '') {
        throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    }
    if (!/^d-[A-Z0-9]{9}$/.test(id)) {
        throw new AwsError('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${id}`);
    }
    const found = state.deployments.get(id);
    if (!found)
        throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return found;
}
function serviceOf(world, g) {
    const service = world.clusters.get(g.clusterName)?.services.get(g.serviceName);
    if (!service || service.status !== 'ACTIVE') {
        throw new AwsError('InvalidECSServiceException', `The ECS service ${g.clusterName}/${g.serviceName} is not active.`);
    }
    return service;
}
/** `d-` and nine upper-case letters and digits, as CodeDeploy makes them. */
function newDeploymentId(world, state) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (;;) {
        let id = 'd-';
        for (let i = 0; i < 9; i++)
            id += alphabet[Math.floor(world.rand() * alphabet.length)];
        if (!state.deployments.has(id))
            return id;
    }
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/groups.ts




function listApplications(ctx, input) {
    const names = [...ctx.state.applications.keys()].sort();
    const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 });
    return { applications: items, nextToken };
}
function listDeploymentGroups(ctx, input) {
    const app = application(ctx.state, input.applicationName);
    const names = [...ctx.state.groups.values()]
        .filter((g) => g.applicationName === app.applicationName)
        .map((g) => g.deploymentGroupName)
        .sort();
    const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 });
    return { applicationName: app.applicationName, deploymentGroups: items, nextToken };
}
/** Groups that do not exist are named in `errorMessage`, not raised (wording unverified). */
function batchGetDeploymentGroups(ctx, input) {
    const app = application(ctx.state, input.applicationName);
    const names = input.deploymentGroupNames ?? [];
    if (names.length === 0) {
        throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    }
    if (names.length > 100) {
        throw new AwsError('BatchLimitExceededException', 'The maximum number of names or IDs allowed is 100.');
    }
    const found = names.map((name) => ctx.state.groups.get(groupKey(app.applicationName, name)));
    const missing = names.filter((_, index) => !found[index]);
    return withoutUndefined({
        deploymentGroupsInfo: found.filter((g) => g !== undefined).map((g) => renderGroup(ctx, g)),
        errorMessage: missing.length > 0 ? `Deployment groups not found: ${missing.join(', ')}` : undefined,
    });
}
function renderGroup(ctx, g) {
    const service = serviceOf(ctx.world, g);
    const attempt = (id) => {
        const d = id ? ctx.state.deployments.get(id) : undefined;
        return d && { deploymentId: d.deploymentId, status: d.status, endTime: d.completeTime, createTime: d.createTime };
    };
    return withoutUndefined({
        applicationName: g.applicationName,
        deploymentGroupId: g.deploymentGroupId,
        deploymentGroupName: g.deploymentGroupName,
        deploymentConfigName: g.deploymentConfigName,
        serviceRoleArn: `arn:aws:iam::${ctx.world.account}:role/ecsCodeDeployRole`,
        computePlatform: 'ECS',
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        ecsServices: [{ serviceName: service.name, clusterName: service.clusterName }],
        loadBalancerInfo: {
            targetGroupPairInfoList: [
                withoutUndefined({
                    targetGroups: g.targetGroups.map((name) => ({ name })),
                    prodTrafficRoute: { listenerArns: [g.prodListenerArn] },
                    testTrafficRoute: g.testListenerArn ? { listenerArns: [g.testListenerArn] } : undefined,
                }),
            ],
        },
        blueGreenDeploymentConfiguration: {
            terminateBlueInstancesOnDeploymentSuccess: {
                action: 'TERMINATE',
                terminationWaitTimeInMinutes: g.terminationWaitMinutes,
            },
            deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
        },
        autoRollbackConfiguration: g.autoRollback
            ? { enabled: true, events: ['DEPLOYMENT_FAILURE'] }
            : { enabled: false, events: [] },
        alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        triggerConfigurations: [],
        lastAttemptedDeployment: attempt(g.lastAttemptedDeploymentId),
        lastSuccessfulDeployment: attempt(g.lastSuccessfulDeploymentId),
        outdatedInstancesStrategy: 'UPDATE',
        terminationHookEnabled: false,
    });
}

;// CONCATENATED MODULE: ./src/sim/ecs/circuit-breaker.ts
/**
 * The circuit breaker's failure threshold (aws-facts.md §3), the emulator's one rule, rounded as berth's own judgement
 * rounds it: COUNT is its value (at least 1); UNBOUNDED_PERCENT is ceil(value% × desiredCount) (at least 1);
 * BOUNDED_PERCENT, the default (50), is min(200, max(3, ceil(value% × desiredCount))). A COUNT without a value falls
 * back to the default. The percentage is computed as value × desiredCount / 100, so 7% of 100 is exactly 7.
 */
function circuitBreakerThreshold(config, desiredCount) {
    const threshold = config.deploymentCircuitBreaker?.thresholdConfiguration;
    if (threshold?.type === 'COUNT' && threshold.value !== undefined)
        return Math.max(1, threshold.value);
    const share = Math.ceil(((threshold?.value ?? 50) * desiredCount) / 100);
    if (threshold?.type === 'UNBOUNDED_PERCENT')
        return Math.max(1, share);
    return Math.min(200, Math.max(3, share));
}

;// CONCATENATED MODULE: ./src/sim/ecs/service-deployments.ts



// The service deployments ECS keeps for every deployment of an ECS-controller service (aws-facts-ecs-native.md §4):
// opened when a deployment starts, closed with its outcome, and rendered for ListServiceDeployments,
// DescribeServiceDeployments, DescribeServiceRevisions and DescribeServices.
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** `…:service-revision/<cluster>/<service>/<19 digits>`: the digits of the deployment's `ecs-svc/` id. */
function revisionArn(world, service, deploymentId) {
    const digits = deploymentId.replace(/^ecs-svc\//, '');
    return world.arn('ecs', `service-revision/${service.clusterName}/${service.name}/${digits}`);
}
/** Letters, digits, `_` and `-`, as ECS's service-deployment ids and hook ids use. */
function randomId(world, length) {
    let id = '';
    for (let i = 0; i < length; i++)
        id += ID_CHARS[Math.floor(world.rand() * ID_CHARS.length)];
    return id;
}
/** Runs `fn` after `ms` unless the service deployment ends first (its timers are cancelled then). */
function laterFor(world, sd, ms, fn) {
    const timer = world.clock.after(ms, () => {
        sd.timers = sd.timers.filter((t) => t !== timer);
        fn();
    });
    sd.timers.push(timer);
}
const TERMINAL = new Set([
    'SUCCESSFUL',
    'STOPPED',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
]);
function isTerminal(sd) {
    return TERMINAL.has(sd.status);
}
/** The service deployment still moving, if any (at most one: a new one stops the one before). */
function activeServiceDeployment(service) {
    return service.serviceDeployments.find((sd) => !isTerminal(sd) && sd.status !== 'STOP_REQUESTED');
}
/**
 * Opens the service deployment of `target`, from the deployments that still run tasks (`sources`). The one still
 * moving is stopped first (STOP_REQUESTED, then STOPPED a moment later), as an UpdateService during a deployment does.
 */
function openServiceDeployment(world, service, target, sources) {
    const running = activeServiceDeployment(service);
    if (running)
        requestStop(world, running);
    const now = world.clock.now();
    const id = randomId(world, 21);
    const config = structuredClone(service.deploymentConfiguration);
    const sd = {
        arn: world.arn('ecs', `service-deployment/${service.clusterName}/${service.name}/${id}`),
        serviceArn: service.arn,
        clusterArn: world.clusterArn(service.clusterName),
        createdAt: now,
        startedAt: now,
        updatedAt: now,
        status: 'IN_PROGRESS',
        target,
        sources,
        productionWeight: 0,
        testWeight: 0,
        hooks: [],
        deploymentConfiguration: config,
        breakerStatus: config.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED',
        timers: [],
    };
    service.serviceDeployments.push(sd);
    return sd;
}
/** A deployment stopped by a newer one (or failed without rollback): STOP_REQUESTED now, STOPPED a moment later. */
function requestStop(world, sd, reason) {
    cancelTimers(sd);
    setStatus(world, sd, 'STOP_REQUESTED', reason);
    world.clock.after(1000, () => finish(world, sd, 'STOPPED'));
}
/** Moves a service deployment to `status` now; terminal ones get their finish time. */
function setStatus(world, sd, status, reason) {
    sd.status = status;
    if (reason !== undefined)
        sd.statusReason = reason;
    sd.updatedAt = world.clock.now();
}
function finish(world, sd, status, reason) {
    cancelTimers(sd);
    setStatus(world, sd, status, reason);
    if (status === 'STOPPED')
        sd.stoppedAt = sd.updatedAt;
    else
        sd.finishedAt = sd.updatedAt;
    if (sd.breakerStatus === 'MONITORING')
        sd.breakerStatus = 'MONITORING_COMPLETE';
}
function cancelTimers(sd) {
    for (const timer of sd.timers)
        timer.cancel();
    sd.timers = [];
}
/** The service deployment whose target is `deployment`. */
function serviceDeploymentOf(service, deployment) {
    return [...service.serviceDeployments].reverse().find((sd) => sd.target === deployment);
}
/** A rolling deployment reached COMPLETED: its own service deployment succeeded, or a rollback to it did. */
function rolloutCompleted(world, service, deployment) {
    for (const sd of service.serviceDeployments) {
        if (sd.target === deployment && sd.status === 'IN_PROGRESS')
            finish(world, sd, 'SUCCESSFUL');
        const rollingBack = sd.status === 'ROLLBACK_IN_PROGRESS' || sd.status === 'ROLLBACK_REQUESTED';
        if (sd.rollbackTo === deployment && rollingBack)
            finish(world, sd, 'ROLLBACK_SUCCESSFUL');
    }
}
/** The circuit breaker failed a rolling deployment: rolled back to `to`, or stopped where it is. */
function rolloutFailed(world, service, deployment, to, reason) {
    const sd = serviceDeploymentOf(service, deployment);
    if (!sd || isTerminal(sd))
        return;
    sd.breakerStatus = 'TRIGGERED';
    if (!to)
        return requestStop(world, sd, reason);
    startRollback(world, sd, to, reason, 'ROLLBACK_IN_PROGRESS');
}
function startRollback(world, sd, to, reason, status) {
    sd.rollbackTo = to;
    sd.rollback = { reason, startedAt: world.clock.now(), serviceRevisionArn: to.revisionArn };
    setStatus(world, sd, status, reason);
}
/** One revision of a service deployment: its task counts and, during a native deployment, its traffic share. */
function revisionSummary(world, service, sd, d) {
    const tasks = world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING');
    const weights = sd?.lifecycleStage === undefined ? {} : trafficWeights(sd, d === sd.target);
    return {
        arn: d.revisionArn,
        requestedTaskCount: d.desiredCount,
        runningTaskCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
        pendingTaskCount: tasks.filter((t) => t.lastStatus !== 'RUNNING').length,
        ...weights,
    };
}
function trafficWeights(sd, green) {
    return {
        requestedProductionTrafficWeight: green ? sd.productionWeight : 100 - sd.productionWeight,
        requestedTestTrafficWeight: green ? sd.testWeight : 100 - sd.testWeight,
    };
}
function renderServiceDeployment(world, service, sd) {
    const config = sd.deploymentConfiguration;
    return withoutUndefined({
        serviceDeploymentArn: sd.arn,
        serviceArn: sd.serviceArn,
        clusterArn: sd.clusterArn,
        createdAt: optionalSeconds(sd.createdAt),
        startedAt: optionalSeconds(sd.startedAt),
        finishedAt: optionalSeconds(sd.finishedAt),
        stoppedAt: optionalSeconds(sd.stoppedAt),
        updatedAt: optionalSeconds(sd.updatedAt),
        sourceServiceRevisions: sd.sources.map((d) => revisionSummary(world, service, sd, d)),
        targetServiceRevision: revisionSummary(world, service, sd, sd.target),
        status: sd.status,
        statusReason: sd.statusReason,
        lifecycleStage: sd.lifecycleStage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' ? 'PRODUCTION_TRAFFIC_SHIFT' : sd.lifecycleStage,
        lifecycleHookDetails: sd.hooks.length > 0
            ? sd.hooks.map((h) => withoutUndefined({
                hookId: h.hookId,
                targetType: h.targetType,
                targetArn: h.targetArn,
                status: h.status,
                expiresAt: optionalSeconds(h.expiresAt),
                timeoutAction: h.timeoutAction,
            }))
            : undefined,
        deploymentConfiguration: config,
        rollback: sd.rollback && { ...sd.rollback, startedAt: optionalSeconds(sd.rollback.startedAt) },
        deploymentCircuitBreaker: {
            status: sd.breakerStatus,
            failureCount: sd.target.failedTasks,
            threshold: circuitBreakerThreshold(config, service.desiredCount),
        },
        alarms: { status: 'DISABLED' },
    });
}
/** A service revision: what one deployment runs, with the target groups it serves from. */
function renderServiceRevision(world, service, d) {
    const loadBalancers = d.loadBalancers ?? service.loadBalancers;
    return withoutUndefined({
        serviceRevisionArn: d.revisionArn,
        serviceArn: service.arn,
        clusterArn: world.clusterArn(service.clusterName),
        taskDefinition: d.taskDefinitionArn,
        launchType: d.launchType,
        platformVersion: d.platformVersion,
        platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
        loadBalancers: service.loadBalancers,
        serviceRegistries: [],
        networkConfiguration: d.networkConfiguration,
        containerImages: [],
        guardDutyEnabled: false,
        createdAt: d.createdAt,
        resolvedConfiguration: {
            loadBalancers: loadBalancers.map((lb) => withoutUndefined({
                targetGroupArn: lb.targetGroupArn,
                productionListenerRule: lb.advancedConfiguration?.productionListenerRule,
            })),
        },
    });
}

;// CONCATENATED MODULE: ./src/sim/ecs/native-hooks.ts

/** How long an emulated function takes to answer when the scenario does not say. */
const DEFAULT_ANSWER_SECONDS = 2;
const DEFAULT_CALLBACK_SECONDS = 30;
const DEFAULT_TIMEOUT_MINUTES = 1440;
class HookRunner {
    world;
    outcome;
    current = new Map();
    constructor(world, outcome) {
        this.world = world;
        this.outcome = outcome;
    }
    /** Runs the hooks bound to `stage` (Lambda ones only during a rollback); with none, the stage passes at once. */
    run(service, sd, stage, weights, rollback) {
        const hooks = (sd.deploymentConfiguration.lifecycleHooks ?? []).filter((hook) => hook.lifecycleStages?.includes(stage) &&
            (!rollback || targetType(hook) === 'AWS_LAMBDA'));
        if (hooks.length === 0)
            return this.outcome.succeeded(service, sd);
        const runs = hooks.map((hook) => this.open(sd, hook, stage));
        this.current.set(sd, { stage, runs });
        hooks.forEach((hook, i) => {
            const run = runs[i];
            laterFor(this.world, sd, run.expiresAt - this.world.clock.now(), () => this.timeOut(service, sd, run));
            if (run.targetType === 'AWS_LAMBDA')
                this.invoke(service, sd, run, hook, weights);
        });
    }
    /** A PAUSE hook was told to go on. */
    answerPause(service, sd, run) {
        run.status = 'SUCCEEDED';
        this.checkStage(service, sd);
    }
    /** The deployment is rolling back or stopped: the hooks still waiting will not be answered. */
    abandon(sd) {
        for (const run of this.current.get(sd)?.runs ?? []) {
            if (run.status === 'IN_PROGRESS' || run.status === 'AWAITING_ACTION')
                run.status = 'FAILED';
        }
        this.current.delete(sd);
    }
    open(sd, hook, stage) {
        const type = targetType(hook);
        const minutes = hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES;
        const run = {
            hookId: `ecs-${type === 'PAUSE' ? 'pause' : 'lambda'}-${randomId(this.world, 43)}`,
            targetType: type,
            targetArn: type === 'PAUSE' ? undefined : hook.hookTargetArn,
            stage,
            status: type === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS',
            expiresAt: this.world.clock.now() + minutes * 60_000,
            timeoutAction: hook.timeoutConfiguration?.action ?? 'ROLLBACK',
            hookDetails: hook.hookDetails,
            invocations: 0,
        };
        sd.hooks.push(run);
        sd.updatedAt = this.world.clock.now();
        return run;
    }
    /** Invokes the function with ECS's event; the scenario's `lambdas` entry decides the answer. */
    invoke(service, sd, run, hook, weights) {
        if (run.status !== 'IN_PROGRESS')
            return;
        run.invocations++;
        const name = native_hooks_functionName(hook.hookTargetArn ?? '');
        this.world.invocations.push({
            at: this.world.nowSeconds(),
            function: name,
            payload: {
                executionId: this.world.uuid(),
                lifecycleStage: run.stage,
                resourceArn: sd.arn,
                executionDetails: {
                    serviceArn: service.arn,
                    targetServiceRevisionArn: sd.target.revisionArn,
                    testTrafficWeights: weights.test,
                    productionTrafficWeights: weights.production,
                },
                ...(run.hookDetails !== undefined ? { hookDetails: run.hookDetails } : {}),
            },
        });
        const spec = this.world.scenario.lambdas[name];
        const failedBecause = `Service deployment rolled back because ${run.stage} lifecycle hook(s) failed.`;
        if (!spec) {
            const arn = this.world.arn('lambda', `function:${name}`);
            return laterFor(this.world, sd, 1000, () => this.fail(service, sd, run, `${failedBecause} ECS was unable to invoke ${name}: Function not found: ${arn}`));
        }
        laterFor(this.world, sd, (spec.afterSeconds ?? DEFAULT_ANSWER_SECONDS) * 1000, () => {
            if (run.status !== 'IN_PROGRESS')
                return;
            if (spec.result === 'external' || run.invocations <= (spec.inProgress ?? 0)) {
                run.hookDetails = { ...asObject(run.hookDetails), invocation: run.invocations };
                const delay = (spec.callBackDelay ?? DEFAULT_CALLBACK_SECONDS) * 1000;
                return laterFor(this.world, sd, delay, () => this.invoke(service, sd, run, hook, weights));
            }
            if (spec.result === 'Succeeded') {
                run.status = 'SUCCEEDED';
                return this.checkStage(service, sd);
            }
            this.fail(service, sd, run, `${failedBecause} Lifecycle hook target ${name} returned FAILED status.`);
        });
    }
    timeOut(service, sd, run) {
        if (run.status !== 'IN_PROGRESS' && run.status !== 'AWAITING_ACTION')
            return;
        run.status = 'TIMED_OUT';
        sd.updatedAt = this.world.clock.now();
        if (run.timeoutAction === 'CONTINUE')
            return this.checkStage(service, sd);
        const kind = run.targetType === 'PAUSE' ? 'pause' : 'lambda';
        this.current.delete(sd);
        this.outcome.failed(service, sd, `Service deployment rolled back because ${run.stage} ${kind} hook timed out.`);
    }
    fail(service, sd, run, reason) {
        if (run.status !== 'IN_PROGRESS')
            return;
        run.status = 'FAILED';
        sd.updatedAt = this.world.clock.now();
        this.current.delete(sd);
        this.outcome.failed(service, sd, reason);
    }
    /** The stage passes once every hook of it succeeded or timed out with action CONTINUE. */
    checkStage(service, sd) {
        const stage = this.current.get(sd);
        if (!stage)
            return;
        sd.updatedAt = this.world.clock.now();
        const passed = (run) => run.status === 'SUCCEEDED' || (run.status === 'TIMED_OUT' && run.timeoutAction === 'CONTINUE');
        if (!stage.runs.every(passed))
            return;
        this.current.delete(sd);
        this.outcome.succeeded(service, sd);
    }
}
function targetType(hook) {
    return hook.targetType === 'PAUSE' ? 'PAUSE' : 'AWS_LAMBDA';
}
/** `arn:aws:lambda:…:function:NAME[:qualifier]`, or a bare name. */
function native_hooks_functionName(ref) {
    const match = /:function:([^:]+)/.exec(ref);
    return match ? match[1] : ref;
}
function asObject(value) {
    return value !== null && typeof value === 'object' ? value : {};
}

;// CONCATENATED MODULE: ./src/sim/ecs/native.ts


// ECS-native blue/green, linear and canary deployments (aws-facts-ecs-native.md §2-5): green scales up beside blue,
// takes test traffic, then production traffic in one, several or two steps, bakes, and blue is cleaned up. A failure
// before CLEAN_UP flips traffic back to blue, runs the traffic-shift hooks again and removes green.
const NATIVE_STRATEGIES = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
/** How long ECS takes over one stage's own work (a listener change, a scale request), in emulated ms. */
const STAGE_MS = 5_000;
const native_MINUTE_MS = 60_000;
function isNativeService(service) {
    return service.controller === 'ECS' && NATIVE_STRATEGIES.has(service.deploymentConfiguration.strategy ?? 'ROLLING');
}
/** The production weights green is given, in order: 100; step, 2·step … 100; canary % then 100. */
function productionSteps(config) {
    if (config.strategy === 'LINEAR') {
        const step = config.linearConfiguration?.stepPercent ?? 10;
        const bakeMs = (config.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * native_MINUTE_MS;
        const steps = [];
        for (let weight = step; weight < 100 - 1e-9; weight += step)
            steps.push({ weight: round(weight), bakeMs });
        return [...steps, { weight: 100, bakeMs: 0 }];
    }
    if (config.strategy === 'CANARY') {
        const canary = config.canaryConfiguration?.canaryPercent ?? 5;
        const bakeMs = (config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * native_MINUTE_MS;
        return canary >= 100
            ? [{ weight: 100, bakeMs: 0 }]
            : [
                { weight: canary, bakeMs },
                { weight: 100, bakeMs: 0 },
            ];
    }
    return [{ weight: 100, bakeMs: 0 }];
}
function round(weight) {
    return Math.round(weight * 10) / 10;
}
function plan(config, reconcile) {
    const shifts = productionSteps(config).flatMap(({ weight, bakeMs }) => [
        { stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
        { stage: 'PRODUCTION_TRAFFIC_SHIFT', production: weight, bakeMs },
    ]);
    return [
        ...(reconcile ? [{ stage: 'RECONCILE_SERVICE' }] : []),
        { stage: 'PRE_SCALE_UP' },
        { stage: 'SCALE_UP' },
        { stage: 'POST_SCALE_UP' },
        { stage: 'TEST_TRAFFIC_SHIFT', test: 100 },
        { stage: 'POST_TEST_TRAFFIC_SHIFT' },
        ...shifts,
        { stage: 'POST_PRODUCTION_TRAFFIC_SHIFT' },
        { stage: 'BAKE_TIME', bakeMs: (config.bakeTimeInMinutes ?? 0) * native_MINUTE_MS },
        { stage: 'CLEAN_UP' },
    ];
}
/** The rollback's plan: traffic back to blue (the traffic-shift hooks run again), then green removed. */
function rollbackPlan(sd) {
    const moved = sd.productionWeight > 0 || sd.testWeight > 0;
    return [
        ...(moved
            ? [{ stage: 'TEST_TRAFFIC_SHIFT', test: 0 }, { stage: 'PRODUCTION_TRAFFIC_SHIFT', production: 0 }]
            : []),
        { stage: 'RESTORE' },
    ];
}
/** Drives every ECS-native deployment of the world; the service scheduler tells it when tasks moved. */
class NativeDeployments {
    world;
    schedule;
    progress = new Map();
    hooks;
    constructor(world, schedule) {
        this.world = world;
        this.schedule = schedule;
        this.hooks = new HookRunner(world, {
            succeeded: (service, sd) => this.afterHooks(service, sd),
            failed: (service, sd, reason) => this.fail(service, sd, reason),
        });
    }
    /** Starts the service deployment of `green`; the deployments still running tasks are its sources. */
    start(service, green) {
        const others = service.deployments.filter((d) => d !== green);
        const previous = activeServiceDeployment(service);
        const blue = previous ? servingProduction(previous) : others[0];
        const sources = blue ? [blue, ...others.filter((d) => d !== blue)] : [];
        green.desiredCount = 0;
        green.loadBalancers = alternateTargetGroups(service, blue);
        if (previous)
            this.progress.delete(previous);
        for (const ended of this.progress.keys())
            if (isTerminal(ended))
                this.progress.delete(ended);
        const sd = openServiceDeployment(this.world, service, green, sources);
        this.progress.set(sd, { steps: plan(sd.deploymentConfiguration, sources.length > 1), index: -1, waiting: 'stage' });
        this.next(service, sd);
    }
    /** The native deployment whose stages decide `deployment`'s task count, while it runs. */
    owner(service, deployment) {
        const sd = activeServiceDeployment(service);
        if (!sd || !this.progress.has(sd))
            return undefined;
        return deployment === undefined || sd.target === deployment || sd.sources.includes(deployment) ? sd : undefined;
    }
    /** The rolling scheduler must not call the deployment complete: blue is still up until CLEAN_UP ends. */
    holdsCompletion(service) {
        const sd = this.owner(service);
        return sd !== undefined && this.stepOf(sd)?.stage !== 'CLEAN_UP';
    }
    /** The scheduler reconciled the service: green may be up (SCALE_UP), blue or green drained (CLEAN_UP, rollback). */
    reconciled(service) {
        const sd = this.owner(service);
        const progress = sd && this.progress.get(sd);
        if (!sd || !progress)
            return;
        if (progress.waiting === 'scale' && this.greenReady(service, sd)) {
            progress.waiting = 'stage';
            this.afterHooks(service, sd);
        }
        if (progress.waiting === 'drain' && this.rollingBack(sd) && !this.hasTasks(service, sd.target)) {
            this.progress.delete(sd);
            finish(this.world, sd, 'ROLLBACK_SUCCESSFUL');
        }
    }
    /** The circuit breaker tripped on green: rolled back (with rollback: true), or stopped where it is. */
    breakerTripped(service, sd) {
        sd.breakerStatus = 'TRIGGERED';
        const reason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.';
        if (sd.deploymentConfiguration.deploymentCircuitBreaker?.rollback)
            return this.fail(service, sd, reason);
        this.progress.delete(sd);
        sd.target.rolloutState = 'FAILED';
        requestStop(this.world, sd, 'Service deployment failed because the circuit breaker threshold was exceeded.');
    }
    /** StopServiceDeployment with ROLLBACK, or a PAUSE hook answered ROLLBACK: a rollback someone asked for. */
    requestRollback(service, sd, reason) {
        this.fail(service, sd, reason, 'ROLLBACK_REQUESTED');
    }
    /** ContinueServiceDeployment: the PAUSE hook's answer. */
    continueHook(service, sd, hookId, action) {
        const run = sd.hooks.find((h) => h.hookId === hookId);
        if (!run)
            return;
        if (action === 'ROLLBACK') {
            run.status = 'FAILED';
            return this.requestRollback(service, sd, `Service deployment rolled back because ROLLBACK was requested for ${run.stage} pause hook.`);
        }
        this.hooks.answerPause(service, sd, run);
    }
    stepOf(sd) {
        const progress = this.progress.get(sd);
        return progress ? progress.steps[progress.index] : undefined;
    }
    rollingBack(sd) {
        return sd.rollbackTo !== undefined;
    }
    /** Enters the next step: its stage and traffic now, its own work after STAGE_MS, then its hooks. */
    next(service, sd) {
        const progress = this.progress.get(sd);
        if (!progress || isTerminal(sd))
            return;
        progress.index++;
        const step = progress.steps[progress.index];
        if (!step)
            return;
        progress.waiting = 'stage';
        if (step.stage === 'RESTORE')
            return this.restore(service, sd);
        sd.lifecycleStage = step.stage;
        sd.updatedAt = this.world.clock.now();
        this.later(sd, STAGE_MS, () => this.enter(service, sd, step));
    }
    enter(service, sd, step) {
        const progress = this.progress.get(sd);
        if (!progress)
            return;
        if (step.production !== undefined)
            sd.productionWeight = step.production;
        if (step.test !== undefined)
            sd.testWeight = step.test;
        switch (step.stage) {
            case 'RECONCILE_SERVICE':
                for (const d of sd.sources.slice(1))
                    d.desiredCount = 0;
                this.schedule(service);
                break;
            case 'SCALE_UP':
                sd.target.desiredCount = service.desiredCount;
                progress.waiting = 'scale';
                this.schedule(service);
                return;
            case 'CLEAN_UP':
                return this.cleanUp(service, sd);
        }
        progress.waiting = 'hooks';
        this.hooks.run(service, sd, step.stage, this.weightsFor(sd, step), this.rollingBack(sd));
    }
    /** The hooks of a stage are done: bake, then the next step. */
    afterHooks(service, sd) {
        const progress = this.progress.get(sd);
        const step = this.stepOf(sd);
        if (!progress || !step)
            return;
        if (step.bakeMs) {
            progress.waiting = 'bake';
            this.later(sd, step.bakeMs, () => this.next(service, sd));
        }
        else
            this.next(service, sd);
    }
    /** The traffic weights the hooks of a step see (aws-facts-ecs-native.md §3). */
    weightsFor(sd, step) {
        const green = sd.target.revisionArn;
        const blue = sd.sources[0]?.revisionArn;
        const split = (greenShare) => blue ? { [green]: greenShare, [blue]: 100 - greenShare } : { [green]: greenShare };
        if (step.stage === 'TEST_TRAFFIC_SHIFT')
            return { test: split(sd.testWeight), production: {} };
        if (step.stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' || step.stage === 'PRODUCTION_TRAFFIC_SHIFT')
            return { test: {}, production: split(sd.productionWeight) };
        return { test: {}, production: {} };
    }
    cleanUp(service, sd) {
        for (const d of sd.sources)
            d.desiredCount = 0;
        // The scheduler completes green once blue has drained (holdsCompletion lets go now): SUCCESSFUL then.
        const progress = this.progress.get(sd);
        if (progress)
            progress.waiting = 'drain';
        this.schedule(service);
    }
    /** A failure before CLEAN_UP: roll back (ECS-native deployments always can while blue is up). */
    fail(service, sd, reason, status = 'ROLLBACK_IN_PROGRESS') {
        if (isTerminal(sd))
            return;
        if (this.rollingBack(sd)) {
            this.progress.delete(sd);
            return finish(this.world, sd, 'ROLLBACK_FAILED', reason);
        }
        cancelTimers(sd);
        this.hooks.abandon(sd);
        const blue = sd.sources[0];
        this.world.addEvent(service, `(service ${service.name}) (deployment ${sd.target.id}) deployment failed: ${reason}`);
        sd.target.rolloutState = 'FAILED';
        sd.target.rolloutStateReason = reason;
        if (!blue) {
            this.progress.delete(sd);
            return finish(this.world, sd, 'ROLLBACK_FAILED', 'No rollback candidate was found to run the rollback.');
        }
        startRollback(this.world, sd, blue, reason, status);
        if (status === 'ROLLBACK_REQUESTED')
            this.later(sd, 1000, () => setStatus(this.world, sd, 'ROLLBACK_IN_PROGRESS'));
        this.progress.set(sd, { steps: rollbackPlan(sd), index: -1, waiting: 'stage' });
        this.next(service, sd);
    }
    /** Blue is PRIMARY again with all traffic; green drains away. */
    restore(service, sd) {
        const blue = sd.rollbackTo;
        const progress = this.progress.get(sd);
        if (!blue || !progress)
            return;
        sd.productionWeight = 0;
        sd.testWeight = 0;
        sd.target.status = 'ACTIVE';
        sd.target.desiredCount = 0;
        blue.status = 'PRIMARY';
        blue.desiredCount = service.desiredCount;
        service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)];
        service.taskDefinitionArn = blue.taskDefinitionArn;
        this.world.addEvent(service, `(service ${service.name}) rolling back to deployment ${blue.id}.`);
        progress.waiting = 'drain';
        this.schedule(service);
    }
    greenReady(service, sd) {
        const tasks = this.world
            .serviceTasks(service)
            .filter((t) => t.deploymentId === sd.target.id && t.desiredStatus === 'RUNNING');
        return tasks.length === sd.target.desiredCount && tasks.every((t) => t.lastStatus === 'RUNNING' && t.proven);
    }
    hasTasks(service, d) {
        return this.world.serviceTasks(service).some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED');
    }
    later(sd, ms, fn) {
        laterFor(this.world, sd, ms, fn);
    }
}
/** The revision production traffic is on: green once it has the larger share, blue before. */
function servingProduction(sd) {
    if (sd.productionWeight >= 50 || !sd.sources[0])
        return sd.target;
    return sd.sources[0];
}
/** Green registers in the target groups blue does not use: the two of each load balancer alternate. */
function alternateTargetGroups(service, blue) {
    const blueGroups = new Set((blue?.loadBalancers ?? service.loadBalancers).map((lb) => lb.targetGroupArn));
    return service.loadBalancers.map((lb) => {
        const alternate = lb.advancedConfiguration?.alternateTargetGroupArn;
        if (!alternate)
            return lb;
        return { ...lb, targetGroupArn: blueGroups.has(lb.targetGroupArn) ? alternate : lb.targetGroupArn };
    });
}

;// CONCATENATED MODULE: ./src/sim/ecs/task-stop.ts
const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000;
/**
 * Stops a task: desiredStatus STOPPED now; a load-balanced task is deregistered and drains for the target group's
 * deregistration delay (DEACTIVATING), then STOPPING, then STOPPED after stopSeconds.
 */
function stopTask(world, task, options) {
    if (task.desiredStatus === 'STOPPED')
        return;
    const now = world.clock.now();
    task_stop_cancelTimers(task);
    task.desiredStatus = 'STOPPED';
    task.stopCode = options.stopCode;
    task.stoppedReason = options.reason;
    task.stoppingAt = now;
    task.executionStoppedAt = options.executionStoppedAt;
    task.inService = false;
    task.version++;
    const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
    const wasRunning = task.lastStatus === 'RUNNING';
    const draining = wasRunning && task.targets.length > 0;
    if (draining && service) {
        const deployment = task.deploymentId ?? '';
        world.batchEvent(service, `drain|${deployment}`, task.id, (ids) => `(service ${service.name}, taskSet ${deployment}) has begun draining connections on ${ids.length} tasks.`);
        for (const target of task.targets) {
            world.batchEvent(service, `deregistered|${target.targetGroupArn}`, task.id, (ids) => `(service ${service.name}) deregistered ${ids.length} targets in (target-group ${target.targetGroupArn})`);
        }
    }
    if (!wasRunning) {
        task.lastStatus = 'STOPPED';
        task.executionStoppedAt ??= now;
        task.stoppedAt = now;
        for (const c of task.containers)
            c.lastStatus = 'STOPPED';
        if (options.announce && service)
            announceStopped(world, task);
        finishStop(world, task);
        return;
    }
    task.lastStatus = draining ? 'DEACTIVATING' : 'STOPPING';
    const drainMs = draining ? world.timing.deregistrationDelaySeconds * 1000 : 0;
    const stopping = () => {
        task.lastStatus = 'STOPPING';
        task.version++;
        if (options.announce && service)
            announceStopped(world, task);
        world.clock.after(world.timing.stopSeconds * 1000, () => {
            const at = world.clock.now();
            task.lastStatus = 'STOPPED';
            task.executionStoppedAt ??= at;
            task.stoppedAt = at;
            task.version++;
            for (const c of task.containers) {
                if (c.lastStatus !== 'STOPPED') {
                    c.lastStatus = 'STOPPED';
                    c.exitCode = 0;
                }
            }
            finishStop(world, task);
        });
    };
    if (drainMs > 0)
        world.clock.after(drainMs, stopping);
    else
        stopping();
}
function announceStopped(world, task) {
    const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
    if (!service)
        return;
    world.batchEvent(service, 'stopped', task.id, (ids) => `(service ${service.name}) has stopped ${ids.length} running tasks: ${ids.map((i) => `(task ${i})`).join(' ')}.`);
}
function finishStop(world, task) {
    world.taskListener?.onStopped(task);
    world.clock.after(STOPPED_TASK_RETENTION_MS, () => world.tasks.delete(task.arn));
}
function task_stop_cancelTimers(task) {
    for (const timer of task.timers)
        timer.cancel();
    task.timers = [];
}

;// CONCATENATED MODULE: ./src/sim/ecs/task-lifecycle.ts

const PROVISION_MS = 1000;
const PULL_FAILURE_MS = 3000;
const HEALTHY = { kind: 'healthy', startSeconds: 10, afterSeconds: 0, exitCode: 0, logs: [] };
/**
 * Starts a task: PROVISIONING now, PENDING after a second, then what its images decide (sim-scenario.md "Image
 * behaviours"): RUNNING after startSeconds, a verdict of its health checks, a crash, an OOM kill, or a failure to start.
 */
function launchTask(world, spec) {
    const now = world.clock.now();
    const id = world.hex(32);
    const td = spec.taskDefinition;
    const task = {
        id,
        arn: world.arn('ecs', `task/${spec.clusterName}/${id}`),
        clusterName: spec.clusterName,
        serviceName: spec.serviceName,
        deploymentId: spec.deploymentId,
        group: spec.group,
        startedBy: spec.startedBy,
        taskDefinitionArn: td.taskDefinitionArn,
        family: td.family,
        lastStatus: 'PROVISIONING',
        desiredStatus: 'RUNNING',
        healthStatus: 'UNKNOWN',
        createdAt: now,
        containers: (td.containerDefinitions ?? []).map((c) => containerState(world, id, c, commandOf(c, spec.overrides))),
        launchType: spec.launchType,
        platformVersion: spec.launchType === 'FARGATE' ? (spec.platformVersion ?? '1.4.0') : undefined,
        cpu: td.cpu,
        memory: td.memory,
        overrides: spec.overrides ?? { containerOverrides: [], inferenceAcceleratorOverrides: [] },
        version: 1,
        availabilityZone: `${world.region}${'abc'[Math.floor(world.rand() * 3)]}`,
        privateIp: `10.0.${Math.floor(world.rand() * 256)}.${1 + Math.floor(world.rand() * 254)}`,
        targets: (spec.loadBalancers ?? []).filter((lb) => td.containerDefinitions?.some((c) => c.name === lb.containerName)),
        inService: false,
        proven: false,
        timers: [],
    };
    world.tasks.set(task.arn, task);
    if (spec.tags?.length)
        world.resourceTags.set(task.arn, [...spec.tags]);
    if (spec.warm && task.containers.every((c) => c.behavior?.kind === 'healthy'))
        startWarm(world, task);
    else
        later(world, task, PROVISION_MS, () => becomePending(world, task, spec));
    return task;
}
function startWarm(world, task) {
    const now = world.clock.now();
    const startMs = Math.max(...task.containers.map((c) => (c.behavior ?? HEALTHY).startSeconds * 1000));
    const verdictMs = world.timing.healthCheckSeconds * 1000;
    task.createdAt = now - startMs - verdictMs;
    task.connectivityAt = task.createdAt + PROVISION_MS;
    task.pullStartedAt = task.connectivityAt;
    task.startedAt = now - verdictMs;
    task.pullStoppedAt = task.startedAt - 500;
    task.lastStatus = 'RUNNING';
    task.inService = true;
    task.proven = true;
    for (const c of task.containers) {
        c.lastStatus = 'RUNNING';
        if (c.hasHealthCheck)
            c.healthStatus = 'HEALTHY';
        writeStartupLogs(world, task, c, task.startedAt);
    }
    task.healthStatus = taskHealth(task);
}
/** The command a container runs: its override's (RunTask containerOverrides), else its definition's. */
function commandOf(def, overrides) {
    return overrides?.containerOverrides?.find((o) => o.name === def.name)?.command ?? def.command;
}
function containerState(world, taskId, def, command) {
    const image = def.image ?? '';
    const resolved = world.behaviorOfImage(image, command);
    const options = def.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined;
    const prefix = options?.['awslogs-stream-prefix'];
    return {
        name: def.name ?? '',
        image,
        imageDigest: resolved.digest,
        runtimeId: `${taskId}-${Math.floor(world.rand() * 1e10)}`,
        essential: def.essential !== false,
        lastStatus: 'PENDING',
        healthStatus: 'UNKNOWN',
        hasHealthCheck: def.healthCheck !== undefined,
        healthCheck: def.healthCheck && {
            intervalSeconds: def.healthCheck.interval ?? 30,
            retries: def.healthCheck.retries ?? 3,
            startPeriodSeconds: def.healthCheck.startPeriod ?? 0,
        },
        behavior: resolved.pullError ? undefined : (resolved.behavior ?? HEALTHY),
        pullError: resolved.pullError,
        cpu: String(def.cpu ?? 0),
        memory: def.memory === undefined ? undefined : String(def.memory),
        memoryReservation: def.memoryReservation === undefined ? undefined : String(def.memoryReservation),
        ports: (def.portMappings ?? []).map((p) => p.containerPort ?? 0).filter((p) => p > 0),
        logGroup: options?.['awslogs-group'],
        logStream: options ? (prefix ? `${prefix}/${def.name}/${taskId}` : taskId) : undefined,
    };
}
function later(world, task, ms, fn) {
    const timer = world.clock.after(ms, () => {
        task.timers = task.timers.filter((t) => t !== timer);
        fn();
    });
    task.timers.push(timer);
}
function becomePending(world, task, spec) {
    if (task.desiredStatus === 'STOPPED')
        return;
    const now = world.clock.now();
    task.lastStatus = 'PENDING';
    task.connectivityAt = now;
    task.pullStartedAt = now;
    const unpullable = task.containers.find((c) => c.pullError);
    if (unpullable) {
        return later(world, task, PULL_FAILURE_MS, () => failToStart(world, task, unpullable.pullError ?? '', (c) => (c === unpullable ? c.pullError : undefined)));
    }
    const secrets = task.containers.find((c) => c.behavior?.kind === 'secrets-error');
    if (secrets) {
        const reason = secretsErrorReason(world, task, spec);
        return later(world, task, PULL_FAILURE_MS, () => failToStart(world, task, reason, () => undefined));
    }
    const startMs = Math.max(...task.containers.map((c) => (c.behavior ?? HEALTHY).startSeconds * 1000), PROVISION_MS + 1);
    later(world, task, startMs - PROVISION_MS, () => becomeRunning(world, task, spec));
}
function secretsErrorReason(world, task, spec) {
    const secret = spec.taskDefinition.containerDefinitions?.flatMap((c) => c.secrets ?? [])[0]?.valueFrom;
    const arn = secret ?? world.arn('secretsmanager', 'secret:app-secret');
    return ('ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ' +
        `unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${arn} ` +
        `from secrets manager: AccessDeniedException: User: ${world.arn('sts', 'assumed-role/ecsTaskExecutionRole/' + task.id).replace(`:${world.region}:`, '::')} ` +
        `is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn}`);
}
function failToStart(world, task, reason, containerReason) {
    if (task.desiredStatus === 'STOPPED')
        return;
    const now = world.clock.now();
    task.desiredStatus = 'STOPPED';
    task.lastStatus = 'STOPPED';
    task.stopCode = 'TaskFailedToStart';
    task.stoppedReason = reason;
    task.stoppingAt = now;
    task.executionStoppedAt = now;
    task.stoppedAt = now;
    task.version++;
    for (const c of task.containers) {
        c.lastStatus = 'STOPPED';
        c.reason = containerReason(c);
    }
    task_stop_cancelTimers(task);
    world.taskListener?.onFailed(task, 'start');
    finishStop(world, task);
}
function becomeRunning(world, task, spec) {
    if (task.desiredStatus === 'STOPPED')
        return;
    const now = world.clock.now();
    task.lastStatus = 'RUNNING';
    task.pullStoppedAt = now - 500;
    task.startedAt = now;
    task.version++;
    for (const c of task.containers)
        c.lastStatus = 'RUNNING';
    for (const c of task.containers) {
        if (c.behavior?.kind === 'exit' && c.behavior.logs.length > 0)
            writeJobLogs(world, task, c, c.behavior);
        else
            writeStartupLogs(world, task, c);
    }
    const exits = task.containers
        .filter((c) => c.behavior?.kind === 'crash' || c.behavior?.kind === 'oom' || c.behavior?.kind === 'exit')
        .map((c) => ({ container: c, ms: (c.behavior?.afterSeconds ?? 0) * 1000 }));
    for (const { container, ms } of exits)
        later(world, task, ms, () => containerExits(world, task, container));
    scheduleHealthVerdict(world, task, (spec.healthCheckGracePeriodSeconds ?? 0) * 1000);
    world.taskListener?.onRunning(task);
}
/**
 * When a RUNNING task counts as healthy (inService, proven: ECS resets the circuit breaker's failedTasks on it and may
 * complete the deployment) or is replaced for failing its health checks (circuit breaker stage 2):
 * - load balancer targets give their verdict after timing.healthCheckSeconds;
 * - container health checks behave as Docker runs them: a probe every `interval` seconds from the start, HEALTHY at
 *   the first passing probe (a pass during startPeriod counts), UNHEALTHY after `retries` consecutive failing probes,
 *   failures during startPeriod not counted. Non-essential containers do not affect the task's health;
 * - the scheduler ignores unhealthy verdicts for the service's healthCheckGracePeriodSeconds after the start;
 * - with neither (no target group, no essential container with a health check), the task is in service for
 *   minimumHealthyPercent as soon as it is RUNNING, but only counts as healthy for the circuit breaker and deployment
 *   completion once it has stayed up max(healthCheckGracePeriodSeconds, timing.settleSeconds) (aws-facts.md §3,
 *   observed behaviour). AWS documents no such wait: the API reference says the grace period "is unused" without
 *   health checks, and containers-roadmap#1206 (2021) only says a task that fails "before reporting a health check"
 *   no longer resets failedTasks. Both the settle time and its interplay with the grace period are unverified.
 */
function scheduleHealthVerdict(world, task, graceMs) {
    const checkedContainers = task.containers.filter((c) => c.healthCheck);
    const lbChecked = task.targets.length > 0;
    const failures = [];
    let passAt = 0;
    if (lbChecked) {
        const verdictMs = world.timing.healthCheckSeconds * 1000;
        passAt = verdictMs;
        const failing = task.containers.find((c) => c.behavior?.kind === 'unhealthy' && task.targets.some((t) => t.containerName === c.name));
        if (failing)
            failures.push({ at: Math.max(verdictMs, graceMs), container: failing, elb: true });
    }
    for (const c of checkedContainers) {
        const timing = containerHealthTiming(c);
        if (c.behavior?.kind === 'unhealthy') {
            later(world, task, timing.unhealthyMs, () => markContainerHealth(task, c, 'UNHEALTHY'));
            if (c.essential)
                failures.push({ at: Math.max(timing.unhealthyMs, graceMs), container: c, elb: false });
        }
        else {
            later(world, task, timing.healthyMs, () => markContainerHealth(task, c, 'HEALTHY'));
            if (c.essential)
                passAt = Math.max(passAt, timing.healthyMs);
        }
    }
    const checked = lbChecked || checkedContainers.some((c) => c.essential);
    task.inService = !checked;
    const first = failures.sort((a, b) => a.at - b.at)[0];
    if (first)
        later(world, task, first.at, () => failHealthChecks(world, task, first.container, first.elb));
    else if (checked)
        later(world, task, passAt, () => passHealthChecks(world, task));
    else
        later(world, task, Math.max(graceMs, world.timing.settleSeconds * 1000), () => passHealthChecks(world, task));
}
/** Docker's health check timeline for a container (probe durations neglected). */
function containerHealthTiming(c) {
    const { intervalSeconds, retries, startPeriodSeconds } = c.healthCheck ?? {
        intervalSeconds: 30,
        retries: 3,
        startPeriodSeconds: 0,
    };
    const firstCounted = Math.max(1, Math.ceil(startPeriodSeconds / intervalSeconds));
    return { healthyMs: intervalSeconds * 1000, unhealthyMs: (firstCounted + retries - 1) * intervalSeconds * 1000 };
}
function markContainerHealth(task, c, status) {
    if (task.desiredStatus === 'STOPPED' || c.healthStatus === status)
        return;
    c.healthStatus = status;
    task.healthStatus = taskHealth(task);
    task.version++;
}
/** The task's healthStatus: from its essential containers' health checks only. */
function taskHealth(task) {
    const essential = task.containers.filter((c) => c.essential && c.healthCheck);
    if (essential.some((c) => c.healthStatus === 'UNHEALTHY'))
        return 'UNHEALTHY';
    if (essential.length > 0 && essential.every((c) => c.healthStatus === 'HEALTHY'))
        return 'HEALTHY';
    return 'UNKNOWN';
}
function passHealthChecks(world, task) {
    if (task.desiredStatus === 'STOPPED')
        return;
    task.inService = true;
    task.proven = true;
    task.version++;
    world.taskListener?.onProven(task);
}
function failHealthChecks(world, task, container, elb) {
    if (task.desiredStatus === 'STOPPED')
        return;
    task.inService = false;
    const target = elb ? task.targets.find((t) => t.containerName === container.name) : undefined;
    if (!elb)
        markContainerHealth(task, container, 'UNHEALTHY');
    const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined;
    if (target && service) {
        world.addEvent(service, `(service ${service.name}) (task ${task.id}) (port ${target.containerPort}) is unhealthy in (target-group ${target.targetGroupArn}) due to (reason Health checks failed with these codes: [503]).`);
    }
    else if (service) {
        world.addEvent(service, `(service ${service.name}) (task ${task.id}) failed container health checks.`);
    }
    task.version++;
    const reason = target
        ? `Task failed ELB health checks in (target-group ${target.targetGroupArn})`
        : 'Task failed container health checks';
    if (service) {
        // The service scheduler replaces the task; it counts as a failure (circuit breaker stage 2).
        stopTask(world, task, { stopCode: 'ServiceSchedulerInitiated', reason, announce: true });
        world.taskListener?.onFailed(task, 'health');
    }
}
function containerExits(world, task, container) {
    if (task.desiredStatus === 'STOPPED' || container.lastStatus === 'STOPPED')
        return;
    const behavior = container.behavior ?? HEALTHY;
    const oom = behavior.kind === 'oom';
    if (behavior.kind !== 'exit' || behavior.logs.length === 0)
        writeExitLogs(world, container, behavior);
    container.lastStatus = 'STOPPED';
    container.exitCode = oom ? 137 : behavior.exitCode;
    if (oom)
        container.reason = 'OutOfMemoryError: Container killed due to memory usage';
    task.version++;
    if (!container.essential)
        return;
    const provenBefore = task.proven;
    stopTask(world, task, {
        stopCode: 'EssentialContainerExited',
        reason: 'Essential container in task exited',
        executionStoppedAt: world.clock.now(),
    });
    world.taskListener?.onFailed(task, provenBefore ? 'exit' : 'start');
}
function writeStartupLogs(world, task, c, at = world.clock.now()) {
    if (!c.logGroup || !c.logStream || !c.behavior)
        return;
    const lines = c.behavior.kind === 'healthy' || c.behavior.kind === 'unhealthy'
        ? c.behavior.logs.length > 0
            ? c.behavior.logs
            : defaultStartupLines(task, c)
        : defaultStartupLines(task, c);
    world.writeLogs(c.logGroup, c.logStream, lines, at);
}
/** A job's output (`exit`): its lines one after another while it runs, the first at the start, all before the exit. */
function writeJobLogs(world, task, c, behavior) {
    const { logGroup, logStream } = c;
    if (!logGroup || !logStream)
        return;
    const stepMs = (behavior.afterSeconds * 1000) / behavior.logs.length;
    behavior.logs.forEach((text, i) => {
        if (i === 0)
            world.writeLogs(logGroup, logStream, [text], world.clock.now());
        else
            later(world, task, Math.floor(i * stepMs), () => world.writeLogs(logGroup, logStream, [text], world.clock.now()));
    });
}
function defaultStartupLines(task, c) {
    const lines = [`Starting ${c.name} (${c.image}) in task ${task.id}`];
    if (c.ports.length > 0)
        lines.push(`Listening on port ${c.ports.join(', ')}`);
    return lines;
}
function writeExitLogs(world, c, behavior) {
    if (!c.logGroup || !c.logStream)
        return;
    const fallback = behavior.kind === 'oom'
        ? ['FATAL: out of memory: allocation failed']
        : [`Process exited with code ${behavior.exitCode}`];
    const lines = behavior.logs.length > 0 ? behavior.logs : fallback;
    world.writeLogs(c.logGroup, c.logStream, lines, world.clock.now() - lines.length);
}

;// CONCATENATED MODULE: ./src/sim/ecs/rolling.ts





/**
 * The ECS service scheduler: keeps each service's tasks where its deployments want them.
 *
 * ECS controller (rolling update, aws-facts.md §3): the PRIMARY deployment grows to desiredCount while older
 * deployments shrink, never above maximumPercent running+pending tasks and never below minimumHealthyPercent tasks in
 * service; the deployment circuit breaker counts failed tasks and fails (and optionally rolls back) the deployment.
 *
 * CODE_DEPLOY / EXTERNAL controllers: each task set simply keeps ceil(scale% × desiredCount) tasks; whoever drives
 * the task sets (the CodeDeploy emulator) creates, scales and removes them with the functions exported here.
 */
class ServiceScheduler {
    world;
    queued = new Set();
    warm = new Set();
    /** ECS-native blue/green, linear and canary deployments: their stages decide how many tasks each revision runs. */
    native;
    constructor(world) {
        this.world = world;
        world.taskListener = this;
        this.native = new NativeDeployments(world, (service) => this.schedule(service));
    }
    /** Reconciles the service on the next turn of the clock (once, however many changes asked for it). */
    schedule(service, delayMs = 0) {
        if (delayMs > 0) {
            this.world.clock.after(delayMs, () => this.schedule(service));
            return;
        }
        if (this.queued.has(service))
            return;
        this.queued.add(service);
        this.world.clock.after(0, () => {
            this.queued.delete(service);
            this.reconcile(service);
        });
    }
    /**
     * Starts a new PRIMARY deployment of `taskDefinitionArn`; the current one (if any) becomes ACTIVE. A service with a
     * BLUE_GREEN, LINEAR or CANARY strategy goes through its native lifecycle, unless `lifecycle` is false (the
     * scenario's services, which start steady).
     */
    startDeployment(service, taskDefinitionArn, lifecycle = true) {
        const now = this.world.nowSeconds();
        const id = this.world.deploymentId();
        const deployment = {
            id,
            status: 'PRIMARY',
            taskDefinitionArn,
            desiredCount: service.desiredCount,
            failedTasks: 0,
            createdAt: now,
            updatedAt: now,
            rolloutState: 'IN_PROGRESS',
            rolloutStateReason: `ECS deployment ${id} in progress.`,
            evaluating: true,
            launchType: service.launchType,
            platformVersion: service.launchType === 'FARGATE' ? (service.platformVersion ?? 'LATEST') : undefined,
            networkConfiguration: service.networkConfiguration,
            revisionArn: revisionArn(this.world, service, id),
        };
        // A superseded deployment becomes ACTIVE and is drained; its rolloutState is left as it was (IN_PROGRESS if it
        // had not completed, never FAILED: the circuit breaker only judges the PRIMARY). ECS documents ACTIVE as "still
        // has running tasks, being replaced with a new PRIMARY deployment" and says nothing of its rollout state; keeping
        // it is unverified against a live account.
        for (const d of service.deployments) {
            if (d.status === 'PRIMARY') {
                d.status = 'ACTIVE';
                d.updatedAt = now;
            }
        }
        const sources = service.deployments.filter((d) => d.status !== 'INACTIVE');
        service.deployments.unshift(deployment);
        service.history.push(deployment);
        if (lifecycle && isNativeService(service))
            this.native.start(service, deployment);
        else
            openServiceDeployment(this.world, service, deployment, sources);
        service.taskDefinitionArn = taskDefinitionArn;
        service.steady = false;
        // A new task definition lifts the launch throttle at once (service throttle logic docs).
        service.throttle = { failures: 0, nextLaunchAt: 0, announcedAt: service.throttle.announcedAt };
        this.schedule(service);
        return deployment;
    }
    onRunning(task) {
        const service = this.serviceOf(task);
        if (!service)
            return;
        service.throttle.failures = 0;
        service.throttle.nextLaunchAt = 0;
        for (const target of task.targets) {
            this.world.batchEvent(service, `registered|${target.targetGroupArn}`, task.id, (ids) => `(service ${service.name}) registered ${ids.length} targets in (target-group ${target.targetGroupArn})`);
        }
        this.schedule(service);
    }
    onProven(task) {
        const service = this.serviceOf(task);
        if (!service)
            return;
        const deployment = service.deployments.find((d) => d.id === task.deploymentId);
        const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
        if (deployment && deployment.evaluating && breaker?.resetOnHealthyTask !== false) {
            deployment.failedTasks = 0;
            deployment.evaluating = false;
        }
        this.schedule(service);
    }
    onFailed(task, kind) {
        const service = this.serviceOf(task);
        if (!service)
            return;
        if (kind === 'start' && task.startedAt === undefined)
            this.throttleLaunches(service);
        const deployment = service.deployments[0];
        if (kind !== 'exit' && deployment?.id === task.deploymentId && deployment.status === 'PRIMARY') {
            this.countFailure(service, deployment);
        }
        service.steady = false;
        this.schedule(service);
    }
    onStopped(task) {
        const service = this.serviceOf(task);
        if (service)
            this.schedule(service);
    }
    reconcile(service) {
        if (service.status !== 'ACTIVE' && service.status !== 'DRAINING')
            return;
        if (service.controller !== 'ECS')
            this.reconcileCounts(service, (d) => Math.ceil(((d.taskSet?.scale ?? 100) * service.desiredCount) / 100));
        else if (isNativeService(service))
            this.reconcileNative(service);
        else
            this.reconcileRolling(service);
        this.retireDrainedDeployments(service);
        this.checkCompletion(service);
        this.native.reconciled(service);
        this.world.flushEvents();
    }
    reconcileRolling(service) {
        const primary = service.deployments[0];
        if (!primary)
            return;
        const desired = service.desiredCount;
        primary.desiredCount = desired;
        const config = service.deploymentConfiguration;
        const maxTotal = Math.floor((desired * (config.maximumPercent ?? 200)) / 100);
        const minHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
        const alive = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING');
        const primaryAlive = alive.filter((t) => t.deploymentId === primary.id);
        const oldAlive = alive.filter((t) => t.deploymentId !== primary.id);
        const stopReason = `Scaling activity initiated by (deployment ${primary.id})`;
        const stop = (tasks) => {
            for (const t of tasks)
                stopTask(this.world, t, { stopCode: 'ServiceSchedulerInitiated', reason: stopReason, announce: true });
        };
        if (primaryAlive.length > desired) {
            stop(byStopPreference(primaryAlive).slice(0, primaryAlive.length - desired));
        }
        const failedWithoutRollback = primary.rolloutState === 'FAILED';
        if (!failedWithoutRollback) {
            const healthyTotal = alive.filter((t) => t.inService).length;
            const oldOrdered = byStopPreference(oldAlive);
            const notInService = oldOrdered.filter((t) => !t.inService);
            const inService = oldOrdered.filter((t) => t.inService);
            const removable = Math.max(0, Math.min(inService.length, healthyTotal - minHealthy));
            stop([...notInService, ...inService.slice(0, removable)]);
        }
        for (const d of service.deployments.slice(1)) {
            d.desiredCount = this.world
                .serviceTasks(service)
                .filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING').length;
        }
        if (failedWithoutRollback)
            return;
        const aliveNow = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING');
        const primaryNow = aliveNow.filter((t) => t.deploymentId === primary.id).length;
        const room = Math.min(desired - primaryNow, maxTotal - aliveNow.length);
        if (room <= 0)
            return;
        const now = this.world.clock.now();
        if (service.throttle.nextLaunchAt > now) {
            this.schedule(service, service.throttle.nextLaunchAt - now);
            return;
        }
        this.launch(service, primary, room);
    }
    /**
     * ECS-native strategies: while a deployment runs, its stages set how many tasks green and blue keep; otherwise
     * the PRIMARY keeps desiredCount and the rest go.
     */
    reconcileNative(service) {
        if (this.native.owner(service))
            return this.reconcileCounts(service, (d) => d.desiredCount);
        this.reconcileCounts(service, (d) => (d === service.deployments[0] ? service.desiredCount : 0));
    }
    /** Each deployment (or task set) keeps `wanted` tasks. */
    reconcileCounts(service, wanted) {
        const alive = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING');
        for (const set of service.deployments) {
            const want = wanted(set);
            set.desiredCount = want;
            const mine = alive.filter((t) => t.deploymentId === set.id);
            if (mine.length > want) {
                for (const t of byStopPreference(mine).slice(0, mine.length - want)) {
                    stopTask(this.world, t, {
                        stopCode: 'ServiceSchedulerInitiated',
                        reason: `Scaling activity initiated by (deployment ${set.id})`,
                        announce: true,
                    });
                }
            }
            else if (mine.length < want) {
                const now = this.world.clock.now();
                if (service.throttle.nextLaunchAt > now)
                    this.schedule(service, service.throttle.nextLaunchAt - now);
                else
                    this.launch(service, set, want - mine.length);
            }
        }
    }
    /** Reconciles at once with tasks already up, for the services a scenario sets up. */
    warmStart(service) {
        this.warm.add(service);
        this.reconcile(service);
        this.warm.delete(service);
    }
    launch(service, deployment, count) {
        const taskDefinition = findTaskDefinition(this.world, deployment.taskDefinitionArn);
        if (!taskDefinition || count <= 0)
            return;
        const started = [];
        for (let i = 0; i < count; i++) {
            started.push(launchTask(this.world, {
                clusterName: service.clusterName,
                taskDefinition,
                launchType: service.launchType ?? 'EC2',
                platformVersion: service.platformVersion,
                serviceName: service.name,
                deploymentId: deployment.id,
                group: `service:${service.name}`,
                startedBy: deployment.id,
                loadBalancers: deployment.taskSet?.loadBalancers ?? deployment.loadBalancers ?? service.loadBalancers,
                healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
                tags: service.propagateTags === 'SERVICE' ? this.world.resourceTags.get(service.arn) : undefined,
                warm: this.warm.has(service),
            }));
        }
        deployment.updatedAt = this.world.nowSeconds();
        this.world.addEvent(service, `(service ${service.name}) has started ${started.length} tasks: ${started.map((t) => `(task ${t.id})`).join(' ')}.`);
    }
    countFailure(service, deployment) {
        if (deployment.rolloutState !== 'IN_PROGRESS' || !deployment.evaluating)
            return;
        deployment.failedTasks++;
        deployment.updatedAt = this.world.nowSeconds();
        const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
        if (!breaker?.enable)
            return;
        if (deployment.failedTasks >= circuitBreakerThreshold(service.deploymentConfiguration, service.desiredCount)) {
            this.failDeployment(service, deployment, breaker.rollback === true);
        }
    }
    failDeployment(service, deployment, rollback) {
        const native = this.native.owner(service, deployment);
        if (native)
            return this.native.breakerTripped(service, native);
        const now = this.world.nowSeconds();
        deployment.rolloutState = 'FAILED';
        deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
        deployment.updatedAt = now;
        this.world.addEvent(service, `(service ${service.name}) (deployment ${deployment.id}) deployment failed: tasks failed to start.`);
        const target = rollback ? this.rollbackTarget(service, deployment) : undefined;
        rolloutFailed(this.world, service, deployment, target, 'Service deployment rolled back because the circuit breaker threshold was exceeded.');
        if (target)
            this.rollBackTo(service, deployment, target);
    }
    /** The latest deployment that completed, other than `deployment`: where a rolling rollback goes. */
    rollbackTarget(service, deployment) {
        return [...service.history].reverse().find((d) => d !== deployment && d.rolloutState === 'COMPLETED');
    }
    /** Makes `target` PRIMARY again; `deployment` drains. */
    rollBackTo(service, deployment, target) {
        const now = this.world.nowSeconds();
        deployment.status = 'ACTIVE';
        target.status = 'PRIMARY';
        target.rolloutState = 'IN_PROGRESS';
        target.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${target.id}.`;
        target.failedTasks = 0;
        target.evaluating = true;
        target.desiredCount = service.desiredCount;
        target.updatedAt = now;
        service.deployments = [target, ...service.deployments.filter((d) => d !== target)];
        service.taskDefinitionArn = target.taskDefinitionArn;
        service.throttle = { failures: 0, nextLaunchAt: 0, announcedAt: service.throttle.announcedAt };
        this.world.addEvent(service, `(service ${service.name}) rolling back to deployment ${target.id}.`);
        this.schedule(service);
    }
    /**
     * StopServiceDeployment with ROLLBACK: a native deployment flips back to blue; a rolling one returns to the last
     * deployment that completed. False when there is none to return to.
     */
    requestRollback(service, sd) {
        const reason = 'Service deployment rolled back because a rollback was requested.';
        if (this.native.owner(service, sd.target)) {
            this.native.requestRollback(service, sd, reason);
            return true;
        }
        const target = this.rollbackTarget(service, sd.target);
        if (!target)
            return false;
        startRollback(this.world, sd, target, reason, 'ROLLBACK_REQUESTED');
        this.world.clock.after(1000, () => {
            if (sd.status === 'ROLLBACK_REQUESTED')
                setStatus(this.world, sd, 'ROLLBACK_IN_PROGRESS');
        });
        sd.target.rolloutState = 'FAILED';
        sd.target.rolloutStateReason = reason;
        this.rollBackTo(service, sd.target, target);
        return true;
    }
    /**
     * ECS's throttle for tasks that never reach RUNNING: the wait between launches grows (up to 27 minutes, per the
     * service throttle logic docs) and the service says it "is unable to consistently start tasks successfully".
     */
    throttleLaunches(service) {
        const throttle = service.throttle;
        throttle.failures++;
        if (throttle.failures < 3)
            return;
        const now = this.world.clock.now();
        const delay = Math.min(27 * 60_000, 15_000 * 2 ** (throttle.failures - 3));
        throttle.nextLaunchAt = now + delay;
        if (now - throttle.announcedAt >= 15 * 60_000 || throttle.announcedAt === 0) {
            throttle.announcedAt = now;
            this.world.addEvent(service, `(service ${service.name}) is unable to consistently start tasks successfully.`);
        }
    }
    retireDrainedDeployments(service) {
        const tasks = this.world.serviceTasks(service);
        service.deployments = service.deployments.filter((d, i) => {
            if (i === 0 && d.status === 'PRIMARY')
                return true;
            if (d.taskSet)
                return true;
            const remaining = tasks.some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED');
            if (!remaining)
                d.status = 'INACTIVE';
            return remaining;
        });
    }
    checkCompletion(service) {
        if (service.controller !== 'ECS')
            return this.checkTaskSetsSteady(service);
        if (this.native.holdsCompletion(service))
            return;
        const primary = service.deployments[0];
        if (!primary)
            return;
        const tasks = this.world.serviceTasks(service);
        const alive = tasks.filter((t) => t.desiredStatus === 'RUNNING' && t.deploymentId === primary.id);
        const settled = service.deployments.length === 1 &&
            alive.length === service.desiredCount &&
            // proven, not just inService: a task without health checks is in service once RUNNING but only counts as
            // healthy (and lets the deployment complete) after its settle time (tasks.ts scheduleHealthVerdict).
            alive.every((t) => t.inService && t.proven && t.lastStatus === 'RUNNING') &&
            !tasks.some((t) => t.deploymentId === primary.id && t.lastStatus !== 'STOPPED' && t.desiredStatus === 'STOPPED');
        if (!settled) {
            if (service.deployments.length > 1 || alive.length !== service.desiredCount)
                service.steady = false;
            return;
        }
        if (primary.rolloutState === 'IN_PROGRESS') {
            primary.rolloutState = 'COMPLETED';
            primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
            primary.updatedAt = this.world.nowSeconds();
            this.world.addEvent(service, `(service ${service.name}) (deployment ${primary.id}) deployment completed.`);
        }
        if (primary.rolloutState === 'COMPLETED')
            rolloutCompleted(this.world, service, primary);
        if (!service.steady && primary.rolloutState === 'COMPLETED') {
            service.steady = true;
            this.world.addEvent(service, `(service ${service.name}) has reached a steady state.`);
        }
    }
    checkTaskSetsSteady(service) {
        const tasks = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING');
        const steady = service.deployments.every((d) => {
            const mine = tasks.filter((t) => t.deploymentId === d.id);
            return mine.length === d.desiredCount && mine.every((t) => t.inService);
        });
        if (steady && !service.steady)
            this.world.addEvent(service, `(service ${service.name}) has reached a steady state.`);
        service.steady = steady;
    }
    serviceOf(task) {
        if (!task.serviceName)
            return undefined;
        return this.world.clusters.get(task.clusterName)?.services.get(task.serviceName);
    }
}
/** Tasks the scheduler stops first: not yet running, then not in service, then the newest. */
function byStopPreference(tasks) {
    const rank = (t) => (t.lastStatus !== 'RUNNING' ? 0 : t.inService ? 2 : 1);
    return [...tasks].sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt);
}
function findTaskDefinition(world, arn) {
    const match = /task-definition\/([^:]+):(\d+)$/.exec(arn);
    if (!match)
        return undefined;
    return world.families.get(match[1])?.revisions.find((r) => r.revision === Number(match[2]));
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/task-sets.ts
const POLL_MS = 1000;
/** Creates the replacement task set: ACTIVE, scale 100, no production traffic yet. */
function createReplacement(ecs, service, spec) {
    return ecs.createTaskSet(service, spec.taskDefinitionArn, {
        scale: 100,
        trafficWeight: 0,
        externalId: spec.externalId,
        loadBalancers: [spec.loadBalancer],
    });
}
/** Scales a task set to 0 and lets its tasks drain (DRAINING); it is deleted once they have stopped. */
function drainTaskSet(ecs, service, set) {
    if (set.status === 'DRAINING' || set.status === 'INACTIVE')
        return;
    const world = ecs.world;
    set.status = 'DRAINING';
    if (set.taskSet)
        set.taskSet.trafficWeight = 0;
    ecs.scaleTaskSet(service, set, 0);
    const deleteWhenStopped = () => {
        if (set.status !== 'DRAINING')
            return;
        if (tasksOf(world, service, set).some((t) => t.lastStatus !== 'STOPPED')) {
            world.clock.after(POLL_MS, deleteWhenStopped);
            return;
        }
        ecs.deleteTaskSet(service, set);
    };
    world.clock.after(POLL_MS, deleteWhenStopped);
}
function tasksOf(world, service, set) {
    return world.serviceTasks(service).filter((t) => t.deploymentId === set.id);
}
function counts(world, service, set) {
    const alive = tasksOf(world, service, set).filter((t) => t.desiredStatus === 'RUNNING');
    return {
        desiredCount: set.status === 'INACTIVE' ? 0 : set.desiredCount,
        pendingCount: alive.filter((t) => t.lastStatus !== 'RUNNING').length,
        runningCount: alive.filter((t) => t.lastStatus === 'RUNNING').length,
    };
}
/** All of the set's wanted tasks are RUNNING and in service (passed their target group health checks). */
function isStable(world, service, set) {
    const want = Math.ceil(((set.taskSet?.scale ?? 100) * service.desiredCount) / 100);
    const alive = tasksOf(world, service, set).filter((t) => t.desiredStatus === 'RUNNING');
    return alive.length === want && alive.every((t) => t.lastStatus === 'RUNNING' && t.inService);
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/lifecycle.ts





/** A lifecycle event with no work of its own takes about half a second (recorded runs). */
const STEP_MS = 500;
const CREATED_MS = 2000;
const lifecycle_POLL_MS = 1000;
const HOOK_TIMEOUT_MS = 60 * 60_000;
const INSTALL_TIMEOUT_MS = 60 * 60_000;
const DEFAULT_HOOK_SECONDS = 1;
function context(world, ecs) {
    return { world, ecs, state: codeDeployState(world) };
}
function lifecycle_later(ctx, d, ms, fn) {
    const timer = ctx.world.clock.after(ms, () => {
        d.timers = d.timers.filter((t) => t !== timer);
        fn();
    });
    d.timers.push(timer);
}
function lifecycle_cancelTimers(d) {
    for (const timer of d.timers)
        timer.cancel();
    d.timers = [];
}
function groupOf(ctx, d) {
    const group = [...ctx.state.groups.values()].find((g) => g.applicationName === d.applicationName && g.deploymentGroupName === d.deploymentGroupName);
    if (!group)
        throw new Error(`deployment ${d.deploymentId} has no group`);
    return group;
}
function touch(ctx, d) {
    d.target.lastUpdatedAt = ctx.world.nowSeconds();
}
/** Lists the events the target will go through: the test-traffic pair only with a test listener. */
function lifecycleEventsFor(group) {
    const names = ['BeforeInstall', 'Install', 'AfterInstall'];
    if (group.testListenerArn)
        names.push('AllowTestTraffic', 'AfterAllowTestTraffic');
    names.push('BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic');
    return names.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Pending' }));
}
/** Starts a created deployment: InProgress after a moment, then its events one after the other. */
function start(ctx, d) {
    lifecycle_later(ctx, d, CREATED_MS, () => {
        d.status = 'InProgress';
        d.startTime = ctx.world.nowSeconds();
        d.target.status = 'InProgress';
        touch(ctx, d);
        runNext(ctx, d);
    });
}
function runNext(ctx, d) {
    const event = d.lifecycleEvents.find((e) => e.status === 'Pending');
    if (!event)
        return trafficShifted(ctx, d);
    event.status = 'InProgress';
    event.startTime = ctx.world.nowSeconds();
    touch(ctx, d);
    if (event.lifecycleEventName === 'Install')
        return install(ctx, d, event);
    if (event.lifecycleEventName === 'AllowTraffic')
        return allowTraffic(ctx, d, event);
    if (event.lifecycleEventName === 'AllowTestTraffic')
        return lifecycle_later(ctx, d, STEP_MS, () => succeed(ctx, d, event));
    runHook(ctx, d, event);
}
function succeed(ctx, d, event) {
    if (event.status !== 'InProgress')
        return;
    event.status = 'Succeeded';
    event.endTime = ctx.world.nowSeconds();
    touch(ctx, d);
    lifecycle_later(ctx, d, STEP_MS / 2, () => runNext(ctx, d));
}
// ---- Install: the replacement task set ----
function install(ctx, d, event) {
    const group = groupOf(ctx, d);
    const service = serviceOf(ctx.world, group);
    if (!d.green) {
        const problem = installProblem(ctx, d, service);
        if (problem)
            return lifecycle_later(ctx, d, STEP_MS, () => fail(ctx, d, { code: 'ECS_UPDATE_ERROR', message: problem }));
        d.blue = service.deployments.find((s) => s.status === 'PRIMARY' && s.taskSet);
        const blueGroup = targetGroupName(d.blue?.taskSet?.loadBalancers[0]?.targetGroupArn) ?? group.targetGroups[0];
        const greenGroup = group.targetGroups.find((name) => name !== blueGroup) ?? group.targetGroups[1];
        const template = service.loadBalancers[0];
        d.green = createReplacement(ctx.ecs, service, {
            taskDefinitionArn: d.appSpec.taskDefinition,
            externalId: d.deploymentId,
            loadBalancer: {
                targetGroupArn: targetGroupArn(ctx.world, greenGroup, template?.targetGroupArn),
                containerName: d.appSpec.containerName,
                containerPort: d.appSpec.containerPort,
            },
        });
    }
    waitForReplacement(ctx, d, event, service);
}
/** What ECS would refuse in CreateTaskSet; CodeDeploy reports it as ECS_UPDATE_ERROR during Install. */
function installProblem(ctx, d, service) {
    const prefix = 'The ECS service cannot be updated due to an unexpected error:';
    const td = findTaskDefinition(ctx.world, d.appSpec.taskDefinition);
    if (!td || td.status !== 'ACTIVE') {
        return `${prefix} TaskDefinition not found. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)`;
    }
    const { containerName, containerPort } = d.appSpec;
    const lb = service.loadBalancers.find((l) => l.containerName === containerName && l.containerPort === containerPort);
    const container = td.containerDefinitions?.find((c) => c.name === containerName);
    if (!lb || !container?.portMappings?.some((p) => p.containerPort === containerPort)) {
        return (`${prefix} The container ${containerName} did not have a container port ${containerPort} defined.` +
            ' (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)');
    }
    return undefined;
}
/**
 * Install ends when every task of the replacement set is RUNNING and in service. Replacement tasks that crash or
 * fail health checks do not end it: ECS keeps replacing them and CodeDeploy waits, up to an hour, then fails the
 * deployment (aws/containers-roadmap#1941: CodeDeploy does not follow the replacement's task health; the one-hour
 * wait and its message are unverified).
 */
function waitForReplacement(ctx, d, event, service) {
    const green = d.green;
    if (!green)
        return;
    if (isStable(ctx.world, service, green))
        return succeed(ctx, d, event);
    const waitedMs = (ctx.world.nowSeconds() - (event.startTime ?? ctx.world.nowSeconds())) * 1000;
    if (waitedMs >= INSTALL_TIMEOUT_MS) {
        return fail(ctx, d, {
            code: 'ECS_UPDATE_ERROR',
            message: 'The deployment timed out while waiting for the replacement task set to become healthy. ' +
                'This time out period is 60 minutes.',
        });
    }
    lifecycle_later(ctx, d, lifecycle_POLL_MS, () => waitForReplacement(ctx, d, event, service));
}
// ---- AllowTraffic: production traffic moves on the deployment config's schedule ----
function allowTraffic(ctx, d, event) {
    const config = ctx.state.configs.get(d.deploymentConfigName);
    const steps = trafficSchedule(config?.trafficRoutingConfig ?? { type: 'AllAtOnce' });
    steps.forEach((step, index) => {
        lifecycle_later(ctx, d, step.afterMs, () => {
            setWeight(ctx, d, step.weight);
            d.trafficStep = index;
            if (index === steps.length - 1)
                routeProductionToGreen(ctx, d, event);
        });
    });
}
function setWeight(ctx, d, weight) {
    if (d.green?.taskSet)
        d.green.taskSet.trafficWeight = weight;
    if (d.blue?.taskSet)
        d.blue.taskSet.trafficWeight = 100 - weight;
    touch(ctx, d);
}
/** All production traffic is on the replacement: it becomes the service's PRIMARY task set. */
function routeProductionToGreen(ctx, d, event) {
    const service = serviceOf(ctx.world, groupOf(ctx, d));
    if (d.green)
        ctx.ecs.setPrimaryTaskSet(service, d.green);
    succeed(ctx, d, event);
}
/** After AfterAllowTraffic: the target has succeeded; the original task set waits out the termination wait. */
function trafficShifted(ctx, d) {
    d.target.status = 'Succeeded';
    touch(ctx, d);
    d.inTerminationWait = true;
    const minutes = d.creator === 'codeDeployRollback' ? 0 : groupOf(ctx, d).terminationWaitMinutes;
    lifecycle_later(ctx, d, minutes * 60_000, () => finishSucceeded(ctx, d));
}
/** Ends the termination wait (its timer, or ContinueDeployment with TERMINATION_WAIT). */
function finishSucceeded(ctx, d) {
    lifecycle_cancelTimers(d);
    const group = groupOf(ctx, d);
    const service = serviceOf(ctx.world, group);
    for (const set of [...service.deployments]) {
        if (set !== d.green && set.taskSet)
            drainTaskSet(ctx.ecs, service, set);
    }
    d.inTerminationWait = false;
    d.status = 'Succeeded';
    d.completeTime = ctx.world.nowSeconds();
    touch(ctx, d);
    release(group, d);
    if (d.creator === 'user')
        group.lastSuccessfulDeploymentId = d.deploymentId;
}
function release(group, d) {
    if (group.activeDeploymentId === d.deploymentId)
        group.activeDeploymentId = undefined;
}
// ---- Hooks ----
function runHook(ctx, d, event) {
    const ref = d.appSpec.hooks[event.lifecycleEventName];
    if (!ref)
        return lifecycle_later(ctx, d, STEP_MS, () => succeed(ctx, d, event));
    const name = functionName(ref);
    event.hookFunction = name;
    const lambda = ctx.world.scenario.lambdas[name];
    if (!lambda) {
        const arn = ctx.world.arn('lambda', `function:${name}`);
        return lifecycle_later(ctx, d, STEP_MS, () => failHook(ctx, d, event, {
            errorCode: 'UnknownError',
            message: `Failed to invoke the lifecycle event hook function ${name}: ResourceNotFoundException: Function not found: ${arn}`,
        }));
    }
    const executionId = Buffer.from(ctx.world.uuid() + ctx.world.hex(32)).toString('base64');
    event.executionId = executionId;
    ctx.world.invocations.push({
        at: ctx.world.nowSeconds(),
        function: name,
        payload: { DeploymentId: d.deploymentId, LifecycleEventHookExecutionId: executionId },
    });
    if (lambda.result !== 'external') {
        const result = lambda.result;
        lifecycle_later(ctx, d, (lambda.afterSeconds ?? DEFAULT_HOOK_SECONDS) * 1000, () => {
            if (event.status === 'InProgress')
                reportHook(ctx, d, executionId, result);
        });
    }
    lifecycle_later(ctx, d, HOOK_TIMEOUT_MS, () => {
        if (event.status !== 'InProgress' || event.executionId !== executionId)
            return;
        failHook(ctx, d, event, {
            errorCode: 'UnknownError',
            message: `The lifecycle event hook ${name} did not report a status with PutLifecycleEventHookExecutionStatus within 60 minutes.`,
        });
    });
}
/** The one path a hook result takes, from a scenario lambda or from PutLifecycleEventHookExecutionStatus. */
function reportHook(ctx, d, executionId, status) {
    const event = d.lifecycleEvents.find((e) => e.executionId === executionId);
    if (!event)
        return 'unknown';
    if (event.status !== 'InProgress' || d.status !== 'InProgress')
        return 'completed';
    if (status === 'Succeeded')
        succeed(ctx, d, event);
    else {
        failHook(ctx, d, event, {
            errorCode: 'UnknownError',
            message: `The lifecycle event hook ${event.hookFunction ?? ''} reported Failed.`,
        });
    }
    return 'found';
}
function failHook(ctx, d, event, diagnostics) {
    const message = `The deployment failed because the ${event.lifecycleEventName} lifecycle event hook ` +
        `${event.hookFunction ?? ''} failed: ${diagnostics.message ?? ''}`;
    fail(ctx, d, {
        code: 'HOOK_EXECUTION_FAILURE',
        message,
        diagnostics: { ...diagnostics, scriptName: event.hookFunction },
    });
}
/** Ends a deployment that went wrong, and rolls it back when its configuration (or the caller) says so. */
function fail(ctx, d, failure) {
    lifecycle_cancelTimers(d);
    const now = ctx.world.nowSeconds();
    const current = d.lifecycleEvents.find((e) => e.status === 'InProgress');
    if (current) {
        current.status = 'Failed';
        current.endTime = now;
        if (failure.diagnostics)
            current.diagnostics = failure.diagnostics;
    }
    for (const e of d.lifecycleEvents)
        if (e.status === 'Pending')
            e.status = 'Skipped';
    d.target.status = 'Failed';
    d.inTerminationWait = false;
    d.status = failure.stopped ? 'Stopped' : 'Failed';
    d.errorInformation = { code: failure.code, message: failure.message };
    d.completeTime = now;
    touch(ctx, d);
    const group = groupOf(ctx, d);
    release(group, d);
    const rollback = failure.rollback ?? rollsBackOn(d, failure.stopped ? 'DEPLOYMENT_STOP_ON_REQUEST' : 'DEPLOYMENT_FAILURE');
    if (rollback && d.blue && d.creator === 'user')
        lifecycle_startRollback(ctx, d, group);
    else
        leaveAsIs(ctx, d, group);
}
function rollsBackOn(d, event) {
    const config = d.autoRollbackConfiguration;
    return config.enabled === true && (config.events ?? []).includes(event);
}
/** Without a rollback, a replacement that never took production traffic is removed; otherwise traffic stays put. */
function leaveAsIs(ctx, d, group) {
    const green = d.green;
    if (!green?.taskSet || green.taskSet.trafficWeight > 0 || green.status === 'PRIMARY')
        return;
    drainTaskSet(ctx.ecs, serviceOf(ctx.world, group), green);
}
function lifecycle_startRollback(ctx, failed, group) {
    const id = newDeploymentId(ctx.world, ctx.state);
    const now = ctx.world.nowSeconds();
    failed.rollbackInfo = {
        rollbackDeploymentId: id,
        rollbackMessage: `Deployment ${failed.deploymentId} terminated. Automatic rollback is triggered with a DeploymentId ${id}.`,
    };
    const original = failed.blue;
    const rollback = {
        deploymentId: id,
        applicationName: failed.applicationName,
        deploymentGroupName: failed.deploymentGroupName,
        deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
        status: 'Created',
        creator: 'codeDeployRollback',
        revision: rollbackRevision(failed, original?.taskDefinitionArn ?? ''),
        appSpec: { ...failed.appSpec, taskDefinition: original?.taskDefinitionArn ?? '', hooks: {} },
        createTime: now,
        autoRollbackConfiguration: failed.autoRollbackConfiguration,
        rollbackInfo: {
            rollbackTriggeringDeploymentId: failed.deploymentId,
            rollbackMessage: `Deployment ${id} is triggered to roll back deployment ${failed.deploymentId}.`,
        },
        target: { ...failed.target, status: 'Pending', lastUpdatedAt: now },
        lifecycleEvents: lifecycleEventsFor(group),
        // The rollback replaces the failed deployment's task set with the original one, which is still running.
        blue: failed.green,
        green: original,
        trafficStep: -1,
        inTerminationWait: false,
        timers: [],
    };
    ctx.state.deployments.set(id, rollback);
    group.activeDeploymentId = id;
    group.lastAttemptedDeploymentId = id;
    start(ctx, rollback);
}
function rollbackRevision(failed, taskDefinitionArn) {
    const content = JSON.stringify({
        version: 0.0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: taskDefinitionArn,
                        LoadBalancerInfo: {
                            ContainerName: failed.appSpec.containerName,
                            ContainerPort: failed.appSpec.containerPort,
                        },
                    },
                },
            },
        ],
    });
    return { revisionType: 'AppSpecContent', appSpecContent: { content } };
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/deployments.ts








function createDeployment(ctx, input) {
    const g = group(ctx.state, input.applicationName, input.deploymentGroupName);
    const configName = input.deploymentConfigName ?? g.deploymentConfigName;
    deploymentConfig(ctx, configName);
    if ((input.description ?? '').length > 512) {
        throw new AwsError('DescriptionTooLongException', 'The description is too long.');
    }
    const appSpec = parseRevision(input.revision);
    if (!/^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/[\w-]+:\d+$/.test(appSpec.taskDefinition)) {
        throw new AwsError('InvalidRevisionException', `The TaskDefinition in the AppSpec must be a task definition ARN: ${appSpec.taskDefinition}`);
    }
    if (g.activeDeploymentId) {
        throw new AwsError('DeploymentLimitExceededException', `The Deployment Group '${g.deploymentGroupName}' already has an active Deployment '${g.activeDeploymentId}'`);
    }
    const service = serviceOf(ctx.world, g);
    const now = ctx.world.nowSeconds();
    const d = {
        deploymentId: newDeploymentId(ctx.world, ctx.state),
        applicationName: g.applicationName,
        deploymentGroupName: g.deploymentGroupName,
        deploymentConfigName: configName,
        status: 'Created',
        creator: 'user',
        description: input.description,
        revision: input.revision ?? {},
        appSpec,
        createTime: now,
        autoRollbackConfiguration: autoRollback(g, input.autoRollbackConfiguration),
        target: { id: `${service.clusterName}:${service.name}`, arn: service.arn, status: 'Pending', lastUpdatedAt: now },
        lifecycleEvents: lifecycleEventsFor(g),
        trafficStep: -1,
        inTerminationWait: false,
        timers: [],
    };
    ctx.state.deployments.set(d.deploymentId, d);
    g.activeDeploymentId = d.deploymentId;
    g.lastAttemptedDeploymentId = d.deploymentId;
    start(ctx, d);
    return { deploymentId: d.deploymentId };
}
/** The request's autoRollbackConfiguration overrides the group's. */
function autoRollback(g, requested) {
    if (requested)
        return { enabled: requested.enabled === true, events: requested.events ?? [] };
    return g.autoRollback ? { enabled: true, events: ['DEPLOYMENT_FAILURE'] } : { enabled: false, events: [] };
}
function isDone(d) {
    return d.status === 'Succeeded' || d.status === 'Failed' || d.status === 'Stopped';
}
function renderDeployment(ctx, d) {
    const g = groupOf(ctx, d);
    const done = isDone(d);
    const ok = d.status === 'Succeeded' ? 1 : 0;
    return withoutUndefined({
        applicationName: d.applicationName,
        deploymentGroupName: d.deploymentGroupName,
        deploymentConfigName: d.deploymentConfigName,
        deploymentId: d.deploymentId,
        revision: d.revision,
        status: d.status,
        errorInformation: d.errorInformation,
        createTime: d.createTime,
        startTime: d.startTime,
        completeTime: d.completeTime,
        // Recorded runs: absent while the deployment runs, then counts of deployment targets (one ECS service).
        deploymentOverview: done
            ? { Pending: 0, InProgress: 0, Succeeded: ok, Failed: 1 - ok, Skipped: 0, Ready: 0 }
            : undefined,
        description: d.description,
        creator: d.creator,
        ignoreApplicationStopFailures: false,
        autoRollbackConfiguration: d.autoRollbackConfiguration,
        updateOutdatedInstancesOnly: false,
        rollbackInfo: d.rollbackInfo,
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        // CodeDeploy leaves this false during an ECS termination wait (aws/containers-roadmap#269, acknowledged as a bug).
        instanceTerminationWaitTimeStarted: false,
        blueGreenDeploymentConfiguration: renderGroup(ctx, g).blueGreenDeploymentConfiguration,
        loadBalancerInfo: renderGroup(ctx, g).loadBalancerInfo,
        fileExistsBehavior: 'DISALLOW',
        deploymentStatusMessages: [],
        computePlatform: 'ECS',
    });
}
function batchGetDeployments(ctx, input) {
    const ids = input.deploymentIds ?? [];
    if (ids.length === 0)
        throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    if (ids.length > 25)
        throw new AwsError('BatchLimitExceededException', 'The maximum number of deployment IDs is 25.');
    const found = ids.map((id) => ctx.state.deployments.get(id)).filter((d) => d !== undefined);
    return { deploymentsInfo: found.map((d) => renderDeployment(ctx, d)) };
}
const STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready'];
function listDeployments(ctx, input) {
    let all = [...ctx.state.deployments.values()];
    if (input.applicationName !== undefined || input.deploymentGroupName !== undefined) {
        if (input.deploymentGroupName === undefined) {
            throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
        }
        const g = group(ctx.state, input.applicationName, input.deploymentGroupName);
        all = all.filter((d) => d.applicationName === g.applicationName && d.deploymentGroupName === g.deploymentGroupName);
    }
    const statuses = input.includeOnlyStatuses ?? [];
    const unknown = statuses.find((s) => !STATUSES.includes(s));
    if (unknown)
        throw new AwsError('InvalidDeploymentStatusException', `The deployment status ${unknown} is not valid.`);
    if (statuses.length > 0)
        all = all.filter((d) => statuses.includes(d.status));
    const { start: from, end: to } = input.createTimeRange ?? {};
    if (from !== undefined)
        all = all.filter((d) => d.createTime >= Number(from));
    if (to !== undefined)
        all = all.filter((d) => d.createTime <= Number(to));
    const ids = all.reverse().map((d) => d.deploymentId);
    const { items, nextToken } = page(ids, undefined, input.nextToken, { default: 100, max: 100 });
    return { deployments: items, nextToken };
}
// ---- Hooks, stop, continue ----
function putLifecycleEventHookExecutionStatus(ctx, input) {
    const d = deployment(ctx.state, input.deploymentId);
    if (input.status !== 'Succeeded' && input.status !== 'Failed') {
        throw new AwsError('InvalidLifecycleEventHookExecutionStatusException', `The result of a Lambda validation function must be Succeeded or Failed, got ${String(input.status)}.`);
    }
    const id = input.lifecycleEventHookExecutionId ?? '';
    const outcome = reportHook(ctx, d, id, input.status);
    if (outcome === 'unknown') {
        throw new AwsError('InvalidLifecycleEventHookExecutionIdException', `The lifecycle event hook execution ID ${id} is not valid.`);
    }
    if (outcome === 'completed') {
        throw new AwsError('LifecycleEventAlreadyCompletedException', `The lifecycle event for hook execution ${id} has already completed.`);
    }
    return { lifecycleEventHookExecutionId: id };
}
/** StopDeployment is asynchronous: answered Pending, the deployment reaches Stopped (its group free) a little later. */
const STOP_DELAY_MS = 2000;
function stopDeployment(ctx, input) {
    const d = deployment(ctx.state, input.deploymentId);
    if (isDone(d))
        throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`);
    const pending = { status: 'Pending', statusMessage: `Stopping deployment ${d.deploymentId}.` };
    if (d.stopRequested)
        return pending;
    d.stopRequested = true;
    const timer = ctx.world.clock.after(STOP_DELAY_MS, () => {
        d.timers = d.timers.filter((t) => t !== timer);
        if (isDone(d))
            return;
        fail(ctx, d, {
            code: 'MANUAL_STOP',
            message: 'The deployment was stopped by a StopDeployment request.',
            stopped: true,
            rollback: input.autoRollbackEnabled,
        });
    });
    d.timers.push(timer);
    return pending;
}
function continueDeployment(ctx, input) {
    const d = deployment(ctx.state, input.deploymentId);
    const waitType = input.deploymentWaitType ?? 'READY_WAIT';
    if (waitType !== 'READY_WAIT' && waitType !== 'TERMINATION_WAIT') {
        throw new AwsError('InvalidDeploymentWaitTypeException', `The wait type ${waitType} is not valid.`);
    }
    if (isDone(d))
        throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`);
    if (waitType === 'TERMINATION_WAIT' && d.inTerminationWait) {
        finishSucceeded(ctx, d);
        return {};
    }
    throw new AwsError('DeploymentIsNotInReadyStateException', `The deployment ${d.deploymentId} is not waiting for ${waitType}.`);
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/targets.ts






function startedDeployment(ctx, id) {
    const d = deployment(ctx.state, id);
    if (d.status === 'Created')
        throw new AwsError('DeploymentNotStartedException', 'The specified deployment has not started.');
    return d;
}
function listDeploymentTargets(ctx, input) {
    const d = startedDeployment(ctx, input.deploymentId);
    const { items, nextToken } = page([d.target.id], undefined, input.nextToken, { default: 100, max: 100 });
    return { targetIds: items, nextToken };
}
function getDeploymentTarget(ctx, input) {
    const d = startedDeployment(ctx, input.deploymentId);
    return { deploymentTarget: renderTarget(ctx, d, input.targetId) };
}
function batchGetDeploymentTargets(ctx, input) {
    const d = startedDeployment(ctx, input.deploymentId);
    const ids = input.targetIds ?? [];
    if (ids.length === 0)
        throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
    if (ids.length > 25) {
        throw new AwsError('DeploymentTargetListSizeExceededException', 'The maximum number of targets that can be associated with a deployment is 25.');
    }
    return { deploymentTargets: ids.map((id) => renderTarget(ctx, d, id)) };
}
function renderTarget(ctx, d, targetId) {
    if (!targetId)
        throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
    if (targetId !== d.target.id) {
        throw new AwsError('DeploymentTargetDoesNotExistException', `The deployment target ${targetId} does not exist.`);
    }
    return {
        deploymentTargetType: 'ECSTarget',
        ecsTarget: {
            deploymentId: d.deploymentId,
            targetId: d.target.id,
            targetArn: d.target.arn,
            lastUpdatedAt: d.target.lastUpdatedAt,
            lifecycleEvents: d.lifecycleEvents.map((e) => withoutUndefined({
                lifecycleEventName: e.lifecycleEventName,
                startTime: e.startTime,
                endTime: e.endTime,
                status: e.status,
                diagnostics: e.diagnostics,
            })),
            status: d.target.status,
            taskSetsInfo: taskSetsInfo(ctx, d),
        },
    };
}
function taskSetsInfo(ctx, d) {
    const service = serviceOf(ctx.world, groupOf(ctx, d));
    const info = (set, label) => set &&
        withoutUndefined({
            // The API spells this member "identifer".
            identifer: set.id,
            ...counts(ctx.world, service, set),
            status: set.status,
            trafficWeight: set.taskSet?.trafficWeight ?? 0,
            targetGroup: { name: targetGroupName(set.taskSet?.loadBalancers[0]?.targetGroupArn) },
            taskSetLabel: label,
        });
    return [info(d.blue, 'Blue'), info(d.green, 'Green')].filter((s) => s !== undefined);
}

;// CONCATENATED MODULE: ./src/sim/codedeploy/codedeploy.ts






/**
 * CodeDeploy for the ECS compute platform (aws-facts.md §4): applications and deployment groups from the scenario,
 * deployment configs, blue/green deployments driven through ECS task sets, lifecycle hooks and rollbacks. The
 * lifecycle itself is in lifecycle.ts.
 */
function codeDeployDefinition(ecs) {
    const ctx = context(ecs.world, ecs);
    return {
        id: 'codedeploy',
        targetPrefix: 'CodeDeploy_20141006',
        operations: {
            ListApplications: (input) => listApplications(ctx, input),
            GetApplication: (input) => ({ application: application(ctx.state, input.applicationName) }),
            ListDeploymentGroups: (input) => listDeploymentGroups(ctx, input),
            BatchGetDeploymentGroups: (input) => batchGetDeploymentGroups(ctx, input),
            GetDeploymentGroup: (input) => ({
                deploymentGroupInfo: renderGroup(ctx, group(ctx.state, input.applicationName, input.deploymentGroupName)),
            }),
            CreateDeploymentConfig: (input) => createDeploymentConfig(ctx, input),
            GetDeploymentConfig: (input) => ({ deploymentConfigInfo: deploymentConfig(ctx, input.deploymentConfigName) }),
            ListDeploymentConfigs: (input) => listDeploymentConfigs(ctx, input),
            CreateDeployment: (input) => createDeployment(ctx, input),
            GetDeployment: (input) => ({ deploymentInfo: renderDeployment(ctx, deployment(ctx.state, input.deploymentId)) }),
            BatchGetDeployments: (input) => batchGetDeployments(ctx, input),
            ListDeployments: (input) => listDeployments(ctx, input),
            ListDeploymentTargets: (input) => listDeploymentTargets(ctx, input),
            GetDeploymentTarget: (input) => getDeploymentTarget(ctx, input),
            BatchGetDeploymentTargets: (input) => batchGetDeploymentTargets(ctx, input),
            PutLifecycleEventHookExecutionStatus: (input) => putLifecycleEventHookExecutionStatus(ctx, input),
            StopDeployment: (input) => stopDeployment(ctx, input),
            ContinueDeployment: (input) => continueDeployment(ctx, input),
        },
    };
}

;// CONCATENATED MODULE: ./src/sim/core/clock.ts
/** Timers ordered by (time, order of creation), so timers due at the same instant run in the order they were set. */
class TimerQueue {
    entries = [];
    seq = 0;
    add(time, fn) {
        const entry = { time, seq: this.seq++, fn, cancelled: false };
        let index = this.entries.length;
        while (index > 0 && this.entries[index - 1].time > time)
            index--;
        this.entries.splice(index, 0, entry);
        return entry;
    }
    remove(entry) {
        entry.cancelled = true;
        const index = this.entries.indexOf(entry);
        if (index >= 0)
            this.entries.splice(index, 1);
    }
    first() {
        return this.entries[0];
    }
    shift() {
        return this.entries.shift();
    }
    clear() {
        for (const entry of this.entries)
            entry.cancelled = true;
        this.entries = [];
    }
    get size() {
        return this.entries.length;
    }
}
/** A clock for tests: time moves only when `advance` is called, and due timers run in order, synchronously. */
class clock_ManualClock {
    current;
    queue = new TimerQueue();
    constructor(start = Date.UTC(2025, 0, 15, 9, 0, 0)) {
        this.current = start;
    }
    now() {
        return this.current;
    }
    at(time, fn) {
        const entry = this.queue.add(Math.max(time, this.current), fn);
        return { time: entry.time, cancel: () => this.queue.remove(entry) };
    }
    after(ms, fn) {
        return this.at(this.current + Math.max(0, ms), fn);
    }
    /** Moves time forward by `ms`, running every timer that falls due (including ones set by timers) in order. */
    advance(ms) {
        this.advanceTo(this.current + ms);
    }
    advanceTo(time) {
        for (let next = this.queue.first(); next && next.time <= time; next = this.queue.first()) {
            this.queue.shift();
            this.current = Math.max(this.current, next.time);
            next.fn();
        }
        this.current = Math.max(this.current, time);
    }
    /** Number of timers not yet run. */
    get pending() {
        return this.queue.size;
    }
    close() {
        this.queue.clear();
    }
}
/**
 * Real time, scaled: emulated = start + real elapsed × speed. One node timer is armed for the earliest emulated
 * timer; it is unref'd so a forgotten clock never keeps the process alive.
 */
class ScaledClock {
    speed;
    start;
    queue = new TimerQueue();
    realStart;
    armed;
    armedFor = Infinity;
    last = 0;
    constructor(speed = 1, start = Date.now()) {
        this.speed = speed;
        this.start = start;
        if (!(speed > 0))
            throw new RangeError(`speed must be a positive number, got ${speed}`);
        this.realStart = performance.now();
    }
    now() {
        // Whole milliseconds: AWS's timestamps carry milliseconds at most.
        const emulated = Math.floor(this.start + (performance.now() - this.realStart) * this.speed);
        this.last = Math.max(this.last, emulated);
        return this.last;
    }
    at(time, fn) {
        const entry = this.queue.add(time, fn);
        this.arm();
        return {
            time,
            cancel: () => {
                this.queue.remove(entry);
                this.arm();
            },
        };
    }
    after(ms, fn) {
        return this.at(this.now() + Math.max(0, ms), fn);
    }
    close() {
        this.queue.clear();
        this.disarm();
    }
    arm() {
        const first = this.queue.first();
        if (!first)
            return this.disarm();
        if (this.armed && this.armedFor <= first.time)
            return;
        this.disarm();
        const delay = Math.max(0, (first.time - this.now()) / this.speed);
        this.armedFor = first.time;
        this.armed = setTimeout(() => this.fire(), delay);
        this.armed.unref();
    }
    disarm() {
        if (this.armed)
            clearTimeout(this.armed);
        this.armed = undefined;
        this.armedFor = Infinity;
    }
    fire() {
        this.armed = undefined;
        this.armedFor = Infinity;
        const now = this.now();
        for (let next = this.queue.first(); next && next.time <= now; next = this.queue.first()) {
            this.queue.shift();
            try {
                next.fn();
            }
            catch (error) {
                // A timer runs outside any request: report and keep the world moving rather than crash the server.
                console.error('berth sim: timer failed:', error);
            }
        }
        this.arm();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/sim/core/rng.ts
/** A small, fast seeded PRNG (sfc32), so a run with the same seed gives the same ids and faults. */
function sfc32(seed) {
    let a = 0x9e3779b9;
    let b = 0x243f6a88;
    let c = 0xb7e15162;
    let d = seed >>> 0;
    const next = () => {
        a >>>= 0;
        b >>>= 0;
        c >>>= 0;
        d >>>= 0;
        let t = (a + b) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        d = (d + 1) | 0;
        t = (t + d) | 0;
        c = (c + t) | 0;
        return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 15; i++)
        next();
    return next;
}

;// CONCATENATED MODULE: ./src/sim/core/server.ts




/**
 * Serves the awsJson1_1 wire on 127.0.0.1: POST with `X-Amz-Target: <prefix>.<Operation>` and a JSON body, answered
 * with JSON or `{"__type", "message"}`. SigV4 headers are accepted without verification. GET /__sim/calls and
 * /__sim/invocations expose what was served, for tests.
 */
async function serve(world, services, port = 0) {
    const byPrefix = new Map(services.map((s) => [s.targetPrefix, s]));
    const faults = sfc32((world.seed ^ 0x5eed5eed) >>> 0);
    // A generator of its own, so adding latency leaves the seeded sequence of throttles and errors unchanged.
    const latency = sfc32((world.seed ^ 0x1a7e1a7e) >>> 0);
    const delayed = new Set();
    /** How many calls of each operation have arrived: `faults.serverErrors` names calls by their number. */
    const calls = new Map();
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((error) => {
            console.error('berth sim: request failed:', error);
            if (!res.headersSent)
                send(res, 500, { __type: 'ServerException', message: 'Internal error' });
        });
    });
    /** The real-time delay of the next answer: seeded, within `faults.latency` (none without it). */
    function nextDelay() {
        const range = world.faults.latency;
        return range && Math.round(range.minMs + latency() * (range.maxMs - range.minMs));
    }
    /** Runs `answer` after `delayMs` of real time (not emulated), or now. */
    function later(delayMs, answer) {
        if (delayMs === undefined)
            return answer();
        const timer = setTimeout(() => {
            delayed.delete(timer);
            answer();
        }, delayMs);
        delayed.add(timer);
    }
    async function handle(req, res) {
        const body = await readBody(req);
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && path === '/__sim/calls')
            return send(res, 200, world.calls);
        if (req.method === 'GET' && path === '/__sim/invocations')
            return send(res, 200, world.invocations);
        const target = header(req, 'x-amz-target') ?? '';
        const dot = target.lastIndexOf('.');
        const service = byPrefix.get(target.slice(0, dot));
        const operation = dot >= 0 ? target.slice(dot + 1) : target;
        let request = undefined;
        const record = (status, error, delayMs) => world.recordCall({
            at: world.nowSeconds(),
            service: service?.id ?? 'unknown',
            operation,
            status,
            error,
            request,
            ...(delayMs === undefined ? {} : { delayMs }),
        });
        const reply = (status, payload, error) => {
            const delayMs = nextDelay();
            record(status, error, delayMs);
            later(delayMs, () => send(res, status, payload));
        };
        const fail = (error) => reply(error.status, { __type: error.type, message: error.message, ...error.extra }, error.type);
        if (req.method !== 'POST' || !service || !Object.hasOwn(service.operations, operation)) {
            return fail(new AwsError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`));
        }
        try {
            request = body.trim() === '' ? {} : JSON.parse(body);
        }
        catch {
            return fail(new AwsError('SerializationException', 'Start of structure or map found where not expected.'));
        }
        if (typeof request !== 'object' || request === null || Array.isArray(request)) {
            return fail(new AwsError('SerializationException', 'Start of structure or map found where not expected.'));
        }
        const callNumber = (calls.get(operation) ?? 0) + 1;
        calls.set(operation, callNumber);
        if (takeOne(world.faults.stalls, operation))
            return record(0, 'Stalled');
        if (world.faults.serverErrors[operation]?.includes(callNumber))
            return fail(serverError(service.id));
        const draw = faults();
        if (draw < world.faults.throttleRate)
            return fail(new AwsError('ThrottlingException', 'Rate exceeded'));
        if (draw < world.faults.throttleRate + world.faults.errorRate)
            return fail(serverError(service.id));
        try {
            const output = await service.operations[operation](request, world);
            world.flushEvents();
            if (takeOne(world.faults.lostResponses, operation)) {
                const delayMs = nextDelay();
                record(0, 'LostResponse', delayMs);
                later(delayMs, () => res.socket?.destroy());
                return;
            }
            reply(200, output ?? {}, null);
        }
        catch (error) {
            if (error instanceof AwsError)
                return fail(error);
            console.error(`berth sim: ${operation} failed:`, error);
            fail(serverError(service.id, `Internal error in ${operation}`));
        }
    }
    await new Promise((resolve, reject) => {
        const refuse = (error) => reject(listenError(error, port));
        server.once('error', refuse);
        server.listen(port, '127.0.0.1', () => {
            server.off('error', refuse);
            resolve();
        });
    });
    const actualPort = server.address().port;
    return {
        server,
        port: actualPort,
        url: `http://127.0.0.1:${actualPort}`,
        close: () => new Promise((resolve) => {
            for (const timer of delayed)
                clearTimeout(timer);
            delayed.clear();
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
/** A port the emulator cannot listen on is the user's to change: say which, and what to do. */
function listenError(error, port) {
    if (error.code === 'EADDRINUSE') {
        return new SimInputError(`--port ${port}: port ${port} on 127.0.0.1 is already in use; choose another port, or --port 0 for a free one.`);
    }
    if (error.code === 'EACCES') {
        return new SimInputError(`--port ${port}: not allowed to listen on port ${port} on 127.0.0.1; choose a port above 1023, or --port 0 for a free one.`);
    }
    return error;
}
/** Counts down a per-operation fault budget (`faults.stalls`, `faults.lostResponses`); true while it lasts. */
function takeOne(budget, operation) {
    if ((budget[operation] ?? 0) <= 0)
        return false;
    budget[operation]--;
    return true;
}
/**
 * Each service's own 5xx: ECS and ECR model `ServerException`; CodeDeploy models no server error, and AWS answers it
 * with the common `InternalFailure`; CloudWatch Logs models `ServiceUnavailableException`. All HTTP 500.
 */
const SERVER_ERRORS = {
    ecs: { type: 'ServerException', message: 'Service unavailable, try again later.' },
    ecr: { type: 'ServerException', message: 'Service unavailable, try again later.' },
    codedeploy: {
        type: 'InternalFailure',
        message: 'The request processing has failed because of an unknown error, exception or failure.',
    },
    logs: { type: 'ServiceUnavailableException', message: 'The service cannot complete the request.' },
};
function serverError(service, message) {
    const { type, message: usual } = SERVER_ERRORS[service];
    return new AwsError(type, message ?? usual, 500);
}
function header(req, name) {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function send(res, status, payload) {
    const body = JSON.stringify(payload);
    const headers = {
        'content-type': 'application/x-amz-json-1.1',
        'content-length': Buffer.byteLength(body),
        'x-amzn-requestid': (0,external_node_crypto_.randomUUID)(),
    };
    if (status >= 300 && payload && typeof payload === 'object' && '__type' in payload) {
        headers['x-amzn-errortype'] = String(payload.__type);
    }
    res.writeHead(status, headers);
    res.end(body);
}

;// CONCATENATED MODULE: ./src/sim/core/state.ts



/**
 * The emulated account and region: every resource, the clock, the seeded randomness and the logs of calls. Service
 * modules (ecs, ecr, logs, later codedeploy) keep their state here so they can see each other, as the real services
 * do (ECS pulls from ECR and writes to CloudWatch Logs; CodeDeploy drives ECS task sets).
 */
class World {
    scenario;
    clock;
    seed;
    region;
    account;
    timing;
    faults;
    images;
    families = new Map();
    clusters = new Map();
    tasks = new Map();
    repositories = new Map();
    logGroups = new Map();
    resourceTags = new Map();
    calls = [];
    invocations = [];
    taskListener;
    random;
    usedIds = new Set();
    pendingEvents = new Map();
    eventFlush;
    constructor(scenario, clock, seed = 1) {
        this.scenario = scenario;
        this.clock = clock;
        this.seed = seed;
        this.region = scenario.region;
        this.account = scenario.account;
        this.timing = scenario.timing;
        this.faults = scenario.faults;
        this.images = scenario.images;
        this.random = sfc32(seed);
    }
    /** A uniformly distributed number in [0, 1) from the seeded generator. */
    rand() {
        return this.random();
    }
    /** Now in epoch seconds, with milliseconds at most (as AWS's timestamps). */
    nowSeconds() {
        return epochSeconds(this.clock.now());
    }
    hex(length) {
        let out = '';
        while (out.length < length)
            out += Math.floor(this.rand() * 0x100000000)
                .toString(16)
                .padStart(8, '0');
        return out.slice(0, length);
    }
    uuid() {
        const h = this.hex(32);
        const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    /** `ecs-svc/` + 19 digits, as ECS makes them: Long.MAX_VALUE minus the creation time in ms. */
    deploymentId() {
        let value = 9223372036854775807n - BigInt(Math.floor(this.clock.now())) - BigInt(Math.floor(this.rand() * 1000));
        while (this.usedIds.has(`ecs-svc/${value}`))
            value -= 1n;
        const id = `ecs-svc/${value}`;
        this.usedIds.add(id);
        return id;
    }
    arn(service, resource) {
        return `arn:aws:${service}:${this.region}:${this.account}:${resource}`;
    }
    clusterArn(name) {
        return this.arn('ecs', `cluster/${name}`);
    }
    /**
     * The resource name in a name or ARN (the part after `marker`); undefined for an ARN of another region or account,
     * which names nothing here (AWS would not find it in this region and account either).
     */
    localName(ref, marker) {
        return this.isForeign(ref) ? undefined : nameFromArn(ref, marker);
    }
    /** An ARN of another region or account. */
    isForeign(ref) {
        const match = /^arn:[^:]*:[^:]*:([^:]*):([^:]*):/.exec(ref);
        return match !== null && (match[1] !== this.region || match[2] !== this.account);
    }
    /** Looks a cluster up by name or ARN; a missing cluster is ClusterNotFoundException. */
    cluster(ref) {
        const name = this.localName(ref ?? 'default', 'cluster/');
        const cluster = name === undefined ? undefined : this.clusters.get(name);
        if (!cluster || cluster.status !== 'ACTIVE')
            throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
        return cluster;
    }
    serviceTasks(service) {
        return [...this.tasks.values()].filter((t) => t.clusterName === service.clusterName && t.serviceName === service.name);
    }
    /** Adds a service event now; events are kept newest first, at most 100. */
    addEvent(service, message) {
        service.events.unshift({ id: this.uuid(), createdAt: this.nowSeconds(), message });
        if (service.events.length > 100)
            service.events.length = 100;
    }
    /**
     * Collects events of one kind that happen at the same instant into one message, as ECS does
     * ("registered 2 targets in ...", "has stopped 2 running tasks: (task a) (task b).").
     */
    batchEvent(service, key, id, render) {
        const fullKey = `${service.arn}|${key}`;
        const pending = this.pendingEvents.get(fullKey);
        if (pending)
            pending.ids.push(id);
        else
            this.pendingEvents.set(fullKey, { service, render, ids: [id] });
        this.eventFlush ??= this.clock.after(0, () => this.flushEvents());
    }
    flushEvents() {
        this.eventFlush?.cancel();
        this.eventFlush = undefined;
        const pending = [...this.pendingEvents.values()];
        this.pendingEvents.clear();
        for (const { service, render, ids } of pending)
            this.addEvent(service, render(ids));
    }
    logGroup(name) {
        let group = this.logGroups.get(name);
        if (!group) {
            group = { name, arn: this.arn('logs', `log-group:${name}:*`), createdAt: this.clock.now(), streams: new Map() };
            this.logGroups.set(name, group);
        }
        return group;
    }
    /** Appends lines to a log stream, creating the group and stream as the awslogs driver does. */
    writeLogs(groupName, streamName, lines, at = this.clock.now()) {
        const group = this.logGroup(groupName);
        let stream = group.streams.get(streamName);
        if (!stream) {
            stream = { name: streamName, createdAt: at, events: [] };
            group.streams.set(streamName, stream);
        }
        for (const [i, message] of lines.entries()) {
            const timestamp = Math.floor(at) + i;
            stream.events.push({ timestamp, ingestionTime: timestamp + 15, message, eventId: this.logEventId(timestamp) });
        }
    }
    /** What a container of `uri` does, running `command` (an ECR image may behave differently per command). */
    behaviorOfImage(uri, command) {
        const outside = this.images[uri];
        if (outside)
            return { behavior: outside, digest: syntheticDigest(uri) };
        const ecr = parseEcrUri(uri);
        if (!ecr)
            return { behavior: undefined, digest: syntheticDigest(uri) };
        const repo = ecr.account === this.account && ecr.region === this.region ? this.repositories.get(ecr.repository) : undefined;
        const image = repo?.images.find((i) => (ecr.tag ? i.tags.includes(ecr.tag) : i.digest === ecr.digest));
        if (!image) {
            return {
                pullError: `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${uri}: not found`,
            };
        }
        const byCommand = command && image.commands?.[command.join(' ')];
        return { behavior: byCommand || image.behavior, digest: image.digest };
    }
    recordCall(record) {
        this.calls.push(record);
    }
    logEventId(timestamp) {
        return `${timestamp}`.padStart(20, '0') + this.hex(36).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10));
    }
}

;// CONCATENATED MODULE: ./src/sim/ecr.ts




const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** Default pushedAt/createdAt: a fixed instant, so digests and listings repeat from run to run. */
const DEFAULT_PUSHED_AT = Date.UTC(2025, 0, 10, 12, 0, 0);
/** Fills the emulated registry from the scenario's `ecr.repositories`; images sharing a digest merge their tags. */
function loadRepositories(world, scenario) {
    for (const [i, spec] of scenario.ecr.repositories.entries()) {
        const repo = {
            name: spec.name,
            arn: world.arn('ecr', `repository/${spec.name}`),
            uri: `${world.account}.dkr.ecr.${world.region}.amazonaws.com/${spec.name}`,
            createdAt: spec.createdAt ?? DEFAULT_PUSHED_AT - 86_400_000 * (30 - i),
            images: [],
        };
        for (const [j, image] of spec.images.entries()) {
            const manifest = manifestFor(spec.name, image.tag ?? image.digest ?? String(j));
            const digest = image.digest ?? `sha256:${sha256(manifest)}`;
            const existing = repo.images.find((r) => r.digest === digest);
            if (existing) {
                if (image.tag)
                    existing.tags.push(image.tag);
                continue;
            }
            for (const other of repo.images)
                other.tags = other.tags.filter((t) => t !== image.tag);
            repo.images.push({
                digest,
                tags: image.tag ? [image.tag] : [],
                sizeInBytes: image.sizeInBytes ?? 20_000_000 + (parseInt(digest.slice(7, 13), 16) % 80_000_000),
                pushedAt: image.pushedAt ?? DEFAULT_PUSHED_AT + j * 3_600_000,
                mediaType: image.mediaType ?? OCI_MANIFEST,
                behavior: image.behavior,
                ...(image.commands ? { commands: image.commands } : {}),
            });
        }
        world.repositories.set(spec.name, repo);
    }
}
function sha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
function manifestFor(repository, reference) {
    const config = sha256(`config:${repository}:${reference}`);
    const layer = sha256(`layer:${repository}:${reference}`);
    return JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${config}`, size: 1470 },
        layers: [
            {
                mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
                digest: `sha256:${layer}`,
                size: 20_000_000 + (parseInt(layer.slice(0, 6), 16) % 80_000_000),
            },
        ],
    });
}
function repository(world, name, registryId) {
    if (typeof name !== 'string' || name.length < 2) {
        throw new AwsError('InvalidParameterException', "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'");
    }
    if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
        throw new AwsError('InvalidParameterException', "Invalid parameter at 'registryId' failed to satisfy constraint: 'must satisfy regular expression '[0-9]{12}''");
    }
    const registry = registryId ?? world.account;
    const repo = registry === world.account ? world.repositories.get(name) : undefined;
    if (!repo) {
        throw new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registry}'`);
    }
    return repo;
}
function findImage(repo, id) {
    return repo.images.find((image) => (id.imageDigest === undefined || image.digest === id.imageDigest) &&
        (id.imageTag === undefined || image.tags.includes(id.imageTag)));
}
function imageNotFound(world, repo, id) {
    return new AwsError('ImageNotFoundException', `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repo.name}' in the registry with id '${world.account}'`);
}
function detail(world, repo, image) {
    const out = {
        registryId: world.account,
        repositoryName: repo.name,
        imageDigest: image.digest,
        imageSizeInBytes: image.sizeInBytes,
        imagePushedAt: epochSeconds(image.pushedAt),
        imageManifestMediaType: image.mediaType,
        artifactMediaType: 'application/vnd.oci.image.config.v1+json',
        imageStatus: 'ACTIVE',
    };
    if (image.tags.length > 0)
        out.imageTags = [...image.tags];
    return out;
}
function describeImages(world, input) {
    const repo = repository(world, input.repositoryName, input.registryId);
    if (input.imageIds && input.imageIds.length > 0) {
        if (input.imageIds.length > 100) {
            throw new AwsError('InvalidParameterException', "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length less than or equal to 100'");
        }
        const found = input.imageIds.map((id) => {
            const image = findImage(repo, id);
            if (!image)
                throw imageNotFound(world, repo, id);
            return image;
        });
        return { imageDetails: [...new Set(found)].map((image) => detail(world, repo, image)) };
    }
    const tagStatus = input.filter?.tagStatus ?? 'ANY';
    const images = repo.images.filter((image) => tagStatus === 'ANY' || (tagStatus === 'TAGGED' ? image.tags.length > 0 : image.tags.length === 0));
    const { items, nextToken } = page(images, input.maxResults, input.nextToken, { default: 100, max: 1000 });
    return { imageDetails: items.map((image) => detail(world, repo, image)), nextToken };
}
function describeRepositories(world, input) {
    const registry = input.registryId ?? world.account;
    const render = (repo) => ({
        repositoryArn: repo.arn,
        registryId: world.account,
        repositoryName: repo.name,
        repositoryUri: repo.uri,
        createdAt: epochSeconds(repo.createdAt),
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: false },
        encryptionConfiguration: { encryptionType: 'AES256' },
    });
    if (input.repositoryNames && input.repositoryNames.length > 0) {
        return { repositories: input.repositoryNames.map((name) => render(repository(world, name, registry))) };
    }
    const all = registry === world.account ? [...world.repositories.values()] : [];
    const { items, nextToken } = page(all, input.maxResults, input.nextToken, { default: 100, max: 1000 });
    return { repositories: items.map(render), nextToken };
}
function batchGetImage(world, input) {
    const repo = repository(world, input.repositoryName, input.registryId);
    const images = [];
    const failures = [];
    for (const id of input.imageIds ?? []) {
        if (id.imageDigest === undefined && id.imageTag === undefined) {
            failures.push({
                imageId: id,
                failureCode: 'MissingDigestAndTag',
                failureReason: 'Invalid request parameters: both tag and digest cannot be null',
            });
            continue;
        }
        const image = findImage(repo, id);
        if (!image) {
            const tagged = id.imageTag !== undefined && repo.images.some((i) => i.tags.includes(id.imageTag ?? ''));
            failures.push(tagged
                ? {
                    imageId: id,
                    failureCode: 'ImageTagDoesNotMatchDigest',
                    failureReason: 'Invalid request parameters: image tag does not match digest',
                }
                : { imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
            continue;
        }
        images.push({
            registryId: world.account,
            repositoryName: repo.name,
            imageId: { imageDigest: image.digest, imageTag: id.imageTag ?? image.tags[0] },
            imageManifest: manifestFor(repo.name, image.tags[0] ?? image.digest),
            imageManifestMediaType: image.mediaType,
        });
    }
    return { images, failures };
}
function ecrDefinition(world) {
    return {
        id: 'ecr',
        targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
        operations: {
            DescribeImages: (input) => describeImages(world, input),
            DescribeRepositories: (input) => describeRepositories(world, input),
            BatchGetImage: (input) => batchGetImage(world, input),
        },
    };
}

;// CONCATENATED MODULE: ./src/sim/ecs/wire.ts



function renderCluster(ecs, cluster, include) {
    const tasks = [...ecs.world.tasks.values()].filter((t) => t.clusterName === cluster.name && t.desiredStatus === 'RUNNING');
    return {
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        status: cluster.status,
        registeredContainerInstancesCount: 0,
        runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
        pendingTasksCount: tasks.filter((t) => t.lastStatus !== 'RUNNING').length,
        activeServicesCount: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').length,
        statistics: [],
        tags: include.includes('TAGS') ? (ecs.world.resourceTags.get(cluster.arn) ?? []) : [],
        settings: include.includes('SETTINGS') ? [{ name: 'containerInsights', value: 'disabled' }] : [],
        capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        defaultCapacityProviderStrategy: [],
    };
}
function renderService(ecs, service, withTags) {
    const tasks = ecs.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING');
    const taskSets = service.controller !== 'ECS';
    const rendered = {
        serviceArn: service.arn,
        serviceName: service.name,
        clusterArn: ecs.world.clusterArn(service.clusterName),
        loadBalancers: service.loadBalancers,
        serviceRegistries: [],
        status: service.status,
        desiredCount: service.desiredCount,
        runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
        pendingCount: tasks.filter((t) => isPending(t)).length,
        launchType: service.launchType,
        platformVersion: service.platformVersion,
        platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
        taskDefinition: service.taskDefinitionArn,
        deploymentConfiguration: service.deploymentConfiguration,
        taskSets: taskSets ? service.deployments.map((d) => renderTaskSet(ecs, service, d)) : undefined,
        deployments: taskSets ? [] : service.deployments.map((d) => wire_renderDeployment(ecs, service, d)),
        roleArn: service.roleArn,
        events: service.events.map((e) => ({ ...e })),
        createdAt: service.createdAt,
        placementConstraints: service.placementConstraints,
        placementStrategy: service.placementStrategy,
        networkConfiguration: service.networkConfiguration,
        healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
        schedulingStrategy: service.schedulingStrategy,
        deploymentController: { type: service.controller },
        tags: withTags ? (ecs.world.resourceTags.get(service.arn) ?? []) : undefined,
        createdBy: service.createdBy,
        enableECSManagedTags: service.enableECSManagedTags,
        propagateTags: service.propagateTags,
        enableExecuteCommand: service.enableExecuteCommand,
        availabilityZoneRebalancing: 'DISABLED',
        ...currentServiceDeployment(ecs.world, service),
    };
    return withoutUndefined(rendered);
}
/** DescribeServices' view of the service deployment in progress (or the last one) and the revisions it runs. */
function currentServiceDeployment(world, service) {
    const current = service.serviceDeployments[service.serviceDeployments.length - 1];
    if (!current)
        return {};
    const moving = current.lifecycleStage !== undefined && current.finishedAt === undefined && current.stoppedAt === undefined;
    return {
        currentServiceDeployment: current.arn,
        currentServiceRevisions: service.deployments.map((d) => revisionSummary(world, service, moving ? current : undefined, d)),
    };
}
function wire_renderDeployment(ecs, service, d) {
    const tasks = ecs.world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING');
    return withoutUndefined({
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinitionArn,
        desiredCount: d.desiredCount,
        pendingCount: tasks.filter((t) => isPending(t)).length,
        runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
        failedTasks: d.failedTasks,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        launchType: d.launchType,
        platformVersion: d.platformVersion,
        platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
        networkConfiguration: d.networkConfiguration,
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
    });
}
function renderTaskSet(ecs, service, d) {
    const tasks = ecs.world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING');
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
    const stable = running === d.desiredCount && tasks.length === d.desiredCount;
    return withoutUndefined({
        id: d.id,
        taskSetArn: d.taskSet?.arn,
        serviceArn: service.arn,
        clusterArn: ecs.world.clusterArn(service.clusterName),
        startedBy: service.controller === 'CODE_DEPLOY' ? 'CodeDeploy' : undefined,
        externalId: d.taskSet?.externalId,
        status: d.status,
        taskDefinition: d.taskDefinitionArn,
        computedDesiredCount: d.desiredCount,
        pendingCount: tasks.filter((t) => isPending(t)).length,
        runningCount: running,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        launchType: d.launchType,
        platformVersion: d.platformVersion,
        platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
        networkConfiguration: d.networkConfiguration,
        loadBalancers: d.taskSet?.loadBalancers ?? [],
        serviceRegistries: [],
        scale: { value: d.taskSet?.scale ?? 100, unit: 'PERCENT' },
        stabilityStatus: stable ? 'STEADY_STATE' : 'STABILIZING',
        stabilityStatusAt: d.updatedAt,
    });
}
function renderTask(ecs, task, withTags) {
    const containers = task.containers.map((c) => withoutUndefined({
        containerArn: ecs.world.arn('ecs', `container/${task.clusterName}/${task.id}/${c.runtimeId.slice(-36)}`),
        taskArn: task.arn,
        name: c.name,
        image: c.image,
        imageDigest: c.imageDigest,
        runtimeId: c.runtimeId,
        lastStatus: c.lastStatus,
        exitCode: c.exitCode,
        reason: c.reason,
        networkBindings: [],
        networkInterfaces: task.launchType === 'FARGATE' || task.containers.length > 0
            ? [{ attachmentId: task.id.slice(0, 8) + '-eni', privateIpv4Address: task.privateIp }]
            : [],
        healthStatus: c.healthStatus,
        cpu: c.cpu,
        memory: c.memory,
        memoryReservation: c.memoryReservation,
    }));
    return withoutUndefined({
        attachments: [],
        attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
        availabilityZone: task.availabilityZone,
        clusterArn: ecs.world.clusterArn(task.clusterName),
        connectivity: task.connectivityAt !== undefined ? 'CONNECTED' : undefined,
        connectivityAt: seconds(task.connectivityAt),
        containers,
        cpu: task.cpu,
        createdAt: seconds(task.createdAt),
        desiredStatus: task.desiredStatus,
        enableExecuteCommand: false,
        executionStoppedAt: seconds(task.executionStoppedAt),
        group: task.group,
        healthStatus: task.healthStatus,
        lastStatus: task.lastStatus,
        launchType: task.launchType,
        memory: task.memory,
        overrides: task.overrides,
        platformVersion: task.platformVersion,
        platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
        pullStartedAt: seconds(task.pullStartedAt),
        pullStoppedAt: seconds(task.pullStoppedAt),
        startedAt: seconds(task.startedAt),
        startedBy: task.startedBy,
        stopCode: task.stopCode,
        stoppedAt: seconds(task.stoppedAt),
        stoppedReason: task.stoppedReason,
        stoppingAt: seconds(task.stoppingAt),
        tags: withTags ? (ecs.world.resourceTags.get(task.arn) ?? []) : [],
        taskArn: task.arn,
        taskDefinitionArn: task.taskDefinitionArn,
        version: task.version,
        ephemeralStorage: task.launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
    });
}
function isPending(task) {
    return task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING' || task.lastStatus === 'ACTIVATING';
}
function seconds(ms) {
    return ms === undefined ? undefined : epochSeconds(ms);
}

;// CONCATENATED MODULE: ./src/sim/ecs/clusters.ts



function createCluster(ecs, input) {
    const name = input.clusterName ?? 'default';
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name))
        throw invalid('Cluster name is invalid.');
    let cluster = ecs.world.clusters.get(name);
    if (!cluster || cluster.status !== 'ACTIVE') {
        cluster = { name, arn: ecs.world.clusterArn(name), status: 'ACTIVE', services: new Map() };
        ecs.world.clusters.set(name, cluster);
    }
    if (input.tags?.length)
        ecs.world.resourceTags.set(cluster.arn, [...input.tags]);
    return { cluster: renderCluster(ecs, cluster, []) };
}
function describeClusters(ecs, input) {
    const refs = input.clusters && input.clusters.length > 0 ? input.clusters : ['default'];
    const clusters = [];
    const failures = [];
    for (const ref of refs) {
        const name = ecs.world.localName(ref, 'cluster/');
        const cluster = name === undefined ? undefined : ecs.world.clusters.get(name);
        if (cluster)
            clusters.push(renderCluster(ecs, cluster, input.include ?? []));
        else
            failures.push({ arn: ref.startsWith('arn:') ? ref : ecs.world.clusterArn(ref), reason: 'MISSING' });
    }
    return { clusters, failures };
}
function listClusters(ecs, input) {
    const arns = [...ecs.world.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn);
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 100, max: 100 });
    return { clusterArns: items, nextToken };
}

;// CONCATENATED MODULE: ./src/sim/core/types.ts
/** The stages of an ECS-native deployment, in order (aws-facts-ecs-native.md §2). */
const NATIVE_STAGES = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP',
];

;// CONCATENATED MODULE: ./src/sim/ecs/native-config.ts


// What CreateService and UpdateService refuse in an ECS-native configuration, with ECS's messages where they are
// documented (aws-facts-ecs-native.md §1; troubleshooting-blue-green).
const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
/** Stages a hook may hold: all but those ECS runs by itself (aws-facts-ecs-native.md §1). */
const HOOK_STAGES = NATIVE_STAGES.filter((stage) => stage !== 'SCALE_UP' && stage !== 'BAKE_TIME' && stage !== 'CLEAN_UP');
/** Stages where ECS is shifting traffic itself: a PAUSE hook cannot hold them. */
const SHIFT_STAGES = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
const MAX_HOOKS_PER_TYPE = 10;
function checkDeploymentStrategy(config, loadBalancers) {
    const strategy = config.strategy ?? 'ROLLING';
    if (!STRATEGIES.includes(strategy)) {
        throw invalid(`Invalid deployment strategy: ${strategy}. Valid values are: ${STRATEGIES.join(', ')}`);
    }
    if (strategy === 'ROLLING')
        return;
    checkRange('bakeTimeInMinutes', config.bakeTimeInMinutes, 0, 1440);
    checkRange('linearConfiguration.stepPercent', config.linearConfiguration?.stepPercent, 3, 100);
    checkRange('linearConfiguration.stepBakeTimeInMinutes', config.linearConfiguration?.stepBakeTimeInMinutes, 0, 1440);
    checkRange('canaryConfiguration.canaryPercent', config.canaryConfiguration?.canaryPercent, 0.1, 100);
    checkRange('canaryConfiguration.canaryBakeTimeInMinutes', config.canaryConfiguration?.canaryBakeTimeInMinutes, 0, 1440);
    checkHooks(config.lifecycleHooks ?? []);
    for (const lb of loadBalancers)
        checkAdvancedConfiguration(lb);
}
function checkRange(name, value, min, max) {
    if (value === undefined)
        return;
    if (!(typeof value === 'number' && value >= min && value <= max)) {
        throw invalid(`${name} must be between ${min} and ${max}, got ${value}.`);
    }
}
function checkHooks(hooks) {
    for (const hook of hooks) {
        const type = hook.targetType ?? 'AWS_LAMBDA';
        if (type !== 'AWS_LAMBDA' && type !== 'PAUSE')
            throw invalid('Invalid targetType. Valid values are: AWS_LAMBDA, PAUSE');
        if (type === 'AWS_LAMBDA' && !hook.hookTargetArn) {
            throw invalid('hookTargetArn is required for lifecycle hooks with targetType AWS_LAMBDA.');
        }
        const stages = (hook.lifecycleStages ?? []);
        if (stages.length === 0)
            throw invalid('lifecycleStages must contain at least one lifecycle stage.');
        const unknown = stages.find((stage) => !HOOK_STAGES.includes(stage));
        if (unknown)
            throw invalid(`Invalid lifecycle stage: ${unknown}. Valid values are: ${HOOK_STAGES.join(', ')}`);
        if (type === 'PAUSE' && stages.some((stage) => SHIFT_STAGES.includes(stage))) {
            throw invalid('Invalid lifecycle stage provided for Pause Hook');
        }
        const timeout = hook.timeoutConfiguration;
        checkRange('timeoutConfiguration.timeoutInMinutes', timeout?.timeoutInMinutes, 1, type === 'PAUSE' ? 20160 : 1440);
        if (timeout?.action !== undefined && timeout.action !== 'ROLLBACK' && timeout.action !== 'CONTINUE') {
            throw invalid(`Invalid timeoutConfiguration.action: ${timeout.action}. Valid values are: ROLLBACK, CONTINUE`);
        }
    }
    for (const type of ['AWS_LAMBDA', 'PAUSE']) {
        const count = hooks.filter((hook) => (hook.targetType ?? 'AWS_LAMBDA') === type).length;
        if (count > MAX_HOOKS_PER_TYPE) {
            throw invalid(`A service can have at most ${MAX_HOOKS_PER_TYPE} ${type} lifecycle hooks, got ${count}.`);
        }
    }
}
function checkAdvancedConfiguration(lb) {
    const advanced = lb.advancedConfiguration;
    if (!advanced) {
        throw invalid('advancedConfiguration field is required for all loadBalancers when using a non-ROLLING deployment strategy');
    }
    const rule = advanced.productionListenerRule ?? '';
    if (!/^arn:aws[\w-]*:elasticloadbalancing:[^:]+:\d{12}:(listener-rule\/app|listener\/net)\//.test(rule)) {
        throw invalid(`productionListenerRule has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${rule}`);
    }
    if (!advanced.alternateTargetGroupArn) {
        throw invalid('alternateTargetGroupArn is required in advancedConfiguration.');
    }
    if (!advanced.roleArn)
        throw invalid('roleArn is required in advancedConfiguration.');
}

;// CONCATENATED MODULE: ./src/sim/ecs/task-definitions.ts



const NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Fargate task sizes: cpu units -> accepted memory MiB (aws-facts.md §2). */
const FARGATE_SIZES = {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
};
function range(from, to, step) {
    const out = [];
    for (let n = from; n <= to; n += step)
        out.push(n);
    return out;
}
function clientError(message) {
    return new AwsError('ClientException', message);
}
/** `"1 vCPU"`, `"0.5 vcpu"`, `"1024"` -> 1024; undefined when not a recognizable cpu value. */
function parseCpu(value) {
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text);
    const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text);
    return vcpu ? Math.round(Number(vcpu[1]) * 1024) : undefined;
}
/** `"1GB"`, `"2 gb"`, `"512"` (MiB) -> MiB; undefined when not a recognizable memory value. */
function parseMemory(value) {
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text);
    const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text);
    if (gb)
        return Math.round(Number(gb[1]) * 1024);
    const mb = /^(\d+)\s*mi?b$/i.exec(text);
    return mb ? Number(mb[1]) : undefined;
}
/** RegisterTaskDefinition as ECS checks and stores it. */
function registerTaskDefinition(world, input) {
    const family = input.family;
    if (typeof family !== 'string' || family === '')
        throw clientError('Family name should not be null or empty.');
    if (!NAME.test(family)) {
        throw clientError('Family name may only contain letters (uppercase and lowercase), numbers, hyphens, and underscores; up to 255 characters.');
    }
    const containers = input.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0)
        throw clientError('Container list cannot be empty.');
    if (containers.length > 10)
        throw clientError('Too many containers. A task definition can have at most 10 containers.');
    if ((input.tags ?? []).length > 50)
        throw new AwsError('InvalidParameterException', 'The maximum number of tags (50) was exceeded.');
    validateTags(input.tags ?? []);
    validateCompatibilities(input.requiresCompatibilities ?? []);
    const requires = input.requiresCompatibilities ?? [];
    const fargate = requires.includes('FARGATE');
    const cpu = input.cpu === undefined || input.cpu === null ? undefined : parseCpu(String(input.cpu));
    if (input.cpu !== undefined && input.cpu !== null && cpu === undefined)
        throw clientError("Invalid 'cpu' setting for task.");
    const memory = input.memory === undefined || input.memory === null ? undefined : parseMemory(String(input.memory));
    if (input.memory !== undefined && input.memory !== null && memory === undefined) {
        throw clientError("Invalid 'memory' setting for task.");
    }
    const names = new Set();
    for (const c of containers)
        validateContainer(c, names, memory, input.networkMode);
    if (!containers.some((c) => c.essential !== false))
        throw clientError('At least one essential container is required.');
    const networkMode = input.networkMode ?? (fargate ? undefined : 'bridge');
    if (fargate)
        validateFargate(input, cpu, memory);
    else if (cpu !== undefined && (cpu < 128 || cpu > 196608))
        throw clientError("Invalid 'cpu' setting for task.");
    const entry = world.families.get(family) ?? { revisions: [], lastRevision: 0 };
    world.families.set(family, entry);
    const revision = ++entry.lastRevision;
    const arn = world.arn('ecs', `task-definition/${family}:${revision}`);
    const fargateCompatible = networkMode === 'awsvpc' && cpu !== undefined && memory !== undefined && FARGATE_SIZES[cpu]?.includes(memory);
    const record = {
        taskDefinitionArn: arn,
        containerDefinitions: containers.map(withDefaults(networkMode)),
        family,
        taskRoleArn: input.taskRoleArn,
        executionRoleArn: input.executionRoleArn,
        networkMode,
        revision,
        volumes: input.volumes ?? [],
        status: 'ACTIVE',
        requiresAttributes: requiredAttributes(input, networkMode),
        placementConstraints: input.placementConstraints ?? [],
        compatibilities: fargateCompatible ? ['EC2', 'FARGATE'] : ['EC2'],
        runtimePlatform: input.runtimePlatform,
        requiresCompatibilities: input.requiresCompatibilities,
        cpu: cpu === undefined ? undefined : String(cpu),
        memory: memory === undefined ? undefined : String(memory),
        pidMode: input.pidMode,
        ipcMode: input.ipcMode,
        proxyConfiguration: input.proxyConfiguration,
        inferenceAccelerators: input.inferenceAccelerators,
        ephemeralStorage: input.ephemeralStorage,
        enableFaultInjection: input.enableFaultInjection,
        registeredAt: world.nowSeconds(),
        registeredBy: `arn:aws:iam::${world.account}:root`,
    };
    dropUndefined(record);
    entry.revisions.push(record);
    if (input.tags && input.tags.length > 0)
        world.resourceTags.set(arn, [...input.tags]);
    return { taskDefinition: record, tags: input.tags && input.tags.length > 0 ? input.tags : undefined };
}
const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
function validateCompatibilities(requires) {
    const unknown = requires.find((c) => !COMPATIBILITIES.includes(c));
    if (unknown !== undefined) {
        throw clientError(`Invalid requiresCompatibilities value: ${unknown}. Valid values are: ${COMPATIBILITIES.join(', ')}.`);
    }
}
/** The `aws:` prefix is reserved for AWS's own tags, in any case. */
function validateTags(tags) {
    const reserved = tags.find((t) => (t.key ?? '').toLowerCase().startsWith('aws:'));
    if (reserved)
        throw clientError(`Tag keys beginning with 'aws:' are reserved for AWS use: ${reserved.key}`);
}
/** ECS's bounds for a container health check (seconds, retries), as RegisterTaskDefinition enforces them. */
const HEALTH_CHECK_BOUNDS = {
    interval: [5, 300],
    timeout: [2, 120],
    retries: [1, 10],
    startPeriod: [0, 300],
};
function validateHealthCheck(c) {
    for (const [key, [min, max]] of Object.entries(HEALTH_CHECK_BOUNDS)) {
        const value = c.healthCheck?.[key];
        if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
            throw clientError(`Invalid 'healthCheck' setting for container '${c.name}'. '${key}' must be between ${min} and ${max}, got ${value}.`);
        }
    }
}
function validatePortMappings(c, networkMode) {
    for (const p of c.portMappings ?? []) {
        if (p.protocol !== undefined && p.protocol !== 'tcp' && p.protocol !== 'udp') {
            throw clientError(`Invalid 'protocol' setting for container '${c.name}': ${String(p.protocol)}. Valid values are: tcp, udp.`);
        }
        if (networkMode === 'awsvpc' && p.hostPort !== undefined && p.hostPort !== p.containerPort) {
            throw clientError('When networkMode=awsvpc, the host ports and container ports in port mappings must match.');
        }
    }
}
function validateContainer(c, names, taskMemory, networkMode) {
    if (typeof c.name !== 'string' || c.name === '')
        throw clientError('Container.name should not be null or empty.');
    if (!NAME.test(c.name)) {
        throw clientError(`Container name '${c.name}' may only contain letters (uppercase and lowercase), numbers, hyphens, and underscores; up to 255 characters.`);
    }
    if (names.has(c.name))
        throw clientError(`Duplicate container name: ${c.name}`);
    names.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '')
        throw clientError('Container.image should not be null or empty.');
    if (c.image.length > 255)
        throw clientError(`Invalid 'image' setting for container '${c.name}'. Image name is too long.`);
    if (taskMemory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
        throw clientError(`Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
    }
    if (c.logConfiguration && !c.logConfiguration.logDriver) {
        throw clientError(`Invalid setting for container '${c.name}'. 'logDriver' should not be null or empty.`);
    }
    validatePortMappings(c, networkMode);
    validateHealthCheck(c);
}
function validateFargate(input, cpu, memory) {
    if (input.networkMode !== 'awsvpc')
        throw clientError("Fargate only supports network mode 'awsvpc'.");
    if (cpu === undefined)
        throw clientError("Fargate requires that 'cpu' be defined at the task level.");
    if (memory === undefined)
        throw clientError("Fargate requires that 'memory' be defined at the task level.");
    if (!FARGATE_SIZES[cpu]?.includes(memory)) {
        throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
    }
    const windows = input.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS');
    if (windows && cpu < 1024) {
        throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
    }
    const containers = input.containerDefinitions ?? [];
    if (!input.executionRoleArn) {
        if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
            throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.');
        }
        if (containers.some((c) => c.image && parseEcrUri(c.image))) {
            throw clientError('Fargate requires task definition to have execution role ARN to support ECR images.');
        }
    }
}
/** ECS stores container definitions with its defaults filled in (cpu 0, tcp ports, empty lists). */
function withDefaults(networkMode) {
    return (c) => {
        const out = {
            ...c,
            cpu: c.cpu ?? 0,
            portMappings: (c.portMappings ?? []).map((p) => ({
                ...p,
                hostPort: p.hostPort ?? (networkMode === 'awsvpc' || networkMode === 'host' ? p.containerPort : undefined),
                protocol: p.protocol ?? 'tcp',
            })),
            essential: c.essential ?? true,
            environment: c.environment ?? [],
            mountPoints: c.mountPoints ?? [],
            volumesFrom: c.volumesFrom ?? [],
            systemControls: c.systemControls ?? [],
        };
        for (const p of out.portMappings ?? [])
            dropUndefined(p);
        return out;
    };
}
function requiredAttributes(input, networkMode) {
    const names = new Set(['com.amazonaws.ecs.capability.docker-remote-api.1.18']);
    const containers = input.containerDefinitions ?? [];
    if (networkMode === 'awsvpc')
        names.add('ecs.capability.task-eni');
    if (input.taskRoleArn)
        names.add('com.amazonaws.ecs.capability.task-iam-role');
    if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
        names.add('com.amazonaws.ecs.capability.logging-driver.awslogs');
        if (input.executionRoleArn)
            names.add('ecs.capability.execution-role-awslogs');
        names.add('com.amazonaws.ecs.capability.docker-remote-api.1.19');
    }
    if (containers.some((c) => c.image && parseEcrUri(c.image))) {
        names.add('com.amazonaws.ecs.capability.ecr-auth');
        if (input.executionRoleArn)
            names.add('ecs.capability.execution-role-ecr-pull');
    }
    if (containers.some((c) => c.healthCheck))
        names.add('ecs.capability.container-health-check');
    if (containers.some((c) => (c.secrets ?? []).some((s) => s.valueFrom?.includes(':secretsmanager:')))) {
        names.add('ecs.capability.secrets.asm.environment-variables');
    }
    if (containers.some((c) => (c.secrets ?? []).some((s) => !s.valueFrom?.includes(':secretsmanager:')))) {
        names.add('ecs.capability.secrets.ssm.environment-variables');
    }
    if (containers.some((c) => c.dependsOn && c.dependsOn.length > 0))
        names.add('ecs.capability.container-ordering');
    return [...names].sort().map((name) => ({ name }));
}
function dropUndefined(object) {
    const record = object;
    for (const key of Object.keys(record))
        if (record[key] === undefined)
            delete record[key];
}
/** Resolves `family` (latest ACTIVE), `family:revision` or an ARN. */
function resolveTaskDefinition(world, ref) {
    if (typeof ref !== 'string' || ref === '' || world.isForeign(ref))
        return undefined;
    const text = ref.startsWith('arn:') ? ref.replace(/^arn:aws[\w-]*:ecs:[^:]+:\d{12}:task-definition\//, '') : ref;
    if (text.startsWith('arn:'))
        return undefined;
    const [family, revision] = text.split(':');
    const entry = world.families.get(family);
    if (!entry)
        return undefined;
    if (revision === undefined)
        return [...entry.revisions].reverse().find((r) => r.status === 'ACTIVE');
    return entry.revisions.find((r) => r.revision === Number(revision) && r.status !== 'DELETE_IN_PROGRESS');
}
function describeTaskDefinition(world, input) {
    const record = resolveTaskDefinition(world, input.taskDefinition);
    if (!record)
        throw clientError('Unable to describe task definition.');
    const tags = world.resourceTags.get(record.taskDefinitionArn) ?? [];
    return input.include?.includes('TAGS') ? { taskDefinition: record, tags } : { taskDefinition: record };
}
function deregisterTaskDefinition(world, input) {
    const ref = input.taskDefinition ?? '';
    if (!/:\d+$/.test(ref))
        throw clientError('Invalid revision number. Number: ' + (ref.split(':')[1] ?? ''));
    const record = resolveTaskDefinition(world, ref);
    if (!record)
        throw clientError('The specified task definition does not exist.');
    if (record.status === 'ACTIVE') {
        record.status = 'INACTIVE';
        record.deregisteredAt = world.nowSeconds();
    }
    return { taskDefinition: record };
}
function listTaskDefinitions(world, input) {
    const status = input.status ?? 'ACTIVE';
    if (status !== 'ACTIVE' && status !== 'INACTIVE' && status !== 'DELETE_IN_PROGRESS') {
        throw clientError(`Invalid status: ${String(status)}`);
    }
    const sort = input.sort ?? 'ASC';
    const all = [...world.families.keys()]
        .sort()
        .filter((family) => input.familyPrefix === undefined || family === input.familyPrefix)
        .flatMap((family) => world.families.get(family)?.revisions ?? [])
        .filter((r) => r.status === status)
        .map((r) => r.taskDefinitionArn);
    if (sort === 'DESC')
        all.reverse();
    const { items, nextToken } = page(all, input.maxResults, input.nextToken, { default: 100, max: 100 });
    return { taskDefinitionArns: items, nextToken };
}
function listTaskDefinitionFamilies(world, input) {
    const status = input.status ?? 'ACTIVE';
    const families = [...world.families.entries()]
        .filter(([family]) => input.familyPrefix === undefined || family.startsWith(input.familyPrefix))
        .filter(([, entry]) => {
        const active = entry.revisions.some((r) => r.status === 'ACTIVE');
        return status === 'ALL' || (status === 'ACTIVE' ? active : !active);
    })
        .map(([family]) => family)
        .sort();
    const { items, nextToken } = page(families, input.maxResults, input.nextToken, { default: 100, max: 100 });
    return { families: items, nextToken };
}

;// CONCATENATED MODULE: ./src/sim/ecs/task-sets.ts


/**
 * Adds a task set to a CODE_DEPLOY / EXTERNAL service (the first one PRIMARY). The CodeDeploy emulator uses this to
 * create the replacement (green) task set, then `scaleTaskSet`, `setPrimaryTaskSet` and `deleteTaskSet`.
 */
function createTaskSet(ecs, service, taskDefinitionArn, options) {
    const now = ecs.world.nowSeconds();
    const id = ecs.world.deploymentId();
    const set = {
        id,
        status: service.deployments.length === 0 ? 'PRIMARY' : 'ACTIVE',
        taskDefinitionArn,
        desiredCount: 0,
        failedTasks: 0,
        createdAt: now,
        updatedAt: now,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: '',
        evaluating: false,
        launchType: service.launchType,
        platformVersion: service.launchType === 'FARGATE' ? (service.platformVersion ?? 'LATEST') : undefined,
        networkConfiguration: service.networkConfiguration,
        revisionArn: revisionArn(ecs.world, service, id),
        taskSet: {
            arn: ecs.world.arn('ecs', `task-set/${service.clusterName}/${service.name}/${id}`),
            scale: options.scale,
            externalId: options.externalId,
            trafficWeight: options.trafficWeight ?? 0,
            loadBalancers: options.loadBalancers ?? service.loadBalancers,
        },
    };
    service.deployments.push(set);
    service.history.push(set);
    if (set.status === 'PRIMARY')
        service.taskDefinitionArn = taskDefinitionArn;
    service.steady = false;
    ecs.scheduler.schedule(service);
    return set;
}
function scaleTaskSet(ecs, service, set, scale) {
    if (set.taskSet)
        set.taskSet.scale = scale;
    set.updatedAt = ecs.world.nowSeconds();
    ecs.scheduler.schedule(service);
}
function setPrimaryTaskSet(ecs, service, set) {
    for (const other of service.deployments)
        if (other.status === 'PRIMARY')
            other.status = 'ACTIVE';
    set.status = 'PRIMARY';
    service.deployments = [set, ...service.deployments.filter((d) => d !== set)];
    service.taskDefinitionArn = set.taskDefinitionArn;
}
/** Removes a task set; its tasks are stopped (drained when load-balanced). */
function deleteTaskSet(ecs, service, set) {
    set.status = 'INACTIVE';
    service.deployments = service.deployments.filter((d) => d !== set);
    for (const t of ecs.world.serviceTasks(service)) {
        if (t.deploymentId === set.id) {
            stopTask(ecs.world, t, {
                stopCode: 'ServiceSchedulerInitiated',
                reason: `Scaling activity initiated by (deployment ${set.id})`,
                announce: true,
            });
        }
    }
    ecs.scheduler.schedule(service);
}

;// CONCATENATED MODULE: ./src/sim/ecs/services.ts







/** Creates a service (from the API or the scenario); scenario services get a default network configuration. */
function createService(ecs, input, fromScenario = false) {
    const cluster = ecs.world.cluster(input.cluster);
    const name = input.serviceName;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
        throw invalid('Service name is invalid: up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.');
    }
    const existing = cluster.services.get(name);
    if (existing && existing.status !== 'INACTIVE')
        throw invalid('Creation of service was not idempotent.');
    const controller = input.deploymentController?.type ?? 'ECS';
    if (!['ECS', 'CODE_DEPLOY', 'EXTERNAL'].includes(controller))
        throw invalid(`Invalid deployment controller type: ${controller}`);
    const desiredCount = input.desiredCount ?? (input.schedulingStrategy === 'DAEMON' ? 0 : undefined);
    if (desiredCount === undefined && controller !== 'EXTERNAL')
        throw invalid('The desired count of the service must be specified.');
    if (desiredCount !== undefined && (!Number.isInteger(desiredCount) || desiredCount < 0)) {
        throw invalid('The desired count of the service must be a non-negative integer.');
    }
    let taskDefinition;
    if (controller !== 'EXTERNAL' || input.taskDefinition) {
        if (!input.taskDefinition)
            throw invalid('TaskDefinition is required.');
        taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition);
        if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
            throw new AwsError('ClientException', 'TaskDefinition not found.');
    }
    const fargateByDefault = fromScenario && taskDefinition?.requiresCompatibilities?.includes('FARGATE');
    const launchType = input.launchType ?? (input.capacityProviderStrategy?.length ? undefined : fargateByDefault ? 'FARGATE' : 'EC2');
    let networkConfiguration = input.networkConfiguration;
    if (taskDefinition) {
        checkLaunchType(taskDefinition, launchType);
        if (taskDefinition.networkMode === 'awsvpc' && !networkConfiguration) {
            if (!fromScenario)
                throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            networkConfiguration = defaultNetwork(ecs, name);
        }
        checkLoadBalancers(taskDefinition, input.loadBalancers ?? []);
    }
    const deploymentConfiguration = withConfigDefaults(controller, input.deploymentConfiguration);
    if (controller === 'ECS')
        checkDeploymentStrategy(deploymentConfiguration, input.loadBalancers ?? []);
    const now = ecs.world.nowSeconds();
    const service = {
        name,
        arn: ecs.world.arn('ecs', `service/${cluster.name}/${name}`),
        clusterName: cluster.name,
        status: 'ACTIVE',
        controller,
        desiredCount: desiredCount ?? 0,
        taskDefinitionArn: taskDefinition?.taskDefinitionArn,
        launchType,
        platformVersion: launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : input.platformVersion,
        loadBalancers: input.loadBalancers ?? [],
        networkConfiguration,
        healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? (input.loadBalancers?.length ? 0 : undefined),
        deploymentConfiguration,
        placementConstraints: input.placementConstraints ?? [],
        placementStrategy: input.placementStrategy ?? [],
        schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
        propagateTags: input.propagateTags ?? 'NONE',
        enableECSManagedTags: input.enableECSManagedTags ?? false,
        enableExecuteCommand: input.enableExecuteCommand ?? false,
        roleArn: input.loadBalancers?.length
            ? (input.role ?? `arn:aws:iam::${ecs.world.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`)
            : undefined,
        createdAt: now,
        createdBy: `arn:aws:iam::${ecs.world.account}:root`,
        events: [],
        deployments: [],
        history: [],
        serviceDeployments: [],
        steady: false,
        throttle: { failures: 0, nextLaunchAt: 0, announcedAt: 0 },
    };
    cluster.services.set(name, service);
    if (input.tags?.length)
        ecs.world.resourceTags.set(service.arn, [...input.tags]);
    if (taskDefinition) {
        if (controller === 'ECS')
            ecs.scheduler.startDeployment(service, taskDefinition.taskDefinitionArn, !fromScenario);
        else
            createTaskSet(ecs, service, taskDefinition.taskDefinitionArn, { scale: 100, trafficWeight: 100 });
    }
    return { service: renderService(ecs, service, false) };
}
/** Finds a service by name or ARN in a cluster; ServiceNotFoundException when there is none. */
function findService(ecs, clusterRef, ref) {
    const cluster = ecs.world.cluster(clusterRef);
    const name = ecs.world.localName(ref ?? '', 'service/');
    const service = name === undefined ? undefined : cluster.services.get(name);
    if (!service)
        throw new AwsError('ServiceNotFoundException', 'Service not found.');
    return service;
}
function updateService(ecs, input) {
    const service = findService(ecs, input.cluster, input.service);
    if (service.status !== 'ACTIVE')
        throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    if (service.controller === 'CODE_DEPLOY')
        checkCodeDeployUpdate(ecs, input);
    if (input.desiredCount !== undefined && (!Number.isInteger(input.desiredCount) || input.desiredCount < 0)) {
        throw invalid('The desired count of the service must be a non-negative integer.');
    }
    let taskDefinition;
    if (input.taskDefinition !== undefined) {
        taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition);
        if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
            throw new AwsError('ClientException', 'TaskDefinition not found.');
        checkLaunchType(taskDefinition, service.launchType);
        if (taskDefinition.networkMode === 'awsvpc' && !service.networkConfiguration && !input.networkConfiguration) {
            throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        checkLoadBalancers(taskDefinition, input.loadBalancers ?? service.loadBalancers);
    }
    if (input.deploymentConfiguration || input.loadBalancers) {
        const config = withConfigDefaults(service.controller, {
            ...service.deploymentConfiguration,
            ...input.deploymentConfiguration,
        });
        if (service.controller === 'ECS')
            checkDeploymentStrategy(config, input.loadBalancers ?? service.loadBalancers);
        service.deploymentConfiguration = config;
    }
    if (input.healthCheckGracePeriodSeconds !== undefined)
        service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
    if (input.enableExecuteCommand !== undefined)
        service.enableExecuteCommand = input.enableExecuteCommand;
    if (input.propagateTags !== undefined)
        service.propagateTags = input.propagateTags;
    if (input.placementConstraints)
        service.placementConstraints = input.placementConstraints;
    if (input.placementStrategy)
        service.placementStrategy = input.placementStrategy;
    const networkChanged = input.networkConfiguration !== undefined || input.loadBalancers !== undefined || input.platformVersion !== undefined;
    if (input.networkConfiguration)
        service.networkConfiguration = input.networkConfiguration;
    if (input.loadBalancers)
        service.loadBalancers = input.loadBalancers;
    if (input.platformVersion)
        service.platformVersion = input.platformVersion;
    if (input.desiredCount !== undefined && input.desiredCount !== service.desiredCount) {
        service.desiredCount = input.desiredCount;
        service.steady = false;
        const primary = service.deployments[0];
        if (service.controller === 'ECS' && primary?.status === 'PRIMARY')
            primary.desiredCount = input.desiredCount;
    }
    const newTaskDefinition = taskDefinition !== undefined && taskDefinition.taskDefinitionArn !== service.taskDefinitionArn;
    if (service.controller === 'ECS' && (newTaskDefinition || input.forceNewDeployment || networkChanged)) {
        ecs.scheduler.startDeployment(service, taskDefinition?.taskDefinitionArn ?? service.taskDefinitionArn ?? '');
    }
    else {
        ecs.scheduler.schedule(service);
    }
    return { service: renderService(ecs, service, false) };
}
function checkCodeDeployUpdate(ecs, input) {
    const refuse = (what) => {
        throw invalid(`Unable to update ${what} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`);
    };
    if (input.taskDefinition !== undefined)
        throw invalid(CODE_DEPLOY_TASK_DEFINITION);
    if (input.networkConfiguration !== undefined)
        refuse('network parameters');
    if (input.platformVersion !== undefined)
        refuse('platform version');
    if (input.loadBalancers !== undefined)
        refuse('load balancers');
    if (input.forceNewDeployment) {
        throw invalid('Unable to force a new deployment on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.');
    }
}
function deleteService(ecs, input) {
    const service = findService(ecs, input.cluster, input.service);
    if (service.status === 'INACTIVE')
        throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    if (service.desiredCount > 0 && !input.force)
        throw invalid('The service cannot be stopped while it is scaled above 0.');
    service.status = 'DRAINING';
    service.desiredCount = 0;
    for (const t of ecs.world.serviceTasks(service)) {
        stopTask(ecs.world, t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Service deleted', announce: true });
    }
    const finish = () => {
        if (ecs.world.serviceTasks(service).some((t) => t.lastStatus !== 'STOPPED')) {
            ecs.world.clock.after(5000, finish);
            return;
        }
        service.status = 'INACTIVE';
        service.deployments = [];
    };
    ecs.world.clock.after(0, finish);
    return { service: renderService(ecs, service, false) };
}
function describeServices(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    const refs = input.services ?? [];
    if (refs.length === 0)
        throw invalid('Services cannot be empty.');
    if (refs.length > 10)
        throw invalid('Services cannot contain more than 10 items.');
    const services = [];
    const failures = [];
    for (const ref of refs) {
        const name = ecs.world.localName(ref, 'service/');
        const service = name === undefined ? undefined : cluster.services.get(name);
        if (service)
            services.push(renderService(ecs, service, input.include?.includes('TAGS') ?? false));
        else
            failures.push({
                arn: ref.startsWith('arn:') ? ref : ecs.world.arn('ecs', `service/${ref}`),
                reason: 'MISSING',
            });
    }
    return { services, failures };
}
function listServices(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    const arns = [...cluster.services.values()]
        .filter((s) => s.status === 'ACTIVE')
        .filter((s) => !input.launchType || s.launchType === input.launchType)
        .filter((s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)
        .map((s) => s.arn);
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 10, max: 100 });
    return { serviceArns: items, nextToken };
}
function defaultNetwork(ecs, name) {
    const suffix = Buffer.from(name).toString('hex').padEnd(17, '0').slice(0, 17);
    return {
        awsvpcConfiguration: {
            subnets: [`subnet-${suffix}`],
            securityGroups: [`sg-${suffix}`],
            assignPublicIp: 'DISABLED',
        },
    };
}
const CODE_DEPLOY_TASK_DEFINITION = 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.';
function checkLaunchType(td, launchType) {
    if (launchType && launchType !== 'EXTERNAL' && !(td.compatibilities ?? []).includes(launchType)) {
        throw invalid(`Task definition does not support launch_type ${launchType}.`);
    }
}
function checkLoadBalancers(td, loadBalancers) {
    for (const lb of loadBalancers) {
        const container = td.containerDefinitions?.find((c) => c.name === lb.containerName);
        if (!container) {
            throw invalid(`The container ${lb.containerName} does not exist in the task definition.`);
        }
        if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
            throw invalid(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
        }
    }
}
/** DescribeServices shows the deployment configuration with ECS's defaults filled in. */
function withConfigDefaults(controller, config) {
    const out = {
        ...config,
        maximumPercent: Math.floor(config?.maximumPercent ?? 200),
        minimumHealthyPercent: Math.ceil(config?.minimumHealthyPercent ?? 100),
    };
    if (out.maximumPercent !== undefined &&
        out.minimumHealthyPercent !== undefined &&
        out.maximumPercent < out.minimumHealthyPercent) {
        throw invalid('maximumPercent must be greater than or equal to minimumHealthyPercent.');
    }
    if (controller === 'ECS') {
        out.deploymentCircuitBreaker = config?.deploymentCircuitBreaker ?? { enable: false, rollback: false };
        out.strategy = config?.strategy ?? 'ROLLING';
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sim/ecs/service-deployment-ops.ts





// The service-deployment operations of ECS (aws-facts-ecs-native.md §4-5): list, describe, the revisions they deploy,
// and the two that act on one: StopServiceDeployment (ROLLBACK) and ContinueServiceDeployment (a PAUSE hook's answer).
const MAX_DESCRIBE = 20;
function listServiceDeployments(ecs, input) {
    if (!input.service)
        throw invalid('service must be specified.');
    const service = findService(ecs, input.cluster, input.service);
    const after = dateMs(input.createdAt?.after);
    const before = dateMs(input.createdAt?.before);
    const statuses = input.status ?? [];
    const listed = [...service.serviceDeployments]
        .reverse()
        .filter((sd) => statuses.length === 0 || statuses.includes(sd.status))
        .filter((sd) => (after === undefined || sd.createdAt >= after) && (before === undefined || sd.createdAt <= before))
        .map((sd) => ({
        serviceDeploymentArn: sd.arn,
        serviceArn: sd.serviceArn,
        clusterArn: sd.clusterArn,
        startedAt: optionalSeconds(sd.startedAt),
        createdAt: optionalSeconds(sd.createdAt),
        finishedAt: optionalSeconds(sd.finishedAt),
        targetServiceRevisionArn: sd.target.revisionArn,
        status: sd.status,
        statusReason: sd.statusReason,
    }));
    const { items, nextToken } = page(listed, input.maxResults, input.nextToken, { default: 20, max: 100 });
    return { serviceDeployments: items, nextToken };
}
function describeServiceDeployments(ecs, input) {
    const { found, failures } = describeEach('serviceDeploymentArns', input.serviceDeploymentArns, (arn) => {
        const hit = findServiceDeployment(ecs, arn);
        return hit && renderServiceDeployment(ecs.world, hit.service, hit.sd);
    });
    return { serviceDeployments: found, failures };
}
function describeServiceRevisions(ecs, input) {
    const { found, failures } = describeEach('serviceRevisionArns', input.serviceRevisionArns, (arn) => {
        const hit = findRevision(ecs, arn);
        return hit && renderServiceRevision(ecs.world, hit.service, hit.deployment);
    });
    return { serviceRevisions: found, failures };
}
/** Up to 20 ARNs, each rendered or reported MISSING. */
function describeEach(name, arns, render) {
    const list = arns ?? [];
    if (list.length === 0)
        throw invalid(`${name} cannot be empty.`);
    if (list.length > MAX_DESCRIBE)
        throw invalid(`${name} cannot contain more than ${MAX_DESCRIBE} items.`);
    const found = [];
    const failures = [];
    for (const arn of list) {
        const rendered = render(arn);
        if (rendered)
            found.push(rendered);
        else
            failures.push({ arn, reason: 'MISSING' });
    }
    return { found, failures };
}
function stopServiceDeployment(ecs, input) {
    const { service, sd } = serviceDeployment(ecs, input.serviceDeploymentArn);
    const stopType = input.stopType ?? 'ROLLBACK';
    if (stopType !== 'ROLLBACK' && stopType !== 'ABORT') {
        throw invalid(`Invalid stopType: ${stopType}. Valid values are: ABORT, ROLLBACK`);
    }
    if (isTerminal(sd) || sd.status === 'STOP_REQUESTED' || sd.rollbackTo) {
        throw new AwsError('ConflictException', 'Stopping a service deployment is not allowed for service deployment in terminal or rollback states.');
    }
    if (stopType === 'ABORT')
        throw invalid('stopType ABORT is not supported for this service deployment.');
    if (!ecs.scheduler.requestRollback(service, sd)) {
        throw new AwsError('ConflictException', 'No rollback candidate was found to run the rollback.');
    }
    return { serviceDeploymentArn: sd.arn };
}
function continueServiceDeployment(ecs, input) {
    const { service, sd } = serviceDeployment(ecs, input.serviceDeploymentArn);
    const hookId = input.hookId ?? '';
    if (!/^ecs-[a-z]+-[A-Za-z0-9_-]+$/.test(hookId)) {
        throw invalid('Invalid hookId: hookId must follow the format: ecs-{hookType}-{id}');
    }
    const action = input.action ?? 'CONTINUE';
    if (action !== 'CONTINUE' && action !== 'ROLLBACK') {
        throw invalid(`Invalid action: ${action}. Valid values are: CONTINUE, ROLLBACK`);
    }
    if (isTerminal(sd)) {
        throw invalid('Continuing a service deployment is not allowed for service deployment in terminal states.');
    }
    const run = sd.hooks.find((hook) => hook.hookId === hookId);
    if (!run || run.status !== 'AWAITING_ACTION') {
        throw invalid('Provided hookId is either completed, unavailable, or not associated with the given Resource ARN');
    }
    ecs.scheduler.native.continueHook(service, sd, hookId, action);
    return { serviceDeploymentArn: sd.arn };
}
function serviceDeployment(ecs, arn) {
    if (!arn)
        throw invalid('serviceDeploymentArn must be specified.');
    const hit = findServiceDeployment(ecs, arn);
    if (!hit)
        throw new AwsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
    return hit;
}
function findServiceDeployment(ecs, arn) {
    for (const service of services(ecs)) {
        const sd = service.serviceDeployments.find((candidate) => candidate.arn === arn);
        if (sd)
            return { service, sd };
    }
    return undefined;
}
function findRevision(ecs, arn) {
    for (const service of services(ecs)) {
        const deployment = service.history.find((candidate) => candidate.revisionArn === arn);
        if (deployment)
            return { service, deployment };
    }
    return undefined;
}
function services(ecs) {
    return [...ecs.world.clusters.values()].flatMap((cluster) => [...cluster.services.values()]);
}
/** A timestamp filter as it arrives on the wire: epoch seconds. */
function dateMs(value) {
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'number' ? value * 1000 : new Date(value).getTime();
}

;// CONCATENATED MODULE: ./src/sim/ecs/tags.ts


function tagResource(ecs, input) {
    const arn = existingResource(ecs, input.resourceArn);
    const tags = new Map((ecs.world.resourceTags.get(arn) ?? []).map((t) => [t.key, t]));
    for (const tag of input.tags ?? [])
        tags.set(tag.key, tag);
    if (tags.size > 50)
        throw invalid('The maximum number of tags (50) was exceeded.');
    ecs.world.resourceTags.set(arn, [...tags.values()]);
    return {};
}
function untagResource(ecs, input) {
    const arn = existingResource(ecs, input.resourceArn);
    const drop = new Set(input.tagKeys ?? []);
    ecs.world.resourceTags.set(arn, (ecs.world.resourceTags.get(arn) ?? []).filter((t) => !drop.has(t.key ?? '')));
    return {};
}
function listTagsForResource(ecs, input) {
    const arn = existingResource(ecs, input.resourceArn);
    return { tags: ecs.world.resourceTags.get(arn) ?? [] };
}
function existingResource(ecs, arn) {
    const match = /^arn:aws[\w-]*:ecs:[^:]+:\d{12}:(cluster|service|task|task-definition|task-set|container-instance|capacity-provider)\/(.+)$/.exec(arn ?? '');
    if (!match || !arn)
        throw invalid('The ARN provided is invalid.');
    if (ecs.world.isForeign(arn))
        throw invalid('The specified resource is not found.');
    const [, kind, rest] = match;
    const parts = rest.split('/');
    const exists = kind === 'cluster'
        ? ecs.world.clusters.get(parts[0])?.status === 'ACTIVE'
        : kind === 'service'
            ? ecs.world.clusters.get(parts[0])?.services.has(parts[1] ?? '') === true
            : kind === 'task'
                ? ecs.world.tasks.has(arn)
                : kind === 'task-definition'
                    ? resolveTaskDefinition(ecs.world, rest) !== undefined
                    : false;
    if (!exists)
        throw invalid('The specified resource is not found.');
    return arn;
}

;// CONCATENATED MODULE: ./src/sim/ecs/tasks.ts








function listTasks(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    if (input.serviceName !== undefined)
        findService(ecs, input.cluster, input.serviceName);
    const desired = input.desiredStatus ?? 'RUNNING';
    if (desired !== 'RUNNING' && desired !== 'STOPPED' && desired !== 'PENDING')
        throw invalid(`Invalid desiredStatus: ${String(desired)}`);
    const serviceName = input.serviceName === undefined ? undefined : nameFromArn(input.serviceName, 'service/');
    // No task ever has desiredStatus PENDING: ECS documents that this filter returns no results.
    const arns = [...ecs.world.tasks.values()]
        .filter((t) => t.clusterName === cluster.name)
        .filter((t) => t.desiredStatus === desired)
        .filter((t) => serviceName === undefined || t.serviceName === serviceName)
        .filter((t) => input.family === undefined || t.family === input.family)
        .filter((t) => input.startedBy === undefined || t.startedBy === input.startedBy)
        .filter((t) => input.launchType === undefined || t.launchType === input.launchType)
        .map((t) => t.arn);
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 100, max: 100 });
    return { taskArns: items, nextToken };
}
function describeTasks(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    const refs = input.tasks ?? [];
    if (refs.length === 0)
        throw invalid('Tasks cannot be empty.');
    if (refs.length > 100)
        throw invalid('Tasks cannot contain more than 100 items.');
    const tasks = [];
    const failures = [];
    for (const ref of refs) {
        const task = findTask(ecs, cluster, ref);
        if (task)
            tasks.push(renderTask(ecs, task, input.include?.includes('TAGS') ?? false));
        else
            failures.push({
                arn: ref.startsWith('arn:') ? ref : ecs.world.arn('ecs', `task/${cluster.name}/${ref}`),
                reason: 'MISSING',
            });
    }
    return { tasks, failures };
}
function userStopTask(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    const task = findTask(ecs, cluster, input.task ?? '');
    if (!task)
        throw invalid('The referenced task was not found.');
    stopTask(ecs.world, task, { stopCode: 'UserInitiated', reason: input.reason ?? 'Task stopped by user' });
    const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
    if (service) {
        service.steady = false;
        ecs.scheduler.schedule(service);
    }
    return { task: renderTask(ecs, task, false) };
}
function runTask(ecs, input) {
    const cluster = ecs.world.cluster(input.cluster);
    const taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition);
    if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
        throw new AwsError('ClientException', 'TaskDefinition not found.');
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 10)
        throw invalid('Count must be between 1 and 10.');
    if (input.launchType && input.capacityProviderStrategy?.length) {
        throw invalid('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
    }
    const launchType = input.launchType ?? (input.capacityProviderStrategy?.length ? 'FARGATE' : 'EC2');
    checkLaunchType(taskDefinition, launchType);
    checkNetwork(taskDefinition, input.networkConfiguration);
    checkOverrides(taskDefinition, input.overrides);
    const tasks = [];
    for (let i = 0; i < count; i++) {
        const task = launchTask(ecs.world, {
            clusterName: cluster.name,
            taskDefinition,
            launchType,
            platformVersion: input.platformVersion,
            group: input.group ?? `family:${taskDefinition.family}`,
            startedBy: input.startedBy,
            overrides: input.overrides,
        });
        if (input.tags?.length)
            ecs.world.resourceTags.set(task.arn, [...input.tags]);
        tasks.push(renderTask(ecs, task, false));
    }
    return { tasks, failures: [] };
}
function checkNetwork(td, network) {
    if (td.networkMode !== 'awsvpc')
        return;
    if (!network)
        throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    if (!network.awsvpcConfiguration?.subnets?.length)
        throw invalid('subnets can not be empty.');
}
function checkOverrides(td, overrides) {
    for (const override of overrides?.containerOverrides ?? []) {
        if (!(td.containerDefinitions ?? []).some((c) => c.name === override.name)) {
            throw invalid(`Override for container named ${override.name} is not a container in the TaskDefinition.`);
        }
    }
}
function findTask(ecs, cluster, ref) {
    if (ecs.world.isForeign(ref))
        return undefined;
    const id = ref.split('/').pop() ?? ref;
    return ecs.world.tasks.get(ecs.world.arn('ecs', `task/${cluster.name}/${id}`));
}

;// CONCATENATED MODULE: ./src/sim/ecs/ecs.ts








/** The ECS control plane: its state lives in the World, its scheduler moves tasks on the World's clock. */
class Ecs {
    world;
    scheduler;
    constructor(world) {
        this.world = world;
        this.scheduler = new ServiceScheduler(world);
    }
    createCluster(input) {
        return createCluster(this, input);
    }
    /** Creates a service (from the API or the scenario); scenario services get a default network configuration. */
    createService(input, fromScenario = false) {
        return createService(this, input, fromScenario);
    }
    /**
     * Adds a task set to a CODE_DEPLOY / EXTERNAL service (the first one PRIMARY). The CodeDeploy emulator uses this to
     * create the replacement (green) task set, then `scaleTaskSet`, `setPrimaryTaskSet` and `deleteTaskSet`.
     */
    createTaskSet(service, taskDefinitionArn, options) {
        return createTaskSet(this, service, taskDefinitionArn, options);
    }
    scaleTaskSet(service, set, scale) {
        return scaleTaskSet(this, service, set, scale);
    }
    setPrimaryTaskSet(service, set) {
        return setPrimaryTaskSet(this, service, set);
    }
    /** Removes a task set; its tasks are stopped (drained when load-balanced). */
    deleteTaskSet(service, set) {
        return deleteTaskSet(this, service, set);
    }
    /** The ECS operations served on the wire. */
    definition() {
        const world = this.world;
        return {
            id: 'ecs',
            targetPrefix: 'AmazonEC2ContainerServiceV20141113',
            operations: {
                RegisterTaskDefinition: (input) => registerTaskDefinition(world, input),
                DescribeTaskDefinition: (input) => describeTaskDefinition(world, input),
                DeregisterTaskDefinition: (input) => deregisterTaskDefinition(world, input),
                ListTaskDefinitions: (input) => listTaskDefinitions(world, input),
                ListTaskDefinitionFamilies: (input) => listTaskDefinitionFamilies(world, input),
                CreateCluster: (input) => createCluster(this, input),
                DescribeClusters: (input) => describeClusters(this, input),
                ListClusters: (input) => listClusters(this, input),
                CreateService: (input) => createService(this, input),
                UpdateService: (input) => updateService(this, input),
                DeleteService: (input) => deleteService(this, input),
                DescribeServices: (input) => describeServices(this, input),
                ListServices: (input) => listServices(this, input),
                ListTasks: (input) => listTasks(this, input),
                DescribeTasks: (input) => describeTasks(this, input),
                StopTask: (input) => userStopTask(this, input),
                RunTask: (input) => runTask(this, input),
                TagResource: (input) => tagResource(this, input),
                UntagResource: (input) => untagResource(this, input),
                ListTagsForResource: (input) => listTagsForResource(this, input),
                ListServiceDeployments: (input) => listServiceDeployments(this, input),
                DescribeServiceDeployments: (input) => describeServiceDeployments(this, input),
                DescribeServiceRevisions: (input) => describeServiceRevisions(this, input),
                StopServiceDeployment: (input) => stopServiceDeployment(this, input),
                ContinueServiceDeployment: (input) => continueServiceDeployment(this, input),
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/sim/logs.ts


// CloudWatch Logs speaks epoch milliseconds (timestamp, ingestionTime, startTime, endTime, creationTime).
function logs_group(world, name, identifier) {
    const ref = name ?? identifier?.replace(/^arn:aws[\w-]*:logs:[^:]+:\d{12}:log-group:/, '').replace(/:\*$/, '');
    if (name !== undefined && identifier !== undefined) {
        throw new AwsError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    }
    if (!ref)
        throw new AwsError('InvalidParameterException', 'Either LogGroup name or LogGroup ARN must be provided.');
    const found = identifier !== undefined && world.isForeign(identifier) ? undefined : world.logGroups.get(ref);
    if (!found)
        throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return found;
}
function limitOf(limit, max) {
    if (limit === undefined)
        return max;
    if (!Number.isInteger(limit) || limit < 1 || limit > max) {
        throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
    }
    return limit;
}
/**
 * GetLogEvents with CloudWatch's token rules: `f/<n>` reads forward from event n, `b/<n>` backward from n; at the end
 * of the stream the same forward token comes back, which is how clients know to stop.
 */
function getLogEvents(world, input) {
    const stream = logs_group(world, input.logGroupName, input.logGroupIdentifier).streams.get(input.logStreamName ?? '');
    if (!stream)
        throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const limit = limitOf(input.limit, 10000);
    const events = stream.events.filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) &&
        (input.endTime === undefined || e.timestamp < input.endTime));
    let start;
    let end;
    const token = input.nextToken;
    if (token) {
        const match = /^([fb])\/(\d+)(?:\/s)?$/.exec(token);
        if (!match)
            throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
        const position = Math.min(Number(match[2]), events.length);
        if (match[1] === 'f') {
            start = position;
            end = Math.min(events.length, position + limit);
        }
        else {
            end = position;
            start = Math.max(0, position - limit);
        }
    }
    else if (input.startFromHead) {
        start = 0;
        end = Math.min(events.length, limit);
    }
    else {
        end = events.length;
        start = Math.max(0, end - limit);
    }
    const out = events
        .slice(start, end)
        .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime }));
    return { events: out, nextForwardToken: tokenFor('f', end), nextBackwardToken: tokenFor('b', start) };
}
function tokenFor(direction, position) {
    return `${direction}/${String(position).padStart(56, '0')}/s`;
}
/** Matches CloudWatch's plain-text filter patterns: terms (all must match), `?term` (any), `-term`, "quoted phrases". */
function matchesFilter(pattern, message) {
    if (!pattern || pattern.trim() === '')
        return true;
    const terms = [...pattern.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map((m) => ({ mode: m[1], text: m[2] ?? m[3] }));
    const required = terms.filter((t) => t.mode === '');
    const optional = terms.filter((t) => t.mode === '?');
    const excluded = terms.filter((t) => t.mode === '-');
    if (!required.every((t) => message.includes(t.text)))
        return false;
    if (excluded.some((t) => message.includes(t.text)))
        return false;
    return optional.length === 0 || optional.some((t) => message.includes(t.text));
}
function filterLogEvents(world, input) {
    const logGroup = logs_group(world, input.logGroupName, input.logGroupIdentifier);
    if (input.logStreamNames && input.logStreamNamePrefix) {
        throw new AwsError('InvalidParameterException', 'Cannot specify both logStreamNames and logStreamNamePrefix.');
    }
    const limit = limitOf(input.limit, 10000);
    const streams = [...logGroup.streams.values()].filter((s) => (input.logStreamNames === undefined || input.logStreamNames.includes(s.name)) &&
        (input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix)));
    const events = streams
        .flatMap((s) => s.events.map((e) => ({ stream: s.name, e })))
        .filter(({ e }) => (input.startTime === undefined || e.timestamp >= input.startTime) &&
        (input.endTime === undefined || e.timestamp <= input.endTime))
        .filter(({ e }) => matchesFilter(input.filterPattern, e.message))
        .sort((a, b) => a.e.timestamp - b.e.timestamp || a.e.eventId.localeCompare(b.e.eventId))
        .map(({ stream, e }) => ({
        logStreamName: stream,
        timestamp: e.timestamp,
        message: e.message,
        ingestionTime: e.ingestionTime,
        eventId: e.eventId,
    }));
    const { items, nextToken } = page(events, limit, input.nextToken, { default: 10000, max: 10000 });
    return {
        events: items,
        searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: nextToken === undefined })),
        nextToken,
    };
}
function describeLogStreams(world, input) {
    const logGroup = logs_group(world, input.logGroupName, input.logGroupIdentifier);
    if (input.orderBy === 'LastEventTime' && input.logStreamNamePrefix) {
        throw new AwsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const lastEvent = (s) => s.events[s.events.length - 1]?.timestamp ?? s.createdAt;
    const streams = [...logGroup.streams.values()]
        .filter((s) => input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix))
        .sort((a, b) => (input.orderBy === 'LastEventTime' ? lastEvent(a) - lastEvent(b) : a.name.localeCompare(b.name)));
    if (input.descending)
        streams.reverse();
    const { items, nextToken } = page(streams, limitOf(input.limit, 50), input.nextToken, { default: 50, max: 50 });
    const rendered = items.map((s) => ({
        logStreamName: s.name,
        creationTime: Math.floor(s.createdAt),
        firstEventTimestamp: s.events[0]?.timestamp,
        lastEventTimestamp: s.events[s.events.length - 1]?.timestamp,
        lastIngestionTime: s.events[s.events.length - 1]?.ingestionTime,
        arn: `${logGroup.arn.replace(/:\*$/, '')}:log-stream:${s.name}`,
        storedBytes: 0,
    }));
    return { logStreams: rendered, nextToken };
}
function describeLogGroups(world, input) {
    const groups = [...world.logGroups.values()]
        .filter((g) => input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix))
        .filter((g) => input.logGroupNamePattern === undefined || g.name.includes(input.logGroupNamePattern))
        .sort((a, b) => a.name.localeCompare(b.name));
    const { items, nextToken } = page(groups, limitOf(input.limit, 50), input.nextToken, { default: 50, max: 50 });
    const rendered = items.map((g) => ({
        logGroupName: g.name,
        creationTime: Math.floor(g.createdAt),
        metricFilterCount: 0,
        arn: g.arn,
        logGroupArn: g.arn.replace(/:\*$/, ''),
        storedBytes: 0,
        logGroupClass: 'STANDARD',
    }));
    return { logGroups: rendered, nextToken };
}
function logsDefinition(world) {
    return {
        id: 'logs',
        targetPrefix: 'Logs_20140328',
        operations: {
            GetLogEvents: (input) => getLogEvents(world, input),
            FilterLogEvents: (input) => filterLogEvents(world, input),
            DescribeLogStreams: (input) => describeLogStreams(world, input),
            DescribeLogGroups: (input) => describeLogGroups(world, input),
        },
    };
}

;// CONCATENATED MODULE: ./src/sim/main.ts












/** Builds the world a scenario describes: registry, task definitions, clusters and services (already steady). */
function buildWorld(scenario, clock, seed = 1) {
    const world = new World(scenario, clock, seed);
    const ecs = new Ecs(world);
    loadRepositories(world, scenario);
    for (const [i, input] of scenario.taskDefinitions.entries()) {
        inScenario(scenario, ['taskDefinitions', i], () => registerTaskDefinition(world, structuredClone(input)));
    }
    for (const [i, cluster] of scenario.clusters.entries()) {
        ecs.createCluster({ clusterName: cluster.name });
        for (const [j, spec] of cluster.services.entries()) {
            const { name, deploymentController, ...rest } = spec;
            const input = {
                ...structuredClone(rest),
                cluster: cluster.name,
                serviceName: name,
                deploymentController: deploymentController ? { type: deploymentController } : undefined,
            };
            inScenario(scenario, ['clusters', i, 'services', j], () => {
                ecs.createService(input, true);
                const service = world.clusters.get(cluster.name)?.services.get(name);
                if (service)
                    ecs.scheduler.warmStart(service);
            });
        }
    }
    world.flushEvents();
    return {
        world,
        ecs,
        services: [ecs.definition(), ecrDefinition(world), logsDefinition(world), codeDeployDefinition(ecs)],
    };
}
/** Runs a step of building the world; what the emulated service refuses is a scenario error at that key's line. */
function inScenario(scenario, path, fn) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof AwsError)
            throw scenarioError(scenario, path, `${error.type}: ${error.message}`);
        throw error;
    }
}
/** Starts the emulator in this process (for tests and the demo); `close()` stops the server and the clock. */
async function startSim(options) {
    const scenario = typeof options.scenario === 'string' ? loadScenario(options.scenario) : validateScenario(options.scenario);
    const clock = options.clock ?? new ScaledClock(options.speed ?? 1, scenario.startTime ?? Date.now());
    const { world, ecs, services } = buildWorld(scenario, clock, options.seed ?? 1);
    const server = await serve(world, services, options.port ?? 0);
    return {
        url: server.url,
        port: server.port,
        clock,
        world,
        ecs,
        close: async () => {
            await server.close();
            clock.close();
        },
    };
}
/**
 * `berth sim`: serves the scenario until SIGINT/SIGTERM (or `signal` aborts), then closes cleanly. The first line
 * written is exactly `berth sim listening on http://127.0.0.1:PORT`.
 */
async function runSim(opts, out) {
    const sim = await startSim({ scenario: opts.scenario, port: opts.port, speed: opts.speed, seed: opts.seed });
    out.write(`berth sim listening on ${sim.url}\n`);
    out.write(`scenario ${opts.scenario}: ${describeWorld(sim.world)}; speed ${opts.speed ?? 1}x, seed ${opts.seed ?? 1}\n`);
    await new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            opts.signal?.removeEventListener('abort', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        if (opts.signal?.aborted)
            stop();
        else
            opts.signal?.addEventListener('abort', stop);
    });
    await sim.close();
    out.write('berth sim stopped\n');
}
function describeWorld(world) {
    const clusters = [...world.clusters.values()].map((c) => `${c.name} (${[...c.services.keys()].join(', ') || 'no services'})`);
    const repos = [...world.repositories.keys()];
    return `clusters ${clusters.join(', ') || 'none'}; ECR repositories ${repos.join(', ') || 'none'}`;
}
/** For tests: a manual clock starting at the scenario's startTime (or a fixed instant). */
function manualClockFor(scenario) {
    return new ManualClock(scenario.startTime);
}


/***/ })

};
