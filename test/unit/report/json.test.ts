import { describe, expect, it } from '@jest/globals'
import { jsonReporter } from '../../../src/report/json.js'
import { deployEvents, rolledBack } from './fixtures.js'

function capture() {
  const chunks: string[] = []
  const stream = { write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) }
}

describe('jsonReporter', () => {
  it('writes one line, the DESIGN.md object, when closed', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream)
    deployEvents.forEach((event) => reporter.emit(event))
    expect(out.lines()).toEqual([])
    await reporter.close?.()
    expect(out.lines()).toHaveLength(1)
    const object = JSON.parse(out.lines()[0])
    expect(Object.keys(object)).toEqual([
      'status',
      'cluster',
      'service',
      'taskDefinitionArn',
      'previousTaskDefinitionArn',
      'deploymentId',
      'reasons',
      'hints',
      'artifacts',
      'logs',
    ])
    expect(object).toMatchObject({ status: 'rolled_back', reasons: rolledBack.reasons, hints: rolledBack.hints })
  })

  it('keeps every key, null when unknown, and adds the plan, for a dry run', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream)
    reporter.emit({
      type: 'verdict',
      result: {
        status: 'planned',
        cluster: 'prod',
        service: 'api',
        reasons: [],
        hints: [],
        artifacts: [],
        plan: ['register a new revision of family api'],
      },
    })
    await reporter.close?.()
    expect(JSON.parse(out.lines()[0])).toEqual({
      status: 'planned',
      cluster: 'prod',
      service: 'api',
      taskDefinitionArn: null,
      previousTaskDefinitionArn: null,
      deploymentId: null,
      reasons: [],
      hints: [],
      artifacts: [],
      plan: ['register a new revision of family api'],
    })
  })

  it('gives a render its own shape', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream)
    reporter.emit({
      type: 'verdict',
      result: {
        status: 'rendered',
        reasons: [],
        hints: [],
        artifacts: ['a/imagedefinitions.json'],
        taskDefinition: { family: 'api' },
      },
    })
    await reporter.close?.()
    expect(JSON.parse(out.lines()[0])).toEqual({
      status: 'rendered',
      taskDefinition: { family: 'api' },
      artifacts: ['a/imagedefinitions.json'],
    })
  })

  it('adds the events when asked', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream, { events: true })
    deployEvents.forEach((event) => reporter.emit(event))
    await reporter.close?.()
    const object = JSON.parse(out.lines()[0])
    expect(object.events).toHaveLength(deployEvents.length - 1)
    expect(object.events[7]).toEqual({
      type: 'service-event',
      at: '2025-01-15T09:00:01.000Z',
      message: '(service api) has started 3 tasks: (task a) (task b) (task c).',
    })
  })

  it('leaves the rendered task definition, which may hold credential-like values, out of the events', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream, { events: true })
    const secret = 'AKIAIOSFODNN7EXAMPLE'
    reporter.emit({ type: 'rendered', taskDefinition: { family: 'api', environment: [{ value: secret }] } })
    reporter.emit({ type: 'verdict', result: { status: 'rendered', reasons: [], hints: [], artifacts: [] } })
    await reporter.close?.()
    const object = JSON.parse(out.lines()[0])
    expect(object.events).toEqual([])
  })

  it('writes nothing without a verdict (the entry reports the error)', async () => {
    const out = capture()
    const reporter = jsonReporter(out.stream)
    await reporter.close?.()
    expect(out.lines()).toEqual([])
  })
})
