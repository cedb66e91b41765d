import { ECSClient } from '@aws-sdk/client-ecs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ECRClient } from '@aws-sdk/client-ecr'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { errorName, errorMessage } from '../errors.js'
import { NoAnswerError, isUnreachable } from './errors.js'
import { keepUnknownMembers } from './unknown-members.js'

/** The narrow view of an SDK client that stages need: `send`. Tests hand in real clients pointed at the emulator. */
export type Sender<C extends { send: unknown }> = Pick<C, 'send'>

export interface AwsClients {
  ecs: Sender<ECSClient>
  codedeploy: Sender<CodeDeployClient>
  ecr: Sender<ECRClient>
  logs: Sender<CloudWatchLogsClient>
}

export interface ClientOptions {
  region?: string
  /** Overrides every service endpoint (the emulator); otherwise the SDK reads AWS_ENDPOINT_URL[_<SERVICE>]. */
  endpoint?: string
  /** Attempts the SDK makes of a read; a mutating call is always sent once by the SDK (see MUTATING_OPERATIONS). */
  maxAttempts?: number
  userAgent?: string
  /** Per attempt: how long to wait for the connection, and for the whole answer. */
  connectionTimeoutMs?: number
  requestTimeoutMs?: number
  /** Otherwise the SDK's default chain (environment, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export const USER_AGENT = 'berth'
export const CONNECTION_TIMEOUT_MS = 5_000
export const REQUEST_TIMEOUT_MS = 20_000

/**
 * Every call berth makes that changes something. The SDK never sends these twice: after a lost answer only berth's
 * own retry, which first looks at what the lost call did, may send one again. (`berth hook`'s
 * PutLifecycleEventHookExecutionStatus is not one: sending the same answer again changes nothing.)
 */
export const MUTATING_OPERATIONS: ReadonlySet<string> = new Set([
  'RegisterTaskDefinition',
  'DeregisterTaskDefinition',
  'UpdateService',
  'CreateDeployment',
  'CreateDeploymentConfig',
  'StopDeployment',
  'StopServiceDeployment',
  'ContinueServiceDeployment',
  'RunTask',
  'StopTask',
])

/** The SDK's name of a command's operation (`UpdateService`). */
export function operationOf(command: unknown): string {
  const schema = (command as { schema?: unknown }).schema
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2]
  return String((command as object).constructor?.name ?? '').replace(/Command$/, '')
}

type AnySend = (command: unknown, options?: Record<string, unknown>) => Promise<unknown>

interface Routed {
  reads: { send: unknown; destroy(): void }
  writes: { send: unknown; destroy(): void }
  endpoint: string
}

function router<C extends { send: unknown }>(routed: Routed): Sender<C> & { destroy(): void; endpoint: string } {
  const send: AnySend = async (command, options = {}) => {
    const operation = operationOf(command)
    const client = MUTATING_OPERATIONS.has(operation) ? routed.writes : routed.reads
    const started = Date.now()
    try {
      return await (client.send as AnySend).call(client, command, options)
    } catch (error) {
      if (errorName(error) === 'TimeoutError') {
        throw new NoAnswerError(operation, routed.endpoint, secondsSince(started), { cause: error })
      }
      if (isUnreachable(error)) {
        throw new Error(`could not reach AWS at ${routed.endpoint} for ${operation}: ${errorMessage(error)}`, {
          cause: error,
        })
      }
      throw error
    }
  }
  return {
    send: send as unknown as Sender<C>['send'],
    endpoint: routed.endpoint,
    destroy: () => {
      routed.reads.destroy()
      routed.writes.destroy()
    },
  }
}

function secondsSince(started: number): number {
  return Math.max(1, Math.round((Date.now() - started) / 1000))
}

/** The reason of an abort by the run's deadline (`--wait-timeout`), as opposed to a cancel. */
export class DeadlineReached extends Error {
  override readonly name = 'DeadlineReached'
}

export type Clients = AwsClients & { destroy(): void }

/**
 * The one seam through which a run's calls go: each call carries `signalFor(operation)`'s signal as its abortSignal, so the
 * run's deadline and cancel abort calls in flight. A call ended by the deadline is a NoAnswerError.
 */
export function abortable(clients: AwsClients, signalFor: (operation: string) => AbortSignal | undefined): AwsClients {
  const wrap = <S extends { send: unknown }>(client: S): S => {
    const endpoint = (client as { endpoint?: string }).endpoint ?? 'the AWS endpoint'
    const send: AnySend = async (command, options = {}) => {
      const operation = operationOf(command)
      const signal = signalFor(operation)
      const started = Date.now()
      try {
        return await (client.send as AnySend).call(client, command, { ...options, abortSignal: signal })
      } catch (error) {
        if (!(signal?.aborted && signal.reason instanceof DeadlineReached)) throw error
        throw new NoAnswerError(operation, endpoint, secondsSince(started), { cause: error })
      }
    }
    return { ...client, send } as S
  }
  return {
    ecs: wrap(clients.ecs),
    codedeploy: wrap(clients.codedeploy),
    ecr: wrap(clients.ecr),
    logs: wrap(clients.logs),
  }
}

/** One AWS call as it went: what was called, how long it took, how many attempts the SDK made, how it ended. */
export interface CallRecord {
  service: string
  operation: string
  ms: number
  attempts: number
  error?: string
}

/** Each call of the clients, reported once it ends (for `--verbose`): its duration, attempts and error. */
export function observed(clients: AwsClients, onCall: (call: CallRecord) => void): AwsClients {
  const wrap = <S extends { send: unknown }>(client: S, service: string): S => {
    const send: AnySend = async (command, options) => {
      const operation = operationOf(command)
      const started = Date.now()
      const report = (result: unknown, error?: unknown) => {
        const metadata = (result as { $metadata?: { attempts?: number } } | undefined)?.$metadata
        const attempts = metadata?.attempts ?? 1
        onCall({
          service,
          operation,
          ms: Date.now() - started,
          attempts,
          ...(error ? { error: errorName(error) } : {}),
        })
      }
      try {
        const output = await (client.send as AnySend).call(client, command, options)
        report(output)
        return output
      } catch (error) {
        report(error, error)
        throw error
      }
    }
    return { ...client, send } as S
  }
  return {
    ecs: wrap(clients.ecs, 'ECS'),
    codedeploy: wrap(clients.codedeploy, 'CodeDeploy'),
    ecr: wrap(clients.ecr, 'ECR'),
    logs: wrap(clients.logs, 'CloudWatch Logs'),
  }
}

/**
 * The only place berth constructs AWS SDK clients. Each service has two: reads, which the SDK retries, and
 * mutating calls, which it sends once. Every attempt has a connection and an answer deadline, and every call the
 * signal given to `abortWith`.
 */
export function createClients(options: ClientOptions = {}): Clients {
  // The region Config resolved (input, AWS_REGION, AWS_DEFAULT_REGION); unset, the SDK reads the profile's.
  const region = options.region
  const common = {
    region,
    retryMode: 'standard',
    customUserAgent: options.userAgent ?? USER_AGENT,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  }
  const reads = { ...common, maxAttempts: options.maxAttempts ?? 3 }
  const writes = { ...common, maxAttempts: 1 }
  const pair = <T extends { send: unknown; destroy(): void }>(
    make: (config: typeof reads) => T,
    service: string,
  ): Routed => ({
    reads: make(reads),
    writes: make(writes),
    endpoint: endpointOf(options.endpoint, service, region),
  })
  const ecs = router<ECSClient>(pair((c) => withUnknownMembers(new ECSClient(c)), 'ECS'))
  const codedeploy = router<CodeDeployClient>(pair((c) => new CodeDeployClient(c), 'CODEDEPLOY'))
  const ecr = router<ECRClient>(pair((c) => new ECRClient(c), 'ECR'))
  const logs = router<CloudWatchLogsClient>(pair((c) => new CloudWatchLogsClient(c), 'CLOUDWATCH_LOGS'))
  return {
    ecs,
    codedeploy,
    ecr,
    logs,
    destroy: () => [ecs, codedeploy, ecr, logs].forEach((client) => client.destroy()),
  }
}

/** An ECS client that sends a task definition's members newer than this SDK as given (see keepUnknownMembers). */
function withUnknownMembers(client: ECSClient): ECSClient {
  keepUnknownMembers(client)
  return client
}

const HOSTS: Record<string, string> = { ECS: 'ecs', CODEDEPLOY: 'codedeploy', ECR: 'api.ecr', CLOUDWATCH_LOGS: 'logs' }

/** Where the calls of `service` go, for messages: the override, AWS_ENDPOINT_URL[_<SERVICE>], else AWS's own. */
function endpointOf(endpoint: string | undefined, service: string, region: string | undefined): string {
  return (
    endpoint ??
    process.env[`AWS_ENDPOINT_URL_${service}`] ??
    process.env.AWS_ENDPOINT_URL ??
    `https://${HOSTS[service]}.${region ?? '<region>'}.amazonaws.com`
  )
}
