import { argsSource, parseArgs, type FlagSpec } from '../cli/args.js'
import { UserError, isUserError } from '../errors.js'
import { shellWords } from './command.js'
import { CONTAINER_EDIT_LISTS, TASK_DEFINITION_VALUES } from './flag-names.js'
import { parseCommandEdit, parseContainerName } from './edits.js'
import { parseConfig, reader } from './parse.js'
import type { Config, InputSource, RunTaskConfig } from './types.js'
import { Invalid, WAIT_TIMEOUT, durationWithin } from './values.js'

/** The flags of `berth run-task`, also the words `--before-deploy 'run-task …'` accepts. */
export const RUN_TASK_FLAGS: FlagSpec = {
  values: [
    ...TASK_DEFINITION_VALUES,
    'region',
    'cluster',
    'service',
    'network-from-service',
    'container',
    'wait-timeout',
    'poll-interval',
  ],
  lists: CONTAINER_EDIT_LISTS,
  switches: ['json', 'json-events', 'verbose'],
}

/**
 * The Action inputs named other than their CLI flag: `before-deploy-task` says, among the deploy's inputs, that
 * its value is a task to run (`run-task …`), where the CLI flag reads `--before-deploy 'run-task …'`.
 */
export const ACTION_INPUT_NAMES: Readonly<Record<string, string>> = { 'before-deploy': 'before-deploy-task' }

/** The flags that change the task definition: they need one to change (`--task-definition` or `--service`). */
const RENDER_EDITS = [
  ...TASK_DEFINITION_VALUES.filter((name) => name !== 'task-definition'),
  ...CONTAINER_EDIT_LISTS.filter((name) => name !== 'command'),
]

/** `berth run-task`'s flags, read once: the render flags as `berth render` reads them, and the task's own. */
export function parseRunTaskConfig(source: InputSource, env: Record<string, string | undefined> = {}): RunTaskConfig {
  // --cluster and --service mean a deploy target to parseConfig; here they say where the task runs. --command
  // overrides a container's command for this task (RunTask), it does not change the task definition.
  const renderSource: InputSource = {
    ...source,
    get: (name) => (name === 'cluster' || name === 'service' ? undefined : source.get(name)),
    list: (name) => (name === 'command' ? [] : source.list(name)),
  }
  const render = parseConfig(renderSource, env)
  const input = reader(source)
  return {
    render,
    cluster: input.string('cluster'),
    service: input.string('service'),
    networkFromService: input.string('network-from-service'),
    commands: input.each('command', parseCommandEdit),
    container: input.optional('container', (name) => parseContainerName(name, 'a container NAME')),
    waitTimeoutMs: input.optional('wait-timeout', durationWithin(WAIT_TIMEOUT)),
  }
}

/**
 * `berth deploy`'s flags, with `--before-deploy 'run-task …'` (the Action's `before-deploy-task`) read as run-task
 * flags: a mistake in them is said before anything changes.
 */
export function parseDeployConfig(source: InputSource, env: Record<string, string | undefined> = {}): Config {
  const config = parseConfig(source, env)
  const text = source.get('before-deploy')
  if (text === undefined) return config
  return { ...config, beforeDeploy: parseBeforeDeploy(text, source.label('before-deploy')) }
}

/** The words of `--before-deploy`, parsed as `berth run-task` parses its flags (BERTH_* variables left out). */
export function parseBeforeDeploy(text: string, label: string): RunTaskConfig {
  const fail = (message: string): never => {
    throw new UserError(`${label}: ${message}`, { input: label })
  }
  let words: string[] = []
  try {
    words = shellWords(text)
  } catch (error) {
    if (error instanceof Invalid) fail(`${JSON.stringify(text)} cannot be read: ${error.message}`)
    throw error
  }
  if (words[0] !== 'run-task')
    fail(`expected "run-task" and its flags, e.g. "run-task --command app:'rake db:migrate'".`)
  let config: RunTaskConfig | undefined
  try {
    config = parseRunTaskConfig(argsSource(parseArgs(words.slice(1), RUN_TASK_FLAGS, 'run-task'), {}))
  } catch (error) {
    if (isUserError(error)) fail(error.message)
    throw error
  }
  const given = config as RunTaskConfig
  const edits = RENDER_EDITS.filter((name) =>
    words.some((word) => word === `--${name}` || word.startsWith(`--${name}=`)),
  )
  if (edits.length > 0 && !given.render.taskDefinition && !given.service) {
    fail(
      `--${edits[0]} needs --task-definition (or --service) in the same string: without them the task runs the ` +
        'task definition the deploy just registered, as it is.',
    )
  }
  return given
}
