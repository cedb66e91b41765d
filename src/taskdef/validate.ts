import { normaliseUnits } from './units.js'
import { credentialKind } from './credentials.js'
import { describeMemoryChoices, FARGATE_CPUS, fargateMemoryFor } from './fargate.js'
import { parseImageReference, unpinnedReason } from './image.js'
import { containerName, containersOf, isObject } from './types.js'
import type { ContainerEdits, ContainerJson, JsonPath, RenderEdits, TaskDefinitionJson } from './types.js'

/** One thing wrong with a task definition or the edits, pointing at the container and field. */
export interface Problem {
  severity: 'error' | 'warning'
  container?: string
  field: string
  /** Path into the task definition, for a file annotation. */
  path: JsonPath
  message: string
}

const MAX_CONTAINERS = 10
const NAME = /^[A-Za-z0-9_-]{1,255}$/
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/\S+$/
const SECRETS_MANAGER_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(?::[^:\s]*){0,3}$/
const SSM_NAME = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/
const VALUE_FROM_FORMS =
  'an SSM parameter name (/prod/db/password), an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) ' +
  'or a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:JSON_KEY:VERSION_STAGE:VERSION_ID])'

type ValidationEdits = Pick<RenderEdits, 'images' | 'env' | 'secrets'> & Partial<ContainerEdits>

/** Every problem at once, errors and warnings, in a stable order: edits, task, then container by container. */
export function validate(
  taskDefinition: TaskDefinitionJson,
  edits: ValidationEdits = { images: [], env: [], secrets: [] },
): Problem[] {
  return [
    ...checkEdits(taskDefinition, edits),
    ...checkTask(taskDefinition),
    ...checkFargate(taskDefinition),
    ...checkContainerSizes(taskDefinition),
    ...containersOf(taskDefinition).flatMap(({ container, index }) => checkContainer(container, index)),
  ]
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}

/** One line: `error: container "web" image: …`. */
export function describeProblem(problem: Problem): string {
  return `${problem.severity}: ${problemText(problem)}`
}

/** Where the problem is and what it is, without its severity (for reporters that show severity their own way). */
export function problemText(problem: Problem): string {
  const where = problem.container === undefined ? problem.field : `container "${problem.container}" ${problem.field}`
  return `${where}: ${problem.message}`
}

/** Each edit that names a container: its flag, the field it sets and what it does, for the message. */
function containerEdits(edits: ValidationEdits): { container: string; flag: string; field: string; what: string }[] {
  const of = <E extends { container: string }>(
    list: readonly E[] | undefined,
    flag: string,
    field: string,
    what: (e: E) => string,
  ) => (list ?? []).map((edit) => ({ container: edit.container, flag, field, what: what(edit) }))
  return [
    ...of(edits.images, '--image', 'image', () => 'set the image of'),
    ...of(edits.env, '--env', 'environment', (edit) => `set environment variable ${edit.name} in`),
    ...of(edits.secrets, '--secret', 'secrets', (edit) => `set secret ${edit.name} in`),
    ...of(edits.commands, '--command', 'command', () => 'set the command of'),
    ...of(edits.dockerLabels, '--docker-label', 'dockerLabels', (edit) => `set docker label ${edit.key} in`),
    ...of(edits.logConfigurations, '--log-configuration', 'logConfiguration', () => 'set the log configuration of'),
    ...of(edits.environmentFiles, '--environment-file', 'environmentFiles', () => 'add an environment file to'),
    ...of(edits.containerCpu, '--container-cpu', 'cpu', () => 'set the cpu of'),
    ...of(edits.containerMemory, '--container-memory', 'memory', () => 'set the memory of'),
  ]
}

function checkEdits(taskDefinition: TaskDefinitionJson, edits: ValidationEdits): Problem[] {
  const names = containersOf(taskDefinition).flatMap(({ container }) => containerName(container) ?? [])
  const existing = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'none'
  const unknown = containerEdits(edits)
    .filter((edit) => !names.includes(edit.container))
    .map(({ container, flag, field, what }): Problem => ({
      severity: 'error',
      container,
      field,
      path: ['containerDefinitions'],
      message: `no container named "${container}" to ${what} (${flag}); the task definition's containers are ${existing}.`,
    }))
  return [...unknown, ...conflictingEdits(edits)]
}

function conflictingEdits(edits: ValidationEdits): Problem[] {
  const problems: Problem[] = []
  const images = new Map<string, string>()
  for (const edit of edits.images) {
    const earlier = images.get(edit.container)
    if (earlier !== undefined && earlier !== edit.uri) {
      problems.push({
        severity: 'error',
        container: edit.container,
        field: 'image',
        path: ['containerDefinitions'],
        message: `two images are given for this container (${earlier} and ${edit.uri}); give one.`,
      })
    }
    images.set(edit.container, edit.uri)
  }
  for (const secret of edits.secrets) {
    if (edits.env.some((env) => env.container === secret.container && env.name === secret.name)) {
      problems.push({
        severity: 'error',
        container: secret.container,
        field: 'secrets',
        path: ['containerDefinitions'],
        message: `${secret.name} is given both as an environment variable and as a secret; ECS takes a name in one of them only.`,
      })
    }
  }
  return problems
}

function checkTask(taskDefinition: TaskDefinitionJson): Problem[] {
  const problems: Problem[] = []
  const task = (field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, field, path: [field], message })
  const family = taskDefinition.family
  if (typeof family !== 'string' || !NAME.test(family)) {
    task(
      'family',
      family === undefined
        ? 'the task definition has no family; give one in the file or with --family.'
        : `${JSON.stringify(family)} is not a valid family: 1-255 letters, digits, hyphens and underscores.`,
    )
  }
  const containers = containersOf(taskDefinition)
  if (containers.length > MAX_CONTAINERS) {
    task(
      'containerDefinitions',
      `a task definition holds at most ${MAX_CONTAINERS} containers, this one has ${containers.length}.`,
    )
  }
  if (containers.length > 0 && containers.every(({ container }) => container.essential === false)) {
    task('essential', 'no container is essential; at least one must be (essential defaults to true when omitted).')
  }
  problems.push(...duplicateContainers(containers))
  return problems
}

function duplicateContainers(containers: { container: ContainerJson; index: number }[]): Problem[] {
  const seen = new Set<string>()
  const problems: Problem[] = []
  for (const { container, index } of containers) {
    const name = containerName(container)
    if (name === undefined) continue
    if (seen.has(name)) {
      problems.push({
        severity: 'error',
        container: name,
        field: 'name',
        path: ['containerDefinitions', index, 'name'],
        message: `two containers are named "${name}"; container names must be unique in a task definition.`,
      })
    }
    seen.add(name)
  }
  return problems
}

function checkFargate(taskDefinition: TaskDefinitionJson): Problem[] {
  const compatibilities = taskDefinition.requiresCompatibilities
  if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE')) return []
  const problems: Problem[] = []
  const task = (field: string, message: string) => problems.push({ severity: 'error', field, path: [field], message })
  if (taskDefinition.networkMode !== 'awsvpc') {
    const mode =
      taskDefinition.networkMode === undefined ? 'no networkMode' : `networkMode ${taskDefinition.networkMode}`
    task('networkMode', `Fargate needs networkMode awsvpc; this task definition has ${mode}.`)
  }
  const cpu = units('cpu', taskDefinition.cpu)
  const memory = units('memory', taskDefinition.memory)
  const sizes = [
    ['cpu', cpu, 'cpu units (256, 1024) or vCPU (1 vCPU)'],
    ['memory', memory, 'MiB (512, 2048) or GB (2GB)'],
  ] as const
  const unreadable = sizes.filter(([, value]) => value !== undefined && !/^\d+$/.test(value))
  for (const [field, value, form] of unreadable) task(field, `${JSON.stringify(value)} is not a size: give ${form}.`)
  if (unreadable.length > 0) return problems
  if (cpu === undefined) task('cpu', `Fargate needs a task cpu: one of ${FARGATE_CPUS.join(', ')}.`)
  if (memory === undefined) task('memory', 'Fargate needs a task memory in MiB, e.g. 512, 1024 or 2048.')
  if (cpu === undefined || memory === undefined) return problems
  const accepted = fargateMemoryFor(cpu)
  if (accepted === undefined) {
    task('cpu', `Fargate offers no cpu ${cpu}; it accepts cpu ${FARGATE_CPUS.join(', ')}.`)
  } else if (!accepted.includes(Number(memory))) {
    task(
      'memory',
      `Fargate offers no cpu ${cpu} with memory ${memory}: cpu ${cpu} accepts memory ${describeMemoryChoices(cpu)}.`,
    )
  }
  const os = isObject(taskDefinition.runtimePlatform) ? taskDefinition.runtimePlatform.operatingSystemFamily : undefined
  const windows = typeof os === 'string' && os.startsWith('WINDOWS')
  if (windows && Number(cpu) < 1024) task('cpu', `Windows on Fargate needs cpu 1024 or more, not ${cpu}.`)
  if (windows && Number(cpu) > 4096) task('cpu', `cpu ${cpu} on Fargate is for Linux only; Windows goes up to 4096.`)
  return problems
}

/**
 * A container's memoryReservation above its memory is refused by ECS; containers that together ask for more cpu or
 * memory than the task has cannot all get it (`--container-cpu`, `--container-memory` make both easy to do).
 */
function checkContainerSizes(taskDefinition: TaskDefinitionJson): Problem[] {
  const problems: Problem[] = []
  const containers = containersOf(taskDefinition)
  for (const { container, index } of containers) {
    const [memory, reservation] = [container.memory, container.memoryReservation]
    if (typeof memory === 'number' && typeof reservation === 'number' && reservation > memory) {
      problems.push({
        severity: 'error',
        container: containerName(container) ?? `#${index + 1}`,
        field: 'memory',
        path: ['containerDefinitions', index, 'memory'],
        message: `memory ${memory} MiB is less than the container's memoryReservation ${reservation} MiB; ECS takes a memory of at least the reservation.`,
      })
    }
  }
  const reserved = {
    cpu: containers.map(({ container }) => container.cpu),
    memory: containers.map(({ container }) => container.memoryReservation ?? container.memory),
  }
  for (const what of ['cpu', 'memory'] as const) {
    const task = Number(units(what, taskDefinition[what]))
    const total = reserved[what].reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0)
    if (Number.isFinite(task) && task > 0 && total > task) {
      problems.push({
        severity: 'warning',
        field: what,
        path: [what],
        message: `the containers reserve ${total} ${what === 'cpu' ? 'cpu units' : 'MiB'} together, more than the task's ${task}.`,
      })
    }
  }
  return problems
}

function units(what: 'cpu' | 'memory', value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  return normaliseUnits(what, value) ?? value
}

function checkContainer(container: ContainerJson, index: number): Problem[] {
  const name = containerName(container)
  const label = name ?? `#${index + 1}`
  const at = (...path: JsonPath): JsonPath => ['containerDefinitions', index, ...path]
  const problems: Problem[] = []
  if (name === undefined || !NAME.test(name)) {
    problems.push({
      severity: 'error',
      container: label,
      field: 'name',
      path: at('name'),
      message:
        name === undefined
          ? 'the container has no name.'
          : `${JSON.stringify(name)} is not a valid container name: 1-255 letters, digits, hyphens and underscores.`,
    })
  }
  problems.push(...checkImage(container.image, label, at('image')))
  problems.push(...checkEnvironment(container, label, at))
  problems.push(...checkSecrets(container, label, at))
  return problems
}

function checkImage(image: unknown, container: string, path: JsonPath): Problem[] {
  const problem = (severity: Problem['severity'], message: string): Problem[] => [
    { severity, container, field: 'image', path, message },
  ]
  if (typeof image !== 'string') return problem('error', 'the container has no image.')
  const parsed = parseImageReference(image)
  if (!parsed.ok) {
    return problem(
      'error',
      `${JSON.stringify(image)} is not a valid image URI: ${parsed.reason}; expected REPOSITORY:TAG or ` +
        'REPOSITORY@sha256:DIGEST, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2.',
    )
  }
  const unpinned = unpinnedReason(parsed.image)
  if (unpinned) {
    return problem(
      'warning',
      `${image} ${unpinned}; pin a version tag or a digest so that a deployment is repeatable and a rollback ` +
        'restores the same image.',
    )
  }
  return []
}

type At = (...path: JsonPath) => JsonPath

function namedEntries(container: ContainerJson, list: string): { entry: Record<string, unknown>; index: number }[] {
  const entries = container[list]
  if (!Array.isArray(entries)) return []
  return entries.flatMap((entry, index) => (isObject(entry) ? [{ entry, index }] : []))
}

function checkEnvironment(container: ContainerJson, label: string, at: At): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const { entry, index } of namedEntries(container, 'environment')) {
    const path = at('environment', index)
    if (typeof entry.name !== 'string') continue
    if (seen.has(entry.name)) {
      problems.push({
        severity: 'error',
        container: label,
        field: 'environment',
        path,
        message: `${entry.name} is set twice; give each environment variable once.`,
      })
    }
    seen.add(entry.name)
    const kind = typeof entry.value === 'string' ? credentialKind(entry.name, entry.value) : undefined
    if (kind) {
      problems.push({
        severity: 'warning',
        container: label,
        field: 'environment',
        path,
        message:
          `the value of ${entry.name} looks like ${kind}; move it to "secrets" (Secrets Manager or SSM ` +
          'Parameter Store) so that it stays out of the task definition and its logs.',
      })
    }
  }
  return problems
}

function checkSecrets(container: ContainerJson, label: string, at: At): Problem[] {
  const problems: Problem[] = []
  const environment = new Set(namedEntries(container, 'environment').map(({ entry }) => entry.name))
  const seen = new Set<string>()
  for (const { entry, index } of namedEntries(container, 'secrets')) {
    const problem = (message: string, ...path: JsonPath) =>
      problems.push({
        severity: 'error',
        container: label,
        field: 'secrets',
        path: at('secrets', index, ...path),
        message,
      })
    if (typeof entry.name !== 'string') {
      problem('a secret has no name.')
      continue
    }
    if (seen.has(entry.name)) problem(`${entry.name} is set twice; give each secret once.`)
    seen.add(entry.name)
    if (environment.has(entry.name)) {
      problem(`${entry.name} is both an environment variable and a secret; ECS takes a name in one of them only.`)
    }
    const reason = valueFromProblem(entry.valueFrom)
    if (reason) problem(`the valueFrom of ${entry.name} ${reason}; expected ${VALUE_FROM_FORMS}.`, 'valueFrom')
  }
  const log = isObject(container.logConfiguration) ? container.logConfiguration : {}
  if (Array.isArray(log.secretOptions)) {
    log.secretOptions.forEach((option: unknown, index: number) => {
      if (!isObject(option)) return
      const reason = valueFromProblem(option.valueFrom)
      if (!reason) return
      problems.push({
        severity: 'error',
        container: label,
        field: 'logConfiguration.secretOptions',
        path: at('logConfiguration', 'secretOptions', index, 'valueFrom'),
        message: `the valueFrom of ${String(option.name)} ${reason}; expected ${VALUE_FROM_FORMS}.`,
      })
    })
  }
  return problems
}

/** Why a valueFrom is not a reference ECS can resolve; the text names its form, never the value. */
function valueFromProblem(valueFrom: unknown): string | undefined {
  if (typeof valueFrom !== 'string' || valueFrom === '') return 'is missing'
  if (valueFrom.startsWith('arn:')) {
    if (SSM_ARN.test(valueFrom) || SECRETS_MANAGER_ARN.test(valueFrom)) return undefined
    return `is an ARN of neither an SSM parameter nor a Secrets Manager secret (${arnService(valueFrom)})`
  }
  if (SSM_NAME.test(valueFrom)) return undefined
  if (valueFrom.includes('/') && !valueFrom.startsWith('/')) return 'is a parameter path that does not start with /'
  return 'is not a parameter name: names are letters, digits, . _ - and / between path parts'
}

function arnService(arn: string): string {
  const service = arn.split(':')[2]
  return service ? `service "${service}"` : 'malformed ARN'
}
