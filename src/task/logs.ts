import { GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { ContainerDefinition } from '@aws-sdk/client-ecs'
import type { Sender } from '../aws/clients.js'
import { isTransient } from '../aws/errors.js'
import { logStream } from '../deploy/evidence.js'
import { errorName } from '../errors.js'
import type { Reporter } from '../events.js'
import type { LogExcerpt } from '../verdict.js'

/** How many of a container's lines are kept for the verdict (the last ones). */
const KEPT_LINES = 20

/** Pages read from one stream per look, so that a chatty task cannot hold the loop. */
const PAGES_PER_LOOK = 5

interface Followed {
  container: string
  group: string
  stream: string
  token?: string
  last: string[]
}

/**
 * The CloudWatch log streams of a task's containers (those that log with awslogs), read forward as they grow: every
 * new line becomes a `task-log` event, and the last lines of each are kept for the verdict.
 */
export class TaskLogs {
  private readonly followed: Followed[]

  constructor(
    private readonly logs: Sender<CloudWatchLogsClient>,
    private readonly reporter: Reporter,
    definitions: readonly ContainerDefinition[],
    taskId: string,
  ) {
    this.followed = definitions.flatMap((definition) => {
      const where = logStream(definition, taskId)
      return where ? [{ container: definition.name ?? '', ...where, last: [] }] : []
    })
  }

  /** Reads what each stream gained since the last look; the number of new lines. A stream not there yet is skipped. */
  async read(): Promise<number> {
    let count = 0
    for (const stream of this.followed) count += await this.readStream(stream)
    return count
  }

  private async readStream(stream: Followed): Promise<number> {
    let count = 0
    for (let page = 0; page < PAGES_PER_LOOK; page++) {
      let output
      try {
        output = await this.logs.send(
          new GetLogEventsCommand({
            logGroupName: stream.group,
            logStreamName: stream.stream,
            startFromHead: true,
            ...(stream.token ? { nextToken: stream.token } : {}),
          }),
        )
      } catch (error) {
        // Not created yet (the task has not started), or a passing error: the next look reads on from here.
        if (errorName(error) === 'ResourceNotFoundException' || isTransient(error)) return count
        throw error
      }
      for (const event of output.events ?? []) {
        const message = event.message?.trimEnd() ?? ''
        this.reporter.emit({
          type: 'task-log',
          container: stream.container,
          message,
          ...(event.timestamp !== undefined ? { at: new Date(event.timestamp) } : {}),
        })
        stream.last = [...stream.last, message].slice(-KEPT_LINES)
        count++
      }
      const token = output.nextForwardToken
      const atEnd = !token || token === stream.token || (output.events ?? []).length === 0
      if (token) stream.token = token
      if (atEnd) break
    }
    return count
  }

  /** The last lines of each container, or of the one named, for the verdict of a failed task. */
  excerpts(taskId: string, only?: string): LogExcerpt[] {
    return this.followed
      .filter((stream) => stream.last.length > 0 && (!only || stream.container === only))
      .map((stream) => ({
        container: stream.container,
        taskId,
        group: stream.group,
        stream: stream.stream,
        lines: stream.last.filter(Boolean),
      }))
  }
}
