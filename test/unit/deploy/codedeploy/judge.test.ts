import { describe, expect, it } from '@jest/globals'
import type { DeploymentInfo, LifecycleEvent } from '@aws-sdk/client-codedeploy'
import { codeDeployVerdict } from '../../../../src/deploy/codedeploy/judge.js'

const HOOKS = [{ event: 'AfterAllowTestTraffic' as const, functionName: 'smoke' }]
const failedHook: LifecycleEvent = {
  lifecycleEventName: 'AfterAllowTestTraffic',
  status: 'Failed',
  diagnostics: { errorCode: 'UnknownError', message: 'The lifecycle event hook smoke reported Failed.' },
}

describe('codeDeployVerdict', () => {
  it.each(['Created', 'Queued', 'InProgress', 'Ready', 'Baking'])('has no verdict while %s', (status) => {
    expect(
      codeDeployVerdict({ deploymentId: 'd-1', status: status as DeploymentInfo['status'] }, [], HOOKS),
    ).toBeUndefined()
  })

  it('Succeeded is succeeded', () => {
    expect(codeDeployVerdict({ deploymentId: 'd-1', status: 'Succeeded' }, [], HOOKS)?.status).toBe('succeeded')
  })

  it('Failed with a rollback is rolled_back, naming the error, the hook and its function', () => {
    const info: DeploymentInfo = {
      deploymentId: 'd-1',
      status: 'Failed',
      errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'hook failed' },
      rollbackInfo: { rollbackDeploymentId: 'd-2', rollbackMessage: 'Automatic rollback is triggered.' },
    }
    const verdict = codeDeployVerdict(info, [failedHook], HOOKS)
    expect(verdict?.status).toBe('rolled_back')
    expect(verdict?.reasons).toEqual([
      'CodeDeploy deployment d-1 failed: HOOK_EXECUTION_FAILURE: hook failed. CodeDeploy rolled production traffic back to the original task set.',
      'lifecycle event AfterAllowTestTraffic failed (hook function smoke): UnknownError: The lifecycle event hook smoke reported Failed.',
      'rollback: Automatic rollback is triggered.',
    ])
    expect(verdict?.hints[0]).toMatch(/\/aws\/lambda\/smoke/)
  })

  it('Failed without a rollback is failed, with a hint to turn rollback on', () => {
    const verdict = codeDeployVerdict({ deploymentId: 'd-1', status: 'Failed' }, [], [])
    expect(verdict?.status).toBe('failed')
    expect(verdict?.hints.join(' ')).toMatch(/automatic rollback/)
  })

  it('Stopped with a rollback is rolled_back; without one, failed', () => {
    const stopped: DeploymentInfo = {
      deploymentId: 'd-1',
      status: 'Stopped',
      errorInformation: { code: 'MANUAL_STOP' },
    }
    expect(codeDeployVerdict(stopped, [], [])?.status).toBe('failed')
    expect(codeDeployVerdict({ ...stopped, rollbackInfo: { rollbackDeploymentId: 'd-2' } }, [], [])?.status).toBe(
      'rolled_back',
    )
    expect(codeDeployVerdict(stopped, [], [])?.reasons[0]).toBe('CodeDeploy deployment d-1 was stopped: MANUAL_STOP.')
  })
})
