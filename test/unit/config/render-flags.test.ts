import { describe, expect, it } from '@jest/globals'
import { argsSource, parseArgs } from '../../../src/cli/args.js'
import { FLAGS } from '../../../src/cli/help.js'
import { parseConfig } from '../../../src/config/parse.js'
import { type InputSource } from '../../../src/config/types.js'
import { UserError } from '../../../src/errors.js'

const ROLE = 'arn:aws:iam::123456789012:role/web-task'
const ENV_FILE = 'arn:aws:s3:::berth-config/web/prod.env'

/** The flags as `berth deploy` reads them: util.parseArgs over argv, then BERTH_* env. */
function cli(argv: string[], env: Record<string, string> = {}) {
  return parseConfig(argsSource(parseArgs(argv, FLAGS.deploy, 'deploy'), env))
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('the render flags of berth render and berth deploy', () => {
  it('parses each into its edit', () => {
    const config = cli([
      '--task-role-arn',
      ROLE,
      '--execution-role-arn',
      'arn:aws-us-gov:iam::123456789012:role/path/to/ecsTaskExecutionRole',
      '--command',
      "web:node server.js --greeting 'hello world'",
      '--command',
      'otel-collector:["--config","/etc/otel.yaml"]',
      '--docker-label',
      'web:com.example.team=payments',
      '--docker-label',
      'web:query=a=b',
      '--log-configuration',
      'web:awslogs,awslogs-group=/ecs/web,awslogs-multiline-pattern=^level=',
      '--environment-file',
      `web:${ENV_FILE}`,
      '--container-cpu',
      'web=512',
      '--container-memory',
      'web=1024',
    ])
    expect(config).toMatchObject({
      taskRoleArn: ROLE,
      executionRoleArn: 'arn:aws-us-gov:iam::123456789012:role/path/to/ecsTaskExecutionRole',
      commands: [
        { container: 'web', command: ['node', 'server.js', '--greeting', 'hello world'] },
        { container: 'otel-collector', command: ['--config', '/etc/otel.yaml'] },
      ],
      dockerLabels: [
        { container: 'web', key: 'com.example.team', value: 'payments' },
        { container: 'web', key: 'query', value: 'a=b' },
      ],
      logConfigurations: [
        {
          container: 'web',
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-multiline-pattern': '^level=' },
        },
      ],
      environmentFiles: [{ container: 'web', arn: ENV_FILE }],
      containerCpu: [{ container: 'web', size: 512 }],
      containerMemory: [{ container: 'web', size: 1024 }],
    })
  })

  it('leaves every edit empty when no flag is given', () => {
    expect(cli([])).toMatchObject({
      commands: [],
      dockerLabels: [],
      logConfigurations: [],
      environmentFiles: [],
      containerCpu: [],
      containerMemory: [],
    })
    expect(cli([]).taskRoleArn).toBeUndefined()
  })

  it('takes each from its BERTH_* variable, lists one per line', () => {
    const config = cli([], {
      BERTH_TASK_ROLE_ARN: ROLE,
      BERTH_COMMAND: 'web:node server.js\notel-collector:otelcol --config "/etc/otel config.yaml"',
      BERTH_DOCKER_LABEL: 'web:a=1\nweb:b=2',
      BERTH_CONTAINER_MEMORY: 'web=256',
    })
    expect(config.taskRoleArn).toBe(ROLE)
    expect(config.commands).toEqual([
      { container: 'web', command: ['node', 'server.js'] },
      { container: 'otel-collector', command: ['otelcol', '--config', '/etc/otel config.yaml'] },
    ])
    expect(config.dockerLabels.map((label) => label.key)).toEqual(['a', 'b'])
    expect(config.containerMemory).toEqual([{ container: 'web', size: 256 }])
  })

  it('keeps berth hook taking its command after --, apart from --command', () => {
    const hook = parseArgs(['--deployment-id', 'd-X', '--', 'curl', '-f', 'http://x'], FLAGS.hook, 'hook')
    expect(argsSource(hook, {}).list('--')).toEqual(['curl', '-f', 'http://x'])
    expect(argsSource(hook, {}).list('command')).toEqual([])
  })

  it.each<[string[], string]>([
    [['--task-role-arn', 'web-task'], '--task-role-arn: "web-task" is not valid: expected an IAM role ARN like'],
    [
      ['--execution-role-arn', 'arn:aws:iam::123456789012:user/deployer'],
      '--execution-role-arn: "arn:aws:iam::123456789012:user/deployer" is not valid: expected an IAM role ARN',
    ],
    [['--task-role-arn', 'arn:aws:iam::1234:role/x'], 'expected an IAM role ARN like arn:aws:iam::123456789012:role/'],
    [
      ['--command', "web:node 'server.js"],
      `--command: "web:node 'server.js" is not valid: the single quote that opens 'server.js is not closed`,
    ],
    [['--command', 'node server.js'], '--command: "node server.js" is not valid: expected CONTAINER:COMMAND'],
    [['--command', 'web:'], '--command: "web:" is not valid: the command is empty.'],
    [['--docker-label', 'web:team'], '--docker-label: "web:team" is not valid: expected CONTAINER:KEY=VALUE'],
    [['--docker-label', 'team=payments'], 'expected CONTAINER:KEY=VALUE'],
    [
      ['--log-configuration', 'web:cloudwatch,group=/ecs/web'],
      '"cloudwatch" is not a log driver of ECS; expected one of awslogs, fluentd, gelf, json-file, journald, ' +
        'syslog, splunk, awsfirelens.',
    ],
    [['--log-configuration', 'web:awslogs,awslogs-group'], 'the option "awslogs-group" is not KEY=VALUE'],
    [
      ['--environment-file', 'web:arn:aws:s3:::bucket/web/prod.json'],
      '"arn:aws:s3:::bucket/web/prod.json" is not an S3 object ARN of a .env file',
    ],
    [['--environment-file', 'web:s3://bucket/prod.env'], 'is not an S3 object ARN of a .env file'],
    [['--container-cpu', 'web=0'], '--container-cpu: "web=0" is not valid: "0" is not a positive whole number'],
    [['--container-memory', 'web=1.5'], '"1.5" is not a positive whole number; expected CONTAINER=N'],
    [['--container-memory', 'web'], '--container-memory: "web" is not valid: expected CONTAINER=N'],
    [['--container-cpu', 'w eb=1'], 'container name "w eb" must match'],
  ])('refuses %j naming the flag, the value and what is accepted', (argv, message) => {
    const error = errorOf(() => cli(argv))
    expect(error.message).toContain(message)
    expect(error.location.input).toBe(argv[0])
  })

  it.each([
    ['--command', 'web:node a.js', 'web:node b.js'],
    ['--log-configuration', 'web:awslogs', 'web:splunk'],
    ['--container-cpu', 'web=256', 'web=512'],
    ['--container-memory', 'web=256', 'web=512'],
  ])('refuses %s twice for one container', (flag, first, second) => {
    expect(errorOf(() => cli([flag, first, flag, second])).message).toBe(
      `${flag}: container "web" is given twice; give one per container.`,
    )
  })

  it('labels errors as the Action spells its inputs', () => {
    const action: InputSource = {
      get: () => undefined,
      list: (name) => (name === 'command' ? ['web:"unclosed'] : []),
      label: (name) => `input "${name}"`,
      inputName: (name) => name,
    }
    const error = errorOf(() => parseConfig(action))
    expect(error.message).toMatch(/^input "command": "web:\\"unclosed" is not valid: the double quote/)
    expect(error.location.input).toBe('command')
  })
})
