import type { RegisterTaskDefinitionCommandInput, Service } from '@aws-sdk/client-ecs'
import { buildArtifacts, type ArtifactFile } from './artifacts/index.js'
import { writeArtifacts, writeFileAtomic } from './artifacts/write.js'
import type { Config } from './config/types.js'
import { loadRegistered } from './deploy/register.js'
import { UserError, errorMessage, isUserError } from './errors.js'
import { pathFor, read, stage, type RunDeps } from './stage.js'
import * as taskdef from './taskdef/index.js'
import type { RunResult } from './verdict.js'

// The render stage: read the task definition (a file, or a registered revision), render it with the edits,
// validate everything at once, and build the artifacts; `berth render` is this stage alone.

/** What a run renders: the source document, the rendered definition as it would be registered, and its artifacts. */
export interface Rendered {
  source: taskdef.TaskDefinitionDocument
  /** The source's label for messages: the file, or the registered revision. */
  label: string
  input: RegisterTaskDefinitionCommandInput
  artifacts: ArtifactFile[]
  /** The names of the source's containers. */
  containers: string[]
}

/** The render options of a run over several services. */
export interface RenderScope {
  /**
   * Apply only the container edits that name a container of this task definition: in a run over several families
   * `--image worker=…` changes the families that have a container `worker` (the run checks that one does).
   */
  ownContainersOnly?: boolean
}

async function readSource(
  config: Config,
  deps: RunDeps,
  service?: Service,
): Promise<{ document: taskdef.TaskDefinitionDocument; label: string }> {
  const source = config.taskDefinition
  if (source?.kind === 'file') {
    let text: string
    try {
      text = await deps.readFile(source.path)
    } catch (error) {
      if (isUserError(error)) throw error
      throw new UserError(`--task-definition ${source.path}: cannot read the file (${errorMessage(error)}).`, {
        file: source.path,
      })
    }
    return { document: taskdef.parseTaskDefinition(text, source.path), label: source.path }
  }
  const ref = source?.ref ?? service?.taskDefinition
  if (!ref) throw new UserError('--task-definition is required: give a JSON file, a FAMILY[:REVISION] or an ARN.')
  const input = source ? `--task-definition ${ref}` : `the current task definition of service ${service?.serviceName}`
  const revision = await read(deps, () => loadRegistered(deps.clients.ecs, ref, input))
  return { document: revision.document, label: revision.arn }
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
} as const

const EDIT_KEYS = Object.keys(CONTAINER_EDITS) as (keyof typeof CONTAINER_EDITS)[]

function onlyContainers(config: Config, names: readonly string[]): Config {
  const own = { ...config }
  for (const key of EDIT_KEYS) {
    ;(own[key] as readonly { container: string }[]) = config[key].filter((edit) => names.includes(edit.container))
  }
  return own
}

/** Every container a container edit names, with the flag that names it. */
export function editedContainers(config: Config): { container: string; flag: string }[] {
  return EDIT_KEYS.flatMap((key) =>
    config[key].map((edit) => ({ container: edit.container, flag: CONTAINER_EDITS[key] })),
  )
}

/** Render, then validate everything at once: errors become one UserError, warnings become events. */
export async function renderAndValidate(
  given: Config,
  deps: RunDeps,
  service?: Service,
  scope: RenderScope = {},
): Promise<Rendered> {
  const { document, label } = await stage(deps, 'render', 'Render the task definition', () =>
    readSource(given, deps, service),
  )
  const containers = taskdef
    .containersOf(document.taskDefinition)
    .flatMap(({ container }) => taskdef.containerName(container) ?? [])
  const config = scope.ownContainersOnly ? onlyContainers(given, containers) : given
  const rendered = taskdef.render(document.taskDefinition, config)
  return stage(deps, 'validate', 'Validate', async () => {
    const problems = taskdef.validate(rendered, config)
    const file = document.file
    for (const problem of problems.filter((p) => p.severity === 'warning')) {
      deps.reporter.emit({
        type: 'warning',
        message: taskdef.problemText(problem),
        ...(file ? { file, line: document.lineOf(problem.path) } : {}),
      })
    }
    const errors = problems.filter((problem) => problem.severity === 'error')
    const fromFlags = errors.map((problem) => flagOf(problem, config))
    if (errors.length > 0 && fromFlags.every((flag) => flag !== undefined)) {
      const lines = errors.map((problem, at) => `${fromFlags[at]}: ${problem.message}`)
      throw new UserError(lines.join('\n'), { input: fromFlags[0]?.split(' ')[0] })
    }
    if (errors.length > 0) {
      const line = file ? document.lineOf(errors[0].path) : undefined
      const head = `${file && line ? `${file}:${line}: ` : ''}the task definition from ${label} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:`
      throw new UserError(
        [head, ...errors.map((problem) => `  - ${taskdef.describeProblem(problem)}`)].join('\n'),
        file ? { file, line } : {},
      )
    }
    const input = taskdef.toRegisterInput({ taskDefinition: rendered, tags: document.tags }, config.tags)
    const artifacts =
      config.artifacts.length > 0
        ? buildArtifacts(config.artifacts, {
            taskDefinition: rendered,
            images: config.images,
            appSpec: { hooks: config.hooks },
          })
        : []
    return { source: document, label, input, artifacts, containers }
  })
}

/** The task-level fields a flag sets: a problem there is the flag's value, not the file's. */
const FLAG_FIELDS = ['cpu', 'memory', 'family'] as const

/** `--cpu 3` when the problem is in a field the user set with a flag, else undefined. */
function flagOf(problem: taskdef.Problem, config: Config): string | undefined {
  const field = FLAG_FIELDS.find((name) => name === problem.field)
  if (problem.container !== undefined || !field || config[field] === undefined) return undefined
  return `--${field} ${config[field]}`
}

export function asJson(input: RegisterTaskDefinitionCommandInput): taskdef.TaskDefinitionJson {
  return input as unknown as taskdef.TaskDefinitionJson
}

export async function writeArtifactFiles(config: Config, deps: RunDeps, files: ArtifactFile[]): Promise<string[]> {
  if (!config.artifactsDir || files.length === 0) return []
  const directory = config.artifactsDir
  return stage(deps, 'artifacts', 'Write artifacts', async () => {
    const paths = await writeArtifacts(pathFor(deps, directory), files)
    deps.reporter.emit({ type: 'artifacts-written', paths })
    return paths
  })
}

export async function writeRendered(out: string, json: taskdef.TaskDefinitionJson, deps: RunDeps): Promise<void> {
  await writeFileAtomic(pathFor(deps, out), `${JSON.stringify(json, null, 2)}\n`)
  deps.reporter.emit({ type: 'rendered', taskDefinition: json, path: out })
}

/** No cluster/service: render, validate, print or write, diff, artifacts. */
export async function renderOnly(config: Config, deps: RunDeps): Promise<RunResult> {
  const rendered = await renderAndValidate(config, deps)
  const json = asJson(rendered.input)
  if (config.out) await writeRendered(config.out, json, deps)
  else deps.reporter.emit({ type: 'rendered', taskDefinition: json })
  if (config.diff) {
    const text = taskdef.formatDiff(taskdef.diff(taskdef.clean(rendered.source.taskDefinition), json))
    deps.reporter.emit({ type: 'diff', text, from: rendered.label, to: 'rendered' })
  }
  const artifacts = await writeArtifactFiles(config, deps, rendered.artifacts)
  return { status: 'rendered', reasons: [], hints: [], artifacts, taskDefinition: json }
}
