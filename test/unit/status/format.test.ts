import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { formatStatus } from '../../../src/status/format.js'
import type { ServiceStatus } from '../../../src/status/types.js'

// The objects under test/fixtures/status/ are what readStatus returned against the emulator (rolling.yaml after a
// crashing deploy, native.yaml at its PAUSE hook, codedeploy.yaml in the termination wait).

function fixture(name: string): ServiceStatus {
  return JSON.parse(readFileSync(`test/fixtures/status/${name}.json`, 'utf8')) as ServiceStatus
}

describe('formatStatus', () => {
  it('shows a rolling service after its breaker rolled back: deployment, service deployment, failures, events', () => {
    const lines = formatStatus(fixture('rolling-rolled-back')).split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'service api in cluster prod (rolling update)',
      '  task definition  api:1',
      '  tasks            3 desired, 3 running',
    ])
    expect(lines).toContain('service deployment qkZh6l17UBL494d0AM55x: ROLLBACK_SUCCESSFUL')
    expect(lines).toContain('  Service deployment rolled back because the circuit breaker threshold was exceeded.')
    expect(lines).toContain('  target api:2  0/0 running')
    expect(lines).toContain('  circuit breaker: 3 of 3 failed tasks (TRIGGERED)')
    const failures = lines.indexOf('recent failures:')
    expect(lines[failures + 1]).toBe('  3 tasks stopped: Essential container in task exited (web exit code 3)')
    expect(lines[failures + 2]).toMatch(
      /^ {2}task [0-9a-f]{32} \(api:2\) stopped 2025-01-15T09:05:16Z: Essential container in task exited \(web exit code 3\)$/,
    )
    expect(lines).toContain('    | fatal: DATABASE_URL is not set')
    expect(lines.filter((line) => line.startsWith('  2025-'))).toHaveLength(5)
    expect(lines).not.toContain('next:')
  })

  it('shows an ECS-native deployment at its PAUSE hook with the traffic of each revision and how to continue', () => {
    const text = formatStatus(fixture('native-paused'))
    expect(text).toContain('service search in cluster prod (ECS-native LINEAR)\n')
    expect(text).toContain('  tasks            2 desired, 4 running\n')
    expect(text).toContain('service deployment dBfStk_05inDvyEf_XqEA: IN_PROGRESS at POST_SCALE_UP\n')
    expect(text).toContain('  target web:2  2/2 running, production 0 %, test 0 %\n')
    expect(text).toContain('  source web:1  2/2 running, production 100 %, test 100 %\n')
    expect(text).toMatch(/\n {4}PAUSE ecs-pause-\S+ AWAITING_ACTION until 2025-01-16T09:00:35Z \(then ROLLBACK\)\n/)
    expect(
      text.endsWith(
        'next:\n' +
          '  berth continue --cluster prod --service search\n' +
          '  berth continue --cluster prod --service search --rollback\n' +
          '  berth rollback --cluster prod --service search\n',
      ),
    ).toBe(true)
  })

  it('shows a CodeDeploy deployment: task sets, lifecycle events and the production traffic', () => {
    const status = fixture('codedeploy-in-progress')
    const text = formatStatus(status)
    expect(text).toContain('task sets:\n  PRIMARY web:4 2/2 running (STEADY_STATE)')
    expect(text).toContain(
      `CodeDeploy web-app/web-dg: deployment ${status.codedeploy?.deployment?.id} TerminationWait\n`,
    )
    expect(text).toContain('  deploying web:4\n')
    expect(text).toContain('  lifecycle: BeforeInstall Succeeded, Install Succeeded,')
    expect(text).toContain('  production traffic: 0 % original, 100 % replacement\n')
  })

  it('says when there is no CodeDeploy deployment in progress, or why the group could not be read', () => {
    const status = fixture('codedeploy-in-progress')
    const idle = formatStatus({ ...status, codedeploy: { application: 'web-app', group: 'web-dg' }, next: [] })
    expect(idle).toContain('CodeDeploy web-app/web-dg: no deployment in progress\n')
    const lost = formatStatus({ ...status, codedeploy: { note: 'no CodeDeploy deployment group deploys prod/web' } })
    expect(lost).toContain(
      'CodeDeploy no deployment group: no deployment in progress\n  no CodeDeploy deployment group deploys prod/web\n',
    )
  })
})
