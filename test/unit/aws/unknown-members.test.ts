import { describe, expect, it } from '@jest/globals'
import { withMissingMembers } from '../../../src/aws/unknown-members.js'

describe('withMissingMembers', () => {
  it('adds what the SDK dropped, at every depth, and keeps what it sent', () => {
    const given = {
      family: 'web',
      futureTaskField: { mode: 'on' },
      containerDefinitions: [
        { name: 'web', image: 'x:1', futureContainerField: true, logConfiguration: { logDriver: 'awslogs', z: 1 } },
        { name: 'sidecar', image: 'y:1' },
      ],
      unset: undefined,
      nothing: null,
    }
    const sent = {
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'x:1', logConfiguration: { logDriver: 'awslogs' } },
        { name: 'sidecar', image: 'y:1' },
      ],
    }
    expect(withMissingMembers(sent, given)).toEqual({
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'x:1', logConfiguration: { logDriver: 'awslogs', z: 1 }, futureContainerField: true },
        { name: 'sidecar', image: 'y:1' },
      ],
      futureTaskField: { mode: 'on' },
    })
  })

  it('keeps the sent value where the SDK wrote a member its own way', () => {
    expect(withMissingMembers({ at: 1700000000 }, { at: new Date(1700000000_000) })).toEqual({ at: 1700000000 })
    expect(withMissingMembers({ list: [1] }, { list: [1, 2] })).toEqual({ list: [1] })
  })
})
