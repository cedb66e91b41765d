/** Where a user error points: the input or flag, and the file position when it comes from a file. */
export interface ErrorLocation {
  file?: string
  line?: number
  column?: number
}

/**
 * An error the user can fix: bad input, a missing resource named by the user. Its message names the input or
 * flag, the bad value and what is accepted. Raised before any mutating AWS call; exits 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError'
  constructor(
    message: string,
    readonly location: ErrorLocation = {},
  ) {
    super(message)
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

/** The message of anything thrown, without stack noise. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** The error's name, which the AWS SDK sets to the service's error code (`ThrottlingException`, …). */
export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined
}
