import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { main } from '../../src/cli/main.js'
import { UserError } from '../../src/errors.js'
import type { ProgressEvent } from '../../src/events.js'
import { run } from '../../src/run.js'
import { realSleep } from '../../src/watch/sleep.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, productionClients, startTestSim } from '../helpers/sim.js'

/** An endpoint that accepts connections and never answers. */
async function stalledEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
})

function deployTo(url: string, waitTimeoutMs: number, sleep = realSleep) {
  const clients = productionClients(url)
  closers.push(async () => clients.destroy())
  const events: ProgressEvent[] = []
  const outcome = run(deployConfig({ cluster: 'c', service: 's', waitTimeoutMs, images: [] }), {
    clients,
    reporter: { emit: (event) => void events.push(event) },
    readFile: async () => '',
    now: Date.now,
    sleep,
  })
  return { outcome, events }
}

describe('an AWS endpoint that does not answer', () => {
  it('issue 9 defect 1: a stall before any change ends at the deadline with exit-2 advice, not a hang', async () => {
    const endpoint = await stalledEndpoint()
    closers.push(endpoint.close)
    const { outcome } = deployTo(endpoint.url, 1500)
    const error = await outcome.catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      new RegExp(`^AWS did not answer DescribeServices at ${endpoint.url} within \\d+ s; nothing was changed`),
    )
  })

  it('a cancel aborts a stalled call in flight: cancelled, nothing changed', async () => {
    const endpoint = await stalledEndpoint()
    closers.push(endpoint.close)
    const clients = productionClients(endpoint.url)
    closers.push(async () => clients.destroy())
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('received SIGINT')), 300)
    const result = await run(deployConfig({ cluster: 'c', service: 's', images: [] }), {
      clients,
      reporter: { emit: () => undefined },
      readFile: async () => '',
      now: Date.now,
      sleep: realSleep,
      signal: controller.signal,
    })
    expect(result).toMatchObject({
      status: 'cancelled',
      reasons: ['the run was cancelled before anything was changed.'],
    })
  })

  it('issue 10 defect 7: an unreachable endpoint is said at once (endpoint and error) and ends with exit-2 advice', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const { outcome, events } = deployTo(url, 60_000, async () => undefined)
    const error = await outcome.catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/^could not reach AWS at http:\/\/127\.0\.0\.1:\d+ for DescribeServices: /)
    expect((error as Error).message).toMatch(/ECONNREFUSED[\s\S]*nothing was changed/)
    const retries = events.filter((event) => event.type === 'retrying')
    expect(retries.length).toBeGreaterThan(0)
    expect(retries[0]).toMatchObject({ error: expect.stringContaining(`could not reach AWS at ${url}`) })
  })
})

describe('exit codes', () => {
  it('issue 9 defect 14: a bug in berth exits 3 with "berth failed unexpectedly" and the stack', async () => {
    const stderr: string[] = []
    const brokenStdout = new Writable({
      write() {
        throw new TypeError('Cannot read properties of undefined (reading "write")')
      },
    })
    const code = await main(['render', '--task-definition', 'test/fixtures/taskdef/web-fargate.register.json'], {
      stdout: brokenStdout,
      stderr: new Writable({ write: (chunk, _encoding, done) => void (stderr.push(String(chunk)), done()) }),
      env: {},
    })
    expect(code).toBe(3)
    expect(stderr.join('')).toMatch(/berth render: berth failed unexpectedly[\s\S]*TypeError: Cannot read properties/)
    expect(stderr.join('')).toMatch(/\n\s+at /)
  })

  it('a user error stays exit 2', async () => {
    const code = await main(['deploy', '--cluster', 'c'], {
      stdout: new Writable({ write: (_chunk, _encoding, done) => done() }),
      stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
      env: {},
    })
    expect(code).toBe(2)
  })
})

/**
 * A proxy in front of the emulator that answers the first `answered` DescribeServices calls and holds every later
 * one without answering, as a stalled endpoint does mid-deployment.
 */
async function stallingProxy(target: string, answered: number): Promise<{ url: string; close(): Promise<void> }> {
  let seen = 0
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '')
      if (operation.endsWith('.DescribeServices') && ++seen > answered) return
      const headers = { 'content-type': String(req.headers['content-type'] ?? ''), 'x-amz-target': operation }
      void fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
          res.end(Buffer.from(await answer.arrayBuffer()))
        })
        .catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('a stall while watching', () => {
  it('issue 9 defect 1: DescribeServices stalls mid-deployment → retried until the deadline, then timed_out and rolled back', async () => {
    const sim = await startTestSim('test/fixtures/sim/rolling.yaml', { seed: 1 })
    closers.push(() => sim.close())
    // Preflight's DescribeServices and the first looks are answered; then every look stalls.
    const proxy = await stallingProxy(sim.url, 2)
    closers.push(proxy.close)
    const clients = productionClients(proxy.url, { requestTimeoutMs: 200 })
    closers.push(async () => clients.destroy())
    const result = await run(
      deployConfig({
        cluster: 'prod',
        service: 'api',
        images: [{ container: 'web', uri: `${REGISTRY}/api:slow` }],
        waitTimeoutMs: 60_000,
        pollIntervalMs: 5000,
      }),
      {
        clients,
        reporter: { emit: () => undefined },
        readFile: (path) => readFile(path, 'utf8'),
        now: () => sim.clock.now(),
        sleep: async (ms) => sim.advance(ms),
      },
    )
    expect(result.status).toBe('timed_out')
    expect(result.reasons.join('\n')).toMatch(/did not finish within the wait timeout/)
    expect(result.reasons.join('\n')).toMatch(/roll(ed)? the service back to .*api:1/)
    const service = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] }))
    expect(service.services?.[0]?.taskDefinition).toBe(result.previousTaskDefinitionArn)
  })
})
