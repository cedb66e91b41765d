import type { LoadBalancer } from '@aws-sdk/client-ecs'
import type { DeploymentState, ServiceState } from '../core/types.js'
import type { EcsContext } from './context.js'
import { revisionArn } from './service-deployments.js'
import { stopTask } from './task-stop.js'

/**
 * Adds a task set to a CODE_DEPLOY / EXTERNAL service (the first one PRIMARY). The CodeDeploy emulator uses this to
 * create the replacement (green) task set, then `scaleTaskSet`, `setPrimaryTaskSet` and `deleteTaskSet`.
 */
export function createTaskSet(
  ecs: EcsContext,
  service: ServiceState,
  taskDefinitionArn: string,
  options: { scale: number; trafficWeight?: number; externalId?: string; loadBalancers?: LoadBalancer[] },
): DeploymentState {
  const now = ecs.world.nowSeconds()
  const id = ecs.world.deploymentId()
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
    revisionArn: revisionArn(ecs.world, service, id),
    taskSet: {
      arn: ecs.world.arn('ecs', `task-set/${service.clusterName}/${service.name}/${id}`),
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
  ecs.scheduler.schedule(service)
  return set
}

export function scaleTaskSet(ecs: EcsContext, service: ServiceState, set: DeploymentState, scale: number): void {
  if (set.taskSet) set.taskSet.scale = scale
  set.updatedAt = ecs.world.nowSeconds()
  ecs.scheduler.schedule(service)
}

export function setPrimaryTaskSet(ecs: EcsContext, service: ServiceState, set: DeploymentState): void {
  for (const other of service.deployments) if (other.status === 'PRIMARY') other.status = 'ACTIVE'
  set.status = 'PRIMARY'
  service.deployments = [set, ...service.deployments.filter((d) => d !== set)]
  service.taskDefinitionArn = set.taskDefinitionArn
}

/** Removes a task set; its tasks are stopped (drained when load-balanced). */
export function deleteTaskSet(ecs: EcsContext, service: ServiceState, set: DeploymentState): void {
  set.status = 'INACTIVE'
  service.deployments = service.deployments.filter((d) => d !== set)
  for (const t of ecs.world.serviceTasks(service)) {
    if (t.deploymentId === set.id) {
      stopTask(ecs.world, t, {
        stopCode: 'ServiceSchedulerInitiated',
        reason: `Scaling activity initiated by (deployment ${set.id})`,
        announce: true,
      })
    }
  }
  ecs.scheduler.schedule(service)
}
