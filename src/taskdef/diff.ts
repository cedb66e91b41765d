import { normaliseUnits } from './units.js'
import { clean } from './clean.js'
import { credentialKind } from './credentials.js'
import { containerName, containersOf, isObject } from './types.js'
import type { ContainerJson, JsonPath, TaskDefinitionJson } from './types.js'

/**
 * One difference between two task definitions. `before` and `after` are display texts, with values that look
 * like credentials already replaced by `(hidden)`, so an entry is safe to log.
 */
export interface DiffEntry {
  /** The container this is about; undefined for task-level fields. */
  container?: string
  kind: 'added' | 'removed' | 'changed'
  /** What changed, as a reviewer reads it: `image`, `environment LOG_LEVEL`, `port 8080/tcp`, `cpu`. */
  field: string
  path: JsonPath
  before?: string
  after?: string
}

const HIDDEN = '(hidden)'
const TASK_FIELDS = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'requiresCompatibilities',
  'cpu',
  'memory',
]
const CONTAINER_FIELDS = ['image', 'cpu', 'memory', 'memoryReservation', 'essential', 'command', 'entryPoint']
const SPECIAL_CONTAINER_FIELDS = [...CONTAINER_FIELDS, 'name', 'portMappings', 'environment', 'secrets']
const HEALTH_CHECK_DEFAULTS: Record<string, number> = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 }

/**
 * What changed from `before` to `after`, ignoring describe-only fields, key order and the defaults ECS fills in
 * when it describes a registered definition.
 */
export function diff(before: TaskDefinitionJson, after: TaskDefinitionJson): DiffEntry[] {
  const [from, to] = [normalise(before), normalise(after)]
  return [...diffTask(from, to), ...diffContainers(from, to)]
}

/** True when registering `after` would change nothing compared with `before`. */
export function equivalent(before: TaskDefinitionJson, after: TaskDefinitionJson): boolean {
  return diff(before, after).length === 0
}

/** The diff as text: task-level changes first, then one block per container. */
export function formatDiff(entries: readonly DiffEntry[]): string {
  if (entries.length === 0) return 'no changes\n'
  const lines: string[] = []
  let group: string | undefined | null = null
  for (const entry of entries) {
    if (entry.field === 'container') {
      group = null
      lines.push(entryLine(entry, `container ${entry.container}`))
      continue
    }
    if (entry.container !== group) {
      group = entry.container
      lines.push(group === undefined ? 'task definition' : `container ${group}`)
    }
    lines.push(`  ${entryLine(entry, entry.field)}`)
  }
  return lines.join('\n') + '\n'
}

function entryLine(entry: DiffEntry, field: string): string {
  if (entry.kind === 'added') return `+ ${field}: ${entry.after}`
  if (entry.kind === 'removed') return `- ${field}: ${entry.before}`
  return `~ ${field}: ${entry.before} -> ${entry.after}`
}

// ---- normalisation: the form ECS describes a definition in, minus its defaults

function normalise(taskDefinition: TaskDefinitionJson): TaskDefinitionJson {
  const result = dropEmpty(clean(taskDefinition)) as TaskDefinitionJson
  for (const what of ['cpu', 'memory'] as const) {
    if (typeof result[what] === 'number' || typeof result[what] === 'string') {
      result[what] = normaliseUnits(what, String(result[what])) ?? result[what]
    }
  }
  if (result.enableFaultInjection === false) delete result.enableFaultInjection
  // A RegisterTaskDefinition input carries tags; a described definition has them beside it, not in it.
  delete result.tags
  if (result.networkMode === 'bridge') delete result.networkMode
  const networkMode = typeof result.networkMode === 'string' ? result.networkMode : 'bridge'
  for (const { container } of containersOf(result)) normaliseContainer(container, networkMode)
  return result
}

function normaliseContainer(container: ContainerJson, networkMode: string): void {
  if (container.essential === true) delete container.essential
  if (container.cpu === 0) delete container.cpu
  if (Array.isArray(container.portMappings)) {
    for (const mapping of container.portMappings.filter(isObject)) normalisePortMapping(mapping, networkMode)
  }
  if (isObject(container.healthCheck)) {
    const check = container.healthCheck
    for (const [key, value] of Object.entries(HEALTH_CHECK_DEFAULTS)) if (check[key] === value) delete check[key]
  }
}

function normalisePortMapping(mapping: Record<string, unknown>, networkMode: string): void {
  if (mapping.protocol === 'tcp') delete mapping.protocol
  const sameAsContainer = mapping.hostPort === mapping.containerPort
  // awsvpc and host fill hostPort with containerPort; bridge describes a dynamic host port as 0.
  if ((networkMode === 'awsvpc' || networkMode === 'host') && sameAsContainer) delete mapping.hostPort
  if (networkMode === 'bridge' && mapping.hostPort === 0) delete mapping.hostPort
}

/** ECS describes unset lists and maps as `[]` and `{}`; drop them so both forms compare equal. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty)
  if (!isObject(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) {
    const kept = dropEmpty(member)
    if (Array.isArray(kept) && kept.length === 0) continue
    if (isObject(kept) && Object.keys(kept).length === 0) continue
    result[key] = kept
  }
  return result
}

// ---- task level

function diffTask(before: TaskDefinitionJson, after: TaskDefinitionJson): DiffEntry[] {
  const keys = orderedKeys(before, after, TASK_FIELDS, ['containerDefinitions'])
  return keys.flatMap((key) => compare(before[key], after[key], [key], undefined))
}

// ---- containers

function diffContainers(before: TaskDefinitionJson, after: TaskDefinitionJson): DiffEntry[] {
  const old = byName(before)
  const current = byName(after)
  const entries: DiffEntry[] = []
  for (const [name, { container, index }] of current) {
    const previous = old.get(name)
    if (!previous) {
      entries.push({
        container: name,
        kind: 'added',
        field: 'container',
        path: ['containerDefinitions', index],
        after: `image ${display(container.image)}`,
      })
      continue
    }
    entries.push(...diffContainer(name, previous.container, container, index))
  }
  for (const [name, { container, index }] of old) {
    if (current.has(name)) continue
    entries.push({
      container: name,
      kind: 'removed',
      field: 'container',
      path: ['containerDefinitions', index],
      before: `image ${display(container.image)}`,
    })
  }
  return entries
}

function byName(taskDefinition: TaskDefinitionJson): Map<string, { container: ContainerJson; index: number }> {
  const containers = new Map<string, { container: ContainerJson; index: number }>()
  for (const entry of containersOf(taskDefinition)) {
    const name = containerName(entry.container) ?? `#${entry.index + 1}`
    if (!containers.has(name)) containers.set(name, entry)
  }
  return containers
}

function diffContainer(name: string, before: ContainerJson, after: ContainerJson, index: number): DiffEntry[] {
  const at = (...path: JsonPath): JsonPath => ['containerDefinitions', index, ...path]
  const withEssentialDefault = (container: ContainerJson): ContainerJson => ({
    ...container,
    essential: container.essential ?? true,
  })
  const [from, to] = [withEssentialDefault(before), withEssentialDefault(after)]
  const rest = orderedKeys(before, after, [], SPECIAL_CONTAINER_FIELDS)
  return [
    ...CONTAINER_FIELDS.flatMap((key) => compare(from[key], to[key], at(key), name, key)),
    ...diffPorts(name, before.portMappings, after.portMappings, at('portMappings')),
    ...diffNamed(name, 'environment', before.environment, after.environment, at('environment')),
    ...diffNamed(name, 'secrets', before.secrets, after.secrets, at('secrets')),
    ...rest.flatMap((key) => compare(before[key], after[key], at(key), name)),
  ]
}

function diffPorts(container: string, before: unknown, after: unknown, path: JsonPath): DiffEntry[] {
  const keyed = (list: unknown) => {
    const ports = new Map<string, Record<string, unknown>>()
    if (Array.isArray(list)) {
      for (const mapping of list.filter(isObject)) {
        const port = mapping.containerPort ?? mapping.containerPortRange
        ports.set(`${String(port)}/${String(mapping.protocol ?? 'tcp')}`, mapping)
      }
    }
    return ports
  }
  const describe = (mapping: Record<string, unknown>) => {
    const { containerPort: _port, containerPortRange: _range, protocol: _protocol, ...rest } = mapping
    return Object.keys(rest).length > 0 ? canonical(rest) : 'mapped'
  }
  return diffKeyed(keyed(before), keyed(after), (key, kind, from, to) => ({
    container,
    kind,
    field: `port ${key}`,
    path,
    ...(from ? { before: describe(from) } : {}),
    ...(to ? { after: describe(to) } : {}),
  }))
}

/** Environment variables and secrets, matched by name; credential-looking values are hidden. */
function diffNamed(
  container: string,
  list: 'environment' | 'secrets',
  before: unknown,
  after: unknown,
  path: JsonPath,
): DiffEntry[] {
  const valueKey = list === 'environment' ? 'value' : 'valueFrom'
  const keyed = (entries: unknown) => {
    const byEntryName = new Map<string, Record<string, unknown>>()
    if (Array.isArray(entries)) {
      for (const entry of entries.filter(isObject)) {
        const name = String(entry.name)
        if (!byEntryName.has(name)) byEntryName.set(name, entry)
      }
    }
    return byEntryName
  }
  const label = list === 'environment' ? 'environment' : 'secret'
  return diffKeyed(keyed(before), keyed(after), (name, kind, from, to) => {
    const hide =
      list === 'environment' &&
      [from, to].some((entry) => entry && typeof entry.value === 'string' && credentialKind(name, entry.value))
    const show = (entry: Record<string, unknown>) => (hide ? HIDDEN : display(entry[valueKey]))
    return {
      container,
      kind,
      field: `${label} ${name}`,
      path,
      ...(from ? { before: show(from) } : {}),
      ...(to ? { after: show(to) } : {}),
    }
  })
}

function diffKeyed<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  entry: (key: string, kind: DiffEntry['kind'], before?: T, after?: T) => DiffEntry,
): DiffEntry[] {
  const entries: DiffEntry[] = []
  for (const [key, value] of after) {
    const previous = before.get(key)
    if (previous === undefined) entries.push(entry(key, 'added', undefined, value))
    else if (canonical(previous) !== canonical(value)) entries.push(entry(key, 'changed', previous, value))
  }
  for (const [key, value] of before) if (!after.has(key)) entries.push(entry(key, 'removed', value, undefined))
  return entries
}

// ---- generic comparison by JSON path

/** Known fields first in their given order, then the others alphabetically, skipping `skip`. */
function orderedKeys(before: object, after: object, known: string[], skip: string[]): string[] {
  const all = new Set([...Object.keys(before), ...Object.keys(after)])
  const others = [...all].filter((key) => !known.includes(key) && !skip.includes(key)).sort()
  return [...known.filter((key) => all.has(key)), ...others]
}

function compare(
  before: unknown,
  after: unknown,
  path: JsonPath,
  container: string | undefined,
  field = fieldLabel(path, container),
): DiffEntry[] {
  if (before === undefined && after === undefined) return []
  if (isObject(before) && isObject(after)) {
    return orderedKeys(before, after, [], []).flatMap((key) =>
      compare(before[key], after[key], [...path, key], container, `${field}.${key}`),
    )
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some(isStructured)) {
    const length = Math.max(before.length, after.length)
    return Array.from({ length }, (_, i) =>
      compare(before[i], after[i], [...path, i], container, `${field}[${i}]`),
    ).flat()
  }
  if (canonical(before) === canonical(after)) return []
  const key = String(path[path.length - 1])
  const show = (value: unknown) => (typeof value === 'string' && credentialKind(key, value) ? HIDDEN : display(value))
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'
  return [
    {
      ...(container !== undefined ? { container } : {}),
      kind,
      field,
      path,
      ...(before !== undefined ? { before: show(before) } : {}),
      ...(after !== undefined ? { after: show(after) } : {}),
    },
  ]
}

/** `logConfiguration.options.awslogs-group`, `volumes[0].name`: the path below the container or task. */
function fieldLabel(path: JsonPath, container: string | undefined): string {
  const own = container === undefined ? path : path.slice(2)
  return own.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')
}

function isStructured(value: unknown): boolean {
  return typeof value === 'object' && value !== null
}

function display(value: unknown): string {
  if (value === undefined) return '(none)'
  if (typeof value === 'string') return value === '' ? '""' : value
  return canonical(value)
}

/** JSON with object keys sorted, so that key order never shows up as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    isObject(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  )
}
