import type { Container, ContainerDefinition, Task } from '@aws-sdk/client-ecs'
import { explain } from '../deploy/explain.js'
import type { LogExcerpt, TaskOutcome, Verdict } from '../verdict.js'

/** What a stopped one-off task means for the run. */
export interface TaskJudgement {
  status: Verdict
  outcome: TaskOutcome
  reasons: string[]
  hints: string[]
}

/**
 * The container whose exit code counts: the one asked for (`--container`), else the essential ones, the first that
 * exited non-zero, else the first of them.
 */
export function countingContainer(
  task: Task,
  definitions: readonly ContainerDefinition[],
  wanted?: string,
): Container | undefined {
  const containers = task.containers ?? []
  if (wanted) return containers.find((container) => container.name === wanted)
  const essential = new Set(definitions.filter((d) => d.essential !== false).map((d) => d.name))
  const candidates = containers.filter((container) => essential.has(container.name))
  return candidates.find((container) => (container.exitCode ?? 0) !== 0) ?? candidates[0] ?? containers[0]
}

/** A stopped task: succeeded when the counting container exited 0, failed otherwise, with ECS's reasons. */
export function judgeTask(
  task: Task,
  definitions: readonly ContainerDefinition[],
  options: { wanted?: string; logs?: readonly LogExcerpt[] } = {},
): TaskJudgement {
  const container = countingContainer(task, definitions, options.wanted)
  const outcome: TaskOutcome = {
    taskArn: task.taskArn ?? '',
    ...(container?.name ? { container: container.name } : {}),
    ...(container?.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
  }
  if (container?.exitCode === 0) return { status: 'succeeded', outcome, reasons: [], hints: [] }
  const { hints } = explain({ stoppedTasks: [task], events: [], logs: options.logs ?? [] })
  return { status: 'failed', outcome, reasons: [failureReason(task, container)], hints }
}

function failureReason(task: Task, container: Container | undefined): string {
  const stopped = task.stoppedReason ?? task.stopCode ?? 'it stopped'
  const name = container?.name ?? 'its container'
  if (task.stopCode === 'TaskFailedToStart' || container?.exitCode === undefined) {
    const detail = container?.reason && container.reason !== stopped ? ` (${name}: ${container.reason})` : ''
    return `the task did not run to an exit code: ${stopped}${detail}`
  }
  const detail = container.reason ? `: ${container.reason}` : ''
  return `${name} exited with code ${container.exitCode}${detail} (${stopped})`
}
