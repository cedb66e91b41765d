import { describe, expect, it } from '@jest/globals'
import { type InputSource } from '../../../src/config/types.js'
import { parseContinueConfig, parseContinueInput } from '../../../src/config/parse-commands.js'
import { UserError } from '../../../src/errors.js'

function flags(values: Record<string, string>): InputSource {
  return { get: (name) => values[name], list: () => [], label: (name) => `--${name}` }
}

/** Inputs as the Action reads them: multiline inputs are lists, names are said as `input "name"`. */
function inputs(values: Record<string, string>): InputSource {
  return {
    get: (name) => values[name],
    list: (name) => (values[name] ? values[name].split('\n') : []),
    label: (name) => `input "${name}"`,
    inputName: (name) => name,
  }
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

const HOOK = `ecs-pause-${'a'.repeat(43)}`

describe('parseContinueConfig', () => {
  it('reads cluster, service, hook id, rollback, region and json', () => {
    expect(
      parseContinueConfig(flags({ cluster: 'prod', service: 'web', 'hook-id': HOOK, rollback: 'true', json: 'true' }), {
        AWS_REGION: 'eu-west-1',
      }),
    ).toEqual({
      cluster: 'prod',
      service: 'web',
      hookId: HOOK,
      hookIdLabel: '--hook-id',
      rollback: true,
      region: 'eu-west-1',
      json: true,
    })
  })

  it('needs --cluster and --service, and refuses a hook id that is not ecs-{hookType}-{id}', () => {
    expect(errorOf(() => parseContinueConfig(flags({ service: 'web' }))).message).toBe('--cluster is required.')
    expect(errorOf(() => parseContinueConfig(flags({ cluster: 'prod' }))).message).toBe('--service is required.')
    const bad = errorOf(() => parseContinueConfig(flags({ cluster: 'prod', service: 'web', 'hook-id': '1234' })))
    expect(bad.message).toMatch(/^--hook-id: "1234" is not valid: expected a hook id like ecs-pause-/)
    expect(bad.location.input).toBe('--hook-id')
    expect(errorOf(() => parseContinueConfig(flags({ cluster: 'a b', service: 'web' }))).message).toBe(
      '--cluster: "a b" is not valid: expected a cluster name (letters, digits, hyphens, underscores) or ARN.',
    )
  })
})

describe('parseContinueInput (the Action)', () => {
  it('is undefined unless continue is true', () => {
    expect(parseContinueInput(inputs({ cluster: 'prod', service: 'web' }))).toBeUndefined()
    expect(parseContinueInput(inputs({ continue: 'false', cluster: 'prod', service: 'web' }))).toBeUndefined()
  })

  it('with continue: true, reads the continue inputs and names them as inputs', () => {
    expect(parseContinueInput(inputs({ continue: 'true', cluster: 'prod', service: 'web' }))).toMatchObject({
      cluster: 'prod',
      service: 'web',
      hookIdLabel: 'input "hook-id"',
      rollback: false,
    })
  })

  it('refuses the inputs of a deploy beside continue: true', () => {
    const error = errorOf(() =>
      parseContinueInput(inputs({ continue: 'true', cluster: 'prod', service: 'web', image: 'web=repo:v2' })),
    )
    expect(error.message).toBe(
      'input "continue" is true: this step only continues a paused deployment, so input "image" must not be given ' +
        '(deploy in another step).',
    )
    expect(error.location.input).toBe('continue')
  })
})
