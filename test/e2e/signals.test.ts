/**
 * Cancelling the CLI bundle as GitHub cancels a job: SIGINT, then SIGTERM 1.5 s later (GitHub waits 7.5 s). The
 * first signal must lead to the rollback call, the second must not abandon it, and the verdict is `cancelled` with
 * the service back on its previous revision. Needs `npm run bundle` (dist/cli/index.js).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { startSim, type Sim } from '../../src/sim/main.js'
import { REGISTRY, productionClients } from '../helpers/sim.js'
import { lastJsonLine, runBundle, type BundleOutcome } from '../helpers/bundles.js'

const CLI = 'dist/cli/index.js'
const SPEED = 100

/** Runs the CLI; once `started` appears in its output, sends SIGINT, then SIGTERM 1.5 s later. */
function cancelMidway(args: string[], env: Record<string, string>, started: RegExp): Promise<BundleOutcome> {
  let signalled = false
  return runBundle(CLI, args, env, {
    onOutput: (child, output) => {
      if (signalled || !started.test(output.stdout + output.stderr)) return
      signalled = true
      child.kill('SIGINT')
      setTimeout(() => child.kill('SIGTERM'), 1500)
    },
  })
}

/**
 * The scenario with every answer held back half a second or so, so that the run is still cancelling (the rollback
 * and its last looks) when the SIGTERM arrives.
 */
function slowAnswers(file: string) {
  return { ...(parse(readFileSync(file, 'utf8')) as object), faults: { latency: { minMs: 500, maxMs: 700 } } }
}

let sim: Sim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function serviceTaskDefinition(url: string, service: string): Promise<string | undefined> {
  const clients = productionClients(url)
  try {
    const output = await clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
    return output.services?.[0]?.taskDefinition
  } finally {
    clients.destroy()
  }
}

function awsEnv(url: string) {
  return { AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' }
}

describe('SIGINT then SIGTERM to the CLI bundle mid-deployment', () => {
  it('rolling: cancelled, the rollback was requested, the service back on its previous revision', async () => {
    sim = await startSim({ scenario: slowAnswers('test/fixtures/sim/rolling.yaml'), speed: SPEED })
    const before = await serviceTaskDefinition(sim.url, 'api')
    const { code, stdout, stderr } = await cancelMidway(
      [
        'deploy',
        ...['--cluster', 'prod', '--service', 'api', '--image', `web=${REGISTRY}/api:slow`],
        ...['--poll-interval', '5s', '--wait-timeout', '30m', '--json'],
      ],
      awsEnv(sim.url),
      /started:/,
    )
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('cancelled')
    expect(code).toBe(1)
    expect((result.reasons as string[]).join('\n')).toMatch(
      /rolled the service back to|asked ECS to roll the service back/,
    )
    expect(stderr).toMatch(/received SIGTERM; still finishing the cancellation/)
    const calls = (await (await fetch(`${sim.url}/__sim/calls`)).json()) as { operation: string; request: unknown }[]
    const rollback = calls.filter(
      (call) =>
        call.operation === 'UpdateService' && (call.request as { taskDefinition?: string }).taskDefinition === before,
    )
    expect(rollback).toHaveLength(1)
    expect(await serviceTaskDefinition(sim.url, 'api')).toBe(before)
  })

  it('CodeDeploy: cancelled, the deployment stopped with rollback, the service back on its previous revision', async () => {
    sim = await startSim({ scenario: slowAnswers('test/fixtures/sim/codedeploy.yaml'), speed: SPEED })
    const before = await serviceTaskDefinition(sim.url, 'web')
    const { code, stdout, stderr } = await cancelMidway(
      [
        'deploy',
        ...['--cluster', 'prod', '--service', 'web', '--image', `web=${REGISTRY}/web:v2`],
        ...['--codedeploy-application', 'web-app', '--codedeploy-group', 'web-dg'],
        ...['--deployment-config', 'canary:10%:15m', '--poll-interval', '5s', '--wait-timeout', '30m', '--json'],
      ],
      awsEnv(sim.url),
      /started:/,
    )
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('cancelled')
    expect(code).toBe(1)
    const calls = (await (await fetch(`${sim.url}/__sim/calls`)).json()) as { operation: string; error: unknown }[]
    expect(calls.filter((call) => call.operation === 'StopDeployment' && call.error === null)).toHaveLength(1)
    expect(stderr).toMatch(/received SIGTERM; still finishing the cancellation/)
    expect(await serviceTaskDefinition(sim.url, 'web')).toBe(before)
  })

  it('ECS-native: cancelled, the service deployment stopped with ROLLBACK, the service back on its previous revision', async () => {
    sim = await startSim({ scenario: slowAnswers('test/fixtures/sim/native.yaml'), speed: SPEED })
    const before = await serviceTaskDefinition(sim.url, 'search')
    const { code, stdout, stderr } = await cancelMidway(
      [
        'deploy',
        ...['--cluster', 'prod', '--service', 'search', '--image', `web=${REGISTRY}/web:v2`],
        ...['--poll-interval', '5s', '--wait-timeout', '30m', '--json'],
      ],
      awsEnv(sim.url),
      /following service deployment/,
    )
    const result = lastJsonLine(stdout)
    expect(result.status).toBe('cancelled')
    expect(code).toBe(1)
    expect((result.reasons as string[]).join('\n')).toMatch(/StopServiceDeployment/)
    const calls = (await (await fetch(`${sim.url}/__sim/calls`)).json()) as { operation: string; error: unknown }[]
    expect(calls.filter((call) => call.operation === 'StopServiceDeployment' && call.error === null)).toHaveLength(1)
    expect(stderr).toMatch(/received SIGTERM; still finishing the cancellation/)
    expect(await serviceTaskDefinition(sim.url, 'search')).toBe(before)
  })
})

describe('a signal during start-up', () => {
  /** Sends SIGINT `afterMs` after the process was spawned, before berth has done anything. */
  function interruptEarly(script: string, args: string[], env: Record<string, string>, afterMs: number) {
    return runBundle(script, args, env, { onStart: (child) => setTimeout(() => child.kill('SIGINT'), afterMs) })
  }

  it('is caught, not fatal: 0.3 s after start the CLI ends cancelled, having changed nothing', async () => {
    sim = await startSim({ scenario: 'test/fixtures/sim/rolling.yaml', speed: SPEED })
    const args = ['deploy', '--cluster', 'prod', '--service', 'api', '--image', `web=${REGISTRY}/api:v2`, '--json']
    const outcome = await interruptEarly(CLI, args, awsEnv(sim.url), 300)
    expect(outcome.signal).toBeNull()
    expect(lastJsonLine(outcome.stdout)).toMatchObject({ status: 'cancelled' })
    expect(outcome.code).toBe(1)
    expect(await serviceTaskDefinition(sim.url, 'api')).toMatch(/api:1$/)
  })
})
