import type {
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Tag,
  TaskDefinition,
  TaskOverride,
} from '@aws-sdk/client-ecs'
import type { Clock, Timer } from './clock.js'
import type { Behavior, Faults, Scenario, Timing } from './scenario.js'

/** An SDK shape as it travels on the wire: timestamps are epoch numbers, not Dates. */
export type Wire<T> = T extends Date
  ? number
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T

/** An error answered as `{"__type": type, "message": message}` with `status`. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

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

/**
 * The emulated account and region: every resource, the clock, the seeded randomness and the logs of calls. Service
 * modules (ecs, ecr, logs, later codedeploy) keep their state here so they can see each other, as the real services
 * do (ECS pulls from ECR and writes to CloudWatch Logs; CodeDeploy drives ECS task sets).
 */
export class World {
  readonly region: string
  readonly account: string
  readonly timing: Timing
  readonly faults: Faults
  readonly images: Record<string, Behavior>
  readonly families = new Map<string, FamilyRecord>()
  readonly clusters = new Map<string, ClusterState>()
  readonly tasks = new Map<string, TaskState>()
  readonly repositories = new Map<string, RepositoryState>()
  readonly logGroups = new Map<string, LogGroupState>()
  readonly resourceTags = new Map<string, Tag[]>()
  readonly calls: CallRecord[] = []
  readonly invocations: Invocation[] = []
  taskListener: TaskListener | undefined
  private readonly random: () => number
  private readonly usedIds = new Set<string>()
  private readonly pendingEvents = new Map<
    string,
    { service: ServiceState; render: (ids: string[]) => string; ids: string[] }
  >()
  private eventFlush: Timer | undefined

  constructor(
    readonly scenario: Scenario,
    readonly clock: Clock,
    readonly seed = 1,
  ) {
    this.region = scenario.region
    this.account = scenario.account
    this.timing = scenario.timing
    this.faults = scenario.faults
    this.images = scenario.images
    this.random = sfc32(seed)
  }

  /** A uniformly distributed number in [0, 1) from the seeded generator. */
  rand(): number {
    return this.random()
  }

  nowSeconds(): number {
    return this.clock.now() / 1000
  }

  hex(length: number): string {
    let out = ''
    while (out.length < length)
      out += Math.floor(this.rand() * 0x100000000)
        .toString(16)
        .padStart(8, '0')
    return out.slice(0, length)
  }

  uuid(): string {
    const h = this.hex(32)
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  }

  /** `ecs-svc/` + 19 digits, as ECS makes them: Long.MAX_VALUE minus the creation time in ms. */
  deploymentId(): string {
    let value = 9223372036854775807n - BigInt(Math.floor(this.clock.now())) - BigInt(Math.floor(this.rand() * 1000))
    while (this.usedIds.has(`ecs-svc/${value}`)) value -= 1n
    const id = `ecs-svc/${value}`
    this.usedIds.add(id)
    return id
  }

  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.region}:${this.account}:${resource}`
  }

  clusterArn(name: string): string {
    return this.arn('ecs', `cluster/${name}`)
  }

  /** Looks a cluster up by name or ARN; a missing cluster is ClusterNotFoundException. */
  cluster(ref: string | undefined): ClusterState {
    const name = nameFromArn(ref ?? 'default', 'cluster/')
    const cluster = this.clusters.get(name)
    if (!cluster || cluster.status !== 'ACTIVE') throw new AwsError('ClusterNotFoundException', 'Cluster not found.')
    return cluster
  }

  serviceTasks(service: ServiceState): TaskState[] {
    return [...this.tasks.values()].filter(
      (t) => t.clusterName === service.clusterName && t.serviceName === service.name,
    )
  }

  /** Adds a service event now; events are kept newest first, at most 100. */
  addEvent(service: ServiceState, message: string): void {
    service.events.unshift({ id: this.uuid(), createdAt: this.nowSeconds(), message })
    if (service.events.length > 100) service.events.length = 100
  }

  /**
   * Collects events of one kind that happen at the same instant into one message, as ECS does
   * ("registered 2 targets in ...", "has stopped 2 running tasks: (task a) (task b).").
   */
  batchEvent(service: ServiceState, key: string, id: string, render: (ids: string[]) => string): void {
    const fullKey = `${service.arn}|${key}`
    const pending = this.pendingEvents.get(fullKey)
    if (pending) pending.ids.push(id)
    else this.pendingEvents.set(fullKey, { service, render, ids: [id] })
    this.eventFlush ??= this.clock.after(0, () => this.flushEvents())
  }

  flushEvents(): void {
    this.eventFlush?.cancel()
    this.eventFlush = undefined
    const pending = [...this.pendingEvents.values()]
    this.pendingEvents.clear()
    for (const { service, render, ids } of pending) this.addEvent(service, render(ids))
  }

  logGroup(name: string): LogGroupState {
    let group = this.logGroups.get(name)
    if (!group) {
      group = { name, arn: this.arn('logs', `log-group:${name}:*`), createdAt: this.clock.now(), streams: new Map() }
      this.logGroups.set(name, group)
    }
    return group
  }

  /** Appends lines to a log stream, creating the group and stream as the awslogs driver does. */
  writeLogs(groupName: string, streamName: string, lines: string[], at = this.clock.now()): void {
    const group = this.logGroup(groupName)
    let stream = group.streams.get(streamName)
    if (!stream) {
      stream = { name: streamName, createdAt: at, events: [] }
      group.streams.set(streamName, stream)
    }
    for (const [i, message] of lines.entries()) {
      const timestamp = Math.floor(at) + i
      stream.events.push({ timestamp, ingestionTime: timestamp + 15, message, eventId: this.logEventId(timestamp) })
    }
  }

  behaviorOfImage(uri: string): { behavior?: Behavior; digest?: string; pullError?: string } {
    const outside = this.images[uri]
    if (outside) return { behavior: outside, digest: syntheticDigest(uri) }
    const ecr = parseEcrUri(uri)
    if (!ecr) return { behavior: undefined, digest: syntheticDigest(uri) }
    const repo =
      ecr.account === this.account && ecr.region === this.region ? this.repositories.get(ecr.repository) : undefined
    const image = repo?.images.find((i) => (ecr.tag ? i.tags.includes(ecr.tag) : i.digest === ecr.digest))
    if (!image) {
      return {
        pullError: `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${uri}: not found`,
      }
    }
    return { behavior: image.behavior, digest: image.digest }
  }

  recordCall(record: CallRecord): void {
    this.calls.push(record)
  }

  private logEventId(timestamp: number): string {
    return `${timestamp}`.padStart(20, '0') + this.hex(36).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))
  }
}

export function nameFromArn(ref: string, marker: string): string {
  if (!ref.startsWith('arn:')) return ref
  const index = ref.indexOf(marker)
  if (index < 0) return ref
  const rest = ref.slice(index + marker.length)
  return rest.split('/').pop() ?? rest
}

export interface EcrUri {
  account: string
  region: string
  repository: string
  tag?: string
  digest?: string
}

export function parseEcrUri(uri: string): EcrUri | undefined {
  const match =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+?)(?::([\w][\w.-]{0,127})|@(sha256:[0-9a-f]{64}))?$/.exec(
      uri,
    )
  if (!match) return undefined
  return {
    account: match[1],
    region: match[2],
    repository: match[3],
    tag: match[5] ? undefined : (match[4] ?? 'latest'),
    digest: match[5],
  }
}

/** A stable fake digest for images the scenario does not describe. */
export function syntheticDigest(text: string): string {
  let out = ''
  let h = 0x811c9dc5
  for (let round = 0; out.length < 64; round++) {
    for (const char of `${round}:${text}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return `sha256:${out.slice(0, 64)}`
}

/** A small, fast seeded PRNG (sfc32), so a run with the same seed gives the same ids and faults. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9
  let b = 0x243f6a88
  let c = 0xb7e15162
  let d = seed >>> 0
  const next = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 15; i++) next()
  return next
}

/** Serves one page of `items` from an opaque token; tokens are base64 offsets, as opaque to clients as AWS's. */
export function page<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  limit: { default: number; max: number },
): { items: T[]; nextToken?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit.max)) {
    throw new AwsError('InvalidParameterException', `maxResults must be between 1 and ${limit.max}.`)
  }
  const size = maxResults ?? limit.default
  let start = 0
  if (nextToken !== undefined && nextToken !== '') {
    const decoded = decodeToken(nextToken)
    if (decoded === undefined) throw new AwsError('InvalidParameterException', 'Invalid nextToken.')
    start = decoded
  }
  const slice = items.slice(start, start + size)
  const end = start + slice.length
  return { items: slice, nextToken: end < items.length ? encodeToken(end) : undefined }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, v: 1 })).toString('base64')
}

function decodeToken(token: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown }
    return Number.isInteger(parsed.o) && (parsed.o as number) >= 0 ? (parsed.o as number) : undefined
  } catch {
    return undefined
  }
}
