import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import type { Config } from '../../src/config/types.js'
import { UserError } from '../../src/errors.js'
import type { ProgressEvent } from '../../src/events.js'
import { run, type RunDeps } from '../../src/run.js'
import type { RunResult } from '../../src/verdict.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

// ECS-native and rolling services of one family in one run (test/fixtures/sim/native.yaml: bg BLUE_GREEN, search
// LINEAR with a PAUSE hook, worker ROLLING, all on web:1; web:2 and web:3 are registered too, so the run's revision is
// web:4). berth's sleep moves the emulated clock.

const SCENARIO = 'test/fixtures/sim/native.yaml'
const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function deploy(s: TestSim, overrides: Partial<Config>): Promise<{ result: RunResult; events: ProgressEvent[] }> {
  const events: ProgressEvent[] = []
  const deps: RunDeps = {
    clients: s.clients,
    reporter: { emit: (event) => events.push(event) },
    readFile: (path) => readFile(path, 'utf8'),
    now: () => s.clock.now(),
    sleep: async (ms) => s.advance(ms),
  }
  const config = deployConfig({
    cluster: 'prod',
    images: [{ container: 'web', uri: `${REGISTRY}/web:v2` }],
    waitTimeoutMs: 2 * 3600_000,
    ...overrides,
    service: overrides.services?.[0],
  })
  return { result: await run(config, deps), events }
}

async function taskDefinitions(s: TestSim, services: string[]) {
  const output = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services }))
  return Object.fromEntries((output.services ?? []).map((service) => [service.serviceName, service.taskDefinition]))
}

const byName = (result: RunResult) => Object.fromEntries((result.services ?? []).map((s) => [s.service, s]))

describe('berth deploy over ECS-native and rolling services', () => {
  it('deploys one registration of the family to an ECS-native and a rolling service', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result, events } = await deploy(s, { services: ['bg', 'worker'] })
    expect(result.services?.map((service) => [service.service, service.status, service.taskDefinitionArn])).toEqual([
      ['bg', 'succeeded', TD(4)],
      ['worker', 'succeeded', TD(4)],
    ])
    expect(result.status).toBe('succeeded')
    expect((await s.calls()).filter((call) => call.operation === 'RegisterTaskDefinition')).toHaveLength(1)
    const strategies = events.flatMap((event) =>
      event.type === 'service-progress' && event.event.type === 'deployment-started'
        ? [[event.service, event.event.strategy]]
        : [],
    )
    expect(Object.fromEntries(strategies)).toEqual({
      bg: 'ecs-native, BLUE_GREEN: all production traffic at once, then bake 1 min',
      worker: 'rolling',
    })
    expect(await taskDefinitions(s, ['bg', 'worker'])).toEqual({ bg: TD(4), worker: TD(4) })
  })

  it('rollback-all: a failing ECS-native hook stops the paused LINEAR deployment and deploys the rolling one back', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    await s.ecs.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'bg',
        deploymentConfiguration: {
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 1,
          lifecycleHooks: [
            {
              hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-fails',
              roleArn: 'arn:aws:iam::123456789012:role/ecs-hooks',
              lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
            },
          ],
        },
      }),
    )
    // Two at a time: worker and search start; bg starts once worker succeeded, while search waits on its PAUSE hook.
    const { result } = await deploy(s, { services: ['worker', 'search', 'bg'], maxParallel: 2 })
    const services = byName(result)
    expect(services.bg.status).toBe('rolled_back')
    expect(services.bg.reasons[0]).toContain('Lifecycle hook target smoke-fails returned FAILED status.')
    expect(services.search.status).toBe('cancelled')
    expect(services.search.reasons[0]).toMatch(
      /^berth stopped service deployment arn:aws:ecs:\S+\b.*: service bg did not succeed \(--on-failure rollback-all\)\.$/,
    )
    expect(services.worker.status).toBe('rolled_back')
    expect(services.worker.reasons[0]).toMatch(/^rolled back to .*web:1 \(deployment ecs-svc\/\d+\) after it succeeded/)
    expect(result.status).toBe('rolled_back')
    const stops = (await s.calls()).filter((call) => call.operation === 'StopServiceDeployment')
    expect(stops.map((call) => (call.request as { stopType?: string }).stopType)).toEqual(['ROLLBACK'])
    expect(await taskDefinitions(s, ['worker', 'search', 'bg'])).toEqual({ worker: TD(1), search: TD(1), bg: TD(1) })
  })

  it('refuses services of one family that would render different task definitions, before any change', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'worker', taskDefinition: 'web:2' }))
    // No edit: each service would get its own revision again, web:1 (image v1) and web:2 (image v2).
    const error = await deploy(s, { services: ['bg', 'worker'], images: [] }).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      `--service: services bg and worker both run family web but render different task definitions (${TD(1)} and ` +
        `${TD(2)}); give --task-definition to deploy the same one to both, or deploy them in separate runs.`,
    )
    const calls = (await s.calls()).map((call) => call.operation)
    expect(calls.filter((operation) => operation === 'RegisterTaskDefinition')).toEqual([])
    expect(calls.filter((operation) => operation === 'UpdateService')).toHaveLength(1)
  })
})
