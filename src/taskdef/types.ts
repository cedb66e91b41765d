/** A JSON value as read from a file: objects keep their keys in the order they were written. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/**
 * A task definition as ordered JSON. Kept loose on purpose: berth edits a few fields and must carry every
 * other field, including ones newer than the SDK it was built with, through unchanged and in place.
 */
export type TaskDefinitionJson = Record<string, unknown>

/** A container definition inside `containerDefinitions`, as ordered JSON. */
export type ContainerJson = Record<string, unknown>

/** A path into a task definition: `['containerDefinitions', 1, 'image']`. */
export type JsonPath = (string | number)[]

export interface TaskTag {
  key: string
  value: string
}

/** Which shape the file had: the bare definition, `describe-task-definition` output, or a Register input. */
export type DocumentShape = 'bare' | 'describe' | 'register'

/** A task definition and where it came from. */
export interface TaskDefinitionDocument {
  taskDefinition: TaskDefinitionJson
  tags?: TaskTag[]
  file?: string
  shape: DocumentShape
  /** The 1-based line of a path relative to `taskDefinition`, for annotations; undefined when unknown. */
  lineOf(path: JsonPath): number | undefined
}

/**
 * The edits of one render: `--image`, `--env`, `--secret`, `--family`, `--cpu`, `--memory`, the roles, and the
 * container edits (`--command`, `--docker-label`, `--log-configuration`, `--environment-file`,
 * `--container-cpu`, `--container-memory`); the container edits are optional so that a render of images alone
 * reads as one.
 */
export interface RenderEdits extends Partial<ContainerEdits> {
  images: readonly ImageEdit[]
  env: readonly EnvEdit[]
  secrets: readonly SecretEdit[]
  family?: string
  cpu?: string
  memory?: string
  taskRoleArn?: string
  executionRoleArn?: string
}

/** The edits of single container fields, each naming its container. */
export interface ContainerEdits {
  /** `--command CONTAINER:COMMAND`: the container's command, as its arguments. */
  commands: readonly CommandEdit[]
  /** `--docker-label CONTAINER:KEY=VALUE`: set or override one of the container's dockerLabels. */
  dockerLabels: readonly DockerLabelEdit[]
  /** `--log-configuration CONTAINER:DRIVER[,KEY=VALUE…]`. */
  logConfigurations: readonly LogConfigurationEdit[]
  /** `--environment-file CONTAINER:ARN`: an S3 object added to the container's environmentFiles. */
  environmentFiles: readonly EnvironmentFileEdit[]
  /** `--container-cpu CONTAINER=N`: the container's cpu units. */
  containerCpu: readonly ContainerSizeEdit[]
  /** `--container-memory CONTAINER=N`: the container's hard memory limit in MiB. */
  containerMemory: readonly ContainerSizeEdit[]
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The container definitions that are objects, with their index in the array. */
export function containersOf(taskDefinition: TaskDefinitionJson): { container: ContainerJson; index: number }[] {
  const list = taskDefinition.containerDefinitions
  if (!Array.isArray(list)) return []
  return list.flatMap((container, index) => (isObject(container) ? [{ container, index }] : []))
}

export function containerName(container: ContainerJson): string | undefined {
  return typeof container.name === 'string' ? container.name : undefined
}

/** The edits of a render: new images, environment variables and secrets, per container. */
export interface ImageEdit {
  container: string
  uri: string
}

export interface EnvEdit {
  container: string
  name: string
  value: string
}

export interface SecretEdit {
  container: string
  name: string
  valueFrom: string
}

export interface CommandEdit {
  container: string
  command: string[]
}

export interface DockerLabelEdit {
  container: string
  key: string
  value: string
}

export interface LogConfigurationEdit {
  container: string
  logDriver: string
  /** The driver's options in the order given; a value may itself contain `=`. */
  options: Record<string, string>
}

export interface EnvironmentFileEdit {
  container: string
  /** The S3 object ARN of a `.env` file. */
  arn: string
}

export interface ContainerSizeEdit {
  container: string
  size: number
}
