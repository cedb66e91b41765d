import { describe, expect, it } from '@jest/globals'
import { consoleReporter, verdictBlock } from '../../../src/report/console.js'
import { relativeTime } from '../../../src/report/format.js'
import { deployEvents, rolledBack } from './fixtures.js'

function capture() {
  const chunks: string[] = []
  const stream = { write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream
  return { stream, text: () => chunks.join('') }
}

describe('consoleReporter', () => {
  it('prints one line per change, with relative times, and never the same line twice', () => {
    const out = capture()
    let now = 0
    const reporter = consoleReporter(out.stream, { now: () => (now += 1500) })
    deployEvents.forEach((event) => reporter.emit(event))
    const lines = out.text().split('\n')
    expect(lines[0]).toBe('    +0s  == Render the task definition')
    expect(lines.filter((line) => line.includes('has started 3 tasks'))).toHaveLength(1)
    expect(lines.filter((line) => line.includes('tasks  PRIMARY api:2 0/3 running, 3 pending'))).toHaveLength(1)
    expect(lines.filter((line) => line.includes('ThrottlingException'))).toHaveLength(1)
    expect(out.text()).toContain('warning: taskdef.json:7: container "web" image: the tag latest moves')
    expect(out.text()).toContain(
      'tasks  PRIMARY api:2 1/3 running, 2 pending (IN_PROGRESS) | ACTIVE api:1 3/3 running (COMPLETED)',
    )
    expect(out.text()).toContain('deployment ecs-svc/9223370564341623665 started: api:2 (rolling)')
    expect(out.text()).toContain('      ~ image: api:v1 -> api:v2')
  })

  it('prints the rendered task definition unless told not to, and a written one by its path', () => {
    const printed = capture()
    consoleReporter(printed.stream).emit({ type: 'rendered', taskDefinition: { family: 'api' } })
    expect(printed.text()).toBe('{\n  "family": "api"\n}\n')
    const quiet = capture()
    consoleReporter(quiet.stream, { printRendered: false }).emit({
      type: 'rendered',
      taskDefinition: { family: 'api' },
    })
    expect(quiet.text()).toBe('')
    const written = capture()
    consoleReporter(written.stream, { now: () => 0 }).emit({
      type: 'rendered',
      taskDefinition: {},
      path: 'out/taskdef.json',
    })
    expect(written.text()).toBe('    +0s  wrote the rendered task definition to out/taskdef.json\n')
  })

  it('marks dry-run lines', () => {
    const out = capture()
    consoleReporter(out.stream, { now: () => 0 }).emit({
      type: 'plan',
      actions: ['register a new revision of family api'],
    })
    expect(out.text()).toBe('    +0s  DRY RUN  would register a new revision of family api\n')
  })

  it('hides debug lines unless asked', () => {
    const out = capture()
    consoleReporter(out.stream).emit({ type: 'debug', message: 'UpdateService {}' })
    expect(out.text()).toBe('')
  })
})

describe('verdictBlock', () => {
  it('shows the status, where, reasons, hints and log tails', () => {
    expect(verdictBlock(rolledBack)).toEqual([
      'FAILED: rolled back',
      '    service           api (cluster prod)',
      '    task definition   api:2',
      '    previous          api:1',
      '    deployment        ecs-svc/9223370564341623665',
      '    reasons:',
      `      - ${rolledBack.reasons[0]}`,
      `      - ${rolledBack.reasons[1]}`,
      '    hints:',
      `      - ${rolledBack.hints[0]}`,
      '    last log lines of web (task abc, /ecs/api ecs/web/abc):',
      '      | listening on :8080',
      '      | fatal: DATABASE_URL is not set',
    ])
  })

  it('says nothing more for a render', () => {
    expect(verdictBlock({ status: 'rendered', reasons: [], hints: [], artifacts: [] })).toEqual([])
  })
})

describe('relativeTime', () => {
  it.each([
    [0, '+0s'],
    [59_999, '+59s'],
    [65_000, '+1m05s'],
    [3_725_000, '+1h02m'],
  ])('%d ms → %s', (ms, expected) => {
    expect(relativeTime(ms)).toBe(expected)
  })

  it('prints a one-off task: its start, its log lines as they come, how it stopped', () => {
    const out = capture()
    const reporter = consoleReporter(out.stream, { now: () => 0 })
    const taskArn = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef'
    reporter.emit({
      type: 'task-started',
      taskArn,
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:2',
      cluster: 'prod',
      startedBy: 'berth-0123abcd',
    })
    reporter.emit({ type: 'task-log', container: 'web', message: 'migrating' })
    reporter.emit({
      type: 'task-stopped',
      taskArn,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      container: 'web',
      exitCode: 3,
    })
    expect(out.text().split('\n')).toEqual([
      '    +0s  task 0123456789abcdef0123456789abcdef started in cluster prod: api:2 (startedBy berth-0123abcd)',
      '    +0s  log    web | migrating',
      '    +0s  task 0123456789abcdef0123456789abcdef stopped: Essential container in task exited (web exit code 3)',
      '',
    ])
    expect(
      verdictBlock({
        status: 'failed',
        reasons: [],
        hints: [],
        artifacts: [],
        task: { taskArn, container: 'web', exitCode: 3 },
      }),
    ).toEqual([
      'FAILED: failed',
      '    task              0123456789abcdef0123456789abcdef',
      '    exit code         3 (web)',
    ])
  })
})
