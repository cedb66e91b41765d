import { describe, expect, it } from '@jest/globals'
import type { ContainerDefinition, Service, Task } from '@aws-sdk/client-ecs'
import { countingContainer, judgeTask } from '../../../src/task/judge.js'
import { placementOf, runTaskInput } from '../../../src/task/placement.js'

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef'
const definitions: ContainerDefinition[] = [
  { name: 'app', essential: true },
  { name: 'sidecar', essential: false },
  { name: 'proxy' },
]

function stopped(exitCodes: Record<string, number | undefined>, extra: Partial<Task> = {}): Task {
  return {
    taskArn: ARN,
    lastStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: Object.entries(exitCodes).map(([name, exitCode]) => ({ name, exitCode })),
    ...extra,
  }
}

describe('countingContainer', () => {
  it.each([
    [{ app: 0, sidecar: 1, proxy: 0 }, undefined, 'app'],
    [{ app: 0, sidecar: 1, proxy: 2 }, undefined, 'proxy'],
    [{ app: 4, sidecar: 1, proxy: 2 }, undefined, 'app'],
    [{ app: 0, sidecar: 1, proxy: 0 }, 'sidecar', 'sidecar'],
  ])('%j, --container %s: %s', (codes, wanted, name) => {
    expect(countingContainer(stopped(codes), definitions, wanted)?.name).toBe(name)
  })
})

describe('judgeTask', () => {
  it('exit 0: succeeded, nothing to explain', () => {
    expect(judgeTask(stopped({ app: 0, sidecar: 0, proxy: 0 }), definitions)).toEqual({
      status: 'succeeded',
      outcome: {
        taskArn: ARN,
        container: 'app',
        exitCode: 0,
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      },
      reasons: [],
      hints: [],
    })
  })

  it('a non-zero exit: failed, with the code and the reason', () => {
    const judged = judgeTask(stopped({ app: 0, sidecar: 0, proxy: 3 }), definitions)
    expect(judged.status).toBe('failed')
    expect(judged.reasons).toEqual(['proxy exited with code 3 (Essential container in task exited)'])
  })

  it('out of memory: the container reason and the OOM hint', () => {
    const task = stopped({ app: 137 })
    task.containers![0].reason = 'OutOfMemoryError: Container killed due to memory usage'
    const judged = judgeTask(task, definitions)
    expect(judged.reasons).toEqual([
      'app exited with code 137: OutOfMemoryError: Container killed due to memory usage (Essential container in task exited)',
    ])
    expect(judged.hints.join(' ')).toMatch(/memory/)
  })

  it('a task that never ran: failed, ECS reason, no exit code', () => {
    const reason =
      'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref x:v9: not found'
    const judged = judgeTask(
      stopped({ app: undefined }, { stopCode: 'TaskFailedToStart', stoppedReason: reason }),
      definitions,
    )
    expect(judged.status).toBe('failed')
    expect(judged.outcome.exitCode).toBeUndefined()
    expect(judged.reasons).toEqual([`the task did not run to an exit code: ${reason}`])
  })
})

describe('placementOf and runTaskInput', () => {
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } }

  it('a rolling service: its own network, launch type and platform version', () => {
    const service: Service = { networkConfiguration: network, launchType: 'FARGATE', platformVersion: 'LATEST' }
    expect(placementOf(service)).toEqual({
      networkConfiguration: network,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
    })
  })

  it('a CodeDeploy service: those of its primary task set; a capacity provider strategy instead of a launch type', () => {
    const strategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]
    const service: Service = {
      launchType: 'FARGATE',
      taskSets: [
        { status: 'ACTIVE', networkConfiguration: { awsvpcConfiguration: { subnets: ['old'] } } },
        {
          status: 'PRIMARY',
          networkConfiguration: network,
          capacityProviderStrategy: strategy,
          platformVersion: '1.4.0',
        },
      ],
    }
    expect(placementOf(service)).toEqual({
      networkConfiguration: network,
      capacityProviderStrategy: strategy,
      platformVersion: '1.4.0',
    })
  })

  it('one task, its commands as container overrides, and the run startedBy', () => {
    const input = runTaskInput({
      cluster: 'prod',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      placement: { networkConfiguration: network, launchType: 'FARGATE' },
      commands: [{ container: 'web', command: ['npm', 'run', 'migrate'] }],
      startedBy: 'berth-0123abcd',
    })
    expect(input).toEqual({
      cluster: 'prod',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      count: 1,
      startedBy: 'berth-0123abcd',
      networkConfiguration: network,
      launchType: 'FARGATE',
      overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] },
    })
  })
})
