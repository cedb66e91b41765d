import { describe, expect, it } from '@jest/globals'
import { UserError, errorJson } from '../../src/errors.js'

describe('errorJson: the error object of --json', () => {
  it('carries a user error with its kind, input, file and line', () => {
    const error = new UserError('web.json:3: bad', { input: '--task-definition', file: 'web.json', line: 3 })
    expect(errorJson(error)).toEqual({
      kind: 'input',
      message: 'web.json:3: bad',
      input: '--task-definition',
      file: 'web.json',
      line: 3,
    })
  })

  it('says environment for an environment berth cannot work in, and for an AWS refusal', () => {
    expect(errorJson(new UserError('no AWS region', {}, 'environment'))).toEqual({
      kind: 'environment',
      message: 'no AWS region',
    })
    const refusal = Object.assign(new Error('User is not authorized'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    })
    expect(errorJson(refusal)).toEqual({
      kind: 'environment',
      message: 'AccessDeniedException: User is not authorized',
    })
  })

  it('says internal, with the stack, for a bug in berth', () => {
    const described = errorJson(new TypeError("Cannot read properties of undefined (reading 'id')"))
    expect(described.kind).toBe('internal')
    expect(described.message).toMatch(/^berth failed unexpectedly .*\nTypeError: Cannot read properties/s)
  })
})
