import { describe, expect, it } from '@jest/globals'
import type { ProgressEvent } from '../../../src/events.js'
import { consoleReporter } from '../../../src/report/console.js'
import type { RunResult } from '../../../src/verdict.js'

const TD = (name: string) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}`

const of = (service: string, event: ProgressEvent): ProgressEvent => ({ type: 'service-progress', service, event })

const api: RunResult = {
  status: 'succeeded',
  cluster: 'prod',
  service: 'api',
  taskDefinitionArn: TD('api:2'),
  previousTaskDefinitionArn: TD('api:1'),
  reasons: ['deployment ecs-svc/1 completed.'],
  hints: [],
  artifacts: [],
}
const worker: RunResult = {
  ...api,
  status: 'rolled_back',
  service: 'worker',
  taskDefinitionArn: TD('worker:2'),
  previousTaskDefinitionArn: TD('worker:1'),
  reasons: ['deployment ecs-svc/2 failed and ECS rolled the service back.'],
}

describe('consoleReporter, a run over several services', () => {
  it('prints each service as one block when it ends, its lines timed from the start of the run', () => {
    const chunks: string[] = []
    let now = 0
    const reporter = consoleReporter({ write: (chunk: string) => chunks.push(chunk) }, { now: () => (now += 1000) })
    const events: ProgressEvent[] = [
      { type: 'registered', taskDefinitionArn: TD('api:2'), reused: false },
      of('api', {
        type: 'deployment-started',
        deploymentId: 'ecs-svc/1',
        taskDefinitionArn: TD('api:2'),
        strategy: 'rolling',
      }),
      of('worker', {
        type: 'deployment-started',
        deploymentId: 'ecs-svc/2',
        taskDefinitionArn: TD('worker:2'),
        strategy: 'rolling',
      }),
      of('api', { type: 'service-event', at: new Date(0), message: '(service api) has reached a steady state.' }),
      of('worker', { type: 'service-event', at: new Date(0), message: '(service worker) deployment failed.' }),
      of('worker', { type: 'verdict', result: worker }),
      { type: 'service-ended', service: 'worker' },
      of('api', { type: 'verdict', result: api }),
      { type: 'service-ended', service: 'api' },
      {
        type: 'verdict',
        result: {
          status: 'rolled_back',
          cluster: 'prod',
          services: [api, worker],
          reasons: ['service worker: rolled back: deployment ecs-svc/2 failed'],
          hints: [],
          artifacts: [],
        },
      },
    ]
    events.forEach((event) => reporter.emit(event))
    const lines = chunks.join('').split('\n')
    const at = (text: string) => lines.findIndex((line) => line.includes(text))
    expect(lines[0]).toBe('    +0s  registered api:2')
    // worker ended first: its block comes first, whole, then api's.
    const worker1 = at('--- service worker')
    const api1 = at('--- service api')
    expect(worker1).toBeGreaterThan(0)
    expect(api1).toBeGreaterThan(worker1)
    expect(lines.slice(worker1 + 1, worker1 + 4)).toEqual([
      '    +2s  deployment ecs-svc/2 started: worker:2 (rolling)',
      '    +4s  event  (service worker) deployment failed.',
      '    +5s  FAILED: rolled back',
    ])
    expect(lines.slice(api1 + 1, api1 + 4)).toEqual([
      '    +1s  deployment ecs-svc/1 started: api:2 (rolling)',
      '    +3s  event  (service api) has reached a steady state.',
      '    +6s  OK: succeeded',
    ])
    expect(lines.slice(at('+7s  FAILED: rolled back'))).toEqual([
      '    +7s  FAILED: rolled back',
      '    cluster prod',
      '    api     succeeded    api:2 (was api:1)',
      '    worker  rolled back  worker:2 (was worker:1)',
      '    reasons:',
      '      - service worker: rolled back: deployment ecs-svc/2 failed',
      '',
    ])
  })
})
