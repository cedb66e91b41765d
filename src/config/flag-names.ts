// The flags that render a task definition, one list for every command that takes them (render, deploy, run-task).

/** Flags with one value that shape the task definition. */
export const TASK_DEFINITION_VALUES = [
  'task-definition',
  'family',
  'cpu',
  'memory',
  'task-role-arn',
  'execution-role-arn',
]

/** Repeatable flags that edit containers of the task definition. */
export const CONTAINER_EDIT_LISTS = [
  'image',
  'env',
  'secret',
  'command',
  'docker-label',
  'log-configuration',
  'environment-file',
  'container-cpu',
  'container-memory',
]
