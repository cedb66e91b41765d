import type { TrafficShape } from './deployment-config.js'

/** One traffic step: `green`% of production traffic goes to green `afterMinutes` after traffic shifting begins. */
export interface TrafficStep {
  afterMinutes: number
  green: number
}

/**
 * The steps a deployment config takes, from the first shift to 100% on green. A canary shifts its percentage,
 * waits one interval and shifts the rest; a linear config adds its percentage each interval until it reaches 100.
 */
export function trafficSchedule(shape: TrafficShape): TrafficStep[] {
  switch (shape.type) {
    case 'all-at-once':
      return [{ afterMinutes: 0, green: 100 }]
    case 'canary':
      return [
        { afterMinutes: 0, green: shape.percentage },
        { afterMinutes: shape.intervalMinutes, green: 100 },
      ]
    case 'linear': {
      const count = Math.ceil(100 / shape.percentage)
      return Array.from({ length: count }, (_, index) => ({
        afterMinutes: index * shape.intervalMinutes,
        green: Math.min(100, (index + 1) * shape.percentage),
      }))
    }
  }
}

/** Minutes from the first traffic shift until all traffic is on green. */
export function shiftMinutes(shape: TrafficShape): number {
  const steps = trafficSchedule(shape)
  return steps[steps.length - 1].afterMinutes
}

/** `10% → 100% after 5 min`, for the plan. */
export function describeSchedule(steps: readonly TrafficStep[]): string {
  return steps
    .map((step) => (step.afterMinutes === 0 ? `${step.green}%` : `${step.green}% at +${step.afterMinutes} min`))
    .join(' → ')
}
