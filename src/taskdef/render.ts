import { normaliseUnits } from './units.js'
import { containerName, containersOf, isObject } from './types.js'
import type { ContainerJson, RenderEdits, TaskDefinitionJson } from './types.js'

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
  return result
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
