import { describe, expect, it } from '@jest/globals'
import { THRESHOLDS } from '../fixtures/circuit-breaker-thresholds.js'
import { circuitBreakerThreshold } from '../../src/sim/ecs/circuit-breaker.js'

describe('the emulated circuit breaker threshold', () => {
  it.each(THRESHOLDS)('desiredCount %i with %j -> %i', (desired, thresholdConfiguration, expected) => {
    expect(
      circuitBreakerThreshold(
        { deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration } },
        desired,
      ),
    ).toBe(expected)
  })

  it('falls back to the default without a circuit breaker configuration', () => {
    expect(circuitBreakerThreshold({}, 25)).toBe(13)
  })
})
