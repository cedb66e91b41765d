import type {
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  TaskDefinition,
  TaskOverride,
} from '@aws-sdk/client-ecs'
import type { Behavior } from '../scenario/types.js'
import type { Timer } from './clock.js'

/** An SDK shape as it travels on the wire: timestamps are epoch numbers, not Dates. */
export type Wire<T> = T extends Date
  ? number
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T

export type ServiceId = 'ecs' | 'ecr' | 'logs' | 'codedeploy'

export interface CallRecord {
  at: number
  service: ServiceId | 'unknown'
  operation: string
  status: number
  error: string | null
  request: unknown
  /** With `faults.latency`: the real-time milliseconds the answer was held back. */
  delayMs?: number
}

export interface Invocation {
  at: number
  function: string
  payload: Record<string, unknown>
}

export type TaskDefinitionRecord = Wire<TaskDefinition> & {
  family: string
  revision: number
  taskDefinitionArn: string
}

export interface FamilyRecord {
  revisions: TaskDefinitionRecord[]
  lastRevision: number
}

export interface ClusterState {
  name: string
  arn: string
  status: 'ACTIVE' | 'INACTIVE'
  services: Map<string, ServiceState>
}

export type DeploymentStatus = 'PRIMARY' | 'ACTIVE' | 'DRAINING' | 'INACTIVE'

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED'

/**
 * One ECS deployment (ECS controller) or task set (CODE_DEPLOY / EXTERNAL controllers): a task definition and how
 * many tasks of it the service scheduler keeps.
 */
export interface DeploymentState {
  id: string
  status: DeploymentStatus
  taskDefinitionArn: string
  desiredCount: number
  failedTasks: number
  createdAt: number
  updatedAt: number
  rolloutState: RolloutState
  rolloutStateReason: string
  /** The circuit breaker still counts failures (stops once a task proved healthy, with resetOnHealthyTask). */
  evaluating: boolean
  launchType?: string
  platformVersion?: string
  networkConfiguration?: NetworkConfiguration
  /** Task-set fields (CODE_DEPLOY / EXTERNAL controllers). */
  taskSet?: TaskSetState
  /** The service revision this deployment runs (`…:service-revision/<cluster>/<service>/<digits of the id>`). */
  revisionArn: string
  /** Target groups its tasks register in, when not the service's (ECS-native green uses the alternate ones). */
  loadBalancers?: LoadBalancer[]
}

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOP_REQUESTED'
  | 'STOPPED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED'

/** The stages of an ECS-native deployment, in order (aws-facts-ecs-native.md §2). */
export const NATIVE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const

export type NativeStage = (typeof NATIVE_STAGES)[number]

export type HookStatus = 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT'

/** One run of a lifecycle hook at one stage (a linear or canary deployment runs its traffic-shift hooks per step). */
export interface HookRun {
  hookId: string
  targetType: 'AWS_LAMBDA' | 'PAUSE'
  targetArn?: string
  stage: NativeStage
  status: HookStatus
  /** Emulated epoch ms. */
  expiresAt: number
  timeoutAction: 'ROLLBACK' | 'CONTINUE'
  /** What the function returned last with IN_PROGRESS, sent with the next invocation. */
  hookDetails?: unknown
  invocations: number
}

/**
 * One service deployment (ListServiceDeployments): ECS keeps one for every deployment of an ECS-controller service,
 * rolling or native; a native one also carries its stage, traffic weights and hook runs.
 */
export interface ServiceDeploymentState {
  arn: string
  serviceArn: string
  clusterArn: string
  createdAt: number
  startedAt?: number
  finishedAt?: number
  stoppedAt?: number
  updatedAt: number
  status: ServiceDeploymentStatus
  statusReason?: string
  target: DeploymentState
  sources: DeploymentState[]
  /** The deployment a rollback returns to. */
  rollbackTo?: DeploymentState
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string }
  lifecycleStage?: NativeStage
  /** Green's share of production and test traffic, in percent. */
  productionWeight: number
  testWeight: number
  hooks: HookRun[]
  deploymentConfiguration: DeploymentConfiguration
  breakerStatus: 'DISABLED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'TRIGGERED'
  timers: Timer[]
}

export interface TaskSetState {
  arn: string
  /** Percent of the service's desiredCount this task set runs. */
  scale: number
  externalId?: string
  /** Share of production traffic routed to this task set (CodeDeploy's trafficWeight), 0-100. */
  trafficWeight: number
  loadBalancers: LoadBalancer[]
}

export interface ServiceEventRecord {
  id: string
  createdAt: number
  message: string
}

export interface ServiceState {
  name: string
  arn: string
  clusterName: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  controller: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  desiredCount: number
  taskDefinitionArn?: string
  launchType?: string
  platformVersion?: string
  loadBalancers: LoadBalancer[]
  networkConfiguration?: NetworkConfiguration
  healthCheckGracePeriodSeconds?: number
  deploymentConfiguration: DeploymentConfiguration
  placementConstraints: PlacementConstraint[]
  placementStrategy: PlacementStrategy[]
  schedulingStrategy: string
  propagateTags: string
  enableECSManagedTags: boolean
  enableExecuteCommand: boolean
  roleArn?: string
  createdAt: number
  createdBy: string
  /** Newest first, at most 100. */
  events: ServiceEventRecord[]
  /** Deployments (or task sets) still listed: PRIMARY first. */
  deployments: DeploymentState[]
  /** Every deployment ever made, oldest first: the circuit breaker rolls back to the latest COMPLETED one. */
  history: DeploymentState[]
  /** Service deployments, oldest first (ECS controller only). */
  serviceDeployments: ServiceDeploymentState[]
  steady: boolean
  throttle: { failures: number; nextLaunchAt: number; announcedAt: number }
}

export type TaskLastStatus =
  'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED'

export interface ContainerState {
  name: string
  image: string
  imageDigest?: string
  runtimeId: string
  essential: boolean
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED'
  exitCode?: number
  reason?: string
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'
  hasHealthCheck: boolean
  /** The container health check's probe timing (task definition `healthCheck`, ECS defaults filled in), if any. */
  healthCheck?: { intervalSeconds: number; retries: number; startPeriodSeconds: number }
  /** What the image does; undefined when the image cannot be pulled. */
  behavior?: Behavior
  pullError?: string
  cpu: string
  memory?: string
  memoryReservation?: string
  ports: number[]
  logGroup?: string
  logStream?: string
}

export interface TaskState {
  id: string
  arn: string
  clusterName: string
  serviceName?: string
  deploymentId?: string
  group: string
  startedBy?: string
  taskDefinitionArn: string
  family: string
  lastStatus: TaskLastStatus
  desiredStatus: 'RUNNING' | 'STOPPED'
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'
  createdAt: number
  connectivityAt?: number
  pullStartedAt?: number
  pullStoppedAt?: number
  startedAt?: number
  stoppingAt?: number
  executionStoppedAt?: number
  stoppedAt?: number
  stopCode?: string
  stoppedReason?: string
  containers: ContainerState[]
  launchType: string
  platformVersion?: string
  cpu?: string
  memory?: string
  overrides: TaskOverride
  version: number
  availabilityZone: string
  privateIp: string
  /** Target groups the task is registered in. */
  targets: LoadBalancer[]
  /** Counts toward minimumHealthyPercent: RUNNING and passing its load balancer / container health checks. */
  inService: boolean
  /** Passed its health checks (or, with none, stayed up a settle time): its later death is not a start failure. */
  proven: boolean
  timers: Timer[]
}

export interface ImageRecord {
  digest: string
  tags: string[]
  sizeInBytes: number
  pushedAt: number
  mediaType: string
  behavior: Behavior
  /** What the image does when its container runs one of these commands (words joined by blanks). */
  commands?: Record<string, Behavior>
}

export interface RepositoryState {
  name: string
  arn: string
  uri: string
  createdAt: number
  images: ImageRecord[]
}

export interface LogEventRecord {
  timestamp: number
  ingestionTime: number
  message: string
  eventId: string
}

export interface LogStreamState {
  name: string
  createdAt: number
  events: LogEventRecord[]
}

export interface LogGroupState {
  name: string
  arn: string
  createdAt: number
  streams: Map<string, LogStreamState>
}

/** Listeners the ECS service scheduler registers so task lifecycle code stays ignorant of deployments. */
export interface TaskListener {
  onRunning(task: TaskState): void
  onProven(task: TaskState): void
  /** The task will stop without the scheduler having asked; `startFailure` when it never counted as healthy. */
  onFailed(task: TaskState, kind: 'start' | 'health' | 'exit'): void
  onStopped(task: TaskState): void
}
