import type { Service } from '@aws-sdk/client-ecs'
import { UserError, errorName } from '../errors.js'
import { lookUpService, type Ecs } from './ecs.js'

/** DescribeServices, with every way it can be wrong turned into a UserError that names the flag. */
export async function describeTarget(ecs: Ecs, cluster: string, name: string): Promise<Service> {
  let lookup
  try {
    lookup = await lookUpService(ecs, cluster, name)
  } catch (error) {
    if (errorName(error) === 'ClusterNotFoundException') {
      throw new UserError(`--cluster ${cluster}: ECS has no such cluster in this account and region.`)
    }
    throw error
  }
  if ('failure' in lookup) {
    const reason = lookup.failure.reason ?? 'MISSING'
    throw new UserError(
      `--service ${name}: cluster ${cluster} has no such service (${reason}); check --service and --cluster.`,
    )
  }
  const status = lookup.service.status
  if (status !== 'ACTIVE') {
    throw new UserError(
      `--service ${name}: the service in cluster ${cluster} is ${status}; berth deploys ACTIVE services only.`,
    )
  }
  return lookup.service
}
