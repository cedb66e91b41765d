/** Where a user error points: the input or flag as the user gave it, and the file position when it comes from a file. */
export interface ErrorLocation {
  input?: string
  file?: string
  line?: number
  column?: number
}

/** What kind of thing went wrong, as `--json` and the Action's outputs say it. */
export type ErrorKind = 'input' | 'environment' | 'internal'

/**
 * An error the user can fix: bad input, a missing resource named by the user (`input`), or an environment berth
 * cannot work in: no region, no credentials, AWS not answering before any change (`environment`). Its message
 * names the input or flag, the bad value and what is accepted. Raised before any mutating AWS call; exits 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError'
  constructor(
    message: string,
    readonly location: ErrorLocation = {},
    readonly kind: Exclude<ErrorKind, 'internal'> = 'input',
  ) {
    super(message)
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

/** The message of anything thrown, without stack noise; an AWS error's code leads (`ThrottlingException: Rate exceeded`). */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { name, message } = error
  const fromAws = '$metadata' in error
  return fromAws && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message
}

/** The error's name, which the AWS SDK sets to the service's error code (`ThrottlingException`, …). */
export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined
}

/**
 * A bug in berth, not a problem of the input, of AWS or of the network: no UserError and no AWS or network error
 * anywhere in its causes. It exits 3 with its stack.
 */
export function isInternalError(error: unknown): boolean {
  let current = error
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    if (isUserError(current)) return false
    const facts = current as { $metadata?: unknown; $fault?: unknown; code?: unknown; name?: string; cause?: unknown }
    if (facts.$metadata !== undefined || facts.$fault !== undefined || typeof facts.code === 'string') return false
    if (facts.name === 'TimeoutError' || facts.name === 'AbortError') return false
    current = facts.cause
  }
  return true
}

/** What a bug says: that it is one, and where it happened. */
export function unexpectedFailure(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  return `berth failed unexpectedly (a bug in berth; please report it with this output):\n${detail}`
}

/** Any error as the `error` member of `--json`'s last line: `{kind, message, input?, file?, line?}`. */
export function errorJson(error: unknown): { kind: ErrorKind; message: string } & Omit<ErrorLocation, 'column'> {
  if (isUserError(error)) {
    const { input, file, line } = error.location
    return {
      kind: error.kind,
      message: error.message,
      ...(input ? { input } : {}),
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
    }
  }
  if (isInternalError(error)) return { kind: 'internal', message: unexpectedFailure(error) }
  return { kind: 'environment', message: errorMessage(error) }
}
