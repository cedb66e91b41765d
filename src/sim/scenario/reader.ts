import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs'
import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { SimInputError } from '../core/errors.js'
import { FaultsReader } from './faults.js'
import { formatPath, ScenarioValues } from './values.js'
import {
  DEFAULT_TIMING,
  type Behavior,
  type BehaviorKind,
  type Path,
  type Scenario,
  type ClusterSpec,
  type DeploymentGroupSpec,
  type ImageSpec,
  type LambdaSpec,
  type ScenarioInput,
  type ScenarioSource,
  type ServiceSpec,
  type Timing,
} from './types.js'

const DEFAULT_START_SECONDS = 10

/** What a behaviour written as a bare name (or without its options) does. */
const BEHAVIOR_DEFAULTS: Partial<Record<BehaviorKind, Partial<Behavior>>> = {
  crash: { exitCode: 1, afterSeconds: 5 },
  oom: { exitCode: 137, afterSeconds: 5 },
  exit: { exitCode: 0, afterSeconds: 5 },
}

/** Reads and validates a scenario file (YAML or JSON). Errors are SimInputErrors naming the file, line and key. */
export function loadScenario(file: string): Scenario {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new SimInputError(`--scenario: cannot read ${file}: ${(error as Error).message}`, { file })
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
    throw new SimInputError(`${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, { file, line })
  }
  if (doc.contents === null) {
    throw new SimInputError(
      `${file}: the scenario is empty; describe the world to serve (see docs/sim-scenario.md), or write {} for an empty one.`,
      { file },
    )
  }
  return new ScenarioReader(doc, lineCounter, file).read(doc.toJS())
}

/** Validates an already parsed scenario object (for tests and programmatic use). */
export function validateScenario(value: ScenarioInput | Scenario | unknown, file = 'scenario'): Scenario {
  return new ScenarioReader(undefined, undefined, file).read(value)
}

/**
 * An error about the scenario found after reading it (the world refused it): `file:line: key: message`, the line
 * when the scenario came from a file.
 */
export function scenarioError(scenario: Scenario, path: Path, message: string): SimInputError {
  const file = scenario.source?.file ?? 'scenario'
  const line = scenario.source?.lineOf(path)
  const where = line === undefined ? file : `${file}:${line}`
  return new SimInputError(`${where}: ${formatPath(path)}: ${message}`, { file, line })
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

class ScenarioReader extends ScenarioValues {
  read(root: unknown): Scenario {
    const top = this.object(root, [])
    this.onlyKeys(top, TOP_KEYS, [])
    const account = top.account === undefined ? '123456789012' : String(this.scalar(top.account, ['account']))
    if (!/^\d{12}$/.test(account)) this.fail(['account'], `must be 12 digits, got ${JSON.stringify(account)}`)
    const region = top.region === undefined ? 'us-east-1' : this.string(top.region, ['region'])
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) this.fail(['region'], `is not a region name: ${region}`)
    const taskDefinitions = this.array(top.taskDefinitions, ['taskDefinitions']).map((item, i) =>
      this.taskDefinition(item, ['taskDefinitions', i]),
    )
    const clusters = this.array(top.clusters, ['clusters']).map((item, i) => this.cluster(item, ['clusters', i]))
    this.checkTaskDefinitionRefs(clusters, taskDefinitions)
    const scenario: Scenario = {
      region,
      account,
      startTime: top.startTime === undefined ? undefined : this.time(top.startTime, ['startTime']),
      ecr: this.ecr(top.ecr),
      images: this.images(top.images),
      taskDefinitions,
      clusters,
      codedeploy: this.codedeploy(top.codedeploy),
      lambdas: this.lambdas(top.lambdas),
      faults: new FaultsReader(this.doc, this.lines, this.file).faults(top.faults),
      timing: this.timing(top.timing),
    }
    if (this.doc) {
      const file = this.file
      Object.defineProperty(scenario, 'source', {
        value: { file, lineOf: (path: Path) => this.lineOf(path) } satisfies ScenarioSource,
        enumerable: false,
      })
    }
    return scenario
  }

  /** A service's taskDefinition must name one the scenario registers (family, family:revision or its ARN). */
  private checkTaskDefinitionRefs(clusters: ClusterSpec[], taskDefinitions: RegisterTaskDefinitionRequest[]): void {
    const revisions = new Map<string, number>()
    for (const td of taskDefinitions) revisions.set(td.family!, (revisions.get(td.family!) ?? 0) + 1)
    const registered = [...revisions].flatMap(([family, count]) =>
      Array.from({ length: count }, (_, i) => `${family}:${i + 1}`),
    )
    clusters.forEach((cluster, i) =>
      cluster.services.forEach((service, j) => {
        const ref = service.taskDefinition
        if (ref === undefined) return
        const text = ref.startsWith('arn:') ? ref.replace(/^arn:[^:]*:ecs:[^:]*:[^:]*:task-definition\//, '') : ref
        const [family, revision] = text.split(':')
        const count = revisions.get(family) ?? 0
        if (count > 0 && (revision === undefined || (/^\d+$/.test(revision) && Number(revision) <= count))) return
        this.fail(
          ['clusters', i, 'services', j, 'taskDefinition'],
          `names task definition ${ref}, which the scenario does not register ` +
            `(its taskDefinitions register ${registered.join(', ') || 'none'})`,
        )
      }),
    )
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
    this.onlyKeys(image, ['tag', 'digest', 'sizeInBytes', 'pushedAt', 'mediaType', 'behavior', 'commands'], path)
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
      ...(image.commands === undefined
        ? {}
        : { commands: this.commandBehaviors(image.commands, [...path, 'commands']) }),
    }
  }

  /** `commands: { "npm run migrate": { exit: { code: 0 } } }`: a behaviour per command the container runs. */
  private commandBehaviors(value: unknown, path: Path): Record<string, Behavior> {
    const commands = this.object(value, path)
    return Object.fromEntries(
      Object.entries(commands).map(([command, behavior]) => [command, this.behavior(behavior, [...path, command])]),
    )
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
    const kinds: BehaviorKind[] = ['healthy', 'crash', 'unhealthy', 'oom', 'secrets-error', 'exit']
    const accepted =
      `one of ${kinds.join(', ')} or { crash: { exitCode, afterSeconds } }, { oom: { afterSeconds } }, ` +
      '{ exit: { code, afterSeconds, logs } }'
    if (typeof value === 'string') {
      if (!kinds.includes(value as BehaviorKind))
        this.fail(path, `unknown behavior ${JSON.stringify(value)}; use ${accepted}`)
      return { ...base(value as BehaviorKind), ...BEHAVIOR_DEFAULTS[value as BehaviorKind] }
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
    const codeKey = kind === 'exit' ? 'code' : 'exitCode'
    this.onlyKeys(inner, ['startSeconds', 'afterSeconds', codeKey, 'logs'], innerPath)
    const behavior = { ...base(kind), ...BEHAVIOR_DEFAULTS[kind] }
    if (inner.startSeconds !== undefined)
      behavior.startSeconds = this.number(inner.startSeconds, [...innerPath, 'startSeconds'], 0)
    if (inner.afterSeconds !== undefined)
      behavior.afterSeconds = this.number(inner.afterSeconds, [...innerPath, 'afterSeconds'], 0)
    if (inner.exitCode !== undefined && kind !== 'exit') {
      if (kind !== 'crash') this.fail([...innerPath, 'exitCode'], `is only accepted for crash`)
      behavior.exitCode = this.int(inner.exitCode, [...innerPath, 'exitCode'], 0)
    }
    if (kind === 'exit' && inner.code !== undefined)
      behavior.exitCode = this.exitCode(inner.code, [...innerPath, 'code'])
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
        this.onlyKeys(lambda, ['result', 'afterSeconds', 'inProgress', 'callBackDelay'], path)
        if (lambda.result !== 'Succeeded' && lambda.result !== 'Failed' && lambda.result !== 'external') {
          this.fail([...path, 'result'], `must be Succeeded, Failed or external, got ${JSON.stringify(lambda.result)}`)
        }
        const afterSeconds =
          lambda.afterSeconds === undefined ? undefined : this.number(lambda.afterSeconds, [...path, 'afterSeconds'], 0)
        const count = (key: 'inProgress' | 'callBackDelay'): number | undefined =>
          lambda[key] === undefined ? undefined : this.int(lambda[key], [...path, key], 0)
        return [
          name,
          {
            result: lambda.result,
            afterSeconds,
            inProgress: count('inProgress'),
            callBackDelay: count('callBackDelay'),
          },
        ]
      }),
    )
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
}
