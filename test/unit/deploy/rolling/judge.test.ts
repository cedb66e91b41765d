import { THRESHOLDS } from '../../../fixtures/circuit-breaker-thresholds.js'
import { describe, expect, it } from '@jest/globals'
import type { Deployment, Task } from '@aws-sdk/client-ecs'
import { countsOf, judge, takeNewEvents, type Judgement, type Tracking } from '../../../../src/deploy/rolling/judge.js'
import { essentialContainers, failureThreshold, isTaskFailure } from '../../../../src/deploy/task-failures.js'

const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/api:${revision}`
const OURS = 'ecs-svc/9223370564341623665'
const OLD = 'ecs-svc/9223370564341600001'
const OTHER = 'ecs-svc/9223370564341699999'
const tracking: Tracking = { deploymentId: OURS, taskDefinitionArn: TD(2), previousDeploymentId: OLD }
const at = new Date('2025-01-15T09:05:00Z')

function deployment(fields: Partial<Deployment>): Deployment {
  return { desiredCount: 3, pendingCount: 0, runningCount: 0, failedTasks: 0, createdAt: at, updatedAt: at, ...fields }
}

const cases: { name: string; deployments: Deployment[]; expected: Judgement['state']; detail?: object }[] = [
  {
    name: 'ours in progress next to the old one',
    deployments: [
      deployment({ id: OURS, status: 'PRIMARY', taskDefinition: TD(2), rolloutState: 'IN_PROGRESS' }),
      deployment({ id: OLD, status: 'ACTIVE', taskDefinition: TD(1), rolloutState: 'COMPLETED', runningCount: 3 }),
    ],
    expected: 'in_progress',
  },
  {
    name: 'ours completed',
    deployments: [
      deployment({
        id: OURS,
        status: 'PRIMARY',
        taskDefinition: TD(2),
        rolloutState: 'COMPLETED',
        rolloutStateReason: `ECS deployment ${OURS} completed.`,
      }),
    ],
    expected: 'succeeded',
  },
  {
    name: 'circuit breaker rolled back to the previous deployment, reusing its id',
    deployments: [
      deployment({
        id: OLD,
        status: 'PRIMARY',
        taskDefinition: TD(1),
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`,
      }),
      deployment({
        id: OURS,
        status: 'ACTIVE',
        taskDefinition: TD(2),
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      }),
    ],
    expected: 'rolled_back',
    detail: {
      to: { id: OLD, taskDefinition: TD(1) },
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
    },
  },
  {
    name: 'rolled back and ours already drained away',
    deployments: [deployment({ id: OLD, status: 'PRIMARY', taskDefinition: TD(1), rolloutState: 'IN_PROGRESS' })],
    expected: 'rolled_back',
  },
  {
    name: 'failed without rollback',
    deployments: [
      deployment({
        id: OURS,
        status: 'PRIMARY',
        taskDefinition: TD(2),
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      }),
      deployment({ id: OLD, status: 'ACTIVE', taskDefinition: TD(1), rolloutState: 'COMPLETED' }),
    ],
    expected: 'failed',
    detail: { reason: 'ECS deployment circuit breaker: tasks failed to start.' },
  },
  {
    name: 'a newer deployment superseded ours',
    deployments: [
      deployment({ id: OTHER, status: 'PRIMARY', taskDefinition: TD(3), rolloutState: 'IN_PROGRESS' }),
      deployment({ id: OURS, status: 'ACTIVE', taskDefinition: TD(2), rolloutState: 'IN_PROGRESS' }),
      deployment({ id: OLD, status: 'ACTIVE', taskDefinition: TD(1), rolloutState: 'COMPLETED' }),
    ],
    expected: 'superseded',
    detail: { by: { id: OTHER, taskDefinition: TD(3) } },
  },
  {
    name: 'ours vanished and someone else is PRIMARY',
    deployments: [deployment({ id: OTHER, status: 'PRIMARY', taskDefinition: TD(3), rolloutState: 'IN_PROGRESS' })],
    expected: 'superseded',
  },
  {
    name: 'ours completed before a newer deployment started',
    deployments: [
      deployment({ id: OTHER, status: 'PRIMARY', taskDefinition: TD(3), rolloutState: 'IN_PROGRESS' }),
      deployment({ id: OURS, status: 'ACTIVE', taskDefinition: TD(2), rolloutState: 'COMPLETED' }),
    ],
    expected: 'succeeded',
  },
  { name: 'no deployments at all', deployments: [], expected: 'failed' },
]

describe('judge', () => {
  it.each(cases)('$name → $expected', ({ deployments, expected, detail }) => {
    const judgement = judge(deployments, tracking)
    expect(judgement.state).toBe(expected)
    if (detail) expect(judgement).toMatchObject(detail)
  })

  it('treats a rollback to an older COMPLETED deployment by its reason, not only by id', () => {
    const judgement = judge(
      [
        deployment({
          id: 'ecs-svc/1',
          status: 'PRIMARY',
          taskDefinition: TD(1),
          rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.',
        }),
        deployment({ id: OURS, status: 'ACTIVE', taskDefinition: TD(2), rolloutState: 'FAILED' }),
      ],
      { deploymentId: OURS, taskDefinitionArn: TD(2), previousDeploymentId: OLD },
    )
    expect(judgement.state).toBe('rolled_back')
  })
})

describe('failureThreshold', () => {
  it.each(THRESHOLDS)('desired %d with %j → %d', (desired, thresholdConfiguration, expected) => {
    expect(failureThreshold(desired, { enable: true, rollback: true, thresholdConfiguration })).toBe(expected)
  })
})

describe('isTaskFailure', () => {
  const task = (fields: Partial<Task>): Task => ({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', ...fields })
  it.each([
    [task({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' }), true],
    [task({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: not found' }), true],
    [
      task({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:…)',
      }),
      true,
    ],
    [task({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' }), true],
    [
      task({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)',
      }),
      false,
    ],
    [task({ stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }), false],
  ])('%#', (input, expected) => {
    expect(isTaskFailure(input)).toBe(expected)
  })

  const essential = essentialContainers([
    { name: 'web', essential: true },
    { name: 'xray', essential: false },
  ])
  const draining = (container: string, exitCode?: number): Task => ({
    lastStatus: 'DEACTIVATING',
    desiredStatus: 'STOPPED',
    containers: [{ name: container, lastStatus: exitCode === undefined ? 'RUNNING' : 'STOPPED', exitCode }],
  })

  it('counts a draining task whose essential container has exited, before it reaches STOPPED', () => {
    expect(isTaskFailure(draining('web', 3), essential)).toBe(true)
    expect(isTaskFailure(draining('web', 0), essential)).toBe(true)
  })

  it('does not count a draining task whose essential container still runs, or whose sidecar exited', () => {
    expect(isTaskFailure(draining('web'), essential)).toBe(false)
    expect(isTaskFailure(draining('xray', 1), essential)).toBe(false)
    expect(isTaskFailure({ ...draining('web', 3), desiredStatus: 'RUNNING' }, essential)).toBe(false)
  })
})

describe('takeNewEvents', () => {
  it('returns unseen events oldest first, each once', () => {
    const seen = new Set<string>()
    const first = [
      { id: 'b', createdAt: new Date(2000), message: '(service api) has started 1 tasks: (task x).' },
      { id: 'a', createdAt: new Date(1000), message: '(service api) has reached a steady state.' },
    ]
    expect(takeNewEvents(first, seen).map((event) => event.id)).toEqual(['a', 'b'])
    const second = [{ id: 'c', createdAt: new Date(3000), message: 'later' }, ...first]
    expect(takeNewEvents(second, seen).map((event) => event.id)).toEqual(['c'])
    expect(takeNewEvents(second, seen)).toEqual([])
  })
})

describe('countsOf', () => {
  it('keeps the order and the counts of each deployment', () => {
    const counts = countsOf([
      deployment({ id: OURS, status: 'PRIMARY', taskDefinition: TD(2), runningCount: 1, pendingCount: 2 }),
      deployment({ id: OLD, status: 'ACTIVE', taskDefinition: TD(1), runningCount: 3, rolloutState: 'COMPLETED' }),
    ])
    expect(counts).toEqual([
      { id: OURS, status: 'PRIMARY', taskDefinition: TD(2), desired: 3, pending: 2, running: 1, failed: 0 },
      {
        id: OLD,
        status: 'ACTIVE',
        taskDefinition: TD(1),
        desired: 3,
        pending: 0,
        running: 3,
        failed: 0,
        rolloutState: 'COMPLETED',
      },
    ])
  })
})
