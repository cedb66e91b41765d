import { ListServiceDeploymentsCommand, StopServiceDeploymentCommand } from '@aws-sdk/client-ecs'
import { isTransient } from '../../aws/errors.js'
import { retrying } from '../../aws/retry.js'
import { errorMessage, errorName } from '../../errors.js'
import { pause } from '../../watch/sleep.js'
import { quickPauseMs, rollbackRetry, type DeployContext } from '../driver.js'
import { describeServiceDeployment, isRevisionOf } from '../service-deployments.js'

// What the ECS-native driver asks of ECS beyond UpdateService: its own service deployment, found by its target
// revision, described on each look, and stopped with ROLLBACK on a timeout or a cancel.

/** How far the service's clock may be from ours when berth lists the deployments created since its call. */
const CLOCK_SKEW_MS = 60_000

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
 * The service deployment of the ECS deployment berth started: listed since the call, whose target revision is that
 * deployment's (never "the newest", which may be someone else's). Looked for a few times: the list may lag.
 */
export async function findServiceDeployment(
  context: DeployContext,
  deploymentId: string,
  sentAt: number,
): Promise<string> {
  const { cluster, service } = context.target
  for (let look = 0; ; look++) {
    const listed = await context.clients.ecs.send(
      new ListServiceDeploymentsCommand({
        cluster,
        service: service.serviceName,
        createdAt: { after: new Date(sentAt - CLOCK_SKEW_MS) },
      }),
    )
    const ours = (listed.serviceDeployments ?? []).find((sd) => isRevisionOf(sd.targetServiceRevisionArn, deploymentId))
    if (ours?.serviceDeploymentArn) return ours.serviceDeploymentArn
    if (look + 1 >= LISTING_LOOKS) {
      throw new Error(
        `ECS lists no service deployment for deployment ${deploymentId} of service ${service.serviceName}; ` +
          'berth cannot follow it (ListServiceDeployments).',
      )
    }
    await pause(context.sleep, quickPauseMs(context), [context.deadline.signal, context.cancel])
  }
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
