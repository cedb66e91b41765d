import type { Deadline } from '../watch/deadline.js'
import { DeadlineReached, MUTATING_OPERATIONS } from './clients.js'

/** How long after the deadline (or a cancel) berth still has to make its rollback calls and take its last looks. */
export const ROLLBACK_GRACE_MS = 60_000

/** A signal that aborts after `ms` of real time with `reason`; its timer does not keep the process alive. */
function abortAfter(ms: number, reason: Error): AbortSignal {
  const controller = new AbortController()
  setTimeout(() => controller.abort(reason), Math.max(0, ms)).unref()
  return controller.signal
}

/**
 * Which signal each call of a run carries. Reads in flight are aborted by the deadline or a cancel, so a stalled
 * endpoint cannot hold the run. Calls that change something, and every call made after the deadline or a cancel
 * (the rollback and the last looks), have until the deadline plus a short grace: a cancel must not cut off the
 * rollback it asks for.
 */
export function callSignals(deadline: Deadline, cancel?: AbortSignal): (operation: string) => AbortSignal {
  const expired = new AbortController()
  const onDeadline = () => expired.abort(new DeadlineReached('the wait timeout (--wait-timeout) passed'))
  if (deadline.signal.aborted) onDeadline()
  else deadline.signal.addEventListener('abort', onDeadline, { once: true })
  const live = cancel ? AbortSignal.any([expired.signal, cancel]) : expired.signal
  let afterStop: AbortSignal | undefined
  const grace = () => abortAfter(deadline.remaining() + ROLLBACK_GRACE_MS, new DeadlineReached('the grace passed'))
  return (operation) => {
    if (live.aborted) return (afterStop ??= grace())
    return MUTATING_OPERATIONS.has(operation) ? grace() : live
  }
}
