import type { Service, Task, TaskDefinition } from '@aws-sdk/client-ecs'
import type { ArtifactFile } from '../artifacts/index.js'
import { ROLLBACK_GRACE_MS } from '../aws/abort.js'
import type { AwsClients } from '../aws/clients.js'
import { isThrottling, isTransient } from '../aws/errors.js'
import { retrying } from '../aws/retry.js'
import type { Config } from '../config/types.js'
import { UserError, errorMessage } from '../errors.js'
import type { Reporter } from '../events.js'
import type { LogExcerpt, Verdict } from '../verdict.js'
import type { Deadline } from '../watch/deadline.js'
import type { WatchOptions } from '../watch/loop.js'
import { fastestPollMs } from '../watch/pace.js'
import type { Sleep } from '../watch/sleep.js'
import { logTails } from './evidence.js'
import { explain } from './explain.js'
import { essentialContainers, isTaskFailure } from './task-failures.js'

// The contract every deploy driver keeps: prepare (reads and checks only, so a dry run can stop there), then
// deploy (start the deployment, follow it, judge it, explain it). And what every driver follows with.

export type DriverName = 'rolling' | 'codedeploy' | 'ecs-native'

/** What a deployment itself is asked to do: size, restart, failure limit, and CodeDeploy's group, config and hooks. */
export type DeployOptions = Pick<
  Config,
  | 'desiredCount'
  | 'forceNewDeployment'
  | 'maxFailedTasks'
  | 'codedeployApplication'
  | 'codedeployGroup'
  | 'deploymentConfig'
  | 'hooks'
  | 'appspec'
>

/** How a deployment is waited for: until when, how often, and what a timeout or cancel does. */
export type WaitOptions = Pick<Config, 'waitFor' | 'waitTimeoutMs' | 'pollIntervalMs' | 'onTimeout' | 'onCancel'>

/** The part of the run's inputs a driver reads: never the whole Config (no file paths, output or render edits). */
export type DriverConfig = DeployOptions & WaitOptions

/** What a driver may read before anything changes: it raises UserErrors here, never after a mutating call. */
/** The service a run deploys to, as DescribeServices showed it before anything changed. */
export interface Target {
  cluster: string
  service: Service
}

export interface PreflightContext {
  config: DriverConfig
  clients: AwsClients
  target: Target
  reporter: Reporter
}

export interface DeployContext extends PreflightContext {
  /** The registered (or reused) task definition to deploy, and its content. */
  taskDefinitionArn: string
  taskDefinition: TaskDefinition
  /** What the service ran before: the target of a rollback on timeout or cancellation. */
  previousTaskDefinitionArn: string
  /** The artifacts the run built (the CodeDeploy driver reads the AppSpec from here). */
  artifacts: ArtifactFile[]
  now: () => number
  sleep: Sleep
  deadline: Deadline
  cancel?: AbortSignal
}

export interface DeployOutcome {
  status: Verdict
  deploymentId?: string
  reasons: string[]
  hints: string[]
  logs?: LogExcerpt[]
}

/** What a driver settled before anything changes: its lines of the dry-run plan, and the deployment to make. */
export interface PreparedDeployment {
  /** The driver's own plan lines; without them the plan says which service is updated to what. */
  plan?: string[]
  /** Deploys the task definition as prepared and follows it to a verdict. */
  deploy(context: DeployContext): Promise<DeployOutcome>
}

/** Deploys one task definition to one service; `prepare` does every read and check, so that a dry run can stop there. */
export interface Driver {
  name: DriverName
  prepare(context: PreflightContext): Promise<PreparedDeployment>
}

/** How a driver watches its deployment: polls up to `--poll-interval`, one deadline, cancellation, retries reported. */
export function watchOptions(context: DeployContext): WatchOptions {
  return {
    ceilingMs: context.config.pollIntervalMs,
    deadline: context.deadline,
    cancel: context.cancel,
    sleep: context.sleep,
    now: context.now,
    onRetry: (error, delayMs) => context.reporter.emit({ type: 'retrying', error: errorMessage(error), delayMs }),
  }
}

/** The short pause between the quick looks after a change berth made (a rollback, a stop), and between its retries. */
export function quickPauseMs(context: DeployContext): number {
  return Math.max(100, fastestPollMs(context.config.pollIntervalMs))
}

/** A call that changes something is retried only when throttled: a transient error may have let it through. */
export function mutationRetry(context: DeployContext) {
  return { sleep: context.sleep, baseMs: quickPauseMs(context), retryable: isThrottling }
}

/** The deadline plus the short grace in which berth still makes its rollback calls has passed. */
export function pastGrace(context: DeployContext): boolean {
  return context.now() > context.deadline.at + ROLLBACK_GRACE_MS
}

/**
 * A rollback call (StopDeployment, the rolling rollback's UpdateService): safe to send again, so retried on
 * throttling, server errors and lost answers until the deadline plus the grace.
 */
export function rollbackRetry(context: DeployContext) {
  return {
    sleep: context.sleep,
    baseMs: quickPauseMs(context),
    maxDelayMs: 5_000,
    attempts: 1_000,
    retryable: isTransient,
    givenUp: () => pastGrace(context),
  }
}

/** The service already runs this revision at this size, and no restart was asked for: there is nothing to deploy. */
export function isUnchanged(context: DeployContext): boolean {
  const { config } = context
  const { service } = context.target
  const sameSize = config.desiredCount === undefined || config.desiredCount === service.desiredCount
  return !config.forceNewDeployment && sameSize && service.taskDefinition === context.taskDefinitionArn
}

/** The verdict of a run that had nothing to deploy: succeeded, and why nothing was deployed. */
export function unchangedOutcome(context: DeployContext): DeployOutcome {
  return {
    status: 'succeeded',
    reasons: [
      `unchanged: service ${context.target.service.serviceName} in cluster ${context.target.cluster} already runs ` +
        `${context.taskDefinitionArn}, the task definition berth rendered; nothing was deployed ` +
        '(--force-new-deployment starts a deployment anyway).',
    ],
    hints: [],
  }
}

/** Inputs that only a CodeDeploy deployment uses mean the user expects one: said before anything changes. */
export function refuseCodeDeployInputs(config: DriverConfig, where: string): void {
  const given = [
    config.hooks.length > 0 ? '--hook' : undefined,
    config.appspec !== undefined ? '--appspec' : undefined,
    config.deploymentConfig !== undefined ? '--deployment-config' : undefined,
    config.codedeployApplication !== undefined ? '--codedeploy-application' : undefined,
    config.codedeployGroup !== undefined ? '--codedeploy-group' : undefined,
  ].filter((flag) => flag !== undefined)
  if (given.length === 0) return
  throw new UserError(
    `${given.join(', ')}: ${where}, where CodeDeploy ` +
      `${given.length === 1 ? 'input has' : 'inputs have'} no effect; leave ${given.length === 1 ? 'it' : 'them'} out, ` +
      'or deploy a service whose deployment controller is CODE_DEPLOY.',
  )
}

/** `--wait-for paused` waits for an ECS-native PAUSE hook; other deployments never pause. */
export function refuseWaitForPaused(config: DriverConfig, where: string): void {
  if (config.waitFor !== 'paused') return
  throw new UserError(
    `--wait-for paused: ${where}, which never wait for berth continue; only ECS-native deployments with a PAUSE ` +
      'lifecycle hook do. Use --wait-for traffic-shifted or completed.',
  )
}

/** What a timeout or a cancel means for a deployment: whether to roll it back, and how the verdict says so. */
export interface Interruption {
  rollBack: boolean
  /** `deployment X did not finish within the wait timeout (--wait-timeout), at …` */
  headline: string
  /** Why berth rolls back: `the wait timeout passed (--on-timeout rollback)`. */
  cause: string
  /** What berth says when it leaves the deployment running. */
  left: string
}

/**
 * The reason of a cancel that berth itself asked for, to stop one deployment of a run over several services because
 * another failed (`--on-failure rollback-all`): the deployment is rolled back, whatever `--on-cancel` says, since
 * that flag is about the job being cancelled.
 */
export class StopForRollback extends Error {
  /** `why`: `service worker did not succeed (--on-failure rollback-all)`. */
  constructor(readonly why: string) {
    super(why)
    this.name = 'StopForRollback'
  }
}

/** `deployment` names it (`deployment ecs-svc/1`, `CodeDeploy deployment d-…`); `where` is how far it got. */
export function onInterruption(
  context: DeployContext,
  kind: 'timed_out' | 'cancelled',
  deployment: string,
  where: string,
): Interruption {
  const stop = context.cancel?.reason
  if (kind === 'cancelled' && stop instanceof StopForRollback) {
    return {
      rollBack: true,
      headline: `berth stopped ${deployment}${where}: ${stop.why}.`,
      cause: stop.why,
      left: '',
    }
  }
  const timedOut = kind === 'timed_out'
  const flag = timedOut ? '--on-timeout' : '--on-cancel'
  const what = timedOut
    ? `${deployment} did not finish within the wait timeout (--wait-timeout)`
    : `the run was cancelled while ${deployment} was in progress`
  return {
    rollBack: (timedOut ? context.config.onTimeout : context.config.onCancel) === 'rollback',
    headline: `${what}${where}.`,
    cause: `${timedOut ? 'the wait timeout passed' : 'the run was cancelled'} (${flag} rollback)`,
    left: `left ${deployment} running as it is (${flag} leave).`,
  }
}

/** The evidence of a failed deployment, explained: stopped tasks' reasons, exit codes, log tails, hints. */
export interface Explanation {
  reasons: string[]
  hints: string[]
  logs: LogExcerpt[]
}

/**
 * Reads the deployment's stopped tasks (`load`, tried three times; a failure to read is a warning, never a change
 * of verdict), keeps those that failed (all of them, with `orAll`, when none failed), reads their log tails and
 * explains them with the service events seen while watching.
 */
export async function explainStoppedTasks(
  context: DeployContext,
  load: () => Promise<Task[]>,
  { events = [], orAll = false, fallback = [] }: { events?: ServiceEventSeen[]; orAll?: boolean; fallback?: Task[] },
): Promise<Explanation> {
  let tasks = fallback
  try {
    tasks = await retrying(load, { sleep: context.sleep, baseMs: 200, attempts: 3 })
  } catch (error) {
    context.reporter.emit({ type: 'warning', message: `could not read the stopped tasks: ${errorMessage(error)}` })
  }
  const definitions = context.taskDefinition.containerDefinitions ?? []
  const essential = essentialContainers(definitions)
  const failures = tasks.filter((task) => isTaskFailure(task, essential))
  const relevant = failures.length > 0 || !orAll ? failures : tasks
  if (relevant.length === 0 && events.length === 0) return { reasons: [], hints: [], logs: [] }
  const logs = await logTails(context.clients.logs, relevant, definitions)
  return { ...explain({ stoppedTasks: relevant, events, logs }), logs }
}

/** A service event berth saw while watching. */
export interface ServiceEventSeen {
  at?: Date
  message: string
}
