import type { RegisterTaskDefinitionCommandInput, Tag } from '@aws-sdk/client-ecs'
import { isObject } from './types.js'
import type { TaskDefinitionDocument, TaskDefinitionJson, TaskTag } from './types.js'

/** Fields DescribeTaskDefinition returns and RegisterTaskDefinition does not take. */
export const DESCRIBE_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const

/** The task definition without describe-only fields and without null or undefined values, key order kept. */
export function clean(taskDefinition: TaskDefinitionJson): TaskDefinitionJson {
  const describeOnly: readonly string[] = DESCRIBE_ONLY_FIELDS
  const kept = Object.entries(taskDefinition).filter(([key]) => !describeOnly.includes(key))
  return dropNulls(Object.fromEntries(kept)) as TaskDefinitionJson
}

/**
 * The RegisterTaskDefinition input for a document: cleaned, with the document's tags, and `extraTags`
 * (e.g. `--tag`) replacing document tags of the same key.
 */
export function toRegisterInput(
  doc: Pick<TaskDefinitionDocument, 'taskDefinition' | 'tags'>,
  extraTags: readonly TaskTag[] = [],
): RegisterTaskDefinitionCommandInput {
  const input = clean(doc.taskDefinition) as unknown as RegisterTaskDefinitionCommandInput
  const tags = mergeTags(doc.tags ?? [], extraTags)
  return tags.length > 0 ? { ...input, tags } : input
}

function mergeTags(base: readonly TaskTag[], extra: readonly TaskTag[]): Tag[] {
  const merged = new Map<string, string>()
  for (const tag of [...base, ...extra]) merged.set(tag.key, tag.value)
  return [...merged].map(([key, value]) => ({ key, value }))
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined).map(dropNulls)
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== null && member !== undefined)
        .map(([key, member]) => [key, dropNulls(member)]),
    )
  }
  return value
}
