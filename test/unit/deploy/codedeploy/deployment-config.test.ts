import { describe, expect, it } from '@jest/globals'
import {
  customDeploymentConfig,
  deploymentConfigName,
  describeShape,
  sameShape,
  shapeOf,
  trafficRoutingConfig,
} from '../../../../src/deploy/codedeploy/deployment-config.js'

describe('deploymentConfigName', () => {
  it.each([
    [
      { type: 'named' as const, name: 'CodeDeployDefault.ECSCanary10Percent5Minutes' },
      'CodeDeployDefault.ECSCanary10Percent5Minutes',
    ],
    [{ type: 'all-at-once' as const }, 'CodeDeployDefault.ECSAllAtOnce'],
    [{ type: 'canary' as const, percentage: 10, intervalMinutes: 5 }, 'berth-canary-10pct-5min'],
    [{ type: 'linear' as const, percentage: 25, intervalMinutes: 2 }, 'berth-linear-25pct-every-2min'],
  ])('%j is %s', (spec, name) => {
    expect(deploymentConfigName(spec)).toBe(name)
  })
})

describe('customDeploymentConfig', () => {
  it('builds a TimeBasedCanary config for the ECS platform, in whole minutes', () => {
    expect(customDeploymentConfig({ type: 'canary', percentage: 10, intervalMinutes: 5 })).toEqual({
      deploymentConfigName: 'berth-canary-10pct-5min',
      computePlatform: 'ECS',
      trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } },
    })
  })

  it('builds a TimeBasedLinear config', () => {
    expect(customDeploymentConfig({ type: 'linear', percentage: 10, intervalMinutes: 1 })).toEqual({
      deploymentConfigName: 'berth-linear-10pct-every-1min',
      computePlatform: 'ECS',
      trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 1 } },
    })
  })
})

describe('shapeOf', () => {
  it.each([
    { type: 'all-at-once' as const },
    { type: 'canary' as const, percentage: 20, intervalMinutes: 15 },
    { type: 'linear' as const, percentage: 10, intervalMinutes: 3 },
  ])('reads back what trafficRoutingConfig writes: %j', (shape) => {
    expect(shapeOf(trafficRoutingConfig(shape))).toEqual(shape)
  })

  it('is undefined for configs it does not know', () => {
    expect(shapeOf(undefined)).toBeUndefined()
    expect(shapeOf({ type: 'TimeBasedCanary' })).toBeUndefined()
  })

  it('compares shapes and describes them', () => {
    expect(
      sameShape(
        { type: 'canary', percentage: 10, intervalMinutes: 5 },
        { type: 'canary', percentage: 10, intervalMinutes: 5 },
      ),
    ).toBe(true)
    expect(
      sameShape(
        { type: 'canary', percentage: 10, intervalMinutes: 5 },
        { type: 'linear', percentage: 10, intervalMinutes: 5 },
      ),
    ).toBe(false)
    expect(describeShape({ type: 'canary', percentage: 10, intervalMinutes: 5 })).toBe(
      'canary 10%, then the rest after 5 min',
    )
  })
})
