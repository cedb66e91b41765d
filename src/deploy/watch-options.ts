import { ROLLBACK_GRACE_MS } from '../aws/abort.js'
import { isThrottling, isTransient } from '../aws/errors.js'
import type { WatchOptions } from '../watch/loop.js'
import { fastestPollMs } from '../watch/pace.js'
import type { DeployContext } from './strategy.js'
import { errorMessage } from '../errors.js'

/** How a driver watches its deployment: polls up to `--poll-interval`, one deadline, cancellation, retries reported. */
export function watchOptions(context: DeployContext): WatchOptions {
  return {
    ceilingMs: context.config.pollIntervalMs,
    deadline: context.deadline,
    cancel: context.cancel,
    sleep: context.sleep,
    now: context.now,
    onRetry: (error, delayMs) => context.reporter.emit({ type: 'retrying', error: errorMessage(error), delayMs }),
  }
}

/** The short pause between the quick looks after a change berth made (a rollback, a stop), and between its retries. */
export function quickPauseMs(context: DeployContext): number {
  return Math.max(100, fastestPollMs(context.config.pollIntervalMs))
}

/** A call that changes something is retried only when throttled: a transient error may have let it through. */
export function mutationRetry(context: DeployContext) {
  return { sleep: context.sleep, baseMs: quickPauseMs(context), retryable: isThrottling }
}

/** The deadline plus the short grace in which berth still makes its rollback calls has passed. */
export function pastGrace(context: DeployContext): boolean {
  return context.now() > context.deadline.at + ROLLBACK_GRACE_MS
}

/**
 * A rollback call (StopDeployment, the rolling rollback's UpdateService): safe to send again, so retried on
 * throttling, server errors and lost answers until the deadline plus the grace.
 */
export function rollbackRetry(context: DeployContext) {
  return {
    sleep: context.sleep,
    baseMs: quickPauseMs(context),
    maxDelayMs: 5_000,
    attempts: 1_000,
    retryable: isTransient,
    givenUp: () => pastGrace(context),
  }
}
