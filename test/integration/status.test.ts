import { afterEach, describe, expect, it } from '@jest/globals'
import { UpdateServiceCommand } from '@aws-sdk/client-ecs'
import type { ProgressEvent } from '../../src/events.js'
import { run } from '../../src/run.js'
import { formatStatus } from '../../src/status/format.js'
import { readStatus } from '../../src/status/read.js'
import type { ServiceStatus } from '../../src/status/types.js'
import { UserError } from '../../src/errors.js'
import { deployConfig } from '../helpers/config.js'
import { simDeps } from '../helpers/runs.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const TD = (family: string, revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`

let open: TestSim[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

async function sim(scenario: string): Promise<TestSim> {
  const started = await startTestSim(scenario, { seed: 5 })
  open.push(started)
  return started
}

/** Runs `berth deploy` and takes the first status for which `when` holds, read between berth's looks. */
async function statusDuring(
  s: TestSim,
  config: Parameters<typeof deployConfig>[0],
  when: (status: ServiceStatus) => boolean,
): Promise<ServiceStatus | undefined> {
  let taken: ServiceStatus | undefined
  const events: ProgressEvent[] = []
  await run(
    deployConfig(config),
    simDeps(s, events, {
      onSleep: async () => {
        if (taken) return
        const status = await readStatus(s.clients, config.cluster ?? '', config.service ?? '')
        if (when(status)) taken = status
      },
    }),
  )
  return taken
}

describe('berth status against the emulator', () => {
  it('during a rolling deployment: both deployments with their counts, the new one in progress', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    const status = await statusDuring(
      s,
      { cluster: 'prod', service: 'api', images: [{ container: 'web', uri: `${REGISTRY}/api:v2` }] },
      (seen) => seen.deployments.length === 2 && seen.deployments[0].running > 0,
    )
    expect(status).toBeDefined()
    if (!status) return
    expect(status.strategy).toBe('rolling')
    expect(status.desiredCount).toBe(3)
    expect(status.deployments.map((row) => [row.status, row.taskDefinition, row.rolloutState])).toEqual([
      ['PRIMARY', TD('api', 2), 'IN_PROGRESS'],
      ['ACTIVE', TD('api', 1), 'COMPLETED'],
    ])
    expect(status.deployments[1].running).toBe(3)
    expect(status.serviceDeployment?.status).toBe('IN_PROGRESS')
    expect(status.serviceDeployment?.breaker).toMatchObject({ status: 'MONITORING', failureCount: 0 })
    expect(status.next).toEqual(['berth rollback --cluster prod --service api'])
    const text = formatStatus(status)
    expect(text).toContain('PRIMARY api:2')
    expect(text).toContain('ACTIVE api:1 3/3 running (COMPLETED)')
  })

  it('after a crash the circuit breaker rolled back: the failed tasks with their exit code, reasons and log lines', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    await run(
      deployConfig({ cluster: 'prod', service: 'api', images: [{ container: 'web', uri: `${REGISTRY}/api:crash3` }] }),
      simDeps(s, []),
    )
    const status = await readStatus(s.clients, 'prod', 'api')
    expect(status.taskDefinition).toBe(TD('api', 1))
    expect(status.serviceDeployment?.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(status.failures.tasks.length).toBeGreaterThan(0)
    expect(status.failures.tasks[0]).toMatchObject({
      taskDefinition: TD('api', 2),
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'web', exitCode: 3 }],
    })
    expect(status.failures.reasons[0]).toMatch(
      /^\d+ tasks? stopped: Essential container in task exited \(web exit code 3\)$/,
    )
    expect(status.failures.logs[0]?.lines).toContain('fatal: DATABASE_URL is not set')
    expect(status.events.length).toBe(5)
    expect(status.events.at(-1)?.message).toMatch(/steady state|rolling back|deployment .* completed/)
    expect(status.next).toEqual([])
  })

  it('during a CodeDeploy deployment: the deployment in progress, its lifecycle events and the task sets', async () => {
    const s = await sim('test/fixtures/sim/codedeploy.yaml')
    const status = await statusDuring(
      s,
      {
        cluster: 'prod',
        service: 'web',
        images: [{ container: 'web', uri: `${REGISTRY}/web:v2` }],
        codedeployApplication: 'web-app',
        codedeployGroup: 'web-dg',
      },
      (seen) =>
        seen.codedeploy?.deployment?.lifecycle.some(
          (event) => event.name === 'AllowTestTraffic' && event.status === 'Succeeded',
        ) === true,
    )
    expect(status).toBeDefined()
    if (!status) return
    expect(status.strategy).toBe('codedeploy')
    expect(status.codedeploy).toMatchObject({ application: 'web-app', group: 'web-dg' })
    const deployment = status.codedeploy?.deployment
    expect(deployment?.id).toMatch(/^d-[A-Z0-9]{9}$/)
    expect(deployment?.taskDefinition).toBe(TD('web', 4))
    expect(deployment?.lifecycle.map((event) => event.name)).toEqual([
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'AllowTestTraffic',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ])
    expect(deployment?.lifecycle.find((event) => event.name === 'Install')?.status).toBe('Succeeded')
    // All at once: production has moved, or is about to, while the original task set still stands.
    expect((deployment?.traffic?.blue ?? 0) + (deployment?.traffic?.green ?? 0)).toBe(100)
    expect(status.deployments.map((row) => row.taskDefinition).sort()).toEqual([TD('web', 1), TD('web', 4)])
    expect(status.next).toContain('berth rollback --cluster prod --service web')
    expect(formatStatus(status)).toContain(`CodeDeploy web-app/web-dg: deployment ${deployment?.id}`)
  })

  it('during an ECS-native deployment paused at its PAUSE hook: stage, traffic on each revision, hooks, berth continue', async () => {
    const s = await sim('test/fixtures/sim/native.yaml')
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
    const status = await s.until('the PAUSE hook to wait', async () => {
      const seen = await readStatus(s.clients, 'prod', 'search')
      return seen.serviceDeployment?.hooks.some((hook) => hook.status === 'AWAITING_ACTION') && seen
    })
    expect(status.strategy).toBe('ecs-native')
    expect(status.deploymentStrategy).toBe('LINEAR')
    const sd = status.serviceDeployment
    expect(sd).toMatchObject({ status: 'IN_PROGRESS', stage: 'POST_SCALE_UP' })
    expect(sd?.revisions.map((row) => [row.role, row.taskDefinition, row.running, row.production, row.test])).toEqual([
      ['target', TD('web', 2), 2, 0, 0],
      ['source', TD('web', 1), 2, 100, 100],
    ])
    expect(sd?.hooks).toEqual([
      expect.objectContaining({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' }),
    ])
    expect(status.next).toEqual([
      'berth continue --cluster prod --service search',
      'berth continue --cluster prod --service search --rollback',
      'berth rollback --cluster prod --service search',
    ])
    const text = formatStatus(status)
    expect(text).toContain('service deployment')
    expect(text).toMatch(/PAUSE ecs-pause-\S+ AWAITING_ACTION until \S+ \(then ROLLBACK\)/)
  })

  it("during a CodeDeploy deployment whose replacement crashes: the replacement's failed tasks with their exit code", async () => {
    const s = await sim('test/fixtures/sim/codedeploy.yaml')
    const status = await statusDuring(
      s,
      { cluster: 'prod', service: 'web', images: [{ container: 'web', uri: `${REGISTRY}/web:v3` }] },
      (seen) => seen.failures.tasks.length > 0,
    )
    expect(status?.codedeploy?.deployment?.status).toBe('InProgress')
    // web:3 is the crashing revision the scenario registered: berth reuses it rather than register a copy.
    expect(status?.codedeploy?.deployment?.taskDefinition).toBe(TD('web', 3))
    expect(status?.failures.tasks[0]).toMatchObject({
      taskDefinition: TD('web', 3),
      containers: [{ name: 'web', exitCode: 3 }],
    })
    expect(status?.failures.hints).toEqual(['web exited with code 3. Look at its logs for the cause.'])
  })

  it('a deployment group the flags name that does not exist is said in the status, which still stands', async () => {
    const s = await sim('test/fixtures/sim/codedeploy.yaml')
    const status = await readStatus(s.clients, 'prod', 'web', {
      codedeployApplication: 'web-app',
      codedeployGroup: 'nope',
    })
    expect(status.codedeploy?.note).toMatch(
      /^--codedeploy-group: CodeDeploy application web-app has no deployment group "nope"\./,
    )
    expect(status.deployments.map((row) => row.taskDefinition)).toEqual([TD('web', 1)])
    expect(formatStatus(status)).toContain(
      'CodeDeploy no deployment group: no deployment in progress\n  --codedeploy-group:',
    )
  })

  it('a missing service is a UserError naming --service', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    const error = await readStatus(s.clients, 'prod', 'nope').catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/^--service nope: cluster prod has no such service/)
  })
})
