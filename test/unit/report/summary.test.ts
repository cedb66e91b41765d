import { describe, expect, it } from '@jest/globals'
import type { ProgressEvent } from '../../../src/events.js'
import { summaryMarkdown } from '../../../src/report/summary.js'
import {
  CANARY_ID,
  OURS,
  ROLLED_BACK_ID,
  canaryEvents,
  canarySucceeded,
  deployEvents,
  hookFailureEvents,
  hookRolledBack,
  rolledBack,
} from './fixtures.js'

describe('summaryMarkdown', () => {
  it('renders the verdict table, reasons, hints, log tail, diff and service events', () => {
    const markdown = summaryMarkdown(deployEvents, rolledBack)
    expect(markdown).toContain('## berth api: rolled back')
    expect(markdown).toContain('| Status | **rolled back** |')
    expect(markdown).toContain('| Service | `api` in cluster `prod` |')
    expect(markdown).toContain('| Strategy | rolling |')
    expect(markdown).toContain('### Reasons\n\n- deployment ecs-svc/9223370564341623665 failed')
    expect(markdown).toContain('### Hints\n\n- web exited with code 3.')
    expect(markdown).toContain('```text\nlistening on :8080\nfatal: DATABASE_URL is not set\n```')
    expect(markdown).toContain(
      '### Task definition diff from `api:1`\n\n```diff\ncontainer web\n  ~ image: api:v1 -> api:v2\n```',
    )
    expect(markdown).toContain('- taskdef.json:7: container "web" image: the tag latest moves')
    expect(markdown).toContain('<details><summary>Service events</summary>')
    expect(markdown).not.toMatch(/Lifecycle|Traffic/)
  })

  it('keeps the rolling summary free of blue/green sections and links no ECS deployment id', () => {
    const events: ProgressEvent[] = [
      ...deployEvents.slice(0, -1),
      { type: 'deployment-status', status: 'rolled_back', at: new Date(Date.UTC(2025, 0, 15, 9, 3)) },
    ]
    const markdown = summaryMarkdown(events, rolledBack, { region: 'us-east-1' })
    expect(markdown).toContain(`| Deployment | \`${OURS}\` |`)
    expect(markdown).not.toMatch(/Lifecycle|Traffic|Deployment status|console\.aws/)
  })

  describe('a CodeDeploy blue/green run', () => {
    const markdown = summaryMarkdown(canaryEvents, canarySucceeded, { region: 'us-east-1' })

    it('links the deployment to the CodeDeploy console when the region is known', () => {
      expect(markdown).toContain(
        `| Deployment | [\`${CANARY_ID}\`](https://console.aws.amazon.com/codesuite/codedeploy/deployments/${CANARY_ID}?region=us-east-1) |`,
      )
      expect(summaryMarkdown(canaryEvents, canarySucceeded)).toContain(`| Deployment | \`${CANARY_ID}\` |`)
      expect(markdown).toContain('| Strategy | codedeploy |')
    })

    it('shows the lifecycle timeline relative to the deployment start', () => {
      expect(markdown).toContain(
        [
          '### Lifecycle',
          '',
          '| Event | Status | Hook function | Time | Diagnostics |',
          '| --- | --- | --- | --- | --- |',
          '| BeforeInstall | Succeeded |  | +2s |  |',
          '| Install | InProgress |  | +2s |  |',
          '| Install | Succeeded |  | +22s |  |',
          '| AfterInstall | Succeeded |  | +23s |  |',
          '| AllowTestTraffic | Succeeded |  | +24s |  |',
          '| AfterAllowTestTraffic | InProgress | validate-green | +24s |  |',
          '| AfterAllowTestTraffic | Succeeded | validate-green | +34s |  |',
          '| BeforeAllowTraffic | InProgress |  | +34s |  |',
          '| BeforeAllowTraffic | Succeeded |  | +35s |  |',
          '| AllowTraffic | InProgress |  | +35s |  |',
          '| AllowTraffic | Succeeded |  | +5m35s |  |',
          '| AfterAllowTraffic | Succeeded |  | +5m36s |  |',
        ].join('\n'),
      )
    })

    it('shows the traffic steps and the termination wait', () => {
      expect(markdown).toContain(
        [
          '### Traffic',
          '',
          '| Time | Blue | Green |',
          '| --- | --- | --- |',
          '| +35s | 90% | 10% |',
          '| +5m36s | 0% | 100% |',
        ].join('\n'),
      )
      expect(markdown).toContain(
        [
          '### Deployment status',
          '',
          '| Status | Time | Lasted |',
          '| --- | --- | --- |',
          '| Created | +0s | 2s |',
          '| InProgress | +2s | 5m34s |',
          '| InProgress (termination wait) | +5m36s | 5m00s |',
          '| Succeeded | +10m36s |  |',
        ].join('\n'),
      )
    })

    it('names the failed hook with its diagnostics, and the rollback statuses', () => {
      const failed = summaryMarkdown(hookFailureEvents, hookRolledBack, { region: 'eu-west-1' })
      expect(failed).toContain('## berth web: rolled back')
      expect(failed).toContain(`deployments/${ROLLED_BACK_ID}?region=eu-west-1)`)
      expect(failed).toContain(
        '| AfterAllowTestTraffic | Failed | smoke-fails | +29s | UnknownError: The lifecycle event hook smoke-fails reported Failed. |',
      )
      expect(failed).toContain('| AllowTraffic | Skipped |  |  |  |')
      expect(failed).not.toContain('### Traffic')
      expect(failed).toContain(
        ['| Failed | +29s |  |', '| Rollback InProgress | +31s | 5s |', '| Rollback Succeeded | +36s |  |'].join('\n'),
      )
      expect(failed).toContain('### Reasons\n\n- CodeDeploy deployment d-2OFEZT8AJ failed: HOOK_EXECUTION_FAILURE')
    })

    it('escapes table cells', () => {
      const events: ProgressEvent[] = [
        {
          type: 'lifecycle-event',
          event: {
            name: 'AfterAllowTestTraffic',
            status: 'Failed',
            hookFunction: 'smoke|test',
            diagnostics: 'HTTP 500\nbody',
          },
        },
      ]
      const text = summaryMarkdown(events, { status: 'failed', reasons: [], hints: [], artifacts: [] })
      expect(text).toContain('| AfterAllowTestTraffic | Failed | smoke\\|test |  | HTTP 500 body |')
    })
  })

  it('lists the plan of a dry run', () => {
    const events: ProgressEvent[] = [{ type: 'plan', actions: ['register a new revision of family api'] }]
    const markdown = summaryMarkdown(events, {
      status: 'planned',
      cluster: 'prod',
      service: 'api',
      reasons: [],
      hints: [],
      artifacts: [],
    })
    expect(markdown).toContain('### Plan (dry run, nothing was changed)\n\n- register a new revision of family api')
  })

  it('shows a one-off task: the task, its exit code and reason, and its output when it succeeded', () => {
    const taskArn = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef'
    const markdown = summaryMarkdown(
      [
        { type: 'task-log', container: 'web', message: 'migrating' },
        { type: 'task-log', container: 'web', message: 'done' },
      ],
      {
        status: 'succeeded',
        reasons: [],
        hints: [],
        artifacts: [],
        task: { taskArn, container: 'web', exitCode: 0, stoppedReason: 'Essential container in task exited' },
      },
    )
    expect(markdown).toContain(`| One-off task | \`${taskArn}\` |`)
    expect(markdown).toContain('| Exit code | 0 (`web`) |')
    expect(markdown).toContain('| Stopped reason | Essential container in task exited |')
    expect(markdown).toContain('### Output of the one-off task\n\n```text\nweb | migrating\nweb | done\n```')
  })
})
