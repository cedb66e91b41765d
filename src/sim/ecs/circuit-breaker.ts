import type { DeploymentConfiguration } from '@aws-sdk/client-ecs'

/**
 * The circuit breaker's failure threshold (aws-facts.md §3), the emulator's one rule, rounded as berth's own judgement
 * rounds it: COUNT is its value (at least 1); UNBOUNDED_PERCENT is ceil(value% × desiredCount) (at least 1);
 * BOUNDED_PERCENT, the default (50), is min(200, max(3, ceil(value% × desiredCount))). A COUNT without a value falls
 * back to the default. The percentage is computed as value × desiredCount / 100, so 7% of 100 is exactly 7.
 */
export function circuitBreakerThreshold(config: DeploymentConfiguration, desiredCount: number): number {
  const threshold = config.deploymentCircuitBreaker?.thresholdConfiguration
  if (threshold?.type === 'COUNT' && threshold.value !== undefined) return Math.max(1, threshold.value)
  const share = Math.ceil(((threshold?.value ?? 50) * desiredCount) / 100)
  if (threshold?.type === 'UNBOUNDED_PERCENT') return Math.max(1, share)
  return Math.min(200, Math.max(3, share))
}
