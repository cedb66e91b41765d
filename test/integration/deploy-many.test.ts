import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import type { Config } from '../../src/config/types.js'
import { parseBeforeDeploy } from '../../src/config/run-task.js'
import { UserError } from '../../src/errors.js'
import { recorder, type ProgressEvent } from '../../src/events.js'
import { resultJson } from '../../src/report/json.js'
import { run, type RunDeps } from '../../src/run.js'
import type { CallRecord } from '../../src/sim/core/types.js'
import type { RunResult } from '../../src/verdict.js'
import { deployConfig } from '../helpers/config.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

// Three services in one run against the emulator: api and worker deploy with rolling updates, web with CodeDeploy.
// berth's sleep moves the emulated clock, so every time here is emulated.

const SCENARIO = 'test/fixtures/sim/many.yaml'
const TD = (family: string, revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`
const SERVICES = ['api', 'worker', 'web']

const images = (tags: { api: string; worker: string; web: string }) =>
  Object.entries(tags).map(([container, tag]) => ({ container, uri: `${REGISTRY}/${container}:${tag}` }))

function config(overrides: Partial<Config>): Config {
  return deployConfig({
    cluster: 'prod',
    services: SERVICES,
    service: SERVICES[0],
    codedeployApplication: 'web-app',
    codedeployGroup: 'web-dg',
    waitTimeoutMs: 2 * 3600_000,
    ...overrides,
  })
}

let open: TestSim[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

async function harness() {
  const sim = await startTestSim(SCENARIO, { seed: 11 })
  open.push(sim)
  const events: ProgressEvent[] = []
  return {
    sim,
    events,
    deploy(
      overrides: Partial<Config>,
      options: { signal?: AbortSignal; onSleep?: () => Promise<void> } = {},
    ): Promise<RunResult> {
      const reporter = recorder()
      const deps: RunDeps = {
        clients: sim.clients,
        reporter: {
          emit(event) {
            reporter.emit(event)
            events.push(event)
          },
        },
        readFile: (path) => readFile(path, 'utf8'),
        now: () => sim.clock.now(),
        sleep: async (ms) => {
          await options.onSleep?.()
          sim.advance(ms)
        },
        signal: options.signal,
      }
      return run(config(overrides), deps)
    },
    async describeAll(services: string[]) {
      return (await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services }))).services ?? []
    },
    /** The task definition each service runs now. */
    async taskDefinitions(): Promise<Record<string, string | undefined>> {
      const output = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: SERVICES }))
      return Object.fromEntries((output.services ?? []).map((service) => [service.serviceName, service.taskDefinition]))
    },
  }
}

const byName = (result: RunResult) => Object.fromEntries((result.services ?? []).map((s) => [s.service, s]))

/** The index in `calls` of the call that starts `service`'s deployment (UpdateService, or CodeDeploy's CreateDeployment). */
function startOf(calls: CallRecord[], service: string): number {
  return calls.findIndex((call) => {
    const request = call.request as { service?: string; deploymentGroupName?: string }
    if (call.operation === 'UpdateService') return request.service === service
    return call.operation === 'CreateDeployment' && service === 'web'
  })
}

/** The index of the last call berth made to follow `service`'s deployment. */
function lastLookAt(calls: CallRecord[], service: string): number {
  const looks = calls.map((call) => {
    const request = call.request as { services?: string[] }
    if (service === 'web') return call.operation === 'GetDeployment'
    return call.operation === 'DescribeServices' && request.services?.includes(service) === true
  })
  return looks.lastIndexOf(true)
}

describe('berth deploy --service api --service worker --service web', () => {
  it('deploys rolling and CodeDeploy services in one run, registering each family once', async () => {
    const h = await harness()
    const result = await h.deploy({ images: images({ api: 'v2', worker: 'v2', web: 'v2' }) })
    expect(result.status).toBe('succeeded')
    expect(result.services?.map((s) => [s.service, s.status, s.taskDefinitionArn])).toEqual([
      ['api', 'succeeded', TD('api', 2)],
      ['worker', 'succeeded', TD('worker', 2)],
      ['web', 'succeeded', TD('web', 2)],
    ])
    expect(byName(result).web.deploymentId).toMatch(/^d-[A-Z0-9]{9}$/)
    expect(await h.taskDefinitions()).toEqual({ api: TD('api', 2), worker: TD('worker', 2), web: TD('web', 2) })
    const registered = (await h.sim.calls()).filter((call) => call.operation === 'RegisterTaskDefinition')
    expect(registered.map((call) => (call.request as { family: string }).family)).toEqual(['api', 'worker', 'web'])
    const strategies = h.events.flatMap((event) =>
      event.type === 'service-progress' && event.event.type === 'deployment-started'
        ? [[event.service, event.event.strategy]]
        : [],
    )
    expect(Object.fromEntries(strategies)).toEqual({ api: 'rolling', worker: 'rolling', web: 'codedeploy' })
  })

  it('--on-failure rollback-all: the failing worker stops the deployments in progress, each rolled back by its driver', async () => {
    const h = await harness()
    // --on-cancel leave is about the job being cancelled: a sibling's failure rolls back all the same.
    const result = await h.deploy({ onCancel: 'leave', images: images({ api: 'slow', worker: 'crash', web: 'slow' }) })
    const services = byName(result)
    expect(services.worker.status).toBe('rolled_back')
    expect(services.worker.hints.join(' ')).toContain('exited with code 3')
    for (const name of ['api', 'web']) {
      expect(services[name].status).toBe('cancelled')
      expect(services[name].reasons[0]).toMatch(
        /^berth stopped (deployment ecs-svc\/\d+|CodeDeploy deployment d-[A-Z0-9]{9})\b.*: service worker did not succeed \(--on-failure rollback-all\)\.$/,
      )
    }
    expect(services.api.reasons[1]).toMatch(
      new RegExp(`^rolled the service back to ${TD('api', 1)} .*service worker did not succeed`),
    )
    expect(result.status).toBe('rolled_back')
    expect(result.reasons[0]).toMatch(/^service worker: rolled back: /)
    const calls = await h.sim.calls()
    expect(calls.some((call) => call.operation === 'StopDeployment')).toBe(true)
    expect(await h.taskDefinitions()).toEqual({ api: TD('api', 1), worker: TD('worker', 1), web: TD('web', 1) })
  })

  it('--on-failure rollback-all with --max-parallel 1: the services that succeeded are deployed back to their previous revision', async () => {
    const h = await harness()
    const result = await h.deploy({
      services: ['api', 'web', 'worker'],
      maxParallel: 1,
      images: images({ api: 'v2', worker: 'crash', web: 'v2' }),
    })
    const services = byName(result)
    expect(services.worker.status).toBe('rolled_back')
    expect(services.api.status).toBe('rolled_back')
    expect(services.api.reasons[0]).toMatch(
      new RegExp(
        `^rolled back to ${TD('api', 1)} \\(deployment ecs-svc/\\d+\\) after it succeeded, because service worker did not succeed`,
      ),
    )
    expect(services.web.status).toBe('rolled_back')
    expect(services.web.reasons[0]).toMatch(/^rolled back to .*web:1 \(deployment d-[A-Z0-9]{9}\) after it succeeded/)
    expect(await h.taskDefinitions()).toEqual({ api: TD('api', 1), worker: TD('worker', 1), web: TD('web', 1) })
    const creates = (await h.sim.calls()).filter((call) => call.operation === 'CreateDeployment')
    expect(creates).toHaveLength(2)
  })

  it('--on-failure leave: the other services keep their new revisions, the run fails with the worker', async () => {
    const h = await harness()
    const result = await h.deploy({ onFailure: 'leave', images: images({ api: 'v2', worker: 'crash', web: 'v2' }) })
    expect(result.services?.map((s) => [s.service, s.status])).toEqual([
      ['api', 'succeeded'],
      ['worker', 'rolled_back'],
      ['web', 'succeeded'],
    ])
    expect(result.status).toBe('rolled_back')
    expect(await h.taskDefinitions()).toEqual({ api: TD('api', 2), worker: TD('worker', 1), web: TD('web', 2) })
    expect((await h.sim.calls()).some((call) => call.operation === 'StopDeployment')).toBe(false)
  })

  it('--max-parallel 1 starts each deployment after the one before it ended; without it, all start at once', async () => {
    const one = await harness()
    const healthy = images({ api: 'v2', worker: 'v2', web: 'v2' })
    expect((await one.deploy({ maxParallel: 1, images: healthy })).status).toBe('succeeded')
    const serial = await one.sim.calls()
    expect(startOf(serial, 'api')).toBeLessThan(lastLookAt(serial, 'api'))
    expect(lastLookAt(serial, 'api')).toBeLessThan(startOf(serial, 'worker'))
    expect(lastLookAt(serial, 'worker')).toBeLessThan(startOf(serial, 'web'))

    const all = await harness()
    expect((await all.deploy({ images: healthy })).status).toBe('succeeded')
    const parallel = await all.sim.calls()
    const starts = SERVICES.map((service) => startOf(parallel, service))
    expect(Math.max(...starts)).toBeLessThan(Math.min(...SERVICES.map((service) => lastLookAt(parallel, service))))
  })

  it('--dry-run plans every service and changes nothing', async () => {
    const h = await harness()
    const result = await h.deploy({ dryRun: true, images: images({ api: 'v2', worker: 'v2', web: 'v2' }) })
    expect(result.status).toBe('planned')
    for (const service of result.services ?? []) {
      expect(service.status).toBe('planned')
      expect(service.plan?.[0]).toBe(`register a new revision of family ${service.service}`)
    }
    expect(byName(result).web.plan?.join('\n')).toContain('web-dg')
    const mutating = (await h.sim.calls()).filter((call) =>
      ['RegisterTaskDefinition', 'UpdateService', 'CreateDeployment'].includes(call.operation),
    )
    expect(mutating).toEqual([])
  })

  it('--json gives the run verdict and one object per service', async () => {
    const h = await harness()
    const result = await h.deploy({ onFailure: 'leave', images: images({ api: 'v2', worker: 'crash', web: 'v2' }) })
    const json = resultJson(result) as { status: string; services: Record<string, unknown>[] }
    expect(Object.keys(json)).toEqual(['status', 'cluster', 'services', 'reasons', 'hints', 'artifacts'])
    expect(json.status).toBe('rolled_back')
    expect(json.services.map((service) => service.service)).toEqual(SERVICES)
    expect(Object.keys(json.services[0])).toEqual(
      expect.arrayContaining(['status', 'service', 'taskDefinitionArn', 'previousTaskDefinitionArn', 'deploymentId']),
    )
  })

  it.each<[string, Partial<Config>, string]>([
    [
      'a container no service has',
      { images: [...images({ api: 'v2', worker: 'v2', web: 'v2' }), { container: 'cron', uri: `${REGISTRY}/api:v2` }] },
      '--image: no container named "cron" in the task definitions of api, worker, web; their containers are "api", "worker", "web".',
    ],
    [
      '--artifacts-dir over several families',
      { images: images({ api: 'v2', worker: 'v2', web: 'v2' }), artifactsDir: '.' },
      '--artifacts-dir .: the services run 3 task definition families (api, worker, web)',
    ],
  ])('refuses %s before any change', async (_, overrides, message) => {
    const h = await harness()
    const error = await h.deploy(overrides).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toContain(message)
    const mutating = (await h.sim.calls()).filter((call) =>
      ['RegisterTaskDefinition', 'UpdateService', 'CreateDeployment'].includes(call.operation),
    )
    expect(mutating).toEqual([])
  })

  it('a cancelled job cancels every deployment in progress and rolls back none that already succeeded', async () => {
    const h = await harness()
    const cancel = new AbortController()
    const result = await h.deploy(
      { images: images({ api: 'v2', worker: 'v2', web: 'slow' }) },
      {
        signal: cancel.signal,
        onSleep: async () => {
          const [api] = await h.describeAll(['api'])
          if (api?.deployments?.length === 1 && api.taskDefinition === TD('api', 2)) cancel.abort()
        },
      },
    )
    expect(result.status).toBe('cancelled')
    expect(byName(result).api.status).toBe('succeeded')
    expect(byName(result).web.status).toBe('cancelled')
    expect(await h.taskDefinitions()).toMatchObject({ api: TD('api', 2), web: TD('web', 1) })
  })

  it.each([
    ['migrate', 'succeeded'],
    ['migrate-broken', 'failed'],
  ])('--before-deploy runs its task once, before any service changes (%s: %s)', async (tag, status) => {
    const h = await harness()
    const beforeDeploy = parseBeforeDeploy(
      `run-task --task-definition worker --image worker=${REGISTRY}/worker:${tag}`,
      '--before-deploy',
    )
    const result = await h.deploy({ beforeDeploy, images: images({ api: 'v2', worker: 'v2', web: 'v2' }) })
    expect(result.status).toBe(status)
    const calls = (await h.sim.calls()).map((call) => call.operation)
    expect(calls.filter((operation) => operation === 'RunTask')).toHaveLength(1)
    const changes = calls.flatMap((operation, at) =>
      ['UpdateService', 'CreateDeployment'].includes(operation) ? [at] : [],
    )
    if (status === 'succeeded') {
      expect(Math.min(...changes)).toBeGreaterThan(calls.indexOf('RunTask'))
      expect(await h.taskDefinitions()).toEqual({ api: TD('api', 2), worker: TD('worker', 2), web: TD('web', 2) })
      return
    }
    expect(changes).toEqual([])
    for (const service of result.services ?? []) {
      expect(service.status).toBe('failed')
      expect(service.reasons[0]).toBe(
        `the before-deploy task did not succeed, so service ${service.service} was not changed.`,
      )
    }
    expect(await h.taskDefinitions()).toEqual({ api: TD('api', 1), worker: TD('worker', 1), web: TD('web', 1) })
  })
})
