import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { startSim, type Sim } from '../../src/sim/main.js'
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
import { itWith } from '../helpers/outside.js'

const run = promisify(execFile)

let closeables: { close(): Promise<void> }[] = []
let clients: CodeDeployClient[] = []

afterEach(async () => {
  for (const c of clients) c.destroy()
  for (const c of closeables) await c.close()
  closeables = []
  clients = []
})

describe('CodeDeploy on a fast real-time clock', () => {
  it('runs the predefined ECSCanary10Percent15Minutes in seconds at --speed 600', async () => {
    const sim: Sim = await startSim({ scenario: CODEDEPLOY_FIXTURE, speed: 600 })
    closeables.push(sim)
    const cd = codeDeployClient(sim.url, 3)
    clients.push(cd)
    const id = await createDeployment(
      cd,
      deploymentInput('plain-dg', appSpec(taskDefinitionArn('web', 2)), {
        deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent15Minutes',
      }),
    )
    const weights: number[] = []
    let status = ''
    while (!DONE.includes(status)) {
      const info = await getDeployment(cd, id)
      status = info.status ?? ''
      if (info.status !== 'Created') {
        const green = (await getTarget(cd, id, 'prod:plain')).taskSetsInfo?.find((t) => t.taskSetLabel === 'Green')
        if (green?.trafficWeight !== undefined && green.trafficWeight !== weights[weights.length - 1])
          weights.push(green.trafficWeight)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const info = await getDeployment(cd, id)
    expect(info.status).toBe('Succeeded')
    expect(weights).toEqual([0, 10, 100])
    const emulatedSeconds = ((info.completeTime?.getTime() ?? 0) - (info.createTime?.getTime() ?? 0)) / 1000
    expect(emulatedSeconds).toBeGreaterThan(15 * 60)
  })
})

describe('the Python aws CLI against the CodeDeploy emulator', () => {
  const cli = async (sim: TestSim, args: string[]): Promise<Record<string, unknown>> => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    }
    const { stdout } = await run('aws', [...args, '--endpoint-url', sim.url, '--output', 'json'], { env })
    return JSON.parse(stdout) as Record<string, unknown>
  }

  itWith('aws')('parses get-deployment, list-deployment-targets and get-deployment-target', async () => {
    const sim = await startTestSim(CODEDEPLOY_FIXTURE)
    closeables.push(sim)
    const cd = codeDeployClient(sim.url)
    clients.push(cd)
    const id = await createDeployment(
      cd,
      deploymentInput('web-dg', appSpec(taskDefinitionArn('web', 2), { AfterAllowTestTraffic: 'smoke-fails' })),
    )
    await sim.until('the deployment to fail', async () => DONE.includes((await getDeployment(cd, id)).status ?? ''))

    const deployment = (await cli(sim, ['deploy', 'get-deployment', '--deployment-id', id])).deploymentInfo as Record<
      string,
      unknown
    >
    expect(deployment).toMatchObject({
      deploymentId: id,
      status: 'Failed',
      computePlatform: 'ECS',
      errorInformation: { code: 'HOOK_EXECUTION_FAILURE' },
    })
    // CLI v1 prints timestamps as epoch numbers, v2 as ISO strings: either way botocore parsed them.
    expect(['number', 'string']).toContain(typeof deployment.createTime)

    const targets = await cli(sim, ['deploy', 'list-deployment-targets', '--deployment-id', id])
    expect(targets.targetIds).toEqual(['prod:web'])

    const target = (
      await cli(sim, ['deploy', 'get-deployment-target', '--deployment-id', id, '--target-id', 'prod:web'])
    ).deploymentTarget as {
      deploymentTargetType: string
      ecsTarget: { lifecycleEvents: { status: string }[]; taskSetsInfo: unknown[] }
    }
    expect(target.deploymentTargetType).toBe('ECSTarget')
    expect(target.ecsTarget.lifecycleEvents.map((e) => e.status)).toContain('Failed')
    expect(target.ecsTarget.taskSetsInfo[0]).toMatchObject({
      identifer: expect.stringMatching(/^ecs-svc\/\d+$/),
      taskSetLabel: 'Blue',
    })
  })
})
