import { type Deadline, interruption } from './deadline.js'
import { isThrottling, isTransient } from '../aws/errors.js'
import { type Pace, jitter, quicker, slower, startPace, throttled } from './pace.js'
import { type Sleep, pause } from './sleep.js'

/** One look at the world: either the answer, or whether anything changed since the last look. */
export type TickResult<T> = { done: T } | { changed: boolean }

export type WatchEnd<T> = { kind: 'done'; value: T } | { kind: 'timed_out' } | { kind: 'cancelled' }

export interface WatchOptions {
  /** `--poll-interval`: the longest wait between two looks while the API does not throttle. */
  ceilingMs: number
  deadline: Deadline
  cancel?: AbortSignal
  sleep: Sleep
  now: () => number
  /** A look failed with a throttling or transient error; the loop waits `delayMs` and looks again. */
  onRetry?: (error: unknown, delayMs: number) => void
  random?: () => number
}

/**
 * Looks at the world until `tick` has an answer, the deadline passes or the job is cancelled. Throttling and
 * transient errors never end the watch (they cannot tell us how the deployment went); any other error does.
 */
export async function watch<T>(tick: () => Promise<TickResult<T>>, options: WatchOptions): Promise<WatchEnd<T>> {
  let pace: Pace = startPace(options.ceilingMs)
  for (;;) {
    await pause(options.sleep, waitFor(pace.currentMs, options), [options.deadline.signal, options.cancel])
    const stop = interruption(options.deadline, options.cancel)
    if (stop) return { kind: stop }
    try {
      const result = await tick()
      if ('done' in result) return { kind: 'done', value: result.done }
      pace = result.changed ? quicker(pace) : slower(pace)
    } catch (error) {
      // The deadline or a cancel aborted the look in flight: that is the interruption, not a failure.
      const stopped = interruption(options.deadline, options.cancel)
      if (stopped) return { kind: stopped }
      if (!isTransient(error)) throw error
      pace = isThrottling(error) ? throttled(pace) : slower(pace)
      options.onRetry?.(error, pace.currentMs)
    }
  }
}

function waitFor(ms: number, options: WatchOptions): number {
  return Math.min(jitter(ms, options.random), options.deadline.remaining())
}
