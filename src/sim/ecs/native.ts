import type { DeploymentConfiguration } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import type { DeploymentState, NativeStage, ServiceDeploymentState, ServiceState } from '../core/types.js'
import { HookRunner, type StageWeights } from './native-hooks.js'
import {
  activeServiceDeployment,
  cancelTimers,
  finish,
  isTerminal,
  laterFor,
  openServiceDeployment,
  setStatus,
  startRollback,
  requestStop,
} from './service-deployments.js'

// ECS-native blue/green, linear and canary deployments (aws-facts-ecs-native.md §2-5): green scales up beside blue,
// takes test traffic, then production traffic in one, several or two steps, bakes, and blue is cleaned up. A failure
// before CLEAN_UP flips traffic back to blue, runs the traffic-shift hooks again and removes green.

export const NATIVE_STRATEGIES: ReadonlySet<string> = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY'])

/** How long ECS takes over one stage's own work (a listener change, a scale request), in emulated ms. */
const STAGE_MS = 5_000

const MINUTE_MS = 60_000

/** One step of a deployment's plan: a stage, the traffic it sets, and the bake that follows it. */
interface Step {
  stage: NativeStage | 'RESTORE'
  production?: number
  test?: number
  bakeMs?: number
}

interface Progress {
  steps: Step[]
  index: number
  /** The current step's hooks are done (or it had none) and its bake, if any, is running. */
  waiting: 'stage' | 'hooks' | 'scale' | 'drain' | 'bake'
}

export function isNativeService(service: ServiceState): boolean {
  return service.controller === 'ECS' && NATIVE_STRATEGIES.has(service.deploymentConfiguration.strategy ?? 'ROLLING')
}

/** The production weights green is given, in order: 100; step, 2·step … 100; canary % then 100. */
export function productionSteps(config: DeploymentConfiguration): { weight: number; bakeMs: number }[] {
  if (config.strategy === 'LINEAR') {
    const step = config.linearConfiguration?.stepPercent ?? 10
    const bakeMs = (config.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * MINUTE_MS
    const steps: { weight: number; bakeMs: number }[] = []
    for (let weight = step; weight < 100 - 1e-9; weight += step) steps.push({ weight: round(weight), bakeMs })
    return [...steps, { weight: 100, bakeMs: 0 }]
  }
  if (config.strategy === 'CANARY') {
    const canary = config.canaryConfiguration?.canaryPercent ?? 5
    const bakeMs = (config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * MINUTE_MS
    return canary >= 100
      ? [{ weight: 100, bakeMs: 0 }]
      : [
          { weight: canary, bakeMs },
          { weight: 100, bakeMs: 0 },
        ]
  }
  return [{ weight: 100, bakeMs: 0 }]
}

function round(weight: number): number {
  return Math.round(weight * 10) / 10
}

function plan(config: DeploymentConfiguration, reconcile: boolean): Step[] {
  const shifts = productionSteps(config).flatMap(({ weight, bakeMs }): Step[] => [
    { stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
    { stage: 'PRODUCTION_TRAFFIC_SHIFT', production: weight, bakeMs },
  ])
  return [
    ...(reconcile ? [{ stage: 'RECONCILE_SERVICE' } as Step] : []),
    { stage: 'PRE_SCALE_UP' },
    { stage: 'SCALE_UP' },
    { stage: 'POST_SCALE_UP' },
    { stage: 'TEST_TRAFFIC_SHIFT', test: 100 },
    { stage: 'POST_TEST_TRAFFIC_SHIFT' },
    ...shifts,
    { stage: 'POST_PRODUCTION_TRAFFIC_SHIFT' },
    { stage: 'BAKE_TIME', bakeMs: (config.bakeTimeInMinutes ?? 0) * MINUTE_MS },
    { stage: 'CLEAN_UP' },
  ]
}

/** The rollback's plan: traffic back to blue (the traffic-shift hooks run again), then green removed. */
function rollbackPlan(sd: ServiceDeploymentState): Step[] {
  const moved = sd.productionWeight > 0 || sd.testWeight > 0
  return [
    ...(moved
      ? [{ stage: 'TEST_TRAFFIC_SHIFT', test: 0 } as Step, { stage: 'PRODUCTION_TRAFFIC_SHIFT', production: 0 } as Step]
      : []),
    { stage: 'RESTORE' },
  ]
}

/** Drives every ECS-native deployment of the world; the service scheduler tells it when tasks moved. */
export class NativeDeployments {
  private readonly progress = new Map<ServiceDeploymentState, Progress>()
  private readonly hooks: HookRunner

  constructor(
    private readonly world: World,
    private readonly schedule: (service: ServiceState) => void,
  ) {
    this.hooks = new HookRunner(world, {
      succeeded: (service, sd) => this.afterHooks(service, sd),
      failed: (service, sd, reason) => this.fail(service, sd, reason),
    })
  }

  /** Starts the service deployment of `green`; the deployments still running tasks are its sources. */
  start(service: ServiceState, green: DeploymentState): void {
    const others = service.deployments.filter((d) => d !== green)
    const previous = activeServiceDeployment(service)
    const blue = previous ? servingProduction(previous) : others[0]
    const sources = blue ? [blue, ...others.filter((d) => d !== blue)] : []
    green.desiredCount = 0
    green.loadBalancers = alternateTargetGroups(service, blue)
    if (previous) this.progress.delete(previous)
    for (const ended of this.progress.keys()) if (isTerminal(ended)) this.progress.delete(ended)
    const sd = openServiceDeployment(this.world, service, green, sources)
    this.progress.set(sd, { steps: plan(sd.deploymentConfiguration, sources.length > 1), index: -1, waiting: 'stage' })
    this.next(service, sd)
  }

  /** The native deployment whose stages decide `deployment`'s task count, while it runs. */
  owner(service: ServiceState, deployment?: DeploymentState): ServiceDeploymentState | undefined {
    const sd = activeServiceDeployment(service)
    if (!sd || !this.progress.has(sd)) return undefined
    return deployment === undefined || sd.target === deployment || sd.sources.includes(deployment) ? sd : undefined
  }

  /** The rolling scheduler must not call the deployment complete: blue is still up until CLEAN_UP ends. */
  holdsCompletion(service: ServiceState): boolean {
    const sd = this.owner(service)
    return sd !== undefined && this.stepOf(sd)?.stage !== 'CLEAN_UP'
  }

  /** The scheduler reconciled the service: green may be up (SCALE_UP), blue or green drained (CLEAN_UP, rollback). */
  reconciled(service: ServiceState): void {
    const sd = this.owner(service)
    const progress = sd && this.progress.get(sd)
    if (!sd || !progress) return
    if (progress.waiting === 'scale' && this.greenReady(service, sd)) {
      progress.waiting = 'stage'
      this.afterHooks(service, sd)
    }
    if (progress.waiting === 'drain' && this.rollingBack(sd) && !this.hasTasks(service, sd.target)) {
      this.progress.delete(sd)
      finish(this.world, sd, 'ROLLBACK_SUCCESSFUL')
    }
  }

  /** The circuit breaker tripped on green: rolled back (with rollback: true), or stopped where it is. */
  breakerTripped(service: ServiceState, sd: ServiceDeploymentState): void {
    sd.breakerStatus = 'TRIGGERED'
    const reason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.'
    if (sd.deploymentConfiguration.deploymentCircuitBreaker?.rollback) return this.fail(service, sd, reason)
    this.progress.delete(sd)
    sd.target.rolloutState = 'FAILED'
    requestStop(this.world, sd, 'Service deployment failed because the circuit breaker threshold was exceeded.')
  }

  /** StopServiceDeployment with ROLLBACK, or a PAUSE hook answered ROLLBACK: a rollback someone asked for. */
  requestRollback(service: ServiceState, sd: ServiceDeploymentState, reason: string): void {
    this.fail(service, sd, reason, 'ROLLBACK_REQUESTED')
  }

  /** ContinueServiceDeployment: the PAUSE hook's answer. */
  continueHook(
    service: ServiceState,
    sd: ServiceDeploymentState,
    hookId: string,
    action: 'CONTINUE' | 'ROLLBACK',
  ): void {
    const run = sd.hooks.find((h) => h.hookId === hookId)
    if (!run) return
    if (action === 'ROLLBACK') {
      run.status = 'FAILED'
      return this.requestRollback(
        service,
        sd,
        `Service deployment rolled back because ROLLBACK was requested for ${run.stage} pause hook.`,
      )
    }
    this.hooks.answerPause(service, sd, run)
  }

  private stepOf(sd: ServiceDeploymentState): Step | undefined {
    const progress = this.progress.get(sd)
    return progress ? progress.steps[progress.index] : undefined
  }

  private rollingBack(sd: ServiceDeploymentState): boolean {
    return sd.rollbackTo !== undefined
  }

  /** Enters the next step: its stage and traffic now, its own work after STAGE_MS, then its hooks. */
  private next(service: ServiceState, sd: ServiceDeploymentState): void {
    const progress = this.progress.get(sd)
    if (!progress || isTerminal(sd)) return
    progress.index++
    const step = progress.steps[progress.index]
    if (!step) return
    progress.waiting = 'stage'
    if (step.stage === 'RESTORE') return this.restore(service, sd)
    sd.lifecycleStage = step.stage
    sd.updatedAt = this.world.clock.now()
    this.later(sd, STAGE_MS, () => this.enter(service, sd, step))
  }

  private enter(service: ServiceState, sd: ServiceDeploymentState, step: Step): void {
    const progress = this.progress.get(sd)
    if (!progress) return
    if (step.production !== undefined) sd.productionWeight = step.production
    if (step.test !== undefined) sd.testWeight = step.test
    switch (step.stage) {
      case 'RECONCILE_SERVICE':
        for (const d of sd.sources.slice(1)) d.desiredCount = 0
        this.schedule(service)
        break
      case 'SCALE_UP':
        sd.target.desiredCount = service.desiredCount
        progress.waiting = 'scale'
        this.schedule(service)
        return
      case 'CLEAN_UP':
        return this.cleanUp(service, sd)
    }
    progress.waiting = 'hooks'
    this.hooks.run(service, sd, step.stage as NativeStage, this.weightsFor(sd, step), this.rollingBack(sd))
  }

  /** The hooks of a stage are done: bake, then the next step. */
  private afterHooks(service: ServiceState, sd: ServiceDeploymentState): void {
    const progress = this.progress.get(sd)
    const step = this.stepOf(sd)
    if (!progress || !step) return
    if (step.bakeMs) {
      progress.waiting = 'bake'
      this.later(sd, step.bakeMs, () => this.next(service, sd))
    } else this.next(service, sd)
  }

  /** The traffic weights the hooks of a step see (aws-facts-ecs-native.md §3). */
  private weightsFor(sd: ServiceDeploymentState, step: Step): StageWeights {
    const green = sd.target.revisionArn
    const blue = sd.sources[0]?.revisionArn
    const split = (greenShare: number): Record<string, number> =>
      blue ? { [green]: greenShare, [blue]: 100 - greenShare } : { [green]: greenShare }
    if (step.stage === 'TEST_TRAFFIC_SHIFT') return { test: split(sd.testWeight), production: {} }
    if (step.stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' || step.stage === 'PRODUCTION_TRAFFIC_SHIFT')
      return { test: {}, production: split(sd.productionWeight) }
    return { test: {}, production: {} }
  }

  private cleanUp(service: ServiceState, sd: ServiceDeploymentState): void {
    for (const d of sd.sources) d.desiredCount = 0
    // The scheduler completes green once blue has drained (holdsCompletion lets go now): SUCCESSFUL then.
    const progress = this.progress.get(sd)
    if (progress) progress.waiting = 'drain'
    this.schedule(service)
  }

  /** A failure before CLEAN_UP: roll back (ECS-native deployments always can while blue is up). */
  private fail(
    service: ServiceState,
    sd: ServiceDeploymentState,
    reason: string,
    status: 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_REQUESTED' = 'ROLLBACK_IN_PROGRESS',
  ): void {
    if (isTerminal(sd)) return
    if (this.rollingBack(sd)) {
      this.progress.delete(sd)
      return finish(this.world, sd, 'ROLLBACK_FAILED', reason)
    }
    cancelTimers(sd)
    this.hooks.abandon(sd)
    const blue = sd.sources[0]
    this.world.addEvent(service, `(service ${service.name}) (deployment ${sd.target.id}) deployment failed: ${reason}`)
    sd.target.rolloutState = 'FAILED'
    sd.target.rolloutStateReason = reason
    if (!blue) {
      this.progress.delete(sd)
      return finish(this.world, sd, 'ROLLBACK_FAILED', 'No rollback candidate was found to run the rollback.')
    }
    startRollback(this.world, sd, blue, reason, status)
    if (status === 'ROLLBACK_REQUESTED') this.later(sd, 1000, () => setStatus(this.world, sd, 'ROLLBACK_IN_PROGRESS'))
    this.progress.set(sd, { steps: rollbackPlan(sd), index: -1, waiting: 'stage' })
    this.next(service, sd)
  }

  /** Blue is PRIMARY again with all traffic; green drains away. */
  private restore(service: ServiceState, sd: ServiceDeploymentState): void {
    const blue = sd.rollbackTo
    const progress = this.progress.get(sd)
    if (!blue || !progress) return
    sd.productionWeight = 0
    sd.testWeight = 0
    sd.target.status = 'ACTIVE'
    sd.target.desiredCount = 0
    blue.status = 'PRIMARY'
    blue.desiredCount = service.desiredCount
    service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)]
    service.taskDefinitionArn = blue.taskDefinitionArn
    this.world.addEvent(service, `(service ${service.name}) rolling back to deployment ${blue.id}.`)
    progress.waiting = 'drain'
    this.schedule(service)
  }

  private greenReady(service: ServiceState, sd: ServiceDeploymentState): boolean {
    const tasks = this.world
      .serviceTasks(service)
      .filter((t) => t.deploymentId === sd.target.id && t.desiredStatus === 'RUNNING')
    return tasks.length === sd.target.desiredCount && tasks.every((t) => t.lastStatus === 'RUNNING' && t.proven)
  }

  private hasTasks(service: ServiceState, d: DeploymentState): boolean {
    return this.world.serviceTasks(service).some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED')
  }

  private later(sd: ServiceDeploymentState, ms: number, fn: () => void): void {
    laterFor(this.world, sd, ms, fn)
  }
}

/** The revision production traffic is on: green once it has the larger share, blue before. */
function servingProduction(sd: ServiceDeploymentState): DeploymentState | undefined {
  if (sd.productionWeight >= 50 || !sd.sources[0]) return sd.target
  return sd.sources[0]
}

/** Green registers in the target groups blue does not use: the two of each load balancer alternate. */
function alternateTargetGroups(service: ServiceState, blue: DeploymentState | undefined) {
  const blueGroups = new Set((blue?.loadBalancers ?? service.loadBalancers).map((lb) => lb.targetGroupArn))
  return service.loadBalancers.map((lb) => {
    const alternate = lb.advancedConfiguration?.alternateTargetGroupArn
    if (!alternate) return lb
    return { ...lb, targetGroupArn: blueGroups.has(lb.targetGroupArn) ? alternate : lb.targetGroupArn }
  })
}
