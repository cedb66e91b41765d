import type { Tag, TaskDefinition } from '@aws-sdk/client-ecs'
import { UserError } from '../errors.js'
import { JsonSyntaxError, parseJson, pathKey } from './json.js'
import { YamlSyntaxError, isYamlFile, parseYaml } from './yaml.js'
import { isObject } from './types.js'
import type { DocumentShape, JsonPath, TaskDefinitionDocument, TaskDefinitionJson, TaskTag } from './types.js'
import { DESCRIBE_ONLY_FIELDS } from './clean.js'

/**
 * Reads a task definition file, JSON or YAML: the bare definition, the `{"taskDefinition": …, "tags": …}` that
 * `aws ecs describe-task-definition` prints, or a RegisterTaskDefinition input (`--cli-input-json`).
 */
export function parseTaskDefinition(text: string, file: string): TaskDefinitionDocument {
  const { value, lines } = parseOrExplain(text, file)
  const lineAt = (path: JsonPath) => (path.length === 0 ? firstLine(text) : lines.get(pathKey(path)))
  if (!isObject(value)) {
    const line = firstLine(text)
    throw new UserError(
      `${file}:${line}: a task definition must be ${isYamlFile(file) ? 'a YAML mapping' : 'a JSON object'}, found ${kindOf(value)}.`,
      {
        file,
        line,
      },
    )
  }
  const shape = shapeOf(value)
  const prefix: JsonPath = shape === 'describe' ? ['taskDefinition'] : []
  const taskDefinition = shape === 'describe' ? (value.taskDefinition as TaskDefinitionJson) : { ...value }
  const tags = readTags(value.tags, file, lineAt(['tags']))
  if (shape !== 'describe') delete taskDefinition.tags
  requireContainers(taskDefinition, file, lineAt(prefix) ?? 1, lineAt([...prefix, 'containerDefinitions']))
  return {
    taskDefinition,
    ...(tags ? { tags } : {}),
    file,
    shape,
    lineOf: (path) => lineAt([...prefix, ...path]),
  }
}

/** A task definition fetched with DescribeTaskDefinition; timestamps become epoch seconds, as on the wire. */
export function fromDescribeOutput(output: { taskDefinition?: TaskDefinition; tags?: Tag[] }): TaskDefinitionDocument {
  if (!output.taskDefinition) throw new UserError('DescribeTaskDefinition returned no task definition.')
  const taskDefinition = toJson(output.taskDefinition) as TaskDefinitionJson
  const tags = (output.tags ?? []).flatMap((tag) =>
    tag.key !== undefined ? [{ key: tag.key, value: tag.value ?? '' }] : [],
  )
  return {
    taskDefinition,
    ...(tags.length > 0 ? { tags } : {}),
    shape: 'describe',
    lineOf: () => undefined,
  }
}

/** JSON, or YAML for a `.yaml`/`.yml` file; a syntax error says where and what kind, never the text there. */
function parseOrExplain(text: string, file: string) {
  try {
    return isYamlFile(file) ? parseYaml(text) : parseJson(text)
  } catch (error) {
    const at = { file, line: (error as { line?: number }).line, column: (error as { column?: number }).column }
    const where = `${file}:${at.line}:${at.column}`
    if (error instanceof JsonSyntaxError) {
      throw new UserError(`${where}: invalid JSON: expected ${error.expected}, found ${error.found}.`, at)
    }
    if (error instanceof YamlSyntaxError) throw new UserError(`${where}: invalid YAML: ${error.problem}.`, at)
    throw error
  }
}

function shapeOf(value: Record<string, unknown>): DocumentShape {
  if (isObject(value.taskDefinition)) return 'describe'
  return DESCRIBE_ONLY_FIELDS.some((field) => field in value) ? 'bare' : 'register'
}

function readTags(value: unknown, file: string, line: number | undefined): TaskTag[] | undefined {
  if (value === undefined || value === null) return undefined
  const valid =
    Array.isArray(value) &&
    value.every(
      (tag) => isObject(tag) && typeof tag.key === 'string' && ['string', 'undefined'].includes(typeof tag.value),
    )
  if (!valid) {
    throw new UserError(`${file}:${line ?? 1}: "tags" must be a list of {"key": "…", "value": "…"} objects.`, {
      file,
      line,
    })
  }
  return value.map((tag) => ({ key: tag.key as string, value: (tag.value as string | undefined) ?? '' }))
}

function requireContainers(
  taskDefinition: TaskDefinitionJson,
  file: string,
  objectLine: number,
  listLine: number | undefined,
): void {
  const list = taskDefinition.containerDefinitions
  if (list === undefined) {
    throw new UserError(
      `${file}:${objectLine}: the task definition has no "containerDefinitions"; expected a task definition ` +
        'JSON (bare, as printed by aws ecs describe-task-definition, or a RegisterTaskDefinition input).',
      { file, line: objectLine },
    )
  }
  if (!Array.isArray(list) || list.length === 0 || !list.every(isObject)) {
    const line = listLine ?? objectLine
    throw new UserError(
      `${file}:${line}: "containerDefinitions" must be a non-empty list of container objects, found ${kindOf(list)}.`,
      { file, line },
    )
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function firstLine(text: string): number {
  const match = /^\uFEFF?[ \t\r\n]*/.exec(text)
  return (match?.[0].match(/\n/g)?.length ?? 0) + 1
}

/** SDK values to plain JSON: Dates to epoch seconds, undefined members dropped. */
function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toJson)
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, toJson(member)]),
    )
  }
  return value
}
