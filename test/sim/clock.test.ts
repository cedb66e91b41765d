import { describe, expect, it } from '@jest/globals'
import { ManualClock, ScaledClock } from '../../src/sim/core/clock.js'

describe('ManualClock', () => {
  it('runs due timers in time order, then creation order, including timers set by timers', () => {
    const clock = new ManualClock(1000)
    const seen: string[] = []
    clock.at(3000, () => seen.push(`c@${clock.now()}`))
    clock.after(1000, () => {
      seen.push(`a@${clock.now()}`)
      clock.after(500, () => seen.push(`nested@${clock.now()}`))
    })
    clock.at(2000, () => seen.push(`b@${clock.now()}`))
    const cancelled = clock.after(100, () => seen.push('cancelled'))
    cancelled.cancel()
    clock.advance(2000)
    expect(seen).toEqual(['a@2000', 'b@2000', 'nested@2500', 'c@3000'])
    expect(clock.now()).toBe(3000)
    expect(clock.pending).toBe(0)
  })

  it('runs a timer set in the past at the current time', () => {
    const clock = new ManualClock(5000)
    let at = 0
    clock.at(1000, () => (at = clock.now()))
    clock.advance(0)
    expect(at).toBe(5000)
  })
})

describe('ScaledClock', () => {
  it('moves emulated time speed times faster and fires timers on emulated time', async () => {
    const clock = new ScaledClock(10_000, 0)
    const fired = await new Promise<number>((resolve) => clock.after(60_000, () => resolve(clock.now())))
    expect(fired).toBeGreaterThanOrEqual(60_000)
    clock.close()
  })

  it('reads whole milliseconds, whatever the speed', async () => {
    const clock = new ScaledClock(7.77, 0.5)
    const readings: number[] = []
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 3))
      readings.push(clock.now())
    }
    expect(readings.filter((ms) => !Number.isInteger(ms))).toEqual([])
    clock.close()
  })

  it('rejects a speed that is not positive', () => {
    expect(() => new ScaledClock(0)).toThrow('speed must be a positive number, got 0')
  })
})
