import { UserError } from '../errors.js'
import { reader, regionOf, watchTimers } from './parse.js'
import type { ContinueConfig, InputSource, RevisionRef, RollbackConfig, StatusConfig } from './types.js'
import { Invalid, type Parse } from './values.js'

// The configs of the commands that act on a service already deployed: continue, status, rollback.

export function parseContinueConfig(source: InputSource, env: Record<string, string | undefined> = {}): ContinueConfig {
  const input = reader(source)
  return {
    cluster: input.required('cluster', parseResourceName('cluster')),
    service: input.required('service', parseResourceName('service')),
    hookId: input.optional('hook-id', parseHookId),
    hookIdLabel: source.label('hook-id'),
    rollback: input.boolean('rollback'),
    region: regionOf(input, env),
    json: input.boolean('json'),
  }
}

/** Inputs that deploy: with `continue: true` the Action only answers a paused deployment, so they are refused. */
const DEPLOY_ONLY_INPUTS = [
  'task-definition',
  'image',
  'env',
  'secret',
  'desired-count',
  'deployment-config',
  'before-deploy-task',
]

/** The Action's `continue: true`: the ContinueConfig of the inputs; undefined when the run deploys. */
export function parseContinueInput(
  source: InputSource,
  env: Record<string, string | undefined> = {},
): ContinueConfig | undefined {
  if (!reader(source).boolean('continue')) return undefined
  const given = DEPLOY_ONLY_INPUTS.filter((name) => source.get(name) !== undefined || source.list(name).length > 0)
  if (given.length > 0) {
    throw new UserError(
      `${source.label('continue')} is true: this step only continues a paused deployment, so ` +
        `${given.map((name) => source.label(name)).join(', ')} must not be given (deploy in another step).`,
      { input: source.inputName?.('continue') ?? 'continue' },
    )
  }
  return parseContinueConfig(source, env)
}

/** A cluster or service given by name or ARN, as ECS takes them. */
function parseResourceName(kind: 'cluster' | 'service'): Parse<string> {
  return (value) => {
    if (/^[A-Za-z0-9_-]{1,255}$/.test(value) || /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:/.test(value)) return value
    throw new Invalid(`expected a ${kind} name (letters, digits, hyphens, underscores) or ARN.`)
  }
}

function parseHookId(value: string): string {
  if (!/^ecs-[a-z]+-[A-Za-z0-9_-]+$/.test(value)) {
    throw new Invalid(
      'expected a hook id like ecs-pause-… (ecs-{hookType}-{id}), as DescribeServiceDeployments lists it in lifecycleHookDetails.',
    )
  }
  return value
}

export function parseStatusConfig(source: InputSource, env: Record<string, string | undefined> = {}): StatusConfig {
  const input = reader(source)
  return {
    cluster: input.required('cluster', (value) => value),
    service: input.required('service', (value) => value),
    codedeployApplication: input.string('codedeploy-application'),
    codedeployGroup: input.string('codedeploy-group'),
    json: input.boolean('json'),
    region: regionOf(input, env),
  }
}

export function parseRollbackConfig(source: InputSource, env: Record<string, string | undefined> = {}): RollbackConfig {
  const input = reader(source)
  return {
    ...parseStatusConfig(source, env),
    to: input.optional('to', parseRevisionRef),
    verbose: input.boolean('verbose'),
    ...watchTimers(input, env),
  }
}

function parseRevisionRef(value: string): RevisionRef {
  const form = "a revision of the service's family (7), FAMILY:REVISION (web:7) or a task definition ARN"
  const match =
    /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(value) ??
    /^([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(value) ??
    /^()(\d+)$/.exec(value)
  const revision = Number(match?.[2])
  if (!match || !Number.isSafeInteger(revision) || revision < 1) throw new Invalid(`expected ${form}.`)
  return { given: value, ...(match[1] ? { family: match[1] } : {}), revision }
}
