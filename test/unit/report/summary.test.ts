import { describe, expect, it } from '@jest/globals'
import type { ProgressEvent } from '../../../src/report/events.js'
import { summaryMarkdown } from '../../../src/report/summary.js'
import { deployEvents, rolledBack } from './fixtures.js'

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
    expect(markdown).toContain('- taskdef.json:7: warning: container "web" image: the tag latest moves')
    expect(markdown).toContain('<details><summary>Service events</summary>')
    expect(markdown).not.toMatch(/Lifecycle|Traffic/)
  })

  it('adds a lifecycle timeline and traffic steps from CodeDeploy events', () => {
    const events: ProgressEvent[] = [
      {
        type: 'lifecycle-event',
        event: { name: 'AfterAllowTestTraffic', status: 'Failed', hookFunction: 'smoke|test', diagnostics: 'HTTP 500' },
      },
      { type: 'traffic-shifted', blue: 90, green: 10, at: new Date(Date.UTC(2025, 0, 15, 9, 5)) },
    ]
    const markdown = summaryMarkdown(events, { status: 'failed', reasons: [], hints: [], artifacts: [] })
    expect(markdown).toContain('| AfterAllowTestTraffic | Failed | smoke\\|test |  | HTTP 500 |')
    expect(markdown).toContain('| 2025-01-15T09:05:00.000Z | 90% | 10% |')
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
})
