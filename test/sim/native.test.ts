import { afterEach, describe, expect, it } from '@jest/globals'
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { startTestSim, type TestSim } from '../helpers/sim.js'

const FIXTURE = 'test/fixtures/sim/native.yaml'
const TERMINAL = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']
const LAMBDA = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`

let sim: TestSim | undefined

afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(): Promise<TestSim> {
  sim = await startTestSim(FIXTURE)
  return sim
}

async function update(s: TestSim, service: string, revision: number, config?: DeploymentConfiguration) {
  await s.ecs.send(
    new UpdateServiceCommand({
      cluster: 'prod',
      service,
      taskDefinition: `web:${revision}`,
      ...(config ? { deploymentConfiguration: config } : {}),
    }),
  )
  return latest(s, service)
}

async function latest(s: TestSim, service: string): Promise<ServiceDeployment> {
  const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service }))
  const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn ?? ''
  return describe1(s, arn)
}

async function describe1(s: TestSim, arn: string): Promise<ServiceDeployment> {
  const out = await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  const sd = out.serviceDeployments?.[0]
  if (!sd) throw new Error(`no service deployment ${arn}`)
  return sd
}

interface Trace {
  stages: string[]
  production: number[]
  final: ServiceDeployment
}

/** Advances the clock until the service deployment ends (or `stop` says so), recording stages and weights seen. */
async function follow(
  s: TestSim,
  arn: string,
  stop: (sd: ServiceDeployment) => boolean = (sd) => TERMINAL.includes(sd.status ?? ''),
  stepMs = 1000,
): Promise<Trace> {
  const trace: Trace = { stages: [], production: [], final: {} }
  trace.final = await s.until(
    `service deployment ${arn} to end`,
    async () => {
      const sd = await describe1(s, arn)
      const stage = sd.lifecycleStage
      if (stage && stage !== trace.stages[trace.stages.length - 1]) trace.stages.push(stage)
      const weight = sd.targetServiceRevision?.requestedProductionTrafficWeight
      if (weight !== undefined && weight !== trace.production[trace.production.length - 1])
        trace.production.push(weight)
      return stop(sd) ? sd : undefined
    },
    { stepMs },
  )
  return trace
}

async function service(s: TestSim, name: string) {
  const out = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [name] }))
  return out.services?.[0] ?? {}
}

const awaiting = (sd: ServiceDeployment) => sd.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION')

describe('ECS-native deployments in the emulator', () => {
  it('BLUE_GREEN: every stage in order, production 0 → 100, blue cleaned up, SUCCESSFUL', async () => {
    const s = await start()
    const first = await update(s, 'bg', 2)
    expect(first.status).toBe('IN_PROGRESS')
    expect(first.sourceServiceRevisions?.length).toBe(1)
    const during = await service(s, 'bg')
    expect(during.currentServiceDeployment).toBe(first.serviceDeploymentArn)
    const trace = await follow(s, first.serviceDeploymentArn ?? '')
    expect(trace.stages).toEqual([
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
    expect(trace.production).toEqual([0, 100])
    expect(trace.final.status).toBe('SUCCESSFUL')
    expect(trace.final.deploymentCircuitBreaker).toEqual({
      status: 'MONITORING_COMPLETE',
      failureCount: 0,
      threshold: 3,
    })
    const after = await service(s, 'bg')
    expect(after.deployments?.map((d) => [d.status, d.taskDefinition?.split('/')[1], d.rolloutState])).toEqual([
      ['PRIMARY', 'web:2', 'COMPLETED'],
    ])
    const revisions = await s.ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [trace.final.targetServiceRevision?.arn ?? ''] }),
    )
    const green = revisions.serviceRevisions?.[0]
    expect(green?.taskDefinition).toMatch(/task-definition\/web:2$/)
    expect(green?.resolvedConfiguration?.loadBalancers?.[0]?.targetGroupArn).toMatch(/targetgroup\/bg-b\/8$/)
  })

  it('LINEAR: waits on its PAUSE hook, continues, invokes the Lambda hook with ECS’s event, shifts 25 % at a time', async () => {
    const s = await start()
    const sd = await update(s, 'search', 2)
    const paused = await follow(s, sd.serviceDeploymentArn ?? '', (d) => awaiting(d) !== undefined)
    expect(paused.final.lifecycleStage).toBe('POST_SCALE_UP')
    const hook = awaiting(paused.final)
    expect(hook?.hookId).toMatch(/^ecs-pause-[A-Za-z0-9_-]{43}$/)
    expect(hook?.targetType).toBe('PAUSE')
    expect(hook?.timeoutAction).toBe('ROLLBACK')
    s.advance(10 * 60_000)
    expect((await describe1(s, sd.serviceDeploymentArn ?? '')).lifecycleStage).toBe('POST_SCALE_UP')
    await s.ecs.send(
      new ContinueServiceDeploymentCommand({ serviceDeploymentArn: sd.serviceDeploymentArn, hookId: hook?.hookId }),
    )
    const trace = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(trace.final.status).toBe('SUCCESSFUL')
    expect(trace.production).toEqual([0, 25, 50, 75, 100])
    const invocations = await s.invocations()
    const validate = invocations.filter((i) => i.function === 'validate-green')
    expect(validate).toHaveLength(1)
    expect(validate[0].payload).toMatchObject({
      lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
      resourceArn: sd.serviceDeploymentArn,
      executionDetails: {
        serviceArn: expect.stringContaining(':service/prod/search'),
        targetServiceRevisionArn: sd.targetServiceRevision?.arn,
        testTrafficWeights: {},
        productionTrafficWeights: {},
      },
    })
    const details = trace.final.lifecycleHookDetails ?? []
    expect(details.map((h) => [h.targetType, h.status])).toEqual([
      ['PAUSE', 'SUCCEEDED'],
      ['AWS_LAMBDA', 'SUCCEEDED'],
    ])
    await expect(
      s.ecs.send(
        new ContinueServiceDeploymentCommand({ serviceDeploymentArn: sd.serviceDeploymentArn, hookId: hook?.hookId }),
      ),
    ).rejects.toThrow('Continuing a service deployment is not allowed for service deployment in terminal states.')
  })

  it('CANARY: 10 % then 100 %; an IN_PROGRESS hook is invoked again after its callBackDelay with its hookDetails', async () => {
    const s = await start()
    const sd = await update(s, 'canary', 2)
    const trace = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(trace.final.status).toBe('SUCCESSFUL')
    expect(trace.production).toEqual([0, 10, 100])
    const calls = (await s.invocations()).filter((i) => i.function === 'slow-check')
    expect(calls).toHaveLength(6)
    expect(calls.slice(0, 3).map((c) => c.at - calls[0].at)).toEqual([0, 12, 24])
    expect(calls[1].payload.hookDetails).toEqual({ invocation: 1 })
    expect(calls[2].payload.hookDetails).toEqual({ invocation: 2 })
    expect(calls[3].payload.hookDetails).toBeUndefined()
    const weights = calls.map(
      (c) => (c.payload.executionDetails as Record<string, Record<string, number>>).productionTrafficWeights,
    )
    expect(weights[0][sd.targetServiceRevision?.arn ?? '']).toBe(10)
    expect(weights[3][sd.targetServiceRevision?.arn ?? '']).toBe(100)
  })

  it('a crashing green trips the circuit breaker during SCALE_UP and rolls back to blue', async () => {
    const s = await start()
    const sd = await update(s, 'bg', 3)
    const trace = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(trace.final.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(trace.final.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 })
    expect(trace.final.rollback?.reason).toBe(
      'Service deployment rolled back because the circuit breaker threshold was exceeded.',
    )
    expect(trace.final.rollback?.serviceRevisionArn).toBe(sd.sourceServiceRevisions?.[0]?.arn)
    expect(trace.stages).not.toContain('TEST_TRAFFIC_SHIFT')
    const after = await service(s, 'bg')
    expect(after.deployments?.map((d) => [d.status, d.taskDefinition?.split('/')[1]])).toEqual([['PRIMARY', 'web:1']])
    expect(after.events?.map((e) => e.message).join('\n')).toContain(
      'deployment failed: Service deployment rolled back because the circuit breaker threshold was exceeded.',
    )
  })

  it('a Lambda hook that returns FAILED rolls back after traffic moved, running the traffic-shift hooks again', async () => {
    const s = await start()
    const hooks: DeploymentConfiguration = {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        {
          hookTargetArn: LAMBDA('smoke-fails'),
          roleArn: 'arn:aws:iam::123456789012:role/h',
          lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT'],
        },
        {
          hookTargetArn: LAMBDA('validate-green'),
          roleArn: 'arn:aws:iam::123456789012:role/h',
          lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'],
        },
      ],
    }
    const sd = await update(s, 'bg', 2, hooks)
    const trace = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(trace.final.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(trace.final.rollback?.reason).toBe(
      'Service deployment rolled back because POST_PRODUCTION_TRAFFIC_SHIFT lifecycle hook(s) failed. ' +
        'Lifecycle hook target smoke-fails returned FAILED status.',
    )
    expect(trace.production).toEqual([0, 100, 0])
    const shifts = (await s.invocations()).filter((i) => i.function === 'validate-green')
    const green = sd.targetServiceRevision?.arn ?? ''
    expect(
      shifts.map(
        (c) => (c.payload.executionDetails as Record<string, Record<string, number>>).productionTrafficWeights[green],
      ),
    ).toEqual([100, 0])
    expect((await service(s, 'bg')).taskDefinition).toMatch(/web:1$/)
  })

  it('ContinueServiceDeployment with ROLLBACK and StopServiceDeployment roll back; hook ids are checked', async () => {
    const s = await start()
    const sd = await update(s, 'search', 2)
    const paused = await follow(s, sd.serviceDeploymentArn ?? '', (d) => awaiting(d) !== undefined)
    await expect(
      s.ecs.send(
        new ContinueServiceDeploymentCommand({ serviceDeploymentArn: sd.serviceDeploymentArn, hookId: 'nope' }),
      ),
    ).rejects.toThrow('Invalid hookId: hookId must follow the format: ecs-{hookType}-{id}')
    await s.ecs.send(
      new ContinueServiceDeploymentCommand({
        serviceDeploymentArn: sd.serviceDeploymentArn,
        hookId: awaiting(paused.final)?.hookId,
        action: 'ROLLBACK',
      }),
    )
    expect((await describe1(s, sd.serviceDeploymentArn ?? '')).status).toBe('ROLLBACK_REQUESTED')
    const rolled = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(rolled.final.status).toBe('ROLLBACK_SUCCESSFUL')

    const second = await update(s, 'bg', 2)
    await follow(s, second.serviceDeploymentArn ?? '', (d) => d.lifecycleStage === 'TEST_TRAFFIC_SHIFT')
    await s.ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: second.serviceDeploymentArn, stopType: 'ROLLBACK' }),
    )
    const stopped = await follow(s, second.serviceDeploymentArn ?? '')
    expect(stopped.final.status).toBe('ROLLBACK_SUCCESSFUL')
    await expect(
      s.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: second.serviceDeploymentArn })),
    ).rejects.toThrow(/not allowed/)
  })

  it.each([
    ['ROLLBACK', 'ROLLBACK_SUCCESSFUL'],
    ['CONTINUE', 'SUCCESSFUL'],
  ] as const)('a PAUSE hook that times out with action %s ends %s', async (action, status) => {
    const s = await start()
    const sd = await update(s, 'bg', 2, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          timeoutConfiguration: { timeoutInMinutes: 5, action },
        },
      ],
    })
    const trace = await follow(s, sd.serviceDeploymentArn ?? '', undefined, 10_000)
    expect(trace.final.status).toBe(status)
    expect(trace.final.lifecycleHookDetails?.[0]?.status).toBe('TIMED_OUT')
    if (action === 'ROLLBACK') {
      expect(trace.final.rollback?.reason).toBe(
        'Service deployment rolled back because POST_TEST_TRAFFIC_SHIFT pause hook timed out.',
      )
    }
  })

  it('an UpdateService during a deployment stops it; the new one starts by reconciling the service', async () => {
    const s = await start()
    const first = await update(s, 'search', 2)
    await follow(s, first.serviceDeploymentArn ?? '', (d) => awaiting(d) !== undefined)
    const second = await update(s, 'search', 1, { strategy: 'LINEAR', bakeTimeInMinutes: 0, lifecycleHooks: [] })
    expect(second.serviceDeploymentArn).not.toBe(first.serviceDeploymentArn)
    expect((await describe1(s, first.serviceDeploymentArn ?? '')).status).toBe('STOP_REQUESTED')
    const trace = await follow(s, second.serviceDeploymentArn ?? '')
    expect(trace.stages[0]).toBe('RECONCILE_SERVICE')
    expect(trace.final.status).toBe('SUCCESSFUL')
    expect((await describe1(s, first.serviceDeploymentArn ?? '')).status).toBe('STOPPED')
    const list = await s.ecs.send(
      new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'search', status: ['STOPPED'] }),
    )
    expect(list.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([first.serviceDeploymentArn])
  })

  it('refuses a non-rolling strategy without advancedConfiguration, and a PAUSE hook at a traffic shift', async () => {
    const s = await start()
    await expect(
      s.ecs.send(
        new UpdateServiceCommand({
          cluster: 'prod',
          service: 'bg',
          loadBalancers: [
            {
              targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/1',
              containerName: 'web',
              containerPort: 8080,
            },
          ],
        }),
      ),
    ).rejects.toThrow(
      'advancedConfiguration field is required for all loadBalancers when using a non-ROLLING deployment strategy',
    )
    await expect(
      update(s, 'bg', 2, {
        strategy: 'BLUE_GREEN',
        lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['TEST_TRAFFIC_SHIFT'] }],
      }),
    ).rejects.toThrow('Invalid lifecycle stage provided for Pause Hook')
    const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'bg' }))
    expect(list.serviceDeployments?.map((d) => d.status)).toEqual(['SUCCESSFUL'])
  })
})

describe('service deployments of a rolling service', () => {
  it('succeed, or roll back when the circuit breaker trips, with its failure count and threshold', async () => {
    const s = await start()
    const good = await update(s, 'worker', 2)
    expect(good.lifecycleStage).toBeUndefined()
    const done = await follow(s, good.serviceDeploymentArn ?? '')
    expect(done.final.status).toBe('SUCCESSFUL')
    expect(done.final.deploymentCircuitBreaker).toEqual({
      status: 'MONITORING_COMPLETE',
      failureCount: 0,
      threshold: 3,
    })
    const bad = await update(s, 'worker', 3)
    const rolled = await follow(s, bad.serviceDeploymentArn ?? '')
    expect(rolled.final.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(rolled.final.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 })
    expect(rolled.final.rollback?.serviceRevisionArn).toBe(done.final.targetServiceRevision?.arn)
    expect((await service(s, 'worker')).taskDefinition).toMatch(/web:2$/)
  })

  it('StopServiceDeployment with ROLLBACK puts a rolling service back on the revision that last completed', async () => {
    const s = await start()
    const sd = await update(s, 'worker', 2)
    await s.ecs.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: sd.serviceDeploymentArn, stopType: 'ROLLBACK' }),
    )
    const trace = await follow(s, sd.serviceDeploymentArn ?? '')
    expect(trace.final.status).toBe('ROLLBACK_SUCCESSFUL')
    expect((await service(s, 'worker')).deployments?.map((d) => d.taskDefinition?.split('/')[1])).toEqual(['web:1'])
  })
})
