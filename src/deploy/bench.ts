import { ListClustersCommand } from '@aws-sdk/client-ecs'
import type { AwsClients } from '../aws/clients.js'
import type { Config, ImageEdit } from '../config.js'
import type { ProgressEvent, RunStatus } from '../report/events.js'
import { run } from '../run.js'
import { realSleep } from '../watch/sleep.js'

export interface BenchOptions {
  /** Clients pointed at a running `berth sim` (createClients({ endpoint })). */
  clients: AwsClients
  /** The emulator's base URL, for its call log. */
  endpoint: string
  cluster: string
  service: string
  images: ImageEdit[]
  /** Real milliseconds; scale by the emulator's speed. */
  pollIntervalMs: number
  waitTimeoutMs?: number
}

export interface BenchResult {
  status: RunStatus
  deploymentId?: string
  /** Emulated ms from the deployment's terminal state to the verdict. */
  verdictLatencyMs?: number
  /** AWS calls the run made (throttled ones included). */
  apiCalls: number
}

interface CallRecord {
  at: number
  operation: string
}

async function callLog(endpoint: string): Promise<CallRecord[]> {
  const response = await fetch(new URL('/__sim/calls', endpoint))
  return (await response.json()) as CallRecord[]
}

function benchConfig(options: BenchOptions): Config {
  return {
    images: options.images,
    env: [],
    secrets: [],
    diff: false,
    artifacts: [],
    json: false,
    cluster: options.cluster,
    service: options.service,
    strategy: 'rolling',
    forceNewDeployment: false,
    hooks: [],
    waitFor: 'completed',
    waitTimeoutMs: options.waitTimeoutMs ?? 10 * 60_000,
    pollIntervalMs: options.pollIntervalMs,
    onTimeout: 'rollback',
    onCancel: 'rollback',
    dryRun: false,
    tags: [],
  }
}

/**
 * Runs one rolling deployment against a started emulator and measures it from the emulator's own call log: when the
 * verdict is reached, berth sends one marker call, whose emulated time is the verdict's.
 */
export async function benchRollingDeployment(options: BenchOptions): Promise<BenchResult> {
  const before = (await callLog(options.endpoint)).length
  let terminalAt: number | undefined
  let marker: Promise<unknown> | undefined
  const reporter = {
    emit(event: ProgressEvent) {
      if (event.type === 'deployment-status' && event.at) terminalAt = event.at.getTime()
      if (event.type === 'verdict') marker = options.clients.ecs.send(new ListClustersCommand({ maxResults: 1 }))
    },
  }
  const result = await run(benchConfig(options), {
    clients: options.clients,
    reporter,
    readFile: async () => '',
    now: Date.now,
    sleep: realSleep,
  })
  await marker
  const calls = (await callLog(options.endpoint)).slice(before)
  const verdictCall = [...calls].reverse().find((call) => call.operation === 'ListClusters')
  return {
    status: result.status,
    ...(result.deploymentId ? { deploymentId: result.deploymentId } : {}),
    ...(verdictCall && terminalAt !== undefined ? { verdictLatencyMs: verdictCall.at * 1000 - terminalAt } : {}),
    apiCalls: calls.length - (verdictCall ? 1 : 0),
  }
}
