import type { Service } from '@aws-sdk/client-ecs'
import { checkDirectory } from './artifacts/write.js'
import { callSignals } from './aws/abort.js'
import { abortable, observed } from './aws/clients.js'
import { neverReached } from './aws/errors.js'
import type { Config, RunTaskConfig } from './config/types.js'
import type { DeployOutcome, Driver, PreparedDeployment } from './deploy/driver.js'
import { registryOf, warnAboutMissingImages } from './deploy/images.js'
import { planLines } from './deploy/plan.js'
import { cleanUpRevisions, findTaskDefinition, register, reusableRevision, type Revision } from './deploy/register.js'
import { chooseStrategy, driverFor } from './deploy/select.js'
import { describeTarget } from './deploy/target.js'
import { errorMessage, isUserError } from './errors.js'
import { asJson, renderAndValidate, renderOnly, writeArtifactFiles, writeRendered, type Rendered } from './render.js'
import { runOneOff } from './run-task.js'
import { pathFor, read, stage, type RunDeps } from './stage.js'
import * as taskdef from './taskdef/index.js'
import type { RunResult } from './verdict.js'
import { createDeadline } from './watch/deadline.js'

export type { RunDeps } from './stage.js'

/** One run of `berth render` (no cluster/service) or `berth deploy`: the pipeline of DESIGN.md. */
export async function run(config: Config, runDeps: RunDeps): Promise<RunResult> {
  const reporter = runDeps.reporter
  const deps = {
    ...runDeps,
    clients: observed(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
  }
  if (config.artifactsDir) await checkDirectory(pathFor(deps, config.artifactsDir), '--artifacts-dir')
  const result =
    config.cluster && config.service
      ? await deploy(config, deps, config.cluster, config.service)
      : await renderOnly(config, deps)
  deps.reporter.emit({ type: 'verdict', result })
  return result
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
  const service = await read(deps, () => describeTarget(deps.clients.ecs, cluster, name))
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
    driver.prepare({ config, clients: deps.clients, target: { cluster, service }, reporter: deps.reporter }),
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
    const actions = planLines(config, {
      cluster,
      serviceName: pre.service.serviceName ?? name,
      previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
      family: pre.family,
      reusableArn: pre.reusable?.arn,
      driverName: pre.driver.name,
      driverPlan: pre.prepared.plan,
      artifactNames: pre.rendered.artifacts.map((file) => file.name),
      beforeDeploy: config.beforeDeploy && beforeDeployPlan(config.beforeDeploy, cluster, name, pre),
    })
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
  const task = config.beforeDeploy
    ? await runOneOff(config.beforeDeploy, deps, { cluster, registered: registration, networkService: name, deadline })
    : undefined
  if (task && task.status !== 'succeeded') return beforeDeployFailed(registered, task)

  const outcome: DeployOutcome = await stage(deps, 'deploy', `Deploy ${name} in ${cluster} (${pre.driver.name})`, () =>
    pre.prepared.deploy({
      config,
      clients: deps.clients,
      reporter: deps.reporter,
      target: { cluster, service: pre.service },
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
    ...(task?.task ? { task: task.task } : {}),
  }
}

/** The before-deploy task did not succeed: the run ends with its verdict, and the service was not touched. */
function beforeDeployFailed(registered: Omit<RunResult, 'status' | 'reasons' | 'hints'>, task: RunResult): RunResult {
  return {
    ...registered,
    status: task.status,
    reasons: [
      `the before-deploy task did not succeed, so service ${registered.service} was not changed.`,
      ...task.reasons,
    ],
    hints: task.hints,
    ...(task.task ? { task: task.task } : {}),
    ...(task.logs ? { logs: task.logs } : {}),
  }
}

function beforeDeployPlan(task: RunTaskConfig, cluster: string, service: string, pre: Preflight): string {
  const source = task.render.taskDefinition
  const definition = source
    ? source.kind === 'file'
      ? `the task definition rendered from ${source.path}`
      : source.ref
    : task.service
      ? `the task definition of service ${task.service}`
      : (pre.reusable?.arn ?? `the new revision of ${pre.family}`)
  const network = task.service ?? task.networkFromService ?? service
  const commands = task.commands.map((edit) => ` with ${edit.container} running ${JSON.stringify(edit.command)}`)
  return (
    `run a one-off task (before-deploy) of ${definition} in cluster ${task.cluster ?? cluster} on the network of ` +
    `service ${network}${commands.join(',')}, and change the service only if it exits 0`
  )
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
