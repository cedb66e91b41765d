import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { parse } from 'yaml'
import {
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { main } from '../../src/cli/main.js'
import { startTestSim, type TestSim } from '../helpers/sim.js'

// `berth continue` run in-process by the CLI's main(), its AWS calls going through berth's own clients over HTTP to
// the emulator (AWS_ENDPOINT_URL), on the emulator's manual clock: prod/search (LINEAR) waits on its PAUSE hook
// after scale-up until someone answers it.

const FIXTURE = 'test/fixtures/sim/native.yaml'
const TERMINAL = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']

let sim: TestSim | undefined
const saved = { ...process.env }

beforeAll(() => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1' })
})
afterAll(() => {
  process.env = saved
})
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(faults?: Record<string, unknown>): Promise<TestSim> {
  const scenario = faults ? { ...(parse(readFileSync(FIXTURE, 'utf8')) as object), faults } : FIXTURE
  sim = await startTestSim(scenario)
  process.env.AWS_ENDPOINT_URL = sim.url
  return sim
}

interface Ran {
  code: number
  stdout: string
  stderr: string
}

async function berth(...argv: string[]): Promise<Ran> {
  const out = { stdout: '', stderr: '' }
  const sink = (key: keyof typeof out) =>
    new Writable({ write: (chunk, _encoding, done) => void ((out[key] += String(chunk)), done()) })
  const code = await main(argv, { stdout: sink('stdout'), stderr: sink('stderr'), env: { AWS_REGION: 'us-east-1' } })
  return { code, ...out }
}

async function latest(s: TestSim, service: string): Promise<ServiceDeployment> {
  const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service }))
  return describe1(s, list.serviceDeployments?.[0]?.serviceDeploymentArn ?? '')
}

async function describe1(s: TestSim, arn: string): Promise<ServiceDeployment> {
  const out = await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  return out.serviceDeployments?.[0] ?? {}
}

const awaiting = (sd: ServiceDeployment) => sd.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION')

/** Deploys web:2 to prod/search and moves the clock until its PAUSE hook awaits action. */
async function pausedSearch(s: TestSim): Promise<{ arn: string; hookId: string }> {
  await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
  const sd = await s.until('the PAUSE hook to await action', async () => {
    const current = await latest(s, 'search')
    return awaiting(current) ? current : undefined
  })
  return { arn: sd.serviceDeploymentArn ?? '', hookId: awaiting(sd)?.hookId ?? '' }
}

async function followToEnd(s: TestSim, arn: string): Promise<ServiceDeployment> {
  return s.until(`${arn} to end`, async () => {
    const sd = await describe1(s, arn)
    return TERMINAL.includes(sd.status ?? '') ? sd : undefined
  })
}

const continueSearch = ['continue', '--cluster', 'prod', '--service', 'search']

describe('berth continue', () => {
  it('continues the PAUSE hook a LINEAR deployment waits on; the deployment moves past POST_SCALE_UP and succeeds', async () => {
    const s = await start()
    const paused = await pausedSearch(s)
    const ran = await berth(...continueSearch)
    expect(ran).toEqual({
      code: 0,
      stdout: `continued PAUSE hook ${paused.hookId} at POST_SCALE_UP of service deployment ${paused.arn}\n`,
      stderr: '',
    })
    s.advance(60_000)
    const moved = await describe1(s, paused.arn)
    expect(moved.lifecycleHookDetails?.[0]).toMatchObject({ hookId: paused.hookId, status: 'SUCCEEDED' })
    expect(moved.lifecycleStage).not.toBe('POST_SCALE_UP')
    expect((await followToEnd(s, paused.arn)).status).toBe('SUCCESSFUL')
    const continues = (await s.calls()).filter((call) => call.operation === 'ContinueServiceDeployment')
    expect(continues.map((call) => call.request)).toEqual([
      { serviceDeploymentArn: paused.arn, hookId: paused.hookId, action: 'CONTINUE' },
    ])
  })

  it('--rollback --json: answers ROLLBACK, prints one JSON object, and the deployment ends ROLLBACK_SUCCESSFUL', async () => {
    const s = await start()
    const paused = await pausedSearch(s)
    const ran = await berth(...continueSearch, '--rollback', '--json', '--hook-id', paused.hookId)
    expect(ran.code).toBe(0)
    expect(JSON.parse(ran.stdout)).toEqual({
      status: 'rolled_back_requested',
      serviceDeploymentArn: paused.arn,
      hookId: paused.hookId,
      stage: 'POST_SCALE_UP',
    })
    const ended = await followToEnd(s, paused.arn)
    expect(ended.status).toBe('ROLLBACK_SUCCESSFUL')
    const plain = await berth(...continueSearch, '--rollback')
    expect(plain.code).toBe(2)
  })

  it('says what it asked for without --json when rolling back', async () => {
    const s = await start()
    const paused = await pausedSearch(s)
    const ran = await berth(...continueSearch, '--rollback')
    expect(ran.stdout).toBe(
      `asked ECS to roll back service deployment ${paused.arn} (answered PAUSE hook ${paused.hookId} at POST_SCALE_UP with ROLLBACK)\n`,
    )
  })

  it('nothing waiting is exit 2, saying what the deployment does instead (or that there is none)', async () => {
    const s = await start()
    const none = await berth('continue', '--cluster', 'prod', '--service', 'bg')
    expect(none.code).toBe(2)
    expect(none.stderr).toBe(
      'berth continue: nothing waits for an answer in service bg (cluster prod): it has no service deployment in progress.\n',
    )
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'bg', taskDefinition: 'web:2' }))
    const sd = await latest(s, 'bg')
    const busy = await berth('continue', '--cluster', 'prod', '--service', 'bg', '--json')
    expect(busy.code).toBe(2)
    expect(busy.stderr).toContain(`service deployment ${sd.serviceDeploymentArn} is IN_PROGRESS at stage`)
    expect(JSON.parse(busy.stdout)).toMatchObject({ status: 'error', error: { kind: 'input' } })
    const calls = await s.calls()
    expect(calls.filter((call) => call.operation === 'ContinueServiceDeployment')).toEqual([])
  })

  it('a --hook-id that does not await action is exit 2 naming the flag and the hooks there are', async () => {
    const s = await start()
    const paused = await pausedSearch(s)
    const wrong = `ecs-pause-${'x'.repeat(43)}`
    const ran = await berth(...continueSearch, '--hook-id', wrong)
    expect(ran.code).toBe(2)
    expect(ran.stderr).toBe(
      `berth continue: --hook-id ${wrong} is not a hook awaiting action in service search (cluster prod): ` +
        `the hooks are ${paused.hookId} (PAUSE, AWAITING_ACTION).\n`,
    )
    const malformed = await berth(...continueSearch, '--hook-id', 'pause-1')
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toMatch(
      /^berth continue: --hook-id: "pause-1" is not valid: expected a hook id like ecs-pause-/,
    )
    expect((await describe1(s, paused.arn)).lifecycleStage).toBe('POST_SCALE_UP')
  })

  it('an unknown service is exit 2', async () => {
    await start()
    const ran = await berth('continue', '--cluster', 'prod', '--service', 'ghost')
    expect(ran).toMatchObject({ code: 2, stderr: 'berth continue: ECS has no service ghost in cluster prod.\n' })
  })

  it('a lost ContinueServiceDeployment answer: berth looks again, sees its answer took, and does not send it twice', async () => {
    const s = await start({ lostResponses: { ContinueServiceDeployment: 1 } })
    const paused = await pausedSearch(s)
    const ran = await berth(...continueSearch)
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe(
      `continued PAUSE hook ${paused.hookId} at POST_SCALE_UP of service deployment ${paused.arn}\n`,
    )
    expect(ran.stderr).toMatch(/^retrying in 0\.5 s after: /)
    const calls = await s.calls()
    const continues = calls.filter((call) => call.operation === 'ContinueServiceDeployment')
    expect(continues.map((call) => call.error)).toEqual(['LostResponse'])
    const last = calls[calls.length - 1]
    expect(last).toMatchObject({
      operation: 'DescribeServiceDeployments',
      request: { serviceDeploymentArns: [paused.arn] },
    })
    expect((await followToEnd(s, paused.arn)).status).toBe('SUCCESSFUL')
  })
})
