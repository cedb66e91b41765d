/**
 * How a user first trips over berth, through the CLI bundle (dist/cli/index.js, `npm run bundle`): a closed pipe,
 * `--json` on every exit code, bad input named as given, and zero AWS calls recorded by the emulator for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { startSim, type Sim } from '../../src/sim/main.js'
import { REGISTRY, productionClients } from '../helpers/sim.js'
import { lastJsonLine, runBundle, type BundleOutcome } from '../helpers/bundles.js'

const CLI = 'dist/cli/index.js'

/** Runs the CLI bundle; with `closeStdoutAfter`, the reader of stdout goes away after that many bytes (as `head`). */
function berth(args: string[], env: Record<string, string>, closeStdoutAfter?: number): Promise<BundleOutcome> {
  return runBundle(CLI, args, env, {
    onOutput: (child, output) => {
      if (closeStdoutAfter !== undefined && output.stdout.length >= closeStdoutAfter) child.stdout?.destroy()
    },
  })
}

let sim: Sim
let aws: Record<string, string>

beforeAll(async () => {
  sim = await startSim({ scenario: 'test/fixtures/sim/rolling.yaml', speed: 100 })
  aws = { AWS_ENDPOINT_URL: sim.url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' }
})
afterAll(async () => sim.close())

async function serviceTaskDefinition(service: string): Promise<string | undefined> {
  const clients = productionClients(sim.url)
  try {
    const output = await clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
    return output.services?.[0]?.taskDefinition
  } finally {
    clients.destroy()
  }
}

async function callsSince(count: number): Promise<string[]> {
  const response = await fetch(`${sim.url}/__sim/calls`)
  const calls = (await response.json()) as { operation: string }[]
  return calls.slice(count).map((call) => call.operation)
}

async function callCount(): Promise<number> {
  return (await callsSince(0)).length
}

const deploy = (tag: string, service = 'api') => [
  'deploy',
  '--cluster',
  'prod',
  '--service',
  service,
  '--image',
  `web=${REGISTRY}/api:${tag}`,
  '--poll-interval',
  '100ms',
  '--wait-timeout',
  '10m',
]

describe('a closed stdout', () => {
  it('never changes what berth does: the deployment is followed to its verdict, and the exit code is the verdict’s', async () => {
    const outcome = await berth(deploy('v2'), aws, 1)
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).not.toContain('EPIPE')
    expect(await serviceTaskDefinition('api')).toMatch(/api:\d+$/)
    expect(await serviceTaskDefinition('api')).not.toMatch(/api:1$/)
  })
})

describe('--json ends every exit with one JSON object', () => {
  it('0: the verdict object', async () => {
    const outcome = await berth([...deploy('v3'), '--json'], aws)
    expect(outcome.code).toBe(0)
    expect(lastJsonLine(outcome.stdout)).toMatchObject({ status: 'succeeded' })
  })

  it('1: the verdict object of a deployment that did not succeed', async () => {
    const outcome = await berth([...deploy('crash3'), '--json'], aws)
    expect(outcome.code).toBe(1)
    expect(lastJsonLine(outcome.stdout)).toMatchObject({ status: 'rolled_back' })
  })

  it('2: an input error, naming the flag, with no AWS call made', async () => {
    const before = await callCount()
    const outcome = await berth([...deploy('v2'), '--wait-timeout', '0', '--json'], aws)
    expect(outcome.code).toBe(2)
    expect(lastJsonLine(outcome.stdout)).toEqual({
      status: 'error',
      error: {
        kind: 'input',
        input: '--wait-timeout',
        message: '--wait-timeout: "0" is not valid: expected a duration from 1m to 24h.',
      },
    })
    expect(await callsSince(before)).toEqual([])
  })

  it('2: an input error from a BERTH_* variable names the variable', async () => {
    const outcome = await berth([...deploy('v2').slice(0, 7), '--json'], { ...aws, BERTH_POLL_INTERVAL: 'often' })
    expect(outcome.code).toBe(2)
    expect(lastJsonLine(outcome.stdout)).toMatchObject({
      status: 'error',
      error: { kind: 'input', input: 'BERTH_POLL_INTERVAL' },
    })
  })

  it('2: an environment berth cannot work in (no region)', async () => {
    const { AWS_REGION: _region, ...noRegion } = aws
    const outcome = await berth([...deploy('v2'), '--json'], noRegion)
    expect(outcome.code).toBe(2)
    expect(lastJsonLine(outcome.stdout)).toMatchObject({ status: 'error', error: { kind: 'environment' } })
  })

  it('2: an unknown flag, said once', async () => {
    const outcome = await berth(['deploy', '--clustr', 'prod', '--json'], aws)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/^berth deploy: unknown flag --clustr\. Did you mean --cluster\?/)
    expect(lastJsonLine(outcome.stdout)).toMatchObject({ status: 'error', error: { kind: 'input', input: '--clustr' } })
  })
})

describe('local input is checked before the first AWS call, and named as given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-input-'))
  const file = join(dir, 'api.json')
  writeFileSync(
    file,
    JSON.stringify({
      family: 'api',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: `${REGISTRY}/api:v1`, essential: true }],
    }),
  )
  const withMemory = join(dir, 'memory.json')
  writeFileSync(withMemory, readFileSync(file, 'utf8').replace('"512"', '"abc"'))
  const notADirectory = join(dir, 'out')
  writeFileSync(notADirectory, '')

  it.each([
    [
      'a missing task-definition file',
      ['--task-definition', join(dir, 'nope.json')],
      /nope\.json: cannot read the file/,
    ],
    [
      '--artifacts-dir naming a file',
      ['--artifacts-dir', notADirectory],
      /^--artifacts-dir .*out: is a file, not a directory/,
    ],
    [
      '--region that is no region',
      ['--region', 'us east'],
      /^--region: "us east" is not valid: expected an AWS region/,
    ],
    ['--cpu Fargate does not offer', ['--task-definition', file, '--cpu', '3'], /^--cpu 3: Fargate offers no cpu 3/],
    ['memory that is no size', ['--task-definition', withMemory], /memory: "abc" is not a size: give MiB/],
  ])('%s → exit 2, no AWS call', async (_name, extra, message) => {
    const before = await callCount()
    const outcome = await berth([...deploy('v2'), ...extra, '--json'], aws)
    expect(outcome.code).toBe(2)
    expect((lastJsonLine(outcome.stdout).error as { message: string }).message).toMatch(message)
    expect(await callsSince(before)).toEqual([])
  })

  it('an AWS_REGION that is no region names the variable, as an environment problem', async () => {
    const outcome = await berth([...deploy('v2'), '--json'], { ...aws, AWS_REGION: 'us east' })
    expect(outcome.code).toBe(2)
    expect(lastJsonLine(outcome.stdout).error).toMatchObject({ kind: 'environment', input: 'AWS_REGION' })
  })
})

describe('--verbose', () => {
  it('shows every AWS call with its duration; without it, none', async () => {
    const verbose = await berth([...deploy('v2'), '--dry-run', '--verbose'], aws)
    expect(verbose.code).toBe(0)
    expect(verbose.stdout).toMatch(/debug: ECS DescribeServices \d+ ms/)
    expect(verbose.stdout).toMatch(/debug: ECR DescribeImages \d+ ms/)
    const quiet = await berth([...deploy('v2'), '--dry-run'], aws)
    expect(quiet.stdout).not.toMatch(/debug:/)
  })
})
