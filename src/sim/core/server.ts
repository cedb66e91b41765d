import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AwsError, SimInputError } from './errors.js'
import { sfc32 } from './rng.js'
import type { World } from './state.js'
import type { ServiceId } from './types.js'

/** One operation: takes the parsed JSON input, returns the JSON output (or throws AwsError). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (input: any, world: World) => unknown

/** An AWS service served on the shared endpoint, chosen by its `X-Amz-Target` prefix. */
export interface ServiceDefinition {
  id: ServiceId
  targetPrefix: string
  operations: Record<string, Handler>
}

export interface SimServer {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/**
 * Serves the awsJson1_1 wire on 127.0.0.1: POST with `X-Amz-Target: <prefix>.<Operation>` and a JSON body, answered
 * with JSON or `{"__type", "message"}`. SigV4 headers are accepted without verification. GET /__sim/calls and
 * /__sim/invocations expose what was served, for tests.
 */
export async function serve(world: World, services: ServiceDefinition[], port = 0): Promise<SimServer> {
  const byPrefix = new Map(services.map((s) => [s.targetPrefix, s]))
  const faults = sfc32((world.seed ^ 0x5eed5eed) >>> 0)
  // A generator of its own, so adding latency leaves the seeded sequence of throttles and errors unchanged.
  const latency = sfc32((world.seed ^ 0x1a7e1a7e) >>> 0)
  const delayed = new Set<NodeJS.Timeout>()
  /** How many calls of each operation have arrived: `faults.serverErrors` names calls by their number. */
  const calls = new Map<string, number>()
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('berth sim: request failed:', error)
      if (!res.headersSent) send(res, 500, { __type: 'ServerException', message: 'Internal error' })
    })
  })

  /** The real-time delay of the next answer: seeded, within `faults.latency` (none without it). */
  function nextDelay(): number | undefined {
    const range = world.faults.latency
    return range && Math.round(range.minMs + latency() * (range.maxMs - range.minMs))
  }

  /** Runs `answer` after `delayMs` of real time (not emulated), or now. */
  function later(delayMs: number | undefined, answer: () => void): void {
    if (delayMs === undefined) return answer()
    const timer = setTimeout(() => {
      delayed.delete(timer)
      answer()
    }, delayMs)
    delayed.add(timer)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const path = (req.url ?? '/').split('?')[0]
    if (req.method === 'GET' && path === '/__sim/calls') return send(res, 200, world.calls)
    if (req.method === 'GET' && path === '/__sim/invocations') return send(res, 200, world.invocations)
    const target = header(req, 'x-amz-target') ?? ''
    const dot = target.lastIndexOf('.')
    const service = byPrefix.get(target.slice(0, dot))
    const operation = dot >= 0 ? target.slice(dot + 1) : target
    let request: unknown = undefined
    const record = (status: number, error: string | null, delayMs?: number): void =>
      world.recordCall({
        at: world.nowSeconds(),
        service: service?.id ?? 'unknown',
        operation,
        status,
        error,
        request,
        ...(delayMs === undefined ? {} : { delayMs }),
      })
    const reply = (status: number, payload: unknown, error: string | null): void => {
      const delayMs = nextDelay()
      record(status, error, delayMs)
      later(delayMs, () => send(res, status, payload))
    }
    const fail = (error: AwsError): void =>
      reply(error.status, { __type: error.type, message: error.message, ...error.extra }, error.type)

    if (req.method !== 'POST' || !service || !Object.hasOwn(service.operations, operation)) {
      return fail(new AwsError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`))
    }
    try {
      request = body.trim() === '' ? {} : JSON.parse(body)
    } catch {
      return fail(new AwsError('SerializationException', 'Start of structure or map found where not expected.'))
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      return fail(new AwsError('SerializationException', 'Start of structure or map found where not expected.'))
    }
    const callNumber = (calls.get(operation) ?? 0) + 1
    calls.set(operation, callNumber)
    if (takeOne(world.faults.stalls, operation)) return record(0, 'Stalled')
    if (world.faults.serverErrors[operation]?.includes(callNumber)) return fail(serverError(service.id))
    const draw = faults()
    if (draw < world.faults.throttleRate) return fail(new AwsError('ThrottlingException', 'Rate exceeded'))
    if (draw < world.faults.throttleRate + world.faults.errorRate) return fail(serverError(service.id))
    try {
      const output = await service.operations[operation](request, world)
      world.flushEvents()
      if (takeOne(world.faults.lostResponses, operation)) {
        const delayMs = nextDelay()
        record(0, 'LostResponse', delayMs)
        later(delayMs, () => res.socket?.destroy())
        return
      }
      reply(200, output ?? {}, null)
    } catch (error) {
      if (error instanceof AwsError) return fail(error)
      console.error(`berth sim: ${operation} failed:`, error)
      fail(serverError(service.id, `Internal error in ${operation}`))
    }
  }

  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException): void => reject(listenError(error, port))
    server.once('error', refuse)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', refuse)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delayed) clearTimeout(timer)
        delayed.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A port the emulator cannot listen on is the user's to change: say which, and what to do. */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new SimInputError(
      `--port ${port}: port ${port} on 127.0.0.1 is already in use; choose another port, or --port 0 for a free one.`,
    )
  }
  if (error.code === 'EACCES') {
    return new SimInputError(
      `--port ${port}: not allowed to listen on port ${port} on 127.0.0.1; choose a port above 1023, or --port 0 for a free one.`,
    )
  }
  return error
}

/** Counts down a per-operation fault budget (`faults.stalls`, `faults.lostResponses`); true while it lasts. */
function takeOne(budget: Record<string, number>, operation: string): boolean {
  if ((budget[operation] ?? 0) <= 0) return false
  budget[operation]--
  return true
}

/**
 * Each service's own 5xx: ECS and ECR model `ServerException`; CodeDeploy models no server error, and AWS answers it
 * with the common `InternalFailure`; CloudWatch Logs models `ServiceUnavailableException`. All HTTP 500.
 */
const SERVER_ERRORS: Record<ServiceId, { type: string; message: string }> = {
  ecs: { type: 'ServerException', message: 'Service unavailable, try again later.' },
  ecr: { type: 'ServerException', message: 'Service unavailable, try again later.' },
  codedeploy: {
    type: 'InternalFailure',
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
  logs: { type: 'ServiceUnavailableException', message: 'The service cannot complete the request.' },
}

function serverError(service: ServiceId, message?: string): AwsError {
  const { type, message: usual } = SERVER_ERRORS[service]
  return new AwsError(type, message ?? usual, 500)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload)
  const headers: Record<string, string | number> = {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  }
  if (status >= 300 && payload && typeof payload === 'object' && '__type' in payload) {
    headers['x-amzn-errortype'] = String((payload as { __type: unknown }).__type)
  }
  res.writeHead(status, headers)
  res.end(body)
}
