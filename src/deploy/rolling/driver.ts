import { type Service } from '@aws-sdk/client-ecs'
import type { DeploymentCounts } from '../../events.js'
import { watch, type TickResult } from '../../watch/loop.js'
import { type Judgement, type Tracking, circuitBreakerOn, judge } from './judge.js'
import { failureThreshold, essentialContainers, isTaskFailure } from '../task-failures.js'
import { describeService, isSteady } from '../ecs.js'
import { primaryOf, rollBack, serviceName, startDeployment } from './update.js'
import { StoppedTasks } from '../evidence.js'
import { ServiceReport } from '../service-report.js'
import { BreakerWatch } from '../service-deployments.js'
import {
  isUnchanged,
  refuseCodeDeployInputs,
  refuseWaitForPaused,
  unchangedOutcome,
  onInterruption,
  explainStoppedTasks,
  type Explanation,
  watchOptions,
  type DeployContext,
  type DeployOutcome,
  type Driver,
} from '../driver.js'

export const rolling: Driver = {
  name: 'rolling',
  prepare: async ({ config, target }) => {
    const where = `service ${target.service.serviceName ?? '?'} in cluster ${target.cluster}`
    refuseCodeDeployInputs(config, `${where} deploys with rolling updates (deployment controller ECS)`)
    refuseWaitForPaused(config, `${where} deploys with rolling updates`)
    return { deploy: deployRolling }
  },
}

/** UpdateService, then follow our deployment by its id to a verdict. */
export async function deployRolling(context: DeployContext): Promise<DeployOutcome> {
  if (isUnchanged(context) && isSteady(context.target.service)) return unchangedOutcome(context)
  const tracking = await startDeployment(context)
  context.reporter.emit({
    type: 'deployment-started',
    deploymentId: tracking.deploymentId,
    taskDefinitionArn: context.taskDefinitionArn,
    strategy: 'rolling',
  })
  const follower = new Follower(context, tracking, context.target.service)
  const end = await watch(() => follower.tick(), watchOptions(context))
  if (end.kind === 'done') return conclude(context, follower, end.value)
  return interrupted(context, follower, end.kind)
}

/** Follows one deployment: reports what changed on each look, and keeps what the explanation needs. */
class Follower {
  readonly seen: ServiceReport
  readonly stopped: StoppedTasks
  readonly ownLimit: OwnLimit
  /** berth's own limit, not ECS, ended the deployment. */
  ownLimitReached = false
  private readonly breaker: BreakerWatch | undefined
  private failedTasks = 0

  constructor(
    private readonly context: DeployContext,
    readonly tracking: Tracking,
    before: Service,
  ) {
    this.seen = new ServiceReport(context.reporter, context.now, before)
    this.stopped = new StoppedTasks(context.clients.ecs, context.target.cluster, { startedBy: tracking.deploymentId })
    this.ownLimit = ownFailureLimit(context)
    const breakerOn = circuitBreakerOn(before.deploymentConfiguration?.deploymentCircuitBreaker)
    this.breaker = breakerOn ? new BreakerWatch(context, tracking.deploymentId) : undefined
  }

  async tick(): Promise<TickResult<Judgement>> {
    const service = await describeService(
      this.context.clients.ecs,
      this.context.target.cluster,
      serviceName(this.context),
    )
    const changed = this.seen.report(service)
    await this.readBreaker(service)
    const judgement = judge(service.deployments ?? [], this.tracking)
    if (judgement.state !== 'in_progress') return { done: judgement }
    const own = await this.ownFailure(changed)
    return own ? { done: own } : { changed }
  }

  /** When ECS counted another failed task of ours, the breaker's own count and threshold. */
  private async readBreaker(service: Service): Promise<void> {
    const ours = service.deployments?.find((deployment) => deployment.id === this.tracking.deploymentId)
    const failed = ours?.failedTasks ?? 0
    if (failed === this.failedTasks) return
    this.failedTasks = failed
    if (failed > 0) await this.breaker?.look()
  }

  /** One look during a rollback: done once the service is steady on `previous`, or once its rollback failed. */
  async steadyOn(previous: string): Promise<TickResult<'steady' | 'failed'>> {
    const service = await describeService(
      this.context.clients.ecs,
      this.context.target.cluster,
      serviceName(this.context),
    )
    const changed = this.seen.report(service)
    const primary = primaryOf(service)
    if (primary?.taskDefinition !== previous) return { changed }
    if (primary.rolloutState === 'FAILED') return { done: 'failed' }
    const steady = primary.rolloutState === 'COMPLETED' && (service.deployments ?? []).length === 1
    return steady ? { done: 'steady' } : { changed }
  }

  /**
   * berth counts the deployment's failed tasks itself, against its own limit: the breaker's threshold when the
   * service has no breaker, twice it when it has one (a backstop for what the breaker does not count). Stopped
   * tasks are read again only when the service moved since the last look.
   */
  private async ownFailure(changed: boolean): Promise<Judgement | undefined> {
    if (!changed) return undefined
    const essential = essentialContainers(this.context.taskDefinition.containerDefinitions ?? [])
    const failures = (await this.stopped.refresh()).filter((task) => isTaskFailure(task, essential)).length
    if (failures < this.ownLimit.tasks) return undefined
    this.ownLimitReached = true
    return { state: 'failed', reason: this.ownLimit.describe(failures) }
  }

  /** One more look after the loop, so that late events and counts are not lost; errors here change nothing. */
  async flush(): Promise<Judgement | undefined> {
    try {
      const service = await describeService(
        this.context.clients.ecs,
        this.context.target.cluster,
        serviceName(this.context),
      )
      this.seen.report(service)
      return judge(service.deployments ?? [], this.tracking)
    } catch {
      return undefined
    }
  }
}

/** How many failed tasks berth accepts before it calls the deployment failed, and how it says so. */
interface OwnLimit {
  tasks: number
  describe(failures: number): string
  /** The service asked for rollback on failure (circuit breaker with rollback): berth rolls back what ECS did not. */
  rollBack: boolean
}

function ownFailureLimit(context: DeployContext): OwnLimit {
  const breaker = context.target.service.deploymentConfiguration?.deploymentCircuitBreaker
  const desired = context.config.desiredCount ?? context.target.service.desiredCount ?? 1
  const limit = context.config.maxFailedTasks
  if (limit !== undefined) {
    return {
      tasks: limit,
      rollBack: false,
      describe: (failures) => `${failures} of its tasks failed, reaching the limit of ${limit} (--max-failed-tasks).`,
    }
  }
  const threshold = failureThreshold(desired, breaker)
  if (!circuitBreakerOn(breaker)) {
    return {
      tasks: threshold,
      rollBack: false,
      describe: (failures) =>
        `${failures} of its tasks failed, reaching berth's limit of ${threshold} for a service without deployment ` +
        'circuit breaker (the threshold the breaker would use; --max-failed-tasks sets another).',
    }
  }
  return {
    tasks: 2 * threshold,
    rollBack: breaker?.rollback === true,
    describe: (failures) =>
      `${failures} of its tasks failed, twice the circuit breaker's threshold of ${threshold}, yet the breaker did ` +
      'not trip: it does not count tasks that stop after they passed their health checks.',
  }
}

function headline(judgement: Exclude<Judgement, { state: 'in_progress' }>, deploymentId: string): string {
  switch (judgement.state) {
    case 'succeeded':
      return `deployment ${deploymentId} completed.`
    case 'rolled_back':
      return (
        `deployment ${deploymentId} failed${judgement.reason ? ` (${judgement.reason})` : ''} and ECS rolled the ` +
        `service back to ${judgement.to.taskDefinition} (deployment ${judgement.to.id}).`
      )
    case 'failed':
      return `deployment ${deploymentId} failed: ${judgement.reason}`
    case 'superseded':
      return (
        `deployment ${deploymentId} was superseded by deployment ${judgement.by.id} ` +
        `(task definition ${judgement.by.taskDefinition}).`
      )
  }
}

const NO_BREAKER_HINT =
  'The service has no deployment circuit breaker, so ECS keeps replacing the failing tasks until a fixed or ' +
  'previous revision is deployed. Turn on deploymentCircuitBreaker {enable: true, rollback: true} to have ECS roll ' +
  'back by itself.'

async function conclude(context: DeployContext, follower: Follower, judgement: Judgement): Promise<DeployOutcome> {
  const deploymentId = follower.tracking.deploymentId
  if (judgement.state === 'in_progress') throw new Error('a deployment in progress has no verdict.')
  context.reporter.emit({
    type: 'deployment-status',
    status: judgement.state,
    ...(judgement.at ? { at: judgement.at } : {}),
  })
  if (judgement.state === 'succeeded')
    return { status: 'succeeded', deploymentId, reasons: [headline(judgement, deploymentId)], hints: [] }
  const rollback = await rollbackAfterFailure(context, follower, judgement)
  const explanation = await gather(context, follower)
  const hints = [...explanation.hints]
  if (
    judgement.state === 'failed' &&
    !circuitBreakerOn(context.target.service.deploymentConfiguration?.deploymentCircuitBreaker)
  ) {
    hints.push(NO_BREAKER_HINT)
  }
  return {
    status: rollback?.restored ? 'rolled_back' : 'failed',
    deploymentId,
    reasons: [headline(judgement, deploymentId), ...(rollback?.reasons ?? []), ...explanation.reasons],
    hints,
    ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
  }
}

/** A rollback after the deployment failed: whether the service is back on the previous revision, and what was seen. */
interface Rollback {
  restored: boolean
  reasons: string[]
}

/**
 * Whoever rolls the service back (ECS's circuit breaker, or berth when its own limit is reached and the breaker
 * asks for rollback), berth follows the rollback until the service is steady on the previous revision, or the
 * deadline: the verdict is `rolled_back` only when the service went back.
 */
async function rollbackAfterFailure(
  context: DeployContext,
  follower: Follower,
  judgement: Exclude<Judgement, { state: 'in_progress' | 'succeeded' }>,
): Promise<Rollback | undefined> {
  if (judgement.state === 'rolled_back') {
    return { restored: true, reasons: await followRollback(context, follower, judgement.to.taskDefinition ?? '') }
  }
  if (!(judgement.state === 'failed' && follower.ownLimitReached && follower.ownLimit.rollBack)) return undefined
  const cause = "the deployment failed and the service's circuit breaker asks for rollback (rollback: true)"
  const requested = await rollBack(context, cause)
  if (!requested.sent) return { restored: false, reasons: [requested.reason] }
  const previous = context.previousTaskDefinitionArn
  return { restored: true, reasons: [requested.reason, ...(await followRollback(context, follower, previous))] }
}

/** Watches the service until its rollback to `previous` completes; what it saw, when it did not. */
async function followRollback(context: DeployContext, follower: Follower, previous: string): Promise<string[]> {
  const end = await watch(() => follower.steadyOn(previous), watchOptions(context))
  if (end.kind === 'done' && end.value === 'steady') return []
  if (end.kind === 'done') return [`the rollback to ${previous} did not complete: its deployment failed too.`]
  const when = end.kind === 'timed_out' ? 'when the wait timeout passed' : 'when the run was cancelled'
  return [
    `the rollback to ${previous} was still in progress ${when}${progress(follower.seen.counts, primaryId(follower))}.`,
  ]
}

function primaryId(follower: Follower): string {
  return follower.seen.counts.find((counts) => counts.status === 'PRIMARY')?.id ?? ''
}

/** Stopped tasks, service events and log tails of our deployment, explained. Reading them must not fail the run. */
function gather(context: DeployContext, follower: Follower): Promise<Explanation> {
  return explainStoppedTasks(context, () => follower.stopped.refresh(), {
    events: follower.seen.serviceEvents,
    orAll: true,
    fallback: follower.stopped.all(),
  })
}

function progress(counts: readonly DeploymentCounts[], deploymentId: string): string {
  const ours = counts.find((deployment) => deployment.id === deploymentId)
  if (!ours) return ''
  return ` (${ours.running} of ${ours.desired} tasks running, ${ours.pending} pending)`
}

async function interrupted(
  context: DeployContext,
  follower: Follower,
  kind: 'timed_out' | 'cancelled',
): Promise<DeployOutcome> {
  const last = await follower.flush()
  if (last && last.state !== 'in_progress') return conclude(context, follower, last)
  const deploymentId = follower.tracking.deploymentId
  const said = onInterruption(context, kind, `deployment ${deploymentId}`, progress(follower.seen.counts, deploymentId))
  const reasons = [said.headline, said.rollBack ? (await rollBack(context, said.cause)).reason : said.left]
  const explanation = await gather(context, follower)
  return {
    status: kind,
    deploymentId,
    reasons: [...reasons, ...explanation.reasons],
    hints: explanation.hints,
    ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
  }
}
