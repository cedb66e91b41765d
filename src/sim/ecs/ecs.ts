import type { Cluster, CreateClusterRequest, CreateServiceRequest, LoadBalancer, Service } from '@aws-sdk/client-ecs'
import type { ServiceDefinition } from '../core/server.js'
import type { World } from '../core/state.js'
import type { DeploymentState, ServiceState, Wire } from '../core/types.js'
import { createCluster, describeClusters, listClusters } from './clusters.js'
import { ServiceScheduler } from './rolling.js'
import {
  continueServiceDeployment,
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
  stopServiceDeployment,
} from './service-deployment-ops.js'
import { createService, deleteService, describeServices, listServices, updateService } from './services.js'
import { listTagsForResource, tagResource, untagResource } from './tags.js'
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitionFamilies,
  listTaskDefinitions,
  registerTaskDefinition,
} from './task-definitions.js'
import { createTaskSet, deleteTaskSet, scaleTaskSet, setPrimaryTaskSet } from './task-sets.js'
import { describeTasks, listTasks, runTask, userStopTask } from './tasks.js'

/** The ECS control plane: its state lives in the World, its scheduler moves tasks on the World's clock. */
export class Ecs {
  readonly scheduler: ServiceScheduler

  constructor(readonly world: World) {
    this.scheduler = new ServiceScheduler(world)
  }

  createCluster(input: CreateClusterRequest): { cluster: Wire<Cluster> } {
    return createCluster(this, input)
  }

  /** Creates a service (from the API or the scenario); scenario services get a default network configuration. */
  createService(input: CreateServiceRequest, fromScenario = false): { service: Wire<Service> } {
    return createService(this, input, fromScenario)
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
    return createTaskSet(this, service, taskDefinitionArn, options)
  }

  scaleTaskSet(service: ServiceState, set: DeploymentState, scale: number): void {
    return scaleTaskSet(this, service, set, scale)
  }

  setPrimaryTaskSet(service: ServiceState, set: DeploymentState): void {
    return setPrimaryTaskSet(this, service, set)
  }

  /** Removes a task set; its tasks are stopped (drained when load-balanced). */
  deleteTaskSet(service: ServiceState, set: DeploymentState): void {
    return deleteTaskSet(this, service, set)
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
        CreateCluster: (input) => createCluster(this, input),
        DescribeClusters: (input) => describeClusters(this, input),
        ListClusters: (input) => listClusters(this, input),
        CreateService: (input) => createService(this, input),
        UpdateService: (input) => updateService(this, input),
        DeleteService: (input) => deleteService(this, input),
        DescribeServices: (input) => describeServices(this, input),
        ListServices: (input) => listServices(this, input),
        ListTasks: (input) => listTasks(this, input),
        DescribeTasks: (input) => describeTasks(this, input),
        StopTask: (input) => userStopTask(this, input),
        RunTask: (input) => runTask(this, input),
        TagResource: (input) => tagResource(this, input),
        UntagResource: (input) => untagResource(this, input),
        ListTagsForResource: (input) => listTagsForResource(this, input),
        ListServiceDeployments: (input) => listServiceDeployments(this, input),
        DescribeServiceDeployments: (input) => describeServiceDeployments(this, input),
        DescribeServiceRevisions: (input) => describeServiceRevisions(this, input),
        StopServiceDeployment: (input) => stopServiceDeployment(this, input),
        ContinueServiceDeployment: (input) => continueServiceDeployment(this, input),
      },
    }
  }
}
