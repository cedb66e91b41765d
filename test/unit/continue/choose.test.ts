import { describe, expect, it } from '@jest/globals'
import type { ServiceDeployment } from '@aws-sdk/client-ecs'
import { answered, chooseHook, outcomeLine } from '../../../src/continue/choose.js'
import { UserError } from '../../../src/errors.js'

const ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/AbCdEfGhIjKlMnOpQrStU'
const PAUSE_A = `ecs-pause-${'a'.repeat(43)}`
const PAUSE_B = `ecs-pause-${'b'.repeat(43)}`
const LAMBDA = `ecs-lambda-${'c'.repeat(43)}`

function deployment(stage: string, hooks: [string, string, string][], status = 'IN_PROGRESS'): ServiceDeployment {
  return {
    serviceDeploymentArn: ARN,
    status: status as ServiceDeployment['status'],
    lifecycleStage: stage as ServiceDeployment['lifecycleStage'],
    lifecycleHookDetails: hooks.map(([hookId, targetType, hookStatus]) => ({
      hookId,
      targetType: targetType as 'PAUSE' | 'AWS_LAMBDA',
      status: hookStatus as 'AWAITING_ACTION',
    })),
  }
}

const target = { cluster: 'prod', service: 'web', hookIdLabel: '--hook-id' }

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof UserError) return error.message
    throw error
  }
  throw new Error('expected a UserError')
}

describe('chooseHook', () => {
  it('picks the one hook awaiting action, with the stage its deployment waits at', () => {
    const paused = deployment('POST_SCALE_UP', [
      [LAMBDA, 'AWS_LAMBDA', 'SUCCEEDED'],
      [PAUSE_A, 'PAUSE', 'AWAITING_ACTION'],
    ])
    expect(chooseHook([paused], target)).toEqual({ serviceDeploymentArn: ARN, hookId: PAUSE_A, stage: 'POST_SCALE_UP' })
    expect(chooseHook([paused], { ...target, hookId: PAUSE_A }).hookId).toBe(PAUSE_A)
  })

  it.each([
    [[], 'nothing waits for an answer in service web (cluster prod): it has no service deployment in progress.'],
    [
      [deployment('BAKE_TIME', [[PAUSE_A, 'PAUSE', 'SUCCEEDED']])],
      `nothing waits for an answer in service web (cluster prod): service deployment ${ARN} is IN_PROGRESS at stage BAKE_TIME.`,
    ],
  ])('says what the deployment does when nothing waits (%#)', (deployments, message) => {
    expect(messageOf(() => chooseHook(deployments, target))).toBe(message)
  })

  it('refuses a hook id that does not await action, listing the hooks there are', () => {
    const paused = deployment('POST_SCALE_UP', [
      [LAMBDA, 'AWS_LAMBDA', 'SUCCEEDED'],
      [PAUSE_A, 'PAUSE', 'AWAITING_ACTION'],
    ])
    expect(messageOf(() => chooseHook([paused], { ...target, hookId: LAMBDA }))).toBe(
      `--hook-id ${LAMBDA} is not a hook awaiting action in service web (cluster prod): the hooks are ` +
        `${LAMBDA} (AWS_LAMBDA, SUCCEEDED), ${PAUSE_A} (PAUSE, AWAITING_ACTION).`,
    )
    expect(messageOf(() => chooseHook([deployment('SCALE_UP', [])], { ...target, hookId: PAUSE_A }))).toBe(
      `--hook-id ${PAUSE_A} is not a hook awaiting action in service web (cluster prod): no hook has run yet ` +
        `(service deployment ${ARN} is IN_PROGRESS at stage SCALE_UP).`,
    )
  })

  it('asks which one when several hooks await action', () => {
    const paused = deployment('POST_SCALE_UP', [
      [PAUSE_A, 'PAUSE', 'AWAITING_ACTION'],
      [PAUSE_B, 'PAUSE', 'AWAITING_ACTION'],
    ])
    expect(messageOf(() => chooseHook([paused], target))).toBe(
      `2 hooks await action in service web (cluster prod) (${PAUSE_A}, ${PAUSE_B}); give the one to answer with --hook-id.`,
    )
    expect(chooseHook([paused], { ...target, hookId: PAUSE_B }).hookId).toBe(PAUSE_B)
  })
})

describe('answered', () => {
  it.each([
    ['AWAITING_ACTION', 'IN_PROGRESS', false, false],
    ['SUCCEEDED', 'IN_PROGRESS', false, true],
    ['TIMED_OUT', 'IN_PROGRESS', false, false],
    ['AWAITING_ACTION', 'IN_PROGRESS', true, false],
    ['FAILED', 'ROLLBACK_REQUESTED', true, true],
    ['SUCCEEDED', 'IN_PROGRESS', true, false],
    ['TIMED_OUT', 'ROLLBACK_IN_PROGRESS', true, true],
  ])('hook %s, deployment %s, rollback %s → %s', (hookStatus, status, rollback, expected) => {
    const sd = deployment('POST_SCALE_UP', [[PAUSE_A, 'PAUSE', hookStatus]], status)
    expect(answered(sd, PAUSE_A, rollback)).toBe(expected)
  })

  it('is false for a hook or deployment it cannot see', () => {
    expect(answered(undefined, PAUSE_A, false)).toBe(false)
    expect(answered(deployment('SCALE_UP', []), PAUSE_A, false)).toBe(false)
  })
})

describe('outcomeLine', () => {
  it('says what was done in one line', () => {
    const outcome = { serviceDeploymentArn: ARN, hookId: PAUSE_A, stage: 'POST_SCALE_UP' }
    expect(outcomeLine({ status: 'continued', ...outcome })).toBe(
      `continued PAUSE hook ${PAUSE_A} at POST_SCALE_UP of service deployment ${ARN}`,
    )
    expect(outcomeLine({ status: 'rolled_back_requested', ...outcome })).toBe(
      `asked ECS to roll back service deployment ${ARN} (answered PAUSE hook ${PAUSE_A} at POST_SCALE_UP with ROLLBACK)`,
    )
  })
})
