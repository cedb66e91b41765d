import { UserError, errorMessage, errorName } from '../errors.js'

const THROTTLING_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
])

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
])

interface ErrorFacts {
  name?: string
  code?: string
  $fault?: string
  $metadata?: { httpStatusCode?: number }
}

/** berth wraps an AWS error to say which call failed (`{ cause }`); the error it wraps decides what to do. */
function unwrapped(error: unknown): unknown {
  let current = error
  for (let depth = 0; depth < 5 && current instanceof Error && current.name === 'Error' && current.cause; depth++) {
    current = current.cause
  }
  return current
}

function facts(error: unknown): ErrorFacts {
  const inner = unwrapped(error)
  return typeof inner === 'object' && inner !== null ? (inner as ErrorFacts) : {}
}

/** The service asked us to slow down. The request was not processed, so any call may be sent again. */
export function isThrottling(error: unknown): boolean {
  const { name, code, $metadata } = facts(error)
  return THROTTLING_CODES.has(name ?? '') || THROTTLING_CODES.has(code ?? '') || $metadata?.httpStatusCode === 429
}

/** A dropped connection, when only the message is left (the SDK re-wraps errors it cannot recognise as objects). */
const NETWORK_MESSAGE =
  /\b(socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)\b/

/** A server-side or network failure that says nothing about the deployment: poll again later. */
export function isTransient(error: unknown): boolean {
  const { name, code, $fault, $metadata } = facts(error)
  if (isThrottling(error)) return true
  if (name === 'ServerException' || $fault === 'server') return true
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true
  if (NETWORK_CODES.has(name ?? '') || NETWORK_CODES.has(code ?? '')) return true
  const inner = unwrapped(error)
  return inner instanceof Error && NETWORK_MESSAGE.test(inner.message)
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * No connection to AWS could be made (refused, no such host, no route): the request was never sent. A connection
 * that dropped after the request went out (a lost answer) is not this: the call may have been processed.
 */
export function isUnreachable(error: unknown): boolean {
  const { name, code } = facts(error)
  if (UNREACHABLE_CODES.has(name ?? '') || UNREACHABLE_CODES.has(code ?? '')) return true
  const inner = unwrapped(error)
  return inner instanceof Error && /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.test(inner.message)
}

/**
 * The AWS set-up errors a user fixes in their environment, not in berth, as a UserError that says how; they come
 * from the first AWS call, before anything changes. Anything else is returned as it is.
 */
export function explainSetupError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : ''
  if (/^Region is missing/.test(message)) {
    return new UserError(
      'no AWS region: give --region (the Action input region), or set AWS_REGION (aws-actions/configure-aws-credentials sets it).',
      { input: '--region' },
      'environment',
    )
  }
  if (errorName(error) === 'CredentialsProviderError') {
    return new UserError(
      `no AWS credentials (${message}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or assume a ` +
        'role (in GitHub Actions, aws-actions/configure-aws-credentials; in CodeBuild, the project service role).',
      {},
      'environment',
    )
  }
  return error
}

/** Before any change: AWS that never answered is a problem of the environment, said as such (exit 2). */
export function neverReached(error: unknown): unknown {
  if (!(error instanceof NoAnswerError) && !isUnreachable(error)) return error
  return new UserError(
    `${errorMessage(error)}; nothing was changed. Check the network (proxy, VPC endpoints, firewall), the region ` +
      '(--region, AWS_REGION) and AWS_ENDPOINT_URL if it is set.',
    {},
    'environment',
  )
}

/** AWS gave no answer to one call in time: the per-attempt limit, or the run's deadline, ended it. */
export class NoAnswerError extends Error {
  // A network failure to every retry policy in berth (errors.ts: TimeoutError).
  override readonly name = 'TimeoutError'
  constructor(
    readonly operation: string,
    readonly endpoint: string,
    readonly seconds: number,
    options?: { cause?: unknown },
  ) {
    super(`AWS did not answer ${operation} at ${endpoint} within ${seconds} s`, options)
  }
}
