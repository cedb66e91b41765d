import type {
  Cluster,
  Container,
  CreateClusterRequest,
  CreateServiceRequest,
  DeleteServiceRequest,
  Deployment,
  DeploymentConfiguration,
  DescribeClustersRequest,
  DescribeServicesRequest,
  DescribeTasksRequest,
  Failure,
  ListClustersRequest,
  ListServicesRequest,
  ListTagsForResourceRequest,
  ListTasksRequest,
  LoadBalancer,
  NetworkConfiguration,
  RunTaskRequest,
  Service,
  StopTaskRequest,
  TagResourceRequest,
  Task,
  TaskSet,
  UntagResourceRequest,
  UpdateServiceRequest,
} from '@aws-sdk/client-ecs'
import type { ServiceDefinition } from './server.js'
import { ServiceScheduler } from './rolling.js'
import { launchTask, stopTask } from './tasks.js'
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitionFamilies,
  listTaskDefinitions,
  registerTaskDefinition,
  resolveTaskDefinition,
} from './taskdefs.js'
import {
  AwsError,
  epochSeconds,
  nameFromArn,
  page,
  type ClusterState,
  type DeploymentState,
  type ServiceState,
  type TaskDefinitionRecord,
  type TaskState,
  type Wire,
  type World,
} from './world.js'

const CODE_DEPLOY_TASK_DEFINITION =
  'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.'

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}

/** The ECS control plane: its state lives in the World, its scheduler moves tasks on the World's clock. */
export class Ecs {
  readonly scheduler: ServiceScheduler

  constructor(readonly world: World) {
    this.scheduler = new ServiceScheduler(world)
  }

  createCluster(input: CreateClusterRequest): { cluster: Wire<Cluster> } {
    const name = input.clusterName ?? 'default'
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('Cluster name is invalid.')
    let cluster = this.world.clusters.get(name)
    if (!cluster || cluster.status !== 'ACTIVE') {
      cluster = { name, arn: this.world.clusterArn(name), status: 'ACTIVE', services: new Map() }
      this.world.clusters.set(name, cluster)
    }
    if (input.tags?.length) this.world.resourceTags.set(cluster.arn, [...input.tags])
    return { cluster: this.renderCluster(cluster, []) }
  }

  describeClusters(input: DescribeClustersRequest): object {
    const refs = input.clusters && input.clusters.length > 0 ? input.clusters : ['default']
    const clusters: Wire<Cluster>[] = []
    const failures: Failure[] = []
    for (const ref of refs) {
      const name = this.world.localName(ref, 'cluster/')
      const cluster = name === undefined ? undefined : this.world.clusters.get(name)
      if (cluster) clusters.push(this.renderCluster(cluster, input.include ?? []))
      else failures.push({ arn: ref.startsWith('arn:') ? ref : this.world.clusterArn(ref), reason: 'MISSING' })
    }
    return { clusters, failures }
  }

  listClusters(input: ListClustersRequest): object {
    const arns = [...this.world.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn)
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 100, max: 100 })
    return { clusterArns: items, nextToken }
  }

  /** Creates a service (from the API or the scenario); scenario services get a default network configuration. */
  createService(input: CreateServiceRequest, fromScenario = false): { service: Wire<Service> } {
    const cluster = this.world.cluster(input.cluster)
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
      taskDefinition = resolveTaskDefinition(this.world, input.taskDefinition)
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
        if (!fromScenario)
          throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
        networkConfiguration = this.defaultNetwork(name)
      }
      checkLoadBalancers(taskDefinition, input.loadBalancers ?? [])
    }
    const now = this.world.nowSeconds()
    const service: ServiceState = {
      name,
      arn: this.world.arn('ecs', `service/${cluster.name}/${name}`),
      clusterName: cluster.name,
      status: 'ACTIVE',
      controller,
      desiredCount: desiredCount ?? 0,
      taskDefinitionArn: taskDefinition?.taskDefinitionArn,
      launchType,
      platformVersion: launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : input.platformVersion,
      loadBalancers: input.loadBalancers ?? [],
      networkConfiguration,
      healthCheckGracePeriodSeconds:
        input.healthCheckGracePeriodSeconds ?? (input.loadBalancers?.length ? 0 : undefined),
      deploymentConfiguration: withConfigDefaults(controller, input.deploymentConfiguration),
      placementConstraints: input.placementConstraints ?? [],
      placementStrategy: input.placementStrategy ?? [],
      schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
      propagateTags: input.propagateTags ?? 'NONE',
      enableECSManagedTags: input.enableECSManagedTags ?? false,
      enableExecuteCommand: input.enableExecuteCommand ?? false,
      roleArn: input.loadBalancers?.length
        ? (input.role ??
          `arn:aws:iam::${this.world.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`)
        : undefined,
      createdAt: now,
      createdBy: `arn:aws:iam::${this.world.account}:root`,
      events: [],
      deployments: [],
      history: [],
      steady: false,
      throttle: { failures: 0, nextLaunchAt: 0, announcedAt: 0 },
    }
    cluster.services.set(name, service)
    if (input.tags?.length) this.world.resourceTags.set(service.arn, [...input.tags])
    if (taskDefinition) {
      if (controller === 'ECS') this.scheduler.startDeployment(service, taskDefinition.taskDefinitionArn)
      else this.createTaskSet(service, taskDefinition.taskDefinitionArn, { scale: 100, trafficWeight: 100 })
    }
    return { service: this.renderService(service, false) }
  }

  /**
   * Adds a task set to a CODE_DEPLOY / EXTERNAL service (the first one PRIMARY). The CodeDeploy emulator uses this to
   * create the replacement (green) task set, then `scaleTaskSet`, `setPrimaryTaskSet` and `deleteTaskSet`.
   */
  createTaskSet(
    service: ServiceState,
    taskDefinitionArn: string,
    options: { scale: number; trafficWeight?: number; externalId?: string; loadBalancers?: LoadBalancer[] },
  ): DeploymentState {
    const now = this.world.nowSeconds()
    const id = this.world.deploymentId()
    const set: DeploymentState = {
      id,
      status: service.deployments.length === 0 ? 'PRIMARY' : 'ACTIVE',
      taskDefinitionArn,
      desiredCount: 0,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: '',
      evaluating: false,
      launchType: service.launchType,
      platformVersion: service.launchType === 'FARGATE' ? (service.platformVersion ?? 'LATEST') : undefined,
      networkConfiguration: service.networkConfiguration,
      taskSet: {
        arn: this.world.arn('ecs', `task-set/${service.clusterName}/${service.name}/${id}`),
        scale: options.scale,
        externalId: options.externalId,
        trafficWeight: options.trafficWeight ?? 0,
        loadBalancers: options.loadBalancers ?? service.loadBalancers,
      },
    }
    service.deployments.push(set)
    service.history.push(set)
    if (set.status === 'PRIMARY') service.taskDefinitionArn = taskDefinitionArn
    service.steady = false
    this.scheduler.schedule(service)
    return set
  }

  scaleTaskSet(service: ServiceState, set: DeploymentState, scale: number): void {
    if (set.taskSet) set.taskSet.scale = scale
    set.updatedAt = this.world.nowSeconds()
    this.scheduler.schedule(service)
  }

  setPrimaryTaskSet(service: ServiceState, set: DeploymentState): void {
    for (const other of service.deployments) if (other.status === 'PRIMARY') other.status = 'ACTIVE'
    set.status = 'PRIMARY'
    service.deployments = [set, ...service.deployments.filter((d) => d !== set)]
    service.taskDefinitionArn = set.taskDefinitionArn
  }

  /** Removes a task set; its tasks are stopped (drained when load-balanced). */
  deleteTaskSet(service: ServiceState, set: DeploymentState): void {
    set.status = 'INACTIVE'
    service.deployments = service.deployments.filter((d) => d !== set)
    for (const t of this.world.serviceTasks(service)) {
      if (t.deploymentId === set.id) {
        stopTask(this.world, t, {
          stopCode: 'ServiceSchedulerInitiated',
          reason: `Scaling activity initiated by (deployment ${set.id})`,
          announce: true,
        })
      }
    }
    this.scheduler.schedule(service)
  }

  /** Finds a service by name or ARN in a cluster; ServiceNotFoundException when there is none. */
  service(clusterRef: string | undefined, ref: string | undefined): ServiceState {
    const cluster = this.world.cluster(clusterRef)
    const name = this.world.localName(ref ?? '', 'service/')
    const service = name === undefined ? undefined : cluster.services.get(name)
    if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.')
    return service
  }

  updateService(input: UpdateServiceRequest): { service: Wire<Service> } {
    const service = this.service(input.cluster, input.service)
    if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
    if (service.controller === 'CODE_DEPLOY') this.checkCodeDeployUpdate(input)
    if (input.desiredCount !== undefined && (!Number.isInteger(input.desiredCount) || input.desiredCount < 0)) {
      throw invalid('The desired count of the service must be a non-negative integer.')
    }
    let taskDefinition: TaskDefinitionRecord | undefined
    if (input.taskDefinition !== undefined) {
      taskDefinition = resolveTaskDefinition(this.world, input.taskDefinition)
      if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
        throw new AwsError('ClientException', 'TaskDefinition not found.')
      checkLaunchType(taskDefinition, service.launchType)
      if (taskDefinition.networkMode === 'awsvpc' && !service.networkConfiguration && !input.networkConfiguration) {
        throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
      }
      checkLoadBalancers(taskDefinition, input.loadBalancers ?? service.loadBalancers)
    }
    if (input.deploymentConfiguration) {
      service.deploymentConfiguration = withConfigDefaults(service.controller, {
        ...service.deploymentConfiguration,
        ...input.deploymentConfiguration,
      })
    }
    if (input.healthCheckGracePeriodSeconds !== undefined)
      service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds
    if (input.enableExecuteCommand !== undefined) service.enableExecuteCommand = input.enableExecuteCommand
    if (input.propagateTags !== undefined) service.propagateTags = input.propagateTags
    if (input.placementConstraints) service.placementConstraints = input.placementConstraints
    if (input.placementStrategy) service.placementStrategy = input.placementStrategy
    const networkChanged =
      input.networkConfiguration !== undefined ||
      input.loadBalancers !== undefined ||
      input.platformVersion !== undefined
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
      this.scheduler.startDeployment(service, taskDefinition?.taskDefinitionArn ?? service.taskDefinitionArn ?? '')
    } else {
      this.scheduler.schedule(service)
    }
    return { service: this.renderService(service, false) }
  }

  private checkCodeDeployUpdate(input: UpdateServiceRequest): void {
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

  deleteService(input: DeleteServiceRequest): { service: Wire<Service> } {
    const service = this.service(input.cluster, input.service)
    if (service.status === 'INACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
    if (service.desiredCount > 0 && !input.force)
      throw invalid('The service cannot be stopped while it is scaled above 0.')
    service.status = 'DRAINING'
    service.desiredCount = 0
    for (const t of this.world.serviceTasks(service)) {
      stopTask(this.world, t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Service deleted', announce: true })
    }
    const finish = (): void => {
      if (this.world.serviceTasks(service).some((t) => t.lastStatus !== 'STOPPED')) {
        this.world.clock.after(5000, finish)
        return
      }
      service.status = 'INACTIVE'
      service.deployments = []
    }
    this.world.clock.after(0, finish)
    return { service: this.renderService(service, false) }
  }

  describeServices(input: DescribeServicesRequest): object {
    const cluster = this.world.cluster(input.cluster)
    const refs = input.services ?? []
    if (refs.length === 0) throw invalid('Services cannot be empty.')
    if (refs.length > 10) throw invalid('Services cannot contain more than 10 items.')
    const services: Wire<Service>[] = []
    const failures: Failure[] = []
    for (const ref of refs) {
      const name = this.world.localName(ref, 'service/')
      const service = name === undefined ? undefined : cluster.services.get(name)
      if (service) services.push(this.renderService(service, input.include?.includes('TAGS') ?? false))
      else
        failures.push({
          arn: ref.startsWith('arn:') ? ref : this.world.arn('ecs', `service/${ref}`),
          reason: 'MISSING',
        })
    }
    return { services, failures }
  }

  listServices(input: ListServicesRequest): object {
    const cluster = this.world.cluster(input.cluster)
    const arns = [...cluster.services.values()]
      .filter((s) => s.status === 'ACTIVE')
      .filter((s) => !input.launchType || s.launchType === input.launchType)
      .filter((s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)
      .map((s) => s.arn)
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 10, max: 100 })
    return { serviceArns: items, nextToken }
  }

  listTasks(input: ListTasksRequest): object {
    const cluster = this.world.cluster(input.cluster)
    if (input.serviceName !== undefined) this.service(input.cluster, input.serviceName)
    const desired = input.desiredStatus ?? 'RUNNING'
    if (desired !== 'RUNNING' && desired !== 'STOPPED' && desired !== 'PENDING')
      throw invalid(`Invalid desiredStatus: ${String(desired)}`)
    const serviceName = input.serviceName === undefined ? undefined : nameFromArn(input.serviceName, 'service/')
    // No task ever has desiredStatus PENDING: ECS documents that this filter returns no results.
    const arns = [...this.world.tasks.values()]
      .filter((t) => t.clusterName === cluster.name)
      .filter((t) => t.desiredStatus === desired)
      .filter((t) => serviceName === undefined || t.serviceName === serviceName)
      .filter((t) => input.family === undefined || t.family === input.family)
      .filter((t) => input.startedBy === undefined || t.startedBy === input.startedBy)
      .filter((t) => input.launchType === undefined || t.launchType === input.launchType)
      .map((t) => t.arn)
    const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 100, max: 100 })
    return { taskArns: items, nextToken }
  }

  describeTasks(input: DescribeTasksRequest): object {
    const cluster = this.world.cluster(input.cluster)
    const refs = input.tasks ?? []
    if (refs.length === 0) throw invalid('Tasks cannot be empty.')
    if (refs.length > 100) throw invalid('Tasks cannot contain more than 100 items.')
    const tasks: Wire<Task>[] = []
    const failures: Failure[] = []
    for (const ref of refs) {
      const task = this.findTask(cluster, ref)
      if (task) tasks.push(this.renderTask(task, input.include?.includes('TAGS') ?? false))
      else
        failures.push({
          arn: ref.startsWith('arn:') ? ref : this.world.arn('ecs', `task/${cluster.name}/${ref}`),
          reason: 'MISSING',
        })
    }
    return { tasks, failures }
  }

  stopTask(input: StopTaskRequest): object {
    const cluster = this.world.cluster(input.cluster)
    const task = this.findTask(cluster, input.task ?? '')
    if (!task) throw invalid('The referenced task was not found.')
    stopTask(this.world, task, { stopCode: 'UserInitiated', reason: input.reason ?? 'Task stopped by user' })
    const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined
    if (service) {
      service.steady = false
      this.scheduler.schedule(service)
    }
    return { task: this.renderTask(task, false) }
  }

  runTask(input: RunTaskRequest): object {
    const cluster = this.world.cluster(input.cluster)
    const taskDefinition = resolveTaskDefinition(this.world, input.taskDefinition)
    if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
      throw new AwsError('ClientException', 'TaskDefinition not found.')
    const count = input.count ?? 1
    if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid('Count must be between 1 and 10.')
    const launchType = input.launchType ?? (input.capacityProviderStrategy?.length ? 'FARGATE' : 'EC2')
    checkLaunchType(taskDefinition, launchType)
    if (taskDefinition.networkMode === 'awsvpc' && !input.networkConfiguration) {
      throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
    }
    const tasks: Wire<Task>[] = []
    for (let i = 0; i < count; i++) {
      const task = launchTask(this.world, {
        clusterName: cluster.name,
        taskDefinition,
        launchType,
        platformVersion: input.platformVersion,
        group: input.group ?? `family:${taskDefinition.family}`,
        startedBy: input.startedBy,
        overrides: input.overrides,
      })
      if (input.tags?.length) this.world.resourceTags.set(task.arn, [...input.tags])
      tasks.push(this.renderTask(task, false))
    }
    return { tasks, failures: [] }
  }

  tagResource(input: TagResourceRequest): object {
    const arn = this.existingResource(input.resourceArn)
    const tags = new Map((this.world.resourceTags.get(arn) ?? []).map((t) => [t.key, t]))
    for (const tag of input.tags ?? []) tags.set(tag.key, tag)
    if (tags.size > 50) throw invalid('The maximum number of tags (50) was exceeded.')
    this.world.resourceTags.set(arn, [...tags.values()])
    return {}
  }

  untagResource(input: UntagResourceRequest): object {
    const arn = this.existingResource(input.resourceArn)
    const drop = new Set(input.tagKeys ?? [])
    this.world.resourceTags.set(
      arn,
      (this.world.resourceTags.get(arn) ?? []).filter((t) => !drop.has(t.key ?? '')),
    )
    return {}
  }

  listTagsForResource(input: ListTagsForResourceRequest): object {
    const arn = this.existingResource(input.resourceArn)
    return { tags: this.world.resourceTags.get(arn) ?? [] }
  }

  private existingResource(arn: string | undefined): string {
    const match =
      /^arn:aws[\w-]*:ecs:[^:]+:\d{12}:(cluster|service|task|task-definition|task-set|container-instance|capacity-provider)\/(.+)$/.exec(
        arn ?? '',
      )
    if (!match || !arn) throw invalid('The ARN provided is invalid.')
    if (this.world.isForeign(arn)) throw invalid('The specified resource is not found.')
    const [, kind, rest] = match
    const parts = rest.split('/')
    const exists =
      kind === 'cluster'
        ? this.world.clusters.get(parts[0])?.status === 'ACTIVE'
        : kind === 'service'
          ? this.world.clusters.get(parts[0])?.services.has(parts[1] ?? '') === true
          : kind === 'task'
            ? this.world.tasks.has(arn)
            : kind === 'task-definition'
              ? resolveTaskDefinition(this.world, rest) !== undefined
              : false
    if (!exists) throw invalid('The specified resource is not found.')
    return arn
  }

  private findTask(cluster: ClusterState, ref: string): TaskState | undefined {
    if (this.world.isForeign(ref)) return undefined
    const id = ref.split('/').pop() ?? ref
    return this.world.tasks.get(this.world.arn('ecs', `task/${cluster.name}/${id}`))
  }

  private defaultNetwork(name: string): NetworkConfiguration {
    const suffix = Buffer.from(name).toString('hex').padEnd(17, '0').slice(0, 17)
    return {
      awsvpcConfiguration: {
        subnets: [`subnet-${suffix}`],
        securityGroups: [`sg-${suffix}`],
        assignPublicIp: 'DISABLED',
      },
    }
  }

  renderCluster(cluster: ClusterState, include: string[]): Wire<Cluster> {
    const tasks = [...this.world.tasks.values()].filter(
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
      tags: include.includes('TAGS') ? (this.world.resourceTags.get(cluster.arn) ?? []) : [],
      settings: include.includes('SETTINGS') ? [{ name: 'containerInsights', value: 'disabled' }] : [],
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
    }
  }

  renderService(service: ServiceState, withTags: boolean): Wire<Service> {
    const tasks = this.world.serviceTasks(service).filter((t) => t.desiredStatus === 'RUNNING')
    const taskSets = service.controller !== 'ECS'
    const rendered: Wire<Service> = {
      serviceArn: service.arn,
      serviceName: service.name,
      clusterArn: this.world.clusterArn(service.clusterName),
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
      taskSets: taskSets ? service.deployments.map((d) => this.renderTaskSet(service, d)) : undefined,
      deployments: taskSets ? [] : service.deployments.map((d) => this.renderDeployment(service, d)),
      roleArn: service.roleArn,
      events: service.events.map((e) => ({ ...e })),
      createdAt: service.createdAt,
      placementConstraints: service.placementConstraints,
      placementStrategy: service.placementStrategy,
      networkConfiguration: service.networkConfiguration,
      healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
      schedulingStrategy: service.schedulingStrategy as Service['schedulingStrategy'],
      deploymentController: { type: service.controller },
      tags: withTags ? (this.world.resourceTags.get(service.arn) ?? []) : undefined,
      createdBy: service.createdBy,
      enableECSManagedTags: service.enableECSManagedTags,
      propagateTags: service.propagateTags as Service['propagateTags'],
      enableExecuteCommand: service.enableExecuteCommand,
      availabilityZoneRebalancing: 'DISABLED',
    }
    return withoutUndefined(rendered)
  }

  private renderDeployment(service: ServiceState, d: DeploymentState): Wire<Deployment> {
    const tasks = this.world
      .serviceTasks(service)
      .filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING')
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

  private renderTaskSet(service: ServiceState, d: DeploymentState): Wire<TaskSet> {
    const tasks = this.world
      .serviceTasks(service)
      .filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING')
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length
    const stable = running === d.desiredCount && tasks.length === d.desiredCount
    return withoutUndefined({
      id: d.id,
      taskSetArn: d.taskSet?.arn,
      serviceArn: service.arn,
      clusterArn: this.world.clusterArn(service.clusterName),
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

  renderTask(task: TaskState, withTags: boolean): Wire<Task> {
    const containers: Wire<Container>[] = task.containers.map((c) =>
      withoutUndefined({
        containerArn: this.world.arn('ecs', `container/${task.clusterName}/${task.id}/${c.runtimeId.slice(-36)}`),
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
      clusterArn: this.world.clusterArn(task.clusterName),
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
      tags: withTags ? (this.world.resourceTags.get(task.arn) ?? []) : [],
      taskArn: task.arn,
      taskDefinitionArn: task.taskDefinitionArn,
      version: task.version,
      ephemeralStorage: task.launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
    })
  }

  /** The ECS operations served on the wire. */
  definition(): ServiceDefinition {
    const world = this.world
    return {
      id: 'ecs',
      targetPrefix: 'AmazonEC2ContainerServiceV20141113',
      operations: {
        RegisterTaskDefinition: (input) => registerTaskDefinition(world, input),
        DescribeTaskDefinition: (input) => describeTaskDefinition(world, input),
        DeregisterTaskDefinition: (input) => deregisterTaskDefinition(world, input),
        ListTaskDefinitions: (input) => listTaskDefinitions(world, input),
        ListTaskDefinitionFamilies: (input) => listTaskDefinitionFamilies(world, input),
        CreateCluster: (input) => this.createCluster(input),
        DescribeClusters: (input) => this.describeClusters(input),
        ListClusters: (input) => this.listClusters(input),
        CreateService: (input) => this.createService(input),
        UpdateService: (input) => this.updateService(input),
        DeleteService: (input) => this.deleteService(input),
        DescribeServices: (input) => this.describeServices(input),
        ListServices: (input) => this.listServices(input),
        ListTasks: (input) => this.listTasks(input),
        DescribeTasks: (input) => this.describeTasks(input),
        StopTask: (input) => this.stopTask(input),
        RunTask: (input) => this.runTask(input),
        TagResource: (input) => this.tagResource(input),
        UntagResource: (input) => this.untagResource(input),
        ListTagsForResource: (input) => this.listTagsForResource(input),
      },
    }
  }
}

function isPending(task: TaskState): boolean {
  return task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING' || task.lastStatus === 'ACTIVATING'
}

function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : epochSeconds(ms)
}

function checkLaunchType(td: TaskDefinitionRecord, launchType: string | undefined): void {
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

function withoutUndefined<T extends object>(object: T): T {
  const record = object as Record<string, unknown>
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
  return object
}
