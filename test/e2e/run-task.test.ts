/**
 * `berth run-task` and `berth deploy --before-deploy` as users run them: the CLI bundle against `berth sim` (real
 * clock, sped up). Needs `npm run bundle` (dist/cli/index.js).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startSim, type Sim } from '../../src/sim/main.js'
import { REGISTRY } from '../helpers/sim.js'
import { lastJsonLine, runBundle } from '../helpers/bundles.js'

const CLI = 'dist/cli/index.js'
const SCENARIO = 'test/fixtures/sim/run-task.yaml'
const IMAGE = `web=${REGISTRY}/api:v2`

let sim: Sim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

function awsEnv(url: string) {
  return { AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' }
}

async function operations(url: string): Promise<string[]> {
  return ((await (await fetch(`${url}/__sim/calls`)).json()) as { operation: string }[]).map((call) => call.operation)
}

describe('the CLI bundle: berth run-task', () => {
  it('exit 0: the log lines streamed, exit code 0', async () => {
    sim = await startSim({ scenario: SCENARIO, speed: 100 })
    const args = ['run-task', '--cluster', 'prod', '--service', 'api', '--image', IMAGE, '--poll-interval', '100ms']
    const outcome = await runBundle(CLI, [...args, '--command', 'web:npm run migrate'], awsEnv(sim.url))
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toMatch(
      /log {4}web \| migrating 3 pending migrations\n.*log {4}web \| applied 3\n.*log {4}web \| done\n/,
    )
    expect(outcome.stdout).toMatch(/stopped: Essential container in task exited \(web exit code 0\)/)
    expect(outcome.stdout).toMatch(/OK: succeeded/)
  })

  it('exit 3: exit code 1, the reason and the last log lines; --json carries the task', async () => {
    sim = await startSim({ scenario: SCENARIO, speed: 100 })
    const args = ['run-task', '--cluster', 'prod', '--service', 'api', '--image', IMAGE, '--poll-interval', '100ms']
    const outcome = await runBundle(
      CLI,
      [...args, '--command', 'web:npm run migrate-broken', '--json'],
      awsEnv(sim.url),
    )
    expect(outcome.code).toBe(1)
    expect(outcome.stderr).toMatch(
      /FAILED: failed[\s\S]*exit code {9}3 \(web\)[\s\S]*\| error: relation "users" already exists/,
    )
    expect(lastJsonLine(outcome.stdout)).toMatchObject({
      status: 'failed',
      task: { container: 'web', exitCode: 3, stoppedReason: 'Essential container in task exited' },
      reasons: ['web exited with code 3 (Essential container in task exited)'],
    })
  })

  it('SIGINT while the task runs: StopTask, cancelled, exit code 1', async () => {
    sim = await startSim({ scenario: SCENARIO, speed: 20 })
    let signalled = false
    const outcome = await runBundle(
      CLI,
      ['run-task', '--cluster', 'prod', '--service', 'api', '--image', IMAGE, '--command', 'web:npm run forever'],
      awsEnv(sim.url),
      {
        onOutput: (child, output) => {
          if (signalled || !/log {4}web \| waiting for the queue/.test(output.stdout)) return
          signalled = true
          child.kill('SIGINT')
        },
      },
    )
    expect(outcome.code).toBe(1)
    expect(outcome.stdout).toMatch(/the run was cancelled: berth stopped task [0-9a-f]{32} \(StopTask\)\./)
    expect(outcome.stdout).toMatch(/FAILED: cancelled/)
    expect(await operations(sim.url)).toContain('StopTask')
  })
})

describe('the CLI bundle: berth deploy --before-deploy', () => {
  it('a migration that exits 3: exit code 1, no UpdateService', async () => {
    sim = await startSim({ scenario: SCENARIO, speed: 100 })
    const outcome = await runBundle(
      CLI,
      [
        ...['deploy', '--cluster', 'prod', '--service', 'api', '--image', IMAGE, '--poll-interval', '100ms'],
        ...['--before-deploy', "run-task --command 'web:npm run migrate-broken'"],
      ],
      awsEnv(sim.url),
    )
    expect(outcome.code).toBe(1)
    expect(outcome.stdout).toMatch(/the before-deploy task did not succeed, so service api was not changed\./)
    expect(await operations(sim.url)).not.toContain('UpdateService')
  })

  it('a bad --before-deploy string: exit code 2 before any call that changes something', async () => {
    sim = await startSim({ scenario: SCENARIO, speed: 100 })
    const outcome = await runBundle(
      CLI,
      ['deploy', '--cluster', 'prod', '--service', 'api', '--image', IMAGE, '--before-deploy', 'run-task --comand x'],
      awsEnv(sim.url),
    )
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/--before-deploy: unknown flag --comand\. Did you mean --command\?/)
    expect(await operations(sim.url)).toEqual([])
  })
})
