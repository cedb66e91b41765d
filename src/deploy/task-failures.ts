import type { DeploymentCircuitBreaker, Task } from '@aws-sdk/client-ecs'

// When a deployment's tasks count as failing, for every driver: which stopped tasks are failures, and how many
// the circuit breaker (or berth, in its place) accepts.

/**
 * The circuit breaker's failure threshold: COUNT is its value; the percent types ceil(value% × desiredCount),
 * BOUNDED_PERCENT (the default, 50) within 3..200. Multiplied before dividing, so 7 % of 100 is exactly 7.
 */
export function failureThreshold(desiredCount: number, breaker?: DeploymentCircuitBreaker): number {
  const config = breaker?.thresholdConfiguration
  if (config?.type === 'COUNT' && config.value !== undefined) return Math.max(1, config.value)
  const percent = config?.value ?? 50
  const raw = Math.ceil((percent * desiredCount) / 100)
  if (config?.type === 'UNBOUNDED_PERCENT') return Math.max(1, raw)
  return Math.min(200, Math.max(3, raw))
}

const HEALTH_CHECK_FAILURE = /health checks?/i

/**
 * A task that counts as a failure of its deployment (not a scale-in or a user's StopTask): its essential container
 * exited, it failed to start, or it was stopped for failed health checks, whatever its lastStatus (a task still
 * draining has not reached STOPPED, yet its container has exited). `essential` names the essential containers.
 */
export function isTaskFailure(task: Task, essential?: ReadonlySet<string>): boolean {
  if (task.stopCode === 'TaskFailedToStart' || task.stopCode === 'EssentialContainerExited') return true
  if (HEALTH_CHECK_FAILURE.test(task.stoppedReason ?? '')) return true
  if (task.desiredStatus !== 'STOPPED' || !essential) return false
  return (task.containers ?? []).some(
    (container) => essential.has(container.name ?? '') && container.exitCode !== undefined,
  )
}

/** The names of a task definition's essential containers (a container is essential unless it says otherwise). */
export function essentialContainers(definitions: readonly { name?: string; essential?: boolean }[]): Set<string> {
  return new Set(definitions.filter((definition) => definition.essential !== false).map((d) => d.name ?? ''))
}
