import { describe, expect, it } from '@jest/globals'
import { argsSource, parseArgs } from '../../../src/cli/args.js'
import { FLAGS } from '../../../src/cli/help.js'
import { parseBeforeDeploy, parseDeployConfig, parseRunTaskConfig } from '../../../src/config/run-task.js'
import { UserError } from '../../../src/errors.js'

const runTask = (words: string[]) =>
  parseRunTaskConfig(argsSource(parseArgs(words, FLAGS['run-task'], 'run-task'), {}), {})

describe('berth run-task flags', () => {
  it('reads the target, the render flags and the commands', () => {
    const config = runTask([
      ...['--cluster', 'prod', '--service', 'web', '--image', 'web=repo/web:v2', '--container', 'web'],
      ...['--command', "web:node migrate.js --note 'hello world'", '--command', 'worker:["rake","db:migrate"]'],
    ])
    expect(config).toMatchObject({
      cluster: 'prod',
      service: 'web',
      container: 'web',
      commands: [
        { container: 'web', command: ['node', 'migrate.js', '--note', 'hello world'] },
        { container: 'worker', command: ['rake', 'db:migrate'] },
      ],
    })
    expect(config.render.images).toEqual([{ container: 'web', uri: 'repo/web:v2' }])
    expect(config.render.cluster).toBeUndefined()
    expect(config.waitTimeoutMs).toBeUndefined()
  })

  it.each([
    [['--command', 'web'], /^--command: "web" is not valid: expected CONTAINER:COMMAND/],
    [['--command', 'web:echo "open'], /^--command: .* is not valid: the double quote that opens "open is not closed/],
    [['--command', 'web:'], /is not valid: the command is empty/],
    [['--container', 'a b'], /^--container: "a b" is not valid: container name "a b" must match/],
  ])('%j is refused', (words, message) => {
    expect(() => runTask(['--cluster', 'prod', ...words])).toThrow(message)
  })
})

describe('--before-deploy', () => {
  const label = '--before-deploy'

  it('takes run-task flags; the cluster and task definition come from the deploy', () => {
    const config = parseBeforeDeploy("run-task --command 'web:npm run migrate' --wait-timeout 10m", label)
    expect(config).toMatchObject({
      commands: [{ container: 'web', command: ['npm', 'run', 'migrate'] }],
      waitTimeoutMs: 600_000,
    })
    expect(config.cluster).toBeUndefined()
    expect(config.render.taskDefinition).toBeUndefined()
  })

  it.each([
    ['migrate', /^--before-deploy: expected "run-task" and its flags/],
    [
      "run-task --command 'web:x",
      /^--before-deploy: .* cannot be read: the single quote that opens 'web:x is not closed/,
    ],
    ['run-task --strategy rolling', /^--before-deploy: unknown flag --strategy\./],
    ['run-task --image web=repo/web:v3', /^--before-deploy: --image needs --task-definition \(or --service\)/],
  ])('%j is refused before anything changes', (text, message) => {
    expect(() => parseBeforeDeploy(text, label)).toThrow(UserError)
    expect(() => parseBeforeDeploy(text, label)).toThrow(message)
  })

  it('is part of the deploy config, its errors naming the flag', () => {
    const source = argsSource(
      parseArgs(
        ['--cluster', 'c', '--service', 's', '--before-deploy', 'run-task --container web'],
        FLAGS.deploy,
        'deploy',
      ),
      {},
    )
    expect(parseDeployConfig(source).beforeDeploy?.container).toBe('web')
  })
})
