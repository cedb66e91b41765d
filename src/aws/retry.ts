import { isThrottling, isTransient } from './errors.js'
import { type Sleep, pause } from '../watch/sleep.js'

export interface RetryOptions {
  sleep: Sleep
  /** First wait; doubles each time, up to `maxDelayMs`. */
  baseMs: number
  /** Default 8: with the SDK's own attempts under each, a throttling storm has to be long to end a run. */
  attempts?: number
  maxDelayMs?: number
  signal?: AbortSignal
  /**
   * Which errors are safe to send again. Reads: any transient error. Mutating calls: only throttling, which
   * guarantees the request was not processed.
   */
  retryable?: (error: unknown) => boolean
  onRetry?: (error: unknown, delayMs: number) => void
  /** True once retrying must stop whatever the attempts left (the deadline plus grace of a rollback call). */
  givenUp?: () => boolean
}

/** Retries on top of the SDK's own attempts, with berth's clock, so throttling storms do not end a run. */
export async function retrying<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 8
  const retryable = options.retryable ?? isTransient
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt >= attempts || !retryable(error) || options.signal?.aborted || options.givenUp?.()) throw error
      const delayMs = Math.min(options.maxDelayMs ?? 20_000, options.baseMs * 2 ** (attempt - 1))
      options.onRetry?.(error, delayMs)
      await pause(options.sleep, delayMs, [options.signal])
    }
  }
}

export const onlyThrottling = isThrottling
