import { describe, expect, it } from '@jest/globals'
import type { Service } from '@aws-sdk/client-ecs'
import type { Strategy } from '../../../src/config/types.js'
import { chooseStrategy, driverFor } from '../../../src/deploy/select.js'
import { UserError } from '../../../src/errors.js'

function service(
  controller?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL',
  strategy?: 'ROLLING' | 'BLUE_GREEN' | 'CANARY',
): Service {
  return {
    serviceName: 'api',
    status: 'ACTIVE',
    ...(controller ? { deploymentController: { type: controller } } : {}),
    ...(strategy ? { deploymentConfiguration: { strategy } } : {}),
  }
}

describe('chooseStrategy', () => {
  it.each<[string, Service, Strategy, string]>([
    ['no controller given means ECS', service(), 'auto', 'rolling'],
    ['ECS rolling', service('ECS', 'ROLLING'), 'auto', 'rolling'],
    ['ECS rolling, asked for', service('ECS'), 'rolling', 'rolling'],
    ['ECS blue/green', service('ECS', 'BLUE_GREEN'), 'auto', 'ecs-native'],
    ['ECS canary, ecs-native asked for', service('ECS', 'CANARY'), 'ecs-native', 'ecs-native'],
    ['CODE_DEPLOY', service('CODE_DEPLOY'), 'auto', 'codedeploy'],
    ['CODE_DEPLOY, asked for', service('CODE_DEPLOY'), 'codedeploy', 'codedeploy'],
  ])('%s → %s', (_name, input, requested, expected) => {
    expect(chooseStrategy(input, 'prod', requested)).toBe(expected)
  })

  it.each<[string, Service, Strategy, RegExp]>([
    [
      'ecs-native on a rolling service',
      service('ECS', 'ROLLING'),
      'ecs-native',
      /--strategy ecs-native: service api in cluster prod is configured for ROLLING deployments/,
    ],
    [
      'rolling on CODE_DEPLOY',
      service('CODE_DEPLOY'),
      'rolling',
      /--strategy rolling: service api in cluster prod uses the CODE_DEPLOY/,
    ],
    ['codedeploy on ECS', service('ECS'), 'codedeploy', /--strategy codedeploy: .*ECS deployment controller/],
    ['rolling on blue/green', service('ECS', 'BLUE_GREEN'), 'rolling', /configured for BLUE_GREEN/],
    ['EXTERNAL', service('EXTERNAL'), 'auto', /EXTERNAL deployment controller/],
  ])('%s is a UserError', (_name, input, requested, message) => {
    expect(() => chooseStrategy(input, 'prod', requested)).toThrow(UserError)
    expect(() => chooseStrategy(input, 'prod', requested)).toThrow(message)
  })

  it('has a driver for every strategy it picks', () => {
    for (const name of ['rolling', 'codedeploy', 'ecs-native'] as const) expect(driverFor(name).name).toBe(name)
  })
})
