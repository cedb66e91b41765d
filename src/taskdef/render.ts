import { normaliseUnits } from './units.js'
import { containerName, containersOf, isObject } from './types.js'
import type { ContainerJson, LogConfigurationEdit, RenderEdits, TaskDefinitionJson } from './types.js'

/**
 * Applies the edits to a copy of the task definition. Edited fields keep their place; new ones are appended;
 * everything else is carried through untouched. Edits naming an unknown container are skipped here and
 * reported by `validate`.
 */
export function render(taskDefinition: TaskDefinitionJson, edits: RenderEdits): TaskDefinitionJson {
  const result = structuredClone(taskDefinition)
  if (edits.family !== undefined) result.family = edits.family
  if (edits.cpu !== undefined) result.cpu = normaliseUnits('cpu', edits.cpu) ?? edits.cpu
  if (edits.memory !== undefined) result.memory = normaliseUnits('memory', edits.memory) ?? edits.memory
  if (edits.taskRoleArn !== undefined) result.taskRoleArn = edits.taskRoleArn
  if (edits.executionRoleArn !== undefined) result.executionRoleArn = edits.executionRoleArn
  for (const edit of edits.images) {
    for (const container of named(result, edit.container)) container.image = edit.uri
  }
  for (const edit of edits.env) {
    for (const container of named(result, edit.container)) {
      removeNamed(container, 'secrets', edit.name)
      setNamed(container, 'environment', { name: edit.name, value: edit.value })
    }
  }
  for (const edit of edits.secrets) {
    for (const container of named(result, edit.container)) {
      removeNamed(container, 'environment', edit.name)
      setNamed(container, 'secrets', { name: edit.name, valueFrom: edit.valueFrom })
    }
  }
  applyContainerEdits(result, edits)
  return result
}

function applyContainerEdits(result: TaskDefinitionJson, edits: RenderEdits): void {
  const each = <E extends { container: string }>(
    list: readonly E[] | undefined,
    apply: (c: ContainerJson, e: E) => void,
  ) => {
    for (const edit of list ?? []) for (const container of named(result, edit.container)) apply(container, edit)
  }
  each(edits.commands, (container, edit) => (container.command = [...edit.command]))
  each(edits.dockerLabels, (container, edit) => {
    const labels = isObject(container.dockerLabels) ? container.dockerLabels : (container.dockerLabels = {})
    labels[edit.key] = edit.value
  })
  each(edits.logConfigurations, setLogConfiguration)
  each(edits.environmentFiles, (container, edit) => {
    const files = Array.isArray(container.environmentFiles)
      ? (container.environmentFiles as unknown[])
      : (container.environmentFiles = [])
    if (!files.some((file) => isObject(file) && file.value === edit.arn)) files.push({ value: edit.arn, type: 's3' })
  })
  each(edits.containerCpu, (container, edit) => (container.cpu = edit.size))
  each(edits.containerMemory, (container, edit) => (container.memory = edit.size))
}

/**
 * The same driver keeps the options (and secretOptions) it has and takes the given ones over them; another driver
 * starts afresh, since one driver's options mean nothing to another.
 */
function setLogConfiguration(container: ContainerJson, edit: LogConfigurationEdit): void {
  const current = isObject(container.logConfiguration) ? container.logConfiguration : undefined
  if (current && current.logDriver === edit.logDriver) {
    current.options = { ...(isObject(current.options) ? current.options : {}), ...edit.options }
    return
  }
  const options = Object.keys(edit.options).length > 0 ? { options: { ...edit.options } } : {}
  container.logConfiguration = { logDriver: edit.logDriver, ...options }
}

function named(taskDefinition: TaskDefinitionJson, name: string): ContainerJson[] {
  return containersOf(taskDefinition)
    .map(({ container }) => container)
    .filter((container) => containerName(container) === name)
}

/** Sets an entry of `environment` or `secrets` in place when the name exists, else appends it. */
function setNamed(container: ContainerJson, list: 'environment' | 'secrets', entry: Record<string, string>): void {
  const entries = Array.isArray(container[list]) ? (container[list] as unknown[]) : (container[list] = [])
  const existing = entries.find((item) => isObject(item) && item.name === entry.name)
  if (isObject(existing)) Object.assign(existing, entry)
  else entries.push(entry)
}

/** ECS rejects a name that is both an environment variable and a secret, so setting one removes the other. */
function removeNamed(container: ContainerJson, list: 'environment' | 'secrets', name: string): void {
  const entries = container[list]
  if (!Array.isArray(entries)) return
  container[list] = entries.filter((item) => !(isObject(item) && item.name === name))
}
