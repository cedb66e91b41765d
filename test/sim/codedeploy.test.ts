import { afterEach, describe, expect, it } from '@jest/globals'
import {
  BatchGetDeploymentTargetsCommand,
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  ListDeploymentTargetsCommand,
  PutLifecycleEventHookExecutionStatusCommand,
  StopDeploymentCommand,
  type CodeDeployClient,
  type DeploymentInfo,
  type ECSTarget,
} from '@aws-sdk/client-codedeploy'
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs'
import { startTestSim, type TestSim } from '../helpers/sim.js'
import {
  appSpec,
  CODEDEPLOY_FIXTURE,
  codeDeployClient,
  createDeployment,
  deploymentInput,
  DONE,
  getDeployment,
  getTarget,
  taskDefinitionArn,
} from '../helpers/codedeploy.js'

const WEB_TARGET = 'prod:web'
const PLAIN_TARGET = 'prod:plain'
const V2 = taskDefinitionArn('web', 2)
const CRASHING = taskDefinitionArn('web', 3)

let sim: TestSim | undefined
let client: CodeDeployClient | undefined

async function start(): Promise<{ sim: TestSim; cd: CodeDeployClient }> {
  sim = await startTestSim(CODEDEPLOY_FIXTURE)
  client = codeDeployClient(sim.url)
  return { sim, cd: client }
}

afterEach(async () => {
  client?.destroy()
  await sim?.close()
  sim = undefined
  client = undefined
})

/** Advances the clock until the deployment ends, recording each distinct green traffic weight seen on the way. */
async function runToEnd(
  s: TestSim,
  cd: CodeDeployClient,
  id: string,
  targetId: string,
  stepMs = 5000,
): Promise<{ info: DeploymentInfo; weights: number[]; target: ECSTarget }> {
  const weights: number[] = []
  const info = await s.until(
    `deployment ${id} to end`,
    async () => {
      const deployment = await getDeployment(cd, id)
      if (deployment.status !== 'Created') {
        const target = await getTarget(cd, id, targetId)
        const weight = target.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')?.trafficWeight
        if (weight !== undefined && weight !== weights[weights.length - 1]) weights.push(weight)
      }
      return DONE.includes(deployment.status ?? '') ? deployment : undefined
    },
    { stepMs },
  )
  return { info, weights, target: await getTarget(cd, id, targetId) }
}

function eventStatuses(target: ECSTarget): string[] {
  return (target.lifecycleEvents ?? []).map((e) => `${e.lifecycleEventName}:${e.status}`)
}

async function describeWeb(s: TestSim, name = 'web') {
  const { services } = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [name] }))
  const service = services?.[0]
  if (!service) throw new Error(`service ${name} not found`)
  return service
}

describe('CodeDeploy blue/green on the emulator', () => {
  it('runs an all-at-once deployment through every lifecycle event, the termination wait and onto the new task set', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(
      cd,
      deploymentInput('web-dg', appSpec(V2, { AfterAllowTestTraffic: 'validate-green' })),
    )
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/)
    expect((await getDeployment(cd, id)).status).toBe('Created')

    const shifted = await s.until('traffic to shift', async () => {
      const d = await getDeployment(cd, id)
      if (d.status === 'Created') return undefined
      const target = await getTarget(cd, id, WEB_TARGET)
      return target.status === 'Succeeded' ? { d, target } : undefined
    })
    // The target has succeeded but the deployment waits out the termination wait with both task sets up.
    expect(shifted.d.status).toBe('InProgress')
    expect(shifted.d.deploymentOverview).toBeUndefined()
    expect(
      shifted.target.taskSetsInfo?.map((t) => [t.taskSetLabel, t.status, t.trafficWeight, t.targetGroup?.name]),
    ).toEqual([
      ['Blue', 'ACTIVE', 0, 'web-blue'],
      ['Green', 'PRIMARY', 100, 'web-green'],
    ])
    const during = await describeWeb(s)
    expect(during.taskDefinition).toBe(V2)
    expect(during.taskSets?.map((t) => [t.status, t.taskDefinition, t.scale?.value])).toEqual([
      ['PRIMARY', V2, 100],
      ['ACTIVE', taskDefinitionArn('web', 1), 100],
    ])
    expect(during.taskSets?.[0].externalId).toBe(id)

    const { info, target } = await runToEnd(s, cd, id, WEB_TARGET)
    expect(info.status).toBe('Succeeded')
    expect(info.creator).toBe('user')
    expect(info.deploymentOverview).toEqual({
      Pending: 0,
      InProgress: 0,
      Succeeded: 1,
      Failed: 0,
      Skipped: 0,
      Ready: 0,
    })
    expect((info.completeTime?.getTime() ?? 0) - (info.createTime?.getTime() ?? 0)).toBeGreaterThanOrEqual(5 * 60_000)
    expect(eventStatuses(target)).toEqual([
      'BeforeInstall:Succeeded',
      'Install:Succeeded',
      'AfterInstall:Succeeded',
      'AllowTestTraffic:Succeeded',
      'AfterAllowTestTraffic:Succeeded',
      'BeforeAllowTraffic:Succeeded',
      'AllowTraffic:Succeeded',
      'AfterAllowTraffic:Succeeded',
    ])
    const events = target.lifecycleEvents ?? []
    for (let i = 1; i < events.length; i++) {
      expect(events[i].startTime?.getTime()).toBeGreaterThanOrEqual(events[i - 1].endTime?.getTime() ?? Infinity)
    }
    expect(target.taskSetsInfo?.find((t) => t.taskSetLabel === 'Blue')?.status).toBe('DRAINING')

    const invocations = await s.invocations()
    expect(invocations).toEqual([
      {
        at: expect.any(Number),
        function: 'validate-green',
        payload: { DeploymentId: id, LifecycleEventHookExecutionId: expect.any(String) },
      },
    ])

    // The original task set drains (deregistration delay), then leaves the service.
    await s.until('blue task set to go', async () => ((await describeWeb(s)).taskSets?.length === 1 ? true : undefined))
    const after = await describeWeb(s)
    expect(after.taskSets?.map((t) => [t.status, t.taskDefinition])).toEqual([['PRIMARY', V2]])
    expect(after.runningCount).toBe(2)
  })

  it('moves traffic 10% then 100% for a canary, and by 10% a minute for a linear config', async () => {
    const { sim: s, cd } = await start()
    const canary = await createDeployment(
      cd,
      deploymentInput('plain-dg', appSpec(V2), {
        deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      }),
    )
    const first = await runToEnd(s, cd, canary, PLAIN_TARGET)
    expect(first.info.status).toBe('Succeeded')
    expect(first.weights).toEqual([0, 10, 100])
    const canaryEvents = first.target.lifecycleEvents ?? []
    expect(canaryEvents.map((e) => e.lifecycleEventName)).toEqual([
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ])
    const allow = canaryEvents.find((e) => e.lifecycleEventName === 'AllowTraffic')
    expect((allow?.endTime?.getTime() ?? 0) - (allow?.startTime?.getTime() ?? 0)).toBe(5 * 60_000)

    const linear = await createDeployment(
      cd,
      deploymentInput('plain-dg', appSpec(taskDefinitionArn('web', 1)), {
        deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      }),
    )
    const second = await runToEnd(s, cd, linear, PLAIN_TARGET)
    expect(second.info.status).toBe('Succeeded')
    expect(second.weights).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    // The second deployment's replacement uses the target group the first one left idle.
    expect(second.target.taskSetsInfo?.map((t) => [t.taskSetLabel, t.targetGroup?.name])).toEqual([
      ['Blue', 'plain-green'],
      ['Green', 'plain-blue'],
    ])
  })

  it('creates custom configs and rejects a name that exists', async () => {
    const { cd } = await start()
    await cd.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'berth-canary-25-2m',
        computePlatform: 'ECS',
        trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 2 } },
      }),
    )
    const { deploymentConfigInfo } = await cd.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'berth-canary-25-2m' }),
    )
    expect(deploymentConfigInfo?.trafficRoutingConfig).toEqual({
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: 25, canaryInterval: 2 },
    })
    await expect(
      cd.send(
        new CreateDeploymentConfigCommand({
          deploymentConfigName: 'berth-canary-25-2m',
          computePlatform: 'ECS',
          trafficRoutingConfig: { type: 'AllAtOnce' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'DeploymentConfigAlreadyExistsException' })
    const predefined = await cd.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent15Minutes' }),
    )
    expect(predefined.deploymentConfigInfo?.computePlatform).toBe('ECS')
  })

  it('describes the deployment group as GetDeploymentGroup does', async () => {
    const { cd } = await start()
    const { deploymentGroupInfo: info } = await cd.send(
      new GetDeploymentGroupCommand({ applicationName: 'web-app', deploymentGroupName: 'web-dg' }),
    )
    expect(info?.ecsServices).toEqual([{ serviceName: 'web', clusterName: 'prod' }])
    expect(info?.loadBalancerInfo?.targetGroupPairInfoList?.[0].targetGroups).toEqual([
      { name: 'web-blue' },
      { name: 'web-green' },
    ])
    expect(info?.loadBalancerInfo?.targetGroupPairInfoList?.[0].testTrafficRoute?.listenerArns).toHaveLength(1)
    expect(info?.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess).toEqual({
      action: 'TERMINATE',
      terminationWaitTimeInMinutes: 5,
    })
    expect(info?.autoRollbackConfiguration).toEqual({ enabled: true, events: ['DEPLOYMENT_FAILURE'] })
    expect(info?.deploymentConfigName).toBe('CodeDeployDefault.ECSAllAtOnce')
  })

  it('fails on a failing AfterAllowTestTraffic hook and rolls back with a new deployment', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(
      cd,
      deploymentInput('web-dg', appSpec(V2, { AfterAllowTestTraffic: 'smoke-fails' })),
    )
    const { info, target } = await runToEnd(s, cd, id, WEB_TARGET)
    expect(info.status).toBe('Failed')
    expect(info.errorInformation?.code).toBe('HOOK_EXECUTION_FAILURE')
    expect(info.errorInformation?.message).toContain('AfterAllowTestTraffic')
    expect(info.errorInformation?.message).toContain('smoke-fails')
    expect(eventStatuses(target)).toEqual([
      'BeforeInstall:Succeeded',
      'Install:Succeeded',
      'AfterInstall:Succeeded',
      'AllowTestTraffic:Succeeded',
      'AfterAllowTestTraffic:Failed',
      'BeforeAllowTraffic:Skipped',
      'AllowTraffic:Skipped',
      'AfterAllowTraffic:Skipped',
    ])
    expect(target.lifecycleEvents?.[4].diagnostics?.errorCode).toBe('UnknownError')
    const rollbackId = info.rollbackInfo?.rollbackDeploymentId ?? ''
    expect(rollbackId).toMatch(/^d-/)
    expect(info.rollbackInfo?.rollbackMessage).toBe(
      `Deployment ${id} terminated. Automatic rollback is triggered with a DeploymentId ${rollbackId}.`,
    )

    const rollback = await runToEnd(s, cd, rollbackId, WEB_TARGET)
    expect(rollback.info).toMatchObject({
      status: 'Succeeded',
      creator: 'codeDeployRollback',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      rollbackInfo: {
        rollbackTriggeringDeploymentId: id,
        rollbackMessage: `Deployment ${rollbackId} is triggered to roll back deployment ${id}.`,
      },
    })
    const service = await describeWeb(s)
    expect(service.taskDefinition).toBe(taskDefinitionArn('web', 1))
    expect(service.taskSets?.[0]).toMatchObject({ status: 'PRIMARY', taskDefinition: taskDefinitionArn('web', 1) })
    expect(service.taskSets?.slice(1).map((t) => t.status)).toEqual(['DRAINING'])

    const { deployments } = await cd.send(
      new ListDeploymentsCommand({
        applicationName: 'web-app',
        deploymentGroupName: 'web-dg',
        includeOnlyStatuses: ['Failed'],
      }),
    )
    expect(deployments).toEqual([id])
  })

  it('keeps Install waiting while replacement tasks crash, fails it after an hour, and restores the original', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(cd, deploymentInput('web-dg', appSpec(CRASHING)))
    s.advance(30 * 60_000)
    const waiting = await getTarget(cd, id, WEB_TARGET)
    expect(eventStatuses(waiting).slice(0, 2)).toEqual(['BeforeInstall:Succeeded', 'Install:InProgress'])
    const { taskArns } = await s.ecs.send(
      new ListTasksCommand({ cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED' }),
    )
    const { tasks } = await s.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: taskArns ?? [] }))
    const crashed = (tasks ?? []).filter((task) => task.taskDefinitionArn === CRASHING)
    expect(crashed.length).toBeGreaterThan(3)
    expect(crashed[0]).toMatchObject({ stopCode: 'EssentialContainerExited' })
    expect(crashed[0].containers?.[0].exitCode).toBe(3)

    const { info, target } = await runToEnd(s, cd, id, WEB_TARGET, 60_000)
    expect(info.status).toBe('Failed')
    expect(info.errorInformation).toEqual({
      code: 'ECS_UPDATE_ERROR',
      message:
        'The deployment timed out while waiting for the replacement task set to become healthy. ' +
        'This time out period is 60 minutes.',
    })
    expect(eventStatuses(target).slice(0, 3)).toEqual([
      'BeforeInstall:Succeeded',
      'Install:Failed',
      'AfterInstall:Skipped',
    ])
    await runToEnd(s, cd, info.rollbackInfo?.rollbackDeploymentId ?? '', WEB_TARGET)
    expect((await describeWeb(s)).taskDefinition).toBe(taskDefinitionArn('web', 1))
  })

  it('waits for an external hook, takes its answer once, and refuses a second one', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(
      cd,
      deploymentInput('plain-dg', appSpec(V2, { BeforeAllowTraffic: 'manual-check' })),
    )
    const invocation = await s.until('the hook to be invoked', async () =>
      (await s.invocations()).find((i) => i.function === 'manual-check'),
    )
    expect(invocation.payload.DeploymentId).toBe(id)
    s.advance(10 * 60_000)
    expect((await getDeployment(cd, id)).status).toBe('InProgress')
    const executionId = String(invocation.payload.LifecycleEventHookExecutionId)
    const put = (status: 'Succeeded' | 'Failed') =>
      cd.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: id,
          lifecycleEventHookExecutionId: executionId,
          status,
        }),
      )
    expect((await put('Succeeded')).lifecycleEventHookExecutionId).toBe(executionId)
    await expect(put('Failed')).rejects.toMatchObject({ name: 'LifecycleEventAlreadyCompletedException' })
    await expect(
      cd.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: id,
          lifecycleEventHookExecutionId: 'nope',
          status: 'Succeeded',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidLifecycleEventHookExecutionIdException' })
    const { info } = await runToEnd(s, cd, id, PLAIN_TARGET)
    expect(info.status).toBe('Succeeded')
  })

  it('fails an unanswered hook after one hour', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(cd, deploymentInput('plain-dg', appSpec(V2, { AfterInstall: 'manual-check' })))
    const { info, target } = await runToEnd(s, cd, id, PLAIN_TARGET, 60_000)
    expect(info.status).toBe('Failed')
    expect(info.errorInformation?.code).toBe('HOOK_EXECUTION_FAILURE')
    expect(info.rollbackInfo).toBeUndefined()
    const hooked = target.lifecycleEvents?.find((e) => e.lifecycleEventName === 'AfterInstall')
    expect(hooked?.status).toBe('Failed')
    expect((hooked?.endTime?.getTime() ?? 0) - (hooked?.startTime?.getTime() ?? 0)).toBe(60 * 60_000)
    // Without a rollback, a replacement that never took production traffic is removed.
    expect(target.taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')?.status).toBe('DRAINING')
  })

  it('fails a hook whose function is not in the scenario', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(
      cd,
      deploymentInput('plain-dg', appSpec(V2, { BeforeInstall: 'no-such-function' })),
    )
    const { info, target } = await runToEnd(s, cd, id, PLAIN_TARGET)
    expect(info.status).toBe('Failed')
    expect(target.lifecycleEvents?.[0].diagnostics?.message).toContain('Function not found')
    expect(await s.invocations()).toEqual([])
  })

  it('refuses a second deployment while the group is busy', async () => {
    const { cd } = await start()
    const id = await createDeployment(cd, deploymentInput('web-dg', appSpec(V2)))
    await expect(createDeployment(cd, deploymentInput('web-dg', appSpec(V2)))).rejects.toMatchObject({
      name: 'DeploymentLimitExceededException',
      message: `The Deployment Group 'web-dg' already has an active Deployment '${id}'`,
    })
  })

  it('stops a deployment with and without a rollback', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(cd, deploymentInput('web-dg', appSpec(V2)))
    await s.until('traffic to shift', async () => {
      const d = await getDeployment(cd, id)
      return d.status === 'InProgress' && (await getTarget(cd, id, WEB_TARGET)).status === 'Succeeded'
    })
    const answer = await cd.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }))
    expect(answer.status).toBe('Pending')
    // Asynchronous, as in CodeDeploy: still InProgress (the group busy) at the answer, Stopped a little later.
    expect((await getDeployment(cd, id)).status).toBe('InProgress')
    expect((await cd.send(new StopDeploymentCommand({ deploymentId: id }))).status).toBe('Pending')
    const stopped = await s.until(
      'the stop',
      async () => {
        const d = await getDeployment(cd, id)
        return d.status === 'Stopped' && d
      },
      { stepMs: 500, maxMs: 10_000 },
    )
    expect(stopped.errorInformation?.code).toBe('MANUAL_STOP')
    const rollbackId = stopped.rollbackInfo?.rollbackDeploymentId ?? ''
    await runToEnd(s, cd, rollbackId, WEB_TARGET)
    expect((await describeWeb(s)).taskDefinition).toBe(taskDefinitionArn('web', 1))
    await expect(cd.send(new StopDeploymentCommand({ deploymentId: id }))).rejects.toMatchObject({
      name: 'DeploymentAlreadyCompletedException',
    })

    const plain = await createDeployment(cd, deploymentInput('plain-dg', appSpec(V2)))
    s.advance(3000)
    await cd.send(new StopDeploymentCommand({ deploymentId: plain, autoRollbackEnabled: false }))
    await expect(createDeployment(cd, deploymentInput('plain-dg', appSpec(V2)))).rejects.toMatchObject({
      name: 'DeploymentLimitExceededException',
    })
    s.advance(2000)
    const info = await getDeployment(cd, plain)
    expect(info.status).toBe('Stopped')
    expect(info.rollbackInfo).toBeUndefined()
    expect(await createDeployment(cd, deploymentInput('plain-dg', appSpec(V2)))).toMatch(/^d-/)
  })

  it('skips the termination wait on ContinueDeployment TERMINATION_WAIT', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(cd, deploymentInput('web-dg', appSpec(V2)))
    await expect(
      cd.send(new ContinueDeploymentCommand({ deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' })),
    ).rejects.toMatchObject({
      name: 'DeploymentIsNotInReadyStateException',
    })
    await s.until('traffic to shift', async () => {
      const d = await getDeployment(cd, id)
      return d.status === 'InProgress' && (await getTarget(cd, id, WEB_TARGET)).status === 'Succeeded'
    })
    await cd.send(new ContinueDeploymentCommand({ deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' }))
    expect((await getDeployment(cd, id)).status).toBe('Succeeded')
  })

  it('lists targets and answers BatchGetDeploymentTargets; rejects bad input with the real exceptions', async () => {
    const { sim: s, cd } = await start()
    const id = await createDeployment(cd, deploymentInput('web-dg', appSpec(V2)))
    await expect(cd.send(new ListDeploymentTargetsCommand({ deploymentId: id }))).rejects.toMatchObject({
      name: 'DeploymentNotStartedException',
    })
    s.advance(3000)
    expect((await cd.send(new ListDeploymentTargetsCommand({ deploymentId: id }))).targetIds).toEqual([WEB_TARGET])
    const batch = await cd.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [WEB_TARGET] }))
    expect(batch.deploymentTargets?.[0].deploymentTargetType).toBe('ECSTarget')
    await expect(getDeployment(cd, 'd-NOTTHERE1')).rejects.toMatchObject({ name: 'DeploymentDoesNotExistException' })

    const content = appSpec(V2)
    await expect(
      createDeployment(
        cd,
        deploymentInput('plain-dg', content, {
          revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256: '0'.repeat(64) } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidRevisionException' })
    await expect(createDeployment(cd, deploymentInput('plain-dg', appSpec('web:2')))).rejects.toMatchObject({
      name: 'InvalidRevisionException',
    })
    await expect(
      createDeployment(cd, { ...deploymentInput('plain-dg', content), deploymentGroupName: 'nope' }),
    ).rejects.toMatchObject({
      name: 'DeploymentGroupDoesNotExistException',
    })
    await expect(
      createDeployment(cd, deploymentInput('plain-dg', content, { deploymentConfigName: 'CodeDeployDefault.Nope' })),
    ).rejects.toMatchObject({ name: 'DeploymentConfigDoesNotExistException' })
  })

  it('accepts a JSON AppSpec and fails Install when its container port is not the service one', async () => {
    const { sim: s, cd } = await start()
    const content = JSON.stringify({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: V2, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 9090 } },
          },
        },
      ],
    })
    const id = await createDeployment(cd, deploymentInput('plain-dg', content))
    const { info } = await runToEnd(s, cd, id, PLAIN_TARGET)
    expect(info.status).toBe('Failed')
    expect(info.errorInformation?.code).toBe('ECS_UPDATE_ERROR')
    expect(info.errorInformation?.message).toContain('container port 9090')
    const { taskArns } = await s.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'plain' }))
    expect(taskArns).toHaveLength(1)
  })

  it("deploys the demo scenario's blue/green service", async () => {
    sim = await startTestSim('workflows-examples/sim/demo.yaml')
    client = codeDeployClient(sim.url)
    const content = appSpec(taskDefinitionArn('api', 1), { AfterAllowTestTraffic: 'validate-green' }, 'api', 80)
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'api-app',
        deploymentGroupName: 'api-dg',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
      }),
    )
    const { info, weights } = await runToEnd(sim, client, deploymentId ?? '', 'demo:api')
    expect(info.status).toBe('Succeeded')
    expect(weights).toEqual([0, 10, 100])
  })
})
