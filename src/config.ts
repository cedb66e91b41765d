import { existsSync } from 'node:fs'
import {
  HOOK_EVENTS,
  LAMBDA_FUNCTION_FORM,
  isLambdaFunction,
  type HookBinding,
  type HookEvent,
} from './artifacts/hooks.js'
import { UserError } from './errors.js'
import { normaliseUnits } from './taskdef/units.js'

/** How a deployment is driven; `auto` reads the service's deployment controller. */
export const STRATEGIES = ['auto', 'rolling', 'codedeploy', 'ecs-native'] as const
export type Strategy = (typeof STRATEGIES)[number]

/** The CodePipeline artifacts berth can write. */
export const ARTIFACT_KINDS = ['imagedefinitions', 'imagedetail', 'codedeploy'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

/** What to do with the service when the deadline passes or the job is cancelled. */
export const INTERRUPT_ACTIONS = ['rollback', 'leave'] as const
export type InterruptAction = (typeof INTERRUPT_ACTIONS)[number]

/** How far a CodeDeploy deployment is followed: until all traffic is on green, or through the termination wait. */
export const WAIT_FOR = ['traffic-shifted', 'completed'] as const
export type WaitFor = (typeof WAIT_FOR)[number]

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

/** Where the task definition comes from: a JSON file, or a family[:revision] / ARN registered in ECS. */
export type TaskDefinitionSource = { kind: 'file'; path: string } | { kind: 'registered'; ref: string }

/** A CodeDeploy deployment configuration: a named one, or a traffic shape berth creates as a custom config. */
export type DeploymentConfigSpec =
  | { type: 'named'; name: string }
  | { type: 'canary'; percentage: number; intervalMinutes: number }
  | { type: 'linear'; percentage: number; intervalMinutes: number }
  | { type: 'all-at-once' }

/** Everything one run of `berth render` or `berth deploy` (or the Action) needs, parsed and checked once. */
export interface Config {
  /** Task definition to render; omitted for deploy = the service's current one. */
  taskDefinition?: TaskDefinitionSource
  /** `--image CONTAINER=URI`, several containers in one run. */
  images: ImageEdit[]
  /** `--env CONTAINER:NAME=VALUE`, set or override. */
  env: EnvEdit[]
  /** `--secret CONTAINER:NAME=VALUEFROM`, set or override. */
  secrets: SecretEdit[]
  family?: string
  cpu?: string
  memory?: string
  /** Write the rendered task definition here instead of stdout. */
  out?: string
  /** Print the diff between the input and the rendered task definition. */
  diff: boolean
  artifactsDir?: string
  artifacts: ArtifactKind[]
  /** Last stdout line is one JSON object. */
  json: boolean
  /** Add the progress events to that object as `events` (`--json-events`, which implies `--json`). */
  jsonEvents: boolean

  cluster?: string
  service?: string
  strategy: Strategy
  desiredCount?: number
  forceNewDeployment: boolean
  keepRevisions?: number
  maxFailedTasks?: number
  codedeployApplication?: string
  codedeployGroup?: string
  deploymentConfig?: DeploymentConfigSpec
  hooks: HookBinding[]
  appspec?: string
  waitFor: WaitFor
  waitTimeoutMs: number
  pollIntervalMs: number
  onTimeout: InterruptAction
  onCancel: InterruptAction
  dryRun: boolean
  region?: string
  /** Tags for the registered task definition, `KEY=VALUE`. */
  tags: { key: string; value: string }[]
}

/** `berth hook`: answer one CodeDeploy lifecycle hook with the outcome of a check. */
export interface HookConfig {
  deploymentId: string
  executionId: string
  check: { kind: 'http'; url: string; expectStatus: number } | { kind: 'command'; argv: string[] }
  deadlineMs: number
  intervalMs: number
  region?: string
  json: boolean
}

/**
 * Where values come from: Action inputs or CLI flags and env. `label` says how the user spells the name in
 * this face (`--image` or `input "image"`), so errors point at what they typed.
 */
export interface InputSource {
  get(name: string): string | undefined
  list(name: string): string[]
  label(name: string): string
  /** The bare name for `--json`'s error.input, when it differs from `label` (the Action's `task-definition`). */
  inputName?(name: string): string
}

const DEFAULT_WAIT_TIMEOUT = '30m'
const DEFAULT_POLL_INTERVAL = '5s'

export function parseConfig(source: InputSource, env: Record<string, string | undefined> = {}): Config {
  const input = reader(source)
  const cluster = input.string('cluster')
  const service = input.string('service')
  if (service && !cluster) throw new UserError(`${source.label('service')} needs ${source.label('cluster')} too.`)
  if (cluster && !service) throw new UserError(`${source.label('cluster')} needs ${source.label('service')} too.`)
  const artifactsDir = input.string('artifacts-dir')
  return {
    taskDefinition: input.optional('task-definition', parseTaskDefinitionSource),
    images: input.each('image', parseImageEdit),
    env: input.each('env', parseEnvEdit),
    secrets: input.each('secret', parseSecretEdit),
    family: input.optional('family', parseFamily),
    cpu: input.optional('cpu', parseUnits('cpu', ['256', '1024', '1 vCPU'])),
    memory: input.optional('memory', parseUnits('memory', ['512', '2048', '2GB'])),
    out: input.string('out'),
    diff: input.boolean('diff'),
    artifactsDir,
    artifacts:
      input.optional('artifacts', parseArtifactKinds) ?? (artifactsDir ? ['imagedefinitions', 'imagedetail'] : []),
    json: input.boolean('json') || input.boolean('json-events'),
    jsonEvents: input.boolean('json-events'),
    cluster,
    service,
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
    waitTimeoutMs: input.optional('wait-timeout', durationWithin(WAIT_TIMEOUT)) ?? parseDuration(DEFAULT_WAIT_TIMEOUT),
    pollIntervalMs:
      input.optional('poll-interval', durationWithin(pollIntervalBounds(env))) ?? parseDuration(DEFAULT_POLL_INTERVAL),
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
  const argv = source.list('command')
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

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

/** The region to deploy to: the input, else AWS_REGION, else AWS_DEFAULT_REGION; one that cannot be a region is refused. */
function regionOf(input: ReturnType<typeof reader>, env: Record<string, string | undefined>): string | undefined {
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

/** A parser of one value: returns the typed value or throws `Invalid` with what is accepted. */
type Parse<T> = (value: string) => T

/** Thrown by value parsers; `reader` turns it into a UserError naming the input and the bad value. */
class Invalid extends Error {}

function reader(source: InputSource) {
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

export function parseBoolean(value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0)$/i.test(value)) return false
  throw new Invalid('expected true or false.')
}

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

function splitOnce(value: string, separator: string): [string, string] | undefined {
  const at = value.indexOf(separator)
  return at <= 0 ? undefined : [value.slice(0, at), value.slice(at + 1)]
}

function parseContainerName(name: string, form: string): string {
  if (!NAME.test(name))
    throw new Invalid(`container name ${JSON.stringify(name)} must match [A-Za-z0-9_-]; expected ${form}.`)
  return name
}

function parseImageEdit(value: string): ImageEdit {
  const form = 'CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2'
  const parts = splitOnce(value, '=')
  if (!parts || !parts[1]) throw new Invalid(`expected ${form}.`)
  return { container: parseContainerName(parts[0].trim(), form), uri: parts[1].trim() }
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

function parseUnits(what: 'cpu' | 'memory', examples: string[]): Parse<string> {
  return (value) => {
    const normalised = normaliseUnits(what, value)
    if (normalised === undefined) throw new Invalid(`expected ${what} units like ${examples.join(', ')}.`)
    return normalised
  }
}

function parseArtifactKinds(value: string): ArtifactKind[] {
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean)
  if (kinds.length === 0) throw new Invalid(`expected a comma-separated list of ${ARTIFACT_KINDS.join(', ')}.`)
  return kinds.map((kind) => oneOf(ARTIFACT_KINDS)(kind))
}

function oneOf<T extends string>(accepted: readonly T[]): Parse<T> {
  return (value) => {
    if ((accepted as readonly string[]).includes(value)) return value as T
    throw new Invalid(`expected one of ${accepted.join(', ')}.`)
  }
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new Invalid('expected a whole number, 0 or more.')
  return Number(value)
}

function parsePositiveCount(value: string): number {
  const count = Number(value)
  if (!/^\d+$/.test(value) || count < 1) throw new Invalid('expected a whole number, 1 or more.')
  return count
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** The range a duration input accepts, in milliseconds, and how the range is said. */
interface Bounds {
  minMs: number
  maxMs: number
  said: string
}

/** Long enough to see a deployment through its first tasks, no longer than a day. */
const WAIT_TIMEOUT: Bounds = { minMs: 60_000, maxMs: 24 * 3_600_000, said: 'from 1m to 24h' }
/** CodeDeploy fails a lifecycle hook that has not answered within an hour. */
const HOOK_DEADLINE: Bounds = { minMs: 1000, maxMs: 3_600_000, said: "from 1s to 1h (CodeDeploy's hook timeout)" }
const HOOK_INTERVAL: Bounds = { minMs: 100, maxMs: 300_000, said: 'from 100ms to 5m' }

/**
 * Polls of AWS at least a second apart, at most five minutes; an emulator on this machine (AWS_ENDPOINT_URL on
 * loopback, whose clock may run many times faster) may be polled every 10 ms.
 */
function pollIntervalBounds(env: Record<string, string | undefined>): Bounds {
  const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(env.AWS_ENDPOINT_URL ?? '')
  return loopback
    ? { minMs: 10, maxMs: 300_000, said: 'from 10ms to 5m against an endpoint on this machine' }
    : { minMs: 1000, maxMs: 300_000, said: 'from 1s to 5m' }
}

function durationWithin(bounds: Bounds): Parse<number> {
  return (value) => {
    const ms = parseDuration(value)
    if (ms < bounds.minMs || ms > bounds.maxMs) throw new Invalid(`expected a duration ${bounds.said}.`)
    return ms
  }
}

/** `30m`, `1h30m`, `5s`, `250ms`, or bare seconds (`90`). */
export function parseDuration(value: string): number {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new Invalid('expected a duration like 30m, 1h30m, 45s or 500ms (a bare number is seconds).')
  }
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit], 0))
}

function parsePercent(value: string, form: string): number {
  const match = /^(\d+)%?$/.exec(value)
  const percent = match ? Number(match[1]) : NaN
  if (!(percent >= 1 && percent <= 99))
    throw new Invalid(`the percentage must be a whole number from 1 to 99; expected ${form}.`)
  return percent
}

function parseWholeMinutes(value: string, form: string): number {
  const ms = parseDuration(value)
  if (ms <= 0 || ms % 60_000 !== 0) throw new Invalid(`CodeDeploy intervals are whole minutes; expected ${form}.`)
  return ms / 60_000
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
