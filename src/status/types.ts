import type { LogExcerpt } from '../verdict.js'

// What `berth status` reads of a service, as plain data: `--json` prints it as it is, formatStatus renders it.
// Times are ISO 8601 strings, so that the object reads the same in JSON and in tests.

/** How the service deploys: berth's driver names, or the controller berth does not drive. */
export type StatusStrategy = 'rolling' | 'codedeploy' | 'ecs-native' | 'external'

/** One ECS deployment (rolling, ECS-native) or task set (CodeDeploy) of the service and its task counts. */
export interface DeploymentRow {
  id: string
  /** PRIMARY, ACTIVE (or a task set's status). */
  status: string
  taskDefinition: string
  desired: number
  running: number
  pending: number
  failed: number
  rolloutState?: string
  rolloutStateReason?: string
  createdAt?: string
}

/** One revision of an ECS service deployment: its task counts and traffic shares. */
export interface RevisionRow {
  role: 'target' | 'source'
  arn: string
  taskDefinition?: string
  requested: number
  running: number
  pending: number
  /** Percent of production / test traffic, once ECS reports weights. */
  production?: number
  test?: number
}

/** A lifecycle hook of a service deployment. */
export interface HookRow {
  hookId: string
  targetType: string
  functionName?: string
  status: string
  expiresAt?: string
  timeoutAction?: string
}

/** The service's current service deployment (ECS controller: rolling and ECS-native). */
export interface ServiceDeploymentStatus {
  arn: string
  status: string
  statusReason?: string
  stage?: string
  revisions: RevisionRow[]
  hooks: HookRow[]
  breaker?: { status: string; failureCount: number; threshold: number }
  rollbackReason?: string
  createdAt?: string
  finishedAt?: string
}

/** The CodeDeploy side of a CODE_DEPLOY service: its group, and the deployment in progress when there is one. */
export interface CodeDeployStatus {
  application?: string
  group?: string
  /** Why berth could not find or read the group (the rest of the status stands). */
  note?: string
  deployment?: {
    id: string
    status: string
    taskDefinition?: string
    createdAt?: string
    lifecycle: { name: string; status: string }[]
    /** Production traffic on the original (blue) and replacement (green) task sets, in percent. */
    traffic?: { blue: number; green: number }
    error?: string
  }
}

/** A stopped task of the current deployment that failed, with what it said. */
export interface FailedTask {
  taskId: string
  taskDefinition: string
  stoppedAt?: string
  stopCode?: string
  stoppedReason?: string
  containers: { name: string; exitCode?: number; reason?: string }[]
}

export interface ServiceStatus {
  cluster: string
  service: string
  strategy: StatusStrategy
  /** The ECS-native strategy (BLUE_GREEN, LINEAR, CANARY) or ROLLING, from deploymentConfiguration. */
  deploymentStrategy?: string
  status: string
  taskDefinition: string
  desiredCount: number
  runningCount: number
  pendingCount: number
  deployments: DeploymentRow[]
  serviceDeployment?: ServiceDeploymentStatus
  codedeploy?: CodeDeployStatus
  /** Failed tasks of the current deployment, newest first (at most a few), and what they add up to. */
  failures: { tasks: FailedTask[]; reasons: string[]; hints: string[]; logs: LogExcerpt[] }
  /** The last service events, oldest first. */
  events: { at?: string; message: string }[]
  /** Commands that act on what is moving now (a PAUSE hook waiting: berth continue). */
  next: string[]
}
