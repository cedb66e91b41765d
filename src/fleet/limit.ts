/** Runs work with at most `max` at a time, in the order it was given; `work` waits its turn. */
export type Limit = <T>(work: () => Promise<T>) => Promise<T>

export function limiter(max: number): Limit {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a limit of ${max} lets nothing run.`)
  let running = 0
  const waiting: (() => void)[] = []
  // A finished piece of work hands its slot to the next in line, so that a newcomer cannot take it in between.
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return async (work) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await work()
    } finally {
      release()
    }
  }
}
