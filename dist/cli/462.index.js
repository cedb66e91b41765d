export const id = 462;
export const ids = [462];
export const modules = {

/***/ 7900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ checkDirectory),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   zg: () => (/* binding */ writeArtifacts)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




/**
 * Writes a file so that readers see the old content or the new, never half of it: a temporary file in the same
 * directory (so the rename stays on one file system), then a rename over the target. Creates missing directories.
 */
async function writeFileAtomic(path, content) {
    const directory = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(directory, { recursive: true });
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, content, 'utf8');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true });
        throw error;
    }
}
/** Writes the artifacts into `directory`, returning the paths written, in order. */
async function writeArtifacts(directory, files) {
    const paths = [];
    for (const file of files) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, file.name);
        const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(directory), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path));
        if (inside.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(inside)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`artifact name ${JSON.stringify(file.name)} would be written outside ${directory}.`);
        }
        await writeFileAtomic(path, file.content);
        paths.push(path);
    }
    return paths;
}
/** Before anything changes: `--artifacts-dir` must be a directory, or a path where berth can create one. */
async function checkDirectory(directory, flag) {
    const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(directory).catch(() => undefined);
    if (found && !found.isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${flag} ${directory}: is a file, not a directory; give a directory (berth creates it if missing).`, {
            input: flag,
        });
    }
}


/***/ }),

/***/ 7450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ reusableRevision),
/* harmony export */   KF: () => (/* binding */ findTaskDefinition),
/* harmony export */   R9: () => (/* binding */ cleanUpRevisions),
/* harmony export */   kz: () => (/* binding */ register),
/* harmony export */   nR: () => (/* binding */ loadRegistered)
/* harmony export */ });
/* unused harmony exports sameRevision, familyOf, revisionsToDeregister */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9833);




function isNotFound(error) {
    const name = error?.name;
    return name === 'ClientException' || name === 'InvalidParameterException';
}
/** DescribeTaskDefinition with its tags; `undefined` when ECS has no such task definition. */
async function findTaskDefinition(ecs, ref) {
    try {
        const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref, include: ['TAGS'] }));
        const arn = output.taskDefinition?.taskDefinitionArn;
        return arn ? { arn, document: _taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .fromDescribeOutput */ .fh(output) } : undefined;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
/** A task definition the user named (`--task-definition FAMILY[:REV]|ARN`, or the service's): it must exist. */
async function loadRegistered(ecs, ref, input) {
    const found = await findTaskDefinition(ecs, ref);
    if (found)
        return found;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${input}: ECS has no task definition ${JSON.stringify(ref)}; expected an ACTIVE FAMILY, FAMILY:REVISION or ` +
        'task definition ARN, or a JSON file.');
}
/** The revision registers to the same thing as `input`: registering `input` would add nothing. */
function sameRevision(revision, input) {
    if (!revision)
        return false;
    return _taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .equivalent */ .tI(_taskdef_index_js__WEBPACK_IMPORTED_MODULE_2__/* .clean */ .uH(revision.document.taskDefinition), input);
}
/**
 * The revision a run deploys instead of registering `input`: the service's own when it is the same (so an
 * unchanged task definition is not registered again, whatever the family's latest revision is), else the family's
 * latest when it is the same.
 */
function reusableRevision(input, candidates) {
    return [candidates.current, candidates.latest].find((revision) => sameRevision(revision, input));
}
/**
 * Registers `input`, or reuses `reusable`. After a server error or a lost answer the revision may have been
 * registered after all: a retry first looks at the family's latest revision and reuses it when it is the one sent,
 * so retrying never registers it twice (the SDK itself never re-sends RegisterTaskDefinition).
 */
async function register(ecs, input, reusable, retry) {
    let attempt = 0;
    return (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retrying */ .R)(async () => {
        const found = attempt++ === 0 ? reusable : await registeredMeanwhile(ecs, input);
        if (found)
            return {
                taskDefinitionArn: found.arn,
                taskDefinition: found.document.taskDefinition,
                reused: true,
            };
        const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .RegisterTaskDefinitionCommand */ .$Hl(input));
        const registered = output.taskDefinition;
        if (!registered?.taskDefinitionArn)
            throw new Error(`RegisterTaskDefinition returned no ARN for ${input.family}.`);
        return { taskDefinitionArn: registered.taskDefinitionArn, taskDefinition: registered, reused: false };
    }, { sleep: retry.sleep, baseMs: 500 });
}
async function registeredMeanwhile(ecs, input) {
    const latest = await findTaskDefinition(ecs, input.family ?? '');
    return sameRevision(latest, input) ? latest : undefined;
}
/** `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV` → FAMILY. */
function familyOf(arn) {
    const tail = arn.slice(arn.lastIndexOf('/') + 1);
    return tail.includes(':') ? tail.slice(0, tail.lastIndexOf(':')) : tail;
}
async function activeRevisions(ecs, family) {
    const arns = [];
    let nextToken;
    do {
        const page = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListTaskDefinitionsCommand */ .Pse({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }));
        arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => familyOf(arn) === family));
        nextToken = page.nextToken;
    } while (nextToken);
    return arns;
}
/** Every task definition a service of the cluster runs or drains (all deployments, not only the PRIMARY). */
/** Every task definition a service of any cluster in the region runs or still deploys. */
async function revisionsInUse(ecs) {
    const used = new Set();
    for (const cluster of await listAll((nextToken) => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListClustersCommand */ .Nnn({ nextToken })), 'clusterArns')) {
        const serviceArns = await listAll((nextToken) => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListServicesCommand */ .qde({ cluster, nextToken })), 'serviceArns');
        for (let start = 0; start < serviceArns.length; start += 10) {
            const output = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c({ cluster, services: serviceArns.slice(start, start + 10) }));
            for (const service of output.services ?? []) {
                if (service.taskDefinition)
                    used.add(service.taskDefinition);
                for (const deployment of service.deployments ?? []) {
                    if (deployment.taskDefinition)
                        used.add(deployment.taskDefinition);
                }
            }
        }
    }
    return used;
}
async function listAll(fetch, key) {
    const all = [];
    let nextToken;
    do {
        const page = await fetch(nextToken);
        all.push(...(page[key] ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    return all;
}
/** The revisions to deregister: older than the newest `keep`, and not in use. Pure. */
function revisionsToDeregister(newestFirst, keep, inUse) {
    return newestFirst.slice(keep).filter((arn) => !inUse.has(arn));
}
/** `--keep-revisions N`: deregisters older ACTIVE revisions of the family that no service of the cluster uses. */
async function cleanUpRevisions(ecs, family, keep) {
    const candidates = revisionsToDeregister(await activeRevisions(ecs, family), keep, await revisionsInUse(ecs));
    for (const arn of candidates) {
        await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DeregisterTaskDefinitionCommand */ .sjB({ taskDefinition: arn }));
    }
    return candidates;
}


/***/ }),

/***/ 1028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vA: () => (/* binding */ asJson),
  wz: () => (/* binding */ editedContainers),
  y0: () => (/* binding */ renderAndValidate),
  PU: () => (/* binding */ renderOnly),
  HV: () => (/* binding */ writeArtifactFiles),
  d_: () => (/* binding */ writeRendered)
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/taskdef/types.ts
var types = __webpack_require__(1433);
// EXTERNAL MODULE: ./src/artifacts/appspec.ts
var appspec = __webpack_require__(7587);
;// CONCATENATED MODULE: ./src/artifacts/image-detail.ts
const IMAGE_DETAIL_FILE = 'imageDetail.json';
/** `{"ImageURI": uri}`, plus the fields the ECR source action adds when the image's ECR details are known. */
function imageDetail(uri, ecr) {
    if (!ecr)
        return { ImageURI: uri };
    return {
        ...(ecr.imageSizeInBytes !== undefined ? { ImageSizeInBytes: String(ecr.imageSizeInBytes) } : {}),
        ...(ecr.imageDigest !== undefined ? { ImageDigest: ecr.imageDigest } : {}),
        Version: '1.0',
        ...(ecr.imagePushedAt !== undefined ? { ImagePushedAt: javaDateString(ecr.imagePushedAt) } : {}),
        ...(ecr.registryId !== undefined ? { RegistryId: ecr.registryId } : {}),
        ...(ecr.repositoryName !== undefined ? { RepositoryName: ecr.repositoryName } : {}),
        ImageURI: uri,
        ...(ecr.imageTags !== undefined ? { ImageTags: [...ecr.imageTags] } : {}),
    };
}
function serializeImageDetail(detail) {
    return JSON.stringify(detail, null, 2) + '\n';
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The ECR source action's timestamp form, Java's Date.toString in UTC: `Mon Jan 21 20:04:00 UTC 2019`. */
function javaDateString(date) {
    const two = (n) => String(n).padStart(2, '0');
    const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
    return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

;// CONCATENATED MODULE: ./src/artifacts/imagedefinitions.ts


const IMAGE_DEFINITIONS_FILE = 'imagedefinitions.json';
/**
 * The containers' images, in task definition order: the given containers (usually those whose image was
 * set), or all of them when none are given.
 */
function imageDefinitions(taskDefinition, containers = []) {
    const all = (0,types/* containersOf */.Mz)(taskDefinition).map(({ container }) => ({
        name: (0,types/* containerName */.xN)(container),
        image: container.image,
    }));
    const existing = all.flatMap(({ name }) => name ?? []);
    const unknown = containers.filter((name) => !existing.includes(name));
    if (unknown.length > 0) {
        throw new src_errors/* UserError */.yo(`imagedefinitions.json: no container named ${unknown.map((name) => `"${name}"`).join(', ')}; ` +
            `the task definition's containers are ${existing.map((name) => `"${name}"`).join(', ')}.`);
    }
    const wanted = all.filter(({ name }) => name !== undefined && (containers.length === 0 || containers.includes(name)));
    return wanted.map(({ name, image }) => {
        if (typeof image !== 'string')
            throw new src_errors/* UserError */.yo(`imagedefinitions.json: container "${name}" has no image.`);
        return { name: name, imageUri: image };
    });
}
/** The file as the ECS action reads it: a JSON array of `{"name", "imageUri"}`, UTF-8. */
function serializeImageDefinitions(definitions) {
    const entries = definitions.map(({ name, imageUri }) => ({ name, imageUri }));
    return JSON.stringify(entries, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/artifacts/index.ts








/** CodeDeployToECS takes Image1 to Image4. */
const MAX_IMAGE_PLACEHOLDERS = 4;
/**
 * The CodePipeline artifacts for the rendered task definition, in a fixed order. With several images,
 * `imageDetail.json` is the first one's and each container also gets `<container>/imageDetail.json`, one per
 * CodeDeployToECS image artifact.
 */
function buildArtifacts(kinds, input) {
    const containers = unique(input.images.map((image) => image.container));
    const files = [];
    if (kinds.includes('imagedefinitions')) {
        const definitions = imageDefinitions(input.taskDefinition, containers);
        files.push({ name: IMAGE_DEFINITIONS_FILE, content: serializeImageDefinitions(definitions) });
    }
    if (kinds.includes('imagedetail'))
        files.push(...imageDetailFiles(input.taskDefinition, containers));
    if (kinds.includes('codedeploy'))
        files.push(...codeDeployFiles(input, containers));
    return files;
}
function imageDetailFiles(taskDefinition, containers) {
    const definitions = imageDefinitions(taskDefinition, containers);
    const [first] = definitions;
    const files = [{ name: IMAGE_DETAIL_FILE, content: serializeImageDetail(imageDetail(first.imageUri)) }];
    if (definitions.length > 1) {
        for (const { name, imageUri } of definitions) {
            files.push({ name: `${name}/${IMAGE_DETAIL_FILE}`, content: serializeImageDetail(imageDetail(imageUri)) });
        }
    }
    return files;
}
function codeDeployFiles(input, containers) {
    if (containers.length > MAX_IMAGE_PLACEHOLDERS) {
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: CodeDeployToECS fills in at most ${MAX_IMAGE_PLACEHOLDERS} images ` +
            `(Image1 to Image4), but ${containers.length} containers get a new image: ${containers.join(', ')}.`);
    }
    const placeholders = containers.map((container, i) => ({ container, placeholder: `IMAGE${i + 1}_NAME` }));
    const target = loadBalancedContainer(input.taskDefinition, input.appSpec?.containerName, input.appSpec?.containerPort);
    return [
        { name: appspec/* TASKDEF_FILE */.gq, content: (0,appspec/* codeDeployTaskdef */.hu)(input.taskDefinition, placeholders) },
        {
            name: appspec/* APPSPEC_FILE */.wA,
            content: (0,appspec/* appSpecYaml */.ec)({
                taskDefinition: appspec/* TASK_DEFINITION_PLACEHOLDER */.Uo,
                ...target,
                hooks: input.appSpec?.hooks ?? [],
            }),
        },
    ];
}
/** The container and port behind the load balancer: as given, else the first container with a port mapping. */
function loadBalancedContainer(taskDefinition, name, port) {
    const withPorts = (0,types/* containersOf */.Mz)(taskDefinition).flatMap(({ container }) => {
        const mappings = Array.isArray(container.portMappings) ? container.portMappings.filter(types/* isObject */.Gv) : [];
        const firstPort = mappings.map((mapping) => mapping.containerPort).find((value) => typeof value === 'number');
        const own = (0,types/* containerName */.xN)(container);
        return own === undefined ? [] : [{ name: own, port: firstPort }];
    });
    const chosen = name === undefined
        ? withPorts.find((entry) => entry.port !== undefined)
        : withPorts.find((entry) => entry.name === name);
    if (name !== undefined && !chosen) {
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: no container named "${name}" for the AppSpec's LoadBalancerInfo; ` +
            `the task definition's containers are ${withPorts.map((entry) => `"${entry.name}"`).join(', ')}.`);
    }
    const containerPort = port ?? chosen?.port;
    if (!chosen || containerPort === undefined) {
        const which = name === undefined ? 'no container has a' : `container "${name}" has no`;
        throw new src_errors/* UserError */.yo(`--artifacts codedeploy: the AppSpec needs the container and port behind the load balancer, but ${which} ` +
            'portMapping with a containerPort; add one to the task definition.');
    }
    return { containerName: chosen.name, containerPort };
}
function unique(values) {
    return [...new Set(values)];
}

// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __webpack_require__(7900);
// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/taskdef/index.ts + 9 modules
var taskdef = __webpack_require__(9833);
;// CONCATENATED MODULE: ./src/render.ts






async function readSource(config, deps, service) {
    const source = config.taskDefinition;
    if (source?.kind === 'file') {
        let text;
        try {
            text = await deps.readFile(source.path);
        }
        catch (error) {
            if ((0,src_errors/* isUserError */.iU)(error))
                throw error;
            throw new src_errors/* UserError */.yo(`--task-definition ${source.path}: cannot read the file (${(0,src_errors/* errorMessage */.gJ)(error)}).`, {
                file: source.path,
            });
        }
        return { document: taskdef/* parseTaskDefinition */.Id(text, source.path), label: source.path };
    }
    const ref = source?.ref ?? service?.taskDefinition;
    if (!ref)
        throw new src_errors/* UserError */.yo('--task-definition is required: give a JSON file, a FAMILY[:REVISION] or an ARN.');
    const input = source ? `--task-definition ${ref}` : `the current task definition of service ${service?.serviceName}`;
    const revision = await (0,stage/* read */.LF)(deps, () => (0,register/* loadRegistered */.nR)(deps.clients.ecs, ref, input));
    return { document: revision.document, label: revision.arn };
}
/** The edits of one container by name, and their flags: in a run over several families, each family takes its own. */
const CONTAINER_EDITS = {
    images: '--image',
    env: '--env',
    secrets: '--secret',
    commands: '--command',
    dockerLabels: '--docker-label',
    logConfigurations: '--log-configuration',
    environmentFiles: '--environment-file',
    containerCpu: '--container-cpu',
    containerMemory: '--container-memory',
};
const EDIT_KEYS = Object.keys(CONTAINER_EDITS);
function onlyContainers(config, names) {
    const own = { ...config };
    for (const key of EDIT_KEYS) {
        ;
        own[key] = config[key].filter((edit) => names.includes(edit.container));
    }
    return own;
}
/** Every container a container edit names, with the flag that names it. */
function editedContainers(config) {
    return EDIT_KEYS.flatMap((key) => config[key].map((edit) => ({ container: edit.container, flag: CONTAINER_EDITS[key] })));
}
/** Render, then validate everything at once: errors become one UserError, warnings become events. */
async function renderAndValidate(given, deps, service, scope = {}) {
    const { document, label } = await (0,stage/* stage */.dw)(deps, 'render', 'Render the task definition', () => readSource(given, deps, service));
    const containers = taskdef/* containersOf */.Mz(document.taskDefinition)
        .flatMap(({ container }) => taskdef/* containerName */.xN(container) ?? []);
    const config = scope.ownContainersOnly ? onlyContainers(given, containers) : given;
    const rendered = taskdef/* render */.XX(document.taskDefinition, config);
    return (0,stage/* stage */.dw)(deps, 'validate', 'Validate', async () => {
        const problems = taskdef/* validate */.tf(rendered, config);
        const file = document.file;
        for (const problem of problems.filter((p) => p.severity === 'warning')) {
            deps.reporter.emit({
                type: 'warning',
                message: taskdef/* problemText */.fI(problem),
                ...(file ? { file, line: document.lineOf(problem.path) } : {}),
            });
        }
        const errors = problems.filter((problem) => problem.severity === 'error');
        const fromFlags = errors.map((problem) => flagOf(problem, config));
        if (errors.length > 0 && fromFlags.every((flag) => flag !== undefined)) {
            const lines = errors.map((problem, at) => `${fromFlags[at]}: ${problem.message}`);
            throw new src_errors/* UserError */.yo(lines.join('\n'), { input: fromFlags[0]?.split(' ')[0] });
        }
        if (errors.length > 0) {
            const line = file ? document.lineOf(errors[0].path) : undefined;
            const head = `${file && line ? `${file}:${line}: ` : ''}the task definition from ${label} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:`;
            throw new src_errors/* UserError */.yo([head, ...errors.map((problem) => `  - ${taskdef/* describeProblem */.BJ(problem)}`)].join('\n'), file ? { file, line } : {});
        }
        const input = taskdef/* toRegisterInput */.Rv({ taskDefinition: rendered, tags: document.tags }, config.tags);
        const artifacts = config.artifacts.length > 0
            ? buildArtifacts(config.artifacts, {
                taskDefinition: rendered,
                images: config.images,
                appSpec: { hooks: config.hooks },
            })
            : [];
        return { source: document, label, input, artifacts, containers };
    });
}
/** The task-level fields a flag sets: a problem there is the flag's value, not the file's. */
const FLAG_FIELDS = ['cpu', 'memory', 'family'];
/** `--cpu 3` when the problem is in a field the user set with a flag, else undefined. */
function flagOf(problem, config) {
    const field = FLAG_FIELDS.find((name) => name === problem.field);
    if (problem.container !== undefined || !field || config[field] === undefined)
        return undefined;
    return `--${field} ${config[field]}`;
}
function asJson(input) {
    return input;
}
async function writeArtifactFiles(config, deps, files) {
    if (!config.artifactsDir || files.length === 0)
        return [];
    const directory = config.artifactsDir;
    return (0,stage/* stage */.dw)(deps, 'artifacts', 'Write artifacts', async () => {
        const paths = await (0,write/* writeArtifacts */.zg)((0,stage/* pathFor */.p0)(deps, directory), files);
        deps.reporter.emit({ type: 'artifacts-written', paths });
        return paths;
    });
}
async function writeRendered(out, json, deps) {
    await (0,write/* writeFileAtomic */.Zf)((0,stage/* pathFor */.p0)(deps, out), `${JSON.stringify(json, null, 2)}\n`);
    deps.reporter.emit({ type: 'rendered', taskDefinition: json, path: out });
}
/** No cluster/service: render, validate, print or write, diff, artifacts. */
async function renderOnly(config, deps) {
    const rendered = await renderAndValidate(config, deps);
    const json = asJson(rendered.input);
    if (config.out)
        await writeRendered(config.out, json, deps);
    else
        deps.reporter.emit({ type: 'rendered', taskDefinition: json });
    if (config.diff) {
        const text = taskdef/* formatDiff */.Vs(taskdef/* diff */.Ui(taskdef/* clean */.uH(rendered.source.taskDefinition), json));
        deps.reporter.emit({ type: 'diff', text, from: rendered.label, to: 'rendered' });
    }
    const artifacts = await writeArtifactFiles(config, deps, rendered.artifacts);
    return { status: 'rendered', reasons: [], hints: [], artifacts, taskDefinition: json };
}


/***/ }),

/***/ 462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOneOff: () => (/* binding */ runOneOff),
  runTask: () => (/* binding */ runTask)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/aws/abort.ts
var abort = __webpack_require__(6591);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var clients = __webpack_require__(1111);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/deploy/ecs.ts
var ecs = __webpack_require__(850);
// EXTERNAL MODULE: ./src/deploy/register.ts
var register = __webpack_require__(7450);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/render.ts + 3 modules
var render = __webpack_require__(1028);
// EXTERNAL MODULE: ./src/stage.ts
var stage = __webpack_require__(1741);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/watch/loop.ts
var loop = __webpack_require__(6113);
;// CONCATENATED MODULE: ./src/task/follow.ts



/**
 * Follows a one-off task until it stops (or the deadline passes, or the job is cancelled): each look describes the
 * task and reads what its log streams gained, and once it stopped the streams are read once more for the last lines.
 */
function followTask(options) {
    let lastStatus;
    return (0,loop/* watch */.w)(async () => {
        const described = await options.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster: options.cluster, tasks: [options.taskArn] }));
        const task = described.tasks?.[0];
        if (!task) {
            const reason = described.failures?.[0]?.reason ?? 'missing';
            throw new Error(`DescribeTasks: task ${options.taskArn} is ${reason}.`);
        }
        const lines = await options.logs.read();
        if (task.lastStatus === 'STOPPED') {
            await options.logs.read();
            return { done: task };
        }
        const changed = lines > 0 || task.lastStatus !== lastStatus;
        lastStatus = task.lastStatus;
        return { changed };
    }, {
        ceilingMs: options.pollIntervalMs,
        deadline: options.deadline,
        cancel: options.cancel,
        sleep: options.sleep,
        now: options.now,
        onRetry: (error, delayMs) => options.reporter.emit({ type: 'retrying', error: (0,src_errors/* errorMessage */.gJ)(error), delayMs }),
    });
}

// EXTERNAL MODULE: ./src/deploy/explain.ts
var explain = __webpack_require__(5280);
;// CONCATENATED MODULE: ./src/task/judge.ts

/**
 * The container whose exit code counts: the one asked for (`--container`), else the essential ones, the first that
 * exited non-zero, else the first of them.
 */
function countingContainer(task, definitions, wanted) {
    const containers = task.containers ?? [];
    if (wanted)
        return containers.find((container) => container.name === wanted);
    const essential = new Set(definitions.filter((d) => d.essential !== false).map((d) => d.name));
    const candidates = containers.filter((container) => essential.has(container.name));
    return candidates.find((container) => (container.exitCode ?? 0) !== 0) ?? candidates[0] ?? containers[0];
}
/** A stopped task: succeeded when the counting container exited 0, failed otherwise, with ECS's reasons. */
function judgeTask(task, definitions, options = {}) {
    const container = countingContainer(task, definitions, options.wanted);
    const outcome = {
        taskArn: task.taskArn ?? '',
        ...(container?.name ? { container: container.name } : {}),
        ...(container?.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
        ...(task.stopCode ? { stopCode: task.stopCode } : {}),
        ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    };
    if (container?.exitCode === 0)
        return { status: 'succeeded', outcome, reasons: [], hints: [] };
    const { hints } = (0,explain/* explain */.W)({ stoppedTasks: [task], events: [], logs: options.logs ?? [] });
    return { status: 'failed', outcome, reasons: [failureReason(task, container)], hints };
}
function failureReason(task, container) {
    const stopped = task.stoppedReason ?? task.stopCode ?? 'it stopped';
    const name = container?.name ?? 'its container';
    if (task.stopCode === 'TaskFailedToStart' || container?.exitCode === undefined) {
        const detail = container?.reason && container.reason !== stopped ? ` (${name}: ${container.reason})` : '';
        return `the task did not run to an exit code: ${stopped}${detail}`;
    }
    const detail = container.reason ? `: ${container.reason}` : '';
    return `${name} exited with code ${container.exitCode}${detail} (${stopped})`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./src/deploy/evidence.ts
var evidence = __webpack_require__(386);
;// CONCATENATED MODULE: ./src/task/logs.ts




/** How many of a container's lines are kept for the verdict (the last ones). */
const KEPT_LINES = 20;
/** Pages read from one stream per look, so that a chatty task cannot hold the loop. */
const PAGES_PER_LOOK = 5;
/**
 * The CloudWatch log streams of a task's containers (those that log with awslogs), read forward as they grow: every
 * new line becomes a `task-log` event, and the last lines of each are kept for the verdict.
 */
class TaskLogs {
    logs;
    reporter;
    followed;
    constructor(logs, reporter, definitions, taskId) {
        this.logs = logs;
        this.reporter = reporter;
        this.followed = definitions.flatMap((definition) => {
            const where = (0,evidence/* logStream */.Vc)(definition, taskId);
            return where ? [{ container: definition.name ?? '', ...where, last: [] }] : [];
        });
    }
    /** Reads what each stream gained since the last look; the number of new lines. A stream not there yet is skipped. */
    async read() {
        let count = 0;
        for (const stream of this.followed)
            count += await this.readStream(stream);
        return count;
    }
    async readStream(stream) {
        let count = 0;
        for (let page = 0; page < PAGES_PER_LOOK; page++) {
            let output;
            try {
                output = await this.logs.send(new client_cloudwatch_logs_dist_cjs/* GetLogEventsCommand */.h7S({
                    logGroupName: stream.group,
                    logStreamName: stream.stream,
                    startFromHead: true,
                    ...(stream.token ? { nextToken: stream.token } : {}),
                }));
            }
            catch (error) {
                // Not created yet (the task has not started), or a passing error: the next look reads on from here.
                if ((0,src_errors/* errorName */.Is)(error) === 'ResourceNotFoundException' || (0,errors/* isTransient */.dg)(error))
                    return count;
                throw error;
            }
            for (const event of output.events ?? []) {
                const message = event.message?.trimEnd() ?? '';
                this.reporter.emit({
                    type: 'task-log',
                    container: stream.container,
                    message,
                    ...(event.timestamp !== undefined ? { at: new Date(event.timestamp) } : {}),
                });
                stream.last = [...stream.last, message].slice(-KEPT_LINES);
                count++;
            }
            const token = output.nextForwardToken;
            const atEnd = !token || token === stream.token || (output.events ?? []).length === 0;
            if (token)
                stream.token = token;
            if (atEnd)
                break;
        }
        return count;
    }
    /** The last lines of each container, or of the one named, for the verdict of a failed task. */
    excerpts(taskId, only) {
        return this.followed
            .filter((stream) => stream.last.length > 0 && (!only || stream.container === only))
            .map((stream) => ({
            container: stream.container,
            taskId,
            group: stream.group,
            stream: stream.stream,
            lines: stream.last.filter(Boolean),
        }));
    }
}

;// CONCATENATED MODULE: ./src/task/placement.ts
/**
 * Where a service runs its tasks. A service keeps these on itself; a CodeDeploy (or external) service keeps them on
 * its task sets, and its deployments carry them too: the primary one's are taken when the service has none.
 */
function placementOf(service) {
    const taskSet = service.taskSets?.find((set) => set.status === 'PRIMARY') ?? service.taskSets?.[0];
    const deployment = service.deployments?.find((d) => d.status === 'PRIMARY') ?? service.deployments?.[0];
    const sources = [service, taskSet ?? {}, deployment ?? {}];
    const first = (key) => sources.map((source) => source[key]).find((value) => value !== undefined);
    const strategy = sources
        .map((source) => source.capacityProviderStrategy)
        .find((items) => (items?.length ?? 0) > 0);
    return {
        networkConfiguration: first('networkConfiguration'),
        // RunTask takes one or the other: a launch type with a capacity provider strategy is refused.
        ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: first('launchType') }),
        platformVersion: first('platformVersion'),
    };
}
/** The RunTask input of one one-off task: one task, its commands overridden, tagged with the run's `startedBy`. */
function runTaskInput(args) {
    const { placement } = args;
    const overrides = args.commands.length > 0
        ? { containerOverrides: args.commands.map((edit) => ({ name: edit.container, command: edit.command })) }
        : undefined;
    return {
        cluster: args.cluster,
        taskDefinition: args.taskDefinitionArn,
        count: 1,
        startedBy: args.startedBy,
        ...(placement.networkConfiguration ? { networkConfiguration: placement.networkConfiguration } : {}),
        ...(placement.capacityProviderStrategy ? { capacityProviderStrategy: placement.capacityProviderStrategy } : {}),
        ...(placement.launchType ? { launchType: placement.launchType } : {}),
        ...(placement.platformVersion ? { platformVersion: placement.platformVersion } : {}),
        ...(overrides ? { overrides } : {}),
    };
}

// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/watch/sleep.ts
var sleep = __webpack_require__(588);
;// CONCATENATED MODULE: ./src/task/start.ts





/** RunTask refused to place the task (no capacity, an unknown cluster …): said as ECS says it. */
class TaskNotStarted extends Error {
    name = 'TaskNotStarted';
}
/**
 * RunTask. Throttling means it was not processed: sent again. After a lost answer or a server error the task may
 * have been started all the same: berth first lists the cluster's tasks started by this run (`startedBy` is unique
 * to it) and follows the one it finds; only when there is none is RunTask sent again.
 */
async function startTask(calls, input) {
    calls.reporter.emit({ type: 'debug', message: `RunTask ${JSON.stringify(input)}` });
    const send = async () => {
        try {
            const output = await calls.ecs.send(new dist_cjs/* RunTaskCommand */._eD(input));
            const task = output.tasks?.[0];
            if (task?.taskArn)
                return task;
            const failure = output.failures?.[0];
            throw new TaskNotStarted(`RunTask started no task${failure ? `: ${failure.reason ?? 'no reason'}${failure.detail ? ` (${failure.detail})` : ''}` : ''}.`);
        }
        catch (error) {
            if ((0,errors/* isThrottling */.E2)(error) || !(0,errors/* isTransient */.dg)(error))
                throw error;
            await (0,sleep/* pause */.v)(calls.sleep, calls.pauseMs, []);
            const found = await startedBy(calls, input.cluster ?? '', input.startedBy);
            if (!found)
                throw error;
            calls.reporter.emit({
                type: 'info',
                message: `the answer to RunTask was lost (${(0,src_errors/* errorMessage */.gJ)(error)}); task ${found.taskArn} was started by this run (startedBy ${input.startedBy}), which berth follows.`,
            });
            return found;
        }
    };
    return (0,retry/* retrying */.R)(send, { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 5, retryable: errors/* isTransient */.dg });
}
/** The task this run started, running or already stopped, if ECS lists one. Retried: a look is never an answer. */
async function startedBy(calls, cluster, startedBy) {
    return (0,retry/* retrying */.R)(async () => {
        for (const desiredStatus of ['RUNNING', 'STOPPED']) {
            const listed = await calls.ecs.send(new dist_cjs/* ListTasksCommand */.MYg({ cluster, startedBy, desiredStatus }));
            const arn = listed.taskArns?.[0];
            if (!arn)
                continue;
            const described = await calls.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: [arn] }));
            if (described.tasks?.[0])
                return described.tasks[0];
        }
        return undefined;
    }, { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 10 });
}
/** StopTask: sending it again is harmless, so it is retried on any transient error. */
async function stopTask(calls, cluster, taskArn, reason) {
    await (0,retry/* retrying */.R)(() => calls.ecs.send(new dist_cjs/* StopTaskCommand */.PP1({ cluster, task: taskArn, reason })), {
        sleep: calls.sleep,
        baseMs: calls.pauseMs,
        attempts: 10,
        maxDelayMs: 5_000,
        retryable: errors/* isTransient */.dg,
    });
}

// EXTERNAL MODULE: ./src/watch/deadline.ts
var watch_deadline = __webpack_require__(6123);
;// CONCATENATED MODULE: ./src/run-task.ts















/** `berth run-task`: one run, its AWS calls reported, its verdict emitted. */
async function runTask(config, runDeps) {
    const reporter = runDeps.reporter;
    const deps = {
        ...runDeps,
        clients: (0,clients.observed)(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
    };
    const result = await runOneOff(config, deps);
    reporter.emit({ type: 'verdict', result });
    return result;
}
/** Runs one task to its end, or to the deadline or a cancel (then StopTask). */
async function runOneOff(config, runDeps, defaults = {}) {
    const cluster = config.cluster ?? defaults.cluster;
    if (!cluster)
        throw new src_errors/* UserError */.yo('berth run-task needs --cluster.', { input: '--cluster' });
    const deadline = config.waitTimeoutMs === undefined && defaults.deadline
        ? defaults.deadline
        : (0,watch_deadline/* createDeadline */.d)(config.waitTimeoutMs ?? config.render.waitTimeoutMs, runDeps.now);
    const deps = { ...runDeps, clients: (0,clients.abortable)(runDeps.clients, (0,abort/* callSignals */.g)(deadline, runDeps.signal)) };
    let prepared;
    try {
        prepared = await prepare(config, deps, cluster, defaults);
    }
    catch (error) {
        if (deps.signal?.aborted && !(0,src_errors/* isUserError */.iU)(error))
            return cancelledBefore(cluster, config);
        throw (0,errors/* neverReached */.Xb)(error);
    }
    if (deps.signal?.aborted)
        return cancelledBefore(cluster, config, prepared.taskDefinitionArn);
    return (0,stage/* stage */.dw)(deps, 'run-task', `Run a one-off task of ${prepared.taskDefinitionArn.split('/').pop()} in ${cluster}`, () => runPrepared(config, deps, cluster, prepared, deadline));
}
async function prepare(config, deps, cluster, defaults) {
    const serviceName = config.service ?? config.networkFromService ?? defaults.networkService;
    const service = serviceName ? await findService(deps, cluster, serviceName, config) : undefined;
    const placement = service ? placementOf(service) : {};
    if (!config.render.taskDefinition && !config.service) {
        if (!defaults.registered) {
            throw new src_errors/* UserError */.yo('berth run-task needs --task-definition FILE|FAMILY[:REV]|ARN or --service S.', {
                input: '--task-definition',
            });
        }
        const containers = defaults.registered.taskDefinition.containerDefinitions ?? [];
        checkContainers(config, containers);
        return { taskDefinitionArn: defaults.registered.taskDefinitionArn, containers, placement };
    }
    const rendered = await (0,render/* renderAndValidate */.y0)(config.render, deps, config.service ? service : undefined);
    const containers = rendered.input.containerDefinitions ?? [];
    checkContainers(config, containers);
    const registration = await registerTask(deps, rendered.input, config.service ? service : undefined);
    return { taskDefinitionArn: registration.taskDefinitionArn, containers, placement };
}
async function findService(deps, cluster, name, config) {
    const lookup = await (0,stage/* read */.LF)(deps, () => (0,ecs/* lookUpService */.cu)(deps.clients.ecs, cluster, name));
    if ('service' in lookup)
        return lookup.service;
    const flag = config.service ? '--service' : config.networkFromService ? '--network-from-service' : '--service';
    throw new src_errors/* UserError */.yo(`${flag} ${name}: ECS has no such service in cluster ${cluster} (${lookup.failure.reason ?? 'MISSING'}); expected ` +
        'the name or ARN of a service whose network the task should use.', { input: flag });
}
/** `--container` and the containers of `--command` must be containers of the task definition. */
function checkContainers(config, containers) {
    const names = containers.map((c) => c.name ?? '');
    const known = names.map((name) => JSON.stringify(name)).join(', ');
    const named = [
        ...(config.container ? [{ flag: '--container', name: config.container }] : []),
        ...config.commands.map((edit) => ({ flag: '--command', name: edit.container })),
    ];
    for (const { flag, name } of named) {
        if (!names.includes(name)) {
            throw new src_errors/* UserError */.yo(`${flag}: the task definition has no container ${JSON.stringify(name)}; its containers: ${known}.`, {
                input: flag,
            });
        }
    }
}
/** Registers the rendered task definition, unless the service's or the family's latest revision is the same. */
async function registerTask(deps, input, service) {
    const latest = await (0,stage/* read */.LF)(deps, () => (0,register/* findTaskDefinition */.KF)(deps.clients.ecs, input.family ?? ''));
    const serviceArn = service?.taskDefinition;
    const current = serviceArn && serviceArn !== latest?.arn
        ? await (0,stage/* read */.LF)(deps, () => (0,register/* findTaskDefinition */.KF)(deps.clients.ecs, serviceArn))
        : latest;
    const reusable = (0,register/* reusableRevision */.JW)(input, { current, latest });
    return (0,stage/* stage */.dw)(deps, 'register', 'Register the task definition', async () => {
        const done = await (0,register/* register */.kz)(deps.clients.ecs, input, reusable, { sleep: deps.sleep });
        deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused });
        return done;
    });
}
function cancelledBefore(cluster, config, taskDefinitionArn) {
    return {
        status: 'cancelled',
        cluster,
        ...(config.service ? { service: config.service } : {}),
        ...(taskDefinitionArn ? { taskDefinitionArn } : {}),
        reasons: ['the run was cancelled before the task was started.'],
        hints: [],
        artifacts: [],
    };
}
async function runPrepared(config, deps, cluster, prepared, deadline) {
    const base = {
        cluster,
        ...(config.service ? { service: config.service } : {}),
        taskDefinitionArn: prepared.taskDefinitionArn,
        artifacts: [],
    };
    const calls = {
        ecs: deps.clients.ecs,
        reporter: deps.reporter,
        sleep: deps.sleep,
        pauseMs: Math.min(2000, config.render.pollIntervalMs),
    };
    const startedBy = `berth-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    const input = runTaskInput({ ...prepared, cluster, commands: config.commands, startedBy });
    let started;
    try {
        started = await startTask(calls, { ...input, startedBy });
    }
    catch (error) {
        if (!(error instanceof TaskNotStarted))
            throw error;
        return { ...base, status: 'failed', reasons: [error.message], hints: [] };
    }
    const taskArn = started.taskArn ?? '';
    deps.reporter.emit({
        type: 'task-started',
        taskArn,
        taskDefinitionArn: prepared.taskDefinitionArn,
        cluster,
        startedBy,
    });
    const logs = new TaskLogs(deps.clients.logs, deps.reporter, prepared.containers, (0,ecs/* taskId */.BS)(taskArn));
    const end = await followTask({
        ecs: deps.clients.ecs,
        logs,
        reporter: deps.reporter,
        cluster,
        taskArn,
        deadline,
        cancel: deps.signal,
        sleep: deps.sleep,
        now: deps.now,
        pollIntervalMs: config.render.pollIntervalMs,
    });
    if (end.kind !== 'done') {
        const why = end.kind === 'timed_out' ? 'the wait timeout (--wait-timeout) passed' : 'the run was cancelled';
        await stopTask(calls, cluster, taskArn, `berth: ${why}`);
        deps.reporter.emit({ type: 'info', message: `${why}: berth stopped task ${(0,ecs/* taskId */.BS)(taskArn)} (StopTask).` });
        return {
            ...base,
            status: end.kind,
            reasons: [`${why} before the task ended; berth stopped task ${taskArn} (StopTask).`],
            hints: [],
            task: { taskArn },
            logs: logs.excerpts((0,ecs/* taskId */.BS)(taskArn)),
        };
    }
    const counting = countingContainer(end.value, prepared.containers, config.container);
    const excerpts = counting?.exitCode === 0 ? [] : logs.excerpts((0,ecs/* taskId */.BS)(taskArn), counting?.name);
    const judged = judgeTask(end.value, prepared.containers, { wanted: config.container, logs: excerpts });
    deps.reporter.emit({ type: 'task-stopped', ...judged.outcome });
    return {
        ...base,
        status: judged.status,
        reasons: judged.reasons,
        hints: judged.hints,
        task: judged.outcome,
        ...(excerpts.length > 0 ? { logs: excerpts } : {}),
    };
}


/***/ }),

/***/ 9833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uH: () => (/* reexport */ clean/* clean */.uH),
  xN: () => (/* reexport */ types/* containerName */.xN),
  Mz: () => (/* reexport */ types/* containersOf */.Mz),
  BJ: () => (/* reexport */ describeProblem),
  Ui: () => (/* reexport */ diff),
  tI: () => (/* reexport */ equivalent),
  Vs: () => (/* reexport */ formatDiff),
  fh: () => (/* reexport */ fromDescribeOutput),
  Id: () => (/* reexport */ parseTaskDefinition),
  fI: () => (/* reexport */ problemText),
  XX: () => (/* reexport */ render),
  Rv: () => (/* reexport */ clean/* toRegisterInput */.Rv),
  tf: () => (/* reexport */ validate)
});

// UNUSED EXPORTS: DESCRIBE_ONLY_FIELDS, credentialKind, hasErrors, parseImageReference

// EXTERNAL MODULE: ./src/taskdef/types.ts
var types = __webpack_require__(1433);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/taskdef/json.ts
/** Where a JSON syntax error is, and what the parser wanted there. */
class JsonSyntaxError extends Error {
    expected;
    found;
    line;
    column;
    constructor(expected, found, line, column) {
        super(`expected ${expected}, found ${found}`);
        this.expected = expected;
        this.found = found;
        this.line = line;
        this.column = column;
    }
}
function pathKey(path) {
    return JSON.stringify(path);
}
/**
 * A strict JSON parser (RFC 8259) that remembers the line of every path and reports errors by line and column.
 * Native JSON.parse reports only an offset, in a message whose wording changes between Node versions.
 */
function parseJson(text) {
    const scanner = new Scanner(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const lines = new Map();
    scanner.skipSpace();
    const value = scanner.value([], lines);
    scanner.skipSpace();
    if (!scanner.atEnd())
        scanner.fail('the end of the file');
    return { value, lines };
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const LITERALS = [
    ['true', true],
    ['false', false],
    ['null', null],
];
class Scanner {
    text;
    at = 0;
    line = 1;
    lineStart = 0;
    constructor(text) {
        this.text = text;
    }
    atEnd() {
        return this.at >= this.text.length;
    }
    skipSpace() {
        while (this.at < this.text.length) {
            const char = this.text[this.at];
            if (char === '\n') {
                this.line++;
                this.lineStart = this.at + 1;
            }
            else if (char !== ' ' && char !== '\t' && char !== '\r') {
                return;
            }
            this.at++;
        }
    }
    value(path, lines) {
        const char = this.text[this.at];
        if (char === '{')
            return this.object(path, lines);
        if (char === '[')
            return this.array(path, lines);
        if (char === '"')
            return this.string();
        if (char === '-' || (char >= '0' && char <= '9'))
            return this.number();
        for (const [word, literal] of LITERALS) {
            if (this.text.startsWith(word, this.at)) {
                this.at += word.length;
                return literal;
            }
        }
        return this.fail('a value (object, array, string, number, true, false or null)');
    }
    object(path, lines) {
        const result = {};
        this.at++;
        this.skipSpace();
        if (this.take('}'))
            return result;
        for (;;) {
            if (this.text[this.at] !== '"')
                this.fail(`a property name in double quotes`);
            const keyLine = this.line;
            const key = this.string();
            this.skipSpace();
            if (!this.take(':'))
                this.fail(`':' after the property name ${JSON.stringify(key)}`);
            this.skipSpace();
            const memberPath = [...path, key];
            lines.set(pathKey(memberPath), keyLine);
            // defineProperty, so a key named __proto__ stays a plain key as with JSON.parse.
            Object.defineProperty(result, key, {
                value: this.value(memberPath, lines),
                enumerable: true,
                writable: true,
                configurable: true,
            });
            this.skipSpace();
            if (this.take('}'))
                return result;
            if (!this.take(','))
                this.fail(`',' or '}' after the value of ${JSON.stringify(key)}`);
            this.skipSpace();
            if (this.text[this.at] === '}')
                this.fail("a property name after ',' (JSON allows no trailing comma)");
        }
    }
    array(path, lines) {
        const result = [];
        this.at++;
        this.skipSpace();
        if (this.take(']'))
            return result;
        for (;;) {
            const itemPath = [...path, result.length];
            lines.set(pathKey(itemPath), this.line);
            result.push(this.value(itemPath, lines));
            this.skipSpace();
            if (this.take(']'))
                return result;
            if (!this.take(','))
                this.fail(`',' or ']' after an array item`);
            this.skipSpace();
            if (this.text[this.at] === ']')
                this.fail("a value after ',' (JSON allows no trailing comma)");
        }
    }
    string() {
        const start = this.at;
        this.at++;
        STRING_BODY.lastIndex = this.at;
        STRING_BODY.exec(this.text);
        this.at = STRING_BODY.lastIndex;
        if (this.text[this.at] !== '"') {
            if (this.atEnd() || this.text[this.at] === '\n')
                this.fail("a closing '\"' before the end of the line");
            if (this.text[this.at] === '\\')
                this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
            this.fail('a character allowed in a string (control characters must be escaped)');
        }
        this.at++;
        return JSON.parse(this.text.slice(start, this.at));
    }
    number() {
        NUMBER.lastIndex = this.at;
        const match = NUMBER.exec(this.text);
        if (!match)
            return this.fail('a number');
        this.at += match[0].length;
        return Number(match[0]);
    }
    take(char) {
        if (this.text[this.at] !== char)
            return false;
        this.at++;
        return true;
    }
    fail(expected) {
        throw new JsonSyntaxError(expected, this.describeHere(), this.line, this.at - this.lineStart + 1);
    }
    describeHere() {
        if (this.atEnd())
            return 'the end of the file';
        const char = this.text[this.at];
        // An unquoted word may be a value pasted without quotes, a token or a password: said by its kind, never echoed.
        if (/[A-Za-z_]/.test(char))
            return 'an unquoted word';
        if (/[0-9]/.test(char))
            return 'a digit';
        if (char === '\n' || char === '\r')
            return 'the end of the line';
        return `'${char}'`;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/taskdef/yaml.ts


/** Where a YAML syntax error is, and its kind in words (never the text around it, which may hold a secret). */
class YamlSyntaxError extends Error {
    problem;
    line;
    column;
    constructor(problem, line, column) {
        super(problem);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }
}
/**
 * A task definition written in YAML, as the official deploy action accepts it: the same value as its JSON, with
 * the line of every path (a member's key line, an item's line), so problems point into the file.
 */
function parseYaml(text) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
    const error = doc.errors[0];
    if (error) {
        const { line, col } = counter.linePos(error.pos[0]);
        throw new YamlSyntaxError(error.code.toLowerCase().replace(/_/g, ' '), line, col);
    }
    const lines = new Map();
    const lineOf = (node) => {
        const offset = node?.range?.[0];
        return offset === undefined ? undefined : counter.linePos(offset).line;
    };
    const visit = (node, path) => {
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const child = [...path, String(pair.key.value)];
                const line = lineOf(pair.key);
                if (line !== undefined)
                    lines.set(pathKey(child), line);
                visit(pair.value, child);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => {
                const line = lineOf(item);
                if (line !== undefined)
                    lines.set(pathKey([...path, index]), line);
                visit(item, [...path, index]);
            });
        }
    };
    visit(doc.contents, []);
    return { value: (doc.toJS() ?? null), lines };
}
/** A file whose name says YAML. */
function isYamlFile(file) {
    return /\.ya?ml$/i.test(file);
}

// EXTERNAL MODULE: ./src/taskdef/clean.ts
var clean = __webpack_require__(3497);
;// CONCATENATED MODULE: ./src/taskdef/read.ts





/**
 * Reads a task definition file, JSON or YAML: the bare definition, the `{"taskDefinition": …, "tags": …}` that
 * `aws ecs describe-task-definition` prints, or a RegisterTaskDefinition input (`--cli-input-json`).
 */
function parseTaskDefinition(text, file) {
    const { value, lines } = parseOrExplain(text, file);
    const lineAt = (path) => (path.length === 0 ? firstLine(text) : lines.get(pathKey(path)));
    if (!(0,types/* isObject */.Gv)(value)) {
        const line = firstLine(text);
        throw new errors/* UserError */.yo(`${file}:${line}: a task definition must be ${isYamlFile(file) ? 'a YAML mapping' : 'a JSON object'}, found ${kindOf(value)}.`, {
            file,
            line,
        });
    }
    const shape = shapeOf(value);
    const prefix = shape === 'describe' ? ['taskDefinition'] : [];
    const taskDefinition = shape === 'describe' ? value.taskDefinition : { ...value };
    const tags = readTags(value.tags, file, lineAt(['tags']));
    if (shape !== 'describe')
        delete taskDefinition.tags;
    requireContainers(taskDefinition, file, lineAt(prefix) ?? 1, lineAt([...prefix, 'containerDefinitions']));
    return {
        taskDefinition,
        ...(tags ? { tags } : {}),
        file,
        shape,
        lineOf: (path) => lineAt([...prefix, ...path]),
    };
}
/** A task definition fetched with DescribeTaskDefinition; timestamps become epoch seconds, as on the wire. */
function fromDescribeOutput(output) {
    if (!output.taskDefinition)
        throw new errors/* UserError */.yo('DescribeTaskDefinition returned no task definition.');
    const taskDefinition = toJson(output.taskDefinition);
    const tags = (output.tags ?? []).flatMap((tag) => tag.key !== undefined ? [{ key: tag.key, value: tag.value ?? '' }] : []);
    return {
        taskDefinition,
        ...(tags.length > 0 ? { tags } : {}),
        shape: 'describe',
        lineOf: () => undefined,
    };
}
/** JSON, or YAML for a `.yaml`/`.yml` file; a syntax error says where and what kind, never the text there. */
function parseOrExplain(text, file) {
    try {
        return isYamlFile(file) ? parseYaml(text) : parseJson(text);
    }
    catch (error) {
        const at = { file, line: error.line, column: error.column };
        const where = `${file}:${at.line}:${at.column}`;
        if (error instanceof JsonSyntaxError) {
            throw new errors/* UserError */.yo(`${where}: invalid JSON: expected ${error.expected}, found ${error.found}.`, at);
        }
        if (error instanceof YamlSyntaxError)
            throw new errors/* UserError */.yo(`${where}: invalid YAML: ${error.problem}.`, at);
        throw error;
    }
}
function shapeOf(value) {
    if ((0,types/* isObject */.Gv)(value.taskDefinition))
        return 'describe';
    return clean/* DESCRIBE_ONLY_FIELDS */.n7.some((field) => field in value) ? 'bare' : 'register';
}
function readTags(value, file, line) {
    if (value === undefined || value === null)
        return undefined;
    const valid = Array.isArray(value) &&
        value.every((tag) => (0,types/* isObject */.Gv)(tag) && typeof tag.key === 'string' && ['string', 'undefined'].includes(typeof tag.value));
    if (!valid) {
        throw new errors/* UserError */.yo(`${file}:${line ?? 1}: "tags" must be a list of {"key": "…", "value": "…"} objects.`, {
            file,
            line,
        });
    }
    return value.map((tag) => ({ key: tag.key, value: tag.value ?? '' }));
}
function requireContainers(taskDefinition, file, objectLine, listLine) {
    const list = taskDefinition.containerDefinitions;
    if (list === undefined) {
        throw new errors/* UserError */.yo(`${file}:${objectLine}: the task definition has no "containerDefinitions"; expected a task definition ` +
            'JSON (bare, as printed by aws ecs describe-task-definition, or a RegisterTaskDefinition input).', { file, line: objectLine });
    }
    if (!Array.isArray(list) || list.length === 0 || !list.every(types/* isObject */.Gv)) {
        const line = listLine ?? objectLine;
        throw new errors/* UserError */.yo(`${file}:${line}: "containerDefinitions" must be a non-empty list of container objects, found ${kindOf(list)}.`, { file, line });
    }
}
function kindOf(value) {
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : 'a list';
    if (value === null)
        return 'null';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function firstLine(text) {
    const match = /^\uFEFF?[ \t\r\n]*/.exec(text);
    return (match?.[0].match(/\n/g)?.length ?? 0) + 1;
}
/** SDK values to plain JSON: Dates to epoch seconds, undefined members dropped. */
function toJson(value) {
    if (value instanceof Date)
        return value.getTime() / 1000;
    if (Array.isArray(value))
        return value.map(toJson);
    if ((0,types/* isObject */.Gv)(value)) {
        return Object.fromEntries(Object.entries(value)
            .filter(([, member]) => member !== undefined)
            .map(([key, member]) => [key, toJson(member)]));
    }
    return value;
}

// EXTERNAL MODULE: ./src/taskdef/units.ts
var units = __webpack_require__(6503);
;// CONCATENATED MODULE: ./src/taskdef/render.ts


/**
 * Applies the edits to a copy of the task definition. Edited fields keep their place; new ones are appended;
 * everything else is carried through untouched. Edits naming an unknown container are skipped here and
 * reported by `validate`.
 */
function render(taskDefinition, edits) {
    const result = structuredClone(taskDefinition);
    if (edits.family !== undefined)
        result.family = edits.family;
    if (edits.cpu !== undefined)
        result.cpu = (0,units/* normaliseUnits */.e)('cpu', edits.cpu) ?? edits.cpu;
    if (edits.memory !== undefined)
        result.memory = (0,units/* normaliseUnits */.e)('memory', edits.memory) ?? edits.memory;
    if (edits.taskRoleArn !== undefined)
        result.taskRoleArn = edits.taskRoleArn;
    if (edits.executionRoleArn !== undefined)
        result.executionRoleArn = edits.executionRoleArn;
    for (const edit of edits.images) {
        for (const container of named(result, edit.container))
            container.image = edit.uri;
    }
    for (const edit of edits.env) {
        for (const container of named(result, edit.container)) {
            removeNamed(container, 'secrets', edit.name);
            setNamed(container, 'environment', { name: edit.name, value: edit.value });
        }
    }
    for (const edit of edits.secrets) {
        for (const container of named(result, edit.container)) {
            removeNamed(container, 'environment', edit.name);
            setNamed(container, 'secrets', { name: edit.name, valueFrom: edit.valueFrom });
        }
    }
    applyContainerEdits(result, edits);
    return result;
}
function applyContainerEdits(result, edits) {
    const each = (list, apply) => {
        for (const edit of list ?? [])
            for (const container of named(result, edit.container))
                apply(container, edit);
    };
    each(edits.commands, (container, edit) => (container.command = [...edit.command]));
    each(edits.dockerLabels, (container, edit) => {
        const labels = (0,types/* isObject */.Gv)(container.dockerLabels) ? container.dockerLabels : (container.dockerLabels = {});
        labels[edit.key] = edit.value;
    });
    each(edits.logConfigurations, setLogConfiguration);
    each(edits.environmentFiles, (container, edit) => {
        const files = Array.isArray(container.environmentFiles)
            ? container.environmentFiles
            : (container.environmentFiles = []);
        if (!files.some((file) => (0,types/* isObject */.Gv)(file) && file.value === edit.arn))
            files.push({ value: edit.arn, type: 's3' });
    });
    each(edits.containerCpu, (container, edit) => (container.cpu = edit.size));
    each(edits.containerMemory, (container, edit) => (container.memory = edit.size));
}
/**
 * The same driver keeps the options (and secretOptions) it has and takes the given ones over them; another driver
 * starts afresh, since one driver's options mean nothing to another.
 */
function setLogConfiguration(container, edit) {
    const current = (0,types/* isObject */.Gv)(container.logConfiguration) ? container.logConfiguration : undefined;
    if (current && current.logDriver === edit.logDriver) {
        current.options = { ...((0,types/* isObject */.Gv)(current.options) ? current.options : {}), ...edit.options };
        return;
    }
    const options = Object.keys(edit.options).length > 0 ? { options: { ...edit.options } } : {};
    container.logConfiguration = { logDriver: edit.logDriver, ...options };
}
function named(taskDefinition, name) {
    return (0,types/* containersOf */.Mz)(taskDefinition)
        .map(({ container }) => container)
        .filter((container) => (0,types/* containerName */.xN)(container) === name);
}
/** Sets an entry of `environment` or `secrets` in place when the name exists, else appends it. */
function setNamed(container, list, entry) {
    const entries = Array.isArray(container[list]) ? container[list] : (container[list] = []);
    const existing = entries.find((item) => (0,types/* isObject */.Gv)(item) && item.name === entry.name);
    if ((0,types/* isObject */.Gv)(existing))
        Object.assign(existing, entry);
    else
        entries.push(entry);
}
/** ECS rejects a name that is both an environment variable and a secret, so setting one removes the other. */
function removeNamed(container, list, name) {
    const entries = container[list];
    if (!Array.isArray(entries))
        return;
    container[list] = entries.filter((item) => !((0,types/* isObject */.Gv)(item) && item.name === name));
}

;// CONCATENATED MODULE: ./src/taskdef/credentials.ts
/**
 * Heuristics for credentials written as plain environment values. Every result names the kind of credential,
 * never the value, so it can be logged.
 */
const VALUE_PATTERNS = [
    [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
    [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
    [/\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
    [/\bxox[abposre]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
    [/\b[sr]k_live_[A-Za-z0-9]{16,}/, 'a Stripe key'],
    [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
    [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JSON Web Token'],
    [/\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, 'a URL with a password'],
    [/\b(?:password|passwd|pwd|secret|token|api[_-]?key)\s*[=:]\s*[^\s&;]{6,}/i, 'a password assignment'],
];
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;
/** Names that hold a reference to a secret or a setting about one, not the secret itself. */
const REFERENCE_NAME = /_(?:ARN|NAME|ID|FILE|PATH|URL|URI|TTL|EXPIRY|EXPIRES|LENGTH|HEADER|REGION|ENDPOINT|VERSION|ENABLED)$/i;
const HARMLESS_VALUE = /^(?:true|false|yes|no|on|off|none|null|-?\d+(?:\.\d+)?|arn:.*|\/.*)$/i;
/** What kind of credential the variable seems to hold, or undefined. */
function credentialKind(name, value) {
    for (const [pattern, kind] of VALUE_PATTERNS)
        if (pattern.test(value))
            return kind;
    if (looksRandom(value))
        return 'a long random token';
    if (SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && value.trim() !== '' && !HARMLESS_VALUE.test(value)) {
        return 'a secret, judging by its name';
    }
    return undefined;
}
/** A long token of mixed-case letters and digits with high entropy: API keys, not hashes or ids. */
function looksRandom(value) {
    if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value))
        return false;
    if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value))
        return false;
    return entropyPerChar(value) >= 4;
}
function entropyPerChar(value) {
    const counts = new Map();
    for (const char of value)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    let entropy = 0;
    for (const count of counts.values()) {
        const p = count / value.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}

;// CONCATENATED MODULE: ./src/taskdef/fargate.ts
/** The cpu/memory pairs Fargate offers (MiB), per cpu units. */
const FARGATE_SIZES = {
    '256': [512, 1024, 2048],
    '512': { from: 1024, to: 4096, step: 1024 },
    '1024': { from: 2048, to: 8192, step: 1024 },
    '2048': { from: 4096, to: 16384, step: 1024 },
    '4096': { from: 8192, to: 30720, step: 1024 },
    '8192': { from: 16384, to: 61440, step: 4096 },
    '16384': { from: 32768, to: 122880, step: 8192 },
};
const FARGATE_CPUS = Object.keys(FARGATE_SIZES);
/** The memory values Fargate accepts with this cpu, or undefined when Fargate has no such cpu size. */
function fargateMemoryFor(cpu) {
    const sizes = FARGATE_SIZES[cpu];
    if (sizes === undefined)
        return undefined;
    if (Array.isArray(sizes))
        return sizes;
    const values = [];
    for (let memory = sizes.from; memory <= sizes.to; memory += sizes.step)
        values.push(memory);
    return values;
}
/** `512, 1024, 2048` or, for long ranges, `2048-8192 in steps of 1024`. */
function describeMemoryChoices(cpu) {
    const sizes = FARGATE_SIZES[cpu];
    if (sizes === undefined)
        return '';
    if (Array.isArray(sizes))
        return sizes.join(', ');
    const count = (sizes.to - sizes.from) / sizes.step + 1;
    if (count <= 4)
        return (fargateMemoryFor(cpu) ?? []).join(', ');
    return `${sizes.from}-${sizes.to} in steps of ${sizes.step}`;
}

;// CONCATENATED MODULE: ./src/taskdef/image.ts
const MAX_LENGTH = 255;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TAG = /^\w[\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;
/** Parses an image URI, or says what is wrong with it and what is accepted. */
function parseImageReference(uri) {
    const fail = (reason) => ({ ok: false, reason });
    if (uri.length === 0)
        return fail('the image is empty');
    if (/\s/.test(uri))
        return fail('an image URI has no spaces');
    if (uri.length > MAX_LENGTH)
        return fail(`an image URI is at most ${MAX_LENGTH} characters, this one has ${uri.length}`);
    const [named, digest, ...extra] = uri.split('@');
    if (extra.length > 0)
        return fail("an image URI has at most one '@'");
    if (digest !== undefined && !DIGEST.test(digest)) {
        return fail("the digest after '@' must be sha256: followed by 64 lower-case hex digits");
    }
    const lastSlash = named.lastIndexOf('/');
    const colon = named.indexOf(':', lastSlash + 1);
    const name = colon < 0 ? named : named.slice(0, colon);
    const tag = colon < 0 ? undefined : named.slice(colon + 1);
    if (tag !== undefined && !TAG.test(tag)) {
        return fail('a tag is 1-128 letters, digits, _ . and -, not starting with . or -');
    }
    const { registry, repository } = splitRegistry(name);
    if (registry !== undefined) {
        const problem = registryProblem(registry);
        if (problem)
            return fail(problem);
    }
    if (!repository || !repository.split('/').every((part) => PATH_COMPONENT.test(part))) {
        return fail('a repository name is lower-case letters and digits, parts joined by . _ __ or - and separated by /');
    }
    return {
        ok: true,
        image: {
            ...(registry !== undefined ? { registry } : {}),
            repository,
            ...(tag !== undefined ? { tag } : {}),
            ...(digest !== undefined ? { digest } : {}),
        },
    };
}
/** The first part is a registry host when it could not be a repository name: it has a dot, a port or is localhost. */
function splitRegistry(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { repository: name };
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
        return { registry: first, repository: name.slice(slash + 1) };
    }
    return { repository: name };
}
function registryProblem(registry) {
    const [host, port, ...extra] = registry.split(':');
    if (extra.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) {
        return `the registry ${JSON.stringify(registry)} must be HOST or HOST:PORT`;
    }
    if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
        return `the registry host ${JSON.stringify(host)} is not a valid host name`;
    }
    if (host.includes('.dkr.ecr') && !ECR_HOST.test(host)) {
        return `an ECR registry is ACCOUNT.dkr.ecr.REGION.amazonaws.com with a 12-digit account, not ${JSON.stringify(host)}`;
    }
    return undefined;
}
/** Why an image is not pinned (`:latest` or no tag at all), or undefined when it has a version tag or digest. */
function unpinnedReason(image) {
    if (image.digest)
        return undefined;
    if (image.tag === undefined)
        return 'has no tag, so ECS pulls :latest';
    if (image.tag === 'latest')
        return 'uses the :latest tag';
    return undefined;
}

;// CONCATENATED MODULE: ./src/taskdef/validate.ts





const MAX_CONTAINERS = 10;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/\S+$/;
const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(?::[^:\s]*){0,3}$/;
const SSM_NAME = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/;
const VALUE_FROM_FORMS = 'an SSM parameter name (/prod/db/password), an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) ' +
    'or a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:JSON_KEY:VERSION_STAGE:VERSION_ID])';
/** Every problem at once, errors and warnings, in a stable order: edits, task, then container by container. */
function validate(taskDefinition, edits = { images: [], env: [], secrets: [] }) {
    return [
        ...checkEdits(taskDefinition, edits),
        ...checkTask(taskDefinition),
        ...checkFargate(taskDefinition),
        ...checkContainerSizes(taskDefinition),
        ...(0,types/* containersOf */.Mz)(taskDefinition).flatMap(({ container, index }) => checkContainer(container, index)),
    ];
}
function hasErrors(problems) {
    return problems.some((problem) => problem.severity === 'error');
}
/** One line: `error: container "web" image: …`. */
function describeProblem(problem) {
    return `${problem.severity}: ${problemText(problem)}`;
}
/** Where the problem is and what it is, without its severity (for reporters that show severity their own way). */
function problemText(problem) {
    const where = problem.container === undefined ? problem.field : `container "${problem.container}" ${problem.field}`;
    return `${where}: ${problem.message}`;
}
/** Each edit that names a container: its flag, the field it sets and what it does, for the message. */
function containerEdits(edits) {
    const of = (list, flag, field, what) => (list ?? []).map((edit) => ({ container: edit.container, flag, field, what: what(edit) }));
    return [
        ...of(edits.images, '--image', 'image', () => 'set the image of'),
        ...of(edits.env, '--env', 'environment', (edit) => `set environment variable ${edit.name} in`),
        ...of(edits.secrets, '--secret', 'secrets', (edit) => `set secret ${edit.name} in`),
        ...of(edits.commands, '--command', 'command', () => 'set the command of'),
        ...of(edits.dockerLabels, '--docker-label', 'dockerLabels', (edit) => `set docker label ${edit.key} in`),
        ...of(edits.logConfigurations, '--log-configuration', 'logConfiguration', () => 'set the log configuration of'),
        ...of(edits.environmentFiles, '--environment-file', 'environmentFiles', () => 'add an environment file to'),
        ...of(edits.containerCpu, '--container-cpu', 'cpu', () => 'set the cpu of'),
        ...of(edits.containerMemory, '--container-memory', 'memory', () => 'set the memory of'),
    ];
}
function checkEdits(taskDefinition, edits) {
    const names = (0,types/* containersOf */.Mz)(taskDefinition).flatMap(({ container }) => (0,types/* containerName */.xN)(container) ?? []);
    const existing = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'none';
    const unknown = containerEdits(edits)
        .filter((edit) => !names.includes(edit.container))
        .map(({ container, flag, field, what }) => ({
        severity: 'error',
        container,
        field,
        path: ['containerDefinitions'],
        message: `no container named "${container}" to ${what} (${flag}); the task definition's containers are ${existing}.`,
    }));
    return [...unknown, ...conflictingEdits(edits)];
}
function conflictingEdits(edits) {
    const problems = [];
    const images = new Map();
    for (const edit of edits.images) {
        const earlier = images.get(edit.container);
        if (earlier !== undefined && earlier !== edit.uri) {
            problems.push({
                severity: 'error',
                container: edit.container,
                field: 'image',
                path: ['containerDefinitions'],
                message: `two images are given for this container (${earlier} and ${edit.uri}); give one.`,
            });
        }
        images.set(edit.container, edit.uri);
    }
    for (const secret of edits.secrets) {
        if (edits.env.some((env) => env.container === secret.container && env.name === secret.name)) {
            problems.push({
                severity: 'error',
                container: secret.container,
                field: 'secrets',
                path: ['containerDefinitions'],
                message: `${secret.name} is given both as an environment variable and as a secret; ECS takes a name in one of them only.`,
            });
        }
    }
    return problems;
}
function checkTask(taskDefinition) {
    const problems = [];
    const task = (field, message, severity = 'error') => problems.push({ severity, field, path: [field], message });
    const family = taskDefinition.family;
    if (typeof family !== 'string' || !NAME.test(family)) {
        task('family', family === undefined
            ? 'the task definition has no family; give one in the file or with --family.'
            : `${JSON.stringify(family)} is not a valid family: 1-255 letters, digits, hyphens and underscores.`);
    }
    const containers = (0,types/* containersOf */.Mz)(taskDefinition);
    if (containers.length > MAX_CONTAINERS) {
        task('containerDefinitions', `a task definition holds at most ${MAX_CONTAINERS} containers, this one has ${containers.length}.`);
    }
    if (containers.length > 0 && containers.every(({ container }) => container.essential === false)) {
        task('essential', 'no container is essential; at least one must be (essential defaults to true when omitted).');
    }
    problems.push(...duplicateContainers(containers));
    return problems;
}
function duplicateContainers(containers) {
    const seen = new Set();
    const problems = [];
    for (const { container, index } of containers) {
        const name = (0,types/* containerName */.xN)(container);
        if (name === undefined)
            continue;
        if (seen.has(name)) {
            problems.push({
                severity: 'error',
                container: name,
                field: 'name',
                path: ['containerDefinitions', index, 'name'],
                message: `two containers are named "${name}"; container names must be unique in a task definition.`,
            });
        }
        seen.add(name);
    }
    return problems;
}
function checkFargate(taskDefinition) {
    const compatibilities = taskDefinition.requiresCompatibilities;
    if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE'))
        return [];
    const problems = [];
    const task = (field, message) => problems.push({ severity: 'error', field, path: [field], message });
    if (taskDefinition.networkMode !== 'awsvpc') {
        const mode = taskDefinition.networkMode === undefined ? 'no networkMode' : `networkMode ${taskDefinition.networkMode}`;
        task('networkMode', `Fargate needs networkMode awsvpc; this task definition has ${mode}.`);
    }
    const cpu = validate_units('cpu', taskDefinition.cpu);
    const memory = validate_units('memory', taskDefinition.memory);
    const sizes = [
        ['cpu', cpu, 'cpu units (256, 1024) or vCPU (1 vCPU)'],
        ['memory', memory, 'MiB (512, 2048) or GB (2GB)'],
    ];
    const unreadable = sizes.filter(([, value]) => value !== undefined && !/^\d+$/.test(value));
    for (const [field, value, form] of unreadable)
        task(field, `${JSON.stringify(value)} is not a size: give ${form}.`);
    if (unreadable.length > 0)
        return problems;
    if (cpu === undefined)
        task('cpu', `Fargate needs a task cpu: one of ${FARGATE_CPUS.join(', ')}.`);
    if (memory === undefined)
        task('memory', 'Fargate needs a task memory in MiB, e.g. 512, 1024 or 2048.');
    if (cpu === undefined || memory === undefined)
        return problems;
    const accepted = fargateMemoryFor(cpu);
    if (accepted === undefined) {
        task('cpu', `Fargate offers no cpu ${cpu}; it accepts cpu ${FARGATE_CPUS.join(', ')}.`);
    }
    else if (!accepted.includes(Number(memory))) {
        task('memory', `Fargate offers no cpu ${cpu} with memory ${memory}: cpu ${cpu} accepts memory ${describeMemoryChoices(cpu)}.`);
    }
    const os = (0,types/* isObject */.Gv)(taskDefinition.runtimePlatform) ? taskDefinition.runtimePlatform.operatingSystemFamily : undefined;
    const windows = typeof os === 'string' && os.startsWith('WINDOWS');
    if (windows && Number(cpu) < 1024)
        task('cpu', `Windows on Fargate needs cpu 1024 or more, not ${cpu}.`);
    if (windows && Number(cpu) > 4096)
        task('cpu', `cpu ${cpu} on Fargate is for Linux only; Windows goes up to 4096.`);
    return problems;
}
/**
 * A container's memoryReservation above its memory is refused by ECS; containers that together ask for more cpu or
 * memory than the task has cannot all get it (`--container-cpu`, `--container-memory` make both easy to do).
 */
function checkContainerSizes(taskDefinition) {
    const problems = [];
    const containers = (0,types/* containersOf */.Mz)(taskDefinition);
    for (const { container, index } of containers) {
        const [memory, reservation] = [container.memory, container.memoryReservation];
        if (typeof memory === 'number' && typeof reservation === 'number' && reservation > memory) {
            problems.push({
                severity: 'error',
                container: (0,types/* containerName */.xN)(container) ?? `#${index + 1}`,
                field: 'memory',
                path: ['containerDefinitions', index, 'memory'],
                message: `memory ${memory} MiB is less than the container's memoryReservation ${reservation} MiB; ECS takes a memory of at least the reservation.`,
            });
        }
    }
    const reserved = {
        cpu: containers.map(({ container }) => container.cpu),
        memory: containers.map(({ container }) => container.memoryReservation ?? container.memory),
    };
    for (const what of ['cpu', 'memory']) {
        const task = Number(validate_units(what, taskDefinition[what]));
        const total = reserved[what].reduce((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
        if (Number.isFinite(task) && task > 0 && total > task) {
            problems.push({
                severity: 'warning',
                field: what,
                path: [what],
                message: `the containers reserve ${total} ${what === 'cpu' ? 'cpu units' : 'MiB'} together, more than the task's ${task}.`,
            });
        }
    }
    return problems;
}
function validate_units(what, value) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value !== 'string')
        return undefined;
    return (0,units/* normaliseUnits */.e)(what, value) ?? value;
}
function checkContainer(container, index) {
    const name = (0,types/* containerName */.xN)(container);
    const label = name ?? `#${index + 1}`;
    const at = (...path) => ['containerDefinitions', index, ...path];
    const problems = [];
    if (name === undefined || !NAME.test(name)) {
        problems.push({
            severity: 'error',
            container: label,
            field: 'name',
            path: at('name'),
            message: name === undefined
                ? 'the container has no name.'
                : `${JSON.stringify(name)} is not a valid container name: 1-255 letters, digits, hyphens and underscores.`,
        });
    }
    problems.push(...checkImage(container.image, label, at('image')));
    problems.push(...checkEnvironment(container, label, at));
    problems.push(...checkSecrets(container, label, at));
    return problems;
}
function checkImage(image, container, path) {
    const problem = (severity, message) => [
        { severity, container, field: 'image', path, message },
    ];
    if (typeof image !== 'string')
        return problem('error', 'the container has no image.');
    const parsed = parseImageReference(image);
    if (!parsed.ok) {
        return problem('error', `${JSON.stringify(image)} is not a valid image URI: ${parsed.reason}; expected REPOSITORY:TAG or ` +
            'REPOSITORY@sha256:DIGEST, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2.');
    }
    const unpinned = unpinnedReason(parsed.image);
    if (unpinned) {
        return problem('warning', `${image} ${unpinned}; pin a version tag or a digest so that a deployment is repeatable and a rollback ` +
            'restores the same image.');
    }
    return [];
}
function namedEntries(container, list) {
    const entries = container[list];
    if (!Array.isArray(entries))
        return [];
    return entries.flatMap((entry, index) => ((0,types/* isObject */.Gv)(entry) ? [{ entry, index }] : []));
}
function checkEnvironment(container, label, at) {
    const problems = [];
    const seen = new Set();
    for (const { entry, index } of namedEntries(container, 'environment')) {
        const path = at('environment', index);
        if (typeof entry.name !== 'string')
            continue;
        if (seen.has(entry.name)) {
            problems.push({
                severity: 'error',
                container: label,
                field: 'environment',
                path,
                message: `${entry.name} is set twice; give each environment variable once.`,
            });
        }
        seen.add(entry.name);
        const kind = typeof entry.value === 'string' ? credentialKind(entry.name, entry.value) : undefined;
        if (kind) {
            problems.push({
                severity: 'warning',
                container: label,
                field: 'environment',
                path,
                message: `the value of ${entry.name} looks like ${kind}; move it to "secrets" (Secrets Manager or SSM ` +
                    'Parameter Store) so that it stays out of the task definition and its logs.',
            });
        }
    }
    return problems;
}
function checkSecrets(container, label, at) {
    const problems = [];
    const environment = new Set(namedEntries(container, 'environment').map(({ entry }) => entry.name));
    const seen = new Set();
    for (const { entry, index } of namedEntries(container, 'secrets')) {
        const problem = (message, ...path) => problems.push({
            severity: 'error',
            container: label,
            field: 'secrets',
            path: at('secrets', index, ...path),
            message,
        });
        if (typeof entry.name !== 'string') {
            problem('a secret has no name.');
            continue;
        }
        if (seen.has(entry.name))
            problem(`${entry.name} is set twice; give each secret once.`);
        seen.add(entry.name);
        if (environment.has(entry.name)) {
            problem(`${entry.name} is both an environment variable and a secret; ECS takes a name in one of them only.`);
        }
        const reason = valueFromProblem(entry.valueFrom);
        if (reason)
            problem(`the valueFrom of ${entry.name} ${reason}; expected ${VALUE_FROM_FORMS}.`, 'valueFrom');
    }
    const log = (0,types/* isObject */.Gv)(container.logConfiguration) ? container.logConfiguration : {};
    if (Array.isArray(log.secretOptions)) {
        log.secretOptions.forEach((option, index) => {
            if (!(0,types/* isObject */.Gv)(option))
                return;
            const reason = valueFromProblem(option.valueFrom);
            if (!reason)
                return;
            problems.push({
                severity: 'error',
                container: label,
                field: 'logConfiguration.secretOptions',
                path: at('logConfiguration', 'secretOptions', index, 'valueFrom'),
                message: `the valueFrom of ${String(option.name)} ${reason}; expected ${VALUE_FROM_FORMS}.`,
            });
        });
    }
    return problems;
}
/** Why a valueFrom is not a reference ECS can resolve; the text names its form, never the value. */
function valueFromProblem(valueFrom) {
    if (typeof valueFrom !== 'string' || valueFrom === '')
        return 'is missing';
    if (valueFrom.startsWith('arn:')) {
        if (SSM_ARN.test(valueFrom) || SECRETS_MANAGER_ARN.test(valueFrom))
            return undefined;
        return `is an ARN of neither an SSM parameter nor a Secrets Manager secret (${arnService(valueFrom)})`;
    }
    if (SSM_NAME.test(valueFrom))
        return undefined;
    if (valueFrom.includes('/') && !valueFrom.startsWith('/'))
        return 'is a parameter path that does not start with /';
    return 'is not a parameter name: names are letters, digits, . _ - and / between path parts';
}
function arnService(arn) {
    const service = arn.split(':')[2];
    return service ? `service "${service}"` : 'malformed ARN';
}

;// CONCATENATED MODULE: ./src/taskdef/diff.ts




const HIDDEN = '(hidden)';
const TASK_FIELDS = [
    'family',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'requiresCompatibilities',
    'cpu',
    'memory',
];
const CONTAINER_FIELDS = ['image', 'cpu', 'memory', 'memoryReservation', 'essential', 'command', 'entryPoint'];
const SPECIAL_CONTAINER_FIELDS = [...CONTAINER_FIELDS, 'name', 'portMappings', 'environment', 'secrets'];
const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };
/**
 * What changed from `before` to `after`, ignoring describe-only fields, key order and the defaults ECS fills in
 * when it describes a registered definition.
 */
function diff(before, after) {
    const [from, to] = [normalise(before), normalise(after)];
    return [...diffTask(from, to), ...diffContainers(from, to)];
}
/** True when registering `after` would change nothing compared with `before`. */
function equivalent(before, after) {
    return diff(before, after).length === 0;
}
/** The diff as text: task-level changes first, then one block per container. */
function formatDiff(entries) {
    if (entries.length === 0)
        return 'no changes\n';
    const lines = [];
    let group = null;
    for (const entry of entries) {
        if (entry.field === 'container') {
            group = null;
            lines.push(entryLine(entry, `container ${entry.container}`));
            continue;
        }
        if (entry.container !== group) {
            group = entry.container;
            lines.push(group === undefined ? 'task definition' : `container ${group}`);
        }
        lines.push(`  ${entryLine(entry, entry.field)}`);
    }
    return lines.join('\n') + '\n';
}
function entryLine(entry, field) {
    if (entry.kind === 'added')
        return `+ ${field}: ${entry.after}`;
    if (entry.kind === 'removed')
        return `- ${field}: ${entry.before}`;
    return `~ ${field}: ${entry.before} -> ${entry.after}`;
}
// ---- normalisation: the form ECS describes a definition in, minus its defaults
function normalise(taskDefinition) {
    const result = dropEmpty((0,clean/* clean */.uH)(taskDefinition));
    for (const what of ['cpu', 'memory']) {
        if (typeof result[what] === 'number' || typeof result[what] === 'string') {
            result[what] = (0,units/* normaliseUnits */.e)(what, String(result[what])) ?? result[what];
        }
    }
    if (result.enableFaultInjection === false)
        delete result.enableFaultInjection;
    // A RegisterTaskDefinition input carries tags; a described definition has them beside it, not in it.
    delete result.tags;
    if (result.networkMode === 'bridge')
        delete result.networkMode;
    const networkMode = typeof result.networkMode === 'string' ? result.networkMode : 'bridge';
    for (const { container } of (0,types/* containersOf */.Mz)(result))
        normaliseContainer(container, networkMode);
    return result;
}
function normaliseContainer(container, networkMode) {
    if (container.essential === true)
        delete container.essential;
    if (container.cpu === 0)
        delete container.cpu;
    if (Array.isArray(container.portMappings)) {
        for (const mapping of container.portMappings.filter(types/* isObject */.Gv))
            normalisePortMapping(mapping, networkMode);
    }
    if ((0,types/* isObject */.Gv)(container.healthCheck)) {
        const check = container.healthCheck;
        for (const [key, value] of Object.entries(HEALTH_CHECK_DEFAULTS))
            if (check[key] === value)
                delete check[key];
    }
}
function normalisePortMapping(mapping, networkMode) {
    if (mapping.protocol === 'tcp')
        delete mapping.protocol;
    const sameAsContainer = mapping.hostPort === mapping.containerPort;
    // awsvpc and host fill hostPort with containerPort; bridge describes a dynamic host port as 0.
    if ((networkMode === 'awsvpc' || networkMode === 'host') && sameAsContainer)
        delete mapping.hostPort;
    if (networkMode === 'bridge' && mapping.hostPort === 0)
        delete mapping.hostPort;
}
/** ECS describes unset lists and maps as `[]` and `{}`; drop them so both forms compare equal. */
function dropEmpty(value) {
    if (Array.isArray(value))
        return value.map(dropEmpty);
    if (!(0,types/* isObject */.Gv)(value))
        return value;
    const result = {};
    for (const [key, member] of Object.entries(value)) {
        const kept = dropEmpty(member);
        if (Array.isArray(kept) && kept.length === 0)
            continue;
        if ((0,types/* isObject */.Gv)(kept) && Object.keys(kept).length === 0)
            continue;
        result[key] = kept;
    }
    return result;
}
// ---- task level
function diffTask(before, after) {
    const keys = orderedKeys(before, after, TASK_FIELDS, ['containerDefinitions']);
    return keys.flatMap((key) => compare(before[key], after[key], [key], undefined));
}
// ---- containers
function diffContainers(before, after) {
    const old = byName(before);
    const current = byName(after);
    const entries = [];
    for (const [name, { container, index }] of current) {
        const previous = old.get(name);
        if (!previous) {
            entries.push({
                container: name,
                kind: 'added',
                field: 'container',
                path: ['containerDefinitions', index],
                after: `image ${display(container.image)}`,
            });
            continue;
        }
        entries.push(...diffContainer(name, previous.container, container, index));
    }
    for (const [name, { container, index }] of old) {
        if (current.has(name))
            continue;
        entries.push({
            container: name,
            kind: 'removed',
            field: 'container',
            path: ['containerDefinitions', index],
            before: `image ${display(container.image)}`,
        });
    }
    return entries;
}
function byName(taskDefinition) {
    const containers = new Map();
    for (const entry of (0,types/* containersOf */.Mz)(taskDefinition)) {
        const name = (0,types/* containerName */.xN)(entry.container) ?? `#${entry.index + 1}`;
        if (!containers.has(name))
            containers.set(name, entry);
    }
    return containers;
}
function diffContainer(name, before, after, index) {
    const at = (...path) => ['containerDefinitions', index, ...path];
    const withEssentialDefault = (container) => ({
        ...container,
        essential: container.essential ?? true,
    });
    const [from, to] = [withEssentialDefault(before), withEssentialDefault(after)];
    const rest = orderedKeys(before, after, [], SPECIAL_CONTAINER_FIELDS);
    return [
        ...CONTAINER_FIELDS.flatMap((key) => compare(from[key], to[key], at(key), name, key)),
        ...diffPorts(name, before.portMappings, after.portMappings, at('portMappings')),
        ...diffNamed(name, 'environment', before.environment, after.environment, at('environment')),
        ...diffNamed(name, 'secrets', before.secrets, after.secrets, at('secrets')),
        ...rest.flatMap((key) => compare(before[key], after[key], at(key), name)),
    ];
}
function diffPorts(container, before, after, path) {
    const keyed = (list) => {
        const ports = new Map();
        if (Array.isArray(list)) {
            for (const mapping of list.filter(types/* isObject */.Gv)) {
                const port = mapping.containerPort ?? mapping.containerPortRange;
                ports.set(`${String(port)}/${String(mapping.protocol ?? 'tcp')}`, mapping);
            }
        }
        return ports;
    };
    const describe = (mapping) => {
        const { containerPort: _port, containerPortRange: _range, protocol: _protocol, ...rest } = mapping;
        return Object.keys(rest).length > 0 ? canonical(rest) : 'mapped';
    };
    return diffKeyed(keyed(before), keyed(after), (key, kind, from, to) => ({
        container,
        kind,
        field: `port ${key}`,
        path,
        ...(from ? { before: describe(from) } : {}),
        ...(to ? { after: describe(to) } : {}),
    }));
}
/** Environment variables and secrets, matched by name; credential-looking values are hidden. */
function diffNamed(container, list, before, after, path) {
    const valueKey = list === 'environment' ? 'value' : 'valueFrom';
    const keyed = (entries) => {
        const byEntryName = new Map();
        if (Array.isArray(entries)) {
            for (const entry of entries.filter(types/* isObject */.Gv)) {
                const name = String(entry.name);
                if (!byEntryName.has(name))
                    byEntryName.set(name, entry);
            }
        }
        return byEntryName;
    };
    const label = list === 'environment' ? 'environment' : 'secret';
    return diffKeyed(keyed(before), keyed(after), (name, kind, from, to) => {
        const hide = list === 'environment' &&
            [from, to].some((entry) => entry && typeof entry.value === 'string' && credentialKind(name, entry.value));
        const show = (entry) => (hide ? HIDDEN : display(entry[valueKey]));
        return {
            container,
            kind,
            field: `${label} ${name}`,
            path,
            ...(from ? { before: show(from) } : {}),
            ...(to ? { after: show(to) } : {}),
        };
    });
}
function diffKeyed(before, after, entry) {
    const entries = [];
    for (const [key, value] of after) {
        const previous = before.get(key);
        if (previous === undefined)
            entries.push(entry(key, 'added', undefined, value));
        else if (canonical(previous) !== canonical(value))
            entries.push(entry(key, 'changed', previous, value));
    }
    for (const [key, value] of before)
        if (!after.has(key))
            entries.push(entry(key, 'removed', value, undefined));
    return entries;
}
// ---- generic comparison by JSON path
/** Known fields first in their given order, then the others alphabetically, skipping `skip`. */
function orderedKeys(before, after, known, skip) {
    const all = new Set([...Object.keys(before), ...Object.keys(after)]);
    const others = [...all].filter((key) => !known.includes(key) && !skip.includes(key)).sort();
    return [...known.filter((key) => all.has(key)), ...others];
}
function compare(before, after, path, container, field = fieldLabel(path, container)) {
    if (before === undefined && after === undefined)
        return [];
    if ((0,types/* isObject */.Gv)(before) && (0,types/* isObject */.Gv)(after)) {
        return orderedKeys(before, after, [], []).flatMap((key) => compare(before[key], after[key], [...path, key], container, `${field}.${key}`));
    }
    if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some(isStructured)) {
        const length = Math.max(before.length, after.length);
        return Array.from({ length }, (_, i) => compare(before[i], after[i], [...path, i], container, `${field}[${i}]`)).flat();
    }
    if (canonical(before) === canonical(after))
        return [];
    const key = String(path[path.length - 1]);
    const show = (value) => (typeof value === 'string' && credentialKind(key, value) ? HIDDEN : display(value));
    const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    return [
        {
            ...(container !== undefined ? { container } : {}),
            kind,
            field,
            path,
            ...(before !== undefined ? { before: show(before) } : {}),
            ...(after !== undefined ? { after: show(after) } : {}),
        },
    ];
}
/** `logConfiguration.options.awslogs-group`, `volumes[0].name`: the path below the container or task. */
function fieldLabel(path, container) {
    const own = container === undefined ? path : path.slice(2);
    return own.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
function isStructured(value) {
    return typeof value === 'object' && value !== null;
}
function display(value) {
    if (value === undefined)
        return '(none)';
    if (typeof value === 'string')
        return value === '' ? '""' : value;
    return canonical(value);
}
/** JSON with object keys sorted, so that key order never shows up as a change. */
function canonical(value) {
    return JSON.stringify(value, (_key, member) => (0,types/* isObject */.Gv)(member)
        ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : member);
}

;// CONCATENATED MODULE: ./src/taskdef/index.ts










/***/ })

};
