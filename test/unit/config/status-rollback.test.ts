import { describe, expect, it } from '@jest/globals'
import { parseRollbackConfig, parseStatusConfig } from '../../../src/config/parse-commands.js'
import type { InputSource } from '../../../src/config/types.js'
import { UserError } from '../../../src/errors.js'

function flags(values: Record<string, string>): InputSource {
  return { get: (name) => values[name], list: () => [], label: (name) => `--${name}` }
}

function errorOf(work: () => unknown): UserError {
  try {
    work()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('no error')
}

describe('parseStatusConfig', () => {
  it('needs --cluster and --service', () => {
    expect(parseStatusConfig(flags({ cluster: 'prod', service: 'web', json: 'true' }))).toEqual({
      cluster: 'prod',
      service: 'web',
      codedeployApplication: undefined,
      codedeployGroup: undefined,
      json: true,
      region: undefined,
    })
    expect(errorOf(() => parseStatusConfig(flags({ cluster: 'prod' }))).message).toBe('--service is required.')
  })
})

describe('parseRollbackConfig', () => {
  const rollback = (values: Record<string, string>) =>
    parseRollbackConfig(flags({ cluster: 'c', service: 's', ...values }))

  it.each([
    ['7', { given: '7', revision: 7 }],
    ['web:12', { given: 'web:12', family: 'web', revision: 12 }],
    [
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:3',
      { given: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:3', family: 'web-api', revision: 3 },
    ],
  ])('--to %s', (to, expected) => {
    expect(rollback({ to }).to).toEqual(expected)
  })

  it.each(['web', '0', 'web:x', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web', '-1'])(
    'refuses --to %s, saying what it takes',
    (to) => {
      expect(errorOf(() => rollback({ to })).message).toBe(
        `--to: ${JSON.stringify(to)} is not valid: expected a revision of the service's family (7), FAMILY:REVISION ` +
          '(web:7) or a task definition ARN.',
      )
    },
  )

  it('takes the wait timeout and poll interval as berth deploy does', () => {
    const config = rollback({ 'wait-timeout': '10m', 'poll-interval': '2s' })
    expect(config).toMatchObject({ waitTimeoutMs: 600_000, pollIntervalMs: 2_000, to: undefined, verbose: false })
    expect(rollback({}).waitTimeoutMs).toBe(1_800_000)
  })
})
