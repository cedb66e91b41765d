/** An error answered as `{"__type": type, "message": message}` with `status`. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/**
 * Bad input to the emulator that the user can fix: a scenario mistake (with its file and line when known) or a
 * `berth sim` option such as a port in use. The emulator's own type: the `sim` command turns it into its exit 2.
 */
export class SimInputError extends Error {
  override readonly name = 'SimInputError'
  constructor(
    message: string,
    readonly location: { file?: string; line?: number } = {},
  ) {
    super(message)
  }
}

/** ECS (and ECR) InvalidParameterException. */
export function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}
