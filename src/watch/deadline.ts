/** The one deadline of a run (`--wait-timeout`). `expired()` reads the injected clock, `signal` wakes sleepers. */
export interface Deadline {
  readonly at: number
  readonly signal: AbortSignal
  remaining(): number
  expired(): boolean
}

export function createDeadline(timeoutMs: number, now: () => number): Deadline {
  const at = now() + timeoutMs
  const signal = AbortSignal.timeout(Math.max(0, timeoutMs))
  return {
    at,
    signal,
    remaining: () => Math.max(0, at - now()),
    expired: () => signal.aborted || now() >= at,
  }
}

/** Why waiting stopped early, if it did: the job was cancelled (wins) or the deadline passed. */
export function interruption(deadline: Deadline, cancel?: AbortSignal): 'cancelled' | 'timed_out' | undefined {
  if (cancel?.aborted) return 'cancelled'
  if (deadline.expired()) return 'timed_out'
  return undefined
}
