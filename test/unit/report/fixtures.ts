import type { ProgressEvent, RunResult } from '../../../src/report/events.js'

export const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/api:${revision}`
export const OURS = 'ecs-svc/9223370564341623665'
export const OLD = 'ecs-svc/9223370564341600001'
const at = (second: number) => new Date(Date.UTC(2025, 0, 15, 9, 0, second))

export const rolledBack: RunResult = {
  status: 'rolled_back',
  cluster: 'prod',
  service: 'api',
  taskDefinitionArn: TD(2),
  previousTaskDefinitionArn: TD(1),
  deploymentId: OURS,
  reasons: [
    `deployment ${OURS} failed (ECS deployment circuit breaker: tasks failed to start.) and ECS rolled the service back to ${TD(1)} (deployment ${OLD}).`,
    '3 tasks stopped: Essential container in task exited (web exit code 3)',
  ],
  hints: ['web exited with code 3. Its last log line (/ecs/api ecs/web/abc): fatal: DATABASE_URL is not set'],
  artifacts: [],
  logs: [
    {
      container: 'web',
      taskId: 'abc',
      group: '/ecs/api',
      stream: 'ecs/web/abc',
      lines: ['listening on :8080', 'fatal: DATABASE_URL is not set'],
    },
  ],
}

const counts = (running: number, pending: number) => [
  {
    id: OURS,
    status: 'PRIMARY',
    taskDefinition: TD(2),
    desired: 3,
    pending,
    running,
    failed: 0,
    rolloutState: 'IN_PROGRESS',
  },
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
]

export const deployEvents: ProgressEvent[] = [
  { type: 'stage-started', stage: 'render', title: 'Render the task definition' },
  { type: 'stage-ended', stage: 'render' },
  { type: 'warning', message: 'warning: container "web" image: the tag latest moves', file: 'taskdef.json', line: 7 },
  { type: 'diff', text: 'container web\n  ~ image: api:v1 -> api:v2\n', from: TD(1), to: 'rendered' },
  { type: 'registered', taskDefinitionArn: TD(2), reused: false },
  { type: 'deployment-started', deploymentId: OURS, taskDefinitionArn: TD(2), strategy: 'rolling' },
  { type: 'tasks-changed', deployments: counts(0, 3) },
  { type: 'service-event', at: at(1), message: '(service api) has started 3 tasks: (task a) (task b) (task c).' },
  { type: 'tasks-changed', deployments: counts(0, 3) },
  { type: 'service-event', at: at(1), message: '(service api) has started 3 tasks: (task a) (task b) (task c).' },
  { type: 'retrying', error: 'ThrottlingException: Rate exceeded', delayMs: 10000 },
  { type: 'retrying', error: 'ThrottlingException: Rate exceeded', delayMs: 20000 },
  { type: 'tasks-changed', deployments: counts(1, 2) },
  { type: 'verdict', result: rolledBack },
]
