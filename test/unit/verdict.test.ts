import { describe, expect, it } from '@jest/globals'
import { VERDICTS, worstOf, type RunStatus } from '../../src/verdict.js'

describe('worstOf: the verdict of a run over several services', () => {
  it.each<[RunStatus[], RunStatus]>([
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'paused'], 'paused'],
    [['paused', 'cancelled'], 'cancelled'],
    [['cancelled', 'rolled_back', 'succeeded'], 'rolled_back'],
    [['rolled_back', 'timed_out'], 'timed_out'],
    [['timed_out', 'failed', 'cancelled'], 'failed'],
    [['planned', 'planned'], 'planned'],
    [['planned', 'succeeded'], 'succeeded'],
    [[], 'succeeded'],
  ])('%j -> %s', (statuses, worst) => {
    expect(worstOf(statuses)).toBe(worst)
    expect(worstOf([...statuses].reverse())).toBe(worst)
  })

  it('ranks every ending of a deployment worse than succeeded and paused', () => {
    for (const status of VERDICTS.filter((verdict) => verdict !== 'succeeded' && verdict !== 'paused')) {
      expect(worstOf(['succeeded', status])).toBe(status)
      expect(worstOf([status, 'paused'])).toBe(status)
    }
  })
})
