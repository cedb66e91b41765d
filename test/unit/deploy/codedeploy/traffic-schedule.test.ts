import { describe, expect, it } from '@jest/globals'
import { describeSchedule, shiftMinutes, trafficSchedule } from '../../../../src/deploy/codedeploy/traffic-schedule.js'

describe('trafficSchedule', () => {
  it.each([
    [{ type: 'all-at-once' as const }, [{ afterMinutes: 0, green: 100 }], 0],
    [
      { type: 'canary' as const, percentage: 10, intervalMinutes: 15 },
      [
        { afterMinutes: 0, green: 10 },
        { afterMinutes: 15, green: 100 },
      ],
      15,
    ],
    [
      { type: 'linear' as const, percentage: 30, intervalMinutes: 2 },
      [
        { afterMinutes: 0, green: 30 },
        { afterMinutes: 2, green: 60 },
        { afterMinutes: 4, green: 90 },
        { afterMinutes: 6, green: 100 },
      ],
      6,
    ],
  ])('%j', (shape, steps, minutes) => {
    expect(trafficSchedule(shape)).toEqual(steps)
    expect(shiftMinutes(shape)).toBe(minutes)
  })

  it('takes ten steps over nine minutes for linear 10% every minute', () => {
    const steps = trafficSchedule({ type: 'linear', percentage: 10, intervalMinutes: 1 })
    expect(steps.map((step) => step.green)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    expect(steps[steps.length - 1].afterMinutes).toBe(9)
  })

  it('describes a schedule for the plan', () => {
    expect(describeSchedule(trafficSchedule({ type: 'canary', percentage: 10, intervalMinutes: 5 }))).toBe(
      '10% → 100% at +5 min',
    )
  })
})
