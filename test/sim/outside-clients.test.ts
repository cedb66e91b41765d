import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ListTasksCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import {
  fargateTaskDefinition,
  REGISTRY,
  startTestSim,
  TARGET_GROUP,
  webServiceScenario,
  type TestSim,
} from '../helpers/sim.js'
import { itWith, python } from '../helpers/outside.js'

// A second, independent client (the Python aws CLI and boto3) must read every response of the emulator.

const run = promisify(execFile)

let sim: TestSim
let env: NodeJS.ProcessEnv

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', sim.url, '--output', 'json'], {
    env,
    timeout: 60_000,
  })
  return JSON.parse(stdout) as Record<string, unknown>
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-outside-'))
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
  sim = await startTestSim(
    webServiceScenario({
      timing: { deregistrationDelaySeconds: 20 },
      images: [
        { tag: 'v1' },
        { tag: 'v2' },
        { tag: 'broken', behavior: { crash: { exitCode: 3, afterSeconds: 5, logs: ['fatal: no config'] } } },
      ],
      service: {
        desiredCount: 2,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
        loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }],
      },
    }),
  )
  // Give the responses some history: a rolled-back deployment, stopped tasks with exit codes, log lines.
  await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${REGISTRY}/web:broken`)))
  await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }))
  sim.advance(45_000)
}, 120_000)

afterAll(async () => sim?.close())

const withAws = itWith('aws')
const withBoto3 = itWith('boto3')

describe('the Python aws CLI and boto3 read the emulator', () => {
  withAws('aws ecs describe-services', async () => {
    const out = await aws('ecs', 'describe-services', '--cluster', 'prod', '--services', 'web', 'ghost')
    const service = (out.services as Record<string, unknown>[])[0]
    expect(service).toMatchObject({ serviceName: 'web', status: 'ACTIVE', desiredCount: 2 })
    expect((service.deployments as Record<string, unknown>[]).map((d) => d.rolloutState)).toEqual([
      'IN_PROGRESS',
      'FAILED',
    ])
    // CLI v1 prints timestamps as epoch seconds, v2 as ISO 8601.
    expect(String((service.events as Record<string, unknown>[])[0].createdAt)).toMatch(/^(20\d\d-\d\d-\d\dT|\d{10})/)
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/ghost', reason: 'MISSING' }])
  })

  withAws('aws ecs list-task-definitions (paginated by the CLI)', async () => {
    const out = await aws('ecs', 'list-task-definitions', '--page-size', '1')
    expect(out.taskDefinitionArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
    ])
  })

  withAws('aws ecr describe-images', async () => {
    const out = await aws('ecr', 'describe-images', '--repository-name', 'web', '--image-ids', 'imageTag=v2')
    const detail = (out.imageDetails as Record<string, unknown>[])[0]
    expect(detail).toMatchObject({ repositoryName: 'web', imageTags: ['v2'], registryId: '123456789012' })
    expect(String(detail.imageDigest)).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  withAws('aws ecs describe-tasks and an error through the CLI', async () => {
    const stopped = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', desiredStatus: 'STOPPED' }))
    const out = await aws('ecs', 'describe-tasks', '--cluster', 'prod', '--tasks', stopped.taskArns![0])
    expect((out.tasks as Record<string, unknown>[])[0]).toMatchObject({
      stopCode: 'EssentialContainerExited',
      lastStatus: 'STOPPED',
    })
    const failed = await aws(
      'ecs',
      'update-service',
      '--cluster',
      'prod',
      '--service',
      'ghost',
      '--desired-count',
      '1',
    ).catch((error: { stderr: string; code: number }) => error)
    expect([254, 255]).toContain((failed as { code: number }).code)
    expect((failed as { stderr: string }).stderr).toContain(
      'An error occurred (ServiceNotFoundException) when calling the UpdateService operation: Service not found.',
    )
  })

  withBoto3('boto3 parses ECS, ECR and CloudWatch Logs responses', async () => {
    const script = `
import json, sys, boto3
url = sys.argv[1]
kw = dict(endpoint_url=url, region_name='us-east-1', aws_access_key_id='x', aws_secret_access_key='x')
ecs, ecr, logs = boto3.client('ecs', **kw), boto3.client('ecr', **kw), boto3.client('logs', **kw)
svc = ecs.describe_services(cluster='prod', services=['web'])['services'][0]
arns = [a for p in ecs.get_paginator('list_task_definitions').paginate(PaginationConfig={'PageSize': 1}) for a in p['taskDefinitionArns']]
td = ecs.describe_task_definition(taskDefinition='web:2', include=['TAGS'])['taskDefinition']
tasks = ecs.list_tasks(cluster='prod', desiredStatus='STOPPED')['taskArns']
task = ecs.describe_tasks(cluster='prod', tasks=tasks[:1])['tasks'][0]
images = ecr.describe_images(repositoryName='web')['imageDetails']
repos = ecr.describe_repositories()['repositories']
manifest = ecr.batch_get_image(repositoryName='web', imageIds=[{'imageTag': 'v1'}])['images'][0]['imageManifest']
events = logs.filter_log_events(logGroupName='/ecs/web', filterPattern='fatal')['events']
try:
    ecs.describe_task_definition(taskDefinition='nope')
    error = None
except ecs.exceptions.ClientException as e:
    error = e.response['Error']
print(json.dumps({
  'deployments': [(d['status'], d['rolloutState'], d['createdAt'].isoformat()) for d in svc['deployments']],
  'events': len(svc['events']),
  'arns': arns,
  'registeredAt': td['registeredAt'].isoformat(),
  'stopCode': task['stopCode'], 'exitCode': task['containers'][0]['exitCode'],
  'images': sorted(t for i in images for t in i.get('imageTags', [])),
  'pushedAt': images[0]['imagePushedAt'].isoformat(),
  'repos': [r['repositoryName'] for r in repos],
  'manifest': json.loads(manifest)['schemaVersion'],
  'logs': [e['message'] for e in events][:1],
  'error': error,
}))
`
    const file = join(mkdtempSync(join(tmpdir(), 'berth-boto3-')), 'check.py')
    writeFileSync(file, script)
    const { stdout } = await run(python ?? 'python3', [file, sim.url], { env, timeout: 60_000 })
    const out = JSON.parse(stdout) as Record<string, unknown>
    expect(out).toMatchObject({
      arns: [
        'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
        'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
      ],
      stopCode: 'EssentialContainerExited',
      exitCode: 3,
      images: ['broken', 'v1', 'v2'],
      repos: ['web'],
      manifest: 2,
      logs: ['fatal: no config'],
      error: { Code: 'ClientException', Message: 'Unable to describe task definition.' },
    })
    expect((out.deployments as string[][]).map((d) => d.slice(0, 2))).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'FAILED'],
    ])
  })
})
