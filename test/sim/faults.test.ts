import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { CodeDeployClient, ListApplicationsCommand } from '@aws-sdk/client-codedeploy'
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { DescribeServicesCommand, ECSClient, ListClustersCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { SimInputError } from '../../src/sim/core/errors.js'
import { parseScenario } from '../../src/sim/scenario/reader.js'
import { clientConfig, startTestSim, webServiceScenario, type TestSim } from '../helpers/sim.js'

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

type SdkError = Error & { $fault: string; $metadata: { httpStatusCode?: number; attempts?: number } }

async function failure(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call
  } catch (error) {
    return error as SdkError
  }
  throw new Error('expected the call to fail')
}

const webScenario = (faults: Record<string, unknown>) => ({
  ...webServiceScenario({ images: [{ tag: 'v1' }] }),
  faults,
})

describe('faults.stalls', () => {
  it('never answers the first N calls of an operation, does not carry them out, then serves normally', async () => {
    sim = await startTestSim(webScenario({ stalls: { UpdateService: 2 } }))
    const update = () => new UpdateServiceCommand({ cluster: 'prod', service: 'web', desiredCount: 5 })
    for (let i = 0; i < 2; i++) {
      const error = await failure(sim.ecs.send(update(), { abortSignal: AbortSignal.timeout(200) }))
      expect(error.name).toBe('AbortError')
    }
    const before = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(before.services![0].desiredCount).toBe(3)
    const out = await sim.ecs.send(update())
    expect(out.service!.desiredCount).toBe(5)
    const calls = (await sim.calls()).filter((c) => c.operation === 'UpdateService')
    expect(calls.map((c) => [c.status, c.error])).toEqual([
      [0, 'Stalled'],
      [0, 'Stalled'],
      [200, null],
    ])
  })

  it("ends in the client's own request timeout, and other operations are not stalled", async () => {
    sim = await startTestSim(webScenario({ stalls: { ListClusters: 1 } }))
    const impatient = new ECSClient({
      ...clientConfig(sim.url, 1),
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true },
    })
    try {
      const error = await failure(impatient.send(new ListClustersCommand({})))
      expect(error.name).toBe('TimeoutError')
      const services = await impatient.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
      expect(services.services).toHaveLength(1)
      expect((await impatient.send(new ListClustersCommand({}))).clusterArns).toHaveLength(1)
    } finally {
      impatient.destroy()
    }
  })

  it('lets close() end a stalled connection', async () => {
    sim = await startTestSim(webScenario({ stalls: { ListClusters: 1 } }))
    const pending = failure(sim.ecs.send(new ListClustersCommand({})))
    while ((await sim.calls()).length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    await sim.close()
    sim = undefined
    expect((await pending).name).not.toBe('AbortError')
  })
})

describe('faults.serverErrors', () => {
  it("answers the named calls of an operation with the service's 5xx, without carrying them out", async () => {
    sim = await startTestSim(webScenario({ serverErrors: { UpdateService: [2] } }))
    const update = (desiredCount: number) => new UpdateServiceCommand({ cluster: 'prod', service: 'web', desiredCount })
    await sim.ecs.send(update(4))
    const error = await failure(new ECSClient({ ...clientConfig(sim.url), maxAttempts: 1 }).send(update(5)))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ServerException', 500])
    await sim.ecs.send(update(6))
    const calls = (await sim.calls()).filter((c) => c.operation === 'UpdateService')
    expect(calls.map((c) => c.error)).toEqual([null, 'ServerException', null])
    const service = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(service.services![0].desiredCount).toBe(6)
  })
})

describe('faults.latency', () => {
  async function delays(seed: number): Promise<number[]> {
    sim = await startTestSim(webScenario({ latency: { minMs: 20, maxMs: 80 } }), { seed })
    for (let i = 0; i < 8; i++) {
      const started = performance.now()
      await sim.ecs.send(new ListClustersCommand({}))
      const took = performance.now() - started
      const last = (await sim.calls()).at(-1)!
      // The answer cannot come before the delay the emulator chose for it.
      expect(took).toBeGreaterThanOrEqual(last.delayMs! - 1)
    }
    const out = (await sim.calls()).map((c) => c.delayMs!)
    await sim.close()
    sim = undefined
    return out
  }

  it('holds each answer back a seeded random time within [minMs, maxMs]', async () => {
    const first = await delays(4)
    expect(first).toHaveLength(8)
    for (const ms of first) {
      expect(ms).toBeGreaterThanOrEqual(20)
      expect(ms).toBeLessThanOrEqual(80)
    }
    expect(new Set(first).size).toBeGreaterThan(1)
    expect(await delays(4)).toEqual(first)
  })

  it('records no delay without the fault', async () => {
    sim = await startTestSim(webScenario({}))
    await sim.ecs.send(new ListClustersCommand({}))
    expect((await sim.calls())[0]).not.toHaveProperty('delayMs')
  })
})

describe("each service's own 5xx", () => {
  it.each([
    ['ECS', 'ServerException', 'server'],
    ['ECR', 'ServerException', 'server'],
    ['CodeDeploy', 'InternalFailure', 'server'],
    ['Logs', 'ServiceUnavailableException', 'server'],
  ])('%s answers %s (HTTP 500), which the SDK retries', async (service, name, fault) => {
    sim = await startTestSim({ ...webServiceScenario({ images: [{ tag: 'v1' }] }), faults: { errorRate: 1 } })
    const config = clientConfig(sim.url, 2)
    const clients = {
      ECS: new ECSClient(config),
      ECR: new ECRClient(config),
      CodeDeploy: new CodeDeployClient(config),
      Logs: new CloudWatchLogsClient(config),
    }
    const send: Record<string, () => Promise<unknown>> = {
      ECS: () => clients.ECS.send(new ListClustersCommand({})),
      ECR: () => clients.ECR.send(new DescribeRepositoriesCommand({})),
      CodeDeploy: () => clients.CodeDeploy.send(new ListApplicationsCommand({})),
      Logs: () => clients.Logs.send(new DescribeLogGroupsCommand({})),
    }
    const error = await failure(send[service]())
    for (const client of Object.values(clients)) client.destroy()
    expect([error.name, error.$fault, error.$metadata.httpStatusCode]).toEqual([name, fault, 500])
    expect(error.$metadata.attempts).toBe(2)
    expect((await sim.calls()).map((c) => [c.status, c.error])).toEqual([
      [500, name],
      [500, name],
    ])
  })
})

describe('the scenario reader', () => {
  it("reads docs/sim-scenario.md's example, every key it shows", () => {
    const doc = readFileSync('docs/sim-scenario.md', 'utf8')
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]
    const scenario = parseScenario(example, 'docs/sim-scenario.md')
    expect(scenario.faults).toEqual({
      throttleRate: 0,
      errorRate: 0,
      lostResponses: { UpdateService: 1 },
      stalls: { DescribeServices: 1 },
      serverErrors: { UpdateService: [2, 3] },
      latency: { minMs: 20, maxMs: 200 },
    })
    expect(scenario.timing).toEqual({
      healthCheckSeconds: 10,
      deregistrationDelaySeconds: 300,
      stopSeconds: 5,
      settleSeconds: 30,
    })
  })

  it('accepts stalls and latency', () => {
    const scenario = parseScenario(
      'faults:\n  stalls: { DescribeServices: 2 }\n  latency: { minMs: 5, maxMs: 50 }\n  lostResponses: { UpdateService: 1 }\n',
    )
    expect(scenario.faults).toEqual({
      throttleRate: 0,
      errorRate: 0,
      lostResponses: { UpdateService: 1 },
      stalls: { DescribeServices: 2 },
      serverErrors: {},
      latency: { minMs: 5, maxMs: 50 },
    })
  })

  it.each([
    ['faults:\n  stalls: { UpdateService: -1 }\n', 2, 'faults.stalls.UpdateService must be an integer >= 0, got -1'],
    ['faults:\n  stalls: { update-service: 1 }\n', 2, 'faults.stalls.update-service is not an operation name'],
    ['faults:\n  stalls: [UpdateService]\n', 2, 'faults.stalls must be a mapping, got a list'],
    [
      'faults:\n  serverErrors: { UpdateService: 2 }\n',
      2,
      'faults.serverErrors.UpdateService must be a list of call numbers',
    ],
    [
      'faults:\n  serverErrors: { UpdateService: [0] }\n',
      2,
      'faults.serverErrors.UpdateService[0] must be an integer >= 1, got 0',
    ],
    ['faults:\n  latency:\n    minMs: 50\n    maxMs: 10\n', 4, 'faults.latency.maxMs must be >= minMs (50), got 10'],
    [
      'faults:\n  latency: { minMs: 5, max: 9 }\n',
      2,
      'faults.latency.max unknown key; accepted keys here: minMs, maxMs',
    ],
    ['faults:\n  latency: { minMs: fast }\n', 2, 'faults.latency.minMs must be a number >= 0, got "fast"'],
  ])('names the file, line and key of a bad fault (%#)', (text, line, message) => {
    let error: unknown
    try {
      parseScenario(text, 'bad.yaml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SimInputError)
    expect((error as Error).message).toContain(`bad.yaml:${line}: ${message}`)
  })
})
