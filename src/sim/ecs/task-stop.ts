import type { World } from '../core/state.js'
import type { TaskState } from '../core/types.js'

const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000

export interface StopOptions {
  stopCode: string
  reason: string
  /** Say "has stopped N running tasks" when the task leaves (scheduler-initiated stops). */
  announce?: boolean
  /** When the task's execution already ended (its essential container exited); else when its containers stop. */
  executionStoppedAt?: number
}

/**
 * Stops a task: desiredStatus STOPPED now; a load-balanced task is deregistered and drains for the target group's
 * deregistration delay (DEACTIVATING), then STOPPING, then STOPPED after stopSeconds.
 */
export function stopTask(world: World, task: TaskState, options: StopOptions): void {
  if (task.desiredStatus === 'STOPPED') return
  const now = world.clock.now()
  cancelTimers(task)
  task.desiredStatus = 'STOPPED'
  task.stopCode = options.stopCode
  task.stoppedReason = options.reason
  task.stoppingAt = now
  task.executionStoppedAt = options.executionStoppedAt
  task.inService = false
  task.version++
  const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined
  const wasRunning = task.lastStatus === 'RUNNING'
  const draining = wasRunning && task.targets.length > 0
  if (draining && service) {
    const deployment = task.deploymentId ?? ''
    world.batchEvent(
      service,
      `drain|${deployment}`,
      task.id,
      (ids) =>
        `(service ${service.name}, taskSet ${deployment}) has begun draining connections on ${ids.length} tasks.`,
    )
    for (const target of task.targets) {
      world.batchEvent(
        service,
        `deregistered|${target.targetGroupArn}`,
        task.id,
        (ids) =>
          `(service ${service.name}) deregistered ${ids.length} targets in (target-group ${target.targetGroupArn})`,
      )
    }
  }
  if (!wasRunning) {
    task.lastStatus = 'STOPPED'
    task.executionStoppedAt ??= now
    task.stoppedAt = now
    for (const c of task.containers) c.lastStatus = 'STOPPED'
    if (options.announce && service) announceStopped(world, task)
    finishStop(world, task)
    return
  }
  task.lastStatus = draining ? 'DEACTIVATING' : 'STOPPING'
  const drainMs = draining ? world.timing.deregistrationDelaySeconds * 1000 : 0
  const stopping = (): void => {
    task.lastStatus = 'STOPPING'
    task.version++
    if (options.announce && service) announceStopped(world, task)
    world.clock.after(world.timing.stopSeconds * 1000, () => {
      const at = world.clock.now()
      task.lastStatus = 'STOPPED'
      task.executionStoppedAt ??= at
      task.stoppedAt = at
      task.version++
      for (const c of task.containers) {
        if (c.lastStatus !== 'STOPPED') {
          c.lastStatus = 'STOPPED'
          c.exitCode = 0
        }
      }
      finishStop(world, task)
    })
  }
  if (drainMs > 0) world.clock.after(drainMs, stopping)
  else stopping()
}

function announceStopped(world: World, task: TaskState): void {
  const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined
  if (!service) return
  world.batchEvent(
    service,
    'stopped',
    task.id,
    (ids) =>
      `(service ${service.name}) has stopped ${ids.length} running tasks: ${ids.map((i) => `(task ${i})`).join(' ')}.`,
  )
}

export function finishStop(world: World, task: TaskState): void {
  world.taskListener?.onStopped(task)
  world.clock.after(STOPPED_TASK_RETENTION_MS, () => world.tasks.delete(task.arn))
}

export function cancelTimers(task: TaskState): void {
  for (const timer of task.timers) timer.cancel()
  task.timers = []
}
