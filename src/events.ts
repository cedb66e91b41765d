import type { RunResult } from './verdict.js'

export type Stage = 'render' | 'validate' | 'register' | 'artifacts' | 'run-task' | 'deploy' | 'watch' | 'cleanup'

/** One row of a deployment's task counts, as the console shows it. */
export interface DeploymentCounts {
  id: string
  status: string
  taskDefinition: string
  desired: number
  pending: number
  running: number
  failed: number
  rolloutState?: string
}

/** A CodeDeploy lifecycle event changed status. */
export interface LifecycleEventChange {
  name: string
  status: string
  at?: Date
  /** The hook function bound to this event, when there is one. */
  hookFunction?: string
  diagnostics?: string
}

/** A lifecycle hook of an ECS-native deployment changed status. */
export interface HookChange {
  hookId: string
  /** AWS_LAMBDA or PAUSE. */
  targetType: string
  /** The Lambda function's name (Lambda hooks only). */
  functionName?: string
  /** The stage the hook runs at, as far as berth saw it. */
  stage?: string
  /** AWAITING_ACTION, IN_PROGRESS, SUCCEEDED, FAILED or TIMED_OUT. */
  status: string
  expiresAt?: Date
}

/** The `deployment-status` berth reports once traffic has fully shifted and CodeDeploy waits to remove blue. */
export const TERMINATION_WAIT = 'TerminationWait'

/** Progress of a run, in order. Deploy code emits these; reporters decide how they look. */
export type ProgressEvent =
  | { type: 'stage-started'; stage: Stage; title: string }
  | { type: 'stage-ended'; stage: Stage }
  | { type: 'info'; message: string }
  | { type: 'warning'; message: string; file?: string; line?: number }
  | { type: 'debug'; message: string }
  /** One AWS call, as it ended: shown with `--verbose` (and `RUNNER_DEBUG=1` in the Action). */
  | { type: 'aws-call'; service: string; operation: string; ms: number; attempts: number; error?: string }
  | { type: 'diff'; text: string; from?: string; to?: string }
  /** The rendered task definition: printed when `path` is absent, written there otherwise. */
  | { type: 'rendered'; taskDefinition: Record<string, unknown>; path?: string }
  | { type: 'registered'; taskDefinitionArn: string; reused: boolean }
  | { type: 'plan'; actions: string[] }
  | { type: 'deregistered'; taskDefinitionArns: string[] }
  /** A poll failed with a throttling or transient error; the watch goes on after `delayMs`. */
  | { type: 'retrying'; error: string; delayMs: number }
  | { type: 'artifacts-written'; paths: string[] }
  | { type: 'deployment-started'; deploymentId: string; taskDefinitionArn: string; strategy: string }
  | { type: 'tasks-changed'; deployments: DeploymentCounts[] }
  | { type: 'service-event'; at: Date; message: string }
  | { type: 'lifecycle-event'; event: LifecycleEventChange }
  /** Production traffic on blue and green, in percent; ECS-native deployments also give the test traffic's split. */
  | { type: 'traffic-shifted'; blue: number; green: number; test?: { blue: number; green: number }; at?: Date }
  /** An ECS-native deployment entered a lifecycle stage; `bakeMinutes` when the stage is a bake. */
  | { type: 'stage-changed'; stage: string; at?: Date; bakeMinutes?: number }
  | { type: 'hook-changed'; hook: HookChange; at?: Date }
  /** The deployment circuit breaker's own count, as the service deployment shows it. */
  | { type: 'circuit-breaker'; failureCount: number; threshold: number; status: string }
  | { type: 'deployment-status'; status: string; at?: Date }
  | { type: 'rollback-started'; reason: string; taskDefinitionArn?: string }
  /** A one-off task (berth run-task, --before-deploy) was started with RunTask. */
  | { type: 'task-started'; taskArn: string; taskDefinitionArn: string; cluster: string; startedBy: string }
  /** A line the one-off task's container wrote to its CloudWatch log stream, as it arrived. */
  | { type: 'task-log'; container: string; message: string; at?: Date }
  /** The one-off task stopped; `exitCode` is that of the container whose exit code counts. */
  | {
      type: 'task-stopped'
      taskArn: string
      stopCode?: string
      stoppedReason?: string
      container?: string
      exitCode?: number
    }
  | { type: 'verdict'; result: RunResult }
  /** A run over several services: one service's own progress (its verdict too), told apart by its name. */
  | { type: 'service-progress'; service: string; event: ProgressEvent }
  /** A run over several services: this service's progress so far is complete (its deployment, or its rollback). */
  | { type: 'service-ended'; service: string }

export type ProgressEventType = ProgressEvent['type']

/** Renders progress. Deploy code never formats output itself; it hands events to a Reporter. */
export interface Reporter {
  emit(event: ProgressEvent): void
  /** Flush whatever is buffered (summary files, JSON line). */
  close?(): Promise<void>
}

/** Sends every event to several reporters, in order. */
export function fanOut(...reporters: Reporter[]): Reporter {
  return {
    emit: (event) => reporters.forEach((reporter) => reporter.emit(event)),
    close: async () => {
      for (const reporter of reporters) await reporter.close?.()
    },
  }
}

/** Collects events; used by tests and by reporters that render at the end. */
export function recorder(): Reporter & { events: ProgressEvent[] } {
  const events: ProgressEvent[] = []
  return { events, emit: (event) => events.push(event) }
}
