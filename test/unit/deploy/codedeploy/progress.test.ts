import { describe, expect, it } from '@jest/globals'
import type { DeploymentInfo, ECSTarget } from '@aws-sdk/client-codedeploy'
import { observe, progressEvents } from '../../../../src/deploy/codedeploy/progress.js'

const HOOKS = [{ event: 'BeforeAllowTraffic' as const, functionName: 'check' }]

function target(events: [string, string][], weights?: { blue: number; green: number }): ECSTarget {
  return {
    lifecycleEvents: events.map(([lifecycleEventName, status]) => ({ lifecycleEventName, status: status as never })),
    taskSetsInfo: weights
      ? [
          { identifer: 'ecs-svc/1', taskSetLabel: 'Blue', trafficWeight: weights.blue },
          { identifer: 'ecs-svc/2', taskSetLabel: 'Green', trafficWeight: weights.green },
        ]
      : [],
  }
}

const info = (status: DeploymentInfo['status']): DeploymentInfo => ({ deploymentId: 'd-1', status })

describe('progressEvents', () => {
  it('reports a new status, lifecycle changes with their hook function, then the traffic move', () => {
    const before = observe(
      info('InProgress'),
      target(
        [
          ['BeforeAllowTraffic', 'InProgress'],
          ['AllowTraffic', 'Pending'],
        ],
        { blue: 100, green: 0 },
      ),
    )
    const after = observe(
      info('InProgress'),
      target(
        [
          ['BeforeAllowTraffic', 'Succeeded'],
          ['AllowTraffic', 'InProgress'],
        ],
        { blue: 90, green: 10 },
      ),
    )
    expect(progressEvents(before, after, HOOKS)).toEqual([
      { type: 'lifecycle-event', event: { name: 'BeforeAllowTraffic', status: 'Succeeded', hookFunction: 'check' } },
      { type: 'lifecycle-event', event: { name: 'AllowTraffic', status: 'InProgress' } },
      { type: 'traffic-shifted', blue: 90, green: 10 },
    ])
  })

  it('does not report events first seen as Pending, nor traffic that has not moved yet', () => {
    const first = observe(
      info('InProgress'),
      target(
        [
          ['BeforeInstall', 'InProgress'],
          ['Install', 'Pending'],
        ],
        { blue: 100, green: 0 },
      ),
    )
    expect(progressEvents(undefined, first, [])).toEqual([
      { type: 'deployment-status', status: 'InProgress' },
      { type: 'lifecycle-event', event: { name: 'BeforeInstall', status: 'InProgress' } },
    ])
  })

  it('reports the termination wait once, and a terminal status last', () => {
    const shifted = target(
      [
        ['AllowTraffic', 'Succeeded'],
        ['AfterAllowTraffic', 'Succeeded'],
      ],
      { blue: 0, green: 100 },
    )
    const waiting = observe(info('InProgress'), shifted)
    const before = observe(
      info('InProgress'),
      target(
        [
          ['AllowTraffic', 'Succeeded'],
          ['AfterAllowTraffic', 'InProgress'],
        ],
        { blue: 0, green: 100 },
      ),
    )
    expect(progressEvents(before, waiting, [])).toEqual([
      { type: 'lifecycle-event', event: { name: 'AfterAllowTraffic', status: 'Succeeded' } },
      { type: 'deployment-status', status: 'TerminationWait' },
    ])
    expect(progressEvents(waiting, observe(info('InProgress'), shifted), [])).toEqual([])
    expect(progressEvents(waiting, observe(info('Succeeded'), shifted), [])).toEqual([
      { type: 'deployment-status', status: 'Succeeded' },
    ])
  })

  it('carries diagnostics of a failed event', () => {
    const before = observe(info('InProgress'), target([['BeforeAllowTraffic', 'InProgress']]))
    const failed: ECSTarget = {
      lifecycleEvents: [
        {
          lifecycleEventName: 'BeforeAllowTraffic',
          status: 'Failed',
          diagnostics: { errorCode: 'UnknownError', message: 'reported Failed' },
        },
      ],
    }
    const events = progressEvents(before, observe(info('Failed'), failed), HOOKS)
    expect(events[0]).toEqual({
      type: 'lifecycle-event',
      event: {
        name: 'BeforeAllowTraffic',
        status: 'Failed',
        hookFunction: 'check',
        diagnostics: 'UnknownError: reported Failed',
      },
    })
    expect(events[events.length - 1]).toEqual({ type: 'deployment-status', status: 'Failed' })
  })
})
