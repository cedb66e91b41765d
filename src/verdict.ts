/** How a run ends. Only `succeeded` exits 0 (and `planned` / `rendered`, which deploy nothing). */
export const VERDICTS = ['succeeded', 'failed', 'rolled_back', 'timed_out', 'cancelled'] as const
export type Verdict = (typeof VERDICTS)[number]
export type RunStatus = Verdict | 'planned' | 'rendered'

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
