import type { Service } from '@aws-sdk/client-ecs'
import type { Strategy } from '../config/types.js'
import { UserError } from '../errors.js'
import { codedeploy } from './codedeploy/driver.js'
import { ecsNative } from './ecs-native/driver.js'
import type { Driver, DriverName } from './driver.js'
import { rolling } from './rolling/driver.js'

/** The drivers berth has, by the strategy `chooseStrategy` picks. */
export const DRIVERS: Record<DriverName, Driver> = { rolling, codedeploy, 'ecs-native': ecsNative }

const NATIVE_STRATEGIES = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY'])

function describeService(service: Service, cluster: string): string {
  return `service ${service.serviceName ?? '?'} in cluster ${cluster}`
}

/** Picks the driver from the service's deployment controller; `--strategy` may only confirm what the service allows. */
export function chooseStrategy(service: Service, cluster: string, requested: Strategy): DriverName {
  const controller = service.deploymentController?.type ?? 'ECS'
  const where = describeService(service, cluster)
  if (controller === 'EXTERNAL') {
    throw new UserError(
      `${where} uses the EXTERNAL deployment controller, which berth cannot drive; ` +
        'berth deploys services whose controller is ECS or CODE_DEPLOY.',
    )
  }
  if (controller === 'CODE_DEPLOY') {
    if (requested === 'auto' || requested === 'codedeploy') return 'codedeploy'
    throw new UserError(
      `--strategy ${requested}: ${where} uses the CODE_DEPLOY deployment controller, and ECS rejects task ` +
        'definition updates on it. Use --strategy auto or --strategy codedeploy.',
    )
  }
  const native = NATIVE_STRATEGIES.has(service.deploymentConfiguration?.strategy ?? 'ROLLING')
  if (requested === 'codedeploy') {
    throw new UserError(
      `--strategy codedeploy: ${where} uses the ECS deployment controller; CodeDeploy can only deploy services ` +
        'created with the CODE_DEPLOY controller. Use --strategy auto or rolling.',
    )
  }
  if (requested === 'rolling' && native) {
    throw new UserError(
      `--strategy rolling: ${where} is configured for ${service.deploymentConfiguration?.strategy} deployments. ` +
        'Use --strategy auto or --strategy ecs-native.',
    )
  }
  if (requested === 'ecs-native' && !native) {
    throw new UserError(
      `--strategy ecs-native: ${where} is configured for ${service.deploymentConfiguration?.strategy ?? 'ROLLING'} ` +
        'deployments (deploymentConfiguration.strategy), not BLUE_GREEN, LINEAR or CANARY. Use --strategy auto or rolling.',
    )
  }
  return native ? 'ecs-native' : 'rolling'
}

export function driverFor(name: DriverName): Driver {
  return DRIVERS[name]
}
