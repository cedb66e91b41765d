import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type RunTaskCommandInput,
  type Task,
} from '@aws-sdk/client-ecs'
import { FilterLogEventsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { fargateTaskDefinition, REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

let sim: TestSim

beforeAll(async () => {
  sim = await startTestSim({
    ecr: {
      repositories: [
        {
          name: 'app',
          images: [
            { tag: 'healthy', behavior: { healthy: { startSeconds: 30, logs: ['ready on :8080'] } } },
            {
              tag: 'crash',
              behavior: { crash: { exitCode: 3, afterSeconds: 5, logs: ['Error: DATABASE_URL is not set'] } },
            },
            { tag: 'crash-default', behavior: 'crash' },
            { tag: 'oom', behavior: { oom: { afterSeconds: 20 } } },
            { tag: 'secrets', behavior: 'secrets-error' },
            { tag: 'unhealthy', behavior: 'unhealthy' },
            {
              tag: 'migrate',
              behavior: { exit: { code: 0, afterSeconds: 30, logs: ['migrating', '2 applied', 'done'] } },
            },
            {
              tag: 'migrate-fails',
              behavior: { exit: { code: 3, afterSeconds: 10, logs: ['error: relation exists'] } },
            },
          ],
        },
      ],
    },
    clusters: [{ name: 'jobs' }],
  })
})
afterAll(async () => sim.close())

/** Registers a one-container task definition for app:<tag>, runs one task, and waits until `until` holds. */
async function runImage(tag: string, until: (t: Task) => boolean, extra: Record<string, unknown> = {}): Promise<Task> {
  const family = `app-${tag}`
  await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${REGISTRY}/app:${tag}`, extra)))
  const run = await sim.ecs.send(
    new RunTaskCommand({
      cluster: 'jobs',
      taskDefinition: family,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    }),
  )
  const arn = run.tasks![0].taskArn!
  return sim.until(
    `task of ${tag}`,
    async () => {
      const task = (await sim.ecs.send(new DescribeTasksCommand({ cluster: 'jobs', tasks: [arn] }))).tasks![0]
      return until(task) ? task : undefined
    },
    { stepMs: 1000 },
  )
}

const stopped = (t: Task): boolean => t.lastStatus === 'STOPPED'

async function logLines(family: string, task: Task): Promise<string[]> {
  const id = task.taskArn!.split('/').pop()
  const out = await sim.logs.send(
    new GetLogEventsCommand({ logGroupName: `/ecs/${family}`, logStreamName: `ecs/web/${id}`, startFromHead: true }),
  )
  return out.events!.map((e) => e.message!)
}

describe('image behaviours', () => {
  it('healthy: RUNNING after startSeconds, with its log lines', async () => {
    const task = await runImage('healthy', (t) => t.lastStatus === 'RUNNING')
    expect(task.startedAt!.getTime() - task.createdAt!.getTime()).toBe(30_000)
    expect(task.containers![0]).toMatchObject({ lastStatus: 'RUNNING' })
    expect(task.containers![0].exitCode).toBeUndefined()
    expect(await logLines('app-healthy', task)).toEqual(['ready on :8080'])
  })

  it('crash: the essential container exits with its code and the task stops', async () => {
    const task = await runImage('crash', stopped)
    expect(task).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      desiredStatus: 'STOPPED',
    })
    expect(task.containers![0]).toMatchObject({ exitCode: 3, lastStatus: 'STOPPED' })
    expect(task.stoppingAt!.getTime() - task.startedAt!.getTime()).toBe(5000)
    const lines = await logLines('app-crash', task)
    expect(lines[lines.length - 1]).toBe('Error: DATABASE_URL is not set')
  })

  it('crash without details: exit code 1 and a last log line explaining the exit', async () => {
    const task = await runImage('crash-default', stopped)
    expect(task.containers![0].exitCode).toBe(1)
    const lines = await logLines('app-crash-default', task)
    expect(lines[lines.length - 1]).toBe('Process exited with code 1')
  })

  it('oom: exit code 137 and OutOfMemoryError', async () => {
    const task = await runImage('oom', stopped)
    expect(task).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    })
    expect(task.containers![0]).toMatchObject({
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    })
  })

  it('secrets-error: never starts, ResourceInitializationError', async () => {
    const task = await runImage('secrets', stopped, {
      containerDefinitions: [
        {
          ...fargateTaskDefinition('x', `${REGISTRY}/app:secrets`).containerDefinitions[0],
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
          ],
        },
      ],
    })
    expect(task.stopCode).toBe('TaskFailedToStart')
    expect(task.stoppedReason).toMatch(
      /^ResourceInitializationError: unable to pull secrets or registry auth: .*arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf/,
    )
    expect(task.startedAt).toBeUndefined()
  })

  it('image missing from ECR: CannotPullContainerError', async () => {
    const task = await runImage('v404', stopped)
    const reason = `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ${REGISTRY}/app:v404: not found`
    expect(task).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: reason })
    expect(task.containers![0]).toMatchObject({ lastStatus: 'STOPPED', reason })
    expect(task.containers![0].exitCode).toBeUndefined()
  })

  it('unhealthy with a container health check: healthStatus UNHEALTHY', async () => {
    const base = fargateTaskDefinition('x', `${REGISTRY}/app:unhealthy`).containerDefinitions[0]
    const task = await runImage('unhealthy', (t) => t.healthStatus === 'UNHEALTHY', {
      containerDefinitions: [
        { ...base, healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'] } },
      ],
    })
    expect(task.containers![0].healthStatus).toBe('UNHEALTHY')
    expect(task.lastStatus).toBe('RUNNING')
  })

  it('FilterLogEvents finds lines across task streams, with patterns', async () => {
    const all = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/app-crash', filterPattern: 'DATABASE_URL' }),
    )
    expect(all.events).toHaveLength(1)
    expect(all.events![0]).toMatchObject({ message: 'Error: DATABASE_URL is not set' })
    expect(all.events![0].logStreamName).toMatch(/^ecs\/web\/[0-9a-f]{32}$/)
    expect(typeof all.events![0].timestamp).toBe('number')
  })

  it('exit: the job writes its lines while it runs, then its essential container exits with its code', async () => {
    const running = await runImage('migrate', (t) => t.lastStatus === 'RUNNING')
    expect(await logLines('app-migrate', running)).toEqual(['migrating'])
    const task = await runImage('migrate', stopped)
    expect(task).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    })
    expect(task.containers![0]).toMatchObject({ exitCode: 0, lastStatus: 'STOPPED' })
    expect(task.executionStoppedAt!.getTime() - task.startedAt!.getTime()).toBe(30_000)
    expect(await logLines('app-migrate', task)).toEqual(['migrating', '2 applied', 'done'])
  })

  it('exit with a non-zero code: that exit code', async () => {
    const task = await runImage('migrate-fails', stopped)
    expect(task.containers![0].exitCode).toBe(3)
    expect(await logLines('app-migrate-fails', task)).toEqual(['error: relation exists'])
  })
})

describe('RunTask validation, as ECS says it', () => {
  const family = 'app-healthy'
  const send = (input: Partial<RunTaskCommandInput>) =>
    sim.ecs.send(new RunTaskCommand({ cluster: 'jobs', taskDefinition: family, ...input })).then(
      () => 'accepted',
      (error: Error) => `${error.name}: ${error.message}`,
    )
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } }

  beforeAll(async () => {
    await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${REGISTRY}/app:healthy`)))
  })

  it('awsvpc needs a network configuration with subnets', async () => {
    expect(await send({ launchType: 'FARGATE' })).toBe(
      "InvalidParameterException: Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    )
    expect(await send({ launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [] } } })).toBe(
      'InvalidParameterException: subnets can not be empty.',
    )
  })

  it('a launch type and a capacity provider strategy are exclusive', async () => {
    const strategy = [{ capacityProvider: 'FARGATE', weight: 1 }]
    expect(
      await send({ launchType: 'FARGATE', capacityProviderStrategy: strategy, networkConfiguration: network }),
    ).toBe(
      'InvalidParameterException: Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    )
    expect(await send({ capacityProviderStrategy: strategy, networkConfiguration: network })).toBe('accepted')
  })

  it('a container override must name a container of the task definition', async () => {
    const overrides = { containerOverrides: [{ name: 'worker', command: ['migrate'] }] }
    expect(await send({ launchType: 'FARGATE', networkConfiguration: network, overrides })).toBe(
      'InvalidParameterException: Override for container named worker is not a container in the TaskDefinition.',
    )
  })
})
