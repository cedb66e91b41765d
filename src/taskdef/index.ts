export type {
  ContainerJson,
  DocumentShape,
  JsonPath,
  JsonValue,
  RenderEdits,
  TaskDefinitionDocument,
  TaskDefinitionJson,
  TaskTag,
} from './types.js'
export { containerName, containersOf } from './types.js'
export { fromDescribeOutput, parseTaskDefinition } from './read.js'
export { render } from './render.js'
export { clean, DESCRIBE_ONLY_FIELDS, toRegisterInput } from './clean.js'
export { describeProblem, hasErrors, problemText, validate } from './validate.js'
export type { Problem } from './validate.js'
export { diff, equivalent, formatDiff } from './diff.js'
export type { DiffEntry } from './diff.js'
export { credentialKind } from './credentials.js'
export { parseImageReference } from './image.js'
export type { ImageReference } from './image.js'
