import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { envName } from '../../src/cli/args.js'
import { shellWords } from '../../src/config/command.js'
import { FLAGS } from '../../src/cli/help.js'

// Every example under workflows-examples/ names only flags the CLI has and inputs the Action has: the `berth`
// commands of GitHub `run:` steps and CodeBuild buildspec phases, the `with:` of steps that use this action, and
// every BERTH_* variable.

const ROOT = 'workflows-examples'
const ACTION_INPUTS = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs,
)
/** `uses:` of this action: the published one (owner/berth@ref) or the repository itself (./). */
const THIS_ACTION = /^(\.\/?|[\w.-]+\/berth(@.+)?)$/

/** What an example names, where. */
interface Named {
  commands: string[][]
  inputs: { uses: string; names: string[] }[]
  variables: string[]
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The shell text of a workflow's `run:` steps and a buildspec's phase commands. */
function shellTexts(document: unknown): string[] {
  if (!isObject(document)) return []
  const steps = Object.values(isObject(document.jobs) ? document.jobs : {}).flatMap((job) =>
    isObject(job) && Array.isArray(job.steps) ? job.steps.filter(isObject) : [],
  )
  const phases = Object.values(isObject(document.phases) ? document.phases : {}).filter(isObject)
  return [
    ...steps.flatMap((step) => (typeof step.run === 'string' ? [step.run] : [])),
    ...phases.flatMap((phase) =>
      [phase.commands, phase.finally].flatMap((list) => (Array.isArray(list) ? list.map(String) : [])),
    ),
  ]
}

/** Words that end a command: what follows is another command or a redirection. */
const COMMAND_END = /^(;|&&|\|\||\||&|\d?>>?.*)$/

/** The `berth SUBCOMMAND ...` invocations in shell text, as words (split by the shell's quoting rules). */
function berthCommands(text: string): string[][] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const words = shellWords(line)
      return words.flatMap((word, at) => {
        if (word !== 'berth') return []
        const rest = words.slice(at)
        const end = rest.findIndex((next) => COMMAND_END.test(next))
        return [end < 0 ? rest : rest.slice(0, end)]
      })
    })
}

function named(text: string, file: string): Named {
  const document: unknown = file.endsWith('.json') ? JSON.parse(text) : parse(text)
  const steps = isObject(document)
    ? Object.values(isObject(document.jobs) ? document.jobs : {}).flatMap((job) =>
        isObject(job) && Array.isArray(job.steps) ? job.steps.filter(isObject) : [],
      )
    : []
  return {
    commands: shellTexts(document).flatMap(berthCommands),
    inputs: steps
      .filter((step) => typeof step.uses === 'string' && THIS_ACTION.test(step.uses))
      .map((step) => ({ uses: String(step.uses), names: Object.keys(isObject(step.with) ? step.with : {}) })),
    variables: [...text.matchAll(/\bBERTH_[A-Z0-9_]+/g)].map((match) => match[0]),
  }
}

/** What an example names that berth does not have, one line each. */
function unknownNames({ commands, inputs, variables }: Named): string[] {
  const problems: string[] = []
  for (const [, subcommand = '', ...words] of commands) {
    const spec = FLAGS[subcommand as keyof typeof FLAGS]
    if (!spec) {
      problems.push(`berth ${subcommand}: no such command (berth has ${Object.keys(FLAGS).join(', ')})`)
      continue
    }
    const known = ['help', ...spec.values, ...spec.lists, ...spec.switches]
    const dashes = words.indexOf('--')
    const flags = (spec.command && dashes >= 0 ? words.slice(0, dashes) : words).filter((word) => word.startsWith('--'))
    for (const flag of flags.map((word) => word.slice(2).split('=')[0])) {
      if (!known.includes(flag)) problems.push(`berth ${subcommand} --${flag}: no such flag`)
    }
  }
  for (const { uses, names } of inputs) {
    for (const name of names.filter((input) => !ACTION_INPUTS.includes(input))) {
      problems.push(`${uses} with ${name}: no such input in action.yml`)
    }
  }
  const allFlags = Object.values(FLAGS).flatMap((spec) => [...spec.values, ...spec.lists, ...spec.switches])
  for (const variable of variables.filter((name) => !allFlags.some((flag) => envName(flag) === name))) {
    problems.push(`${variable}: no flag reads this variable`)
  }
  return problems
}

describe('workflows-examples/', () => {
  const files = filesUnder(ROOT).filter((file) => /\.(ya?ml|json)$/.test(file))

  it.each(files.map((file) => [relative(ROOT, file)]))('%s names only flags and inputs berth has', (file) => {
    const path = join(ROOT, file)
    expect(unknownNames(named(readFileSync(path, 'utf8'), path))).toEqual([])
  })

  it('has examples to check: berth commands in run steps and buildspecs, and steps that use the action', () => {
    const all = files.map((file) => named(readFileSync(file, 'utf8'), file))
    const commands = all.flatMap((example) => example.commands)
    expect(commands.some((command) => command[1] === 'render')).toBe(true)
    expect(commands.some((command) => command[1] === 'deploy')).toBe(true)
    expect(all.flatMap((example) => example.inputs).length).toBeGreaterThanOrEqual(3)
  })
})

describe('the examples check', () => {
  const workflow = `
jobs:
  deploy:
    steps:
      - uses: your-org/berth@v1
        with:
          cluster: prod
          image-tag: v2
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - run: |
          berth deploy --cluster prod --service web \\
            --image web=x:1 --rollback-on-failure --docker-label=web:a=b
          BERTH_IMAGE_TAG=v2 berth render --task-definition t.json > out.json
          berth promote --cluster prod
          berth hook --deployment-id d-1 --execution-id e -- curl --fail http://x
`
  const buildspec = `
phases:
  build:
    commands:
      - berth render --task-definition t.json --imgae web=x:1 --command "web:node server.js --port 1" > out.json
`

  it('finds a made-up flag, input, command and variable, and nothing else', () => {
    expect(unknownNames(named(workflow, 'deploy.yml'))).toEqual([
      'berth deploy --rollback-on-failure: no such flag',
      expect.stringMatching(/^berth promote: no such command/),
      'your-org/berth@v1 with image-tag: no such input in action.yml',
      'BERTH_IMAGE_TAG: no flag reads this variable',
    ])
    expect(unknownNames(named(buildspec, 'buildspec.yml'))).toEqual(['berth render --imgae: no such flag'])
  })
})
