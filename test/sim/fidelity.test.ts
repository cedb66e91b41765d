import { afterEach, describe, expect, it } from '@jest/globals'
import { DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTagsForResourceCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Task,
} from '@aws-sdk/client-ecs'
import {
  ACCOUNT,
  fargateTaskDefinition,
  REGION,
  REGISTRY,
  startTestSim,
  TARGET_GROUP,
  webServiceScenario,
  type TestSim,
} from '../helpers/sim.js'

let sim: TestSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(options: { start?: number } = {}): Promise<TestSim> {
  sim = await startTestSim(
    webServiceScenario({
      timing: { deregistrationDelaySeconds: 60, stopSeconds: 5 },
      images: [{ tag: 'v1' }, { tag: 'late-crash', behavior: { crash: { exitCode: 2, afterSeconds: 20 } } }],
      service: { loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }] },
    }),
    options,
  )
  return sim
}

async function deploy(s: TestSim, tag: string): Promise<void> {
  await s.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${REGISTRY}/web:${tag}`)))
  await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web:2' }))
}

async function tasks(s: TestSim, desiredStatus: 'RUNNING' | 'STOPPED' | 'PENDING'): Promise<Task[]> {
  const { taskArns = [] } = await s.ecs.send(new ListTasksCommand({ cluster: 'prod', desiredStatus }))
  if (taskArns.length === 0) return []
  return (await s.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: taskArns }))).tasks ?? []
}

describe('task timestamps', () => {
  it('sets executionStoppedAt when the essential container exits, then stoppingAt, and stoppedAt after the drain', async () => {
    const s = await start()
    await deploy(s, 'late-crash')
    const crashed = await s.until(
      'a crashed task to stop',
      async () =>
        (await tasks(s, 'STOPPED')).find((t) => t.lastStatus === 'STOPPED' && t.containers?.[0].exitCode === 2),
      { stepMs: 1000 },
    )
    const ms = (date: Date | undefined): number => date!.getTime()
    expect(ms(crashed.executionStoppedAt) - ms(crashed.startedAt)).toBe(20_000)
    expect(ms(crashed.stoppingAt)).toBeGreaterThanOrEqual(ms(crashed.executionStoppedAt))
    // Deregistration delay (60 s), then STOPPING to STOPPED (5 s).
    expect(ms(crashed.stoppedAt) - ms(crashed.executionStoppedAt)).toBe(65_000)
  })
})

describe('ListTasks', () => {
  it('returns nothing for desiredStatus PENDING, as ECS documents, even while tasks are pending', async () => {
    const s = await start()
    await deploy(s, 'v1')
    s.advance(1000)
    const running = await tasks(s, 'RUNNING')
    expect(running.filter((t) => t.lastStatus !== 'RUNNING').length).toBeGreaterThan(0)
    expect(await tasks(s, 'PENDING')).toEqual([])
  })
})

describe('RegisterTaskDefinition refuses what ECS refuses', () => {
  const web = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const td = fargateTaskDefinition('web', `${REGISTRY}/web:v1`, extra)
    return { ...td, containerDefinitions: [{ ...td.containerDefinitions[0], ...container }] }
  }
  const check = (key: string, value: number) => web({ healthCheck: { command: ['CMD', 'true'], [key]: value } })

  it.each([
    [
      'an awsvpc host port other than the container port',
      web({ portMappings: [{ containerPort: 8080, hostPort: 80 }] }),
      'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    ],
    ['a health check interval under 5', check('interval', 4), "'interval' must be between 5 and 300, got 4"],
    ['a health check interval over 300', check('interval', 301), "'interval' must be between 5 and 300, got 301"],
    ['a health check timeout under 2', check('timeout', 1), "'timeout' must be between 2 and 120, got 1"],
    ['a health check timeout over 120', check('timeout', 121), "'timeout' must be between 2 and 120, got 121"],
    ['no health check retries', check('retries', 0), "'retries' must be between 1 and 10, got 0"],
    ['11 health check retries', check('retries', 11), "'retries' must be between 1 and 10, got 11"],
    ['a start period over 300', check('startPeriod', 301), "'startPeriod' must be between 0 and 300, got 301"],
    [
      'an unknown compatibility',
      web({}, { requiresCompatibilities: ['FARGATE', 'LAMBDA'] }),
      'Invalid requiresCompatibilities value: LAMBDA. Valid values are: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.',
    ],
    [
      'a port protocol other than tcp or udp',
      web({ portMappings: [{ containerPort: 8080, protocol: 'sctp' }] }),
      "Invalid 'protocol' setting for container 'web': sctp. Valid values are: tcp, udp.",
    ],
    [
      'a tag key in the aws: namespace',
      web({}, { tags: [{ key: 'AWS:owner', value: 'me' }] }),
      "Tag keys beginning with 'aws:' are reserved for AWS use: AWS:owner",
    ],
  ])('%s', async (_name, input, message) => {
    const s = await start()
    await expect(s.ecs.send(new RegisterTaskDefinitionCommand(input as never))).rejects.toMatchObject({
      name: 'ClientException',
      message: expect.stringContaining(message),
    })
  })

  it('accepts the bounds themselves and a matching awsvpc host port', async () => {
    const s = await start()
    const input = web({
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'udp' }],
      healthCheck: { command: ['CMD', 'true'], interval: 300, timeout: 120, retries: 10, startPeriod: 300 },
    })
    const out = await s.ecs.send(new RegisterTaskDefinitionCommand(input as never))
    expect(out.taskDefinition!.revision).toBe(2)
  })
})

describe('ARNs', () => {
  const other = (arn: string, region: string, account: string) =>
    arn.replace(`:${REGION}:`, `:${region}:`).replace(`:${ACCOUNT}:`, `:${account}:`)
  const elsewhere = [
    ['another region', 'eu-west-1', ACCOUNT],
    ['another account', REGION, '210987654321'],
  ] as const

  it('names an unknown service arn:aws:ecs:<region>:<account>:service/<name> in DescribeServices failures', async () => {
    const s = await start()
    const out = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['ghost'] }))
    expect(out.failures).toEqual([{ arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/ghost`, reason: 'MISSING' }])
  })

  it.each(elsewhere)('does not take an ARN of %s for the local resource', async (_name, region, account) => {
    const s = await start()
    const cluster = other(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`, region, account)
    const service = other(`arn:aws:ecs:${REGION}:${ACCOUNT}:service/prod/web`, region, account)
    const taskDefinition = other(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:1`, region, account)
    const [task] = await tasks(s, 'RUNNING')
    const taskArn = other(task.taskArn!, region, account)

    await expect(s.ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
    })
    const described = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
    expect([described.services, described.failures]).toEqual([[], [{ arn: service, reason: 'MISSING' }]])
    await expect(
      s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service, desiredCount: 1 })),
    ).rejects.toMatchObject({ name: 'ServiceNotFoundException' })
    await expect(s.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).rejects.toMatchObject({
      name: 'ClientException',
      message: 'Unable to describe task definition.',
    })
    const describedTasks = await s.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: [taskArn] }))
    expect([describedTasks.tasks, describedTasks.failures]).toEqual([[], [{ arn: taskArn, reason: 'MISSING' }]])
    await expect(s.ecs.send(new ListTagsForResourceCommand({ resourceArn: service }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    })
    const logGroup = other(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/web`, region, account)
    await expect(s.logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: logGroup }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    })
    // The same names in this region and account are found.
    const local = await s.ecs.send(
      new DescribeServicesCommand({ cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`, services: ['web'] }),
    )
    expect(local.services).toHaveLength(1)
    const localGroup = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/web`
    expect(
      (await s.logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: localGroup }))).logStreams,
    ).toBeDefined()
  })
})

describe('timestamps on the wire', () => {
  it('carry milliseconds at most, even when the clock has a fraction of a millisecond', async () => {
    const s = await start({ start: Date.UTC(2026, 0, 1, 9, 0, 0) + 0.123456 })
    await deploy(s, 'v1')
    s.advance(12_345.6789)
    const post = async (operation: string, body: object): Promise<string> => {
      const res = await fetch(`${s.url}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
        },
        body: JSON.stringify(body),
      })
      return res.text()
    }
    const texts = [
      await post('DescribeServices', { cluster: 'prod', services: ['web'] }),
      await post('DescribeTaskDefinition', { taskDefinition: 'web:2' }),
      await post('DescribeTasks', { cluster: 'prod', tasks: (await tasks(s, 'RUNNING')).map((t) => t.taskArn) }),
    ]
    const stamps = texts.flatMap((text) => [...text.matchAll(/"(\w+(?:At|Time))":(-?[\d.e+-]+)/g)])
    expect(stamps.length).toBeGreaterThan(10)
    for (const [, key, value] of stamps) expect(`${key}=${value}`).toMatch(/=\d+(\.\d{1,3})?$/)
  })
})
