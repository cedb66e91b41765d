import type {
  CreateServiceRequest,
  DeleteServiceRequest,
  DeploymentConfiguration,
  DescribeServicesRequest,
  Failure,
  ListServicesRequest,
  LoadBalancer,
  NetworkConfiguration,
  Service,
  UpdateServiceRequest,
} from '@aws-sdk/client-ecs'
import { AwsError, invalid } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { ServiceState, TaskDefinitionRecord, Wire } from '../core/types.js'
import type { EcsContext } from './context.js'
import { checkDeploymentStrategy } from './native-config.js'
import { resolveTaskDefinition } from './task-definitions.js'
import { createTaskSet } from './task-sets.js'
import { stopTask } from './task-stop.js'
import { renderService } from './wire.js'

/** Creates a service (from the API or the scenario); scenario services get a default network configuration. */
export function createService(
  ecs: EcsContext,
  input: CreateServiceRequest,
  fromScenario = false,
): { service: Wire<Service> } {
  const cluster = ecs.world.cluster(input.cluster)
  const name = input.serviceName
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw invalid(
      'Service name is invalid: up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.',
    )
  }
  const existing = cluster.services.get(name)
  if (existing && existing.status !== 'INACTIVE') throw invalid('Creation of service was not idempotent.')
  const controller = input.deploymentController?.type ?? 'ECS'
  if (!['ECS', 'CODE_DEPLOY', 'EXTERNAL'].includes(controller))
    throw invalid(`Invalid deployment controller type: ${controller}`)
  const desiredCount = input.desiredCount ?? (input.schedulingStrategy === 'DAEMON' ? 0 : undefined)
  if (desiredCount === undefined && controller !== 'EXTERNAL')
    throw invalid('The desired count of the service must be specified.')
  if (desiredCount !== undefined && (!Number.isInteger(desiredCount) || desiredCount < 0)) {
    throw invalid('The desired count of the service must be a non-negative integer.')
  }
  let taskDefinition: TaskDefinitionRecord | undefined
  if (controller !== 'EXTERNAL' || input.taskDefinition) {
    if (!input.taskDefinition) throw invalid('TaskDefinition is required.')
    taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition)
    if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
      throw new AwsError('ClientException', 'TaskDefinition not found.')
  }
  const fargateByDefault = fromScenario && taskDefinition?.requiresCompatibilities?.includes('FARGATE')
  const launchType =
    input.launchType ?? (input.capacityProviderStrategy?.length ? undefined : fargateByDefault ? 'FARGATE' : 'EC2')
  let networkConfiguration = input.networkConfiguration
  if (taskDefinition) {
    checkLaunchType(taskDefinition, launchType)
    if (taskDefinition.networkMode === 'awsvpc' && !networkConfiguration) {
      if (!fromScenario) throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
      networkConfiguration = defaultNetwork(ecs, name)
    }
    checkLoadBalancers(taskDefinition, input.loadBalancers ?? [])
  }
  const deploymentConfiguration = withConfigDefaults(controller, input.deploymentConfiguration)
  if (controller === 'ECS') checkDeploymentStrategy(deploymentConfiguration, input.loadBalancers ?? [])
  const now = ecs.world.nowSeconds()
  const service: ServiceState = {
    name,
    arn: ecs.world.arn('ecs', `service/${cluster.name}/${name}`),
    clusterName: cluster.name,
    status: 'ACTIVE',
    controller,
    desiredCount: desiredCount ?? 0,
    taskDefinitionArn: taskDefinition?.taskDefinitionArn,
    launchType,
    platformVersion: launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : input.platformVersion,
    loadBalancers: input.loadBalancers ?? [],
    networkConfiguration,
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? (input.loadBalancers?.length ? 0 : undefined),
    deploymentConfiguration,
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
    propagateTags: input.propagateTags ?? 'NONE',
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    enableExecuteCommand: input.enableExecuteCommand ?? false,
    roleArn: input.loadBalancers?.length
      ? (input.role ?? `arn:aws:iam::${ecs.world.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`)
      : undefined,
    createdAt: now,
    createdBy: `arn:aws:iam::${ecs.world.account}:root`,
    events: [],
    deployments: [],
    history: [],
    serviceDeployments: [],
    steady: false,
    throttle: { failures: 0, nextLaunchAt: 0, announcedAt: 0 },
  }
  cluster.services.set(name, service)
  if (input.tags?.length) ecs.world.resourceTags.set(service.arn, [...input.tags])
  if (taskDefinition) {
    if (controller === 'ECS') ecs.scheduler.startDeployment(service, taskDefinition.taskDefinitionArn, !fromScenario)
    else createTaskSet(ecs, service, taskDefinition.taskDefinitionArn, { scale: 100, trafficWeight: 100 })
  }
  return { service: renderService(ecs, service, false) }
}

/** Finds a service by name or ARN in a cluster; ServiceNotFoundException when there is none. */
export function findService(ecs: EcsContext, clusterRef: string | undefined, ref: string | undefined): ServiceState {
  const cluster = ecs.world.cluster(clusterRef)
  const name = ecs.world.localName(ref ?? '', 'service/')
  const service = name === undefined ? undefined : cluster.services.get(name)
  if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.')
  return service
}

export function updateService(ecs: EcsContext, input: UpdateServiceRequest): { service: Wire<Service> } {
  const service = findService(ecs, input.cluster, input.service)
  if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
  if (service.controller === 'CODE_DEPLOY') checkCodeDeployUpdate(ecs, input)
  if (input.desiredCount !== undefined && (!Number.isInteger(input.desiredCount) || input.desiredCount < 0)) {
    throw invalid('The desired count of the service must be a non-negative integer.')
  }
  let taskDefinition: TaskDefinitionRecord | undefined
  if (input.taskDefinition !== undefined) {
    taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition)
    if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
      throw new AwsError('ClientException', 'TaskDefinition not found.')
    checkLaunchType(taskDefinition, service.launchType)
    if (taskDefinition.networkMode === 'awsvpc' && !service.networkConfiguration && !input.networkConfiguration) {
      throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
    }
    checkLoadBalancers(taskDefinition, input.loadBalancers ?? service.loadBalancers)
  }
  if (input.deploymentConfiguration || input.loadBalancers) {
    const config = withConfigDefaults(service.controller, {
      ...service.deploymentConfiguration,
      ...input.deploymentConfiguration,
    })
    if (service.controller === 'ECS') checkDeploymentStrategy(config, input.loadBalancers ?? service.loadBalancers)
    service.deploymentConfiguration = config
  }
  if (input.healthCheckGracePeriodSeconds !== undefined)
    service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds
  if (input.enableExecuteCommand !== undefined) service.enableExecuteCommand = input.enableExecuteCommand
  if (input.propagateTags !== undefined) service.propagateTags = input.propagateTags
  if (input.placementConstraints) service.placementConstraints = input.placementConstraints
  if (input.placementStrategy) service.placementStrategy = input.placementStrategy
  const networkChanged =
    input.networkConfiguration !== undefined || input.loadBalancers !== undefined || input.platformVersion !== undefined
  if (input.networkConfiguration) service.networkConfiguration = input.networkConfiguration
  if (input.loadBalancers) service.loadBalancers = input.loadBalancers
  if (input.platformVersion) service.platformVersion = input.platformVersion
  if (input.desiredCount !== undefined && input.desiredCount !== service.desiredCount) {
    service.desiredCount = input.desiredCount
    service.steady = false
    const primary = service.deployments[0]
    if (service.controller === 'ECS' && primary?.status === 'PRIMARY') primary.desiredCount = input.desiredCount
  }
  const newTaskDefinition =
    taskDefinition !== undefined && taskDefinition.taskDefinitionArn !== service.taskDefinitionArn
  if (service.controller === 'ECS' && (newTaskDefinition || input.forceNewDeployment || networkChanged)) {
    ecs.scheduler.startDeployment(service, taskDefinition?.taskDefinitionArn ?? service.taskDefinitionArn ?? '')
  } else {
    ecs.scheduler.schedule(service)
  }
  return { service: renderService(ecs, service, false) }
}

export function checkCodeDeployUpdate(ecs: EcsContext, input: UpdateServiceRequest): void {
  const refuse = (what: string): never => {
    throw invalid(
      `Unable to update ${what} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`,
    )
  }
  if (input.taskDefinition !== undefined) throw invalid(CODE_DEPLOY_TASK_DEFINITION)
  if (input.networkConfiguration !== undefined) refuse('network parameters')
  if (input.platformVersion !== undefined) refuse('platform version')
  if (input.loadBalancers !== undefined) refuse('load balancers')
  if (input.forceNewDeployment) {
    throw invalid(
      'Unable to force a new deployment on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    )
  }
}

export function deleteService(ecs: EcsContext, input: DeleteServiceRequest): { service: Wire<Service> } {
  const service = findService(ecs, input.cluster, input.service)
  if (service.status === 'INACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
  if (service.desiredCount > 0 && !input.force)
    throw invalid('The service cannot be stopped while it is scaled above 0.')
  service.status = 'DRAINING'
  service.desiredCount = 0
  for (const t of ecs.world.serviceTasks(service)) {
    stopTask(ecs.world, t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Service deleted', announce: true })
  }
  const finish = (): void => {
    if (ecs.world.serviceTasks(service).some((t) => t.lastStatus !== 'STOPPED')) {
      ecs.world.clock.after(5000, finish)
      return
    }
    service.status = 'INACTIVE'
    service.deployments = []
  }
  ecs.world.clock.after(0, finish)
  return { service: renderService(ecs, service, false) }
}

export function describeServices(ecs: EcsContext, input: DescribeServicesRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  const refs = input.services ?? []
  if (refs.length === 0) throw invalid('Services cannot be empty.')
  if (refs.length > 10) throw invalid('Services cannot contain more than 10 items.')
  const services: Wire<Service>[] = []
  const failures: Failure[] = []
  for (const ref of refs) {
    const name = ecs.world.localName(ref, 'service/')
    const service = name === undefined ? undefined : cluster.services.get(name)
    if (service) services.push(renderService(ecs, service, input.include?.includes('TAGS') ?? false))
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : ecs.world.arn('ecs', `service/${ref}`),
        reason: 'MISSING',
      })
  }
  return { services, failures }
}

export function listServices(ecs: EcsContext, input: ListServicesRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  const arns = [...cluster.services.values()]
    .filter((s) => s.status === 'ACTIVE')
    .filter((s) => !input.launchType || s.launchType === input.launchType)
    .filter((s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)
    .map((s) => s.arn)
  const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 10, max: 100 })
  return { serviceArns: items, nextToken }
}

export function defaultNetwork(ecs: EcsContext, name: string): NetworkConfiguration {
  const suffix = Buffer.from(name).toString('hex').padEnd(17, '0').slice(0, 17)
  return {
    awsvpcConfiguration: {
      subnets: [`subnet-${suffix}`],
      securityGroups: [`sg-${suffix}`],
      assignPublicIp: 'DISABLED',
    },
  }
}

const CODE_DEPLOY_TASK_DEFINITION =
  'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.'

export function checkLaunchType(td: TaskDefinitionRecord, launchType: string | undefined): void {
  if (launchType && launchType !== 'EXTERNAL' && !(td.compatibilities ?? []).includes(launchType as 'EC2')) {
    throw invalid(`Task definition does not support launch_type ${launchType}.`)
  }
}

function checkLoadBalancers(td: TaskDefinitionRecord, loadBalancers: LoadBalancer[]): void {
  for (const lb of loadBalancers) {
    const container = td.containerDefinitions?.find((c) => c.name === lb.containerName)
    if (!container) {
      throw invalid(`The container ${lb.containerName} does not exist in the task definition.`)
    }
    if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      throw invalid(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`)
    }
  }
}

/** DescribeServices shows the deployment configuration with ECS's defaults filled in. */
function withConfigDefaults(controller: string, config: DeploymentConfiguration | undefined): DeploymentConfiguration {
  const out: DeploymentConfiguration = {
    ...config,
    maximumPercent: Math.floor(config?.maximumPercent ?? 200),
    minimumHealthyPercent: Math.ceil(config?.minimumHealthyPercent ?? 100),
  }
  if (
    out.maximumPercent !== undefined &&
    out.minimumHealthyPercent !== undefined &&
    out.maximumPercent < out.minimumHealthyPercent
  ) {
    throw invalid('maximumPercent must be greater than or equal to minimumHealthyPercent.')
  }
  if (controller === 'ECS') {
    out.deploymentCircuitBreaker = config?.deploymentCircuitBreaker ?? { enable: false, rollback: false }
    out.strategy = config?.strategy ?? 'ROLLING'
  }
  return out
}
