import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { DescribeClustersCommand, ECSClient, ListClustersCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { main } from '../../src/cli/main.js'
import { runSim, SimInputError, startSim } from '../../src/sim/main.js'
import { clientConfig, startTestSim, type TestSim } from '../helpers/sim.js'

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function post(
  url: string,
  target: string,
  body: string,
): Promise<{ status: number; json: Record<string, unknown>; requestId: string | null }> {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      authorization:
        'AWS4-HMAC-SHA256 Credential=x/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00',
    },
    body,
  })
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
    requestId: res.headers.get('x-amzn-requestid'),
  }
}

/** The outcome of `count` calls: "ok", or the error name and HTTP status. */
async function outcomes(seed: number, count: number): Promise<string[]> {
  sim = await startTestSim({ clusters: [{ name: 'prod' }], faults: { throttleRate: 0.3, errorRate: 0.2 } }, { seed })
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    try {
      await sim.ecs.send(new ListClustersCommand({}))
      out.push('ok')
    } catch (error) {
      const e = error as Error & { $metadata: { httpStatusCode?: number }; $fault: string }
      out.push(`${e.name} ${e.$metadata.httpStatusCode} ${e.$fault} ${e.message}`)
    }
  }
  await sim.close()
  sim = undefined
  return out
}

describe('the wire', () => {
  it('answers awsJson1_1 with a request id and records every call with its emulated time', async () => {
    sim = await startTestSim({ clusters: [{ name: 'prod' }] })
    const out = await sim.ecs.send(new DescribeClustersCommand({ clusters: ['prod'] }))
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'ghost' })).catch(() => undefined)
    const calls = await sim.calls()
    expect(calls).toEqual([
      {
        at: sim.clock.now() / 1000,
        service: 'ecs',
        operation: 'DescribeClusters',
        status: 200,
        error: null,
        request: { clusters: ['prod'] },
      },
      {
        at: sim.clock.now() / 1000,
        service: 'ecs',
        operation: 'UpdateService',
        status: 400,
        error: 'ServiceNotFoundException',
        request: { cluster: 'prod', service: 'ghost' },
      },
    ])
    expect(await sim.invocations()).toEqual([])
  })

  it('answers unknown operations and bad JSON as AWS does', async () => {
    sim = await startTestSim({})
    const unknown = await post(sim.url, 'AmazonEC2ContainerServiceV20141113.LaunchRockets', '{}')
    expect(unknown.status).toBe(400)
    expect(unknown.json.__type).toBe('UnknownOperationException')
    expect(unknown.requestId).toBeTruthy()
    const noTarget = await post(sim.url, '', '{}')
    expect(noTarget.json.__type).toBe('UnknownOperationException')
    const bad = await post(sim.url, 'AmazonEC2ContainerServiceV20141113.ListClusters', '{not json')
    expect([bad.status, bad.json.__type]).toEqual([400, 'SerializationException'])
    const empty = await post(sim.url, 'AmazonEC2ContainerServiceV20141113.ListClusters', '')
    expect(empty.json).toEqual({ clusterArns: [] })
    const calls = await sim.calls()
    expect(calls.map((c) => [c.operation, c.error])).toEqual([
      ['LaunchRockets', 'UnknownOperationException'],
      ['', 'UnknownOperationException'],
      ['ListClusters', 'SerializationException'],
      ['ListClusters', null],
    ])
  })

  it('injects seeded throttling and server errors, the same for the same seed', async () => {
    const first = await outcomes(7, 40)
    const again = await outcomes(7, 40)
    const other = await outcomes(8, 40)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
    expect(first).toContain('ThrottlingException 400 client Rate exceeded')
    expect(first.some((o) => o.startsWith('ServerException 500 server'))).toBe(true)
    expect(first).toContain('ok')
  })

  it('lets the SDK retry through faults, and never faults the inspection paths', async () => {
    sim = await startTestSim({ clusters: [{ name: 'prod' }], faults: { throttleRate: 0.5 } }, { seed: 3 })
    const retrying = new ECSClient(clientConfig(sim.url, 10))
    const out = await retrying.send(new ListClustersCommand({}))
    expect(out.clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/prod'])
    retrying.destroy()
    for (let i = 0; i < 10; i++) expect(Array.isArray(await sim.calls())).toBe(true)
    const calls = await sim.calls()
    expect(calls[calls.length - 1]).toMatchObject({ operation: 'ListClusters', status: 200 })
  })
})

describe('a port in use', () => {
  const scenarioFile = (): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'berth-sim-')), 'scenario.json')
    writeFileSync(file, JSON.stringify({ clusters: [{ name: 'prod' }] }))
    return file
  }

  it('is a SimInputError naming --port and the port', async () => {
    sim = await startTestSim({})
    const error = await startSim({ scenario: {}, port: sim.sim.port }).then(
      () => undefined,
      (e: unknown) => e as SimInputError,
    )
    expect(error).toBeInstanceOf(SimInputError)
    expect(error?.message).toBe(
      `--port ${sim.sim.port}: port ${sim.sim.port} on 127.0.0.1 is already in use; choose another port, or --port 0 for a free one.`,
    )
  })

  it('makes berth sim exit 2 with that message, and no raw EADDRINUSE', async () => {
    sim = await startTestSim({})
    let stderr = ''
    const err = new PassThrough()
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await main(['sim', '--scenario', scenarioFile(), '--port', String(sim.sim.port)], {
      stdout: new PassThrough(),
      stderr: err,
      env: {},
    })
    expect(code).toBe(2)
    expect(stderr).toContain(`--port ${sim.sim.port}: port ${sim.sim.port} on 127.0.0.1 is already in use`)
    expect(stderr).not.toContain('EADDRINUSE')
  })
})

describe('runSim', () => {
  it('prints the listening line first and stops cleanly when aborted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-sim-'))
    const file = join(dir, 'scenario.json')
    writeFileSync(file, JSON.stringify({ clusters: [{ name: 'prod' }] }))
    const out = new PassThrough()
    let text = ''
    out.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const controller = new AbortController()
    const running = runSim({ scenario: file, port: 0, speed: 50, seed: 1, signal: controller.signal }, out)
    while (!text.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5))
    const first = text.split('\n')[0]
    expect(first).toMatch(/^berth sim listening on http:\/\/127\.0\.0\.1:\d+$/)
    const client = new ECSClient(clientConfig(first.replace('berth sim listening on ', '')))
    const clusters = await client.send(new ListClustersCommand({}))
    expect(clusters.clusterArns).toHaveLength(1)
    client.destroy()
    controller.abort()
    await running
    expect(text).toContain('berth sim stopped')
  })
})
