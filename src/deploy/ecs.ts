import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type ECSClient,
  type Failure,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs'
import type { Sender } from '../aws/clients.js'

export type Ecs = Sender<ECSClient>

export type ServiceLookup = { service: Service } | { failure: Failure }

export async function lookUpService(ecs: Ecs, cluster: string, name: string): Promise<ServiceLookup> {
  const output = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))
  const service = output.services?.[0]
  if (service) return { service }
  return { failure: output.failures?.[0] ?? { reason: 'MISSING' } }
}

/** One deployment, done: the service runs what it should. */
export function isSteady(service: Service): boolean {
  const deployments = service.deployments ?? []
  return deployments.length === 1 && deployments[0].rolloutState === 'COMPLETED'
}

/** DescribeServices for a service that must exist (while watching it). */
export async function describeService(ecs: Ecs, cluster: string, name: string): Promise<Service> {
  const lookup = await lookUpService(ecs, cluster, name)
  if ('service' in lookup) return lookup.service
  throw new Error(`DescribeServices: service ${name} in cluster ${cluster} is ${lookup.failure.reason ?? 'missing'}.`)
}

/** Which stopped tasks to list: those a rolling deployment started (`startedBy` is its id), a service's, a family's. */
export type StoppedTaskFilter = { startedBy: string } | { serviceName: string } | { family: string }

/** ARNs of stopped tasks, newest pages first, at most `limit`. */
export async function listStoppedTasks(
  ecs: Ecs,
  cluster: string,
  filter: StoppedTaskFilter,
  limit = 100,
): Promise<string[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await ecs.send(new ListTasksCommand({ cluster, ...filter, desiredStatus: 'STOPPED', nextToken }))
    arns.push(...(page.taskArns ?? []))
    nextToken = page.nextToken
  } while (nextToken && arns.length < limit)
  return arns.slice(0, limit)
}

/** DescribeTasks in batches of 100, the API's limit. */
export async function describeTasks(ecs: Ecs, cluster: string, arns: readonly string[]): Promise<Task[]> {
  const tasks: Task[] = []
  for (let start = 0; start < arns.length; start += 100) {
    const output = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(start, start + 100) }))
    tasks.push(...(output.tasks ?? []))
  }
  return tasks
}

export function taskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1)
}
