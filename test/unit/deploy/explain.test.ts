import { describe, expect, it } from '@jest/globals'
import type { Task } from '@aws-sdk/client-ecs'
import { explain, taskSignature, type Evidence } from '../../../src/deploy/explain.js'

const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod'
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/1a2b3c4d5e6f7a8b'
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v9'

let serial = 0
function stopped(fields: Partial<Task>, containers: Task['containers'] = []): Task {
  const id = (++serial).toString(16).padStart(32, '0')
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`,
    clusterArn: CLUSTER,
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:2',
    group: 'service:api',
    startedBy: 'ecs-svc/9223370564341623665',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stoppedAt: new Date(1736931600000 + serial * 1000),
    containers: containers.map((container) => ({ image: IMAGE, lastStatus: 'STOPPED', ...container })),
    ...fields,
  }
}

const crashed = () =>
  stopped({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }, [
    { name: 'web', exitCode: 3 },
    { name: 'log-router', exitCode: 0 },
  ])
const pullFailed = () =>
  stopped(
    {
      stopCode: 'TaskFailedToStart',
      stoppedReason: `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${IMAGE}: not found`,
    },
    [{ name: 'web' }],
  )
const unhealthy = () =>
  stopped(
    { stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${TG})` },
    [{ name: 'web', exitCode: 143 }],
  )
const oom = () =>
  stopped({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }, [
    { name: 'web', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
  ])
const secrets = () =>
  stopped(
    {
      stopCode: 'TaskFailedToStart',
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ' +
        'unable to retrieve secret from asm: service call has been retried 1 time(s): AccessDeniedException',
    },
    [{ name: 'web' }],
  )

const none: Pick<Evidence, 'events' | 'logs'> = { events: [], logs: [] }

describe('explain', () => {
  it('counts equal failures together, naming the container and its exit code', () => {
    const result = explain({ ...none, stoppedTasks: [crashed(), crashed(), crashed()] })
    expect(result.reasons).toEqual(['3 tasks stopped: Essential container in task exited (web exit code 3)'])
    expect(result.hints).toEqual(['web exited with code 3. Look at its logs for the cause.'])
  })

  it('does not repeat a container reason that the task already gives', () => {
    const task = pullFailed()
    task.containers = [{ name: 'web', reason: task.stoppedReason }]
    const result = explain({ ...none, stoppedTasks: [task] })
    expect(result.reasons).toEqual([`1 task stopped: ${task.stoppedReason}`])
  })

  it('puts the most frequent failure first', () => {
    const result = explain({ ...none, stoppedTasks: [unhealthy(), crashed(), crashed()] })
    expect(result.reasons).toEqual([
      '2 tasks stopped: Essential container in task exited (web exit code 3)',
      `1 task stopped: Task failed ELB health checks in (target-group ${TG}) (web exit code 143)`,
    ])
  })

  it.each([
    [
      'CannotPullContainerError',
      [pullFailed()],
      /^CannotPullContainerError: the image .*api:v9 or its tag does not exist/,
    ],
    ['ResourceInitializationError', [secrets()], /^ResourceInitializationError: .*execution role/],
    [
      'ELB health checks',
      [unhealthy()],
      /load balancer health checks: .*health check path and port.*healthCheckGracePeriodSeconds/,
    ],
    ['OutOfMemory', [oom()], /^web was killed for using too much memory \(exit code 137\): raise the memory/],
  ])('%s gets its hint', (_name, tasks, hint) => {
    const { hints } = explain({ ...none, stoppedTasks: tasks })
    expect(hints.some((text) => hint.test(text))).toBe(true)
  })

  it('does not call an OOM kill an ordinary exit', () => {
    const { hints } = explain({ ...none, stoppedTasks: [oom()] })
    expect(hints).toHaveLength(1)
  })

  it('gives no exit-code hint for tasks the scheduler stopped', () => {
    const { hints } = explain({ ...none, stoppedTasks: [unhealthy()] })
    expect(hints).toHaveLength(1)
    expect(hints[0]).toMatch(/load balancer health checks/)
  })

  it('quotes the error line of a crashed container, not the stack frame under it', () => {
    const task = crashed()
    const id = task.taskArn!.split('/').pop()!
    const { hints } = explain({
      stoppedTasks: [task],
      events: [],
      logs: [
        {
          container: 'web',
          taskId: id,
          group: '/ecs/api',
          stream: `api/web/${id}`,
          lines: [
            'starting on :8080',
            'Error: DATABASE_URL is not set',
            '    at loadConfig (/app/config.js:12:11)',
            '    at main (/app/index.js:3:1)',
          ],
        },
      ],
    })
    expect(hints).toEqual([
      `web exited with code 3. Its log says (/ecs/api api/web/${id}): Error: DATABASE_URL is not set`,
    ])
  })

  it('quotes the last log line when no line reads like an error', () => {
    const task = crashed()
    const id = task.taskArn!.split('/').pop()!
    const { hints } = explain({
      stoppedTasks: [task],
      events: [],
      logs: [{ container: 'web', taskId: id, group: '/ecs/api', stream: `api/web/${id}`, lines: ['boot', 'bye'] }],
    })
    expect(hints).toEqual([`web exited with code 3. Its last log line (/ecs/api api/web/${id}): bye`])
  })

  it('finds network exhaustion in service events', () => {
    const { hints, reasons } = explain({
      stoppedTasks: [],
      logs: [],
      events: [
        {
          message:
            '(service api) was unable to place a task. Reason: You have reached the limit on the number of ' +
            'elastic network interfaces (ENI) that can be attached to this instance.',
        },
      ],
    })
    expect(hints[0]).toMatch(/^No network interface or IP address left/)
    expect(reasons[0]).toMatch(/^service event: \(service api\) was unable to place a task/)
  })

  it('counts service events that differ only by task id, and ignores ordinary ones', () => {
    const unhealthyEvent = (task: string) => ({
      message: `(service api) (task ${task}) (port 8080) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [503]).`,
    })
    const { reasons } = explain({
      stoppedTasks: [],
      logs: [],
      events: [
        { message: '(service api) has started 2 tasks: (task aaaa) (task bbbb).' },
        unhealthyEvent('0123456789abcdef0123456789abcdef'),
        unhealthyEvent('fedcba9876543210fedcba9876543210'),
        { message: '(service api) (deployment ecs-svc/9223370564341623665) deployment failed: tasks failed to start.' },
        { message: '(service api) rolling back to deployment ecs-svc/9223370564341600001.' },
      ],
    })
    expect(reasons).toEqual([
      `service event (2 times): (service api) (task …) (port 8080) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [503]).`,
      'service event: (service api) (deployment ecs-svc/9223370564341623665) deployment failed: tasks failed to start.',
      'service event: (service api) rolling back to deployment ecs-svc/9223370564341600001.',
    ])
  })

  it('gives nothing when there is nothing to explain', () => {
    expect(explain({ stoppedTasks: [], events: [], logs: [] })).toEqual({ reasons: [], hints: [] })
  })

  it('signs a task by its reason when containers say nothing', () => {
    expect(
      taskSignature(
        stopped({
          stopCode: 'TaskFailedToStart',
          stoppedReason: 'Timeout waiting for network interface provisioning to complete.',
        }),
      ),
    ).toBe('Timeout waiting for network interface provisioning to complete.')
  })
})
