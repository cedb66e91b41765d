import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { argsSource, parseArgs } from '../../src/cli/args.js'
import { FLAGS } from '../../src/cli/help.js'
import { parseConfig } from '../../src/config/parse.js'
import { UserError } from '../../src/errors.js'
import { recorder } from '../../src/events.js'
import { run, type RunDeps } from '../../src/run.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const ROLE = 'arn:aws:iam::123456789012:role/api-task'
const ENV_FILE = 'arn:aws:s3:::berth-config/api/prod.env'

/**
 * The api task definition of the rolling scenario as a user keeps it in the repository: YAML, written for a newer
 * ECS API than this SDK knows (one task field, one container field).
 */
const TASK_DEFINITION_YAML = `family: api
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: '256'
memory: '512'
executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
futureTaskSetting:
  mode: strict
  limits: [1, 2]
containerDefinitions:
  - name: web
    image: ${REGISTRY}/api:v1
    essential: true
    futureContainerSetting: { enabled: true }
    portMappings: [{ containerPort: 8080 }]
    logConfiguration:
      logDriver: awslogs
      options: { awslogs-group: /ecs/api, awslogs-region: us-east-1, awslogs-stream-prefix: ecs }
`

const FLAGS_ARGV = [
  '--image',
  `web=${REGISTRY}/api:v2`,
  '--task-role-arn',
  ROLE,
  '--command',
  "web:node server.js --greeting 'hello world'",
  '--docker-label',
  'web:com.example.release=2025-01-15=rc1',
  '--log-configuration',
  'web:awslogs,awslogs-stream-prefix=api,awslogs-datetime-format=%Y-%m-%d',
  '--environment-file',
  `web:${ENV_FILE}`,
  '--container-cpu',
  'web=128',
  '--container-memory',
  'web=384',
]

let open: TestSim[] = []
let directories: string[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })))
  open = []
  directories = []
})

/** `berth deploy ARGV` against the emulator's rolling scenario, with the YAML task definition above as the file. */
async function deploy(argv: string[]) {
  const sim = await startTestSim(parse(readFileSync('test/fixtures/sim/rolling.yaml', 'utf8')), { seed: 7 })
  open.push(sim)
  const directory = await mkdtemp(join(tmpdir(), 'berth-render-flags-'))
  directories.push(directory)
  const file = join(directory, 'taskdef.yaml')
  await writeFile(file, TASK_DEFINITION_YAML)
  const words = ['--cluster', 'prod', '--service', 'api', '--task-definition', file, '--poll-interval', '5s', ...argv]
  const deps: RunDeps = {
    clients: sim.clients,
    reporter: recorder(),
    readFile: (path) => readFile(path, 'utf8'),
    now: () => sim.clock.now(),
    sleep: async (ms) => sim.advance(ms),
  }
  const deployed = async () => run(parseConfig(argsSource(parseArgs(words, FLAGS.deploy, 'deploy'), {})), deps)
  const result = await deployed().catch((error: unknown) => error)
  const registrations = (await sim.calls()).filter((call) => call.operation === 'RegisterTaskDefinition')
  return { sim, result, registered: registrations.map((call) => call.request as Record<string, unknown>) }
}

describe('the render flags, deployed from a YAML task definition to the emulator', () => {
  it('registers every field the flags set, and the fields newer than the SDK as they are in the file', async () => {
    const { sim, result, registered } = await deploy(FLAGS_ARGV)
    expect(result).toMatchObject({ status: 'succeeded' })
    expect(registered).toHaveLength(1)
    const [input] = registered
    expect(input).toMatchObject({
      family: 'api',
      taskRoleArn: ROLE,
      futureTaskSetting: { mode: 'strict', limits: [1, 2] },
    })
    const [web] = input.containerDefinitions as Record<string, unknown>[]
    expect(web).toMatchObject({
      image: `${REGISTRY}/api:v2`,
      command: ['node', 'server.js', '--greeting', 'hello world'],
      dockerLabels: { 'com.example.release': '2025-01-15=rc1' },
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/api',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'api',
          'awslogs-datetime-format': '%Y-%m-%d',
        },
      },
      environmentFiles: [{ value: ENV_FILE, type: 's3' }],
      cpu: 128,
      memory: 384,
      futureContainerSetting: { enabled: true },
    })
    const described = await sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:2' }))
    expect(described.taskDefinition).toMatchObject({
      taskRoleArn: ROLE,
      containerDefinitions: [{ command: ['node', 'server.js', '--greeting', 'hello world'], cpu: 128, memory: 384 }],
    })
  })

  it.each<[string, string[], RegExp]>([
    [
      'a container the task definition lacks',
      ['--docker-label', 'worker:a=b'],
      /no container named "worker" to set docker label a in \(--docker-label\); the task definition's containers are "web"/,
    ],
    [
      'an unclosed quote',
      ['--command', 'web:node "server.js'],
      /^--command: "web:node \\"server.js" is not valid: the double quote that opens/,
    ],
    [
      'a log driver ECS does not have',
      ['--log-configuration', 'web:loki'],
      /^--log-configuration: "web:loki" is not valid: "loki" is not a log driver of ECS/,
    ],
  ])('%s: a UserError, and nothing registered', async (_case, argv, message) => {
    const { result, registered } = await deploy(argv)
    expect(result).toBeInstanceOf(UserError)
    expect((result as Error).message).toMatch(message)
    expect(registered).toEqual([])
  })
})
