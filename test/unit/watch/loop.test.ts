import { describe, expect, it } from '@jest/globals'
import { createDeadline } from '../../../src/watch/deadline.js'
import { watch, type TickResult } from '../../../src/watch/loop.js'

/** A fake clock: sleeping moves time forward at once. */
function fakeTime() {
  let now = 1_000_000
  const sleeps: number[] = []
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
  }
}

const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client' })
const serverError = () => Object.assign(new Error('internal'), { name: 'ServerException', $fault: 'server' })

describe('watch', () => {
  it('looks until the tick has an answer, slowing down while nothing changes', async () => {
    const time = fakeTime()
    const answers: TickResult<string>[] = [{ changed: true }, { changed: false }, { changed: false }, { done: 'ok' }]
    const end = await watch(async () => answers.shift()!, {
      ceilingMs: 5000,
      deadline: createDeadline(600_000, time.now),
      sleep: time.sleep,
      now: time.now,
      random: () => 0.5,
    })
    expect(end).toEqual({ kind: 'done', value: 'ok' })
    expect(time.sleeps).toEqual([1000, 1000, 1500, 2250])
  })

  it('survives throttling and server errors, backing off, without ending the watch', async () => {
    const time = fakeTime()
    const retries: number[] = []
    const script: (() => TickResult<string>)[] = [
      () => {
        throw throttle()
      },
      () => {
        throw serverError()
      },
      () => ({ done: 'ok' }),
    ]
    const end = await watch(async () => script.shift()!(), {
      ceilingMs: 5000,
      deadline: createDeadline(600_000, time.now),
      sleep: time.sleep,
      now: time.now,
      random: () => 0.5,
      onRetry: (_error, delayMs) => retries.push(delayMs),
    })
    expect(end).toEqual({ kind: 'done', value: 'ok' })
    expect(retries).toEqual([5000, 5000])
  })

  it('ends the watch on any other error', async () => {
    const time = fakeTime()
    const denied = Object.assign(new Error('not allowed'), { name: 'AccessDeniedException', $fault: 'client' })
    await expect(
      watch(
        async () => {
          throw denied
        },
        { ceilingMs: 5000, deadline: createDeadline(600_000, time.now), sleep: time.sleep, now: time.now },
      ),
    ).rejects.toBe(denied)
  })

  it('stops at the deadline, never sleeping past it', async () => {
    const time = fakeTime()
    const end = await watch(async () => ({ changed: false }), {
      ceilingMs: 5000,
      deadline: createDeadline(12_000, time.now),
      sleep: time.sleep,
      now: time.now,
      random: () => 0.5,
    })
    expect(end).toEqual({ kind: 'timed_out' })
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(12_000)
  })

  it('stops when cancelled, and cancellation wins over the deadline', async () => {
    const time = fakeTime()
    const controller = new AbortController()
    let looks = 0
    const end = await watch(
      async () => {
        if (++looks === 2) controller.abort()
        return { changed: false }
      },
      {
        ceilingMs: 5000,
        deadline: createDeadline(600_000, time.now),
        cancel: controller.signal,
        sleep: time.sleep,
        now: time.now,
      },
    )
    expect(end).toEqual({ kind: 'cancelled' })
    expect(looks).toBe(2)
  })
})
