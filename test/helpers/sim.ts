import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ECRClient } from '@aws-sdk/client-ecr'
import { ECSClient } from '@aws-sdk/client-ecs'
import { createClients, type ClientOptions, type Clients } from '../../src/aws/clients.js'
import { ManualClock, startSim, type Sim } from '../../src/sim/main.js'
import type { ScenarioInput } from '../../src/sim/scenario/types.js'
import type { CallRecord, Invocation } from '../../src/sim/core/types.js'

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'
export const REGISTRY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`

/** What every SDK client needs to talk to the emulator: its endpoint, a region and any credentials. */
export function clientConfig(url: string, maxAttempts = 3) {
  return {
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts,
  }
}

/** berth's clients with the production settings (retries, timeouts, mutating calls sent once) at `url`. */
export function productionClients(url: string, options: ClientOptions = {}): Clients {
  return createClients({
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    ...options,
  })
}

export interface TestSim {
  sim: Sim
  url: string
  /** The manual clock driving the world (time moves only with advance/until). */
  clock: ManualClock
  ecs: ECSClient
  ecr: ECRClient
  logs: CloudWatchLogsClient
  /** berth's own clients, as production creates them (createClients), pointed at the emulator: what runs use. */
  clients: Clients
  /** Moves emulated time forward, running everything that falls due. */
  advance(ms: number): void
  /**
   * Advances the clock in `stepMs` steps until `check` returns a truthy value (returned), or fails after `maxMs` of
   * emulated time with `what` in the message.
   */
  until<T>(
    what: string,
    check: () => Promise<T | undefined | false | null>,
    options?: { stepMs?: number; maxMs?: number },
  ): Promise<T>
  calls(): Promise<CallRecord[]>
  invocations(): Promise<Invocation[]>
  close(): Promise<void>
}

/**
 * Starts `berth sim` in-process on a free loopback port with a manual clock, and real SDK clients pointed at it.
 * Tests talk to it only through those clients (and the /__sim inspection paths), as production talks to AWS.
 */
export async function startTestSim(
  scenario: ScenarioInput | string,
  options: { seed?: number; maxAttempts?: number; start?: number } = {},
): Promise<TestSim> {
  const clock = new ManualClock(options.start)
  const sim = await startSim({ scenario, clock, seed: options.seed })
  const config = clientConfig(sim.url, options.maxAttempts ?? 1)
  const ecs = new ECSClient(config)
  const ecr = new ECRClient(config)
  const logs = new CloudWatchLogsClient(config)
  const clients = productionClients(sim.url)
  const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${sim.url}${path}`)).json()) as T
  return {
    sim,
    url: sim.url,
    clock,
    ecs,
    ecr,
    logs,
    clients,
    advance: (ms) => clock.advance(ms),
    async until(what, check, { stepMs = 5000, maxMs = 4 * 3600_000 } = {}) {
      const deadline = clock.now() + maxMs
      for (;;) {
        const result = await check()
        if (result) return result
        if (clock.now() >= deadline)
          throw new Error(`sim: gave up waiting for ${what} after ${maxMs / 1000} emulated seconds`)
        clock.advance(stepMs)
      }
    },
    calls: () => getJson<CallRecord[]>('/__sim/calls'),
    invocations: () => getJson<Invocation[]>('/__sim/invocations'),
    async close() {
      ecs.destroy()
      ecr.destroy()
      logs.destroy()
      clients.destroy()
      await sim.close()
    },
  }
}

/** A Fargate task definition input for `family` running `image` in one container named `web` on port 8080. */
export function fargateTaskDefinition(family: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    family,
    networkMode: 'awsvpc' as const,
    requiresCompatibilities: ['FARGATE' as const],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'web',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080 }],
        logConfiguration: {
          logDriver: 'awslogs' as const,
          options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' },
        },
      },
    ],
    ...extra,
  }
}

export const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-blue/0123456789abcdef`

/**
 * The scenario most emulator tests start from: cluster `prod` with one Fargate service `web` steady on web:1
 * (image web:v1), 3 tasks, 200/100, circuit breaker with rollback; `images` are the tags of ECR repository `web`.
 * `service` and `timing` override or add to the service and the scenario's timing.
 */
export function webServiceScenario(options: {
  images: { tag: string; behavior?: unknown }[]
  service?: Record<string, unknown>
  timing?: Record<string, number>
}): ScenarioInput {
  return {
    timing: options.timing ?? {},
    ecr: { repositories: [{ name: 'web', images: options.images }] },
    taskDefinitions: [fargateTaskDefinition('web', `${REGISTRY}/web:v1`)],
    clusters: [
      {
        name: 'prod',
        services: [
          {
            name: 'web',
            taskDefinition: 'web:1',
            desiredCount: 3,
            deploymentConfiguration: {
              maximumPercent: 200,
              minimumHealthyPercent: 100,
              deploymentCircuitBreaker: { enable: true, rollback: true },
            },
            ...options.service,
          },
        ],
      },
    ],
  } as ScenarioInput
}
