import { UserError } from '../errors.js'
import { containerName, containersOf } from '../taskdef/types.js'
import type { TaskDefinitionJson } from '../taskdef/types.js'

/** One entry of `imagedefinitions.json`, the file CodePipeline's ECS (rolling) deploy action reads. */
export interface ImageDefinition {
  name: string
  imageUri: string
}

export const IMAGE_DEFINITIONS_FILE = 'imagedefinitions.json'

/**
 * The containers' images, in task definition order: the given containers (usually those whose image was
 * set), or all of them when none are given.
 */
export function imageDefinitions(
  taskDefinition: TaskDefinitionJson,
  containers: readonly string[] = [],
): ImageDefinition[] {
  const all = containersOf(taskDefinition).map(({ container }) => ({
    name: containerName(container),
    image: container.image,
  }))
  const existing = all.flatMap(({ name }) => name ?? [])
  const unknown = containers.filter((name) => !existing.includes(name))
  if (unknown.length > 0) {
    throw new UserError(
      `imagedefinitions.json: no container named ${unknown.map((name) => `"${name}"`).join(', ')}; ` +
        `the task definition's containers are ${existing.map((name) => `"${name}"`).join(', ')}.`,
    )
  }
  const wanted = all.filter(({ name }) => name !== undefined && (containers.length === 0 || containers.includes(name)))
  return wanted.map(({ name, image }) => {
    if (typeof image !== 'string') throw new UserError(`imagedefinitions.json: container "${name}" has no image.`)
    return { name: name as string, imageUri: image }
  })
}

/** The file as the ECS action reads it: a JSON array of `{"name", "imageUri"}`, UTF-8. */
export function serializeImageDefinitions(definitions: readonly ImageDefinition[]): string {
  const entries = definitions.map(({ name, imageUri }) => ({ name, imageUri }))
  return JSON.stringify(entries, null, 2) + '\n'
}
