import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs'
import { GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { Sender } from '../aws/clients.js'
import type { LogExcerpt } from '../verdict.js'
import { type Ecs, type StoppedTaskFilter, describeTasks, listStoppedTasks, taskId } from './ecs.js'

/** Where a container's awslogs stream lives: `<prefix>/<container>/<task-id>` in the group. */
export function logStream(
  definition: ContainerDefinition,
  task: string,
): { group: string; stream: string } | undefined {
  const log = definition.logConfiguration
  const options = log?.options ?? {}
  const group = options['awslogs-group']
  const prefix = options['awslogs-stream-prefix']
  if (log?.logDriver !== 'awslogs' || !group || !prefix) return undefined
  return { group, stream: `${prefix}/${definition.name}/${task}` }
}

/**
 * Remembers stopped tasks, so that each is described once it has stopped, however often we look: those of one
 * rolling deployment, or those of a service that run one task definition (a CodeDeploy replacement task set),
 * started at or after `since`. A task still stopping (draining: its container may have exited already) is
 * described again on the next look, until it is STOPPED.
 */
export class StoppedTasks {
  private readonly known = new Map<string, Task>()

  constructor(
    private readonly ecs: Ecs,
    private readonly cluster: string,
    private readonly filter: StoppedTaskFilter,
    private readonly only: { taskDefinitionArn?: string; since?: number } = {},
  ) {}

  async refresh(): Promise<Task[]> {
    const arns = await listStoppedTasks(this.ecs, this.cluster, this.filter)
    const stale = arns.filter((arn) => this.known.get(arn)?.lastStatus !== 'STOPPED')
    for (const task of await describeTasks(this.ecs, this.cluster, stale)) {
      if (task.taskArn) this.known.set(task.taskArn, task)
    }
    return this.all()
  }

  all(): Task[] {
    const { taskDefinitionArn, since } = this.only
    return [...this.known.values()].filter(
      (task) =>
        (!taskDefinitionArn || task.taskDefinitionArn === taskDefinitionArn) &&
        (since === undefined || (task.createdAt?.getTime() ?? since) >= since),
    )
  }
}

interface FailedContainer {
  task: Task
  definition: ContainerDefinition
}

function failedContainers(tasks: readonly Task[], definitions: readonly ContainerDefinition[]): FailedContainer[] {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]))
  return tasks.flatMap((task) =>
    (task.containers ?? [])
      .filter((container) => container.exitCode !== undefined && container.exitCode !== 0)
      .flatMap((container) => {
        const definition = byName.get(container.name)
        return definition ? [{ task, definition }] : []
      }),
  )
}

/**
 * The last log lines of failed containers, newest tasks first, one stream per container name, at most
 * `maxStreams`. A stream that cannot be read (no permission, not there yet) is skipped: logs only help explain.
 */
export async function logTails(
  logs: Sender<CloudWatchLogsClient>,
  tasks: readonly Task[],
  definitions: readonly ContainerDefinition[],
  options: { maxStreams?: number; lines?: number } = {},
): Promise<LogExcerpt[]> {
  const newest = [...tasks].sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
  const excerpts: LogExcerpt[] = []
  const done = new Set<string>()
  for (const { task, definition } of failedContainers(newest, definitions)) {
    if (excerpts.length >= (options.maxStreams ?? 3) || done.has(definition.name ?? '')) continue
    const id = taskId(task.taskArn ?? '')
    const where = logStream(definition, id)
    if (!where) continue
    done.add(definition.name ?? '')
    try {
      const output = await logs.send(
        new GetLogEventsCommand({
          logGroupName: where.group,
          logStreamName: where.stream,
          limit: options.lines ?? 20,
          startFromHead: false,
        }),
      )
      const lines = (output.events ?? []).map((event) => event.message?.trimEnd() ?? '').filter(Boolean)
      if (lines.length > 0) excerpts.push({ container: definition.name ?? '', taskId: id, ...where, lines })
    } catch {
      continue
    }
  }
  return excerpts
}
