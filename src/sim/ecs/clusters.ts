import type {
  Cluster,
  CreateClusterRequest,
  DescribeClustersRequest,
  Failure,
  ListClustersRequest,
} from '@aws-sdk/client-ecs'
import { invalid } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { Wire } from '../core/types.js'
import type { EcsContext } from './context.js'
import { renderCluster } from './wire.js'

export function createCluster(ecs: EcsContext, input: CreateClusterRequest): { cluster: Wire<Cluster> } {
  const name = input.clusterName ?? 'default'
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalid('Cluster name is invalid.')
  let cluster = ecs.world.clusters.get(name)
  if (!cluster || cluster.status !== 'ACTIVE') {
    cluster = { name, arn: ecs.world.clusterArn(name), status: 'ACTIVE', services: new Map() }
    ecs.world.clusters.set(name, cluster)
  }
  if (input.tags?.length) ecs.world.resourceTags.set(cluster.arn, [...input.tags])
  return { cluster: renderCluster(ecs, cluster, []) }
}

export function describeClusters(ecs: EcsContext, input: DescribeClustersRequest): object {
  const refs = input.clusters && input.clusters.length > 0 ? input.clusters : ['default']
  const clusters: Wire<Cluster>[] = []
  const failures: Failure[] = []
  for (const ref of refs) {
    const name = ecs.world.localName(ref, 'cluster/')
    const cluster = name === undefined ? undefined : ecs.world.clusters.get(name)
    if (cluster) clusters.push(renderCluster(ecs, cluster, input.include ?? []))
    else failures.push({ arn: ref.startsWith('arn:') ? ref : ecs.world.clusterArn(ref), reason: 'MISSING' })
  }
  return { clusters, failures }
}

export function listClusters(ecs: EcsContext, input: ListClustersRequest): object {
  const arns = [...ecs.world.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn)
  const { items, nextToken } = page(arns, input.maxResults, input.nextToken, { default: 100, max: 100 })
  return { clusterArns: items, nextToken }
}
