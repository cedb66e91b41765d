import { endsWell, severity, worstOf, type RunResult } from '../verdict.js'

// The words of a run over several services: each service's verdict as the run changed it, and the run's own.

type Registered = Omit<RunResult, 'status' | 'reasons' | 'hints'>

/** A service whose turn came after another had failed, under rollback-all: never touched. */
export function notStarted(registered: Registered, failed: string): RunResult {
  return {
    ...registered,
    status: 'cancelled',
    reasons: [
      `not deployed: service ${failed} did not succeed first, and the run stops there (--on-failure rollback-all).`,
    ],
    hints: [],
  }
}

/**
 * The run's verdict: its worst service's. Its reasons: the first reason of each service that did not end well, the
 * worst first (the Action's failure message is the first).
 */
export function runResult(cluster: string, services: RunResult[], artifacts: string[]): RunResult {
  return {
    status: worstOf(services.map((service) => service.status)),
    cluster,
    reasons: services
      .filter((service) => !endsWell(service.status))
      .sort((a, b) => severity(b.status) - severity(a.status))
      .map((service) => `service ${service.service}: ${service.status.replace('_', ' ')}: ${service.reasons[0] ?? ''}`),
    hints: [],
    artifacts,
    services,
  }
}
