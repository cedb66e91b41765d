import type { LoadBalancer } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import type { DeploymentState, ServiceState, TaskState } from '../core/types.js'
import type { Ecs } from '../ecs/ecs.js'

const POLL_MS = 1000

/*
 * ECS task sets as CodeDeploy drives them (CreateTaskSet / UpdateTaskSet / DeleteTaskSet on AWS), through the ECS
 * emulator, whose scheduler keeps ceil(scale% × desiredCount) tasks in each set running their images' behaviours.
 */

export interface NewTaskSet {
  taskDefinitionArn: string
  externalId: string
  loadBalancer: LoadBalancer
}

/** Creates the replacement task set: ACTIVE, scale 100, no production traffic yet. */
export function createReplacement(ecs: Ecs, service: ServiceState, spec: NewTaskSet): DeploymentState {
  return ecs.createTaskSet(service, spec.taskDefinitionArn, {
    scale: 100,
    trafficWeight: 0,
    externalId: spec.externalId,
    loadBalancers: [spec.loadBalancer],
  })
}

/** Scales a task set to 0 and lets its tasks drain (DRAINING); it is deleted once they have stopped. */
export function drainTaskSet(ecs: Ecs, service: ServiceState, set: DeploymentState): void {
  if (set.status === 'DRAINING' || set.status === 'INACTIVE') return
  const world = ecs.world
  set.status = 'DRAINING'
  if (set.taskSet) set.taskSet.trafficWeight = 0
  ecs.scaleTaskSet(service, set, 0)
  const deleteWhenStopped = (): void => {
    if (set.status !== 'DRAINING') return
    if (tasksOf(world, service, set).some((t) => t.lastStatus !== 'STOPPED')) {
      world.clock.after(POLL_MS, deleteWhenStopped)
      return
    }
    ecs.deleteTaskSet(service, set)
  }
  world.clock.after(POLL_MS, deleteWhenStopped)
}

export function tasksOf(world: World, service: ServiceState, set: DeploymentState): TaskState[] {
  return world.serviceTasks(service).filter((t) => t.deploymentId === set.id)
}

export interface TaskSetCounts {
  desiredCount: number
  pendingCount: number
  runningCount: number
}

export function counts(world: World, service: ServiceState, set: DeploymentState): TaskSetCounts {
  const alive = tasksOf(world, service, set).filter((t) => t.desiredStatus === 'RUNNING')
  return {
    desiredCount: set.status === 'INACTIVE' ? 0 : set.desiredCount,
    pendingCount: alive.filter((t) => t.lastStatus !== 'RUNNING').length,
    runningCount: alive.filter((t) => t.lastStatus === 'RUNNING').length,
  }
}

/** All of the set's wanted tasks are RUNNING and in service (passed their target group health checks). */
export function isStable(world: World, service: ServiceState, set: DeploymentState): boolean {
  const want = Math.ceil(((set.taskSet?.scale ?? 100) * service.desiredCount) / 100)
  const alive = tasksOf(world, service, set).filter((t) => t.desiredStatus === 'RUNNING')
  return alive.length === want && alive.every((t) => t.lastStatus === 'RUNNING' && t.inService)
}
