import type {
  DescribeTasksRequest,
  Failure,
  ListTasksRequest,
  NetworkConfiguration,
  RunTaskRequest,
  StopTaskRequest,
  Task,
  TaskOverride,
} from '@aws-sdk/client-ecs'
import { AwsError, invalid } from '../core/errors.js'
import { nameFromArn } from '../core/ids.js'
import { page } from '../core/paging.js'
import type { ClusterState, TaskDefinitionRecord, TaskState, Wire } from '../core/types.js'
import type { EcsContext } from './context.js'
import { checkLaunchType, findService } from './services.js'
import { resolveTaskDefinition } from './task-definitions.js'
import { launchTask } from './task-lifecycle.js'
import { stopTask } from './task-stop.js'
import { renderTask } from './wire.js'

export function listTasks(ecs: EcsContext, input: ListTasksRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  if (input.serviceName !== undefined) findService(ecs, input.cluster, input.serviceName)
  const desired = input.desiredStatus ?? 'RUNNING'
  if (desired !== 'RUNNING' && desired !== 'STOPPED' && desired !== 'PENDING')
    throw invalid(`Invalid desiredStatus: ${String(desired)}`)
  const serviceName = input.serviceName === undefined ? undefined : nameFromArn(input.serviceName, 'service/')
  // No task ever has desiredStatus PENDING: ECS documents that this filter returns no results.
  const arns = [...ecs.world.tasks.values()]
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

export function describeTasks(ecs: EcsContext, input: DescribeTasksRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  const refs = input.tasks ?? []
  if (refs.length === 0) throw invalid('Tasks cannot be empty.')
  if (refs.length > 100) throw invalid('Tasks cannot contain more than 100 items.')
  const tasks: Wire<Task>[] = []
  const failures: Failure[] = []
  for (const ref of refs) {
    const task = findTask(ecs, cluster, ref)
    if (task) tasks.push(renderTask(ecs, task, input.include?.includes('TAGS') ?? false))
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : ecs.world.arn('ecs', `task/${cluster.name}/${ref}`),
        reason: 'MISSING',
      })
  }
  return { tasks, failures }
}

export function userStopTask(ecs: EcsContext, input: StopTaskRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  const task = findTask(ecs, cluster, input.task ?? '')
  if (!task) throw invalid('The referenced task was not found.')
  stopTask(ecs.world, task, { stopCode: 'UserInitiated', reason: input.reason ?? 'Task stopped by user' })
  const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined
  if (service) {
    service.steady = false
    ecs.scheduler.schedule(service)
  }
  return { task: renderTask(ecs, task, false) }
}

export function runTask(ecs: EcsContext, input: RunTaskRequest): object {
  const cluster = ecs.world.cluster(input.cluster)
  const taskDefinition = resolveTaskDefinition(ecs.world, input.taskDefinition)
  if (!taskDefinition || taskDefinition.status !== 'ACTIVE')
    throw new AwsError('ClientException', 'TaskDefinition not found.')
  const count = input.count ?? 1
  if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid('Count must be between 1 and 10.')
  if (input.launchType && input.capacityProviderStrategy?.length) {
    throw invalid(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    )
  }
  const launchType = input.launchType ?? (input.capacityProviderStrategy?.length ? 'FARGATE' : 'EC2')
  checkLaunchType(taskDefinition, launchType)
  checkNetwork(taskDefinition, input.networkConfiguration)
  checkOverrides(taskDefinition, input.overrides)
  const tasks: Wire<Task>[] = []
  for (let i = 0; i < count; i++) {
    const task = launchTask(ecs.world, {
      clusterName: cluster.name,
      taskDefinition,
      launchType,
      platformVersion: input.platformVersion,
      group: input.group ?? `family:${taskDefinition.family}`,
      startedBy: input.startedBy,
      overrides: input.overrides,
    })
    if (input.tags?.length) ecs.world.resourceTags.set(task.arn, [...input.tags])
    tasks.push(renderTask(ecs, task, false))
  }
  return { tasks, failures: [] }
}

function checkNetwork(td: TaskDefinitionRecord, network: NetworkConfiguration | undefined): void {
  if (td.networkMode !== 'awsvpc') return
  if (!network) throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
  if (!network.awsvpcConfiguration?.subnets?.length) throw invalid('subnets can not be empty.')
}

function checkOverrides(td: TaskDefinitionRecord, overrides: TaskOverride | undefined): void {
  for (const override of overrides?.containerOverrides ?? []) {
    if (!(td.containerDefinitions ?? []).some((c) => c.name === override.name)) {
      throw invalid(`Override for container named ${override.name} is not a container in the TaskDefinition.`)
    }
  }
}

export function findTask(ecs: EcsContext, cluster: ClusterState, ref: string): TaskState | undefined {
  if (ecs.world.isForeign(ref)) return undefined
  const id = ref.split('/').pop() ?? ref
  return ecs.world.tasks.get(ecs.world.arn('ecs', `task/${cluster.name}/${id}`))
}
