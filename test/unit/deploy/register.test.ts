import { describe, expect, it } from '@jest/globals'
import { familyOf, revisionsToDeregister } from '../../../src/deploy/register.js'

const arn = (revision: number, family = 'api') =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`

describe('revisionsToDeregister', () => {
  it('keeps the newest N and every revision in use', () => {
    const newestFirst = [arn(7), arn(6), arn(5), arn(4), arn(3)]
    expect(revisionsToDeregister(newestFirst, 2, new Set([arn(4)]))).toEqual([arn(5), arn(3)])
  })

  it('deregisters nothing when there are no more than N', () => {
    expect(revisionsToDeregister([arn(2), arn(1)], 3, new Set())).toEqual([])
  })
})

describe('familyOf', () => {
  it.each([
    [arn(12), 'api'],
    [arn(1, 'api-worker_2'), 'api-worker_2'],
  ])('%s → %s', (input, expected) => {
    expect(familyOf(input)).toBe(expected)
  })
})
