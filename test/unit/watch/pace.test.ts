import { describe, expect, it } from '@jest/globals'
import { jitter, quicker, slower, startPace, throttled } from '../../../src/watch/pace.js'

describe('pace', () => {
  it('starts at a fifth of the ceiling and grows to the ceiling while nothing changes', () => {
    let pace = startPace(5000)
    const waits = [pace.currentMs]
    for (let i = 0; i < 6; i++) {
      pace = slower(pace)
      waits.push(pace.currentMs)
    }
    expect(waits).toEqual([1000, 1500, 2250, 3375, 5000, 5000, 5000])
  })

  it('looks again soon after a change', () => {
    expect(quicker(slower(slower(startPace(5000)))).currentMs).toBe(1000)
  })

  it('backs off beyond the ceiling when throttled, up to six ceilings, and comes back', () => {
    let pace = startPace(5000)
    const waits: number[] = []
    for (let i = 0; i < 5; i++) {
      pace = throttled(pace)
      waits.push(pace.currentMs)
    }
    expect(waits).toEqual([5000, 10000, 20000, 30000, 30000])
    expect(slower(pace).currentMs).toBe(5000)
  })

  it.each([
    [0, 900],
    [0.5, 1000],
    [1, 1100],
  ])('jitter with random %d → %d', (random, expected) => {
    expect(jitter(1000, () => random)).toBe(expected)
  })
})
