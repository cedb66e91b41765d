import type { CreateServiceRequest } from '@aws-sdk/client-ecs'
import { codeDeployDefinition } from './codedeploy/codedeploy.js'
import { ManualClock, ScaledClock, type Clock } from './core/clock.js'
import { AwsError } from './core/errors.js'
import { serve, type ServiceDefinition } from './core/server.js'
import { World } from './core/state.js'
import { ecrDefinition, loadRepositories } from './ecr.js'
import { Ecs } from './ecs/ecs.js'
import { registerTaskDefinition } from './ecs/task-definitions.js'
import { logsDefinition } from './logs.js'
import { loadScenario, scenarioError, validateScenario } from './scenario/reader.js'
import type { Scenario, ScenarioInput } from './scenario/types.js'

export { ManualClock, ScaledClock } from './core/clock.js'
export { SimInputError } from './core/errors.js'
export type { Clock } from './core/clock.js'
export type { Scenario, ScenarioInput } from './scenario/types.js'

export interface SimOptions {
  /** A scenario, or the path of a scenario file (YAML or JSON). */
  scenario: Scenario | ScenarioInput | string
  /** 0 (default) picks a free port. */
  port?: number
  /** Emulated seconds per real second (default 1); ignored when `clock` is given. */
  speed?: number
  /** Seeds ids and faults (default 1). */
  seed?: number
  /** A clock to drive the world with, e.g. a ManualClock in tests. */
  clock?: Clock
}

export interface Sim {
  url: string
  port: number
  clock: Clock
  world: World
  ecs: Ecs
  close(): Promise<void>
}

/** The emulated world and the services that serve it, before any port is opened. */
export interface SimWorld {
  world: World
  ecs: Ecs
  services: ServiceDefinition[]
}

/** Builds the world a scenario describes: registry, task definitions, clusters and services (already steady). */
export function buildWorld(scenario: Scenario, clock: Clock, seed = 1): SimWorld {
  const world = new World(scenario, clock, seed)
  const ecs = new Ecs(world)
  loadRepositories(world, scenario)
  for (const [i, input] of scenario.taskDefinitions.entries()) {
    inScenario(scenario, ['taskDefinitions', i], () => registerTaskDefinition(world, structuredClone(input)))
  }
  for (const [i, cluster] of scenario.clusters.entries()) {
    ecs.createCluster({ clusterName: cluster.name })
    for (const [j, spec] of cluster.services.entries()) {
      const { name, deploymentController, ...rest } = spec
      const input: CreateServiceRequest = {
        ...structuredClone(rest),
        cluster: cluster.name,
        serviceName: name,
        deploymentController: deploymentController ? { type: deploymentController } : undefined,
      }
      inScenario(scenario, ['clusters', i, 'services', j], () => {
        ecs.createService(input, true)
        const service = world.clusters.get(cluster.name)?.services.get(name)
        if (service) ecs.scheduler.warmStart(service)
      })
    }
  }
  world.flushEvents()
  return {
    world,
    ecs,
    services: [ecs.definition(), ecrDefinition(world), logsDefinition(world), codeDeployDefinition(ecs)],
  }
}

/** Runs a step of building the world; what the emulated service refuses is a scenario error at that key's line. */
function inScenario<T>(scenario: Scenario, path: (string | number)[], fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof AwsError) throw scenarioError(scenario, path, `${error.type}: ${error.message}`)
    throw error
  }
}

/** Starts the emulator in this process (for tests and the demo); `close()` stops the server and the clock. */
export async function startSim(options: SimOptions): Promise<Sim> {
  const scenario =
    typeof options.scenario === 'string' ? loadScenario(options.scenario) : validateScenario(options.scenario)
  const clock = options.clock ?? new ScaledClock(options.speed ?? 1, scenario.startTime ?? Date.now())
  const { world, ecs, services } = buildWorld(scenario, clock, options.seed ?? 1)
  const server = await serve(world, services, options.port ?? 0)
  return {
    url: server.url,
    port: server.port,
    clock,
    world,
    ecs,
    close: async () => {
      await server.close()
      clock.close()
    },
  }
}

/**
 * `berth sim`: serves the scenario until SIGINT/SIGTERM (or `signal` aborts), then closes cleanly. The first line
 * written is exactly `berth sim listening on http://127.0.0.1:PORT`.
 */
export async function runSim(
  opts: { scenario: string; port?: number; speed?: number; seed?: number; signal?: AbortSignal },
  out: NodeJS.WritableStream,
): Promise<void> {
  const sim = await startSim({ scenario: opts.scenario, port: opts.port, speed: opts.speed, seed: opts.seed })
  out.write(`berth sim listening on ${sim.url}\n`)
  out.write(
    `scenario ${opts.scenario}: ${describeWorld(sim.world)}; speed ${opts.speed ?? 1}x, seed ${opts.seed ?? 1}\n`,
  )
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      opts.signal?.removeEventListener('abort', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    if (opts.signal?.aborted) stop()
    else opts.signal?.addEventListener('abort', stop)
  })
  await sim.close()
  out.write('berth sim stopped\n')
}

function describeWorld(world: World): string {
  const clusters = [...world.clusters.values()].map(
    (c) => `${c.name} (${[...c.services.keys()].join(', ') || 'no services'})`,
  )
  const repos = [...world.repositories.keys()]
  return `clusters ${clusters.join(', ') || 'none'}; ECR repositories ${repos.join(', ') || 'none'}`
}

/** For tests: a manual clock starting at the scenario's startTime (or a fixed instant). */
export function manualClockFor(scenario: Pick<Scenario, 'startTime'>): ManualClock {
  return new ManualClock(scenario.startTime)
}
