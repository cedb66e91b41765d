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
import {
  fargateTaskDefinition,
  REGISTRY,
  startTestSim,
  TARGET_GROUP,
  webServiceScenario,
  type TestSim,
} from '../helpers/sim.js'

const SECOND_TG = TARGET_GROUP.replace('web-blue', 'web-admin')

function scenario(service: Record<string, unknown> = {}): ScenarioInput {
  return webServiceScenario({
    timing: { deregistrationDelaySeconds: 30 },
    images: [
      { tag: 'v1', behavior: 'healthy' },
      { tag: 'v2', behavior: 'healthy' },
      {
        tag: 'v3-broken',
        behavior: { crash: { exitCode: 3, afterSeconds: 5, logs: ['Error: DATABASE_URL is not set'] } },
      },
      { tag: 'unhealthy', behavior: 'unhealthy' },
      { tag: 'late-crash', behavior: { crash: { exitCode: 2, afterSeconds: 60 } } },
    ],
    service: {
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }],
      ...service,
    },
  })
}

let sim: TestSim
afterEach(async () => sim?.close())

async function describeWeb(): Promise<Service> {
  const out = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
  return out.services![0]
}

async function registerImage(tag: string, extra: Record<string, unknown> = {}): Promise<string> {
  const out = await sim.ecs.send(
    new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${REGISTRY}/web:${tag}`, extra)),
  )
  return out.taskDefinition!.taskDefinitionArn!
}

/** The stopped tasks of the web service, described. */
async function stoppedTasks(): Promise<Task[]> {
  const list = await sim.ecs.send(
    new ListTasksCommand({ cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED' }),
  )
  return (await sim.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: list.taskArns }))).tasks ?? []
}

const messages = (service: Service): string[] => (service.events ?? []).map((e) => e.message ?? '')

describe('rolling deployments', () => {
  it('starts scenario services steady on their first deployment', async () => {
    sim = await startTestSim(scenario())
    const service = await describeWeb()
    expect(service).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 3,
      pendingCount: 0,
      launchType: 'FARGATE',
    })
    expect(service.deployments).toHaveLength(1)
    expect(service.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'COMPLETED',
      runningCount: 3,
      failedTasks: 0,
    })
    expect(service.deployments![0].id).toMatch(/^ecs-svc\/\d{19}$/)
    expect(service.deployments![0].rolloutStateReason).toBe(`ECS deployment ${service.deployments![0].id} completed.`)
    expect(service.createdAt).toBeInstanceOf(Date)
    expect(messages(service)[0]).toBe('(service web) has reached a steady state.')
    expect(service.deploymentConfiguration).toMatchObject({ strategy: 'ROLLING' })
  })

  it('completes a healthy deployment of 10 tasks at 200/100 with a steady-state event', async () => {
    sim = await startTestSim(scenario({ desiredCount: 10 }))
    const before = await describeWeb()
    const arn = await registerImage('v2')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    const started = await describeWeb()
    expect(started.taskDefinition).toBe(arn)
    expect(started.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ])
    const primaryId = started.deployments![0].id!
    expect(started.deployments![0].rolloutStateReason).toBe(`ECS deployment ${primaryId} in progress.`)

    let maxTotal = 0
    let minInService = Infinity
    const done = await sim.until('deployment to complete', async () => {
      const s = await describeWeb()
      maxTotal = Math.max(maxTotal, s.runningCount! + s.pendingCount!)
      minInService = Math.min(minInService, s.runningCount!)
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(maxTotal).toBeLessThanOrEqual(20)
    expect(minInService).toBeGreaterThanOrEqual(10)
    expect(done.deployments![0]).toMatchObject({
      id: primaryId,
      status: 'PRIMARY',
      runningCount: 10,
      desiredCount: 10,
      failedTasks: 0,
    })
    expect(done.deployments![0].rolloutStateReason).toBe(`ECS deployment ${primaryId} completed.`)
    const newEvents = messages(done).slice(0, done.events!.length - before.events!.length)
    expect(newEvents[0]).toBe('(service web) has reached a steady state.')
    expect(newEvents[1]).toBe(`(service web) (deployment ${primaryId}) deployment completed.`)
    expect(newEvents).toContainEqual(
      expect.stringMatching(/^\(service web\) has started 10 tasks: (\(task [0-9a-f]{32}\) ?){10}\.$/),
    )
    expect(newEvents).toContainEqual(`(service web) registered 10 targets in (target-group ${TARGET_GROUP})`)
    expect(newEvents).toContainEqual(
      expect.stringMatching(/^\(service web, taskSet ecs-svc\/\d{19}\) has begun draining connections on 10 tasks\.$/),
    )
    expect(newEvents).toContainEqual(`(service web) deregistered 10 targets in (target-group ${TARGET_GROUP})`)
    expect(newEvents).toContainEqual(
      expect.stringMatching(/^\(service web\) has stopped 10 running tasks: (\(task [0-9a-f]{32}\) ?){10}\.$/),
    )
    for (const e of done.events!)
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const times = done.events!.map((e) => e.createdAt!.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const tasks = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'web' }))
    expect(tasks.taskArns).toHaveLength(10)
    const described = await sim.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: tasks.taskArns }))
    for (const task of described.tasks!) {
      expect(task).toMatchObject({
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        taskDefinitionArn: arn,
        startedBy: primaryId,
        group: 'service:web',
      })
      expect(task.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/prod\/[0-9a-f]{32}$/)
    }
    const old = await stoppedTasks()
    expect(old).toHaveLength(10)
    for (const task of old) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: `Scaling activity initiated by (deployment ${primaryId})`,
      })
    }
  })

  it('trips the circuit breaker on a crashing image after the threshold and rolls back to the old task definition', async () => {
    sim = await startTestSim(scenario({ desiredCount: 8 }))
    const before = await describeWeb()
    const oldId = before.deployments![0].id!
    const oldArn = before.taskDefinition!
    await registerImage('v3-broken')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    const failedId = (await describeWeb()).deployments![0].id!

    // threshold = min(200, max(3, ceil(0.5 × 8))) = 4: watch failedTasks climb until the breaker trips.
    const seenFailed = new Set<number>()
    const tripped = await sim.until(
      'the circuit breaker',
      async () => {
        const s = await describeWeb()
        const failed = s.deployments!.find((d) => d.id === failedId)!
        seenFailed.add(failed.failedTasks!)
        return failed.rolloutState === 'FAILED' ? s : undefined
      },
      { stepMs: 1000 },
    )
    expect([...seenFailed].sort()).toEqual([0, 4])
    expect(tripped.deployments!.map((d) => [d.id, d.status, d.rolloutState])).toEqual([
      [oldId, 'PRIMARY', 'IN_PROGRESS'],
      [failedId, 'ACTIVE', 'FAILED'],
    ])
    expect(tripped.deployments![0].rolloutStateReason).toBe(
      `ECS deployment circuit breaker: rolling back to deploymentId ${oldId}.`,
    )
    expect(tripped.deployments![1].rolloutStateReason).toBe('ECS deployment circuit breaker: tasks failed to start.')
    expect(tripped.taskDefinition).toBe(oldArn)
    const failedAt = tripped.events!.findIndex(
      (e) => e.message === `(service web) (deployment ${failedId}) deployment failed: tasks failed to start.`,
    )
    const rollingBack = tripped.events!.findIndex(
      (e) => e.message === `(service web) rolling back to deployment ${oldId}.`,
    )
    expect(failedAt).toBeGreaterThan(rollingBack)
    expect(rollingBack).toBeGreaterThanOrEqual(0)
    expect(tripped.events![failedAt].createdAt!.getTime()).toBe(tripped.events![rollingBack].createdAt!.getTime())

    const tasks = await stoppedTasks()
    expect(tasks.length).toBeGreaterThanOrEqual(4)
    for (const task of tasks) {
      expect(task).toMatchObject({
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      })
      expect(task.containers![0]).toMatchObject({ exitCode: 3, lastStatus: 'STOPPED' })
    }

    const settled = await sim.until('the rollback to settle', async () => {
      const s = await describeWeb()
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(settled.deployments![0]).toMatchObject({
      id: oldId,
      status: 'PRIMARY',
      taskDefinition: oldArn,
      runningCount: 8,
    })
    expect(messages(settled).slice(0, 2)).toEqual([
      '(service web) has reached a steady state.',
      `(service web) (deployment ${oldId}) deployment completed.`,
    ])
  })

  it('leaves a failed deployment FAILED and launches nothing more when rollback is off', async () => {
    sim = await startTestSim(
      scenario({
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: { enable: true, rollback: false },
        },
      }),
    )
    await registerImage('v3-broken')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    await sim.until('FAILED', async () => (await describeWeb()).deployments![0].rolloutState === 'FAILED', {
      stepMs: 1000,
    })
    sim.advance(600_000)
    const s = await describeWeb()
    expect(s.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'FAILED'],
      ['ACTIVE', 'COMPLETED'],
    ])
    expect(s.deployments![0]).toMatchObject({ runningCount: 0, pendingCount: 0, failedTasks: 3 })
    expect(s.runningCount).toBe(3)
    expect(messages(s).filter((m) => m.includes('rolling back'))).toEqual([])
    expect(messages(s).filter((m) => m.startsWith('(service web) has started'))).toHaveLength(2)
  })

  it('uses thresholdConfiguration COUNT', async () => {
    sim = await startTestSim(
      scenario({
        desiredCount: 2,
        deploymentConfiguration: {
          deploymentCircuitBreaker: {
            enable: true,
            rollback: true,
            thresholdConfiguration: { type: 'COUNT', value: 5 },
          },
        },
      }),
    )
    await registerImage('v3-broken')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    const failedId = (await describeWeb()).deployments![0].id
    const s = await sim.until(
      'FAILED',
      async () => {
        const d = (await describeWeb()).deployments!.find((x) => x.id === failedId)!
        return d.rolloutState === 'FAILED' ? d : undefined
      },
      { stepMs: 1000 },
    )
    expect(s.failedTasks).toBe(5)
  })

  it('keeps replacing failing tasks without a circuit breaker, throttling launches that never start', async () => {
    sim = await startTestSim(scenario({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } }))
    await registerImage('v4-missing')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    sim.advance(3600_000)
    const s = await describeWeb()
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' })
    expect(s.deployments![0].failedTasks).toBeGreaterThan(6)
    expect(s.deploymentConfiguration!.deploymentCircuitBreaker).toEqual({ enable: false, rollback: false })
    expect(messages(s)).toContain('(service web) is unable to consistently start tasks successfully.')
    const launches = messages(s).filter((m) => m.startsWith('(service web) has started')).length
    // Throttled: an hour of retries is a handful of launches, not one every few seconds.
    expect(launches).toBeLessThan(20)
    const [task] = await stoppedTasks()
    expect(task).toMatchObject({
      stopCode: 'TaskFailedToStart',
      stoppedReason: `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${REGISTRY}/web:v4-missing: not found`,
      lastStatus: 'STOPPED',
    })
    expect(task.startedAt).toBeUndefined()
  })

  it('counts failed ELB health checks (stage 2) and names the target group', async () => {
    sim = await startTestSim(scenario({ healthCheckGracePeriodSeconds: 30 }))
    await registerImage('unhealthy')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    const s = await sim.until(
      'FAILED',
      async () => {
        const x = await describeWeb()
        return x.deployments!.some((d) => d.rolloutState === 'FAILED') ? x : undefined
      },
      { stepMs: 1000 },
    )
    expect(messages(s)).toContainEqual(
      expect.stringMatching(
        /^\(service web\) \(task [0-9a-f]{32}\) \(port 8080\) is unhealthy in \(target-group arn:aws:elasticloadbalancing:.*web-blue.*\) due to \(reason Health checks failed with these codes: \[503\]\)\.$/,
      ),
    )
    const [task] = await stoppedTasks()
    expect(task).toMatchObject({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: `Task failed ELB health checks in (target-group ${TARGET_GROUP})`,
    })
    // The grace period delays the verdict: nothing failed within the first 30 s after RUNNING.
    expect(task.stoppingAt!.getTime() - task.startedAt!.getTime()).toBe(30_000)
  })

  it('does not count a task that was healthy before it crashed', async () => {
    sim = await startTestSim(scenario())
    await registerImage('late-crash')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    sim.advance(1200_000)
    const s = await describeWeb()
    expect(s.deployments![0]).toMatchObject({ failedTasks: 0 })
    expect(s.deployments![0].rolloutState).not.toBe('FAILED')
    expect(messages(s).some((m) => m.includes('deployment failed'))).toBe(false)
  })

  it('drains a superseded deployment, which stays IN_PROGRESS while ACTIVE, and completes the newest', async () => {
    sim = await startTestSim(scenario())
    await registerImage('v2')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    sim.advance(12_000)
    const middle = await describeWeb()
    const supersededId = middle.deployments![0].id!
    const v3 = await registerImage('v2', { cpu: '512', memory: '1024' })
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: v3 }))
    const three = await describeWeb()
    expect(three.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ])
    expect(three.deployments![1].id).toBe(supersededId)
    const done = await sim.until('the newest to complete', async () => {
      const s = await describeWeb()
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(done.taskDefinition).toBe(v3)
    expect(done.runningCount).toBe(3)
  })

  it('follows a scale change during a deployment and a forced new deployment', async () => {
    sim = await startTestSim(scenario())
    await registerImage('v2')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    sim.advance(5000)
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', desiredCount: 5 }))
    const scaled = await describeWeb()
    expect(scaled.deployments).toHaveLength(2)
    expect(scaled.deployments![0].desiredCount).toBe(5)
    const done = await sim.until('completion at 5', async () => {
      const s = await describeWeb()
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(done).toMatchObject({ desiredCount: 5, runningCount: 5 })

    const forced = await sim.ecs.send(
      new UpdateServiceCommand({ cluster: 'prod', service: 'web', forceNewDeployment: true, desiredCount: 2 }),
    )
    expect(forced.service!.deployments).toHaveLength(2)
    expect(forced.service!.deployments![0].taskDefinition).toBe(done.taskDefinition)
    const after = await sim.until('the forced deployment', async () => {
      const s = await describeWeb()
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(after.deployments![0].id).toBe(forced.service!.deployments![0].id)
    expect(after.runningCount).toBe(2)
  })

  it('registers tasks in every target group of a service with several load balancers', async () => {
    const adminContainer = {
      name: 'admin',
      image: `${REGISTRY}/web:v1`,
      essential: false,
      portMappings: [{ containerPort: 9090 }],
    }
    sim = await startTestSim({
      ...scenario({
        loadBalancers: [
          { targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 },
          { targetGroupArn: SECOND_TG, containerName: 'admin', containerPort: 9090 },
        ],
      }),
      taskDefinitions: [
        {
          ...fargateTaskDefinition('web', `${REGISTRY}/web:v1`),
          containerDefinitions: [
            ...fargateTaskDefinition('web', `${REGISTRY}/web:v1`).containerDefinitions,
            adminContainer,
          ],
        },
      ],
    })
    const td = fargateTaskDefinition('web', `${REGISTRY}/web:v2`)
    await sim.ecs.send(
      new RegisterTaskDefinitionCommand({ ...td, containerDefinitions: [...td.containerDefinitions, adminContainer] }),
    )
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    const done = await sim.until('completion', async () => {
      const s = await describeWeb()
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined
    })
    expect(done.loadBalancers).toHaveLength(2)
    expect(messages(done)).toContain(`(service web) registered 3 targets in (target-group ${TARGET_GROUP})`)
    expect(messages(done)).toContain(`(service web) registered 3 targets in (target-group ${SECOND_TG})`)
    expect(messages(done)).toContain(`(service web) deregistered 3 targets in (target-group ${SECOND_TG})`)
  })

  it('keeps at most 100 events, newest first', async () => {
    sim = await startTestSim(scenario({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } }))
    await registerImage('v3-broken')
    await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
    sim.advance(3 * 3600_000)
    const s = await describeWeb()
    expect(s.events).toHaveLength(100)
    const times = s.events!.map((e) => e.createdAt!.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })
})
