import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { startTestSim, type TestSim } from '../helpers/sim.js'
import { itWithAwsEcs } from '../helpers/outside.js'

// The Python aws CLI (botocore's own model and parser) reads and drives the emulator's service deployments: a
// LINEAR deployment of prod/search that waits on its PAUSE hook after scale-up, continued with the CLI.

const run = promisify(execFile)
const ACCOUNT_ARN = 'arn:aws:ecs:us-east-1:123456789012'

let sim: TestSim
let env: NodeJS.ProcessEnv

type Json = Record<string, unknown>

async function aws(...args: string[]): Promise<Json> {
  const { stdout } = await run('aws', ['ecs', ...args, '--endpoint-url', sim.url, '--output', 'json'], {
    env,
    timeout: 60_000,
  })
  return JSON.parse(stdout) as Json
}

const list = (value: unknown) => value as Json[]

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-outside-native-'))
  env = {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  }
  for (const key of ['PYENV_ROOT', 'PYENV_VERSION', 'PYTHONPATH']) if (process.env[key]) env[key] = process.env[key]
  sim = await startTestSim('test/fixtures/sim/native.yaml')
  await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
  // The emulator's clock moves only here: up to the PAUSE hook, where the deployment waits for an answer.
  await sim.until('the PAUSE hook of prod/search to await action', async () => {
    const out = await sim.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [await arn()] }))
    return out.serviceDeployments?.[0]?.lifecycleHookDetails?.some((hook) => hook.status === 'AWAITING_ACTION')
  })
}, 120_000)

afterAll(async () => sim?.close())

async function arn(): Promise<string> {
  const out = await sim.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'search' }))
  return out.serviceDeployments?.[0]?.serviceDeploymentArn ?? ''
}

const withAws = itWithAwsEcs([
  'list-service-deployments',
  'describe-service-deployments',
  'describe-service-revisions',
  'continue-service-deployment',
])

describe('the Python aws CLI and a paused ECS-native deployment in the emulator', () => {
  withAws(
    'lists, describes, shows the revisions, continues the PAUSE hook, and gets the documented error after',
    async () => {
      const listed = await aws(
        'list-service-deployments',
        '--cluster',
        'prod',
        '--service',
        'search',
        '--status',
        'IN_PROGRESS',
      )
      const brief = list(listed.serviceDeployments)
      expect(brief).toHaveLength(1)
      expect(brief[0]).toMatchObject({
        serviceArn: `${ACCOUNT_ARN}:service/prod/search`,
        clusterArn: `${ACCOUNT_ARN}:cluster/prod`,
        status: 'IN_PROGRESS',
      })
      const deploymentArn = String(brief[0].serviceDeploymentArn)
      expect(deploymentArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/prod\/search\/[\w-]{21}$/)
      expect(String(brief[0].targetServiceRevisionArn)).toMatch(/:service-revision\/prod\/search\/\d{19}$/)
      // CLI v1 prints timestamps as epoch seconds, v2 as ISO 8601.
      expect(String(brief[0].createdAt)).toMatch(/^(20\d\d-\d\d-\d\dT|\d{10})/)

      const described = await aws('describe-service-deployments', '--service-deployment-arns', deploymentArn)
      expect(described.failures).toEqual([])
      const paused = list(described.serviceDeployments)[0]
      expect(paused).toMatchObject({
        serviceDeploymentArn: deploymentArn,
        status: 'IN_PROGRESS',
        lifecycleStage: 'POST_SCALE_UP',
        deploymentConfiguration: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 25 } },
        targetServiceRevision: { arn: brief[0].targetServiceRevisionArn, requestedProductionTrafficWeight: 0 },
      })
      const hooks = list(paused.lifecycleHookDetails)
      expect(hooks).toHaveLength(1)
      expect(hooks[0]).toMatchObject({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' })
      expect(hooks[0]).not.toHaveProperty('targetArn')
      const hookId = String(hooks[0].hookId)
      expect(hookId).toMatch(/^ecs-pause-[A-Za-z0-9_-]{43}$/)

      const blue = String((list(paused.sourceServiceRevisions)[0] ?? {}).arn)
      const green = String((paused.targetServiceRevision as Json).arn)
      const revisions = await aws('describe-service-revisions', '--service-revision-arns', green, blue)
      expect(list(revisions.serviceRevisions).map((r) => [r.serviceRevisionArn, r.taskDefinition])).toEqual([
        [green, `${ACCOUNT_ARN}:task-definition/web:2`],
        [blue, `${ACCOUNT_ARN}:task-definition/web:1`],
      ])
      expect(list(revisions.serviceRevisions)[0]).toMatchObject({
        serviceArn: `${ACCOUNT_ARN}:service/prod/search`,
        clusterArn: `${ACCOUNT_ARN}:cluster/prod`,
        launchType: 'FARGATE',
      })

      const continued = await aws(
        'continue-service-deployment',
        '--service-deployment-arn',
        deploymentArn,
        '--hook-id',
        hookId,
      )
      expect(continued).toEqual({ serviceDeploymentArn: deploymentArn })
      sim.advance(60_000)
      const after = list(
        (await aws('describe-service-deployments', '--service-deployment-arns', deploymentArn)).serviceDeployments,
      )[0]
      expect(list(after.lifecycleHookDetails)[0]).toMatchObject({ hookId, status: 'SUCCEEDED' })
      expect(after.lifecycleStage).not.toBe('POST_SCALE_UP')

      const again = await aws(
        'continue-service-deployment',
        '--service-deployment-arn',
        deploymentArn,
        '--hook-id',
        hookId,
        '--action',
        'CONTINUE',
      ).catch((error: { stderr: string; code: number }) => error)
      expect([254, 255]).toContain((again as { code: number }).code)
      expect((again as { stderr: string }).stderr).toContain(
        'An error occurred (InvalidParameterException) when calling the ContinueServiceDeployment operation: ' +
          'Provided hookId is either completed, unavailable, or not associated with the given Resource ARN',
      )
    },
    120_000,
  )
})
