import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
} from '@aws-sdk/client-ecs'
import type { Config } from '../../src/config/types.js'
import { UserError } from '../../src/errors.js'
import type { ProgressEvent } from '../../src/events.js'
import { run, type RunDeps } from '../../src/run.js'
import type { RunResult } from '../../src/verdict.js'
import { consoleReporter } from '../../src/report/console.js'
import { summaryMarkdown } from '../../src/report/summary.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const SCENARIO = 'test/fixtures/sim/native.yaml'
const TD = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`
const image = (tag: string) => [{ container: 'web', uri: `${REGISTRY}/web:${tag}` }]

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

interface Run {
  result: RunResult
  events: ProgressEvent[]
}

/** berth deploys against the emulator; its sleeps move the emulated clock, `onSleep` acts between looks. */
async function deploy(
  s: TestSim,
  overrides: Partial<Config>,
  options: { onSleep?: (count: number) => Promise<void>; signal?: AbortSignal } = {},
): Promise<Run> {
  const events: ProgressEvent[] = []
  let sleeps = 0
  const deps: RunDeps = {
    clients: s.clients,
    reporter: { emit: (event) => events.push(event) },
    readFile: (path) => readFile(path, 'utf8'),
    now: () => s.clock.now(),
    sleep: async (ms) => {
      await options.onSleep?.(++sleeps)
      s.advance(ms)
    },
    signal: options.signal,
  }
  const config = deployConfig({
    cluster: 'prod',
    service: 'bg',
    pollIntervalMs: 5000,
    images: image('v2'),
    ...overrides,
  })
  return { result: await run(config, deps), events }
}

function of<T extends ProgressEvent['type']>(events: ProgressEvent[], type: T) {
  return events.filter((event): event is Extract<ProgressEvent, { type: T }> => event.type === type)
}

async function currentDeployment(s: TestSim, service: string) {
  const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service }))
  const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn
  const out = await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn ?? ''] }))
  return out.serviceDeployments?.[0]
}

/** Answers the PAUSE hook as soon as it waits, the way `berth continue` or a person would. */
function continueWhenPaused(s: TestSim, service: string, action: 'CONTINUE' | 'ROLLBACK' = 'CONTINUE') {
  return async () => {
    const sd = await currentDeployment(s, service)
    const hook = sd?.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION')
    if (sd && hook) {
      await s.ecs.send(
        new ContinueServiceDeploymentCommand({
          serviceDeploymentArn: sd.serviceDeploymentArn,
          hookId: hook.hookId,
          action,
        }),
      )
    }
  }
}

async function taskDefinitionOf(s: TestSim, service: string) {
  const out = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
  return out.services?.[0]?.taskDefinition
}

async function setHooks(s: TestSim, service: string, config: DeploymentConfiguration) {
  await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service, deploymentConfiguration: config }))
}

describe('berth deploy, ECS-native strategies, against the emulator', () => {
  it('BLUE_GREEN succeeds, reporting every stage and the traffic in order', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    // Polls faster than ECS moves from stage to stage (5 emulated seconds), so every stage is seen.
    const { result, events } = await deploy(s, { pollIntervalMs: 1000 })
    expect(result.status).toBe('succeeded')
    expect(result.reasons[0]).toMatch(/service deployment .* completed: all traffic on the new revision/)
    expect(of(events, 'deployment-started')[0].strategy).toBe(
      'ecs-native, BLUE_GREEN: all production traffic at once, then bake 1 min',
    )
    expect(of(events, 'stage-changed').map((e) => e.stage)).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ])
    expect(of(events, 'stage-changed').find((e) => e.stage === 'BAKE_TIME')?.bakeMinutes).toBe(1)
    expect(of(events, 'traffic-shifted').map((e) => [e.green, e.test?.green])).toEqual([
      [0, 0],
      [0, 100],
      [100, 100],
    ])
    expect(await taskDefinitionOf(s, 'bg')).toBe(TD(4))
  })

  it('LINEAR waits on its PAUSE hook, says how to continue, and shifts 25 % at a time once continued', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result, events } = await deploy(
      s,
      { service: 'search', pollIntervalMs: 1000 },
      { onSleep: continueWhenPaused(s, 'search') },
    )
    expect(result.status).toBe('succeeded')
    const info = of(events, 'info').map((e) => e.message)
    expect(info.filter((m) => m.includes('berth continue --cluster prod --service search'))).toHaveLength(1)
    expect(of(events, 'traffic-shifted').map((e) => [e.green, e.test?.green])).toEqual([
      [0, 0],
      [0, 100],
      [25, 100],
      [50, 100],
      [75, 100],
      [100, 100],
    ])
    const hooks = of(events, 'hook-changed').map((e) => [
      e.hook.targetType,
      e.hook.functionName,
      e.hook.stage,
      e.hook.status,
    ])
    expect(hooks).toEqual([
      ['PAUSE', undefined, 'POST_SCALE_UP', 'AWAITING_ACTION'],
      ['PAUSE', undefined, 'POST_SCALE_UP', 'SUCCEEDED'],
      ['AWS_LAMBDA', 'validate-green', 'POST_TEST_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      ['AWS_LAMBDA', 'validate-green', 'POST_TEST_TRAFFIC_SHIFT', 'SUCCEEDED'],
    ])

    // The job summary: a stage timeline, the hooks and a traffic table with the test traffic, from these events.
    const summary = summaryMarkdown(events, result)
    const rows = (title: string) =>
      summary
        .split('### ')
        .find((section) => section.startsWith(title))
        ?.split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
        .slice(1)
    expect(rows('Stages')?.map((row) => row.split(' | ')[0].slice(2))).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ])
    expect(rows('Traffic')?.map((row) => row.split(' | ').slice(1).join(' '))).toEqual([
      '100% 0% 0% |',
      '100% 0% 100% |',
      '75% 25% 100% |',
      '50% 50% 100% |',
      '25% 75% 100% |',
      '0% 100% 100% |',
    ])
    expect(rows('Lifecycle hooks')?.[2]).toMatch(
      /^\| Lambda `validate-green` \| POST_TEST_TRAFFIC_SHIFT \| IN_PROGRESS \|/,
    )

    // The console: one line per change.
    const lines: string[] = []
    const console = consoleReporter({ write: (text: string) => lines.push(text) } as unknown as NodeJS.WritableStream, {
      now: () => 0,
    })
    events.forEach((event) => console.emit(event))
    const text = lines.join('')
    expect(text).toContain('stage  BAKE_TIME (bake time 2 min)')
    expect(text).toContain('traffic  blue 75% / green 25% (test traffic: blue 0% / green 100%)')
    expect(text).toMatch(/hook {3}PAUSE hook ecs-pause-\S+ at POST_SCALE_UP: AWAITING_ACTION \(expires /)
  })

  it('--wait-for paused returns `paused` at the PAUSE hook, with how to continue it', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result } = await deploy(s, { service: 'search', waitFor: 'paused' })
    expect(result.status).toBe('paused')
    expect(result.reasons[0]).toMatch(
      /waits at POST_SCALE_UP for PAUSE hook ecs-pause-\S+, until .* \(then ROLLBACK\)\./,
    )
    expect(result.hints[0]).toContain('berth continue --cluster prod --service search --rollback')
    expect((await currentDeployment(s, 'search'))?.status).toBe('IN_PROGRESS')
  })

  it('--wait-for traffic-shifted returns once production is all on green, before the bake ends', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result } = await deploy(s, { waitFor: 'traffic-shifted' })
    expect(result.status).toBe('succeeded')
    expect(result.reasons[0]).toContain('all production traffic is on the new revision (--wait-for traffic-shifted)')
    expect((await currentDeployment(s, 'bg'))?.status).toBe('IN_PROGRESS')
  })

  it('CANARY succeeds through a hook that answers IN_PROGRESS twice', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result, events } = await deploy(s, { service: 'canary' })
    expect(result.status).toBe('succeeded')
    expect(of(events, 'traffic-shifted').map((e) => [e.green, e.test?.green])).toEqual([
      [0, 0],
      [0, 100],
      [10, 100],
      [100, 100],
    ])
    expect((await s.invocations()).filter((i) => i.function === 'slow-check')).toHaveLength(6)
  })

  it('a crashing green trips the circuit breaker: rolled back, with the exit code and the log lines', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result, events } = await deploy(s, { images: image('v3') })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(
      /failed and ECS rolled the service back to .*web:1: Service deployment rolled back because the circuit breaker threshold was exceeded\./,
    )
    expect(result.reasons.join('\n')).toMatch(/exit code 3/)
    expect(result.logs?.[0]?.lines).toContain('panic: missing DATABASE_URL')
    expect(of(events, 'circuit-breaker').at(-1)).toMatchObject({ status: 'TRIGGERED', failureCount: 3, threshold: 3 })
    expect(await taskDefinitionOf(s, 'bg')).toBe(TD(1))
  })

  it('a Lambda hook that fails rolls back, naming the stage, the function and where its logs are', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    await setHooks(s, 'bg', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        {
          hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-fails',
          roleArn: 'arn:aws:iam::123456789012:role/ecs-hooks',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
        },
      ],
    })
    const { result, events } = await deploy(s, {})
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toContain(
      'POST_TEST_TRAFFIC_SHIFT lifecycle hook(s) failed. Lifecycle hook target smoke-fails returned FAILED status.',
    )
    expect(result.hints[0]).toContain('CloudWatch Logs group /aws/lambda/smoke-fails')
    expect(of(events, 'hook-changed').at(-1)?.hook).toMatchObject({ functionName: 'smoke-fails', status: 'FAILED' })
    expect(await taskDefinitionOf(s, 'bg')).toBe(TD(1))
  })

  it('a PAUSE hook answered ROLLBACK ends rolled_back', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result } = await deploy(s, { service: 'search' }, { onSleep: continueWhenPaused(s, 'search', 'ROLLBACK') })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toContain('ROLLBACK was requested for POST_SCALE_UP pause hook')
  })

  it.each([
    ['ROLLBACK', 'rolled_back', 'POST_TEST_TRAFFIC_SHIFT pause hook timed out'],
    ['CONTINUE', 'succeeded', 'completed'],
  ] as const)('a hook timeout with action %s ends %s', async (action, status, words) => {
    const s = (sim = await startTestSim(SCENARIO))
    await setHooks(s, 'bg', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          timeoutConfiguration: { timeoutInMinutes: 3, action },
        },
      ],
    })
    const { result, events } = await deploy(s, {})
    expect(result.status).toBe(status)
    expect(result.reasons[0]).toContain(words)
    expect(of(events, 'hook-changed').at(-1)?.hook.status).toBe('TIMED_OUT')
  })

  it('the wait timeout rolls the deployment back with StopServiceDeployment and follows the rollback', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result } = await deploy(s, { service: 'search', waitTimeoutMs: 3 * 60_000 })
    expect(result.status).toBe('timed_out')
    expect(result.reasons[0]).toMatch(/did not finish within the wait timeout \(--wait-timeout\) \(at POST_SCALE_UP/)
    expect(result.reasons[1]).toContain('rolled the service back to')
    expect((await s.calls()).filter((c) => c.operation === 'StopServiceDeployment')).toHaveLength(1)
    expect((await currentDeployment(s, 'search'))?.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(await taskDefinitionOf(s, 'search')).toBe(TD(1))
  })

  it('a cancel (SIGINT) rolls back too; with --on-cancel leave it does not', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const abort = new AbortController()
    const { result } = await deploy(
      s,
      { service: 'search' },
      { signal: abort.signal, onSleep: async (n) => void (n === 8 && abort.abort()) },
    )
    expect(result.status).toBe('cancelled')
    expect((await currentDeployment(s, 'search'))?.status).toBe('ROLLBACK_SUCCESSFUL')
    const again = new AbortController()
    const left = await deploy(
      s,
      { service: 'search', onCancel: 'leave' },
      { signal: again.signal, onSleep: async (n) => void (n === 8 && again.abort()) },
    )
    expect(left.result.status).toBe('cancelled')
    expect(left.result.reasons[1]).toContain('(--on-cancel leave)')
    expect((await currentDeployment(s, 'search'))?.status).toBe('IN_PROGRESS')
  })

  it('someone else’s UpdateService mid-deployment: failed, superseded', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    const { result } = await deploy(
      s,
      { service: 'search' },
      {
        onSleep: async (n) => {
          if (n === 6)
            await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
        },
      },
    )
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toMatch(
      /was superseded: service deployment \S+ started \(someone else updated the service\)/,
    )
  })

  it('refuses --wait-for paused for a service without a PAUSE hook, before any change', async () => {
    const s = (sim = await startTestSim(SCENARIO))
    await expect(deploy(s, { waitFor: 'paused' })).rejects.toThrow(UserError)
    expect((await s.calls()).map((c) => c.operation)).not.toContain('UpdateService')
  })

  it('under throttling, server errors and a lost StopServiceDeployment answer: one rollback, the true verdict', async () => {
    const scenario = {
      ...parse(readFileSync(SCENARIO, 'utf8')),
      faults: { throttleRate: 0.05, errorRate: 0.02, lostResponses: { StopServiceDeployment: 1, UpdateService: 1 } },
    }
    const s = (sim = await startTestSim(scenario, { seed: 11, maxAttempts: 8 }))
    const { result } = await deploy(s, { service: 'search', waitTimeoutMs: 3 * 60_000 })
    expect(result.status).toBe('timed_out')
    const calls = await s.calls()
    expect(
      (await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'search' }))).serviceDeployments
        ?.length,
    ).toBe(2)
    expect(
      calls.filter(
        (c) => c.operation === 'StopServiceDeployment' && c.error !== 'ThrottlingException' && c.status !== 500,
      ),
    ).toHaveLength(1)
    expect((await currentDeployment(s, 'search'))?.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(await taskDefinitionOf(s, 'search')).toBe(TD(1))
  })
})
