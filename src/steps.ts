import type { Service } from '@aws-sdk/client-ecs'
import type { Config, RunTaskConfig } from './config/types.js'
import type { DeployOutcome, Driver, PreparedDeployment } from './deploy/driver.js'
import { registryOf, warnAboutMissingImages } from './deploy/images.js'
import { planLines } from './deploy/plan.js'
import {
  cleanUpRevisions,
  findTaskDefinition,
  register,
  reusableRevision,
  type Registration,
  type Revision,
} from './deploy/register.js'
import { chooseStrategy, driverFor } from './deploy/select.js'
import { describeTarget } from './deploy/target.js'
import { errorMessage } from './errors.js'
import { asJson, renderAndValidate, type Rendered, type RenderScope } from './render.js'
import { read, stage, type RunDeps } from './stage.js'
import * as taskdef from './taskdef/index.js'
import type { RunResult } from './verdict.js'
import type { Deadline } from './watch/deadline.js'

// The steps one service goes through in a deploy run, whether it is the run's only service or one of several:
// preflight (every read and check), registration, the deployment itself, and the cleanup after it.

/** Everything a deploy run learns before it changes anything. */
export interface Preflight {
  service: Service
  driver: Driver
  prepared: PreparedDeployment
  rendered: Rendered
  /** The registered revision the run deploys instead of a new one, when the rendered one is the same. */
  reusable?: Revision
  previousTaskDefinitionArn: string
  family: string
}

export async function preflight(
  config: Config,
  deps: RunDeps,
  cluster: string,
  name: string,
  scope: RenderScope = {},
): Promise<Preflight> {
  // A file is read, rendered and checked before any AWS call: its problems are said without waiting on AWS.
  const local =
    config.taskDefinition?.kind === 'file' ? await renderAndValidate(config, deps, undefined, scope) : undefined
  const service = await read(deps, () => describeTarget(deps.clients.ecs, cluster, name))
  const driver = driverFor(chooseStrategy(service, cluster, config.strategy))
  const rendered = local ?? (await renderAndValidate(config, deps, service, scope))
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

/** What a dry run says it would do to this service. */
export function planOf(config: Config, cluster: string, name: string, pre: Preflight): string[] {
  return planLines(config, {
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

/** The before-deploy task did not succeed: the run ends with its verdict, and the service was not touched. */
export function beforeDeployFailed(
  registered: Omit<RunResult, 'status' | 'reasons' | 'hints'>,
  task: RunResult,
): RunResult {
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

export function cancelledBeforeDeploy(base: Omit<RunResult, 'status' | 'reasons' | 'hints'>): RunResult {
  const reason = base.taskDefinitionArn
    ? `the run was cancelled after ${base.taskDefinitionArn} was registered, before the service was changed.`
    : 'the run was cancelled before anything was changed.'
  return { ...base, status: 'cancelled', reasons: [reason], hints: [] }
}

export function registerRevision(deps: RunDeps, pre: Preflight) {
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

/** What deploying one revision to one service needs besides its preflight. */
export interface Move {
  cluster: string
  pre: Preflight
  /** The service as it is now (the preflight's, unless it changed since). */
  service?: Service
  to: Pick<Registration, 'taskDefinitionArn' | 'taskDefinition'>
  /** What a rollback on timeout or cancellation goes back to. */
  from: string
  deadline: Deadline
}

/** The deploy stage: the service's driver deploys `move.to` and follows it to a verdict. */
export function deployService(config: Config, deps: RunDeps, move: Move, title?: string): Promise<DeployOutcome> {
  const { cluster, pre } = move
  const service = move.service ?? pre.service
  const name = service.serviceName ?? ''
  return stage(deps, 'deploy', title ?? `Deploy ${name} in ${cluster} (${pre.driver.name})`, () =>
    pre.prepared.deploy({
      config,
      clients: deps.clients,
      reporter: deps.reporter,
      target: { cluster, service },
      taskDefinitionArn: move.to.taskDefinitionArn,
      taskDefinition: move.to.taskDefinition,
      previousTaskDefinitionArn: move.from,
      artifacts: pre.rendered.artifacts,
      now: deps.now,
      sleep: deps.sleep,
      deadline: move.deadline,
      cancel: deps.signal,
    }),
  )
}

/** A run's result from what was registered and the deployment's outcome. */
export function resultOf(
  registered: Omit<RunResult, 'status' | 'reasons' | 'hints'>,
  outcome: DeployOutcome,
): RunResult {
  return {
    ...registered,
    status: outcome.status,
    ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
    reasons: outcome.reasons,
    hints: outcome.hints,
    ...(outcome.logs ? { logs: outcome.logs } : {}),
  }
}

/** Cleanup never changes the verdict: a failure here is a warning. */
export async function keepRevisions(deps: RunDeps, family: string, keep: number): Promise<void> {
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
