import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs'
import type { Config } from '../../src/config/types.js'
import type { ProgressEvent } from '../../src/events.js'
import type { RunResult } from '../../src/verdict.js'
import { startedDeployment } from '../../src/deploy/rolling/update.js'
import { run } from '../../src/run.js'
import type { CallRecord } from '../../src/sim/core/types.js'
import { realSleep } from '../../src/watch/sleep.js'
import { deployConfig } from '../helpers/config.js'
import type { ClientOptions } from '../../src/aws/clients.js'
import { REGISTRY, productionClients, startTestSim, type TestSim } from '../helpers/sim.js'

/**
 * The fault campaign: berth through its production clients (createClients) against the emulator with injected
 * throttling, server errors and lost answers, on the emulator's manual clock. Every run must end with the right
 * verdict, at most one new revision and one deployment, before the deadline plus the rollback grace, and with the
 * service where the README says it ends.
 */

const ROLLING = 'test/fixtures/sim/rolling.yaml'
const CODEDEPLOY = 'test/fixtures/sim/codedeploy.yaml'
const WAIT_TIMEOUT_MS = 60 * 60_000
const GRACE_MS = 60_000
// A long poll keeps the calls few: the SDK's own retries of throttled reads wait in real time.
const POLL_MS = 30_000

interface Faults {
  throttleRate?: number
  errorRate?: number
  lostResponses?: Record<string, number>
  stalls?: Record<string, number>
  serverErrors?: Record<string, number[]>
  latency?: { minMs: number; maxMs: number }
}

jest.setTimeout(120_000)

let open: TestSim[] = []
let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

interface Outcome {
  result: RunResult
  calls: CallRecord[]
  events: ProgressEvent[]
  sim: TestSim
  /** Emulated ms the run took. */
  tookMs: number
}

async function deployWith(
  file: string,
  faults: Faults,
  seed: number,
  config: Partial<Config>,
  clientOptions: ClientOptions = {},
): Promise<Outcome> {
  const scenario = { ...(parse(readFileSync(file, 'utf8')) as object), faults }
  const sim = await startTestSim(scenario, { seed })
  open.push(sim)
  const clients = productionClients(sim.url, clientOptions)
  closers.push(async () => clients.destroy())
  const events: ProgressEvent[] = []
  const started = sim.clock.now()
  const result = await run(
    deployConfig({ cluster: 'prod', pollIntervalMs: POLL_MS, waitTimeoutMs: WAIT_TIMEOUT_MS, ...config }),
    {
      clients,
      reporter: { emit: (event) => void events.push(event) },
      readFile: (path) => readFile(path, 'utf8'),
      now: () => sim.clock.now(),
      sleep: async (ms) => {
        sim.advance(ms)
        await realSleep(1)
      },
    },
  )
  return { result, calls: await sim.calls(), events, sim, tookMs: sim.clock.now() - started }
}

/** Calls of `operation` that the emulator carried out (answered, or answered into a dropped connection). */
function carriedOut(calls: CallRecord[], operation: string): CallRecord[] {
  return calls.filter((call) => call.operation === operation && (call.error === null || call.error === 'LostResponse'))
}

async function serviceOf(sim: TestSim, service: string) {
  // The test's own look goes through a client without faults' retries: retry until the emulator answers.
  for (let attempt = 0; ; attempt++) {
    try {
      const output = await sim.clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
      return output.services?.[0]
    } catch (error) {
      if (attempt > 20) throw error
    }
  }
}

function expectInvariants(outcome: Outcome) {
  expect(carriedOut(outcome.calls, 'RegisterTaskDefinition').length).toBeLessThanOrEqual(1)
  expect(carriedOut(outcome.calls, 'CreateDeployment').length).toBeLessThanOrEqual(1)
  expect(outcome.tookMs).toBeLessThanOrEqual(WAIT_TIMEOUT_MS + GRACE_MS)
}

const LOST_ROLLING = { RegisterTaskDefinition: 1, UpdateService: 1 }
const LOST_CODEDEPLOY = { RegisterTaskDefinition: 1, CreateDeploymentConfig: 1, CreateDeployment: 1 }

const FAULTS: [string, Faults][] = [
  ['throttling 30 %', { throttleRate: 0.3 }],
  ['server errors 10 %', { errorRate: 0.1 }],
  ['lost answers', {}],
  ['lost answers with throttling 30 % and server errors 10 %', { throttleRate: 0.3, errorRate: 0.1 }],
]

const rollingImage = (tag: string) => [{ container: 'web', uri: `${REGISTRY}/api:${tag}` }]
const codedeployImage = (tag: string) => [{ container: 'web', uri: `${REGISTRY}/web:${tag}` }]

describe('fault campaign: rolling', () => {
  const cases = FAULTS.map(([name, faults], index) => [
    name,
    index + 1,
    name.startsWith('lost') ? { ...faults, lostResponses: LOST_ROLLING } : faults,
  ]) as [string, number, Faults][]

  it.each(cases)('good image, %s (seed %i) → succeeded, on the new revision', async (_name, seed, faults) => {
    const outcome = await deployWith(ROLLING, faults, seed, { service: 'api', images: rollingImage('v2') })
    expect(outcome.result.status).toBe('succeeded')
    expectInvariants(outcome)
    const updates = carriedOut(outcome.calls, 'UpdateService')
    expect(updates).toHaveLength(1)
    expect((await serviceOf(outcome.sim, 'api'))?.taskDefinition).toBe(outcome.result.taskDefinitionArn)
  })

  it.each(cases)(
    'crash-on-boot image, %s (seed %i) → rolled_back, on the old revision',
    async (_name, seed, faults) => {
      const outcome = await deployWith(ROLLING, faults, seed, { service: 'api', images: rollingImage('crash3') })
      expect(outcome.result.status).toBe('rolled_back')
      expectInvariants(outcome)
      // One change to the new revision; ECS's circuit breaker rolls back on its own.
      const toNew = carriedOut(outcome.calls, 'UpdateService').filter(
        (call) => (call.request as { taskDefinition?: string }).taskDefinition === outcome.result.taskDefinitionArn,
      )
      expect(toNew).toHaveLength(1)
      expect((await serviceOf(outcome.sim, 'api'))?.taskDefinition).toBe(outcome.result.previousTaskDefinitionArn)
    },
  )

  it('a lost UpdateService answer on a forced deployment starts one deployment, not two (issue 9 defect 4)', async () => {
    const outcome = await deployWith(ROLLING, { lostResponses: { UpdateService: 1 } }, 1, {
      service: 'api',
      forceNewDeployment: true,
    })
    expect(outcome.result.status).toBe('succeeded')
    expect(carriedOut(outcome.calls, 'UpdateService')).toHaveLength(1)
    const service = await serviceOf(outcome.sim, 'api')
    expect(service?.deployments?.map((deployment) => deployment.id)).toEqual([outcome.result.deploymentId])
  })

  it('a lost RegisterTaskDefinition answer registers one revision, not two (issue 9 defect 3)', async () => {
    const outcome = await deployWith(ROLLING, { lostResponses: { RegisterTaskDefinition: 1 } }, 1, {
      service: 'api',
      images: rollingImage('v2'),
    })
    expect(outcome.result.status).toBe('succeeded')
    expect(carriedOut(outcome.calls, 'RegisterTaskDefinition')).toHaveLength(1)
    expect(outcome.result.taskDefinitionArn).toMatch(/\/api:2$/)
  })
})

describe('fault campaign: CodeDeploy', () => {
  const cases = FAULTS.map(([name, faults]) => [
    name,
    name.startsWith('lost') ? { ...faults, lostResponses: LOST_CODEDEPLOY } : faults,
  ]) as [string, Faults][]
  const blueGreen = { service: 'web', codedeployApplication: 'web-app', codedeployGroup: 'web-dg' }

  it.each(cases)('canary, %s → succeeded, on the new revision', async (_name, faults) => {
    const outcome = await deployWith(CODEDEPLOY, faults, 1, {
      ...blueGreen,
      images: codedeployImage('v2'),
      deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 5 },
    })
    expect(outcome.result.status).toBe('succeeded')
    expectInvariants(outcome)
    expect(carriedOut(outcome.calls, 'CreateDeployment')).toHaveLength(1)
    expect((await serviceOf(outcome.sim, 'web'))?.taskDefinition).toBe(outcome.result.taskDefinitionArn)
  })

  it.each(cases)('crash-on-boot replacement, %s → rolled_back, on the old revision', async (_name, faults) => {
    const outcome = await deployWith(CODEDEPLOY, faults, 1, { ...blueGreen, images: codedeployImage('v3') })
    expect(outcome.result.status).toBe('rolled_back')
    expectInvariants(outcome)
    expect(carriedOut(outcome.calls, 'CreateDeployment')).toHaveLength(1)
    expect((await serviceOf(outcome.sim, 'web'))?.taskDefinition).toBe(outcome.result.previousTaskDefinitionArn)
  })
})

describe('issue 9: each defect, as it was seen', () => {
  it('defect 2: a lost UpdateService answer under throttling and 5xx, crash-on-boot image → rolled_back, never redeployed', async () => {
    const faults = {
      throttleRate: 0.3,
      errorRate: 0.1,
      lostResponses: { RegisterTaskDefinition: 1, UpdateService: 1, CreateDeployment: 1 },
    }
    for (const seed of [1, 2, 3]) {
      const outcome = await deployWith(ROLLING, faults, seed, {
        service: 'api',
        images: rollingImage('crash3'),
        pollIntervalMs: 5000,
      })
      expect(outcome.result.status).toBe('rolled_back')
      const toNew = carriedOut(outcome.calls, 'UpdateService').filter(
        (call) => (call.request as { taskDefinition?: string }).taskDefinition === outcome.result.taskDefinitionArn,
      )
      expect(toNew).toHaveLength(1)
      const service = await serviceOf(outcome.sim, 'api')
      expect(service?.taskDefinition).toBe(outcome.result.previousTaskDefinitionArn)
      expect(service?.runningCount).toBe(3)
    }
  })

  it('defect 2: a lost UpdateService answer alone, crash-on-boot image → rolled_back, sent once', async () => {
    const outcome = await deployWith(ROLLING, { lostResponses: { UpdateService: 1 } }, 1, {
      service: 'api',
      images: rollingImage('crash3'),
      pollIntervalMs: 5000,
    })
    expect(outcome.result.status).toBe('rolled_back')
    expect(carriedOut(outcome.calls, 'UpdateService')).toHaveLength(1)
  })

  it('defect 7: a lost CreateDeployment answer and a throttled GetDeployment → the deployment is adopted, not "busy"', async () => {
    // Seed 1: the GetDeployment that checks the busy group's deployment is throttled past the SDK's own attempts.
    for (const seed of [1]) {
      const outcome = await deployWith(
        CODEDEPLOY,
        { throttleRate: 0.6, lostResponses: { CreateDeployment: 1 } },
        seed,
        {
          service: 'web',
          codedeployApplication: 'web-app',
          codedeployGroup: 'web-dg',
          images: codedeployImage('v2'),
          pollIntervalMs: 60_000,
        },
      )
      expect(outcome.result.status).toBe('succeeded')
      expect(outcome.result.deploymentId).toMatch(/^d-/)
      expect(carriedOut(outcome.calls, 'CreateDeployment')).toHaveLength(1)
    }
  })

  it('defect 8: a lost StopDeployment answer on timeout → berth reports the stop and follows the rollback', async () => {
    const outcome = await deployWith(CODEDEPLOY, { errorRate: 0.1, lostResponses: { StopDeployment: 1 } }, 1, {
      service: 'web',
      codedeployApplication: 'web-app',
      codedeployGroup: 'web-dg',
      images: codedeployImage('v2'),
      deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 15 },
      waitTimeoutMs: 5 * 60_000,
    })
    expect(outcome.result.status).toBe('timed_out')
    const reasons = outcome.result.reasons.join('\n')
    expect(reasons).toMatch(/stopped CodeDeploy deployment d-\w+ with automatic rollback .*it is Stopped/)
    expect(reasons).not.toMatch(/had already completed/)
    expect(reasons).toMatch(/rollback deployment d-\w+ succeeded/)
    expect(outcome.tookMs).toBeLessThanOrEqual(5 * 60_000 + GRACE_MS)
    expect((await serviceOf(outcome.sim, 'web'))?.taskDefinition).toBe(outcome.result.previousTaskDefinitionArn)
  })

  it('defect 8: the rolling rollback on timeout is sent again through server errors until carried out', async () => {
    const outcome = await deployWith(ROLLING, { serverErrors: { UpdateService: [2, 3] } }, 1, {
      service: 'api',
      images: rollingImage('slow'),
      waitTimeoutMs: 5 * 60_000,
      pollIntervalMs: 5000,
    })
    expect(outcome.result.status).toBe('timed_out')
    expect(outcome.result.reasons.join('\n')).toMatch(/rolled the service back to .*api:1/)
    const toOld = (call: CallRecord) =>
      call.operation === 'UpdateService' &&
      String((call.request as { taskDefinition?: string }).taskDefinition).endsWith('api:1')
    // The first two rollback calls met server errors; berth sent it again until it was carried out.
    const attempts = outcome.calls.filter(toOld)
    expect(attempts.map((call) => call.error)).toEqual(['ServerException', 'ServerException', null])
    expect(carriedOut(outcome.calls, 'UpdateService').filter(toOld).length).toBeGreaterThanOrEqual(1)
    expect((await serviceOf(outcome.sim, 'api'))?.taskDefinition).toMatch(/api:1$/)
  })

  it('defect 1: a stalled read while watching is retried; a stalled UpdateService is looked at, then sent once', async () => {
    const rolling = await deployWith(
      ROLLING,
      { stalls: { ListTasks: 1, UpdateService: 1 } },
      1,
      { service: 'api', images: rollingImage('crash3'), pollIntervalMs: 5000 },
      { requestTimeoutMs: 300 },
    )
    expect(rolling.result.status).toBe('rolled_back')
    expect(carriedOut(rolling.calls, 'UpdateService')).toHaveLength(1)
    const blueGreen = await deployWith(
      CODEDEPLOY,
      { stalls: { GetDeploymentTarget: 1, CreateDeployment: 1 } },
      1,
      { service: 'web', codedeployApplication: 'web-app', codedeployGroup: 'web-dg', images: codedeployImage('v2') },
      { requestTimeoutMs: 300 },
    )
    expect(blueGreen.result.status).toBe('succeeded')
    expect(carriedOut(blueGreen.calls, 'CreateDeployment')).toHaveLength(1)
  })

  it('latency on every answer changes nothing', async () => {
    const outcome = await deployWith(ROLLING, { latency: { minMs: 0, maxMs: 15 }, throttleRate: 0.1 }, 1, {
      service: 'api',
      images: rollingImage('v2'),
    })
    expect(outcome.result.status).toBe('succeeded')
    expectInvariants(outcome)
  })
})

describe('defect 2: recognising the deployment a lost UpdateService started, in every state', () => {
  const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/api:${revision}`
  const at = (seconds: number) => new Date(Date.UTC(2025, 0, 15, 9, 0, seconds))
  const sentAt = at(10).getTime()
  const steady = {
    id: 'ecs-svc/1',
    status: 'PRIMARY',
    taskDefinition: TD(1),
    createdAt: at(0),
    rolloutState: 'COMPLETED' as const,
  }
  const before: Service = {
    deployments: [steady],
    events: [{ id: 'e1', createdAt: at(5), message: '(service api) has reached a steady state.' }],
  }
  const ours = { id: 'ecs-svc/2', taskDefinition: TD(2), createdAt: at(10) }

  it.each([
    [
      'IN_PROGRESS',
      [
        { ...ours, status: 'PRIMARY', rolloutState: 'IN_PROGRESS' as const },
        { ...steady, status: 'ACTIVE' },
      ],
    ],
    [
      'FAILED',
      [
        { ...ours, status: 'PRIMARY', rolloutState: 'FAILED' as const },
        { ...steady, status: 'ACTIVE' },
      ],
    ],
    [
      'being rolled back',
      [
        {
          ...steady,
          rolloutState: 'IN_PROGRESS' as const,
          rolloutStateReason: 'ECS deployment circuit breaker: rolling back',
        },
        { ...ours, status: 'ACTIVE', rolloutState: 'FAILED' as const },
      ],
    ],
  ])('%s: listed on the service', (_state, deployments) => {
    expect(startedDeployment({ deployments, events: before.events }, before, sentAt, TD(2))).toBe('ecs-svc/2')
  })

  it('rolled back and drained: named only by the events that appeared after the call', () => {
    const after: Service = {
      deployments: [steady],
      events: [
        { id: 'e3', createdAt: at(90), message: '(service api) rolling back to deployment ecs-svc/1.' },
        {
          id: 'e2',
          createdAt: at(80),
          message: '(service api) (deployment ecs-svc/2) deployment failed: tasks failed to start.',
        },
        ...(before.events ?? []),
      ],
    }
    expect(startedDeployment(after, before, sentAt, TD(2))).toBe('ecs-svc/2')
  })

  it('nothing new on the service: the call did nothing, and may be sent again', () => {
    expect(startedDeployment(before, before, sentAt, TD(2))).toBeUndefined()
  })
})
