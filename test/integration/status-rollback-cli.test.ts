import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Writable } from 'node:stream'
import { main } from '../../src/cli/main.js'
import { startTestSim, type TestSim } from '../helpers/sim.js'

// The two commands through the CLI entry, the SDK pointed at the emulator by the usual AWS_* variables.

let sim: TestSim
const saved: Record<string, string | undefined> = {}
const ENV = ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']

beforeAll(async () => {
  sim = await startTestSim('test/fixtures/sim/rolling.yaml')
  for (const name of ENV) saved[name] = process.env[name]
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: sim.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
  })
})

afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  await sim.close()
})

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const sink = (into: string[]) =>
    new Writable({ write: (chunk, _encoding, done) => void (into.push(String(chunk)), done()) })
  const code = await main(argv, { stdout: sink(out), stderr: sink(err), env: {} })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

describe('berth status and berth rollback from the command line', () => {
  it('status prints one screen and exits 0; --json prints the same facts as one object', async () => {
    const text = await cli('status', '--cluster', 'prod', '--service', 'api')
    expect(text.code).toBe(0)
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      'service api in cluster prod (rolling update)',
      '  task definition  api:1',
      '  tasks            3 desired, 3 running',
    ])
    const json = await cli('status', '--cluster', 'prod', '--service', 'api', '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      cluster: 'prod',
      service: 'api',
      strategy: 'rolling',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:1',
      deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', running: 3 }],
    })
  })

  it('status of a missing service exits 2 naming --service', async () => {
    const { code, stderr } = await cli('status', '--cluster', 'prod', '--service', 'nope')
    expect(code).toBe(2)
    expect(stderr).toBe(
      'berth status: --service nope: cluster prod has no such service (MISSING); check --service and --cluster.\n',
    )
  })

  it('rollback refuses a malformed --to, and a --to of another family, with exit 2', async () => {
    const malformed = await cli('rollback', '--cluster', 'prod', '--service', 'api', '--to', 'api:latest', '--json')
    expect(malformed.code).toBe(2)
    expect(JSON.parse(malformed.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({
      status: 'error',
      error: { kind: 'input', input: '--to' },
    })
    const other = await cli('rollback', '--cluster', 'prod', '--service', 'api', '--to', 'web:1')
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('berth rollback: --to web:1: that is a revision of family web')
    expect((await sim.calls()).some((call) => call.operation === 'UpdateService')).toBe(false)
  })
})
