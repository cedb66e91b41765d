import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSServiceException,
  ListClustersCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  paginateListTaskDefinitions,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { fargateTaskDefinition, REGISTRY, startTestSim, TARGET_GROUP, type TestSim } from '../helpers/sim.js'

let sim: TestSim

beforeAll(async () => {
  sim = await startTestSim({
    ecr: { repositories: [{ name: 'web', images: [{ tag: 'v1' }, { tag: 'v2' }] }] },
    images: { 'public.ecr.aws/nginx/nginx:1.27': 'healthy' },
    taskDefinitions: [
      fargateTaskDefinition('web', `${REGISTRY}/web:v1`),
      {
        family: 'api',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          { name: 'api', image: 'public.ecr.aws/nginx/nginx:1.27', portMappings: [{ containerPort: 80 }] },
        ],
      },
    ],
    clusters: [
      {
        name: 'prod',
        services: [
          {
            name: 'web',
            taskDefinition: 'web:1',
            desiredCount: 2,
            loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 }],
            tags: [{ key: 'team', value: 'edge' }],
          },
          { name: 'api', taskDefinition: 'api:1', desiredCount: 2, deploymentController: 'CODE_DEPLOY' },
        ],
      },
    ],
  })
})
afterAll(async () => sim.close())

/** Runs `send` and returns the error it throws, for asserting its name, message and HTTP status. */
async function failure(send: () => Promise<unknown>): Promise<ECSServiceException> {
  try {
    await send()
  } catch (error) {
    return error as ECSServiceException
  }
  throw new Error('expected the call to fail')
}

describe('task definitions', () => {
  it('registers with describe-only fields filled and cpu/memory stored as integer strings', async () => {
    const out = await sim.ecs.send(
      new RegisterTaskDefinitionCommand({
        ...fargateTaskDefinition('shop', `${REGISTRY}/web:v1`),
        cpu: '1 vCPU',
        memory: '2GB',
        tags: [{ key: 'app', value: 'shop' }],
      }),
    )
    const td = out.taskDefinition!
    expect(td).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:1',
      family: 'shop',
      revision: 1,
      status: 'ACTIVE',
      cpu: '1024',
      memory: '2048',
      compatibilities: ['EC2', 'FARGATE'],
      registeredBy: 'arn:aws:iam::123456789012:root',
    })
    expect(td.registeredAt).toBeInstanceOf(Date)
    expect(td.requiresAttributes!.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'ecs.capability.task-eni',
        'com.amazonaws.ecs.capability.logging-driver.awslogs',
        'ecs.capability.execution-role-ecr-pull',
      ]),
    )
    expect(td.containerDefinitions![0]).toMatchObject({
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    })
    expect(out.tags).toEqual([{ key: 'app', value: 'shop' }])

    const second = await sim.ecs.send(
      new RegisterTaskDefinitionCommand(fargateTaskDefinition('shop', `${REGISTRY}/web:v2`)),
    )
    expect(second.taskDefinition!.revision).toBe(2)
  })

  it('rejects what ECS rejects, with ClientException and its messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { cpu: '256', memory: '4096' },
        'No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.',
      ],
      [{ cpu: 'lots' }, "Invalid 'cpu' setting for task."],
      [{ cpu: undefined }, "Fargate requires that 'cpu' be defined at the task level."],
      [{ networkMode: 'bridge' }, "Fargate only supports network mode 'awsvpc'."],
      [
        { executionRoleArn: undefined },
        'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
      ],
      [{ containerDefinitions: [] }, 'Container list cannot be empty.'],
      [{ containerDefinitions: [{ name: 'web', image: '' }] }, 'Container.image should not be null or empty.'],
    ]
    for (const [change, message] of cases) {
      const error = await failure(() =>
        sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('bad', `${REGISTRY}/web:v1`, change))),
      )
      expect({
        name: error.name,
        message: error.message,
        status: error.$metadata.httpStatusCode,
        fault: error.$fault,
      }).toEqual({
        name: 'ClientException',
        message,
        status: 400,
        fault: 'client',
      })
    }
    const ec2 = await failure(() =>
      sim.ecs.send(
        new RegisterTaskDefinitionCommand({ family: 'ec2', containerDefinitions: [{ name: 'app', image: 'busybox' }] }),
      ),
    )
    expect(ec2.message).toBe(
      "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
    )
  })

  it('describes by family, family:revision and ARN; unknown is ClientException', async () => {
    const latest = await sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web', include: ['TAGS'] }))
    expect(latest.taskDefinition!.revision).toBe(1)
    expect(latest.tags).toEqual([])
    const byArn = await sim.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: latest.taskDefinition!.taskDefinitionArn }),
    )
    expect(byArn.taskDefinition!.family).toBe('web')
    expect(byArn.tags).toBeUndefined()
    const error = await failure(() => sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:3' })))
    expect([error.name, error.message]).toEqual(['ClientException', 'Unable to describe task definition.'])
  })

  it('pages over 250 task definitions returning each once, and deregisters', async () => {
    for (let i = 0; i < 250; i++) {
      await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('many', `${REGISTRY}/web:v1`)))
    }
    const seen: string[] = []
    let pages = 0
    for await (const page of paginateListTaskDefinitions({ client: sim.ecs }, { familyPrefix: 'many' })) {
      pages++
      seen.push(...(page.taskDefinitionArns ?? []))
    }
    expect(pages).toBe(3)
    expect(seen).toHaveLength(250)
    expect(new Set(seen).size).toBe(250)
    expect(seen[0]).toMatch(/task-definition\/many:1$/)
    const small = await sim.ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: 'many', maxResults: 7, sort: 'DESC' }),
    )
    expect(small.taskDefinitionArns).toHaveLength(7)
    expect(small.taskDefinitionArns![0]).toMatch(/many:250$/)
    expect(small.nextToken).toEqual(expect.any(String))

    const gone = await sim.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'many:250' }))
    expect(gone.taskDefinition).toMatchObject({ status: 'INACTIVE' })
    expect(gone.taskDefinition!.deregisteredAt).toBeInstanceOf(Date)
    const inactive = await sim.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'many', status: 'INACTIVE' }))
    expect(inactive.taskDefinitionArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/many:250'])
    const latest = await sim.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'many' }))
    expect(latest.taskDefinition!.revision).toBe(249)

    const families = await sim.ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'ma' }))
    expect(families.families).toEqual(['many'])
    const bad = await failure(() => sim.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 500 })))
    expect(bad.name).toBe('InvalidParameterException')
  })
})

describe('clusters and services', () => {
  it('describes and lists clusters; unknown ones are MISSING failures', async () => {
    await sim.ecs.send(new CreateClusterCommand({ clusterName: 'staging' }))
    const out = await sim.ecs.send(new DescribeClustersCommand({ clusters: ['prod', 'nope'] }))
    expect(out.clusters![0]).toMatchObject({
      clusterName: 'prod',
      status: 'ACTIVE',
      activeServicesCount: 2,
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
    })
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }])
    const list = await sim.ecs.send(new ListClustersCommand({}))
    expect(list.clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/staging')
  })

  it('reports unknown services as MISSING failures, without an exception', async () => {
    const out = await sim.ecs.send(
      new DescribeServicesCommand({ cluster: 'prod', services: ['web', 'ghost'], include: ['TAGS'] }),
    )
    expect(out.services!.map((s) => s.serviceName)).toEqual(['web'])
    expect(out.services![0].tags).toEqual([{ key: 'team', value: 'edge' }])
    expect(out.services![0].serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/prod/web')
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/ghost', reason: 'MISSING' }])
  })

  it('answers the ECS error codes', async () => {
    const noCluster = await failure(() =>
      sim.ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })),
    )
    expect([noCluster.name, noCluster.message]).toEqual(['ClusterNotFoundException', 'Cluster not found.'])
    const noService = await failure(() =>
      sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'ghost', desiredCount: 1 })),
    )
    expect([noService.name, noService.message]).toEqual(['ServiceNotFoundException', 'Service not found.'])
    const codeDeploy = await failure(() =>
      sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'api', taskDefinition: 'api:1' })),
    )
    expect([codeDeploy.name, codeDeploy.message, codeDeploy.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterException',
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      400,
    ])
    const twice = await failure(() =>
      sim.ecs.send(
        new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 }),
      ),
    )
    expect([twice.name, twice.message]).toEqual([
      'InvalidParameterException',
      'Creation of service was not idempotent.',
    ])
    const noNetwork = await failure(() =>
      sim.ecs.send(
        new CreateServiceCommand({
          cluster: 'prod',
          serviceName: 'new',
          taskDefinition: 'web:1',
          desiredCount: 1,
          launchType: 'FARGATE',
        }),
      ),
    )
    expect(noNetwork.message).toBe("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
  })

  it('shows CODE_DEPLOY services as task sets and still scales them', async () => {
    const out = await sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'api', desiredCount: 3 }))
    expect(out.service!.deploymentController).toEqual({ type: 'CODE_DEPLOY' })
    expect(out.service!.deployments).toEqual([])
    expect(out.service!.taskSets![0]).toMatchObject({ status: 'PRIMARY', scale: { value: 100, unit: 'PERCENT' } })
    expect(out.service!.taskSets![0].taskSetArn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:task-set\/prod\/api\/ecs-svc\/\d{19}$/,
    )
    const scaled = await sim.until('api to scale', async () => {
      const s = (await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] }))).services![0]
      return s.runningCount === 3 ? s : undefined
    })
    expect(scaled.taskSets![0]).toMatchObject({
      computedDesiredCount: 3,
      runningCount: 3,
      stabilityStatus: 'STEADY_STATE',
    })
  })

  it('creates, lists, deletes services; a deleted service is not ACTIVE', async () => {
    await sim.ecs.send(
      new CreateServiceCommand({
        cluster: 'prod',
        serviceName: 'batch',
        taskDefinition: 'web',
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      }),
    )
    const first = await sim.ecs.send(new ListServicesCommand({ cluster: 'prod', maxResults: 2 }))
    expect(first.serviceArns).toHaveLength(2)
    const rest = await sim.ecs.send(new ListServicesCommand({ cluster: 'prod', nextToken: first.nextToken }))
    expect([...first.serviceArns!, ...rest.serviceArns!].map((a) => a.split('/').pop())).toEqual([
      'web',
      'api',
      'batch',
    ])
    const refused = await failure(() => sim.ecs.send(new DeleteServiceCommand({ cluster: 'prod', service: 'batch' })))
    expect(refused.message).toBe('The service cannot be stopped while it is scaled above 0.')
    const deleted = await sim.ecs.send(new DeleteServiceCommand({ cluster: 'prod', service: 'batch', force: true }))
    expect(deleted.service!.status).toBe('DRAINING')
    const notActive = await failure(() =>
      sim.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'batch', desiredCount: 1 })),
    )
    expect([notActive.name, notActive.message]).toEqual(['ServiceNotActiveException', 'Service was not ACTIVE.'])
    await sim.until('batch to be INACTIVE', async () => {
      const s = (await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['batch'] }))).services![0]
      return s.status === 'INACTIVE'
    })
  })
})

describe('tasks', () => {
  it('lists, describes and stops service tasks; the scheduler replaces a stopped task', async () => {
    const listed = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'web' }))
    expect(listed.taskArns).toHaveLength(2)
    const page = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'web', maxResults: 1 }))
    expect(page.taskArns).toHaveLength(1)
    expect(page.nextToken).toBeDefined()
    const id = listed.taskArns![0].split('/').pop()!
    const described = await sim.ecs.send(
      new DescribeTasksCommand({ cluster: 'prod', tasks: [id, 'ffffffffffffffffffffffffffffffff'] }),
    )
    expect(described.tasks![0]).toMatchObject({
      lastStatus: 'RUNNING',
      launchType: 'FARGATE',
      group: 'service:web',
      cpu: '256',
      memory: '512',
    })
    expect(described.tasks![0].containers![0]).toMatchObject({
      name: 'web',
      image: `${REGISTRY}/web:v1`,
      lastStatus: 'RUNNING',
    })
    expect(described.tasks![0].containers![0].imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(described.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/ffffffffffffffffffffffffffffffff', reason: 'MISSING' },
    ])

    const stopped = await sim.ecs.send(
      new StopTaskCommand({ cluster: 'prod', task: listed.taskArns![0], reason: 'testing' }),
    )
    expect(stopped.task).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'testing',
    })
    const replaced = await sim.until('a replacement task', async () => {
      const now = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'web' }))
      return now.taskArns!.length === 2 && !now.taskArns!.includes(listed.taskArns![0]) ? now : undefined
    })
    expect(replaced.taskArns).toHaveLength(2)
    const missing = await failure(() =>
      sim.ecs.send(new StopTaskCommand({ cluster: 'prod', task: 'ffffffffffffffffffffffffffffffff' })),
    )
    expect([missing.name, missing.message]).toEqual(['InvalidParameterException', 'The referenced task was not found.'])
  })

  it('runs standalone tasks through PROVISIONING, PENDING and RUNNING', async () => {
    const run = await sim.ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'api',
        count: 2,
        launchType: 'FARGATE',
        startedBy: 'migrations',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
        tags: [{ key: 'job', value: 'migrate' }],
      }),
    )
    expect(run.tasks!.map((t) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING'])
    expect(run.failures).toEqual([])
    const arn = run.tasks![0].taskArn!
    const statuses: string[] = []
    await sim.until(
      'the task to run',
      async () => {
        const t = (await sim.ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: [arn], include: ['TAGS'] })))
          .tasks![0]
        if (statuses[statuses.length - 1] !== t.lastStatus) statuses.push(t.lastStatus!)
        return t.lastStatus === 'RUNNING' ? t : undefined
      },
      { stepMs: 1000 },
    )
    expect(statuses).toEqual(['PROVISIONING', 'PENDING', 'RUNNING'])
    const byStarter = await sim.ecs.send(new ListTasksCommand({ cluster: 'prod', startedBy: 'migrations' }))
    expect(byStarter.taskArns).toHaveLength(2)
    const tags = await sim.ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))
    expect(tags.tags).toEqual([{ key: 'job', value: 'migrate' }])
  })

  it('tags and untags resources', async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web'
    await sim.ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'env', value: 'prod' }] }))
    await sim.ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }))
    const out = await sim.ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))
    expect(out.tags).toEqual([{ key: 'env', value: 'prod' }])
    const missing = await failure(() =>
      sim.ecs.send(
        new ListTagsForResourceCommand({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/ghost' }),
      ),
    )
    expect(missing.name).toBe('InvalidParameterException')
  })
})
