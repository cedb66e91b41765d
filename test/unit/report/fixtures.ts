import type { ProgressEvent } from '../../../src/events.js'
import type { RunResult } from '../../../src/verdict.js'

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
  hints: ['web exited with code 3. Its log says (/ecs/api ecs/web/abc): fatal: DATABASE_URL is not set'],
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
  { type: 'warning', message: 'container "web" image: the tag latest moves', file: 'taskdef.json', line: 7 },
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

/** A CodeDeploy blue/green run as berth reported it against the emulator: canary 10%/5 min, hook on test traffic. */
const WEB = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`
const since = (ms: number) => new Date(Date.UTC(2025, 0, 15, 9, 0, 0) + ms)
const lifecycle = (
  name: string,
  status: string,
  ms?: number,
  extra: { hookFunction?: string; diagnostics?: string } = {},
) =>
  ({
    type: 'lifecycle-event',
    event: { name, status, ...(ms === undefined ? {} : { at: since(ms) }), ...extra },
  }) as const

export const CANARY_ID = 'd-ZT8AJJIMY'

export const canarySucceeded: RunResult = {
  status: 'succeeded',
  cluster: 'prod',
  service: 'web',
  taskDefinitionArn: WEB(4),
  previousTaskDefinitionArn: WEB(1),
  deploymentId: CANARY_ID,
  reasons: [`CodeDeploy deployment ${CANARY_ID} succeeded.`],
  hints: [],
  artifacts: [],
}

/** A blue/green deployment from its creation until test traffic reaches the replacement task set. */
const throughTestTraffic: ProgressEvent[] = [
  { type: 'deployment-status', status: 'Created', at: since(0) },
  { type: 'deployment-status', status: 'InProgress', at: since(2000) },
  lifecycle('BeforeInstall', 'Succeeded', 2500),
  lifecycle('Install', 'InProgress', 2750),
  lifecycle('Install', 'Succeeded', 22_750),
  lifecycle('AfterInstall', 'Succeeded', 23_500),
  lifecycle('AllowTestTraffic', 'Succeeded', 24_250),
]

export const canaryEvents: ProgressEvent[] = [
  { type: 'registered', taskDefinitionArn: WEB(4), reused: false },
  { type: 'info', message: 'created the CodeDeploy deployment config berth-canary-10pct-5min.' },
  { type: 'deployment-started', deploymentId: CANARY_ID, taskDefinitionArn: WEB(4), strategy: 'codedeploy' },
  ...throughTestTraffic,
  lifecycle('AfterAllowTestTraffic', 'InProgress', 24_500, { hookFunction: 'validate-green' }),
  lifecycle('AfterAllowTestTraffic', 'Succeeded', 34_500, { hookFunction: 'validate-green' }),
  lifecycle('BeforeAllowTraffic', 'InProgress', 34_750),
  lifecycle('BeforeAllowTraffic', 'Succeeded', 35_250),
  lifecycle('AllowTraffic', 'InProgress', 35_500),
  { type: 'traffic-shifted', blue: 90, green: 10, at: since(35_500) },
  { type: 'traffic-shifted', blue: 0, green: 100, at: since(336_500) },
  lifecycle('AllowTraffic', 'Succeeded', 335_500),
  lifecycle('AfterAllowTraffic', 'Succeeded', 336_250),
  { type: 'deployment-status', status: 'TerminationWait', at: since(336_250) },
  { type: 'deployment-status', status: 'Succeeded', at: since(636_500) },
  { type: 'verdict', result: canarySucceeded },
]

/** The same deployment with a failing AfterAllowTestTraffic hook: CodeDeploy fails it and rolls back. */
export const ROLLED_BACK_ID = 'd-2OFEZT8AJ'

export const hookRolledBack: RunResult = {
  ...canarySucceeded,
  status: 'rolled_back',
  deploymentId: ROLLED_BACK_ID,
  reasons: [
    `CodeDeploy deployment ${ROLLED_BACK_ID} failed: HOOK_EXECUTION_FAILURE: The deployment failed because the AfterAllowTestTraffic lifecycle event hook smoke-fails failed: The lifecycle event hook smoke-fails reported Failed. CodeDeploy rolled production traffic back to the original task set.`,
    'lifecycle event AfterAllowTestTraffic failed (hook function smoke-fails): UnknownError: The lifecycle event hook smoke-fails reported Failed.',
    `rollback deployment d-EX0JD57JU succeeded: production traffic is back on the original task set (${WEB(1)}).`,
  ],
  hints: [
    'The AfterAllowTestTraffic hook smoke-fails reported Failed, or did not report within an hour. Its logs are in the CloudWatch Logs group /aws/lambda/smoke-fails.',
  ],
}

export const hookFailureEvents: ProgressEvent[] = [
  { type: 'deployment-started', deploymentId: ROLLED_BACK_ID, taskDefinitionArn: WEB(4), strategy: 'codedeploy' },
  ...throughTestTraffic,
  lifecycle('AfterAllowTestTraffic', 'InProgress', 24_500, { hookFunction: 'smoke-fails' }),
  lifecycle('AfterAllowTestTraffic', 'Failed', 29_500, {
    hookFunction: 'smoke-fails',
    diagnostics: 'UnknownError: The lifecycle event hook smoke-fails reported Failed.',
  }),
  lifecycle('BeforeAllowTraffic', 'Skipped'),
  lifecycle('AllowTraffic', 'Skipped'),
  lifecycle('AfterAllowTraffic', 'Skipped'),
  { type: 'deployment-status', status: 'Failed', at: since(29_500) },
  {
    type: 'rollback-started',
    reason: `Deployment ${ROLLED_BACK_ID} terminated. Automatic rollback is triggered with a DeploymentId d-EX0JD57JU.`,
    taskDefinitionArn: WEB(1),
  },
  { type: 'deployment-status', status: 'Rollback InProgress', at: since(31_500) },
  { type: 'deployment-status', status: 'Rollback Succeeded', at: since(36_500) },
  { type: 'verdict', result: hookRolledBack },
]
