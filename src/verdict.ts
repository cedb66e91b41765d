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

/**
 * From the best outcome to the worst: the verdict of a run over several services is its worst service's. A service
 * berth cancelled is better than one that failed (it was stopped because another failed, or by the user), a
 * rollback better than a timeout (the service is known to be on its old revision), a failure the worst of all.
 */
const SEVERITY: readonly RunStatus[] = [
  'rendered',
  'planned',
  'succeeded',
  'paused',
  'cancelled',
  'rolled_back',
  'timed_out',
  'failed',
]

/** How bad a status is: the higher, the worse. */
export function severity(status: RunStatus): number {
  return SEVERITY.indexOf(status)
}

/** The worst of `statuses`; `succeeded` for none. */
export function worstOf(statuses: readonly RunStatus[]): RunStatus {
  return statuses.reduce<RunStatus>(
    (worst, status) => (severity(status) > severity(worst) ? status : worst),
    statuses[0] ?? 'succeeded',
  )
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
  /** A run over several services (`--service` given more than once): each one's own outcome, in the given order. */
  services?: RunResult[]
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
