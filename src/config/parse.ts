import { existsSync } from 'node:fs'
import {
  HOOK_EVENTS,
  LAMBDA_FUNCTION_FORM,
  isLambdaFunction,
  type HookBinding,
  type HookEvent,
} from '../artifacts/hooks.js'
import { UserError } from '../errors.js'
import type { EnvEdit, ImageEdit, SecretEdit } from '../taskdef/types.js'
import {
  parseCommandEdit,
  parseContainerName,
  parseContainerSizeEdit,
  parseDockerLabelEdit,
  parseEnvironmentFileEdit,
  parseLogConfigurationEdit,
  parseRoleArn,
} from './edits.js'
import {
  ARTIFACT_KINDS,
  COMMAND_AFTER_DASHES,
  FAILURE_POLICIES,
  INTERRUPT_ACTIONS,
  STRATEGIES,
  WAIT_FOR,
  type ArtifactKind,
  type Config,
  type DeploymentConfigSpec,
  type HookConfig,
  type InputSource,
  type TaskDefinitionSource,
} from './types.js'
import {
  HOOK_DEADLINE,
  HOOK_INTERVAL,
  Invalid,
  WAIT_TIMEOUT,
  durationWithin,
  oneOf,
  parseBoolean,
  parseCount,
  parseDuration,
  parsePercent,
  parsePositiveCount,
  parseUnits,
  parseWholeMinutes,
  pollIntervalBounds,
  splitOnce,
  type Parse,
} from './values.js'

const DEFAULT_WAIT_TIMEOUT = '30m'

const DEFAULT_POLL_INTERVAL = '5s'

export function parseConfig(source: InputSource, env: Record<string, string | undefined> = {}): Config {
  const input = reader(source)
  const cluster = input.string('cluster')
  const services = uniqueServices(source, serviceNames(source))
  const service = services[0]
  if (service && !cluster) throw new UserError(`${source.label('service')} needs ${source.label('cluster')} too.`)
  if (cluster && !service) throw new UserError(`${source.label('cluster')} needs ${source.label('service')} too.`)
  const artifactsDir = input.string('artifacts-dir')
  return {
    taskDefinition: input.optional('task-definition', parseTaskDefinitionSource),
    images: input.each('image', parseImageEdit).map((edit) => withBuildTag(edit, env)),
    env: input.each('env', parseEnvEdit),
    secrets: input.each('secret', parseSecretEdit),
    family: input.optional('family', parseFamily),
    cpu: input.optional('cpu', parseUnits('cpu', ['256', '1024', '1 vCPU'])),
    memory: input.optional('memory', parseUnits('memory', ['512', '2048', '2GB'])),
    taskRoleArn: input.optional('task-role-arn', parseRoleArn),
    executionRoleArn: input.optional('execution-role-arn', parseRoleArn),
    commands: onePerContainer(source, 'command', input.each('command', parseCommandEdit)),
    dockerLabels: input.each('docker-label', parseDockerLabelEdit),
    logConfigurations: onePerContainer(
      source,
      'log-configuration',
      input.each('log-configuration', parseLogConfigurationEdit),
    ),
    environmentFiles: input.each('environment-file', parseEnvironmentFileEdit),
    containerCpu: onePerContainer(
      source,
      'container-cpu',
      input.each('container-cpu', parseContainerSizeEdit('cpu units')),
    ),
    containerMemory: onePerContainer(
      source,
      'container-memory',
      input.each('container-memory', parseContainerSizeEdit('MiB')),
    ),
    out: input.string('out'),
    diff: input.boolean('diff'),
    artifactsDir,
    artifacts:
      input.optional('artifacts', parseArtifactKinds) ?? (artifactsDir ? ['imagedefinitions', 'imagedetail'] : []),
    json: input.boolean('json') || input.boolean('json-events'),
    jsonEvents: input.boolean('json-events'),
    verbose: input.boolean('verbose'),
    githubEnvironment: input.string('github-environment'),
    githubToken: input.string('github-token'),
    cluster,
    service,
    services,
    maxParallel: input.optional('max-parallel', parsePositiveCount),
    onFailure: input.optional('on-failure', oneOf(FAILURE_POLICIES)) ?? 'rollback-all',
    strategy: input.optional('strategy', oneOf(STRATEGIES)) ?? 'auto',
    desiredCount: input.optional('desired-count', parseCount),
    forceNewDeployment: input.boolean('force-new-deployment'),
    keepRevisions: input.optional('keep-revisions', parsePositiveCount),
    maxFailedTasks: input.optional('max-failed-tasks', parsePositiveCount),
    codedeployApplication: input.string('codedeploy-application'),
    codedeployGroup: input.string('codedeploy-group'),
    deploymentConfig: input.optional('deployment-config', parseDeploymentConfig),
    hooks: input.each('hook', parseHookBinding),
    appspec: input.string('appspec'),
    waitFor: input.optional('wait-for', oneOf(WAIT_FOR)) ?? 'completed',
    ...watchTimers(input, env),
    onTimeout: input.optional('on-timeout', oneOf(INTERRUPT_ACTIONS)) ?? 'rollback',
    onCancel: input.optional('on-cancel', oneOf(INTERRUPT_ACTIONS)) ?? 'rollback',
    dryRun: input.boolean('dry-run'),
    region: regionOf(input, env),
    tags: input.each('tag', parseTag),
  }
}

export function parseHookConfig(source: InputSource, env: Record<string, string | undefined> = {}): HookConfig {
  const input = reader(source)
  const deploymentId = input.required('deployment-id', parseDeploymentId)
  const executionId = input.required('execution-id', (value) => value)
  const url = input.optional('http', parseHttpUrl)
  const argv = source.list(COMMAND_AFTER_DASHES)
  if (url && argv.length > 0) {
    throw new UserError(`${source.label('http')} and a command after -- are exclusive: give one check.`)
  }
  if (!url && argv.length === 0) {
    throw new UserError(`give a check: ${source.label('http')} URL, or a command after --.`)
  }
  const check = url
    ? {
        kind: 'http' as const,
        url,
        expectStatus: input.optional('expect-status', parseHttpStatus) ?? 200,
      }
    : { kind: 'command' as const, argv }
  return {
    deploymentId,
    executionId,
    check,
    deadlineMs: input.optional('deadline', durationWithin(HOOK_DEADLINE)) ?? parseDuration('5m'),
    intervalMs: input.optional('interval', durationWithin(HOOK_INTERVAL)) ?? parseDuration('5s'),
    region: regionOf(input, env),
    json: input.boolean('json'),
  }
}

/** `--wait-timeout` and `--poll-interval`, checked against their bounds, with their defaults. */
export function watchTimers(
  input: ReturnType<typeof reader>,
  env: Record<string, string | undefined>,
): { waitTimeoutMs: number; pollIntervalMs: number } {
  return {
    waitTimeoutMs: input.optional('wait-timeout', durationWithin(WAIT_TIMEOUT)) ?? parseDuration(DEFAULT_WAIT_TIMEOUT),
    pollIntervalMs:
      input.optional('poll-interval', durationWithin(pollIntervalBounds(env))) ?? parseDuration(DEFAULT_POLL_INTERVAL),
  }
}

/** `--service`, repeated or one per line; a source that gives it as one value (one line) works as well. */
function serviceNames(source: InputSource): string[] {
  const given = source.list('service')
  const lines = given.length > 0 ? given : (source.get('service')?.split('\n') ?? [])
  return lines.map((name) => name.trim()).filter(Boolean)
}

/** A service named twice would be deployed twice at once, each run following the other's deployment. */
function uniqueServices(source: InputSource, names: string[]): string[] {
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) {
      throw new UserError(`${source.label('service')}: service "${name}" is given twice; give each service once.`, {
        input: source.inputName?.('service') ?? source.label('service'),
      })
    }
    seen.add(name)
  }
  return names
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

/** The region to deploy to: the input, else AWS_REGION, else AWS_DEFAULT_REGION; one that cannot be a region is refused. */
export function regionOf(
  input: ReturnType<typeof reader>,
  env: Record<string, string | undefined>,
): string | undefined {
  const given = input.optional('region', parseRegion)
  if (given) return given
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = env[name]?.trim()
    if (!value) continue
    if (!REGION.test(value))
      throw new UserError(
        `${name}: ${JSON.stringify(value)} is not an AWS region; expected a region like us-east-1.`,
        { input: name },
        'environment',
      )
    return value
  }
  return undefined
}

function parseRegion(value: string): string {
  if (!REGION.test(value)) throw new Invalid('expected an AWS region like us-east-1 or eu-west-2.')
  return value
}

/** Inputs whose values may be secrets (an environment variable's value): a message shows what precedes the value. */
const SECRET_VALUES = new Set(['env'])

/** The bad value as a message may show it: quoted, or for a secret-bearing input without the value after `=`. */
function shownValue(name: string, raw: string): string {
  if (!SECRET_VALUES.has(name)) return JSON.stringify(raw)
  const equals = raw.indexOf('=')
  return equals < 0 ? '(the value, not shown)' : `${JSON.stringify(raw.slice(0, equals + 1) + '…')} (value not shown)`
}

export function reader(source: InputSource) {
  const wrap = <T>(name: string, raw: string, parse: Parse<T>): T => {
    try {
      return parse(raw)
    } catch (error) {
      if (error instanceof Invalid) {
        throw new UserError(`${source.label(name)}: ${shownValue(name, raw)} is not valid: ${error.message}`, {
          input: source.inputName?.(name) ?? source.label(name),
        })
      }
      throw error
    }
  }
  return {
    string: (name: string) => source.get(name),
    optional<T>(name: string, parse: Parse<T>): T | undefined {
      const raw = source.get(name)
      return raw === undefined ? undefined : wrap(name, raw, parse)
    },
    required<T>(name: string, parse: Parse<T>): T {
      const raw = source.get(name)
      if (raw === undefined) throw new UserError(`${source.label(name)} is required.`)
      return wrap(name, raw, parse)
    },
    each<T>(name: string, parse: Parse<T>): T[] {
      return source.list(name).map((raw) => wrap(name, raw, parse))
    },
    boolean(name: string): boolean {
      const raw = source.get(name)
      return raw === undefined ? false : wrap(name, raw, parseBoolean)
    },
  }
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/

function parseTaskDefinitionSource(value: string): TaskDefinitionSource {
  if (value.startsWith('arn:')) {
    if (!/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]+:\d+$/.test(value)) {
      throw new Invalid('expected a task definition ARN like arn:aws:ecs:us-east-1:123456789012:task-definition/web:7.')
    }
    return { kind: 'registered', ref: value }
  }
  if (existsSync(value) || /[\\/.]/.test(value)) return { kind: 'file', path: value }
  if (/^[A-Za-z0-9_-]{1,255}(:\d+)?$/.test(value)) return { kind: 'registered', ref: value }
  throw new Invalid('expected a JSON file, a FAMILY[:REVISION] or a task definition ARN.')
}

/** Edits that set a whole field: a second one for the same container would silently win, so it is refused. */
function onePerContainer<E extends { container: string }>(source: InputSource, name: string, edits: E[]): E[] {
  const seen = new Set<string>()
  for (const { container } of edits) {
    if (seen.has(container)) {
      throw new UserError(`${source.label(name)}: container "${container}" is given twice; give one per container.`, {
        input: source.inputName?.(name) ?? source.label(name),
      })
    }
    seen.add(container)
  }
  return edits
}

function parseImageEdit(value: string): ImageEdit {
  const form = 'CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2'
  const parts = splitOnce(value, '=')
  if (!parts || !parts[1]) throw new Invalid(`expected ${form}.`)
  return { container: parseContainerName(parts[0].trim(), form), uri: parts[1].trim() }
}

function parseDeploymentId(value: string): string {
  if (!/^d-[A-Z0-9]{9}$/.test(value)) throw new Invalid('expected a CodeDeploy deployment id like d-RPCR1U3TW.')
  return value
}

function parseHttpUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Invalid('expected a URL like http://host:port/health.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Invalid('expected an http:// or https:// URL.')
  }
  return value
}

function parseHttpStatus(value: string): number {
  const status = Number(value)
  if (!/^\d{3}$/.test(value) || status < 100 || status > 599)
    throw new Invalid('expected an HTTP status from 100 to 599.')
  return status
}

/**
 * In CodeBuild (CODEBUILD_BUILD_ID set), an image given without a tag or digest is the one this build pushed:
 * tagged with the commit it built, CODEBUILD_RESOLVED_SOURCE_VERSION.
 */
function withBuildTag(edit: ImageEdit, env: Record<string, string | undefined>): ImageEdit {
  const version = env.CODEBUILD_RESOLVED_SOURCE_VERSION?.trim()
  if (!env.CODEBUILD_BUILD_ID || !version) return edit
  const name = edit.uri.slice(edit.uri.lastIndexOf('/') + 1)
  return name.includes(':') || name.includes('@') ? edit : { ...edit, uri: `${edit.uri}:${version}` }
}

function parseContainerNameValue(value: string, form: string): { container: string; name: string; rest: string } {
  const [head, rest] = splitOnce(value, '=') ?? []
  const [container, name] = (head && splitOnce(head, ':')) ?? []
  if (!container || !name || rest === undefined) throw new Invalid(`expected ${form}.`)
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name))
    throw new Invalid(`variable name ${JSON.stringify(name)} is not a valid name; expected ${form}.`)
  return { container: parseContainerName(container, form), name, rest }
}

function parseEnvEdit(value: string): EnvEdit {
  const { container, name, rest } = parseContainerNameValue(value, 'CONTAINER:NAME=VALUE, e.g. web:LOG_LEVEL=debug')
  return { container, name, value: rest }
}

function parseSecretEdit(value: string): SecretEdit {
  const form =
    'CONTAINER:NAME=VALUEFROM, e.g. web:DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'
  const { container, name, rest } = parseContainerNameValue(value, form)
  if (!rest) throw new Invalid(`the secret's valueFrom is empty; expected ${form}.`)
  return { container, name, valueFrom: rest }
}

function parseFamily(value: string): string {
  if (!NAME.test(value)) throw new Invalid('a family is 1-255 letters, digits, hyphens and underscores.')
  return value
}

function parseArtifactKinds(value: string): ArtifactKind[] {
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean)
  if (kinds.length === 0) throw new Invalid(`expected a comma-separated list of ${ARTIFACT_KINDS.join(', ')}.`)
  return kinds.map((kind) => oneOf(ARTIFACT_KINDS)(kind))
}

function parseDeploymentConfig(value: string): DeploymentConfigSpec {
  const form =
    'a config name (e.g. CodeDeployDefault.ECSCanary10Percent5Minutes), canary:10%:5m, linear:10%:1m or all-at-once'
  if (value === 'all-at-once') return { type: 'all-at-once' }
  const shape = /^(canary|linear):([^:]+):([^:]+)$/.exec(value)
  if (shape) {
    const type = shape[1] as 'canary' | 'linear'
    return { type, percentage: parsePercent(shape[2], form), intervalMinutes: parseWholeMinutes(shape[3], form) }
  }
  if (/^[A-Za-z0-9._+=,@-]{1,100}$/.test(value) && !value.includes(':')) return { type: 'named', name: value }
  throw new Invalid(`expected ${form}.`)
}

function parseHookBinding(value: string): HookBinding {
  const form = `EVENT=FUNCTION with EVENT one of ${HOOK_EVENTS.join(', ')}`
  const parts = splitOnce(value, '=')
  if (!parts || !parts[1]) throw new Invalid(`expected ${form}.`)
  const event = parts[0].trim()
  if (!(HOOK_EVENTS as readonly string[]).includes(event)) {
    throw new Invalid(`${JSON.stringify(event)} is not a hookable lifecycle event; expected ${form}.`)
  }
  const functionName = parts[1].trim()
  if (!isLambdaFunction(functionName)) {
    throw new Invalid(`${JSON.stringify(functionName)} is not ${LAMBDA_FUNCTION_FORM}.`)
  }
  return { event: event as HookEvent, functionName }
}

function parseTag(value: string): { key: string; value: string } {
  const parts = splitOnce(value, '=')
  if (!parts) throw new Invalid('expected KEY=VALUE.')
  return { key: parts[0], value: parts[1] }
}
