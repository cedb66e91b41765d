import { describe, expect, it } from '@jest/globals'
import { isThrottling, isTransient } from '../../../src/aws/errors.js'
import { errorMessage } from '../../../src/errors.js'

function sdkError(name: string, fault: 'client' | 'server', status: number): Error {
  return Object.assign(new Error(name === 'ThrottlingException' ? 'Rate exceeded' : 'boom'), {
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status },
  })
}

describe('error classes', () => {
  it.each([
    [sdkError('ThrottlingException', 'client', 400), true, true],
    [sdkError('ServerException', 'server', 500), false, true],
    [sdkError('ServiceUnavailable', 'server', 503), false, true],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), false, true],
    [sdkError('ClientException', 'client', 400), false, false],
    [sdkError('AccessDeniedException', 'client', 400), false, false],
    [new Error('plain'), false, false],
    [new Error('AWS SDK error wrapper for TimeoutError: socket hang up'), false, true],
    [
      new Error('GetDeploymentGroup a/b: Rate exceeded', { cause: sdkError('ThrottlingException', 'client', 400) }),
      true,
      true,
    ],
    [
      new Error('GetDeploymentGroup a/b: denied', { cause: sdkError('AccessDeniedException', 'client', 400) }),
      false,
      false,
    ],
  ])('%#: throttling %s, transient %s', (error, throttling, transient) => {
    expect(isThrottling(error)).toBe(throttling)
    expect(isTransient(error)).toBe(transient)
  })

  it('names the error code before the message', () => {
    expect(errorMessage(sdkError('ThrottlingException', 'client', 400))).toBe('ThrottlingException: Rate exceeded')
  })
})
