import type { TrafficRoutingConfig } from '@aws-sdk/client-codedeploy'
import { AwsError } from '../core/errors.js'
import type { Wire } from '../core/types.js'

/** A deployment configuration for the ECS compute platform, as GetDeploymentConfig returns it. */
export interface DeploymentConfigRecord {
  deploymentConfigId: string
  deploymentConfigName: string
  computePlatform: 'ECS'
  createTime: number
  trafficRoutingConfig: Wire<TrafficRoutingConfig>
}

/** One traffic step: `afterMs` from the start of AllowTraffic, the replacement task set gets `weight` percent. */
export interface TrafficStep {
  afterMs: number
  weight: number
}

const MINUTE_MS = 60_000

/** The ECS configurations every account has (aws-facts.md §4; list confirmed by `list-deployment-configs` output). */
export const PREDEFINED_ECS_CONFIGS: Record<string, Wire<TrafficRoutingConfig>> = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
  },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 3 },
  },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
  },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 },
  },
}

/**
 * When production traffic moves. Canary: P% at once, 100% after the interval. Linear: P% at once, then +P% every
 * interval until 100% (a linear 10%/1m run reaches 100% nine minutes after its first step, as observed on AWS).
 */
export function trafficSchedule(config: Wire<TrafficRoutingConfig>): TrafficStep[] {
  if (config.type === 'TimeBasedCanary') {
    const { canaryPercentage = 0, canaryInterval = 0 } = config.timeBasedCanary ?? {}
    return [
      { afterMs: 0, weight: canaryPercentage },
      { afterMs: canaryInterval * MINUTE_MS, weight: 100 },
    ]
  }
  if (config.type === 'TimeBasedLinear') {
    const { linearPercentage = 100, linearInterval = 0 } = config.timeBasedLinear ?? {}
    const steps: TrafficStep[] = []
    for (let i = 0, weight = linearPercentage; ; i++, weight += linearPercentage) {
      steps.push({ afterMs: i * linearInterval * MINUTE_MS, weight: Math.min(100, weight) })
      if (weight >= 100) return steps
    }
  }
  return [{ afterMs: 0, weight: 100 }]
}

/** Checks a CreateDeploymentConfig trafficRoutingConfig for the ECS platform; throws the real exception otherwise. */
export function validateTrafficRouting(config: Wire<TrafficRoutingConfig> | undefined): Wire<TrafficRoutingConfig> {
  const invalid = (why: string): AwsError => new AwsError('InvalidTrafficRoutingConfigurationException', why)
  if (!config?.type) throw invalid('The traffic routing configuration must specify a type.')
  if (config.type === 'AllAtOnce') return { type: 'AllAtOnce' }
  if (config.type === 'TimeBasedCanary') {
    const { canaryPercentage, canaryInterval } = config.timeBasedCanary ?? {}
    if (!isPercent(canaryPercentage) || !isMinutes(canaryInterval)) {
      throw invalid(
        'timeBasedCanary needs an integer canaryPercentage between 1 and 99 and a canaryInterval in minutes.',
      )
    }
    return { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage, canaryInterval } }
  }
  if (config.type === 'TimeBasedLinear') {
    const { linearPercentage, linearInterval } = config.timeBasedLinear ?? {}
    if (!isPercent(linearPercentage) || !isMinutes(linearInterval)) {
      throw invalid(
        'timeBasedLinear needs an integer linearPercentage between 1 and 99 and a linearInterval in minutes.',
      )
    }
    return { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage, linearInterval } }
  }
  throw invalid(`Unknown traffic routing type ${String(config.type)}.`)
}

function isPercent(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 99
}

function isMinutes(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1
}
