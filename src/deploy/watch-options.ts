import { describeError } from '../watch/errors.js'
import type { WatchOptions } from '../watch/loop.js'
import type { DeployContext } from './strategy.js'

/** How a driver watches its deployment: polls up to `--poll-interval`, one deadline, cancellation, retries reported. */
export function watchOptions(context: DeployContext): WatchOptions {
  return {
    ceilingMs: context.config.pollIntervalMs,
    deadline: context.deadline,
    cancel: context.cancel,
    sleep: context.sleep,
    now: context.now,
    onRetry: (error, delayMs) => context.reporter.emit({ type: 'retrying', error: describeError(error), delayMs }),
  }
}
