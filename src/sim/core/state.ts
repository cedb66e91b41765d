import type { Tag } from '@aws-sdk/client-ecs'
import type { Behavior, Faults, Scenario, Timing } from '../scenario/types.js'
import type { Clock, Timer } from './clock.js'
import { AwsError } from './errors.js'
import { epochSeconds, nameFromArn, parseEcrUri, syntheticDigest } from './ids.js'
import { sfc32 } from './rng.js'
import type {
  CallRecord,
  ClusterState,
  FamilyRecord,
  Invocation,
  LogGroupState,
  RepositoryState,
  ServiceState,
  TaskListener,
  TaskState,
} from './types.js'

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

  /** Now in epoch seconds, with milliseconds at most (as AWS's timestamps). */
  nowSeconds(): number {
    return epochSeconds(this.clock.now())
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

  /**
   * The resource name in a name or ARN (the part after `marker`); undefined for an ARN of another region or account,
   * which names nothing here (AWS would not find it in this region and account either).
   */
  localName(ref: string, marker: string): string | undefined {
    return this.isForeign(ref) ? undefined : nameFromArn(ref, marker)
  }

  /** An ARN of another region or account. */
  isForeign(ref: string): boolean {
    const match = /^arn:[^:]*:[^:]*:([^:]*):([^:]*):/.exec(ref)
    return match !== null && (match[1] !== this.region || match[2] !== this.account)
  }

  /** Looks a cluster up by name or ARN; a missing cluster is ClusterNotFoundException. */
  cluster(ref: string | undefined): ClusterState {
    const name = this.localName(ref ?? 'default', 'cluster/')
    const cluster = name === undefined ? undefined : this.clusters.get(name)
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

  /** What a container of `uri` does, running `command` (an ECR image may behave differently per command). */
  behaviorOfImage(uri: string, command?: string[]): { behavior?: Behavior; digest?: string; pullError?: string } {
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
    const byCommand = command && image.commands?.[command.join(' ')]
    return { behavior: byCommand || image.behavior, digest: image.digest }
  }

  recordCall(record: CallRecord): void {
    this.calls.push(record)
  }

  private logEventId(timestamp: number): string {
    return `${timestamp}`.padStart(20, '0') + this.hex(36).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))
  }
}
