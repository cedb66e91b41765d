import { readFile } from 'node:fs/promises'
import type { ProgressEvent } from '../../src/events.js'
import type { RunDeps } from '../../src/run.js'
import { realSleep } from '../../src/watch/sleep.js'
import type { TestSim } from './sim.js'

/**
 * What a berth run needs against the emulator on its manual clock: each sleep moves emulated time forward (after
 * `onSleep`, which may look at or act on the world between berth's looks), and events are collected.
 */
export function simDeps(
  sim: TestSim,
  events: ProgressEvent[],
  options: { onSleep?: (count: number) => Promise<void>; signal?: AbortSignal } = {},
): RunDeps {
  let sleeps = 0
  return {
    clients: sim.clients,
    reporter: { emit: (event) => void events.push(event) },
    readFile: (path) => readFile(path, 'utf8'),
    now: () => sim.clock.now(),
    sleep: async (ms) => {
      await options.onSleep?.(++sleeps)
      sim.advance(ms)
      // A real pause of a millisecond lets the test's own requests through between berth's looks.
      await realSleep(1)
    },
    signal: options.signal,
  }
}
