export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Sleeps until `ms` pass or any signal aborts; an abort ends the sleep quietly, the caller checks why. */
export async function pause(sleep: Sleep, ms: number, signals: (AbortSignal | undefined)[]): Promise<void> {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined)
  if (present.some((signal) => signal.aborted)) return
  const signal = present.length > 0 ? AbortSignal.any(present) : undefined
  try {
    await sleep(ms, signal)
  } catch (error) {
    if (!signal?.aborted) throw error
  }
}

/** A real sleep that an AbortSignal cuts short (resolves, does not reject). */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
