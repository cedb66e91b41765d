import { describe, expect, it } from '@jest/globals'
import type { DeploymentCircuitBreaker } from '@aws-sdk/client-ecs'
import { circuitBreakerThreshold } from '../../src/sim/ecs/circuit-breaker.js'

const breaker = (thresholdConfiguration?: DeploymentCircuitBreaker['thresholdConfiguration']) => ({
  deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration },
})

describe('the emulated circuit breaker threshold', () => {
  it.each([
    // aws-facts.md §3: the default is min(200, max(3, ceil(0.5 × desiredCount))): 1→3, 25→13, ≥400→200.
    [1, undefined, 3],
    [6, undefined, 3],
    [7, undefined, 4],
    [25, undefined, 13],
    [399, undefined, 200],
    [400, undefined, 200],
    [1000, undefined, 200],
    // COUNT uses its value.
    [10, { type: 'COUNT', value: 7 }, 7],
    [1000, { type: 'COUNT', value: 250 }, 250],
    [10, { type: 'COUNT', value: 0 }, 1],
    // Percent types: value% × desiredCount, rounded up; BOUNDED keeps 3..200, UNBOUNDED does not.
    [10, { type: 'BOUNDED_PERCENT', value: 20 }, 3],
    [10, { type: 'BOUNDED_PERCENT', value: 100 }, 10],
    [1000, { type: 'BOUNDED_PERCENT', value: 50 }, 200],
    [10, { type: 'UNBOUNDED_PERCENT', value: 20 }, 2],
    [1000, { type: 'UNBOUNDED_PERCENT', value: 50 }, 500],
    [3, { type: 'UNBOUNDED_PERCENT', value: 10 }, 1],
    [100, { type: 'UNBOUNDED_PERCENT', value: 7 }, 7],
  ] as const)('desiredCount %i with %j -> %i', (desired, threshold, expected) => {
    expect(circuitBreakerThreshold(breaker(threshold), desired)).toBe(expected)
  })

  it('falls back to the default for a COUNT without a value, as berth does', () => {
    expect(circuitBreakerThreshold(breaker({ type: 'COUNT' } as never), 25)).toBe(13)
    expect(circuitBreakerThreshold({}, 25)).toBe(13)
  })
})
