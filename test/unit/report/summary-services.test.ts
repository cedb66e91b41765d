import { describe, expect, it } from '@jest/globals'
import type { ProgressEvent } from '../../../src/events.js'
import { summaryMarkdown } from '../../../src/report/summary.js'
import type { RunResult } from '../../../src/verdict.js'

const TD = (name: string) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}`

const service = (name: string, status: RunResult['status'], reasons: string[], deploymentId: string): RunResult => ({
  status,
  cluster: 'prod',
  service: name,
  taskDefinitionArn: TD(`${name}:2`),
  previousTaskDefinitionArn: TD(`${name}:1`),
  deploymentId,
  reasons,
  hints: status === 'succeeded' ? [] : ['worker exited with code 3.'],
  artifacts: [],
})

describe('summaryMarkdown, a run over several services', () => {
  const api = service('api', 'succeeded', ['deployment ecs-svc/1 completed.'], 'ecs-svc/1')
  const worker = service('worker', 'rolled_back', ['deployment ecs-svc/2 failed | badly'], 'ecs-svc/2')
  const web = service(
    'web',
    'cancelled',
    ['berth stopped this deployment because service worker did not succeed'],
    'd-ABCDEFGHI',
  )
  const events: ProgressEvent[] = [
    {
      type: 'service-progress',
      service: 'web',
      event: {
        type: 'deployment-started',
        deploymentId: 'd-ABCDEFGHI',
        taskDefinitionArn: TD('web:2'),
        strategy: 'codedeploy',
      },
    },
    {
      type: 'service-progress',
      service: 'api',
      event: {
        type: 'deployment-started',
        deploymentId: 'ecs-svc/1',
        taskDefinitionArn: TD('api:2'),
        strategy: 'rolling',
      },
    },
    { type: 'service-progress', service: 'worker', event: { type: 'warning', message: 'the tag latest moves' } },
  ]
  const result: RunResult = {
    status: 'rolled_back',
    cluster: 'prod',
    services: [api, worker, web],
    reasons: ['service worker: rolled back: deployment ecs-svc/2 failed'],
    hints: [],
    artifacts: [],
  }
  const markdown = summaryMarkdown(events, result, { region: 'us-east-1' })

  it('has one table row per service, with its own strategy and deployment', () => {
    expect(markdown).toContain('## berth, 3 services in cluster prod: rolled back')
    expect(markdown).toContain(
      [
        '| Service | Status | Strategy | Task definition | Previous | Deployment | Reason |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `api` | **succeeded** | rolling | `api:2` | `api:1` | `ecs-svc/1` | deployment ecs-svc/1 completed. |',
        '| `worker` | **rolled back** |  | `worker:2` | `worker:1` | `ecs-svc/2` | deployment ecs-svc/2 failed \\| badly |',
      ].join('\n'),
    )
    expect(markdown).toContain(
      '| `web` | **cancelled** | codedeploy | `web:2` | `web:1` | [`d-ABCDEFGHI`](https://console.aws.amazon.com/codesuite/codedeploy/deployments/d-ABCDEFGHI?region=us-east-1) |',
    )
  })

  it('explains each service that did not succeed under its own heading, and shows every warning', () => {
    expect(markdown).toContain('### `worker`: rolled back\n\n### Reasons\n\n- deployment ecs-svc/2 failed | badly')
    expect(markdown).toContain('### Hints\n\n- worker exited with code 3.')
    expect(markdown).not.toContain('### `api`')
    expect(markdown).toContain('### Warnings\n\n- service worker: the tag latest moves')
  })
})
