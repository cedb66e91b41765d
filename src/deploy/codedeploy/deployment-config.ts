import type { CreateDeploymentConfigCommandInput, TrafficRoutingConfig } from '@aws-sdk/client-codedeploy'
import type { DeploymentConfigSpec } from '../../config/types.js'

/** How a CodeDeploy ECS deployment config moves production traffic to green. */
export type TrafficShape =
  | { type: 'canary'; percentage: number; intervalMinutes: number }
  | { type: 'linear'; percentage: number; intervalMinutes: number }
  | { type: 'all-at-once' }

export const ALL_AT_ONCE_CONFIG = 'CodeDeployDefault.ECSAllAtOnce'

/** The predefined ECS deployment configs and the traffic shape each stands for. */
export const PREDEFINED_ECS_CONFIGS: Readonly<Record<string, TrafficShape>> = {
  [ALL_AT_ONCE_CONFIG]: { type: 'all-at-once' },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { type: 'linear', percentage: 10, intervalMinutes: 1 },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { type: 'linear', percentage: 10, intervalMinutes: 3 },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'canary', percentage: 10, intervalMinutes: 5 },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { type: 'canary', percentage: 10, intervalMinutes: 15 },
}

/**
 * The config name berth deploys with for a `--deployment-config` value. A canary or linear shape gets a stable
 * custom name, so every run with the same shape reuses one config instead of creating a new one each time.
 */
export function deploymentConfigName(spec: DeploymentConfigSpec): string {
  switch (spec.type) {
    case 'named':
      return spec.name
    case 'all-at-once':
      return ALL_AT_ONCE_CONFIG
    case 'canary':
      return `berth-canary-${spec.percentage}pct-${spec.intervalMinutes}min`
    case 'linear':
      return `berth-linear-${spec.percentage}pct-every-${spec.intervalMinutes}min`
  }
}

/** The CreateDeploymentConfig input for a custom canary or linear shape. */
export function customDeploymentConfig(
  spec: Extract<DeploymentConfigSpec, { type: 'canary' | 'linear' }>,
): CreateDeploymentConfigCommandInput {
  return {
    deploymentConfigName: deploymentConfigName(spec),
    computePlatform: 'ECS',
    trafficRoutingConfig: trafficRoutingConfig(spec),
  }
}

export function trafficRoutingConfig(shape: TrafficShape): TrafficRoutingConfig {
  switch (shape.type) {
    case 'all-at-once':
      return { type: 'AllAtOnce' }
    case 'canary':
      return {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: shape.percentage, canaryInterval: shape.intervalMinutes },
      }
    case 'linear':
      return {
        type: 'TimeBasedLinear',
        timeBasedLinear: { linearPercentage: shape.percentage, linearInterval: shape.intervalMinutes },
      }
  }
}

/** Reads the shape of a config as GetDeploymentConfig describes it; undefined when it is not one berth knows. */
export function shapeOf(config: TrafficRoutingConfig | undefined): TrafficShape | undefined {
  switch (config?.type) {
    case 'AllAtOnce':
      return { type: 'all-at-once' }
    case 'TimeBasedCanary': {
      const { canaryPercentage, canaryInterval } = config.timeBasedCanary ?? {}
      if (canaryPercentage === undefined || canaryInterval === undefined) return undefined
      return { type: 'canary', percentage: canaryPercentage, intervalMinutes: canaryInterval }
    }
    case 'TimeBasedLinear': {
      const { linearPercentage, linearInterval } = config.timeBasedLinear ?? {}
      if (linearPercentage === undefined || linearInterval === undefined) return undefined
      return { type: 'linear', percentage: linearPercentage, intervalMinutes: linearInterval }
    }
    default:
      return undefined
  }
}

export function sameShape(a: TrafficShape, b: TrafficShape): boolean {
  return describeShape(a) === describeShape(b)
}

/** `canary 10%, then the rest after 5 min`, for plans and messages. */
export function describeShape(shape: TrafficShape): string {
  switch (shape.type) {
    case 'all-at-once':
      return 'all traffic at once'
    case 'canary':
      return `canary ${shape.percentage}%, then the rest after ${shape.intervalMinutes} min`
    case 'linear':
      return `linear ${shape.percentage}% every ${shape.intervalMinutes} min`
  }
}
