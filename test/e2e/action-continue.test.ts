/**
 * The Action bundle (`node dist/index.js`) with `continue: true`, as a job gated by an environment approval runs
 * it: it answers the PAUSE hook prod/search's LINEAR deployment waits on in the emulator, and sets its outputs.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { outputsOf, runBundle, runnerEnv } from '../helpers/bundles.js'
import { startTestSim, type TestSim } from '../helpers/sim.js'

const ACTION = 'dist/index.js'

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

function aws(url: string): Record<string, string> {
  return { AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' }
}

async function latest(s: TestSim): Promise<ServiceDeployment> {
  const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'search' }))
  const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn
  if (!arn) return {}
  const out = await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  return out.serviceDeployments?.[0] ?? {}
}

const awaiting = (sd: ServiceDeployment) => sd.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION')

describe('the Action with continue: true', () => {
  it('continues the paused deployment and sets status, service-deployment-arn and hook-id', async () => {
    const s = (sim = await startTestSim('test/fixtures/sim/native.yaml'))
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
    const paused = await s.until('the PAUSE hook', async () => {
      const sd = await latest(s)
      return awaiting(sd) ? sd : undefined
    })
    const hookId = awaiting(paused)?.hookId ?? ''
    const { env, files } = runnerEnv({ continue: 'true', cluster: 'prod', service: 'search' }, aws(s.url))
    const outcome = await runBundle(ACTION, [], env)
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toContain(
      `continued PAUSE hook ${hookId} at POST_SCALE_UP of service deployment ${paused.serviceDeploymentArn}`,
    )
    expect(outputsOf(files.output)).toEqual({
      status: 'continued',
      'service-deployment-arn': paused.serviceDeploymentArn,
      'hook-id': hookId,
    })
    expect((await latest(s)).lifecycleHookDetails?.[0]?.status).toBe('SUCCEEDED')
  })

  it('nothing waiting: exit 2 with an error annotation that says so, status error', async () => {
    const s = (sim = await startTestSim('test/fixtures/sim/native.yaml'))
    const { env, files } = runnerEnv(
      { continue: 'true', cluster: 'prod', service: 'search', rollback: 'true' },
      aws(s.url),
    )
    const outcome = await runBundle(ACTION, [], env)
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toContain(
      '::error::nothing waits for an answer in service search (cluster prod): it has no service deployment in progress.',
    )
    expect(outputsOf(files.output)).toEqual({ status: 'error' })
  })
})
