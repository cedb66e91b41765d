/**
 * How a run ends. `succeeded` and `paused` (an ECS-native deployment waiting on a PAUSE hook, with
 * `--wait-for paused`) exit 0, as do `planned` and `rendered`, which deploy nothing.
 */
export const VERDICTS = ['succeeded', 'paused', 'failed', 'rolled_back', 'timed_out', 'cancelled'] as const
export type Verdict = (typeof VERDICTS)[number]
export type RunStatus = Verdict | 'planned' | 'rendered'

/** The statuses a run ends well with (exit 0, the Action does not fail the step). */
export function endsWell(status: RunStatus): boolean {
  return status === 'succeeded' || status === 'paused' || status === 'planned' || status === 'rendered'
}

/** The outcome of one run: the JSON contract of DESIGN.md, and what every reporter renders last. */
export interface RunResult {
  status: RunStatus
  cluster?: string
  service?: string
  taskDefinitionArn?: string
  previousTaskDefinitionArn?: string
  deploymentId?: string
  reasons: string[]
  hints: string[]
  artifacts: string[]
  /** The last log lines of the containers that failed, when they log with awslogs. */
  logs?: LogExcerpt[]
  /** What a dry run would do, in order (`planned` only). */
  plan?: string[]
  /** The one-off task of `berth run-task` or `--before-deploy`, once it was started. */
  task?: TaskOutcome
  /** The rendered task definition (`berth render`, and the render-only path of the Action). */
  taskDefinition?: Record<string, unknown>
}

/** The tail of one container's CloudWatch log stream around a failure. */
export interface LogExcerpt {
  container: string
  taskId: string
  group: string
  stream: string
  lines: string[]
}

/** How a one-off task ended: the container whose exit code counts, and what ECS said when it stopped. */
export interface TaskOutcome {
  taskArn: string
  container?: string
  exitCode?: number
  stopCode?: string
  stoppedReason?: string
}
