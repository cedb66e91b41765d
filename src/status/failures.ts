import { DescribeTaskDefinitionCommand, type Service, type Task } from '@aws-sdk/client-ecs'
import { iso } from './time.js'
import type { AwsClients } from '../aws/clients.js'
import { describeTasks, listStoppedTasks, taskId } from '../deploy/ecs.js'
import { logTails } from '../deploy/evidence.js'
import { explain } from '../deploy/explain.js'
import { isTaskFailure } from '../deploy/task-failures.js'
import type { FailedTask, ServiceStatus } from './types.js'

/** How many failed tasks the status lists one by one (all of them are counted in the reasons). */
const LISTED = 5

/** Which stopped tasks belong to what is deployed now: started by these deployments, or running these revisions. */
export interface Current {
  startedBy: readonly string[]
  /** CodeDeploy task sets: their tasks are told by task definition. */
  taskDefinitions?: readonly string[]
}

/**
 * The failed tasks of the current deployments, with the reasons and hints `berth deploy` gives and the log tail of
 * the newest one. Reading them only helps explain: a failure to read leaves the list empty.
 */
export async function readFailures(
  clients: AwsClients,
  cluster: string,
  service: Service,
  current: Current,
): Promise<ServiceStatus['failures']> {
  const none = { tasks: [], reasons: [], hints: [], logs: [] }
  try {
    const arns = await listStoppedTasks(clients.ecs, cluster, { serviceName: service.serviceName ?? '' })
    const failed = (await describeTasks(clients.ecs, cluster, arns))
      .filter((task) => isTaskFailure(task) && belongs(task, current))
      .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
    if (failed.length === 0) return none
    const logs = await logTails(clients.logs, failed, await containerDefinitions(clients, failed[0]))
    const { reasons, hints } = explain({ stoppedTasks: failed, events: [], logs })
    return { tasks: failed.slice(0, LISTED).map(failedTask), reasons, hints, logs }
  } catch {
    return none
  }
}

function belongs(task: Task, current: Current): boolean {
  if (task.startedBy && current.startedBy.includes(task.startedBy)) return true
  return current.taskDefinitions?.includes(task.taskDefinitionArn ?? '') ?? false
}

async function containerDefinitions(clients: AwsClients, task: Task) {
  const output = await clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }))
  return output.taskDefinition?.containerDefinitions ?? []
}

function failedTask(task: Task): FailedTask {
  return {
    taskId: taskId(task.taskArn ?? ''),
    taskDefinition: task.taskDefinitionArn ?? '',
    ...(task.stoppedAt ? { stoppedAt: iso(task.stoppedAt) } : {}),
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    containers: (task.containers ?? []).map((container) => ({
      name: container.name ?? '?',
      ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
      ...(container.reason ? { reason: container.reason } : {}),
    })),
  }
}
