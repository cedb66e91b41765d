import {
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  type ServiceDeploymentBrief,
} from '@aws-sdk/client-ecs'
import { isTransient } from '../../aws/errors.js'
import { retrying } from '../../aws/retry.js'
import { errorMessage, errorName } from '../../errors.js'
import { pause } from '../../watch/sleep.js'
import { quickPauseMs, rollbackRetry, type DeployContext } from '../driver.js'
import { describeServiceDeployment, isRevisionOf } from '../service-deployments.js'

// What the ECS-native driver asks of ECS beyond UpdateService: its own service deployment, found by its target
// revision, described on each look, and stopped with ROLLBACK on a timeout or a cancel.

/** How many pages of 100 service deployments berth reads to find its own. */
const LISTING_PAGES = 3

/** How many looks berth takes for its service deployment to be listed after UpdateService answered. */
const LISTING_LOOKS = 10

const ROLLING_BACK_OR_DONE = new Set([
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
  'SUCCESSFUL',
  'STOPPED',
])

/**
 * The service deployment of the ECS deployment berth started: the one whose target revision is that deployment's
 * (never "the newest", which may be someone else's). The list is not filtered by time: berth's clock and the
 * service's may differ. Looked for a few times, since the list may lag behind UpdateService.
 */
export async function findServiceDeployment(context: DeployContext, deploymentId: string): Promise<string> {
  const { cluster, service } = context.target
  for (let look = 0; ; look++) {
    const found = await listed(context, (sd) => isRevisionOf(sd.targetServiceRevisionArn, deploymentId))
    if (found?.serviceDeploymentArn) return found.serviceDeploymentArn
    if (look + 1 >= LISTING_LOOKS) {
      throw new Error(
        `ECS lists no service deployment for deployment ${deploymentId} of service ${service.serviceName} in ` +
          `cluster ${cluster}; berth cannot follow it (ListServiceDeployments).`,
      )
    }
    await pause(context.sleep, quickPauseMs(context), [context.deadline.signal, context.cancel])
  }
}

/** The first listed service deployment `wanted` picks, through the first pages of the service's list. */
async function listed(
  context: DeployContext,
  wanted: (sd: ServiceDeploymentBrief) => boolean,
): Promise<ServiceDeploymentBrief | undefined> {
  const { cluster, service } = context.target
  let nextToken: string | undefined
  for (let page = 0; page < LISTING_PAGES; page++) {
    const output = await context.clients.ecs.send(
      new ListServiceDeploymentsCommand({ cluster, service: service.serviceName, maxResults: 100, nextToken }),
    )
    const found = output.serviceDeployments?.find(wanted)
    if (found || !output.nextToken) return found
    nextToken = output.nextToken
  }
  return undefined
}

/**
 * StopServiceDeployment with ROLLBACK. After a lost answer or a server error berth describes the deployment first:
 * if it is already rolling back (or over), the call went through; otherwise it is sent again, until the grace ends.
 * A ConflictException means the deployment can no longer be stopped: berth says why from what it sees.
 */
export async function stopWithRollback(
  context: DeployContext,
  arn: string,
): Promise<{ sent: boolean; reason?: string }> {
  const send = async (): Promise<{ sent: boolean; reason?: string }> => {
    try {
      await context.clients.ecs.send(
        new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
      )
      return { sent: true }
    } catch (error) {
      if (errorName(error) === 'ConflictException') {
        const seen = await describeServiceDeployment(context.clients.ecs, arn).catch(() => undefined)
        return {
          sent: false,
          reason: `ECS refused to stop it (${errorMessage(error)}); it is ${seen?.status ?? 'in an unknown state'}.`,
        }
      }
      if (!isTransient(error)) throw error
      const seen = await describeServiceDeployment(context.clients.ecs, arn).catch(() => undefined)
      if (seen && ROLLING_BACK_OR_DONE.has(seen.status ?? '')) return { sent: true }
      throw error
    }
  }
  try {
    return await retrying(send, rollbackRetry(context))
  } catch (error) {
    return { sent: false, reason: errorMessage(error) }
  }
}
