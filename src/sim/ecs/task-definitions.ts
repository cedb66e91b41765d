import type {
  Attribute,
  ContainerDefinition,
  DeregisterTaskDefinitionRequest,
  DescribeTaskDefinitionRequest,
  ListTaskDefinitionFamiliesRequest,
  ListTaskDefinitionsRequest,
  RegisterTaskDefinitionRequest,
  Tag,
} from '@aws-sdk/client-ecs'
import { AwsError } from '../core/errors.js'
import { parseEcrUri } from '../core/ids.js'
import { page } from '../core/paging.js'
import type { World } from '../core/state.js'
import type { TaskDefinitionRecord } from '../core/types.js'

const NAME = /^[A-Za-z0-9_-]{1,255}$/

/** Fargate task sizes: cpu units -> accepted memory MiB (aws-facts.md §2). */
const FARGATE_SIZES: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = []
  for (let n = from; n <= to; n += step) out.push(n)
  return out
}

function clientError(message: string): AwsError {
  return new AwsError('ClientException', message)
}

/** `"1 vCPU"`, `"0.5 vcpu"`, `"1024"` -> 1024; undefined when not a recognizable cpu value. */
export function parseCpu(value: string): number | undefined {
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text)
  return vcpu ? Math.round(Number(vcpu[1]) * 1024) : undefined
}

/** `"1GB"`, `"2 gb"`, `"512"` (MiB) -> MiB; undefined when not a recognizable memory value. */
export function parseMemory(value: string): number | undefined {
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text)
  if (gb) return Math.round(Number(gb[1]) * 1024)
  const mb = /^(\d+)\s*mi?b$/i.exec(text)
  return mb ? Number(mb[1]) : undefined
}

/** RegisterTaskDefinition as ECS checks and stores it. */
export function registerTaskDefinition(
  world: World,
  input: RegisterTaskDefinitionRequest,
): { taskDefinition: TaskDefinitionRecord; tags?: Tag[] } {
  const family = input.family
  if (typeof family !== 'string' || family === '') throw clientError('Family name should not be null or empty.')
  if (!NAME.test(family)) {
    throw clientError(
      'Family name may only contain letters (uppercase and lowercase), numbers, hyphens, and underscores; up to 255 characters.',
    )
  }
  const containers = input.containerDefinitions
  if (!Array.isArray(containers) || containers.length === 0) throw clientError('Container list cannot be empty.')
  if (containers.length > 10)
    throw clientError('Too many containers. A task definition can have at most 10 containers.')
  if ((input.tags ?? []).length > 50)
    throw new AwsError('InvalidParameterException', 'The maximum number of tags (50) was exceeded.')
  validateTags(input.tags ?? [])
  validateCompatibilities(input.requiresCompatibilities ?? [])

  const requires = input.requiresCompatibilities ?? []
  const fargate = requires.includes('FARGATE')
  const cpu = input.cpu === undefined || input.cpu === null ? undefined : parseCpu(String(input.cpu))
  if (input.cpu !== undefined && input.cpu !== null && cpu === undefined)
    throw clientError("Invalid 'cpu' setting for task.")
  const memory = input.memory === undefined || input.memory === null ? undefined : parseMemory(String(input.memory))
  if (input.memory !== undefined && input.memory !== null && memory === undefined) {
    throw clientError("Invalid 'memory' setting for task.")
  }
  const names = new Set<string>()
  for (const c of containers) validateContainer(c, names, memory, input.networkMode)
  if (!containers.some((c) => c.essential !== false)) throw clientError('At least one essential container is required.')

  const networkMode = input.networkMode ?? (fargate ? undefined : 'bridge')
  if (fargate) validateFargate(input, cpu, memory)
  else if (cpu !== undefined && (cpu < 128 || cpu > 196608)) throw clientError("Invalid 'cpu' setting for task.")

  const entry = world.families.get(family) ?? { revisions: [], lastRevision: 0 }
  world.families.set(family, entry)
  const revision = ++entry.lastRevision
  const arn = world.arn('ecs', `task-definition/${family}:${revision}`)
  const fargateCompatible =
    networkMode === 'awsvpc' && cpu !== undefined && memory !== undefined && FARGATE_SIZES[cpu]?.includes(memory)
  const record: TaskDefinitionRecord = {
    taskDefinitionArn: arn,
    containerDefinitions: containers.map(withDefaults(networkMode)),
    family,
    taskRoleArn: input.taskRoleArn,
    executionRoleArn: input.executionRoleArn,
    networkMode,
    revision,
    volumes: input.volumes ?? [],
    status: 'ACTIVE',
    requiresAttributes: requiredAttributes(input, networkMode),
    placementConstraints: input.placementConstraints ?? [],
    compatibilities: fargateCompatible ? ['EC2', 'FARGATE'] : ['EC2'],
    runtimePlatform: input.runtimePlatform,
    requiresCompatibilities: input.requiresCompatibilities,
    cpu: cpu === undefined ? undefined : String(cpu),
    memory: memory === undefined ? undefined : String(memory),
    pidMode: input.pidMode,
    ipcMode: input.ipcMode,
    proxyConfiguration: input.proxyConfiguration,
    inferenceAccelerators: input.inferenceAccelerators,
    ephemeralStorage: input.ephemeralStorage,
    enableFaultInjection: input.enableFaultInjection,
    registeredAt: world.nowSeconds(),
    registeredBy: `arn:aws:iam::${world.account}:root`,
  }
  dropUndefined(record)
  entry.revisions.push(record)
  if (input.tags && input.tags.length > 0) world.resourceTags.set(arn, [...input.tags])
  return { taskDefinition: record, tags: input.tags && input.tags.length > 0 ? input.tags : undefined }
}

const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']

function validateCompatibilities(requires: string[]): void {
  const unknown = requires.find((c) => !COMPATIBILITIES.includes(c))
  if (unknown !== undefined) {
    throw clientError(
      `Invalid requiresCompatibilities value: ${unknown}. Valid values are: ${COMPATIBILITIES.join(', ')}.`,
    )
  }
}

/** The `aws:` prefix is reserved for AWS's own tags, in any case. */
function validateTags(tags: Tag[]): void {
  const reserved = tags.find((t) => (t.key ?? '').toLowerCase().startsWith('aws:'))
  if (reserved) throw clientError(`Tag keys beginning with 'aws:' are reserved for AWS use: ${reserved.key}`)
}

/** ECS's bounds for a container health check (seconds, retries), as RegisterTaskDefinition enforces them. */
const HEALTH_CHECK_BOUNDS = {
  interval: [5, 300],
  timeout: [2, 120],
  retries: [1, 10],
  startPeriod: [0, 300],
} as const

function validateHealthCheck(c: ContainerDefinition): void {
  for (const [key, [min, max]] of Object.entries(HEALTH_CHECK_BOUNDS)) {
    const value = c.healthCheck?.[key as keyof typeof HEALTH_CHECK_BOUNDS]
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      throw clientError(
        `Invalid 'healthCheck' setting for container '${c.name}'. '${key}' must be between ${min} and ${max}, got ${value}.`,
      )
    }
  }
}

function validatePortMappings(c: ContainerDefinition, networkMode: string | undefined): void {
  for (const p of c.portMappings ?? []) {
    if (p.protocol !== undefined && p.protocol !== 'tcp' && p.protocol !== 'udp') {
      throw clientError(
        `Invalid 'protocol' setting for container '${c.name}': ${String(p.protocol)}. Valid values are: tcp, udp.`,
      )
    }
    if (networkMode === 'awsvpc' && p.hostPort !== undefined && p.hostPort !== p.containerPort) {
      throw clientError('When networkMode=awsvpc, the host ports and container ports in port mappings must match.')
    }
  }
}

function validateContainer(
  c: ContainerDefinition,
  names: Set<string>,
  taskMemory: number | undefined,
  networkMode: string | undefined,
): void {
  if (typeof c.name !== 'string' || c.name === '') throw clientError('Container.name should not be null or empty.')
  if (!NAME.test(c.name)) {
    throw clientError(
      `Container name '${c.name}' may only contain letters (uppercase and lowercase), numbers, hyphens, and underscores; up to 255 characters.`,
    )
  }
  if (names.has(c.name)) throw clientError(`Duplicate container name: ${c.name}`)
  names.add(c.name)
  if (typeof c.image !== 'string' || c.image.trim() === '')
    throw clientError('Container.image should not be null or empty.')
  if (c.image.length > 255)
    throw clientError(`Invalid 'image' setting for container '${c.name}'. Image name is too long.`)
  if (taskMemory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
    throw clientError(
      `Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
    )
  }
  if (c.logConfiguration && !c.logConfiguration.logDriver) {
    throw clientError(`Invalid setting for container '${c.name}'. 'logDriver' should not be null or empty.`)
  }
  validatePortMappings(c, networkMode)
  validateHealthCheck(c)
}

function validateFargate(
  input: RegisterTaskDefinitionRequest,
  cpu: number | undefined,
  memory: number | undefined,
): void {
  if (input.networkMode !== 'awsvpc') throw clientError("Fargate only supports network mode 'awsvpc'.")
  if (cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.")
  if (memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.")
  if (!FARGATE_SIZES[cpu]?.includes(memory)) {
    throw clientError(
      `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`,
    )
  }
  const windows = input.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS')
  if (windows && cpu < 1024) {
    throw clientError(
      `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`,
    )
  }
  const containers = input.containerDefinitions ?? []
  if (!input.executionRoleArn) {
    if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
      throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.')
    }
    if (containers.some((c) => c.image && parseEcrUri(c.image))) {
      throw clientError('Fargate requires task definition to have execution role ARN to support ECR images.')
    }
  }
}

/** ECS stores container definitions with its defaults filled in (cpu 0, tcp ports, empty lists). */
function withDefaults(networkMode: string | undefined): (c: ContainerDefinition) => ContainerDefinition {
  return (c) => {
    const out: ContainerDefinition = {
      ...c,
      cpu: c.cpu ?? 0,
      portMappings: (c.portMappings ?? []).map((p) => ({
        ...p,
        hostPort: p.hostPort ?? (networkMode === 'awsvpc' || networkMode === 'host' ? p.containerPort : undefined),
        protocol: p.protocol ?? 'tcp',
      })),
      essential: c.essential ?? true,
      environment: c.environment ?? [],
      mountPoints: c.mountPoints ?? [],
      volumesFrom: c.volumesFrom ?? [],
      systemControls: c.systemControls ?? [],
    }
    for (const p of out.portMappings ?? []) dropUndefined(p)
    return out
  }
}

function requiredAttributes(input: RegisterTaskDefinitionRequest, networkMode: string | undefined): Attribute[] {
  const names = new Set<string>(['com.amazonaws.ecs.capability.docker-remote-api.1.18'])
  const containers = input.containerDefinitions ?? []
  if (networkMode === 'awsvpc') names.add('ecs.capability.task-eni')
  if (input.taskRoleArn) names.add('com.amazonaws.ecs.capability.task-iam-role')
  if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
    names.add('com.amazonaws.ecs.capability.logging-driver.awslogs')
    if (input.executionRoleArn) names.add('ecs.capability.execution-role-awslogs')
    names.add('com.amazonaws.ecs.capability.docker-remote-api.1.19')
  }
  if (containers.some((c) => c.image && parseEcrUri(c.image))) {
    names.add('com.amazonaws.ecs.capability.ecr-auth')
    if (input.executionRoleArn) names.add('ecs.capability.execution-role-ecr-pull')
  }
  if (containers.some((c) => c.healthCheck)) names.add('ecs.capability.container-health-check')
  if (containers.some((c) => (c.secrets ?? []).some((s) => s.valueFrom?.includes(':secretsmanager:')))) {
    names.add('ecs.capability.secrets.asm.environment-variables')
  }
  if (containers.some((c) => (c.secrets ?? []).some((s) => !s.valueFrom?.includes(':secretsmanager:')))) {
    names.add('ecs.capability.secrets.ssm.environment-variables')
  }
  if (containers.some((c) => c.dependsOn && c.dependsOn.length > 0)) names.add('ecs.capability.container-ordering')
  return [...names].sort().map((name) => ({ name }))
}

function dropUndefined(object: object): void {
  const record = object as Record<string, unknown>
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
}

/** Resolves `family` (latest ACTIVE), `family:revision` or an ARN. */
export function resolveTaskDefinition(world: World, ref: string | undefined): TaskDefinitionRecord | undefined {
  if (typeof ref !== 'string' || ref === '' || world.isForeign(ref)) return undefined
  const text = ref.startsWith('arn:') ? ref.replace(/^arn:aws[\w-]*:ecs:[^:]+:\d{12}:task-definition\//, '') : ref
  if (text.startsWith('arn:')) return undefined
  const [family, revision] = text.split(':')
  const entry = world.families.get(family)
  if (!entry) return undefined
  if (revision === undefined) return [...entry.revisions].reverse().find((r) => r.status === 'ACTIVE')
  return entry.revisions.find((r) => r.revision === Number(revision) && r.status !== 'DELETE_IN_PROGRESS')
}

export function describeTaskDefinition(world: World, input: DescribeTaskDefinitionRequest): object {
  const record = resolveTaskDefinition(world, input.taskDefinition)
  if (!record) throw clientError('Unable to describe task definition.')
  const tags = world.resourceTags.get(record.taskDefinitionArn) ?? []
  return input.include?.includes('TAGS') ? { taskDefinition: record, tags } : { taskDefinition: record }
}

export function deregisterTaskDefinition(world: World, input: DeregisterTaskDefinitionRequest): object {
  const ref = input.taskDefinition ?? ''
  if (!/:\d+$/.test(ref)) throw clientError('Invalid revision number. Number: ' + (ref.split(':')[1] ?? ''))
  const record = resolveTaskDefinition(world, ref)
  if (!record) throw clientError('The specified task definition does not exist.')
  if (record.status === 'ACTIVE') {
    record.status = 'INACTIVE'
    record.deregisteredAt = world.nowSeconds()
  }
  return { taskDefinition: record }
}

export function listTaskDefinitions(world: World, input: ListTaskDefinitionsRequest): object {
  const status = input.status ?? 'ACTIVE'
  if (status !== 'ACTIVE' && status !== 'INACTIVE' && status !== 'DELETE_IN_PROGRESS') {
    throw clientError(`Invalid status: ${String(status)}`)
  }
  const sort = input.sort ?? 'ASC'
  const all = [...world.families.keys()]
    .sort()
    .filter((family) => input.familyPrefix === undefined || family === input.familyPrefix)
    .flatMap((family) => world.families.get(family)?.revisions ?? [])
    .filter((r) => r.status === status)
    .map((r) => r.taskDefinitionArn)
  if (sort === 'DESC') all.reverse()
  const { items, nextToken } = page(all, input.maxResults, input.nextToken, { default: 100, max: 100 })
  return { taskDefinitionArns: items, nextToken }
}

export function listTaskDefinitionFamilies(world: World, input: ListTaskDefinitionFamiliesRequest): object {
  const status = input.status ?? 'ACTIVE'
  const families = [...world.families.entries()]
    .filter(([family]) => input.familyPrefix === undefined || family.startsWith(input.familyPrefix))
    .filter(([, entry]) => {
      const active = entry.revisions.some((r) => r.status === 'ACTIVE')
      return status === 'ALL' || (status === 'ACTIVE' ? active : !active)
    })
    .map(([family]) => family)
    .sort()
  const { items, nextToken } = page(families, input.maxResults, input.nextToken, { default: 100, max: 100 })
  return { families: items, nextToken }
}
