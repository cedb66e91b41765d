import type { CreateDeploymentConfigInput } from '@aws-sdk/client-codedeploy'
import { AwsError } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { Wire } from '../core/types.js'
import { validateTrafficRouting, type DeploymentConfigRecord } from './configs.js'
import type { Context } from './lifecycle.js'

export function deploymentConfig(ctx: Context, name: unknown): DeploymentConfigRecord {
  if (typeof name !== 'string' || name === '') {
    throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.')
  }
  const config = ctx.state.configs.get(name)
  if (!config)
    throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`)
  return config
}

export function createDeploymentConfig(ctx: Context, input: Wire<CreateDeploymentConfigInput>): object {
  const name = input.deploymentConfigName
  if (!name)
    throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.')
  if (!/^[\w.+=,@-]{1,100}$/.test(name) || name.startsWith('CodeDeployDefault.')) {
    throw new AwsError(
      'InvalidDeploymentConfigNameException',
      `The deployment configuration name ${name} is not valid.`,
    )
  }
  if (ctx.state.configs.has(name)) {
    throw new AwsError(
      'DeploymentConfigAlreadyExistsException',
      `Deployment Configuration already exists with name: ${name}`,
    )
  }
  if (input.computePlatform !== 'ECS') {
    throw new AwsError('InvalidComputePlatformException', 'The computePlatform must be ECS in this emulator.')
  }
  const config: DeploymentConfigRecord = {
    deploymentConfigId: ctx.world.uuid(),
    deploymentConfigName: name,
    computePlatform: 'ECS',
    createTime: ctx.world.nowSeconds(),
    trafficRoutingConfig: validateTrafficRouting(input.trafficRoutingConfig),
  }
  ctx.state.configs.set(name, config)
  return { deploymentConfigId: config.deploymentConfigId }
}

export function listDeploymentConfigs(ctx: Context, input: { nextToken?: string }): object {
  const names = [...ctx.state.configs.keys()].sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { deploymentConfigsList: items, nextToken }
}
