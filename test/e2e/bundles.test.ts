/**
 * The committed bundles, run as users run them: `node dist/cli/index.js …` in a terminal or buildspec, and
 * `node dist/index.js` with the INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files the runner sets.
 * Deployments go to an emulator started in this process with a fast clock; the bundles reach it over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { startSim, type Sim } from '../../src/sim/main.js'
import { startFakeGitHub } from '../helpers/github.js'
import { clientConfig, REGISTRY } from '../helpers/sim.js'
import {
  lastJsonLine,
  outputsOf,
  runBundle,
  runnerEnv,
  type BundleHooks,
  type BundleOutcome,
} from '../helpers/bundles.js'

const CLI = 'dist/cli/index.js'
const ACTION = 'dist/index.js'
const TWO_CONTAINERS = 'test/fixtures/taskdef/web-fargate.describe.json'
const SPEED = 150

function node(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  whileRunning?: BundleHooks['onStart'],
): Promise<BundleOutcome> {
  return runBundle(script, args, env, { onStart: whileRunning })
}

describe('the CLI bundle renders', () => {
  const source = JSON.parse(readFileSync(TWO_CONTAINERS, 'utf8')) as {
    taskDefinition: Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] }
    tags: unknown[]
  }

  it('a two-container describe output into a registerable definition, both images replaced, all else in order', async () => {
    const { code, stdout, stderr } = await node(CLI, [
      'render',
      '--task-definition',
      TWO_CONTAINERS,
      '--image',
      `web=${REGISTRY}/web:v2`,
      '--image',
      'otel-collector=public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0',
    ])
    expect(stderr).not.toContain('error')
    expect(code).toBe(0)
    const readOnly = [
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
    ]
    const expected: Record<string, unknown> = Object.fromEntries(
      Object.entries(source.taskDefinition).filter(([key]) => !readOnly.includes(key)),
    )
    expected.containerDefinitions = source.taskDefinition.containerDefinitions.map((container) => ({
      ...container,
      image:
        container.name === 'web' ? `${REGISTRY}/web:v2` : 'public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0',
    }))
    expected.tags = source.tags
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`)
  })

  it('ends stdout with the JSON contract under --json', async () => {
    const { code, stdout } = await node(CLI, [
      'render',
      '--task-definition',
      TWO_CONTAINERS,
      '--image',
      `web=${REGISTRY}/web:v2`,
      '--json',
    ])
    expect(code).toBe(0)
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('rendered')
    expect((result.taskDefinition as { family: string }).family).toBe('web')
    expect(result.artifacts).toEqual([])
  })

  it('names the unknown container, the containers that exist, and exits 2', async () => {
    const { code, stderr } = await node(CLI, ['render', '--task-definition', TWO_CONTAINERS, '--image', 'api=x/y:1'])
    expect(code).toBe(2)
    expect(stderr).toContain('"api"')
    expect(stderr).toContain('web')
    expect(stderr).toContain('otel-collector')
  })

  it('names the line and column of a JSON syntax error and exits 2', async () => {
    const { code, stderr } = await node(CLI, ['render', '--task-definition', 'test/fixtures/taskdef/missing-comma.txt'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/missing-comma\.txt:\d+:\d+: invalid JSON/)
  })

  it.each([
    [
      'no region',
      { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
      /^berth deploy: no AWS region: give --region/,
    ],
    [
      'no credentials',
      { AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
      /^berth deploy: no AWS credentials/,
    ],
  ])('exits 2 with advice when AWS has %s, before any call', async (_what, env, message) => {
    const { code, stderr } = await node(CLI, ['deploy', '--cluster', 'prod', '--service', 'api'], env)
    expect(stderr).toMatch(message)
    expect(code).toBe(2)
  })

  it('exits 2 on an unknown flag and prints real help', async () => {
    expect((await node(CLI, ['render', '--imge', 'x'])).stderr).toContain('Did you mean --image?')
    const help = await node(CLI, ['render', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--task-definition')
    expect((await node(CLI, ['--help'])).stdout).toContain('deploy')
  })
})

describe('the Action bundle renders, as the runner runs it', () => {
  it('sets the task-definition output to the rendered file and writes the artifacts', async () => {
    const { env, files } = runnerEnv({
      'task-definition': TWO_CONTAINERS,
      image: `web=${REGISTRY}/web:v2\n`,
      'artifacts-dir': join(tmpdir(), `berth-artifacts-${process.pid}`),
      artifacts: 'imagedefinitions',
    })
    const { code, stdout } = await node(ACTION, [], env)
    expect(stdout).not.toContain('::error')
    expect(code).toBe(0)
    const outputs = outputsOf(files.output)
    expect(outputs.status).toBe('rendered')
    const rendered = JSON.parse(readFileSync(outputs['task-definition'], 'utf8')) as {
      containerDefinitions: { image: string }[]
    }
    expect(rendered.containerDefinitions[0].image).toBe(`${REGISTRY}/web:v2`)
    const [imagedefinitions] = outputs.artifacts.split('\n')
    expect(JSON.parse(readFileSync(imagedefinitions, 'utf8'))).toEqual([
      { name: 'web', imageUri: `${REGISTRY}/web:v2` },
    ])
  })

  it('masks env values that look like credentials before anything is logged', async () => {
    const password = 'correct-horse-battery-staple'
    const { env } = runnerEnv({
      'task-definition': TWO_CONTAINERS,
      env: `web:DB_PASSWORD=${password}\nweb:LOG_LEVEL=debug`,
    })
    const { code, stdout } = await node(ACTION, [], env)
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toBe(`::add-mask::${password}`)
    expect(lines.filter((line) => line.includes(password))).toEqual([`::add-mask::${password}`])
    expect(stdout).not.toContain('::add-mask::debug')
  })

  it('fails once with exit code 2 and an annotation on the file and line of bad input', async () => {
    const { env, files } = runnerEnv({ 'task-definition': TWO_CONTAINERS, image: 'api=x/y:1' })
    const { code, stdout } = await node(ACTION, [], env)
    expect(code).toBe(2)
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatch(new RegExp(`file=${TWO_CONTAINERS},line=\\d+`))
    expect(annotations.join('\n')).toContain('"api"')
    expect(outputsOf(files.output).status).toBe('error')
  })

  it('refuses a task definition that leads outside the workspace through a symbolic link, exit 2', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'berth-workspace-'))
    const outside = join(mkdtempSync(join(tmpdir(), 'berth-outside-')), 'secret.json')
    writeFileSync(outside, readFileSync(TWO_CONTAINERS))
    symlinkSync(outside, join(workspace, 'task-definition.json'))
    const { env, files } = runnerEnv(
      { 'task-definition': join(workspace, 'task-definition.json'), image: 'web=x/y:1' },
      { GITHUB_WORKSPACE: workspace },
    )
    const { code, stdout } = await node(ACTION, [], env)
    expect(code).toBe(2)
    expect(stdout).toMatch(
      /input "task-definition": .*task-definition\.json leads to .*secret\.json, outside the workspace/,
    )
    expect(outputsOf(files.output).status).toBe('error')
  })

  it("writes each step's rendered task definition to a file of its own", async () => {
    const inputs = { 'task-definition': TWO_CONTAINERS, image: 'web=x/y:1' }
    const { env, files } = runnerEnv(inputs, { GITHUB_WORKSPACE: process.cwd(), GITHUB_RUN_ID: '42' })
    const paths: string[] = []
    for (let step = 0; step < 2; step++) {
      writeFileSync(files.output, '')
      expect((await node(ACTION, [], env)).code).toBe(0)
      paths.push(outputsOf(files.output)['task-definition'])
    }
    expect(paths[0]).not.toBe(paths[1])
    expect(paths.every((path) => existsSync(path))).toBe(true)
  })

  it('names the input of a malformed value', async () => {
    const { env } = runnerEnv({ 'task-definition': TWO_CONTAINERS, 'wait-timeout': 'soon' })
    const { code, stdout } = await node(ACTION, [], env)
    expect(code).toBe(2)
    expect(stdout).toContain('input "wait-timeout": "soon" is not valid')
  })
})

describe('deployments through the bundles against berth sim', () => {
  let sim: Sim
  let ecs: ECSClient
  let aws: Record<string, string>
  const watch = { 'poll-interval': '100ms', 'wait-timeout': '5m' }

  beforeAll(async () => {
    sim = await startSim({ scenario: 'test/fixtures/sim/rolling.yaml', speed: SPEED })
    ecs = new ECSClient(clientConfig(sim.url))
    aws = {
      AWS_ENDPOINT_URL: sim.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
    }
  })
  afterAll(async () => {
    ecs.destroy()
    await sim.close()
  })

  const serviceTaskDefinition = async (service: string) =>
    (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))).services?.[0]
      ?.taskDefinition

  const deployArgs = (image: string, service = 'api') => [
    'deploy',
    '--cluster',
    'prod',
    '--service',
    service,
    '--image',
    `web=${REGISTRY}/api:${image}`,
    '--poll-interval',
    watch['poll-interval'],
    '--wait-timeout',
    watch['wait-timeout'],
    '--json',
  ]

  it('CLI: a healthy image succeeds with exit 0; --json-events adds the progress events', async () => {
    const { code, stdout } = await node(CLI, [...deployArgs('v2'), '--json-events'], aws)
    const result = lastJsonLine(stdout)
    expect(result).toMatchObject({ status: 'succeeded', cluster: 'prod', service: 'api' })
    expect(code).toBe(0)
    expect(await serviceTaskDefinition('api')).toBe(result.taskDefinitionArn)
    const types = (result.events as { type: string }[]).map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['registered', 'deployment-started', 'tasks-changed']))
    expect(types).not.toContain('verdict')
  })

  it('CLI: a crashing image is rolled back by the circuit breaker, exit 1, with the exit code in the reasons', async () => {
    const before = await serviceTaskDefinition('api')
    const { code, stdout, stderr } = await node(CLI, deployArgs('crash3'), aws)
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('rolled_back')
    expect(code).toBe(1)
    expect((result.reasons as string[]).join('\n')).toContain('exit code 3')
    expect(stderr).toContain('fatal: DATABASE_URL is not set')
    expect(await serviceTaskDefinition('api')).toBe(before)
  })

  it('CLI: SIGTERM mid-way cancels and rolls the service back', async () => {
    const before = await serviceTaskDefinition('api')
    const { code, stdout } = await node(CLI, deployArgs('slow'), aws, (child, output) => {
      const poll = setInterval(() => {
        if (output().includes('started:')) {
          clearInterval(poll)
          child.kill('SIGTERM')
        }
      }, 50)
    })
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('cancelled')
    expect(code).toBe(1)
    expect(await serviceTaskDefinition('api')).toBe(before)
  })

  /** The Action deploying an image of the api service, recording a GitHub deployment in production. */
  const actionDeploy = (tag: string, github: Record<string, string>) =>
    runnerEnv(
      {
        cluster: 'prod',
        service: 'api',
        image: `web=${REGISTRY}/api:${tag}`,
        'github-environment': 'production',
        'github-token': 'ghs_test',
        ...watch,
      },
      { ...aws, ...github },
    )

  it('Action: a healthy image succeeds and sets status, task-definition-arn, deployment-id and the summary', async () => {
    const github = await startFakeGitHub()
    const { env, files } = actionDeploy('v3', github.env)
    const { code, stdout } = await node(ACTION, [], env).finally(github.close)
    expect(stdout).not.toContain('::error')
    expect(code).toBe(0)
    const outputs = outputsOf(files.output)
    expect(outputs.status).toBe('succeeded')
    expect(outputs['task-definition-arn']).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task-definition\/api:\d+$/)
    expect(outputs['deployment-id']).toMatch(/^ecs-svc\/\d+$/)
    expect(existsSync(outputs['task-definition'])).toBe(true)
    expect(stdout).toContain('::group::')
    expect(readFileSync(files.summary, 'utf8')).toContain('succeeded')

    const [deployment, ...statuses] = github.requests
    expect(deployment).toMatchObject({
      method: 'POST',
      path: '/repos/acme/shop/deployments',
      authorization: 'token ghs_test',
      body: {
        ref: github.env.GITHUB_SHA,
        environment: 'production',
        required_contexts: [],
        payload: { taskDefinitionArn: outputs['task-definition-arn'], deploymentId: outputs['deployment-id'] },
      },
    })
    expect(statuses.map((request) => [request.path, request.body.state])).toEqual([
      ['/repos/acme/shop/deployments/1000/statuses', 'in_progress'],
      ['/repos/acme/shop/deployments/1000/statuses', 'success'],
    ])
    expect(statuses[1].body).toMatchObject({
      log_url: 'https://github.com/acme/shop/actions/runs/4242',
      environment: 'production',
    })
  })

  it('Action: a GitHub API that cannot be reached is a warning, never a change of verdict', async () => {
    const github = await startFakeGitHub()
    await github.close()
    const { env, files } = actionDeploy('v1', github.env)
    const { code, stdout } = await node(ACTION, [], env)
    expect(code).toBe(0)
    expect(outputsOf(files.output).status).toBe('succeeded')
    expect(stdout).toMatch(/^::warning::GitHub deployment: could not create a deployment in environment production/m)
    expect(stdout).not.toContain('::error')
  })

  it('Action: an unhealthy image fails the step with exit 1, status rolled_back and the health-check hint', async () => {
    const github = await startFakeGitHub()
    const { env, files } = actionDeploy('unhealthy', github.env)
    const { code, stdout } = await node(ACTION, [], env).finally(github.close)
    expect(github.requests.map((request) => request.body.state ?? request.body.environment)).toEqual([
      'production',
      'in_progress',
      'failure',
    ])
    expect(github.requests[2].body.description).toMatch(/^rolled back: deployment ecs-svc\/\d+ failed/)
    expect(code).toBe(1)
    expect(outputsOf(files.output).status).toBe('rolled_back')
    expect(stdout.split('\n').filter((line) => line.startsWith('::error')).length).toBe(1)
    expect(readFileSync(files.summary, 'utf8').toLowerCase()).toContain('health check')
  })
})
