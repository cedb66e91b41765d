import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  paginateDescribeImages,
} from '@aws-sdk/client-ecr'
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs'
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs'
import { fargateTaskDefinition, REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

let sim: TestSim

beforeAll(async () => {
  sim = await startTestSim({
    ecr: {
      repositories: [
        {
          name: 'api',
          images: [
            { tag: 'v1' },
            { tag: 'latest', digest: 'sha256:' + 'a'.repeat(64) },
            { tag: 'stable', digest: 'sha256:' + 'a'.repeat(64) },
            { digest: 'sha256:' + 'b'.repeat(64), sizeInBytes: 1234, pushedAt: '2024-06-01T00:00:00Z' },
          ],
        },
        { name: 'team/worker', images: Array.from({ length: 30 }, (_, i) => ({ tag: `build-${i}` })) },
      ],
    },
    clusters: [{ name: 'jobs' }],
  })
})
afterAll(async () => sim.close())

async function failure(send: () => Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await send()
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the call to fail')
}

describe('ECR', () => {
  it('describes repositories, with real URIs', async () => {
    const out = await sim.ecr.send(new DescribeRepositoriesCommand({}))
    expect(out.repositories!.map((r) => r.repositoryUri)).toEqual([`${REGISTRY}/api`, `${REGISTRY}/team/worker`])
    expect(out.repositories![0]).toMatchObject({
      repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/api',
      registryId: '123456789012',
      imageTagMutability: 'MUTABLE',
    })
    expect(out.repositories![0].createdAt).toBeInstanceOf(Date)
    const missing = await failure(() => sim.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['nope'] })))
    expect([missing.name, missing.message]).toEqual([
      'RepositoryNotFoundException',
      "The repository with name 'nope' does not exist in the registry with id '123456789012'",
    ])
  })

  it('describes images by id, with tags merged on one digest; a missing id fails the whole call', async () => {
    const out = await sim.ecr.send(
      new DescribeImagesCommand({ repositoryName: 'api', imageIds: [{ imageTag: 'stable' }, { imageTag: 'v1' }] }),
    )
    expect(out.imageDetails).toHaveLength(2)
    expect(out.imageDetails![0]).toMatchObject({
      imageDigest: 'sha256:' + 'a'.repeat(64),
      imageTags: ['latest', 'stable'],
      repositoryName: 'api',
      registryId: '123456789012',
    })
    expect(out.imageDetails![1].imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.imageDetails![1].imagePushedAt).toBeInstanceOf(Date)
    expect(out.imageDetails![1].imageManifestMediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    const missing = await failure(() =>
      sim.ecr.send(
        new DescribeImagesCommand({ repositoryName: 'api', imageIds: [{ imageTag: 'v1' }, { imageTag: 'v9' }] }),
      ),
    )
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual([
      'ImageNotFoundException',
      "The image with imageId {imageDigest:'null', imageTag:'v9'} does not exist within the repository with name 'api' in the registry with id '123456789012'",
      400,
    ])
    const untagged = await sim.ecr.send(
      new DescribeImagesCommand({ repositoryName: 'api', filter: { tagStatus: 'UNTAGGED' } }),
    )
    expect(untagged.imageDetails).toEqual([
      expect.objectContaining({
        imageDigest: 'sha256:' + 'b'.repeat(64),
        imageSizeInBytes: 1234,
        imagePushedAt: new Date('2024-06-01T00:00:00Z'),
      }),
    ])
    expect(untagged.imageDetails![0].imageTags).toBeUndefined()
  })

  it('pages images with maxResults and nextToken', async () => {
    const tags: string[] = []
    for await (const page of paginateDescribeImages(
      { client: sim.ecr, pageSize: 7 },
      { repositoryName: 'team/worker' },
    )) {
      expect(page.imageDetails!.length).toBeLessThanOrEqual(7)
      tags.push(...page.imageDetails!.flatMap((d) => d.imageTags ?? []))
    }
    expect(tags).toHaveLength(30)
    expect(new Set(tags).size).toBe(30)
  })

  it('gets image manifests; missing images are failures, not exceptions', async () => {
    const out = await sim.ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'api',
        imageIds: [{ imageTag: 'v1' }, { imageTag: 'v9' }, { imageTag: 'v1', imageDigest: 'sha256:' + 'c'.repeat(64) }],
      }),
    )
    expect(out.images).toHaveLength(1)
    expect(JSON.parse(out.images![0].imageManifest!)).toMatchObject({ schemaVersion: 2 })
    expect(out.images![0].imageId!.imageTag).toBe('v1')
    expect(out.failures!.map((f) => f.failureCode)).toEqual(['ImageNotFound', 'ImageTagDoesNotMatchDigest'])
  })
})

describe('CloudWatch Logs', () => {
  let streamName: string

  beforeAll(async () => {
    await sim.ecs.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('api', `${REGISTRY}/api:v1`)))
    const run = await sim.ecs.send(
      new RunTaskCommand({
        cluster: 'jobs',
        taskDefinition: 'api',
        count: 3,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      }),
    )
    sim.advance(60_000)
    streamName = `ecs/web/${run.tasks![0].taskArn!.split('/').pop()}`
  })

  it('writes container output to <prefix>/<container>/<task-id> streams', async () => {
    const groups = await sim.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/' }))
    expect(groups.logGroups!.map((g) => g.logGroupName)).toEqual(['/ecs/api'])
    const streams = await sim.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/api' }))
    expect(streams.logStreams).toHaveLength(3)
    expect(streams.logStreams!.map((s) => s.logStreamName)).toContain(streamName)
    expect(typeof streams.logStreams![0].creationTime).toBe('number')
  })

  it('reads a stream forward with tokens, and returns the same token at the end', async () => {
    const first = await sim.logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/api', logStreamName: streamName, startFromHead: true, limit: 1 }),
    )
    expect(first.events).toHaveLength(1)
    expect(first.events![0].message).toMatch(/^Starting web \(.*api:v1\) in task [0-9a-f]{32}$/)
    expect(first.events![0].timestamp).toBeGreaterThan(1e12)
    const second = await sim.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/api',
        logStreamName: streamName,
        nextToken: first.nextForwardToken,
      }),
    )
    expect(second.events!.map((e) => e.message)).toEqual(['Listening on port 8080'])
    const end = await sim.logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/api',
        logStreamName: streamName,
        nextToken: second.nextForwardToken,
      }),
    )
    expect(end.events).toEqual([])
    expect(end.nextForwardToken).toBe(second.nextForwardToken)
    const latest = await sim.logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/api', logStreamName: streamName, limit: 1 }),
    )
    expect(latest.events!.map((e) => e.message)).toEqual(['Listening on port 8080'])
  })

  it('filters across streams with patterns, time ranges and paging', async () => {
    const listening = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/api', filterPattern: '"Listening on"' }),
    )
    expect(listening.events).toHaveLength(3)
    const none = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/api', filterPattern: 'Starting -web' }),
    )
    expect(none.events).toEqual([])
    const one = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/api', logStreamNames: [streamName] }),
    )
    expect(one.events).toHaveLength(2)
    const paged = await sim.logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/api', limit: 4 }))
    expect(paged.events).toHaveLength(4)
    const rest = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/api', limit: 4, nextToken: paged.nextToken }),
    )
    expect(rest.events).toHaveLength(2)
    expect(rest.nextToken).toBeUndefined()
    const future = await sim.logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/api', startTime: sim.clock.now() + 1000 }),
    )
    expect(future.events).toEqual([])
  })

  it('answers ResourceNotFoundException for unknown groups and streams', async () => {
    const group = await failure(() =>
      sim.logs.send(new GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 'x' })),
    )
    expect([group.name, group.message]).toEqual([
      'ResourceNotFoundException',
      'The specified log group does not exist.',
    ])
    const stream = await failure(() =>
      sim.logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/api', logStreamName: 'x' })),
    )
    expect([stream.name, stream.message]).toEqual([
      'ResourceNotFoundException',
      'The specified log stream does not exist.',
    ])
  })
})
