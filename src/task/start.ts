import {
  DescribeTasksCommand,
  ListTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RunTaskCommandInput,
  type Task,
} from '@aws-sdk/client-ecs'
import { isThrottling, isTransient } from '../aws/errors.js'
import { retrying } from '../aws/retry.js'
import type { Ecs } from '../deploy/ecs.js'
import { errorMessage } from '../errors.js'
import type { Reporter } from '../events.js'
import { pause, type Sleep } from '../watch/sleep.js'

// The two calls of a one-off task that change something: RunTask, which is never sent twice blindly, and StopTask.

export interface TaskCalls {
  ecs: Ecs
  reporter: Reporter
  sleep: Sleep
  /** The first pause before looking at what a call did, and between retries. */
  pauseMs: number
}

/** RunTask refused to place the task (no capacity, an unknown cluster …): said as ECS says it. */
export class TaskNotStarted extends Error {
  override readonly name = 'TaskNotStarted'
}

/**
 * RunTask. Throttling means it was not processed: sent again. After a lost answer or a server error the task may
 * have been started all the same: berth first lists the cluster's tasks started by this run (`startedBy` is unique
 * to it) and follows the one it finds; only when there is none is RunTask sent again.
 */
export async function startTask(calls: TaskCalls, input: RunTaskCommandInput & { startedBy: string }): Promise<Task> {
  calls.reporter.emit({ type: 'debug', message: `RunTask ${JSON.stringify(input)}` })
  const send = async (): Promise<Task> => {
    try {
      const output = await calls.ecs.send(new RunTaskCommand(input))
      const task = output.tasks?.[0]
      if (task?.taskArn) return task
      const failure = output.failures?.[0]
      throw new TaskNotStarted(
        `RunTask started no task${failure ? `: ${failure.reason ?? 'no reason'}${failure.detail ? ` (${failure.detail})` : ''}` : ''}.`,
      )
    } catch (error) {
      if (isThrottling(error) || !isTransient(error)) throw error
      await pause(calls.sleep, calls.pauseMs, [])
      const found = await startedBy(calls, input.cluster ?? '', input.startedBy)
      if (!found) throw error
      calls.reporter.emit({
        type: 'info',
        message: `the answer to RunTask was lost (${errorMessage(error)}); task ${found.taskArn} was started by this run (startedBy ${input.startedBy}), which berth follows.`,
      })
      return found
    }
  }
  return retrying(send, { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 5, retryable: isTransient })
}

/** The task this run started, running or already stopped, if ECS lists one. Retried: a look is never an answer. */
async function startedBy(calls: TaskCalls, cluster: string, startedBy: string): Promise<Task | undefined> {
  return retrying(
    async () => {
      for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
        const listed = await calls.ecs.send(new ListTasksCommand({ cluster, startedBy, desiredStatus }))
        const arn = listed.taskArns?.[0]
        if (!arn) continue
        const described = await calls.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] }))
        if (described.tasks?.[0]) return described.tasks[0]
      }
      return undefined
    },
    { sleep: calls.sleep, baseMs: calls.pauseMs, attempts: 10 },
  )
}

/** StopTask: sending it again is harmless, so it is retried on any transient error. */
export async function stopTask(calls: TaskCalls, cluster: string, taskArn: string, reason: string): Promise<void> {
  await retrying(() => calls.ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason })), {
    sleep: calls.sleep,
    baseMs: calls.pauseMs,
    attempts: 10,
    maxDelayMs: 5_000,
    retryable: isTransient,
  })
}
