import { DescribeTasksCommand, type Task } from '@aws-sdk/client-ecs'
import type { Ecs } from '../deploy/ecs.js'
import { errorMessage } from '../errors.js'
import type { Reporter } from '../events.js'
import type { Deadline } from '../watch/deadline.js'
import { watch, type WatchEnd } from '../watch/loop.js'
import type { Sleep } from '../watch/sleep.js'
import type { TaskLogs } from './logs.js'

export interface FollowOptions {
  ecs: Ecs
  logs: TaskLogs
  reporter: Reporter
  cluster: string
  taskArn: string
  deadline: Deadline
  cancel?: AbortSignal
  sleep: Sleep
  now: () => number
  /** `--poll-interval`: the longest wait between two looks. */
  pollIntervalMs: number
}

/**
 * Follows a one-off task until it stops (or the deadline passes, or the job is cancelled): each look describes the
 * task and reads what its log streams gained, and once it stopped the streams are read once more for the last lines.
 */
export function followTask(options: FollowOptions): Promise<WatchEnd<Task>> {
  let lastStatus: string | undefined
  return watch<Task>(
    async () => {
      const described = await options.ecs.send(
        new DescribeTasksCommand({ cluster: options.cluster, tasks: [options.taskArn] }),
      )
      const task = described.tasks?.[0]
      if (!task) {
        const reason = described.failures?.[0]?.reason ?? 'missing'
        throw new Error(`DescribeTasks: task ${options.taskArn} is ${reason}.`)
      }
      const lines = await options.logs.read()
      if (task.lastStatus === 'STOPPED') {
        await options.logs.read()
        return { done: task }
      }
      const changed = lines > 0 || task.lastStatus !== lastStatus
      lastStatus = task.lastStatus
      return { changed }
    },
    {
      ceilingMs: options.pollIntervalMs,
      deadline: options.deadline,
      cancel: options.cancel,
      sleep: options.sleep,
      now: options.now,
      onRetry: (error, delayMs) => options.reporter.emit({ type: 'retrying', error: errorMessage(error), delayMs }),
    },
  )
}
