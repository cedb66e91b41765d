import type {
  ContinueServiceDeploymentRequest,
  DescribeServiceDeploymentsRequest,
  DescribeServiceRevisionsRequest,
  Failure,
  ListServiceDeploymentsRequest,
  StopServiceDeploymentRequest,
} from '@aws-sdk/client-ecs'
import { AwsError, invalid } from '../core/errors.js'
import { optionalSeconds } from '../core/ids.js'
import { page } from '../core/paging.js'
import type { DeploymentState, ServiceDeploymentState, ServiceState } from '../core/types.js'
import type { EcsContext } from './context.js'
import { findService } from './services.js'
import { isTerminal, renderServiceDeployment, renderServiceRevision } from './service-deployments.js'

// The service-deployment operations of ECS (aws-facts-ecs-native.md §4-5): list, describe, the revisions they deploy,
// and the two that act on one: StopServiceDeployment (ROLLBACK) and ContinueServiceDeployment (a PAUSE hook's answer).

const MAX_DESCRIBE = 20

export function listServiceDeployments(ecs: EcsContext, input: ListServiceDeploymentsRequest): object {
  if (!input.service) throw invalid('service must be specified.')
  const service = findService(ecs, input.cluster, input.service)
  const after = dateMs(input.createdAt?.after)
  const before = dateMs(input.createdAt?.before)
  const statuses = input.status ?? []
  const listed = [...service.serviceDeployments]
    .reverse()
    .filter((sd) => statuses.length === 0 || statuses.includes(sd.status))
    .filter((sd) => (after === undefined || sd.createdAt >= after) && (before === undefined || sd.createdAt <= before))
    .map((sd) => ({
      serviceDeploymentArn: sd.arn,
      serviceArn: sd.serviceArn,
      clusterArn: sd.clusterArn,
      startedAt: optionalSeconds(sd.startedAt),
      createdAt: optionalSeconds(sd.createdAt),
      finishedAt: optionalSeconds(sd.finishedAt),
      targetServiceRevisionArn: sd.target.revisionArn,
      status: sd.status,
      statusReason: sd.statusReason,
    }))
  const { items, nextToken } = page(listed, input.maxResults, input.nextToken, { default: 20, max: 100 })
  return { serviceDeployments: items, nextToken }
}

export function describeServiceDeployments(ecs: EcsContext, input: DescribeServiceDeploymentsRequest): object {
  const { found, failures } = describeEach('serviceDeploymentArns', input.serviceDeploymentArns, (arn) => {
    const hit = findServiceDeployment(ecs, arn)
    return hit && renderServiceDeployment(ecs.world, hit.service, hit.sd)
  })
  return { serviceDeployments: found, failures }
}

export function describeServiceRevisions(ecs: EcsContext, input: DescribeServiceRevisionsRequest): object {
  const { found, failures } = describeEach('serviceRevisionArns', input.serviceRevisionArns, (arn) => {
    const hit = findRevision(ecs, arn)
    return hit && renderServiceRevision(ecs.world, hit.service, hit.deployment)
  })
  return { serviceRevisions: found, failures }
}

/** Up to 20 ARNs, each rendered or reported MISSING. */
function describeEach(
  name: string,
  arns: string[] | undefined,
  render: (arn: string) => object | undefined,
): { found: object[]; failures: Failure[] } {
  const list = arns ?? []
  if (list.length === 0) throw invalid(`${name} cannot be empty.`)
  if (list.length > MAX_DESCRIBE) throw invalid(`${name} cannot contain more than ${MAX_DESCRIBE} items.`)
  const found: object[] = []
  const failures: Failure[] = []
  for (const arn of list) {
    const rendered = render(arn)
    if (rendered) found.push(rendered)
    else failures.push({ arn, reason: 'MISSING' })
  }
  return { found, failures }
}

export function stopServiceDeployment(ecs: EcsContext, input: StopServiceDeploymentRequest): object {
  const { service, sd } = serviceDeployment(ecs, input.serviceDeploymentArn)
  const stopType = input.stopType ?? 'ROLLBACK'
  if (stopType !== 'ROLLBACK' && stopType !== 'ABORT') {
    throw invalid(`Invalid stopType: ${stopType}. Valid values are: ABORT, ROLLBACK`)
  }
  if (isTerminal(sd) || sd.status === 'STOP_REQUESTED' || sd.rollbackTo) {
    throw new AwsError(
      'ConflictException',
      'Stopping a service deployment is not allowed for service deployment in terminal or rollback states.',
    )
  }
  if (stopType === 'ABORT') throw invalid('stopType ABORT is not supported for this service deployment.')
  if (!ecs.scheduler.requestRollback(service, sd)) {
    throw new AwsError('ConflictException', 'No rollback candidate was found to run the rollback.')
  }
  return { serviceDeploymentArn: sd.arn }
}

export function continueServiceDeployment(ecs: EcsContext, input: ContinueServiceDeploymentRequest): object {
  const { service, sd } = serviceDeployment(ecs, input.serviceDeploymentArn)
  const hookId = input.hookId ?? ''
  if (!/^ecs-[a-z]+-[A-Za-z0-9_-]+$/.test(hookId)) {
    throw invalid('Invalid hookId: hookId must follow the format: ecs-{hookType}-{id}')
  }
  const action = input.action ?? 'CONTINUE'
  if (action !== 'CONTINUE' && action !== 'ROLLBACK') {
    throw invalid(`Invalid action: ${action}. Valid values are: CONTINUE, ROLLBACK`)
  }
  if (isTerminal(sd)) {
    throw invalid('Continuing a service deployment is not allowed for service deployment in terminal states.')
  }
  const run = sd.hooks.find((hook) => hook.hookId === hookId)
  if (!run || run.status !== 'AWAITING_ACTION') {
    throw invalid('Provided hookId is either completed, unavailable, or not associated with the given Resource ARN')
  }
  ecs.scheduler.native.continueHook(service, sd, hookId, action)
  return { serviceDeploymentArn: sd.arn }
}

function serviceDeployment(
  ecs: EcsContext,
  arn: string | undefined,
): { service: ServiceState; sd: ServiceDeploymentState } {
  if (!arn) throw invalid('serviceDeploymentArn must be specified.')
  const hit = findServiceDeployment(ecs, arn)
  if (!hit) throw new AwsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.')
  return hit
}

function findServiceDeployment(
  ecs: EcsContext,
  arn: string,
): { service: ServiceState; sd: ServiceDeploymentState } | undefined {
  for (const service of services(ecs)) {
    const sd = service.serviceDeployments.find((candidate) => candidate.arn === arn)
    if (sd) return { service, sd }
  }
  return undefined
}

function findRevision(
  ecs: EcsContext,
  arn: string,
): { service: ServiceState; deployment: DeploymentState } | undefined {
  for (const service of services(ecs)) {
    const deployment = service.history.find((candidate) => candidate.revisionArn === arn)
    if (deployment) return { service, deployment }
  }
  return undefined
}

function services(ecs: EcsContext): ServiceState[] {
  return [...ecs.world.clusters.values()].flatMap((cluster) => [...cluster.services.values()])
}

/** A timestamp filter as it arrives on the wire: epoch seconds. */
function dateMs(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'number' ? value * 1000 : new Date(value as string).getTime()
}
