import type { DeploymentConfiguration } from '@aws-sdk/client-ecs'

/**
 * The circuit breaker's failure threshold (aws-facts.md §3): BOUNDED_PERCENT (default 50) is
 * min(200, max(3, ceil(value% × desiredCount))); COUNT is the value; UNBOUNDED_PERCENT is ceil(value% × desiredCount).
 */
export function circuitBreakerThreshold(config: DeploymentConfiguration, desiredCount: number): number {
  const threshold = config.deploymentCircuitBreaker?.thresholdConfiguration
  const value = threshold?.value ?? 50
  if (threshold?.type === 'COUNT') return Math.max(1, Math.round(value))
  const share = Math.ceil((value * desiredCount) / 100)
  if (threshold?.type === 'UNBOUNDED_PERCENT') return Math.max(1, share)
  return Math.min(200, Math.max(3, share))
}
