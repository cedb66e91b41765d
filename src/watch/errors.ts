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

function facts(error: unknown): ErrorFacts {
  return typeof error === 'object' && error !== null ? (error as ErrorFacts) : {}
}

/** The service asked us to slow down. The request was not processed, so any call may be sent again. */
export function isThrottling(error: unknown): boolean {
  const { name, code, $metadata } = facts(error)
  return THROTTLING_CODES.has(name ?? '') || THROTTLING_CODES.has(code ?? '') || $metadata?.httpStatusCode === 429
}

/** A server-side or network failure that says nothing about the deployment: poll again later. */
export function isTransient(error: unknown): boolean {
  const { name, code, $fault, $metadata } = facts(error)
  if (isThrottling(error)) return true
  if (name === 'ServerException' || $fault === 'server') return true
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true
  return NETWORK_CODES.has(name ?? '') || NETWORK_CODES.has(code ?? '')
}

/** `ThrottlingException: Rate exceeded`, for progress lines. */
export function describeError(error: unknown): string {
  const { name } = facts(error)
  const message = error instanceof Error ? error.message : String(error)
  return name && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message
}
