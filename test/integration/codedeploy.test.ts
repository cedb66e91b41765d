import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'yaml'
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import type { Config, HookConfig } from '../../src/config/types.js'
import { UserError } from '../../src/errors.js'
import { answerHook } from '../../src/hook/answer.js'
import { recorder, type ProgressEvent } from '../../src/events.js'
import { type RunResult } from '../../src/verdict.js'
import { run, type RunDeps } from '../../src/run.js'
import { startSim, type Sim } from '../../src/sim/main.js'
import { realSleep } from '../../src/watch/sleep.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, productionClients, startTestSim, type TestSim } from '../helpers/sim.js'

const SCENARIO = 'test/fixtures/sim/codedeploy.yaml'
const ACCOUNT_TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition'

function baseConfig(overrides: Partial<Config>): Config {
  return deployConfig({
    images: [{ container: 'web', uri: `${REGISTRY}/web:v2` }],
    cluster: 'prod',
    service: 'web',
    codedeployApplication: 'web-app',
    codedeployGroup: 'web-dg',
    waitTimeoutMs: 60 * 60_000,
    ...overrides,
  })
}

function scenario(edit: (value: Record<string, unknown>) => void = () => {}) {
  const value = parse(readFileSync(SCENARIO, 'utf8')) as Record<string, unknown>
  edit(value)
  return value
}

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers) await close()
  closers = []
})

/** berth on the emulator's manual clock: each sleep moves emulated time, so an hour passes in a blink. */
async function manualHarness(edit?: (value: Record<string, unknown>) => void) {
  const sim = await startTestSim(scenario(edit), { seed: 3 })
  closers.push(() => sim.close())
  const clients = sim.clients
  const events: ProgressEvent[] = []
  const deploy = (
    overrides: Partial<Config>,
    extra: { signal?: AbortSignal; clients?: RunDeps['clients'] } = {},
  ): Promise<RunResult> =>
    run(baseConfig(overrides), {
      clients: extra.clients ?? clients,
      reporter: { emit: (event) => void events.push(event) },
      readFile: (path) => readFile(path, 'utf8'),
      now: () => sim.clock.now(),
      // A real pause of a millisecond lets requests from the test itself through between berth's looks.
      sleep: async (ms) => {
        sim.advance(ms)
        await realSleep(1)
      },
      signal: extra.signal,
    })
  return { sim, clients, events, deploy }
}

function ofType<T extends ProgressEvent['type']>(events: ProgressEvent[], type: T) {
  return events.filter((event): event is Extract<ProgressEvent, { type: T }> => event.type === type)
}

function greenSteps(events: ProgressEvent[]): number[] {
  return ofType(events, 'traffic-shifted').map((event) => event.green)
}

function lifecycle(events: ProgressEvent[]): string[] {
  return ofType(events, 'lifecycle-event').map((event) => `${event.event.name}:${event.event.status}`)
}

async function getDeployment(codedeploy: Pick<CodeDeployClient, 'send'>, deploymentId: string) {
  return (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo
}

/** A deployment of web:2 that someone else started in web-app/web-dg. */
async function startOtherDeployment(codedeploy: Pick<CodeDeployClient, 'send'>): Promise<void> {
  await codedeploy.send(
    new CreateDeploymentCommand({
      applicationName: 'web-app',
      deploymentGroupName: 'web-dg',
      revision: {
        revisionType: 'AppSpecContent',
        appSpecContent: {
          content: JSON.stringify({
            version: 0.0,
            Resources: [
              {
                TargetService: {
                  Type: 'AWS::ECS::Service',
                  Properties: {
                    TaskDefinition: `${ACCOUNT_TD}/web:2`,
                    LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 },
                  },
                },
              },
            ],
            Hooks: [{ BeforeInstall: 'manual-check' }],
          }),
        },
      },
    }),
  )
}

describe('CodeDeploy blue/green against the emulator', () => {
  it('deploys all at once, reporting every lifecycle event and the traffic move', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ deploymentConfig: { type: 'all-at-once' } })
    expect(result.status).toBe('succeeded')
    expect(result.taskDefinitionArn).toBe(`${ACCOUNT_TD}/web:4`)
    expect(result.deploymentId).toMatch(/^d-[A-Z0-9]{9}$/)
    expect(greenSteps(h.events)).toEqual([100])
    const succeeded = lifecycle(h.events).filter((entry) => entry.endsWith(':Succeeded'))
    expect(succeeded).toEqual([
      'BeforeInstall:Succeeded',
      'Install:Succeeded',
      'AfterInstall:Succeeded',
      'AllowTestTraffic:Succeeded',
      'AfterAllowTestTraffic:Succeeded',
      'BeforeAllowTraffic:Succeeded',
      'AllowTraffic:Succeeded',
      'AfterAllowTraffic:Succeeded',
    ])
    const statuses = ofType(h.events, 'deployment-status').map((event) => event.status)
    expect(statuses).toEqual(expect.arrayContaining(['InProgress', 'TerminationWait', 'Succeeded']))
    expect(statuses.indexOf('TerminationWait')).toBeLessThan(statuses.indexOf('Succeeded'))
    const info = await getDeployment(h.clients.codedeploy, result.deploymentId ?? '')
    expect(info?.deploymentConfigName).toBe('CodeDeployDefault.ECSAllAtOnce')
    const service = await h.clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(service.services?.[0]?.taskDefinition).toBe(`${ACCOUNT_TD}/web:4`)
  })

  it('reaches the same verdicts with 30% of calls throttled (berth and the SDK retrying, as in production)', async () => {
    const h = await manualHarness((value) => {
      value.faults = { throttleRate: 0.3 }
    })
    // A long poll keeps the calls few: the SDK's own retries of throttled reads wait in real time.
    const healthy = await h.deploy({ pollIntervalMs: 30_000 })
    expect(healthy.status).toBe('succeeded')
    const failing = await h.deploy({
      images: [{ container: 'web', uri: `${REGISTRY}/web:v3` }],
      pollIntervalMs: 30_000,
    })
    expect(failing.status).toBe('rolled_back')
    const throttled = (await h.sim.calls()).filter((call) => call.error === 'ThrottlingException')
    expect(throttled.length).toBeGreaterThan(10)
  })

  it('creates a custom canary config once and reports 10% then 100%', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 5 } })
    expect(result.status).toBe('succeeded')
    expect(greenSteps(h.events)).toEqual([10, 100])
    const config = await h.clients.codedeploy.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'berth-canary-10pct-5min' }),
    )
    expect(config.deploymentConfigInfo?.trafficRoutingConfig).toEqual({
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 },
    })
    const again = await h.deploy({
      images: [{ container: 'web', uri: `${REGISTRY}/web:v1` }],
      deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 5 },
    })
    expect(again.status).toBe('succeeded')
    const creates = (await h.sim.calls()).filter((call) => call.operation === 'CreateDeploymentConfig')
    expect(creates).toHaveLength(1)
  })

  it('shifts linear 10% every minute in ten steps, in order', async () => {
    const h = await manualHarness()
    const result = await h.deploy({
      deploymentConfig: { type: 'linear', percentage: 10, intervalMinutes: 1 },
      pollIntervalMs: 2000,
    })
    expect(result.status).toBe('succeeded')
    expect(greenSteps(h.events)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
  })

  it('rolls back when the AfterAllowTestTraffic hook fails, naming the hook and its function', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'smoke-fails' }] })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons.join('\n')).toMatch(/HOOK_EXECUTION_FAILURE/)
    expect(result.reasons.join('\n')).toMatch(
      /lifecycle event AfterAllowTestTraffic failed \(hook function smoke-fails\)/,
    )
    expect(result.reasons.join('\n')).toMatch(/rollback deployment d-[A-Z0-9]{9} succeeded/)
    expect(result.hints.join('\n')).toMatch(/smoke-fails/)
    const failed = ofType(h.events, 'lifecycle-event').find((event) => event.event.status === 'Failed')
    expect(failed?.event).toMatchObject({ name: 'AfterAllowTestTraffic', hookFunction: 'smoke-fails' })
    expect(ofType(h.events, 'rollback-started')).toHaveLength(1)
    const service = await h.clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(service.services?.[0]?.taskDefinition).toBe(`${ACCOUNT_TD}/web:1`)
  })

  it('rolls back a crashing green that CodeDeploy would wait on, and says why its tasks stopped', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ images: [{ container: 'web', uri: `${REGISTRY}/web:v3` }] })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(
      /^CodeDeploy deployment d-\w{9}: \d+ tasks of the replacement task set \(web:3\) failed, reaching berth's limit of 3;/,
    )
    expect(result.reasons[1]).toMatch(/^stopped CodeDeploy deployment d-\w{9} with automatic rollback/)
    const reasons = result.reasons.join('\n')
    expect(reasons).toMatch(
      /rollback deployment d-\w{9} succeeded: production traffic is back on the original task set/,
    )
    expect(reasons).toMatch(/tasks stopped: Essential container in task exited \(web exit code 3\)/)
    const stop = (await h.sim.calls()).find((call) => call.operation === 'StopDeployment')
    expect(stop?.request).toMatchObject({ autoRollbackEnabled: true })
  })

  it('a replacement that crashes 20 s after start, all at once → rolled_back through the termination wait, never succeeded', async () => {
    const h = await manualHarness()
    const result = await h.deploy({
      images: [{ container: 'web', uri: `${REGISTRY}/web:crash-20s` }],
      deploymentConfig: { type: 'named', name: 'CodeDeployDefault.ECSAllAtOnce' },
    })
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(
      /tasks of the replacement task set \(web:\d+\) failed, reaching berth's limit of 3/,
    )
    expect(result.reasons.join('\n')).toMatch(/production traffic is back on the original task set/)
    expect(result.reasons.join('\n')).toMatch(/web exit code 3/)
    const stop = (await h.sim.calls()).find((call) => call.operation === 'StopDeployment')
    expect(stop?.request).toMatchObject({ autoRollbackEnabled: true })
    const service = await h.clients.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
    expect(service.services?.[0].taskDefinition).toBe(`${ACCOUNT_TD}/web:1`)
  })

  it('succeeds when an external hook is answered with berth hook', async () => {
    const h = await manualHarness()
    const server = await healthServer(200)
    const running = h.deploy({ hooks: [{ event: 'BeforeAllowTraffic', functionName: 'manual-check' }] })
    const payload = await waitForInvocation(h.sim, 'manual-check')
    const outcome = await answerHook(hookConfig(payload, server.url), {
      codedeploy: h.clients.codedeploy,
      log: () => {},
    })
    expect(outcome).toMatchObject({ status: 'Succeeded', attempts: 1 })
    const result = await running
    expect(result.status).toBe('succeeded')
    const hooked = ofType(h.events, 'lifecycle-event').filter((event) => event.event.name === 'BeforeAllowTraffic')
    expect(hooked.map((event) => event.event.hookFunction)).toEqual(hooked.map(() => 'manual-check'))
  })

  it('succeeds when the hook Lambda bundle answers the event CodeDeploy sent', async () => {
    const h = await manualHarness()
    const server = await healthServer(200)
    const running = h.deploy({ hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'manual-check' }] })
    const payload = await waitForInvocation(h.sim, 'manual-check')
    const lambda = await runHookLambda(payload, {
      BERTH_HOOK_URL: server.url,
      AWS_ENDPOINT_URL: h.sim.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
    })
    expect(lambda.code).toBe(0)
    expect(JSON.parse(lambda.stdout.trim().split('\n').pop()!)).toMatchObject({ status: 'Succeeded' })
    expect((await running).status).toBe('succeeded')
  })

  it('times out on an unanswered hook and stops the deployment with rollback', async () => {
    const h = await manualHarness()
    const result = await h.deploy({
      hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'manual-check' }],
      waitTimeoutMs: 10 * 60_000,
    })
    expect(result.status).toBe('timed_out')
    expect(result.reasons[0]).toMatch(/at lifecycle event AfterAllowTestTraffic \(hook function manual-check\)/)
    expect(result.reasons[1]).toMatch(/stopped CodeDeploy deployment d-\w+ with automatic rollback/)
    const info = await getDeployment(h.clients.codedeploy, result.deploymentId ?? '')
    expect(info?.status).toBe('Stopped')
    expect(info?.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/)
    const stops = (await h.sim.calls()).filter((call) => call.operation === 'StopDeployment')
    expect(stops.map((call) => call.request)).toEqual([
      { deploymentId: result.deploymentId, autoRollbackEnabled: true },
    ])
  })

  it('leaves the deployment running on timeout with --on-timeout leave', async () => {
    const h = await manualHarness()
    const result = await h.deploy({
      hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'manual-check' }],
      waitTimeoutMs: 10 * 60_000,
      onTimeout: 'leave',
    })
    expect(result.status).toBe('timed_out')
    expect(result.reasons[1]).toMatch(/--on-timeout leave/)
    expect((await getDeployment(h.clients.codedeploy, result.deploymentId ?? ''))?.status).toBe('InProgress')
  })

  it('refuses a second deployment to a busy group before registering anything', async () => {
    const h = await manualHarness()
    await startOtherDeployment(h.clients.codedeploy)
    const error = await h.deploy({}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/web-app\/web-dg is busy: deployment d-[A-Z0-9]{9} is in progress/)
    const registers = (await h.sim.calls()).filter((call) => call.operation === 'RegisterTaskDefinition')
    expect(registers).toHaveLength(0)
  })

  it('a group that became busy after the preflight is the same user error (exit 2), and nothing is deployed', async () => {
    const h = await manualHarness()
    let raced = false
    // Someone else's deployment starts between berth's preflight and its CreateDeployment.
    const racing: Pick<CodeDeployClient, 'send'> = {
      send: (async (command: unknown, options?: unknown) => {
        if (!raced && command instanceof CreateDeploymentCommand) {
          raced = true
          await startOtherDeployment(h.clients.codedeploy)
        }
        return (h.clients.codedeploy.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options)
      }) as CodeDeployClient['send'],
    }
    const error = await h
      .deploy({}, { clients: { ...h.clients, codedeploy: racing } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/web-app\/web-dg is busy: deployment d-[A-Z0-9]{9} is in progress/)
    const creates = (await h.sim.calls()).filter((call) => call.operation === 'CreateDeployment' && !call.error)
    expect(creates).toHaveLength(1)
  })

  it('adopts the deployment its first CreateDeployment created when the answer was lost, and starts no second', async () => {
    const h = await manualHarness((value) => {
      value.faults = { lostResponses: { CreateDeployment: 1 } }
    })
    const result = await h.deploy({})
    expect(result.status).toBe('succeeded')
    const creates = (await h.sim.calls()).filter((call) => call.operation === 'CreateDeployment')
    expect(creates.map((call) => call.error)).toEqual(['LostResponse', 'DeploymentLimitExceededException'])
    const listed = await h.clients.codedeploy.send(
      new ListDeploymentsCommand({ applicationName: 'web-app', deploymentGroupName: 'web-dg' }),
    )
    expect(listed.deployments).toEqual([result.deploymentId])
  })

  it('finds the group by the console names and rejects a group of another service', async () => {
    const h = await manualHarness((value) => {
      const apps = (value.codedeploy as { applications: { name: string; deploymentGroups: { name: string }[] }[] })
        .applications
      apps[0].name = 'AppECS-prod-web'
      apps[0].deploymentGroups = [{ ...apps[0].deploymentGroups[0], name: 'DgpECS-prod-web' }] // plain has none
    })
    const result = await h.deploy({ codedeployApplication: undefined, codedeployGroup: undefined })
    expect(result.status).toBe('succeeded')
    const wrong = await h
      .deploy({ service: 'plain', codedeployApplication: 'AppECS-prod-web', codedeployGroup: 'DgpECS-prod-web' })
      .catch((caught: unknown) => caught)
    expect(wrong).toBeInstanceOf(UserError)
    expect((wrong as Error).message).toMatch(/deploys prod\/web, not prod\/plain/)
    const missing = await h
      .deploy({ service: 'plain', codedeployApplication: undefined, codedeployGroup: undefined })
      .catch((caught: unknown) => caught)
    expect(missing).toBeInstanceOf(UserError)
    expect((missing as Error).message).toMatch(/^no CodeDeploy deployment group deploys prod\/plain/)
    const unknown = await h
      .deploy({ codedeployApplication: 'AppECS-prod-web', codedeployGroup: 'nosuch' })
      .catch((caught: unknown) => caught)
    expect((unknown as Error).message).toMatch(
      /^--codedeploy-group: CodeDeploy application AppECS-prod-web has no deployment group "nosuch"/,
    )
  })

  it('without names, finds the one deployment group bound to the service', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ codedeployApplication: undefined, codedeployGroup: undefined })
    expect(result.status).toBe('succeeded')
    expect(ofType(h.events, 'info').map((event) => event.message)).toContain(
      'deployment group web-app/web-dg deploys prod/web',
    )
    const created = (await h.sim.calls()).find((call) => call.operation === 'CreateDeployment')
    expect(created?.request).toMatchObject({ applicationName: 'web-app', deploymentGroupName: 'web-dg' })
  })

  it('without names, asks for them when two deployment groups deploy the service', async () => {
    const h = await manualHarness((value) => {
      const apps = (value.codedeploy as { applications: { deploymentGroups: unknown[] }[] }).applications
      const [first] = apps[0].deploymentGroups as Record<string, unknown>[]
      apps[0].deploymentGroups.push({ ...first, name: 'web-dg-2' })
    })
    const error = await h
      .deploy({ codedeployApplication: undefined, codedeployGroup: undefined })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /2 CodeDeploy deployment groups deploy prod\/web \(web-app\/web-dg, web-app\/web-dg-2\)/,
    )
    const mutating = (await h.sim.calls()).filter((call) => /^(Register|Create|Update)/.test(call.operation))
    expect(mutating).toHaveLength(0)
  })

  it.each([
    ['an AppSpec of another version', 'version: 1.0\nResources: []\n', /appspec\.yaml:1: version must be 0\.0/],
    [
      'a hook function that is no Lambda function name',
      [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties: { TaskDefinition: x }',
        'Hooks:',
        '  - AfterAllowTestTraffic: "bad name!"',
        '',
      ].join('\n'),
      /appspec\.yaml:7: the AfterAllowTestTraffic hook "bad name!" is not a Lambda function name/,
    ],
  ])('rejects %s in --appspec before any change', async (_name, text, message) => {
    const h = await manualHarness()
    const dir = await mkdtemp(join(tmpdir(), 'berth-appspec-'))
    const file = join(dir, 'appspec.yaml')
    await writeFile(file, text)
    const error = await h.deploy({ appspec: file }).catch((caught: unknown) => caught)
    await rm(dir, { recursive: true })
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(message)
    const mutating = (await h.sim.calls()).filter((call) => /^(Register|Create|Update|Stop)/.test(call.operation))
    expect(mutating).toEqual([])
  })

  it('rejects an unknown deployment config before any change', async () => {
    const h = await manualHarness()
    const error = await h.deploy({ deploymentConfig: { type: 'named', name: 'NoSuchConfig' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/no CodeDeploy deployment config named "NoSuchConfig"/)
    const mutating = (await h.sim.calls()).filter((call) => /^(Register|Create|Update)/.test(call.operation))
    expect(mutating).toHaveLength(0)
  })

  it('plans the real CodeDeploy actions on --dry-run and changes nothing', async () => {
    const h = await manualHarness()
    const result = await h.deploy({
      dryRun: true,
      deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 5 },
      hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'validate-green' }],
    })
    expect(result.status).toBe('planned')
    const actions = ofType(h.events, 'plan')[0].actions
    expect(actions).toEqual([
      'register a new revision of family web',
      'CreateDeploymentConfig berth-canary-10pct-5min (canary 10%, then the rest after 5 min)',
      expect.stringContaining('CreateDeployment in web-app/web-dg with berth-canary-10pct-5min: 10% → 100% at +5 min'),
    ])
    expect(actions[2]).toMatch(/traffic to web:8080; hooks AfterAllowTestTraffic=validate-green/)
    expect(actions[2]).toMatch(/then a 5 min termination wait/)
    const operations = (await h.sim.calls()).map((call) => call.operation)
    expect(operations).toContain('GetDeploymentGroup')
    expect(operations.filter((operation) => /^(Create|Register|Update|Put|Stop)/.test(operation))).toEqual([])
  })

  it('returns once traffic has shifted with --wait-for traffic-shifted', async () => {
    const h = await manualHarness()
    const result = await h.deploy({ waitFor: 'traffic-shifted' })
    expect(result.status).toBe('succeeded')
    expect(result.reasons[0]).toMatch(/termination wait/)
    expect((await getDeployment(h.clients.codedeploy, result.deploymentId ?? ''))?.status).toBe('InProgress')
  })
})

describe('CodeDeploy on a fast emulator clock', () => {
  it('runs CodeDeployDefault.ECSCanary10Percent15Minutes in seconds', async () => {
    const sim: Sim = await startSim({ scenario: scenario(), speed: 1200, seed: 5 })
    const clients = productionClients(sim.url)
    closers.push(async () => {
      clients.destroy()
      await sim.close()
    })
    const reporter = recorder()
    const deps: RunDeps = {
      clients,
      reporter,
      readFile: (path) => readFile(path, 'utf8'),
      now: Date.now,
      sleep: realSleep,
    }
    const result = await run(
      baseConfig({
        deploymentConfig: { type: 'named', name: 'CodeDeployDefault.ECSCanary10Percent15Minutes' },
        pollIntervalMs: 100,
      }),
      deps,
    )
    expect(result.status).toBe('succeeded')
    expect(greenSteps(reporter.events)).toEqual([10, 100])
    const deployment = await getDeployment(clients.codedeploy, result.deploymentId ?? '')
    const emulatedMs = (deployment?.completeTime?.getTime() ?? 0) - (deployment?.createTime?.getTime() ?? 0)
    expect(emulatedMs).toBeGreaterThan(15 * 60_000)
  })
})

describe('berth hook --http', () => {
  it('retries until the URL answers the expected status, then reports Succeeded once', async () => {
    const h = await manualHarness()
    let answers = 0
    const server = await startServer((_, response) => {
      answers++
      response.statusCode = answers < 3 ? 503 : 200
      response.end()
    })
    const running = h.deploy({ hooks: [{ event: 'BeforeInstall', functionName: 'manual-check' }] })
    const payload = await waitForInvocation(h.sim, 'manual-check')
    const lines: string[] = []
    const outcome = await answerHook(
      { ...hookConfig(payload, `${server.url}?token=secret`), intervalMs: 10 },
      { codedeploy: h.clients.codedeploy, log: (line) => lines.push(line) },
    )
    expect(outcome).toMatchObject({ status: 'Succeeded', attempts: 3 })
    expect(lines.join('\n')).toMatch(/answered 503, expected 200/)
    expect(lines.join('\n')).not.toMatch(/secret/)
    expect((await running).status).toBe('succeeded')
    const puts = (await h.sim.calls()).filter((call) => call.operation === 'PutLifecycleEventHookExecutionStatus')
    expect(puts).toHaveLength(1)
  })

  it('says at once that a deployment id is unknown, without running the check or answering anything', async () => {
    const h = await manualHarness()
    let checks = 0
    const server = await startServer((_, response) => {
      checks++
      response.end()
    })
    const payload = { DeploymentId: 'd-UNKNOWN00', LifecycleEventHookExecutionId: 'x' }
    const error = await answerHook(hookConfig(payload, server.url), {
      codedeploy: h.clients.codedeploy,
      log: () => {},
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      '--deployment-id d-UNKNOWN00: CodeDeploy has no such deployment in this account and region.',
    )
    expect(checks).toBe(0)
    const puts = (await h.sim.calls()).filter((call) => call.operation === 'PutLifecycleEventHookExecutionStatus')
    expect(puts).toEqual([])
  })

  it('reports Failed when the deadline passes without the expected status', async () => {
    const h = await manualHarness()
    const server = await healthServer(500)
    const running = h.deploy({ hooks: [{ event: 'AfterInstall', functionName: 'manual-check' }] })
    const payload = await waitForInvocation(h.sim, 'manual-check')
    const outcome = await answerHook(
      { ...hookConfig(payload, server.url), deadlineMs: 200, intervalMs: 50 },
      { codedeploy: h.clients.codedeploy, log: () => {} },
    )
    expect(outcome.status).toBe('Failed')
    expect(outcome.detail).toMatch(/no success within 200ms .*answered 500, expected 200/)
    const result = await running
    expect(result.status).toBe('rolled_back')
    expect(result.reasons.join('\n')).toMatch(/AfterInstall failed \(hook function manual-check\)/)
  })
})

/** dist/hook/index.js as Lambda runs it: its handler called with the event, in a process of its own. */
function runHookLambda(event: object, env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const script =
    "const { handler } = await import('./dist/hook/index.js');" +
    'const outcome = await handler(JSON.parse(process.argv[1]), { getRemainingTimeInMillis: () => 60000 });' +
    'console.log(JSON.stringify(outcome))'
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(event)], {
      env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout }))
  })
}

function hookConfig(payload: { DeploymentId: string; LifecycleEventHookExecutionId: string }, url: string): HookConfig {
  return {
    deploymentId: payload.DeploymentId,
    executionId: payload.LifecycleEventHookExecutionId,
    check: { kind: 'http', url, expectStatus: 200 },
    deadlineMs: 10_000,
    intervalMs: 100,
    json: false,
  }
}

async function waitForInvocation(sim: TestSim, name: string) {
  for (let tries = 0; tries < 2000; tries++) {
    const found = (await sim.invocations()).find((invocation) => invocation.function === name)
    if (found) return found.payload as { DeploymentId: string; LifecycleEventHookExecutionId: string }
    await realSleep(2)
  }
  throw new Error(`the emulator never invoked ${name}`)
}

async function startServer(handler: RequestListener): Promise<{ url: string }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health` }
}

function healthServer(status: number) {
  return startServer((_, response) => {
    response.statusCode = status
    response.end('ok')
  })
}
