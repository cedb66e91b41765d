/**
 * The operations whose input may carry members newer than this SDK: a task definition file written for a newer
 * ECS API (a field ECS added after the SDK berth was built with).
 */
const PASSED_THROUGH: ReadonlySet<string> = new Set(['RegisterTaskDefinitionCommand'])

interface Stack {
  add(middleware: unknown, options: { step: 'build'; priority: 'high'; name: string }): void
}

/**
 * The SDK serializes only the members it knows and drops the rest. For the operations above, this puts the members
 * it dropped back into the JSON body, as given, so ECS receives the whole task definition. It runs before the
 * body's Content-Length is set.
 */
export function keepUnknownMembers(client: { middlewareStack: Stack }): void {
  const middleware =
    (next: (args: BuildArgs) => Promise<unknown>, context: { commandName?: string }) => async (args: BuildArgs) => {
      const body = bodyText(args.request?.body)
      if (PASSED_THROUGH.has(context.commandName ?? '') && body !== undefined && args.request) {
        args.request.body = JSON.stringify(withMissingMembers(JSON.parse(body), args.input))
      }
      return next(args)
    }
  client.middlewareStack.add(middleware, { step: 'build', priority: 'high', name: 'berthKeepUnknownMembers' })
}

interface BuildArgs {
  input: unknown
  request?: { body?: unknown }
}

function bodyText(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new TextDecoder().decode(body)
  return undefined
}

/** `sent` with every member of `given` it lacks added (null and undefined ones aside), at every depth. */
export function withMissingMembers(sent: unknown, given: unknown): unknown {
  if (Array.isArray(sent) && Array.isArray(given) && sent.length === given.length) {
    return sent.map((item, index) => withMissingMembers(item, given[index]))
  }
  if (!isObject(sent) || !isObject(given)) return sent
  const result: Record<string, unknown> = { ...sent }
  for (const [key, value] of Object.entries(given)) {
    if (key in sent) result[key] = withMissingMembers(sent[key], value)
    else if (value !== undefined && value !== null) result[key] = JSON.parse(JSON.stringify(value))
  }
  return result
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
