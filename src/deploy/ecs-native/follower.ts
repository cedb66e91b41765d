import type { ServiceDeployment } from '@aws-sdk/client-ecs'
import type { TickResult } from '../../watch/loop.js'
import { quickPauseMs, pastGrace, type DeployContext } from '../driver.js'
import { describeService } from '../ecs.js'
import { StoppedTasks } from '../evidence.js'
import { ServiceReport } from '../service-report.js'
import { pause } from '../../watch/sleep.js'
import { describeServiceDeployment } from '../service-deployments.js'
import { awaitingHook, hookChange, judge, trafficSplit, type Judgement } from './judge.js'

/**
 * Follows one ECS-native service deployment: on each look it reads the deployment and the service, and reports
 * what changed (stage, hooks, traffic, the circuit breaker's count, task counts, service events).
 */
export class NativeFollower {
  readonly seen: ServiceReport
  readonly stopped: StoppedTasks
  /** The last description of the deployment. */
  last: ServiceDeployment | undefined
  private stage: string | undefined
  private traffic = ''
  private breaker = ''
  private readonly hooks = new Map<string, { status: string; stage?: string }>()
  private rollbackSeen = false
  private pauseExplained = false

  constructor(
    private readonly context: DeployContext,
    readonly deploymentId: string,
    readonly arn: string,
  ) {
    this.seen = new ServiceReport(context.reporter, context.now, context.target.service)
    this.stopped = new StoppedTasks(context.clients.ecs, context.target.cluster, { startedBy: deploymentId })
  }

  async tick(): Promise<TickResult<Judgement>> {
    const changed = await this.look()
    const judgement = judge(this.last ?? {}, this.context.config.waitFor)
    return judgement.state === 'in_progress' ? { changed } : { done: judgement }
  }

  /** Looks until the deployment ends, for as long as the grace after the deadline allows (a rollback berth asked for). */
  async toEnd(): Promise<Judgement | undefined> {
    for (;;) {
      const judgement = await this.flush()
      if (judgement && judgement.state !== 'in_progress') return judgement
      if (pastGrace(this.context)) return undefined
      await pause(this.context.sleep, quickPauseMs(this.context), [])
    }
  }

  /** One more look, so that late changes are not lost; errors here change nothing. */
  async flush(): Promise<Judgement | undefined> {
    try {
      await this.look()
      return this.last && judge(this.last, 'completed')
    } catch {
      return undefined
    }
  }

  private async look(): Promise<boolean> {
    const { clients, target } = this.context
    const [sd, service] = await Promise.all([
      describeServiceDeployment(clients.ecs, this.arn),
      describeService(clients.ecs, target.cluster, target.service.serviceName ?? ''),
    ])
    this.last = sd
    // Traffic first: a step's weights are set before ECS moves on to the next stage.
    const changes = [this.reportTraffic(sd), this.reportStage(sd), this.reportHooks(sd), this.reportBreaker(sd)]
    this.reportRollback(sd)
    return this.seen.report(service) || changes.some(Boolean)
  }

  private reportStage(sd: ServiceDeployment): boolean {
    const stage = sd.lifecycleStage
    if (!stage || stage === this.stage) return false
    this.stage = stage
    const bake = stage === 'BAKE_TIME' ? sd.deploymentConfiguration?.bakeTimeInMinutes : undefined
    this.context.reporter.emit({
      type: 'stage-changed',
      stage,
      at: sd.updatedAt ?? new Date(this.context.now()),
      ...(bake ? { bakeMinutes: bake } : {}),
    })
    return true
  }

  private reportHooks(sd: ServiceDeployment): boolean {
    let changed = false
    for (const hook of sd.lifecycleHookDetails ?? []) {
      const id = hook.hookId ?? '?'
      const known = this.hooks.get(id)
      if (known?.status === hook.status) continue
      const stage = known?.stage ?? sd.lifecycleStage
      this.hooks.set(id, { status: hook.status ?? '?', stage })
      this.context.reporter.emit({
        type: 'hook-changed',
        hook: hookChange(hook, stage),
        at: new Date(this.context.now()),
      })
      changed = true
    }
    const waiting = awaitingHook(sd)
    if (waiting && !this.pauseExplained) {
      this.pauseExplained = true
      const { cluster, service } = this.context.target
      const command = `berth continue --cluster ${cluster} --service ${service.serviceName}`
      this.context.reporter.emit({
        type: 'info',
        message:
          `the deployment waits at ${sd.lifecycleStage ?? 'a PAUSE hook'} for PAUSE hook ${waiting.hookId}` +
          `${waiting.expiresAt ? ` until ${waiting.expiresAt.toISOString()} (then ${waiting.timeoutAction ?? 'ROLLBACK'})` : ''}: ` +
          `continue it with \`${command}\`, or roll it back with \`${command} --rollback\`.`,
      })
    }
    return changed
  }

  private reportTraffic(sd: ServiceDeployment): boolean {
    const split = trafficSplit(sd)
    const key = JSON.stringify(split)
    if (!split || key === this.traffic) return false
    this.traffic = key
    this.context.reporter.emit({ type: 'traffic-shifted', ...split, at: sd.updatedAt ?? new Date(this.context.now()) })
    return true
  }

  private reportBreaker(sd: ServiceDeployment): boolean {
    const breaker = sd.deploymentCircuitBreaker
    if (!breaker?.failureCount || breaker.threshold === undefined) return false
    const key = `${breaker.failureCount}/${breaker.threshold}/${breaker.status}`
    if (key === this.breaker) return false
    this.breaker = key
    this.context.reporter.emit({
      type: 'circuit-breaker',
      failureCount: breaker.failureCount,
      threshold: breaker.threshold,
      status: breaker.status ?? '?',
    })
    return true
  }

  private reportRollback(sd: ServiceDeployment): void {
    if (this.rollbackSeen || !sd.status?.startsWith('ROLLBACK')) return
    this.rollbackSeen = true
    this.context.reporter.emit({
      type: 'rollback-started',
      reason: sd.rollback?.reason ?? sd.statusReason ?? `service deployment ${sd.status}`,
      taskDefinitionArn: this.context.previousTaskDefinitionArn,
    })
  }
}
