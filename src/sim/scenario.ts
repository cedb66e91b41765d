import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument, type Document } from 'yaml'
import type {
  CreateServiceRequest,
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  RegisterTaskDefinitionRequest,
  Tag,
} from '@aws-sdk/client-ecs'
import { UserError } from '../errors.js'

/** What the containers of an image do when a task runs them (sim-scenario.md "Image behaviours"). */
export type BehaviorKind = 'healthy' | 'crash' | 'unhealthy' | 'oom' | 'secrets-error'

export interface Behavior {
  kind: BehaviorKind
  /** Emulated seconds from launch to RUNNING. */
  startSeconds: number
  /** crash/oom: emulated seconds the container runs before it exits. */
  afterSeconds: number
  /** crash: the essential container's exit code (oom: always 137). */
  exitCode: number
  /** Lines the container writes to its awslogs stream: at start for healthy/unhealthy, before the exit for crash/oom. */
  logs: string[]
}

export interface ImageSpec {
  tag?: string
  digest?: string
  sizeInBytes?: number
  pushedAt?: number
  mediaType?: string
  behavior: Behavior
}

export interface RepositorySpec {
  name: string
  createdAt?: number
  images: ImageSpec[]
}

/** A service to create at start: a CreateService input whose `serviceName` may be given as `name`. */
export interface ServiceSpec extends Omit<CreateServiceRequest, 'serviceName' | 'cluster' | 'deploymentController'> {
  name: string
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  loadBalancers?: LoadBalancer[]
  deploymentConfiguration?: DeploymentConfiguration
  networkConfiguration?: NetworkConfiguration
  tags?: Tag[]
}

export interface ClusterSpec {
  name: string
  services: ServiceSpec[]
}

export interface DeploymentGroupSpec {
  name: string
  /** `cluster/service` of a CODE_DEPLOY service. */
  service: string
  deploymentConfigName?: string
  autoRollback?: boolean
  targetGroups?: string[]
  testListener?: boolean
  terminationWaitMinutes?: number
  [key: string]: unknown
}

export interface CodeDeployApplicationSpec {
  name: string
  deploymentGroups: DeploymentGroupSpec[]
}

export interface LambdaSpec {
  result: 'Succeeded' | 'Failed' | 'external'
  afterSeconds?: number
}

/** Emulated durations the real services decide for themselves; defaults follow AWS's defaults. */
export interface Timing {
  /**
   * After RUNNING, how long until a load balancer target gives its verdict. Container health checks follow their task
   * definition's `healthCheck` (interval, retries, startPeriod; ECS defaults 30, 3, 0) instead.
   */
  healthCheckSeconds: number
  /** Target group deregistration delay: how long a stopping load-balanced task drains. AWS default 300. */
  deregistrationDelaySeconds: number
  /** From STOPPING to STOPPED. */
  stopSeconds: number
  /**
   * With neither a load balancer nor a container health check, how long a RUNNING task must stay up before ECS counts
   * it as healthy (its later exit is no start failure; the deployment may complete), or the service's
   * healthCheckGracePeriodSeconds if longer. AWS documents no such duration (aws-facts.md §3: "a short settle time");
   * the default of 30 s is unverified.
   */
  settleSeconds: number
}

export interface Faults {
  throttleRate: number
  errorRate: number
  /** Per operation, how many of its first calls are carried out and then lose their response (the connection drops). */
  lostResponses: Record<string, number>
  /**
   * Per operation, how many of its first calls are accepted and never answered (the connection stays open until the
   * client gives up or the server closes); a stalled call is not carried out.
   */
  stalls: Record<string, number>
  /** Each answer is delayed by a seeded random real-time delay in [minMs, maxMs]. */
  latency?: { minMs: number; maxMs: number }
}

export interface Scenario {
  region: string
  account: string
  /** Emulated epoch ms the clock starts at (default: now). */
  startTime?: number
  ecr: { repositories: RepositorySpec[] }
  images: Record<string, Behavior>
  taskDefinitions: RegisterTaskDefinitionRequest[]
  clusters: ClusterSpec[]
  codedeploy: { applications: CodeDeployApplicationSpec[] }
  lambdas: Record<string, LambdaSpec>
  faults: Faults
  timing: Timing
}

/** A behaviour as written in a scenario: a name, `{ crash: { exitCode, afterSeconds } }`, or already normalized. */
export type BehaviorInput = BehaviorKind | { [K in BehaviorKind]?: Partial<Omit<Behavior, 'kind'>> | null } | Behavior

/** A scenario as written (file or object): every key optional, behaviours in their short forms. */
export interface ScenarioInput {
  region?: string
  account?: string
  startTime?: number | string
  ecr?: {
    repositories?: {
      name: string
      createdAt?: number | string
      images?: {
        tag?: string
        digest?: string
        sizeInBytes?: number
        pushedAt?: number | string
        mediaType?: string
        behavior?: BehaviorInput
      }[]
    }[]
  }
  images?: Record<string, BehaviorInput>
  taskDefinitions?: RegisterTaskDefinitionRequest[]
  clusters?: { name: string; services?: ServiceSpec[] }[]
  codedeploy?: { applications?: CodeDeployApplicationSpec[] }
  lambdas?: Record<string, LambdaSpec>
  faults?: Partial<Faults>
  timing?: Partial<Timing>
}

/** No injected faults. */
export function noFaults(): Faults {
  return { throttleRate: 0, errorRate: 0, lostResponses: {}, stalls: {} }
}

export const DEFAULT_TIMING: Timing = {
  healthCheckSeconds: 10,
  deregistrationDelaySeconds: 300,
  stopSeconds: 5,
  settleSeconds: 30,
}
const DEFAULT_START_SECONDS = 10

type Path = (string | number)[]

/** Reads and validates a scenario file (YAML or JSON). Errors are UserErrors naming the file, line and key. */
export function loadScenario(file: string): Scenario {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UserError(`--scenario: cannot read ${file}: ${(error as Error).message}`, { file })
  }
  return parseScenario(text, file)
}

/** Parses scenario text; `file` is only used in messages. */
export function parseScenario(text: string, file = 'scenario'): Scenario {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const line = lineCounter.linePos(error.pos[0]).line
    throw new UserError(`${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, { file, line })
  }
  return new ScenarioReader(doc, lineCounter, file).read(doc.toJS() ?? {})
}

/** Validates an already parsed scenario object (for tests and programmatic use). */
export function validateScenario(value: ScenarioInput | Scenario | unknown, file = 'scenario'): Scenario {
  return new ScenarioReader(undefined, undefined, file).read(value)
}

const TOP_KEYS = [
  'region',
  'account',
  'startTime',
  'ecr',
  'images',
  'taskDefinitions',
  'clusters',
  'codedeploy',
  'lambdas',
  'faults',
  'timing',
]

const SERVICE_KEYS = [
  'name',
  'serviceName',
  'taskDefinition',
  'desiredCount',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'deploymentController',
  'deploymentConfiguration',
  'loadBalancers',
  'serviceRegistries',
  'networkConfiguration',
  'healthCheckGracePeriodSeconds',
  'schedulingStrategy',
  'placementConstraints',
  'placementStrategy',
  'tags',
  'enableECSManagedTags',
  'propagateTags',
  'enableExecuteCommand',
  'role',
  'availabilityZoneRebalancing',
]

class ScenarioReader {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
    private readonly file: string,
  ) {}

  read(root: unknown): Scenario {
    const top = this.object(root, [])
    this.onlyKeys(top, TOP_KEYS, [])
    const account = top.account === undefined ? '123456789012' : String(this.scalar(top.account, ['account']))
    if (!/^\d{12}$/.test(account)) this.fail(['account'], `must be 12 digits, got ${JSON.stringify(account)}`)
    const region = top.region === undefined ? 'us-east-1' : this.string(top.region, ['region'])
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) this.fail(['region'], `is not a region name: ${region}`)
    return {
      region,
      account,
      startTime: top.startTime === undefined ? undefined : this.time(top.startTime, ['startTime']),
      ecr: this.ecr(top.ecr),
      images: this.images(top.images),
      taskDefinitions: this.array(top.taskDefinitions, ['taskDefinitions']).map((item, i) =>
        this.taskDefinition(item, ['taskDefinitions', i]),
      ),
      clusters: this.array(top.clusters, ['clusters']).map((item, i) => this.cluster(item, ['clusters', i])),
      codedeploy: this.codedeploy(top.codedeploy),
      lambdas: this.lambdas(top.lambdas),
      faults: this.faults(top.faults),
      timing: this.timing(top.timing),
    }
  }

  private ecr(value: unknown): Scenario['ecr'] {
    if (value === undefined || value === null) return { repositories: [] }
    const ecr = this.object(value, ['ecr'])
    this.onlyKeys(ecr, ['repositories'], ['ecr'])
    const repositories = this.array(ecr.repositories, ['ecr', 'repositories']).map((item, i) => {
      const path = ['ecr', 'repositories', i]
      const repo = this.object(item, path)
      this.onlyKeys(repo, ['name', 'images', 'createdAt'], path)
      const name = this.string(repo.name, [...path, 'name'])
      if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name) || name.length < 2) {
        this.fail([...path, 'name'], `is not a valid ECR repository name (lower-case, 2-256 chars): ${name}`)
      }
      const images = this.array(repo.images, [...path, 'images']).map((image, j) =>
        this.image(image, [...path, 'images', j]),
      )
      const createdAt = repo.createdAt === undefined ? undefined : this.time(repo.createdAt, [...path, 'createdAt'])
      return { name, images, createdAt }
    })
    return { repositories }
  }

  private image(value: unknown, path: Path): ImageSpec {
    const image = this.object(value, path)
    this.onlyKeys(image, ['tag', 'digest', 'sizeInBytes', 'pushedAt', 'mediaType', 'behavior'], path)
    const tag = image.tag === undefined ? undefined : String(this.scalar(image.tag, [...path, 'tag']))
    const digest = image.digest === undefined ? undefined : this.string(image.digest, [...path, 'digest'])
    if (tag === undefined && digest === undefined) this.fail(path, 'needs a tag or a digest')
    if (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
      this.fail([...path, 'digest'], `must be sha256:<64 hex>, got ${digest}`)
    }
    return {
      tag,
      digest,
      sizeInBytes:
        image.sizeInBytes === undefined ? undefined : this.int(image.sizeInBytes, [...path, 'sizeInBytes'], 0),
      pushedAt: image.pushedAt === undefined ? undefined : this.time(image.pushedAt, [...path, 'pushedAt']),
      mediaType: image.mediaType === undefined ? undefined : this.string(image.mediaType, [...path, 'mediaType']),
      behavior: this.behavior(image.behavior, [...path, 'behavior']),
    }
  }

  private images(value: unknown): Record<string, Behavior> {
    if (value === undefined || value === null) return {}
    const images = this.object(value, ['images'])
    return Object.fromEntries(Object.entries(images).map(([uri, b]) => [uri, this.behavior(b, ['images', uri])]))
  }

  behavior(value: unknown, path: Path): Behavior {
    const base = (kind: BehaviorKind): Behavior => ({
      kind,
      startSeconds: DEFAULT_START_SECONDS,
      afterSeconds: 0,
      exitCode: 0,
      logs: [],
    })
    if (value === undefined || value === null) return base('healthy')
    const kinds: BehaviorKind[] = ['healthy', 'crash', 'unhealthy', 'oom', 'secrets-error']
    const accepted = `one of ${kinds.join(', ')} or { crash: { exitCode, afterSeconds } }, { oom: { afterSeconds } }`
    if (typeof value === 'string') {
      if (!kinds.includes(value as BehaviorKind))
        this.fail(path, `unknown behavior ${JSON.stringify(value)}; use ${accepted}`)
      if (value === 'crash') return { ...base('crash'), exitCode: 1, afterSeconds: 5 }
      if (value === 'oom') return { ...base('oom'), exitCode: 137, afterSeconds: 5 }
      return base(value as BehaviorKind)
    }
    const object = this.object(value, path)
    if (typeof object.kind === 'string' && kinds.includes(object.kind as BehaviorKind))
      return { ...base('healthy'), ...object } as Behavior
    const keys = Object.keys(object)
    if (keys.length !== 1 || !kinds.includes(keys[0] as BehaviorKind)) {
      this.fail(path, `must be ${accepted}; got keys ${keys.join(', ') || '(none)'}`)
    }
    const kind = keys[0] as BehaviorKind
    const innerPath = [...path, kind]
    const inner = object[kind] === null ? {} : this.object(object[kind], innerPath)
    this.onlyKeys(inner, ['startSeconds', 'afterSeconds', 'exitCode', 'logs'], innerPath)
    const behavior = base(kind)
    if (kind === 'crash') Object.assign(behavior, { exitCode: 1, afterSeconds: 5 })
    if (kind === 'oom') Object.assign(behavior, { exitCode: 137, afterSeconds: 5 })
    if (inner.startSeconds !== undefined)
      behavior.startSeconds = this.number(inner.startSeconds, [...innerPath, 'startSeconds'], 0)
    if (inner.afterSeconds !== undefined)
      behavior.afterSeconds = this.number(inner.afterSeconds, [...innerPath, 'afterSeconds'], 0)
    if (inner.exitCode !== undefined) {
      if (kind !== 'crash') this.fail([...innerPath, 'exitCode'], `is only accepted for crash`)
      behavior.exitCode = this.int(inner.exitCode, [...innerPath, 'exitCode'], 0)
    }
    if (inner.logs !== undefined) {
      behavior.logs = this.array(inner.logs, [...innerPath, 'logs']).map((line, i) =>
        String(this.scalar(line, [...innerPath, 'logs', i])),
      )
    }
    return behavior
  }

  private taskDefinition(value: unknown, path: Path): RegisterTaskDefinitionRequest {
    const td = this.object(value, path)
    this.string(td.family, [...path, 'family'])
    const containers = this.array(td.containerDefinitions, [...path, 'containerDefinitions'])
    if (containers.length === 0) this.fail([...path, 'containerDefinitions'], 'needs at least one container')
    containers.forEach((c, i) => {
      const container = this.object(c, [...path, 'containerDefinitions', i])
      this.string(container.name, [...path, 'containerDefinitions', i, 'name'])
      this.string(container.image, [...path, 'containerDefinitions', i, 'image'])
    })
    for (const key of ['cpu', 'memory'] as const) {
      if (typeof td[key] === 'number') td[key] = String(td[key])
    }
    return td as unknown as RegisterTaskDefinitionRequest
  }

  private cluster(value: unknown, path: Path): ClusterSpec {
    const cluster = this.object(value, path)
    this.onlyKeys(cluster, ['name', 'services'], path)
    const name = this.string(cluster.name, [...path, 'name'])
    const services = this.array(cluster.services, [...path, 'services']).map((item, i) =>
      this.service(item, [...path, 'services', i]),
    )
    return { name, services }
  }

  private service(value: unknown, path: Path): ServiceSpec {
    const service = this.object(value, path)
    this.onlyKeys(service, SERVICE_KEYS, path)
    const name = this.string(service.name ?? service.serviceName, [...path, 'name'])
    const spec = { ...service, name } as Record<string, unknown>
    delete spec.serviceName
    if (service.desiredCount !== undefined)
      spec.desiredCount = this.int(service.desiredCount, [...path, 'desiredCount'], 0)
    if (service.taskDefinition !== undefined) this.string(service.taskDefinition, [...path, 'taskDefinition'])
    const controller = service.deploymentController
    if (controller !== undefined) {
      const type =
        typeof controller === 'object' && controller !== null ? (controller as { type?: unknown }).type : controller
      if (type !== 'ECS' && type !== 'CODE_DEPLOY' && type !== 'EXTERNAL') {
        this.fail(
          [...path, 'deploymentController'],
          `must be ECS, CODE_DEPLOY or EXTERNAL, got ${JSON.stringify(type)}`,
        )
      }
      spec.deploymentController = type
    }
    if (service.deploymentConfiguration !== undefined) {
      const config = this.object(service.deploymentConfiguration, [...path, 'deploymentConfiguration'])
      for (const key of ['maximumPercent', 'minimumHealthyPercent']) {
        if (config[key] !== undefined) this.int(config[key], [...path, 'deploymentConfiguration', key], 0)
      }
    }
    if (service.loadBalancers !== undefined) {
      this.array(service.loadBalancers, [...path, 'loadBalancers']).forEach((lb, i) => {
        const lbPath = [...path, 'loadBalancers', i]
        const object = this.object(lb, lbPath)
        this.string(object.containerName, [...lbPath, 'containerName'])
        this.int(object.containerPort, [...lbPath, 'containerPort'], 0)
      })
    }
    return spec as unknown as ServiceSpec
  }

  private codedeploy(value: unknown): Scenario['codedeploy'] {
    if (value === undefined || value === null) return { applications: [] }
    const codedeploy = this.object(value, ['codedeploy'])
    this.onlyKeys(codedeploy, ['applications'], ['codedeploy'])
    const applications = this.array(codedeploy.applications, ['codedeploy', 'applications']).map((item, i) => {
      const path = ['codedeploy', 'applications', i]
      const app = this.object(item, path)
      this.onlyKeys(app, ['name', 'deploymentGroups'], path)
      const deploymentGroups = this.array(app.deploymentGroups, [...path, 'deploymentGroups']).map((g, j) => {
        const groupPath = [...path, 'deploymentGroups', j]
        const group = this.object(g, groupPath)
        const service = this.string(group.service, [...groupPath, 'service'])
        if (!/^[^/]+\/[^/]+$/.test(service))
          this.fail([...groupPath, 'service'], `must be cluster/service, got ${service}`)
        return { ...group, name: this.string(group.name, [...groupPath, 'name']), service } as DeploymentGroupSpec
      })
      return { name: this.string(app.name, [...path, 'name']), deploymentGroups }
    })
    return { applications }
  }

  private lambdas(value: unknown): Record<string, LambdaSpec> {
    if (value === undefined || value === null) return {}
    const lambdas = this.object(value, ['lambdas'])
    return Object.fromEntries(
      Object.entries(lambdas).map(([name, spec]) => {
        const path = ['lambdas', name]
        const lambda = this.object(spec, path)
        this.onlyKeys(lambda, ['result', 'afterSeconds'], path)
        if (lambda.result !== 'Succeeded' && lambda.result !== 'Failed' && lambda.result !== 'external') {
          this.fail([...path, 'result'], `must be Succeeded, Failed or external, got ${JSON.stringify(lambda.result)}`)
        }
        const afterSeconds =
          lambda.afterSeconds === undefined ? undefined : this.number(lambda.afterSeconds, [...path, 'afterSeconds'], 0)
        return [name, { result: lambda.result, afterSeconds }]
      }),
    )
  }

  private faults(value: unknown): Faults {
    if (value === undefined || value === null) return noFaults()
    const faults = this.object(value, ['faults'])
    this.onlyKeys(faults, ['throttleRate', 'errorRate', 'lostResponses', 'stalls', 'latency'], ['faults'])
    const rate = (key: 'throttleRate' | 'errorRate'): number => {
      if (faults[key] === undefined) return 0
      const n = this.number(faults[key], ['faults', key], 0)
      if (n > 1) this.fail(['faults', key], `must be a fraction between 0 and 1, got ${n}`)
      return n
    }
    const throttleRate = rate('throttleRate')
    const errorRate = rate('errorRate')
    if (throttleRate + errorRate > 1) this.fail(['faults'], 'throttleRate + errorRate must not exceed 1')
    return {
      throttleRate,
      errorRate,
      lostResponses: this.callCounts(faults.lostResponses, ['faults', 'lostResponses']),
      stalls: this.callCounts(faults.stalls, ['faults', 'stalls']),
      latency: faults.latency === undefined || faults.latency === null ? undefined : this.latency(faults.latency),
    }
  }

  /** `{Operation: N}`: how many of an operation's first calls a fault applies to. */
  private callCounts(value: unknown, path: Path): Record<string, number> {
    if (value === undefined || value === null) return {}
    const counts = this.object(value, path)
    return Object.fromEntries(
      Object.entries(counts).map(([operation, count]) => {
        if (!/^[A-Z][A-Za-z0-9]*$/.test(operation)) {
          this.fail([...path, operation], 'is not an operation name (e.g. UpdateService)')
        }
        return [operation, this.int(count, [...path, operation], 0)]
      }),
    )
  }

  private latency(value: unknown): { minMs: number; maxMs: number } {
    const path = ['faults', 'latency']
    const latency = this.object(value, path)
    this.onlyKeys(latency, ['minMs', 'maxMs'], path)
    const minMs = latency.minMs === undefined ? 0 : this.number(latency.minMs, [...path, 'minMs'], 0)
    const maxMs = latency.maxMs === undefined ? minMs : this.number(latency.maxMs, [...path, 'maxMs'], 0)
    if (maxMs < minMs) this.fail([...path, 'maxMs'], `must be >= minMs (${minMs}), got ${maxMs}`)
    return { minMs, maxMs }
  }

  private timing(value: unknown): Timing {
    if (value === undefined || value === null) return { ...DEFAULT_TIMING }
    const timing = this.object(value, ['timing'])
    const keys = Object.keys(DEFAULT_TIMING) as (keyof Timing)[]
    this.onlyKeys(timing, keys, ['timing'])
    const result = { ...DEFAULT_TIMING }
    for (const key of keys) if (timing[key] !== undefined) result[key] = this.number(timing[key], ['timing', key], 0)
    return result
  }

  private time(value: unknown, path: Path): number {
    if (value instanceof Date) return value.getTime()
    if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value)
    return this.fail(path, `must be an ISO 8601 date or epoch seconds, got ${JSON.stringify(value)}`)
  }

  private object(value: unknown, path: Path): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `must be a mapping, got ${describe(value)}`)
    }
    return value as Record<string, unknown>
  }

  private array(value: unknown, path: Path): unknown[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) this.fail(path, `must be a list, got ${describe(value)}`)
    return value as unknown[]
  }

  private string(value: unknown, path: Path): string {
    if (typeof value !== 'string' || value === '') this.fail(path, `must be a non-empty string, got ${describe(value)}`)
    return value as string
  }

  private scalar(value: unknown, path: Path): string | number | boolean {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      this.fail(path, `must be a string, got ${describe(value)}`)
    }
    return value as string | number | boolean
  }

  private number(value: unknown, path: Path, min: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      this.fail(path, `must be a number >= ${min}, got ${describe(value)}`)
    }
    return value as number
  }

  private int(value: unknown, path: Path, min: number): number {
    if (!Number.isInteger(value) || (value as number) < min)
      this.fail(path, `must be an integer >= ${min}, got ${describe(value)}`)
    return value as number
  }

  private onlyKeys(object: Record<string, unknown>, allowed: string[], path: Path): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.fail([...path, key], `unknown key; accepted keys here: ${allowed.join(', ')}`)
    }
  }

  private fail(path: Path, message: string): never {
    const line = this.lineOf(path)
    const where = line === undefined ? this.file : `${this.file}:${line}`
    const key = path.length === 0 ? '(top level)' : formatPath(path)
    throw new UserError(`${where}: ${key} ${message}`, { file: this.file, line })
  }

  private lineOf(path: Path): number | undefined {
    if (!this.doc || !this.lines) return undefined
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length)
      const node = prefix.length === 0 ? this.doc.contents : this.doc.getIn(prefix, true)
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range
      if (range) return this.lines.linePos(keyOffset(this.doc, prefix) ?? range[0]).line
    }
    return undefined
  }
}

/** The offset of the key naming the last path element (so a bad value is reported on its key's line). */
function keyOffset(doc: Document, path: Path): number | undefined {
  if (path.length === 0) return undefined
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items
  const last = path[path.length - 1]
  const pair = items?.find((item) => item.key && String(item.key.value) === String(last))
  return pair?.key?.range?.[0]
}

function formatPath(path: Path): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`
      if (!/^[A-Za-z0-9_-]+$/.test(part)) return `[${JSON.stringify(part)}]`
      return i === 0 ? part : `.${part}`
    })
    .join('')
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}
