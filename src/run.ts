import { isAbsolute, join } from 'node:path'
import type { RegisterTaskDefinitionCommandInput, Service } from '@aws-sdk/client-ecs'
import { buildArtifacts, type ArtifactFile } from './artifacts/index.js'
import { checkDirectory, writeArtifacts, writeFileAtomic } from './artifacts/write.js'
import { callSignals } from './aws/abort.js'
import { NoAnswerError, abortable, type AwsClients } from './aws/clients.js'
import type { Config } from './config/types.js'
import { lookUpService } from './deploy/ecs.js'
import { registryOf, warnAboutMissingImages } from './deploy/images.js'
import {
  cleanUpRevisions,
  findTaskDefinition,
  loadRegistered,
  register,
  reusableRevision,
  type Revision,
} from './deploy/register.js'
import type { DeployOutcome, Driver, PreparedDeployment } from './deploy/driver.js'
import { chooseStrategy, driverFor } from './deploy/select.js'
import { UserError, errorMessage, errorName, isUserError } from './errors.js'
import type { Reporter, Stage } from './events.js'
import type { RunResult } from './verdict.js'
import * as taskdef from './taskdef/index.js'
import { createDeadline } from './watch/deadline.js'
import { isTransient, isUnreachable } from './aws/errors.js'
import { retrying } from './aws/retry.js'
import type { Sleep } from './watch/sleep.js'

export interface RunDeps {
  clients: AwsClients
  reporter: Reporter
  readFile(path: string): Promise<string>
  /** Epoch milliseconds. */
  now(): number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: Sleep
  /** Aborted on SIGINT/SIGTERM: the run rolls back (or leaves, per --on-cancel) and ends `cancelled`. */
  signal?: AbortSignal
  /** Base of relative paths of written files (`--out`, `--artifacts-dir`); the process's when omitted. */
  cwd?: string
}

/** One run of `berth render` (no cluster/service) or `berth deploy`: the pipeline of DESIGN.md. */
export async function run(config: Config, deps: RunDeps): Promise<RunResult> {
  if (config.artifactsDir) await checkDirectory(pathFor(deps, config.artifactsDir), '--artifacts-dir')
  const result =
    config.cluster && config.service
      ? await deploy(config, deps, config.cluster, config.service)
      : await renderOnly(config, deps)
  deps.reporter.emit({ type: 'verdict', result })
  return result
}

/** Emits stage-started/ended around one stage, also when it throws, so that log groups always close. */
async function stage<T>(deps: RunDeps, name: Stage, title: string, work: () => Promise<T>): Promise<T> {
  deps.reporter.emit({ type: 'stage-started', stage: name, title })
  try {
    return await work()
  } finally {
    deps.reporter.emit({ type: 'stage-ended', stage: name })
  }
}

function pathFor(deps: RunDeps, path: string): string {
  return deps.cwd && !isAbsolute(path) ? join(deps.cwd, path) : path
}

/** What a run renders: the source document, the rendered definition as it would be registered, and its artifacts. */
interface Rendered {
  source: taskdef.TaskDefinitionDocument
  /** The source's label for messages: the file, or the registered revision. */
  label: string
  input: RegisterTaskDefinitionCommandInput
  artifacts: ArtifactFile[]
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

/** Render, then validate everything at once: errors become one UserError, warnings become events. */
async function renderAndValidate(config: Config, deps: RunDeps, service?: Service): Promise<Rendered> {
  const { document, label } = await stage(deps, 'render', 'Render the task definition', () =>
    readSource(config, deps, service),
  )
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
    return { source: document, label, input, artifacts }
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

function asJson(input: RegisterTaskDefinitionCommandInput): taskdef.TaskDefinitionJson {
  return input as unknown as taskdef.TaskDefinitionJson
}

async function writeArtifactFiles(config: Config, deps: RunDeps, files: ArtifactFile[]): Promise<string[]> {
  if (!config.artifactsDir || files.length === 0) return []
  const directory = config.artifactsDir
  return stage(deps, 'artifacts', 'Write artifacts', async () => {
    const paths = await writeArtifacts(pathFor(deps, directory), files)
    deps.reporter.emit({ type: 'artifacts-written', paths })
    return paths
  })
}

async function writeRendered(out: string, json: taskdef.TaskDefinitionJson, deps: RunDeps): Promise<void> {
  await writeFileAtomic(pathFor(deps, out), `${JSON.stringify(json, null, 2)}\n`)
  deps.reporter.emit({ type: 'rendered', taskDefinition: json, path: out })
}

/** No cluster/service: render, validate, print or write, diff, artifacts. */
async function renderOnly(config: Config, deps: RunDeps): Promise<RunResult> {
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

/** DescribeServices, with every way it can be wrong turned into a UserError that names the flag. */
async function describeTarget(deps: RunDeps, cluster: string, name: string): Promise<Service> {
  let lookup
  try {
    lookup = await read(deps, () => lookUpService(deps.clients.ecs, cluster, name))
  } catch (error) {
    if (errorName(error) === 'ClusterNotFoundException') {
      throw new UserError(`--cluster ${cluster}: ECS has no such cluster in this account and region.`)
    }
    throw error
  }
  if ('failure' in lookup) {
    const reason = lookup.failure.reason ?? 'MISSING'
    throw new UserError(
      `--service ${name}: cluster ${cluster} has no such service (${reason}); check --service and --cluster.`,
    )
  }
  const status = lookup.service.status
  if (status !== 'ACTIVE') {
    throw new UserError(
      `--service ${name}: the service in cluster ${cluster} is ${status}; berth deploys ACTIVE services only.`,
    )
  }
  return lookup.service
}

/** How many times berth tries, before any change, to reach an AWS endpoint that refuses or does not exist. */
const UNREACHABLE_ATTEMPTS = 3

/**
 * Reads retry on throttling and transient errors with berth's own clock; they are safe to send again. A call AWS
 * did not answer (the SDK's attempts each waited their full time) is not sent again before any change, nor is one
 * to an endpoint that cannot be reached, after a few tries: the run ends with advice instead.
 */
function read<T>(deps: RunDeps, call: () => Promise<T>): Promise<T> {
  let unreachable = 0
  return retrying(call, {
    sleep: deps.sleep,
    baseMs: 500,
    retryable: (error) =>
      isTransient(error) &&
      !(error instanceof NoAnswerError) &&
      !(isUnreachable(error) && ++unreachable >= UNREACHABLE_ATTEMPTS),
    onRetry: (error, delayMs) => deps.reporter.emit({ type: 'retrying', error: errorMessage(error), delayMs }),
  })
}

/** Before any change: AWS that never answered is a problem of the environment, said as such (exit 2). */
function neverReached(error: unknown): unknown {
  if (!(error instanceof NoAnswerError) && !isUnreachable(error)) return error
  return new UserError(
    `${errorMessage(error)}; nothing was changed. Check the network (proxy, VPC endpoints, firewall), the region ` +
      '(--region, AWS_REGION) and AWS_ENDPOINT_URL if it is set.',
    {},
    'environment',
  )
}

/** Everything a deploy run learns before it changes anything. */
interface Preflight {
  service: Service
  driver: Driver
  prepared: PreparedDeployment
  rendered: Rendered
  /** The registered revision the run deploys instead of a new one, when the rendered one is the same. */
  reusable?: Revision
  previousTaskDefinitionArn: string
  family: string
}

async function preflight(config: Config, deps: RunDeps, cluster: string, name: string): Promise<Preflight> {
  // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
  const local = config.taskDefinition?.kind === 'file' ? await renderAndValidate(config, deps) : undefined
  const service = await describeTarget(deps, cluster, name)
  const driver = driverFor(chooseStrategy(service, cluster, config.strategy))
  const rendered = local ?? (await renderAndValidate(config, deps, service))
  await warnAboutMissingImages(
    deps.clients.ecr,
    deps.reporter,
    rendered.input.containerDefinitions ?? [],
    registryOf(service.serviceArn),
  )
  // A driver's preparation only reads, so it is safe to run again when the API throttles.
  const prepared = await read(deps, () =>
    driver.prepare({ config, clients: deps.clients, cluster, service, reporter: deps.reporter }),
  )
  const family = rendered.input.family ?? ''
  const latest = await read(deps, () => findTaskDefinition(deps.clients.ecs, family))
  const previousTaskDefinitionArn = service.taskDefinition ?? ''
  const current =
    previousTaskDefinitionArn === latest?.arn
      ? latest
      : await read(deps, () => findTaskDefinition(deps.clients.ecs, previousTaskDefinitionArn))
  if (current) {
    const text = taskdef.formatDiff(
      taskdef.diff(taskdef.clean(current.document.taskDefinition), asJson(rendered.input)),
    )
    deps.reporter.emit({ type: 'diff', text, from: current.arn, to: 'rendered' })
  }
  const reusable = reusableRevision(rendered.input, { current, latest })
  return { service, driver, prepared, rendered, reusable, previousTaskDefinitionArn, family }
}

function plan(config: Config, pre: Preflight, cluster: string): string[] {
  const target = pre.reusable?.arn ?? `a new revision of ${pre.family}`
  const actions = [
    pre.reusable
      ? `reuse ${pre.reusable.arn}: the rendered task definition is equivalent`
      : `register a new revision of family ${pre.family}`,
    ...(pre.prepared.plan ?? [serviceUpdate(config, pre, cluster, target)]),
  ]
  if (config.artifactsDir && pre.rendered.artifacts.length > 0) {
    actions.push(`write ${pre.rendered.artifacts.map((file) => file.name).join(', ')} to ${config.artifactsDir}`)
  }
  if (config.keepRevisions !== undefined) {
    actions.push(
      `deregister, after success, the revisions of ${pre.family} older than the newest ${config.keepRevisions} that no service in the region uses`,
    )
  }
  return actions
}

/** The plan line of a driver that has none of its own: the service, from which task definition to which. */
function serviceUpdate(config: Config, pre: Preflight, cluster: string, target: string): string {
  const update = [
    `update service ${pre.service.serviceName} in cluster ${cluster} from ${pre.previousTaskDefinitionArn} to ${target}`,
  ]
  if (config.desiredCount !== undefined) update.push(`desired count ${config.desiredCount}`)
  if (config.forceNewDeployment) update.push('forcing a new deployment')
  return `${update.join(', ')} (${pre.driver.name})`
}

function cancelledBeforeDeploy(base: Omit<RunResult, 'status' | 'reasons' | 'hints'>): RunResult {
  const reason = base.taskDefinitionArn
    ? `the run was cancelled after ${base.taskDefinitionArn} was registered, before the service was changed.`
    : 'the run was cancelled before anything was changed.'
  return { ...base, status: 'cancelled', reasons: [reason], hints: [] }
}

async function deploy(config: Config, runDeps: RunDeps, cluster: string, name: string): Promise<RunResult> {
  const deadline = createDeadline(config.waitTimeoutMs, runDeps.now)
  const deps = { ...runDeps, clients: abortable(runDeps.clients, callSignals(deadline, runDeps.signal)) }
  let pre: Preflight
  try {
    pre = await preflight(config, deps, cluster, name)
  } catch (error) {
    if (deps.signal?.aborted && !isUserError(error)) {
      return cancelledBeforeDeploy({ cluster, service: name, artifacts: [] })
    }
    throw neverReached(error)
  }
  const base = {
    cluster,
    service: name,
    previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
    artifacts: [] as string[],
  }
  if (config.dryRun) {
    const actions = plan(config, pre, cluster)
    deps.reporter.emit({ type: 'plan', actions })
    return { ...base, status: 'planned', reasons: [], hints: [], plan: actions }
  }
  if (deps.signal?.aborted) return cancelledBeforeDeploy(base)

  const registration = await registerRevision(deps, pre).catch((error: unknown) => {
    if (deps.signal?.aborted && !isUserError(error)) return undefined
    throw error
  })
  if (!registration) return cancelledBeforeDeploy(base)
  const artifacts = await writeArtifactFiles(config, deps, pre.rendered.artifacts)
  if (config.out) await writeRendered(config.out, asJson(pre.rendered.input), deps)
  const registered = { ...base, taskDefinitionArn: registration.taskDefinitionArn, artifacts }
  if (deps.signal?.aborted) return cancelledBeforeDeploy(registered)

  const outcome: DeployOutcome = await stage(deps, 'deploy', `Deploy ${name} in ${cluster} (${pre.driver.name})`, () =>
    pre.prepared.deploy({
      config,
      clients: deps.clients,
      reporter: deps.reporter,
      cluster,
      service: pre.service,
      taskDefinitionArn: registration.taskDefinitionArn,
      taskDefinition: registration.taskDefinition,
      previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
      artifacts: pre.rendered.artifacts,
      now: deps.now,
      sleep: deps.sleep,
      deadline,
      cancel: deps.signal,
    }),
  )
  if (outcome.status === 'succeeded' && config.keepRevisions !== undefined) {
    await keepRevisions(deps, pre.family, config.keepRevisions)
  }
  return {
    ...registered,
    status: outcome.status,
    ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
    reasons: outcome.reasons,
    hints: outcome.hints,
    ...(outcome.logs ? { logs: outcome.logs } : {}),
  }
}

function registerRevision(deps: RunDeps, pre: Preflight) {
  return stage(deps, 'register', 'Register the task definition', async () => {
    const input = pre.rendered.input
    deps.reporter.emit({
      type: 'debug',
      message: `RegisterTaskDefinition family ${input.family}, images ${(input.containerDefinitions ?? []).map((c) => `${c.name}=${c.image}`).join(' ')}`,
    })
    const done = await register(deps.clients.ecs, input, pre.reusable, { sleep: deps.sleep })
    deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused })
    return done
  })
}

/** Cleanup never changes the verdict: a failure here is a warning. */
async function keepRevisions(deps: RunDeps, family: string, keep: number): Promise<void> {
  await stage(deps, 'cleanup', `Keep the newest ${keep} revisions of ${family}`, async () => {
    try {
      const arns = await cleanUpRevisions(deps.clients.ecs, family, keep)
      deps.reporter.emit({ type: 'deregistered', taskDefinitionArns: arns })
    } catch (error) {
      deps.reporter.emit({
        type: 'warning',
        message: `--keep-revisions: could not clean up old revisions: ${errorMessage(error)}`,
      })
    }
  })
}
