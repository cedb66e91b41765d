import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ACTION_INPUT_NAMES } from '../../../src/config/run-task.js'
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

describe('the Action inputs', () => {
  it('are the flags of berth deploy and berth continue, by the same names, and the inputs only the Action has', () => {
    const flagOf = new Map(Object.entries(ACTION_INPUT_NAMES).map(([flag, input]) => [input, flag]))
    const inputs = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs).map(
      (input) => flagOf.get(input) ?? input,
    )
    const deploy = [...FLAGS.deploy.values, ...FLAGS.deploy.lists, ...FLAGS.deploy.switches]
    const continues = [...FLAGS.continue.values, ...FLAGS.continue.lists, ...FLAGS.continue.switches]
    const notDeploy = inputs.filter((input) => !deploy.includes(input))
    expect(notDeploy.filter((input) => !continues.includes(input))).toEqual([
      'continue',
      'github-environment',
      'github-token',
    ])
    expect(continues.filter((flag) => !inputs.includes(flag))).toEqual(['json'])
    const cliOnly = ['out', 'diff', 'json', 'json-events', 'verbose']
    expect(deploy.filter((flag) => !inputs.includes(flag))).toEqual(expect.arrayContaining(cliOnly))
    expect(deploy.filter((flag) => !inputs.includes(flag) && !cliOnly.includes(flag))).toEqual([])
  })
})
