import type { Cluster, Container, Deployment, Service, Task, TaskSet } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import { epochSeconds } from '../core/ids.js'
import { withoutUndefined } from '../core/wire.js'
import { revisionSummary } from './service-deployments.js'
import type { ClusterState, DeploymentState, ServiceState, TaskState, Wire } from '../core/types.js'
import type { EcsContext } from './context.js'

export function renderCluster(ecs: EcsContext, cluster: ClusterState, include: string[]): Wire<Cluster> {
  const tasks = [...ecs.world.tasks.values()].filter(
    (t) => t.clusterName === cluster.name && t.desiredStatus === 'RUNNING',
  )
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => t.lastStatus !== 'RUNNING').length,
    activeServicesCount: [...cluster.services.values()].filter((s) => s.status === 'ACTIVE').length,
    statistics: [],
    tags: include.includes('TAGS') ? (ecs.world.resourceTags.get(cluster.arn) ?? []) : [],
    settings: include.includes('SETTINGS') ? [{ name: 'containerInsights', value: 'disabled' }] : [],
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [],
  }
}

export function renderService(ecs: EcsContext, service: ServiceState, withTags: boolean): Wire<Service> {
  const tasks = ecs.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
  const taskSets = service.controller !== 'ECS'
  const rendered: Wire<Service> = {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: ecs.world.clusterArn(service.clusterName),
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingCount: tasks.filter((t) => isPending(t)).length,
    launchType: service.launchType as Service['launchType'],
    platformVersion: service.platformVersion,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    taskDefinition: service.taskDefinitionArn,
    deploymentConfiguration: service.deploymentConfiguration,
    taskSets: taskSets ? service.deployments.map((d) => renderTaskSet(ecs, service, d)) : undefined,
    deployments: taskSets ? [] : service.deployments.map((d) => renderDeployment(ecs, service, d)),
    roleArn: service.roleArn,
    events: service.events.map((e) => ({ ...e })),
    createdAt: service.createdAt,
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    networkConfiguration: service.networkConfiguration,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    schedulingStrategy: service.schedulingStrategy as Service['schedulingStrategy'],
    deploymentController: { type: service.controller },
    tags: withTags ? (ecs.world.resourceTags.get(service.arn) ?? []) : undefined,
    createdBy: service.createdBy,
    enableECSManagedTags: service.enableECSManagedTags,
    propagateTags: service.propagateTags as Service['propagateTags'],
    enableExecuteCommand: service.enableExecuteCommand,
    availabilityZoneRebalancing: 'DISABLED',
    ...currentServiceDeployment(ecs.world, service),
  }
  return withoutUndefined(rendered)
}

/** DescribeServices' view of the service deployment in progress (or the last one) and the revisions it runs. */
function currentServiceDeployment(
  world: World,
  service: ServiceState,
): Pick<Wire<Service>, 'currentServiceDeployment' | 'currentServiceRevisions'> {
  const current = service.serviceDeployments[service.serviceDeployments.length - 1]
  if (!current) return {}
  const moving =
    current.lifecycleStage !== undefined && current.finishedAt === undefined && current.stoppedAt === undefined
  return {
    currentServiceDeployment: current.arn,
    currentServiceRevisions: service.deployments.map((d) =>
      revisionSummary(world, service, moving ? current : undefined, d),
    ),
  }
}

export function renderDeployment(ecs: EcsContext, service: ServiceState, d: DeploymentState): Wire<Deployment> {
  const tasks = ecs.world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING')
  return withoutUndefined({
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    desiredCount: d.desiredCount,
    pendingCount: tasks.filter((t) => isPending(t)).length,
    runningCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    failedTasks: d.failedTasks,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    launchType: d.launchType as Deployment['launchType'],
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: d.networkConfiguration,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  })
}

export function renderTaskSet(ecs: EcsContext, service: ServiceState, d: DeploymentState): Wire<TaskSet> {
  const tasks = ecs.world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING')
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length
  const stable = running === d.desiredCount && tasks.length === d.desiredCount
  return withoutUndefined({
    id: d.id,
    taskSetArn: d.taskSet?.arn,
    serviceArn: service.arn,
    clusterArn: ecs.world.clusterArn(service.clusterName),
    startedBy: service.controller === 'CODE_DEPLOY' ? 'CodeDeploy' : undefined,
    externalId: d.taskSet?.externalId,
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    computedDesiredCount: d.desiredCount,
    pendingCount: tasks.filter((t) => isPending(t)).length,
    runningCount: running,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    launchType: d.launchType as TaskSet['launchType'],
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: d.networkConfiguration,
    loadBalancers: d.taskSet?.loadBalancers ?? [],
    serviceRegistries: [],
    scale: { value: d.taskSet?.scale ?? 100, unit: 'PERCENT' },
    stabilityStatus: stable ? 'STEADY_STATE' : 'STABILIZING',
    stabilityStatusAt: d.updatedAt,
  })
}

export function renderTask(ecs: EcsContext, task: TaskState, withTags: boolean): Wire<Task> {
  const containers: Wire<Container>[] = task.containers.map((c) =>
    withoutUndefined({
      containerArn: ecs.world.arn('ecs', `container/${task.clusterName}/${task.id}/${c.runtimeId.slice(-36)}`),
      taskArn: task.arn,
      name: c.name,
      image: c.image,
      imageDigest: c.imageDigest,
      runtimeId: c.runtimeId,
      lastStatus: c.lastStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      networkBindings: [],
      networkInterfaces:
        task.launchType === 'FARGATE' || task.containers.length > 0
          ? [{ attachmentId: task.id.slice(0, 8) + '-eni', privateIpv4Address: task.privateIp }]
          : [],
      healthStatus: c.healthStatus,
      cpu: c.cpu,
      memory: c.memory,
      memoryReservation: c.memoryReservation,
    }),
  )
  return withoutUndefined({
    attachments: [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: task.availabilityZone,
    clusterArn: ecs.world.clusterArn(task.clusterName),
    connectivity: task.connectivityAt !== undefined ? 'CONNECTED' : undefined,
    connectivityAt: seconds(task.connectivityAt),
    containers,
    cpu: task.cpu,
    createdAt: seconds(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: seconds(task.executionStoppedAt),
    group: task.group,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: task.launchType as Task['launchType'],
    memory: task.memory,
    overrides: task.overrides,
    platformVersion: task.platformVersion,
    platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: seconds(task.pullStartedAt),
    pullStoppedAt: seconds(task.pullStoppedAt),
    startedAt: seconds(task.startedAt),
    startedBy: task.startedBy,
    stopCode: task.stopCode as Task['stopCode'],
    stoppedAt: seconds(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: seconds(task.stoppingAt),
    tags: withTags ? (ecs.world.resourceTags.get(task.arn) ?? []) : [],
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
    ephemeralStorage: task.launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
  })
}

function isPending(task: TaskState): boolean {
  return task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING' || task.lastStatus === 'ACTIVATING'
}

function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : epochSeconds(ms)
}
