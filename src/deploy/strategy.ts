import type { Service, TaskDefinition } from '@aws-sdk/client-ecs'
import type { ArtifactFile } from '../artifacts/index.js'
import type { AwsClients } from '../aws/clients.js'
import type { Config, Strategy } from '../config.js'
import { UserError } from '../errors.js'
import type { Reporter } from '../events.js'
import type { LogExcerpt, Verdict } from '../verdict.js'
import type { Deadline } from '../watch/deadline.js'
import type { Sleep } from '../watch/sleep.js'
import { codedeploy } from './codedeploy.js'
import { rolling } from './rolling.js'

export type DriverName = 'rolling' | 'codedeploy' | 'ecs-native'

/** What a driver may read before anything changes: it raises UserErrors here, never after a mutating call. */
export interface PreflightContext {
  config: Config
  clients: AwsClients
  cluster: string
  service: Service
  reporter: Reporter
}

export interface DeployContext extends PreflightContext {
  /** The registered (or reused) task definition to deploy, and its content. */
  taskDefinitionArn: string
  taskDefinition: TaskDefinition
  /** What the service ran before: the target of a rollback on timeout or cancellation. */
  previousTaskDefinitionArn: string
  /** The artifacts the run built (the CodeDeploy driver reads the AppSpec from here). */
  artifacts: ArtifactFile[]
  now: () => number
  sleep: Sleep
  deadline: Deadline
  cancel?: AbortSignal
}

export interface DeployOutcome {
  status: Verdict
  deploymentId?: string
  reasons: string[]
  hints: string[]
  logs?: LogExcerpt[]
}

/** What a driver settled before anything changes: its lines of the dry-run plan, and the deployment to make. */
export interface PreparedDeployment {
  /** The driver's own plan lines; without them the plan says which service is updated to what. */
  plan?: string[]
  /** Deploys the task definition as prepared and follows it to a verdict. */
  deploy(context: DeployContext): Promise<DeployOutcome>
}

/** Deploys one task definition to one service; `prepare` does every read and check, so that a dry run can stop there. */
export interface Driver {
  name: DriverName
  prepare(context: PreflightContext): Promise<PreparedDeployment>
}

/**
 * The drivers berth has, by the strategy `chooseStrategy` picks. `ecs-native` (ECS blue/green, linear, canary)
 * registers here when `deploy/ecs-native.ts` exists; until then choosing it is a UserError.
 */
export const DRIVERS: Partial<Record<DriverName, Driver>> = { rolling, codedeploy }

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

export function driverFor(name: DriverName, drivers: Partial<Record<DriverName, Driver>> = DRIVERS): Driver {
  const driver = drivers[name]
  if (!driver) {
    throw new UserError(
      `--strategy: this service needs the ${name} strategy (ECS blue/green, linear or canary deployments), ` +
        `which this version of berth does not drive yet; it drives ${Object.keys(drivers).join(' and ')} deployments.`,
    )
  }
  return driver
}
