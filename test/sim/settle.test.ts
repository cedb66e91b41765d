import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs'
import type { ScenarioInput } from '../../src/sim/scenario/types.js'
import { fargateTaskDefinition, REGISTRY, startTestSim, webServiceScenario, type TestSim } from '../helpers/sim.js'

// Services with no load balancer: when does a task count as healthy for the circuit breaker and the deployment's
// completion (aws-facts.md §3 "Circuit breaker": with no health checks, once it stayed up past the grace period / a
// settle time; with a container health check, once that check passes).

function scenario(service: Record<string, unknown> = {}, timing: Record<string, number> = {}): ScenarioInput {
  return webServiceScenario({
    timing,
    images: [
      { tag: 'v1', behavior: 'healthy' },
      { tag: 'v2', behavior: 'healthy' },
      { tag: 'boot-crash', behavior: { crash: { exitCode: 1, afterSeconds: 3 } } },
      { tag: 'crash-20s', behavior: { crash: { exitCode: 1, afterSeconds: 20 } } },
      { tag: 'late-crash', behavior: { crash: { exitCode: 2, afterSeconds: 45 } } },
      { tag: 'unhealthy', behavior: 'unhealthy' },
    ],
    service,
  })
}

const HEALTH_CHECK = { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'] }

let sim: TestSim
afterEach(async () => sim?.close())

async function describeWeb(): Promise<Service> {
  const out = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
  return out.services![0]
}

/** Registers web:<next> running `tag`, optionally with a container health check, and deploys it. */
async function deploy(tag: string, healthCheck?: Record<string, unknown>): Promise<string> {
  const td = fargateTaskDefinition('web', `${REGISTRY}/web:${tag}`)
  if (healthCheck) td.containerDefinitions = [{ ...td.containerDefinitions[0], healthCheck } as never]
  await sim.ecs.send(new RegisterTaskDefinitionCommand(td))
  await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
  return (await describeWeb()).deployments![0].id!
}

async function tasksOf(deploymentId: string, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<Task[]> {
  const list = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'web', desiredStatus }))
  if (!list.taskArns?.length) return []
  const out = await sim.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: list.taskArns }))
  return out.tasks!.filter((t) => t.startedBy === deploymentId)
}

/** Steps the clock a second at a time until the deployment leaves IN_PROGRESS; returns the service then. */
async function untilDecided(deploymentId: string, seen: Set<string> = new Set()): Promise<Service> {
  return sim.until(
    `deployment ${deploymentId} to complete or fail`,
    async () => {
      const s = await describeWeb()
      const d = s.deployments!.find((x) => x.id === deploymentId)!
      seen.add(d.rolloutState!)
      return d.rolloutState !== 'IN_PROGRESS' ? s : undefined
    },
    { stepMs: 1000, maxMs: 3600_000 },
  )
}

const messages = (service: Service): string[] => (service.events ?? []).map((e) => e.message ?? '')

describe('no load balancer, no container health check', () => {
  // Both crash once the old tasks are gone (they stop as soon as the new ones are RUNNING, hence in service), which is
  // when a deployment that took RUNNING for healthy would complete.
  it.each([
    ['3 s after RUNNING (old tasks stop in 1 s)', 'boot-crash', { stopSeconds: 1 }],
    ['20 s after RUNNING', 'crash-20s', {}],
  ])(
    'a crash-on-boot image, exiting %s, trips the circuit breaker and rolls back, never COMPLETED',
    async (_, tag, timing) => {
      sim = await startTestSim(scenario({}, timing))
      const oldId = (await describeWeb()).deployments![0].id!
      const failedId = await deploy(tag)
      const seen = new Set<string>()
      const s = await untilDecided(failedId, seen)

      expect([...seen]).toEqual(['IN_PROGRESS', 'FAILED'])
      expect(s.deployments!.map((d) => [d.id, d.status, d.rolloutState])).toEqual([
        [oldId, 'PRIMARY', 'IN_PROGRESS'],
        [failedId, 'ACTIVE', 'FAILED'],
      ])
      expect(s.deployments![1]).toMatchObject({
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        failedTasks: 3, // min(200, max(3, ceil(0.5 × 3)))
      })
      expect(messages(s)).toContain(`(service web) (deployment ${failedId}) deployment failed: tasks failed to start.`)
      expect(messages(s)).toContain(`(service web) rolling back to deployment ${oldId}.`)
      expect(messages(s)).not.toContain(`(service web) (deployment ${failedId}) deployment completed.`)

      const stopped = await tasksOf(failedId, 'STOPPED')
      expect(stopped.length).toBeGreaterThanOrEqual(3)
      for (const task of stopped) {
        // The tasks did reach RUNNING: these are stage-2 style failures of tasks that never counted as healthy.
        expect(task.startedAt).toBeDefined()
        expect(task).toMatchObject({
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
        })
        expect(task.containers![0]).toMatchObject({ exitCode: 1 })
      }

      const settled = await untilDecided(oldId)
      expect(settled.deployments).toHaveLength(1)
      expect(settled.deployments![0]).toMatchObject({ id: oldId, rolloutState: 'COMPLETED', runningCount: 3 })
    },
  )

  it('a healthy image completes only once its tasks stayed up for the settle time (default 30 s)', async () => {
    sim = await startTestSim(scenario())
    const id = await deploy('v2')
    const allRunning = await sim.until(
      'the new tasks to be RUNNING',
      async () => {
        const tasks = await tasksOf(id, 'RUNNING')
        return tasks.length === 3 && tasks.every((t) => t.lastStatus === 'RUNNING') ? tasks : undefined
      },
      { stepMs: 1000 },
    )
    const lastStart = Math.max(...allRunning.map((t) => t.startedAt!.getTime()))
    // RUNNING (and in service for minimumHealthyPercent), but not yet healthy for the deployment.
    expect((await describeWeb()).deployments![0]).toMatchObject({ id, rolloutState: 'IN_PROGRESS' })

    const s = await untilDecided(id)
    expect(s.deployments![0]).toMatchObject({ id, rolloutState: 'COMPLETED', failedTasks: 0 })
    const completedAt = s.deployments![0].updatedAt!.getTime()
    expect(completedAt - lastStart).toBeGreaterThanOrEqual(30_000)
    expect(completedAt - lastStart).toBeLessThan(32_000)
    expect(messages(s).slice(0, 2)).toEqual([
      '(service web) has reached a steady state.',
      `(service web) (deployment ${id}) deployment completed.`,
    ])
  })

  it('waits for the health check grace period instead when it is longer, and honours timing.settleSeconds', async () => {
    sim = await startTestSim(scenario({ healthCheckGracePeriodSeconds: 60 }, { settleSeconds: 5 }))
    const id = await deploy('v2')
    const s = await untilDecided(id)
    const tasks = await tasksOf(id, 'RUNNING')
    const lastStart = Math.max(...tasks.map((t) => t.startedAt!.getTime()))
    const completedAt = s.deployments![0].updatedAt!.getTime()
    expect(s.deployments![0].rolloutState).toBe('COMPLETED')
    expect(completedAt - lastStart).toBeGreaterThanOrEqual(60_000)
    expect(completedAt - lastStart).toBeLessThan(62_000)

    await sim.close()
    sim = await startTestSim(scenario({}, { settleSeconds: 5 }))
    const quick = await deploy('v2')
    const done = await untilDecided(quick)
    const quickTasks = await tasksOf(quick, 'RUNNING')
    const quickStart = Math.max(...quickTasks.map((t) => t.startedAt!.getTime()))
    expect(done.deployments![0].updatedAt!.getTime() - quickStart).toBeLessThan(7_000)
  })

  it('does not count a task that crashes after it stayed up past the settle time', async () => {
    sim = await startTestSim(scenario())
    const id = await deploy('late-crash')
    const s = await untilDecided(id)
    expect(s.deployments![0]).toMatchObject({ id, rolloutState: 'COMPLETED' })
    sim.advance(600_000)
    const later = await describeWeb()
    expect(later.deployments![0]).toMatchObject({ id, rolloutState: 'COMPLETED', failedTasks: 0 })
    expect(messages(later).some((m) => m.includes('deployment failed'))).toBe(false)
    expect((await tasksOf(id, 'STOPPED')).length).toBeGreaterThan(0)
  })
})

describe('container health checks (no load balancer)', () => {
  it('the unhealthy behaviour fails container health checks: stoppedReason, event, circuit breaker', async () => {
    sim = await startTestSim(scenario())
    const oldId = (await describeWeb()).deployments![0].id!
    // Probes every 10 s, 2 failures in a row make it UNHEALTHY: 20 s after the start.
    const failedId = await deploy('unhealthy', { ...HEALTH_CHECK, interval: 10, retries: 2 })
    const seen = new Set<string>()
    const s = await untilDecided(failedId, seen)

    expect([...seen]).toEqual(['IN_PROGRESS', 'FAILED'])
    expect(s.deployments!.map((d) => [d.id, d.status, d.rolloutState])).toEqual([
      [oldId, 'PRIMARY', 'IN_PROGRESS'],
      [failedId, 'ACTIVE', 'FAILED'],
    ])
    expect(messages(s)).toContainEqual(
      expect.stringMatching(/^\(service web\) \(task [0-9a-f]{32}\) failed container health checks\.$/),
    )
    expect(messages(s).some((m) => m.includes('target-group'))).toBe(false)

    const stopped = await tasksOf(failedId, 'STOPPED')
    expect(stopped.length).toBeGreaterThanOrEqual(3)
    for (const task of stopped) {
      expect(task).toMatchObject({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed container health checks',
        healthStatus: 'UNHEALTHY',
      })
      expect(task.containers![0].healthStatus).toBe('UNHEALTHY')
      expect(task.stoppingAt!.getTime() - task.startedAt!.getTime()).toBe(20_000)
    }
  })

  it('ignores failures during startPeriod and acts on them only after the grace period', async () => {
    sim = await startTestSim(scenario({ healthCheckGracePeriodSeconds: 90 }))
    // Probes at 10, 20, 30, ... s; those before startPeriod 25 s do not count; 3 counted failures → UNHEALTHY at 50 s.
    const id = await deploy('unhealthy', { ...HEALTH_CHECK, interval: 10, retries: 3, startPeriod: 25 })
    const running = await sim.until(
      'a RUNNING task',
      async () => (await tasksOf(id, 'RUNNING')).find((t) => t.lastStatus === 'RUNNING'),
      { stepMs: 1000 },
    )
    const started = running.startedAt!.getTime()
    sim.advance(started + 49_000 - sim.clock.now())
    expect((await tasksOf(id, 'RUNNING')).find((t) => t.taskArn === running.taskArn)!.healthStatus).toBe('UNKNOWN')
    sim.advance(1_000)
    // UNHEALTHY now, but the scheduler ignores it until the 90 s grace period is over.
    const unhealthy = (await tasksOf(id, 'RUNNING')).find((t) => t.taskArn === running.taskArn)!
    expect(unhealthy).toMatchObject({ healthStatus: 'UNHEALTHY', desiredStatus: 'RUNNING' })
    sim.advance(40_000)
    const replaced = (await tasksOf(id, 'STOPPED')).find((t) => t.taskArn === running.taskArn)!
    expect(replaced.stoppedReason).toBe('Task failed container health checks')
    expect(replaced.stoppingAt!.getTime() - started).toBe(90_000)
  })

  it('a healthy container completes at its first passing probe, without waiting for the settle time', async () => {
    sim = await startTestSim(scenario())
    const id = await deploy('v2', { ...HEALTH_CHECK, interval: 5 })
    const s = await untilDecided(id)
    expect(s.deployments![0]).toMatchObject({ id, rolloutState: 'COMPLETED' })
    const tasks = await tasksOf(id, 'RUNNING')
    for (const task of tasks) {
      expect(task.healthStatus).toBe('HEALTHY')
      expect(task.containers![0].healthStatus).toBe('HEALTHY')
    }
    const lastStart = Math.max(...tasks.map((t) => t.startedAt!.getTime()))
    const completedAt = s.deployments![0].updatedAt!.getTime()
    // HEALTHY at 5 s; the old tasks, stopped then, take timing.stopSeconds (5) to leave: 10 s, well under 30 s.
    expect(completedAt - lastStart).toBe(10_000)
  })
})
