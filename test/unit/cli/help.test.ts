import { describe, expect, it } from '@jest/globals'
import { FLAGS, MAIN_HELP, synopsis } from '../../../src/cli/help.js'

describe('the CLI synopsis', () => {
  it('names every flag of every command, from the same table as the parser', () => {
    const lines = synopsis().split('\n')
    for (const [command, spec] of Object.entries(FLAGS)) {
      const start = lines.findIndex((line) => line.startsWith(`berth ${command} `))
      const end = lines.findIndex((line, at) => at > start && line.startsWith('berth '))
      const entry = lines.slice(start, end < 0 ? undefined : end).join(' ')
      for (const name of [...spec.values, ...spec.lists, ...spec.switches]) {
        expect(entry).toMatch(new RegExp(`--${name}\\b`))
      }
    }
  })

  it('is what berth --help prints, in lines of at most 112 characters', () => {
    expect(MAIN_HELP).toContain(synopsis())
    expect(
      Math.max(
        ...synopsis()
          .split('\n')
          .map((line) => line.length),
      ),
    ).toBeLessThanOrEqual(112)
  })
})
