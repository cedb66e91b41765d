import type { World } from '../core/state.js'
import type {
  DeploymentState,
  ServiceDeploymentState,
  ServiceState,
  TaskDefinitionRecord,
  TaskListener,
  TaskState,
} from '../core/types.js'
import { circuitBreakerThreshold } from './circuit-breaker.js'
import { isNativeService, NativeDeployments } from './native.js'
import {
  openServiceDeployment,
  revisionArn,
  rolloutCompleted,
  rolloutFailed,
  setStatus,
  startRollback,
} from './service-deployments.js'
import { launchTask } from './task-lifecycle.js'
import { stopTask } from './task-stop.js'

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
export class ServiceScheduler implements TaskListener {
  private readonly queued = new Set<ServiceState>()
  private readonly warm = new Set<ServiceState>()
  /** ECS-native blue/green, linear and canary deployments: their stages decide how many tasks each revision runs. */
  readonly native: NativeDeployments

  constructor(private readonly world: World) {
    world.taskListener = this
    this.native = new NativeDeployments(world, (service) => this.schedule(service))
  }

  /** Reconciles the service on the next turn of the clock (once, however many changes asked for it). */
  schedule(service: ServiceState, delayMs = 0): void {
    if (delayMs > 0) {
      this.world.clock.after(delayMs, () => this.schedule(service))
      return
    }
    if (this.queued.has(service)) return
    this.queued.add(service)
    this.world.clock.after(0, () => {
      this.queued.delete(service)
      this.reconcile(service)
    })
  }

  /**
   * Starts a new PRIMARY deployment of `taskDefinitionArn`; the current one (if any) becomes ACTIVE. A service with a
   * BLUE_GREEN, LINEAR or CANARY strategy goes through its native lifecycle, unless `lifecycle` is false (the
   * scenario's services, which start steady).
   */
  startDeployment(service: ServiceState, taskDefinitionArn: string, lifecycle = true): DeploymentState {
    const now = this.world.nowSeconds()
    const id = this.world.deploymentId()
    const deployment: DeploymentState = {
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
    }
    // A superseded deployment becomes ACTIVE and is drained; its rolloutState is left as it was (IN_PROGRESS if it
    // had not completed, never FAILED: the circuit breaker only judges the PRIMARY). ECS documents ACTIVE as "still
    // has running tasks, being replaced with a new PRIMARY deployment" and says nothing of its rollout state; keeping
    // it is unverified against a live account.
    for (const d of service.deployments) {
      if (d.status === 'PRIMARY') {
        d.status = 'ACTIVE'
        d.updatedAt = now
      }
    }
    const sources = service.deployments.filter((d) => d.status !== 'INACTIVE')
    service.deployments.unshift(deployment)
    service.history.push(deployment)
    if (lifecycle && isNativeService(service)) this.native.start(service, deployment)
    else openServiceDeployment(this.world, service, deployment, sources)
    service.taskDefinitionArn = taskDefinitionArn
    service.steady = false
    // A new task definition lifts the launch throttle at once (service throttle logic docs).
    service.throttle = { failures: 0, nextLaunchAt: 0, announcedAt: service.throttle.announcedAt }
    this.schedule(service)
    return deployment
  }

  onRunning(task: TaskState): void {
    const service = this.serviceOf(task)
    if (!service) return
    service.throttle.failures = 0
    service.throttle.nextLaunchAt = 0
    for (const target of task.targets) {
      this.world.batchEvent(
        service,
        `registered|${target.targetGroupArn}`,
        task.id,
        (ids) =>
          `(service ${service.name}) registered ${ids.length} targets in (target-group ${target.targetGroupArn})`,
      )
    }
    this.schedule(service)
  }

  onProven(task: TaskState): void {
    const service = this.serviceOf(task)
    if (!service) return
    const deployment = service.deployments.find((d) => d.id === task.deploymentId)
    const breaker = service.deploymentConfiguration.deploymentCircuitBreaker
    if (deployment && deployment.evaluating && breaker?.resetOnHealthyTask !== false) {
      deployment.failedTasks = 0
      deployment.evaluating = false
    }
    this.schedule(service)
  }

  onFailed(task: TaskState, kind: 'start' | 'health' | 'exit'): void {
    const service = this.serviceOf(task)
    if (!service) return
    if (kind === 'start' && task.startedAt === undefined) this.throttleLaunches(service)
    const deployment = service.deployments[0]
    if (kind !== 'exit' && deployment?.id === task.deploymentId && deployment.status === 'PRIMARY') {
      this.countFailure(service, deployment)
    }
    service.steady = false
    this.schedule(service)
  }

  onStopped(task: TaskState): void {
    const service = this.serviceOf(task)
    if (service) this.schedule(service)
  }

  reconcile(service: ServiceState): void {
    if (service.status !== 'ACTIVE' && service.status !== 'DRAINING') return
    if (service.controller !== 'ECS')
      this.reconcileCounts(service, (d) => Math.ceil(((d.taskSet?.scale ?? 100) * service.desiredCount) / 100))
    else if (isNativeService(service)) this.reconcileNative(service)
    else this.reconcileRolling(service)
    this.retireDrainedDeployments(service)
    this.checkCompletion(service)
    this.native.reconciled(service)
    this.world.flushEvents()
  }

  private reconcileRolling(service: ServiceState): void {
    const primary = service.deployments[0]
    if (!primary) return
    const desired = service.desiredCount
    primary.desiredCount = desired
    const config = service.deploymentConfiguration
    const maxTotal = Math.floor((desired * (config.maximumPercent ?? 200)) / 100)
    const minHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100)
    const alive = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
    const primaryAlive = alive.filter((t) => t.deploymentId === primary.id)
    const oldAlive = alive.filter((t) => t.deploymentId !== primary.id)
    const stopReason = `Scaling activity initiated by (deployment ${primary.id})`
    const stop = (tasks: TaskState[]): void => {
      for (const t of tasks)
        stopTask(this.world, t, { stopCode: 'ServiceSchedulerInitiated', reason: stopReason, announce: true })
    }

    if (primaryAlive.length > desired) {
      stop(byStopPreference(primaryAlive).slice(0, primaryAlive.length - desired))
    }
    const failedWithoutRollback = primary.rolloutState === 'FAILED'
    if (!failedWithoutRollback) {
      const healthyTotal = alive.filter((t) => t.inService).length
      const oldOrdered = byStopPreference(oldAlive)
      const notInService = oldOrdered.filter((t) => !t.inService)
      const inService = oldOrdered.filter((t) => t.inService)
      const removable = Math.max(0, Math.min(inService.length, healthyTotal - minHealthy))
      stop([...notInService, ...inService.slice(0, removable)])
    }
    for (const d of service.deployments.slice(1)) {
      d.desiredCount = this.world
        .serviceTasks(service)
        .filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING').length
    }
    if (failedWithoutRollback) return

    const aliveNow = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
    const primaryNow = aliveNow.filter((t) => t.deploymentId === primary.id).length
    const room = Math.min(desired - primaryNow, maxTotal - aliveNow.length)
    if (room <= 0) return
    const now = this.world.clock.now()
    if (service.throttle.nextLaunchAt > now) {
      this.schedule(service, service.throttle.nextLaunchAt - now)
      return
    }
    this.launch(service, primary, room)
  }

  /**
   * ECS-native strategies: while a deployment runs, its stages set how many tasks green and blue keep; otherwise
   * the PRIMARY keeps desiredCount and the rest go.
   */
  private reconcileNative(service: ServiceState): void {
    if (this.native.owner(service)) return this.reconcileCounts(service, (d) => d.desiredCount)
    this.reconcileCounts(service, (d) => (d === service.deployments[0] ? service.desiredCount : 0))
  }

  /** Each deployment (or task set) keeps `wanted` tasks. */
  private reconcileCounts(service: ServiceState, wanted: (d: DeploymentState) => number): void {
    const alive = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
    for (const set of service.deployments) {
      const want = wanted(set)
      set.desiredCount = want
      const mine = alive.filter((t) => t.deploymentId === set.id)
      if (mine.length > want) {
        for (const t of byStopPreference(mine).slice(0, mine.length - want)) {
          stopTask(this.world, t, {
            stopCode: 'ServiceSchedulerInitiated',
            reason: `Scaling activity initiated by (deployment ${set.id})`,
            announce: true,
          })
        }
      } else if (mine.length < want) {
        const now = this.world.clock.now()
        if (service.throttle.nextLaunchAt > now) this.schedule(service, service.throttle.nextLaunchAt - now)
        else this.launch(service, set, want - mine.length)
      }
    }
  }

  /** Reconciles at once with tasks already up, for the services a scenario sets up. */
  warmStart(service: ServiceState): void {
    this.warm.add(service)
    this.reconcile(service)
    this.warm.delete(service)
  }

  private launch(service: ServiceState, deployment: DeploymentState, count: number): void {
    const taskDefinition = findTaskDefinition(this.world, deployment.taskDefinitionArn)
    if (!taskDefinition || count <= 0) return
    const started: TaskState[] = []
    for (let i = 0; i < count; i++) {
      started.push(
        launchTask(this.world, {
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
        }),
      )
    }
    deployment.updatedAt = this.world.nowSeconds()
    this.world.addEvent(
      service,
      `(service ${service.name}) has started ${started.length} tasks: ${started.map((t) => `(task ${t.id})`).join(' ')}.`,
    )
  }

  private countFailure(service: ServiceState, deployment: DeploymentState): void {
    if (deployment.rolloutState !== 'IN_PROGRESS' || !deployment.evaluating) return
    deployment.failedTasks++
    deployment.updatedAt = this.world.nowSeconds()
    const breaker = service.deploymentConfiguration.deploymentCircuitBreaker
    if (!breaker?.enable) return
    if (deployment.failedTasks >= circuitBreakerThreshold(service.deploymentConfiguration, service.desiredCount)) {
      this.failDeployment(service, deployment, breaker.rollback === true)
    }
  }

  private failDeployment(service: ServiceState, deployment: DeploymentState, rollback: boolean): void {
    const native = this.native.owner(service, deployment)
    if (native) return this.native.breakerTripped(service, native)
    const now = this.world.nowSeconds()
    deployment.rolloutState = 'FAILED'
    deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.'
    deployment.updatedAt = now
    this.world.addEvent(
      service,
      `(service ${service.name}) (deployment ${deployment.id}) deployment failed: tasks failed to start.`,
    )
    const target = rollback ? this.rollbackTarget(service, deployment) : undefined
    rolloutFailed(
      this.world,
      service,
      deployment,
      target,
      'Service deployment rolled back because the circuit breaker threshold was exceeded.',
    )
    if (target) this.rollBackTo(service, deployment, target)
  }

  /** The latest deployment that completed, other than `deployment`: where a rolling rollback goes. */
  private rollbackTarget(service: ServiceState, deployment: DeploymentState): DeploymentState | undefined {
    return [...service.history].reverse().find((d) => d !== deployment && d.rolloutState === 'COMPLETED')
  }

  /** Makes `target` PRIMARY again; `deployment` drains. */
  private rollBackTo(service: ServiceState, deployment: DeploymentState, target: DeploymentState): void {
    const now = this.world.nowSeconds()
    deployment.status = 'ACTIVE'
    target.status = 'PRIMARY'
    target.rolloutState = 'IN_PROGRESS'
    target.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${target.id}.`
    target.failedTasks = 0
    target.evaluating = true
    target.desiredCount = service.desiredCount
    target.updatedAt = now
    service.deployments = [target, ...service.deployments.filter((d) => d !== target)]
    service.taskDefinitionArn = target.taskDefinitionArn
    service.throttle = { failures: 0, nextLaunchAt: 0, announcedAt: service.throttle.announcedAt }
    this.world.addEvent(service, `(service ${service.name}) rolling back to deployment ${target.id}.`)
    this.schedule(service)
  }

  /**
   * StopServiceDeployment with ROLLBACK: a native deployment flips back to blue; a rolling one returns to the last
   * deployment that completed. False when there is none to return to.
   */
  requestRollback(service: ServiceState, sd: ServiceDeploymentState): boolean {
    const reason = 'Service deployment rolled back because a rollback was requested.'
    if (this.native.owner(service, sd.target)) {
      this.native.requestRollback(service, sd, reason)
      return true
    }
    const target = this.rollbackTarget(service, sd.target)
    if (!target) return false
    startRollback(this.world, sd, target, reason, 'ROLLBACK_REQUESTED')
    this.world.clock.after(1000, () => {
      if (sd.status === 'ROLLBACK_REQUESTED') setStatus(this.world, sd, 'ROLLBACK_IN_PROGRESS')
    })
    sd.target.rolloutState = 'FAILED'
    sd.target.rolloutStateReason = reason
    this.rollBackTo(service, sd.target, target)
    return true
  }

  /**
   * ECS's throttle for tasks that never reach RUNNING: the wait between launches grows (up to 27 minutes, per the
   * service throttle logic docs) and the service says it "is unable to consistently start tasks successfully".
   */
  private throttleLaunches(service: ServiceState): void {
    const throttle = service.throttle
    throttle.failures++
    if (throttle.failures < 3) return
    const now = this.world.clock.now()
    const delay = Math.min(27 * 60_000, 15_000 * 2 ** (throttle.failures - 3))
    throttle.nextLaunchAt = now + delay
    if (now - throttle.announcedAt >= 15 * 60_000 || throttle.announcedAt === 0) {
      throttle.announcedAt = now
      this.world.addEvent(service, `(service ${service.name}) is unable to consistently start tasks successfully.`)
    }
  }

  private retireDrainedDeployments(service: ServiceState): void {
    const tasks = this.world.serviceTasks(service)
    service.deployments = service.deployments.filter((d, i) => {
      if (i === 0 && d.status === 'PRIMARY') return true
      if (d.taskSet) return true
      const remaining = tasks.some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED')
      if (!remaining) d.status = 'INACTIVE'
      return remaining
    })
  }

  private checkCompletion(service: ServiceState): void {
    if (service.controller !== 'ECS') return this.checkTaskSetsSteady(service)
    if (this.native.holdsCompletion(service)) return
    const primary = service.deployments[0]
    if (!primary) return
    const tasks = this.world.serviceTasks(service)
    const alive = tasks.filter((t) => t.desiredStatus === 'RUNNING' && t.deploymentId === primary.id)
    const settled =
      service.deployments.length === 1 &&
      alive.length === service.desiredCount &&
      // proven, not just inService: a task without health checks is in service once RUNNING but only counts as
      // healthy (and lets the deployment complete) after its settle time (tasks.ts scheduleHealthVerdict).
      alive.every((t) => t.inService && t.proven && t.lastStatus === 'RUNNING') &&
      !tasks.some((t) => t.deploymentId === primary.id && t.lastStatus !== 'STOPPED' && t.desiredStatus === 'STOPPED')
    if (!settled) {
      if (service.deployments.length > 1 || alive.length !== service.desiredCount) service.steady = false
      return
    }
    if (primary.rolloutState === 'IN_PROGRESS') {
      primary.rolloutState = 'COMPLETED'
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`
      primary.updatedAt = this.world.nowSeconds()
      this.world.addEvent(service, `(service ${service.name}) (deployment ${primary.id}) deployment completed.`)
    }
    if (primary.rolloutState === 'COMPLETED') rolloutCompleted(this.world, service, primary)
    if (!service.steady && primary.rolloutState === 'COMPLETED') {
      service.steady = true
      this.world.addEvent(service, `(service ${service.name}) has reached a steady state.`)
    }
  }

  private checkTaskSetsSteady(service: ServiceState): void {
    const tasks = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
    const steady = service.deployments.every((d) => {
      const mine = tasks.filter((t) => t.deploymentId === d.id)
      return mine.length === d.desiredCount && mine.every((t) => t.inService)
    })
    if (steady && !service.steady) this.world.addEvent(service, `(service ${service.name}) has reached a steady state.`)
    service.steady = steady
  }

  private serviceOf(task: TaskState): ServiceState | undefined {
    if (!task.serviceName) return undefined
    return this.world.clusters.get(task.clusterName)?.services.get(task.serviceName)
  }
}

/** Tasks the scheduler stops first: not yet running, then not in service, then the newest. */
function byStopPreference(tasks: TaskState[]): TaskState[] {
  const rank = (t: TaskState): number => (t.lastStatus !== 'RUNNING' ? 0 : t.inService ? 2 : 1)
  return [...tasks].sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt)
}

export function findTaskDefinition(world: World, arn: string): TaskDefinitionRecord | undefined {
  const match = /task-definition\/([^:]+):(\d+)$/.exec(arn)
  if (!match) return undefined
  return world.families.get(match[1])?.revisions.find((r) => r.revision === Number(match[2]))
}
