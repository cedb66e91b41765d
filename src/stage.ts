import { isAbsolute, join } from 'node:path'
import type { AwsClients } from './aws/clients.js'
import { NoAnswerError, isTransient, isUnreachable } from './aws/errors.js'
import { retrying } from './aws/retry.js'
import { errorMessage } from './errors.js'
import type { Reporter, Stage } from './events.js'
import type { Sleep } from './watch/sleep.js'

// What every stage of a run is given, and the two things every stage does the same way: it is announced as a
// stage, and it retries its reads.

export interface RunDeps {
  clients: AwsClients
  reporter: Reporter
  readFile(path: string): Promise<string>
  /** Epoch milliseconds. */
  now(): number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: Sleep
  /** Aborted on SIGINT/SIGTERM: the run rolls back (or leaves, per --on-cancel) and ends `cancelled`. */
  signal?: AbortSignal
  /** Base of relative paths of written files (`--out`, `--artifacts-dir`); the process's when omitted. */
  cwd?: string
}

/** Emits stage-started/ended around one stage, also when it throws, so that log groups always close. */
export async function stage<T>(deps: RunDeps, name: Stage, title: string, work: () => Promise<T>): Promise<T> {
  deps.reporter.emit({ type: 'stage-started', stage: name, title })
  try {
    return await work()
  } finally {
    deps.reporter.emit({ type: 'stage-ended', stage: name })
  }
}

export function pathFor(deps: RunDeps, path: string): string {
  return deps.cwd && !isAbsolute(path) ? join(deps.cwd, path) : path
}

/** How many times berth tries, before any change, to reach an AWS endpoint that refuses or does not exist. */
const UNREACHABLE_ATTEMPTS = 3

/**
 * Reads retry on throttling and transient errors with berth's own clock; they are safe to send again. A call AWS
 * did not answer (the SDK's attempts each waited their full time) is not sent again before any change, nor is one
 * to an endpoint that cannot be reached, after a few tries: the run ends with advice instead.
 */
export function read<T>(deps: RunDeps, call: () => Promise<T>): Promise<T> {
  let unreachable = 0
  return retrying(call, {
    sleep: deps.sleep,
    baseMs: 500,
    retryable: (error) =>
      isTransient(error) &&
      !(error instanceof NoAnswerError) &&
      !(isUnreachable(error) && ++unreachable >= UNREACHABLE_ATTEMPTS),
    onRetry: (error, delayMs) => deps.reporter.emit({ type: 'retrying', error: errorMessage(error), delayMs }),
  })
}
