import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DescribeServicesCommandOutput,
} from '@aws-sdk/client-ecs'
import type { Config } from '../../src/config/types.js'
import { UserError } from '../../src/errors.js'
import { recorder, type ProgressEvent } from '../../src/events.js'
import { type RunResult } from '../../src/verdict.js'
import { run, type RunDeps } from '../../src/run.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const SCENARIO = 'test/fixtures/sim/rolling.yaml'
const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/api:${revision}`
const POLL_MS = 5000
const MUTATING = new Set([
  'RegisterTaskDefinition',
  'DeregisterTaskDefinition',
  'UpdateService',
  'CreateService',
  'DeleteService',
  'CreateDeployment',
  'StopDeployment',
  'TagResource',
])

function baseConfig(overrides: Partial<Config>): Config {
  return deployConfig({ cluster: 'prod', service: 'api', pollIntervalMs: POLL_MS, ...overrides })
}

const image = (tag: string) => [{ container: 'web', uri: `${REGISTRY}/api:${tag}` }]

interface Harness {
  sim: TestSim
  events: ProgressEvent[]
  /** Emulated time at which each event was emitted, in the same order. */
  times: number[]
  deploy(
    overrides: Partial<Config>,
    options?: { onSleep?: (count: number) => Promise<void>; signal?: AbortSignal },
  ): Promise<RunResult>
  describe(service?: string): Promise<ReturnType<typeof firstService>>
  mutatingCalls(): Promise<string[]>
}

function firstService(output: DescribeServicesCommandOutput) {
  return output.services?.[0]
}

let open: TestSim[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

/**
 * berth against the emulator on a manual clock: berth's sleep moves emulated time forward, so a 30-minute
 * deployment takes a few hundred milliseconds and every time below is emulated, never wall-clock.
 */
async function harness(
  faults: { throttleRate?: number; errorRate?: number; lostResponses?: Record<string, number> } = {},
): Promise<Harness> {
  const scenario = { ...parse(readFileSync(SCENARIO, 'utf8')), faults }
  const sim = await startTestSim(scenario, { seed: 7 })
  open.push(sim)
  const events: ProgressEvent[] = []
  const times: number[] = []
  return {
    sim,
    events,
    times,
    async deploy(overrides, options = {}) {
      let sleeps = 0
      const reporter = recorder()
      const deps: RunDeps = {
        clients: sim.clients,
        reporter: {
          emit(event) {
            reporter.emit(event)
            events.push(event)
            times.push(sim.clock.now())
          },
        },
        readFile: (path) => readFile(path, 'utf8'),
        now: () => sim.clock.now(),
        sleep: async (ms) => {
          await options.onSleep?.(++sleeps)
          sim.advance(ms)
        },
        signal: options.signal,
      }
      return run(baseConfig(overrides), deps)
    },
    async describe(service = 'api') {
      return firstService(await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] })))
    },
    async mutatingCalls() {
      return (await sim.calls()).filter((call) => MUTATING.has(call.operation)).map((call) => call.operation)
    },
  }
}

function eventsOf<T extends ProgressEvent['type']>(events: ProgressEvent[], type: T) {
  return events.filter((event): event is Extract<ProgressEvent, { type: T }> => event.type === type)
}

/** Emulated ms from the deployment's terminal state (its updatedAt) to the verdict event. */
function verdictLatency(h: Harness): number {
  const status = eventsOf(h.events, 'deployment-status')[0]
  const verdictAt = h.times[h.events.findIndex((event) => event.type === 'verdict')]
  if (!status?.at) throw new Error('no terminal time reported')
  return verdictAt - status.at.getTime()
}

describe('berth deploy, rolling, against the emulator', () => {
  it('healthy image → succeeded, following our deployment, with the verdict within one poll interval', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('v2') })
    expect(result).toMatchObject({
      status: 'succeeded',
      cluster: 'prod',
      service: 'api',
      taskDefinitionArn: TD(2),
      previousTaskDefinitionArn: TD(1),
      hints: [],
    })
    const started = eventsOf(h.events, 'deployment-started')[0]
    expect(result.deploymentId).toBe(started.deploymentId)
    expect(result.deploymentId).toMatch(/^ecs-svc\/\d+$/)
    expect((await h.describe())?.taskDefinition).toBe(TD(2))
    expect(verdictLatency(h)).toBeLessThanOrEqual(POLL_MS + 1000)

    const messages = eventsOf(h.events, 'service-event').map((event) => event.message)
    expect(new Set(messages).size).toBe(messages.length)
    expect(
      messages.some((message) => message.includes(`(deployment ${result.deploymentId}) deployment completed.`)),
    ).toBe(true)
    const counts = eventsOf(h.events, 'tasks-changed').map((event) => JSON.stringify(event.deployments))
    counts.slice(1).forEach((current, i) => expect(current).not.toBe(counts[i]))
    expect(eventsOf(h.events, 'diff')[0].text).toContain('api:v2')
  })

  it('crash with exit code 3 → rolled_back, with the exit code, the log line and the old revision restored', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('crash3') })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(/failed .*circuit breaker.* rolled the service back to .*api:1/)
    expect(
      result.reasons.some((reason) =>
        /tasks? stopped: Essential container in task exited \(web exit code 3\)/.test(reason),
      ),
    ).toBe(true)
    expect(result.hints.join('\n')).toContain('web exited with code 3')
    expect(result.hints.join('\n')).toContain('fatal: DATABASE_URL is not set')
    expect(result.logs?.[0].lines).toContain('fatal: DATABASE_URL is not set')
    // The breaker's own count, read from the service deployment as it grew: "n of 3 failed tasks before it trips".
    const breaker = eventsOf(h.events, 'circuit-breaker')
    expect(breaker.length).toBeGreaterThan(0)
    expect(breaker.every((event) => event.threshold === 3 && event.failureCount >= 1)).toBe(true)
    // The verdict waits for the rollback to complete, and comes within one poll interval of it.
    const restored = (await h.describe())?.deployments ?? []
    expect(restored.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([[TD(1), 'COMPLETED']])
    const verdictAt = h.times[h.events.findIndex((event) => event.type === 'verdict')]
    expect(verdictAt - (restored[0].updatedAt?.getTime() ?? 0)).toBeLessThanOrEqual(POLL_MS + 1000)
  })

  it('image missing from ECR → a warning before any change, then rolled_back with the CannotPullContainerError hint', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('v404') })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons.join('\n')).toContain('CannotPullContainerError')
    expect(result.hints[0]).toMatch(/^CannotPullContainerError: the image .*api:v404 or its tag does not exist/)
    const warning = h.events.findIndex((event) => event.type === 'warning')
    expect(h.events[warning]).toMatchObject({
      message: expect.stringMatching(
        /^container web image .*api:v404: ECR repository api of registry \d{12} has no image with tag v404/,
      ),
    })
    expect(warning).toBeLessThan(h.events.findIndex((event) => event.type === 'registered'))
  })

  it('failing load balancer health checks → rolled_back with the health-check hint', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('unhealthy') })
    expect(result.status).toBe('rolled_back')
    expect(result.hints.join('\n')).toMatch(/load balancer health checks: .*health check path and port/)
  })

  it('tasks that fail after passing health checks → berth rolls back at twice the breaker threshold: rolled_back, steady on the old revision', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('oom-later'), waitTimeoutMs: 60 * 60_000 })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(
      /failed: \d+ of its tasks failed, twice the circuit breaker's threshold of 3, yet the breaker did not trip/,
    )
    expect(result.reasons[1]).toMatch(/^rolled the service back to .*api:1 \(deployment ecs-svc\/\d+\)/)
    expect(result.hints[0]).toMatch(/^web was killed for using too much memory/)
    const service = await h.describe()
    expect(service?.taskDefinition).toBe(TD(1))
    // berth followed its rollback until the service was steady on the old revision, before the verdict.
    expect(service?.deployments?.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([[TD(1), 'COMPLETED']])
    expect(service?.runningCount).toBe(3)
  })

  it('a crash 20 s after start, past the health checks → rolled_back by berth, not failed', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('crash-20s'), waitTimeoutMs: 60 * 60_000 })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons.join('\n')).toMatch(/rolled the service back to .*api:1/)
    expect(result.hints.join('\n')).toContain('web exited with code 3')
    const service = await h.describe()
    expect(service?.deployments?.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([[TD(1), 'COMPLETED']])
  })

  it('circuit breaker without rollback → failed, and the service stays on the new revision', async () => {
    const h = await harness()
    const result = await h.deploy({ service: 'api-no-rollback', images: image('crash3') })
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(
      /deployment ecs-svc\/\d+ failed: ECS deployment circuit breaker: tasks failed to start/,
    )
    expect(verdictLatency(h)).toBeLessThanOrEqual(POLL_MS + 1000)
  })

  it('no circuit breaker and crashing tasks → failed by berth’s own count, not a timeout', async () => {
    const h = await harness()
    const result = await h.deploy({ service: 'api-no-breaker', images: image('crash3'), waitTimeoutMs: 60 * 60_000 })
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(
      /^deployment ecs-svc\/\d+ failed: \d+ of its tasks failed, reaching berth.s limit of 3 for a service without deployment circuit breaker/,
    )
    expect(result.hints.join('\n')).toContain('no deployment circuit breaker')
    expect(result.hints.join('\n')).toContain('web exited with code 3')
  })

  it('--max-failed-tasks sets berth’s own limit', async () => {
    const h = await harness()
    const result = await h.deploy({ service: 'api-no-breaker', images: image('oom'), maxFailedTasks: 1 })
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(/reaching the limit of 1/)
    expect(result.hints.join('\n')).toMatch(/killed for using too much memory \(exit code 137\)/)
  })

  it('a concurrent deployment supersedes ours → failed, naming the newer deployment', async () => {
    const h = await harness()
    const result = await h.deploy(
      { images: image('v2') },
      {
        onSleep: async (count) => {
          if (count !== 2) return
          await h.sim.ecs.send(
            new UpdateServiceCommand({
              cluster: 'prod',
              service: 'api',
              taskDefinition: TD(1),
              forceNewDeployment: true,
            }),
          )
        },
      },
    )
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(/was superseded by deployment ecs-svc\/\d+ \(task definition .*api:1\)/)
  })

  it('timeout → timed_out, and the service is rolled back to the old revision', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('slow'), waitTimeoutMs: 10 * 60_000 })
    expect(result.status).toBe('timed_out')
    expect(result.reasons[0]).toMatch(
      /did not finish within the wait timeout \(--wait-timeout\) \(0 of 3 tasks running, 3 pending\)/,
    )
    expect(result.reasons[1]).toMatch(
      /rolled the service back to .*api:1 \(deployment ecs-svc\/\d+\): the wait timeout passed \(--on-timeout rollback\)/,
    )
    expect(eventsOf(h.events, 'rollback-started')).toHaveLength(1)
    expect((await h.describe())?.taskDefinition).toBe(TD(1))
    expect(h.times[h.times.length - 1] - h.times[0]).toBeLessThan(12 * 60_000)
  })

  it('--on-timeout leave → timed_out, the deployment left running', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('slow'), waitTimeoutMs: 5 * 60_000, onTimeout: 'leave' })
    expect(result.status).toBe('timed_out')
    expect(result.reasons[1]).toContain('--on-timeout leave')
    expect((await h.describe())?.taskDefinition).toBe(TD(2))
    expect((await h.mutatingCalls()).filter((op) => op === 'UpdateService')).toHaveLength(1)
  })

  it('cancellation mid-way → cancelled and rolled back', async () => {
    const h = await harness()
    const controller = new AbortController()
    const result = await h.deploy(
      { images: image('slow') },
      {
        signal: controller.signal,
        onSleep: async (count) => {
          if (count === 4) controller.abort()
        },
      },
    )
    expect(result.status).toBe('cancelled')
    expect(result.reasons[0]).toMatch(/the run was cancelled while deployment ecs-svc\/\d+ was in progress/)
    expect(result.reasons[1]).toContain('--on-cancel rollback')
    expect((await h.describe())?.taskDefinition).toBe(TD(1))
  })

  it('cancelled before the run starts → cancelled, and nothing changed', async () => {
    const h = await harness()
    const controller = new AbortController()
    controller.abort(new Error('received SIGTERM'))
    const result = await h.deploy({ images: image('v2') }, { signal: controller.signal })
    expect(result).toMatchObject({
      status: 'cancelled',
      reasons: ['the run was cancelled before anything was changed.'],
    })
    expect(await h.mutatingCalls()).toEqual([])
  })

  it('lost answers to RegisterTaskDefinition and UpdateService → looked at, never sent twice', async () => {
    const h = await harness({ lostResponses: { RegisterTaskDefinition: 1, UpdateService: 1 } })
    const result = await h.deploy({ images: image('v3') })
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD(2) })
    const calls = await h.sim.calls()
    expect(calls.filter((call) => call.operation === 'RegisterTaskDefinition').map((call) => call.error)).toEqual([
      'LostResponse',
    ])
    // The service shows the deployment the lost UpdateService started: berth follows it and sends nothing again.
    expect(calls.filter((call) => call.operation === 'UpdateService').map((call) => call.error)).toEqual([
      'LostResponse',
    ])
    expect((await h.describe())?.taskDefinition).toBe(TD(2))
  })

  it('unchanged task definition → no new revision, the latest one is reused', async () => {
    const h = await harness()
    const first = await h.deploy({ images: image('v2') })
    const second = await h.deploy({ images: image('v2'), forceNewDeployment: true })
    expect(second.status).toBe('succeeded')
    expect(second.taskDefinitionArn).toBe(first.taskDefinitionArn)
    expect(eventsOf(h.events, 'registered').map((event) => event.reused)).toEqual([false, true])
    expect((await h.mutatingCalls()).filter((op) => op === 'RegisterTaskDefinition')).toHaveLength(1)
  })

  it('the same revision the service runs, without --force-new-deployment → no call that changes anything', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('v1') })
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD(1) })
    expect(await h.mutatingCalls()).toEqual([])
  })

  it('unchanged against the service’s revision, while the family’s latest differs → nothing registered, nothing deployed', async () => {
    const h = await harness()
    const api1 = await h.sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1' }))
    const current = api1.taskDefinition!
    await h.sim.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        networkMode: current.networkMode,
        requiresCompatibilities: current.requiresCompatibilities,
        cpu: current.cpu,
        memory: current.memory,
        executionRoleArn: current.executionRoleArn,
        containerDefinitions: current.containerDefinitions!.map((c) => ({ ...c, image: `${REGISTRY}/api:v3` })),
      }),
    )
    const before = (await h.mutatingCalls()).length
    const result = await h.deploy({ images: image('v1') })
    expect(result.status).toBe('succeeded')
    expect(result.taskDefinitionArn).toBe(TD(1))
    expect(result.reasons[0]).toMatch(/^unchanged: service api in cluster prod already runs .*api:1/)
    expect((await h.mutatingCalls()).slice(before)).toEqual([])
    expect(eventsOf(h.events, 'diff')[0].text).toMatch(/no changes/)
  })

  it('--keep-revisions deregisters older revisions no service uses, after success', async () => {
    const h = await harness()
    await h.deploy({ images: image('v2') })
    await h.deploy({ images: image('v3'), keepRevisions: 1 })
    // api:1 still runs api-no-rollback and friends; api:2 is unused now.
    expect(eventsOf(h.events, 'deregistered')[0].taskDefinitionArns).toEqual([TD(2)])
  })

  it('--dry-run reads, diffs and plans, and changes nothing', async () => {
    const h = await harness()
    const result = await h.deploy({ images: image('v2'), dryRun: true, desiredCount: 4 })
    expect(result.status).toBe('planned')
    const plan = eventsOf(h.events, 'plan')[0].actions
    expect(result.plan).toEqual(plan)
    expect(plan[0]).toBe('register a new revision of family api')
    expect(plan[1]).toMatch(
      /^update service api in cluster prod from .*api:1 to a new revision of api, desired count 4 \(rolling\)$/,
    )
    expect(eventsOf(h.events, 'diff')[0].text).toContain('api:v2')
    expect(await h.mutatingCalls()).toEqual([])
  })

  it("an image in another account's registry (an AWS-owned sidecar) is not checked and not warned about", async () => {
    const h = await harness()
    const current = await h.sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1' }))
    const envoy = '840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod'
    const definition = {
      ...current.taskDefinition,
      containerDefinitions: [
        ...(current.taskDefinition?.containerDefinitions ?? []),
        { name: 'envoy', image: envoy, essential: false },
      ],
    }
    const dir = await mkdtemp(join(tmpdir(), 'berth-envoy-'))
    const file = join(dir, 'api.json')
    await writeFile(file, JSON.stringify(definition))
    try {
      const result = await h.deploy({
        taskDefinition: { kind: 'file', path: file },
        images: image('v404'),
        dryRun: true,
      })
      expect(result.status).toBe('planned')
    } finally {
      await rm(dir, { recursive: true })
    }
    const warnings = eventsOf(h.events, 'warning').map((event) => event.message)
    expect(warnings.filter((message) => message.includes('api:v404'))).toHaveLength(1)
    expect(warnings.filter((message) => message.includes('envoy'))).toEqual([])
    const asked = (await h.sim.calls())
      .filter((call) => call.operation === 'DescribeImages')
      .map((call) => (call.request as { registryId?: string }).registryId)
    expect(asked).toEqual(['123456789012'])
    expect(eventsOf(h.events, 'debug').some((event) => event.message.includes(`not checked in ECR: ${envoy}`))).toBe(
      true,
    )
  })

  it.each([
    ['30% throttling', 'v2', 'succeeded', { throttleRate: 0.3 }, 'ThrottlingException'],
    ['30% throttling', 'crash3', 'rolled_back', { throttleRate: 0.3 }, 'ThrottlingException'],
    ['20% ServerException', 'v2', 'succeeded', { errorRate: 0.2 }, 'ServerException'],
    ['20% ServerException', 'crash3', 'rolled_back', { errorRate: 0.2 }, 'ServerException'],
  ])('%s: %s → %s, as without faults', async (_name, tag, status, faults, error) => {
    const h = await harness(faults)
    const result = await h.deploy({ images: image(tag) })
    expect(result.status).toBe(status)
    expect((await h.sim.calls()).filter((call) => call.error === error).length).toBeGreaterThan(0)
  })

  describe('bad input changes nothing', () => {
    it.each<[string, Partial<Config>, RegExp]>([
      ['unknown cluster', { cluster: 'nope', images: image('v2') }, /^--cluster nope: ECS has no such cluster/],
      [
        'unknown service',
        { service: 'nope', images: image('v2') },
        /^--service nope: cluster prod has no such service \(MISSING\)/,
      ],
      [
        'CODE_DEPLOY service with --strategy rolling',
        { service: 'api-bluegreen', strategy: 'rolling', images: image('v2') },
        /^--strategy rolling: service api-bluegreen in cluster prod uses the CODE_DEPLOY deployment controller/,
      ],
      [
        'unknown container',
        { images: [{ container: 'wbe', uri: `${REGISTRY}/api:v2` }] },
        /no container named "wbe" to set the image of \(--image\); the task definition's containers are "web"/,
      ],
      [
        '--hook and --deployment-config on a rolling service',
        {
          images: image('v2'),
          hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'smoke' }],
          deploymentConfig: { type: 'all-at-once' },
        },
        /^--hook, --deployment-config: service api in cluster prod deploys with rolling updates/,
      ],
      [
        'unknown task definition',
        { taskDefinition: { kind: 'registered', ref: 'nope:3' }, images: image('v2') },
        /^--task-definition nope:3: ECS has no task definition "nope:3"/,
      ],
    ])('%s → UserError, no mutating call', async (_name, overrides, message) => {
      const h = await harness()
      const error = await h.deploy(overrides).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(UserError)
      expect((error as Error).message).toMatch(message)
      expect(await h.mutatingCalls()).toEqual([])
    })
  })
})

describe('berth render against the emulator', () => {
  it('renders a registered revision, writes --out and artifacts, and diffs', async () => {
    const h = await harness()
    const directory = await mkdtemp(join(tmpdir(), 'berth-render-'))
    try {
      const result = await h.deploy({
        cluster: undefined,
        service: undefined,
        taskDefinition: { kind: 'registered', ref: 'api:1' },
        images: image('v2'),
        out: join(directory, 'taskdef.json'),
        diff: true,
        artifactsDir: join(directory, 'artifacts'),
        artifacts: ['imagedefinitions'],
      })
      expect(result.status).toBe('rendered')
      const written = JSON.parse(await readFile(join(directory, 'taskdef.json'), 'utf8'))
      expect(written.containerDefinitions[0].image).toBe(`${REGISTRY}/api:v2`)
      expect(written.taskDefinitionArn).toBeUndefined()
      expect(result.taskDefinition).toEqual(written)
      expect(result.artifacts).toEqual([join(directory, 'artifacts', 'imagedefinitions.json')])
      expect(eventsOf(h.events, 'diff')[0].text).toContain('api:v2')
      expect(await h.mutatingCalls()).toEqual([])
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('renders a file: problems are one UserError pointing at the file and line, warnings are events', async () => {
    const h = await harness()
    const directory = await mkdtemp(join(tmpdir(), 'berth-render-'))
    const file = join(directory, 'taskdef.json')
    const text = JSON.stringify(
      {
        family: 'api',
        containerDefinitions: [{ name: 'web', image: `${REGISTRY}/api:latest`, essential: true }],
      },
      null,
      2,
    )
    try {
      await writeFile(file, text)
      const render = (images: Config['images']) =>
        h.deploy({ cluster: undefined, service: undefined, taskDefinition: { kind: 'file', path: file }, images })
      const rendered = await render([])
      expect(rendered.status).toBe('rendered')
      const warning = eventsOf(h.events, 'warning')[0]
      expect(warning).toMatchObject({ file, line: expect.any(Number) })
      const error = await render([{ container: 'api', uri: `${REGISTRY}/api:v2` }]).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).location.file).toBe(file)
      expect((error as Error).message).toMatch(
        /has 1 problem:\n {2}- error: container "api" image: no container named "api"/,
      )
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })
})
