import {
  UpdateServiceCommand,
  type Deployment,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs'
import { isThrottling, isTransient } from '../../aws/errors.js'
import { type RetryOptions, retrying } from '../../aws/retry.js'
import { errorMessage } from '../../errors.js'
import { pause } from '../../watch/sleep.js'
import { isUnchanged, mutationRetry, pastGrace, quickPauseMs, rollbackRetry, type DeployContext } from '../driver.js'
import { describeService } from '../ecs.js'
import { eventKey, type Tracking } from './judge.js'

// What the rolling driver asks of ECS: the UpdateService that starts its deployment, and the one that rolls it back.
// Each is sent once by the SDK; after a lost answer berth looks at the service before sending it again.

/** How many looks berth takes, after a rollback on timeout or cancellation, to see it start. */
const ROLLBACK_LOOKS = 5

export function serviceName(context: DeployContext): string {
  return context.target.service.serviceName ?? ''
}

export function primaryOf(service: Service): Deployment | undefined {
  return service.deployments?.find((deployment) => deployment.status === 'PRIMARY')
}

export function updateInput(context: DeployContext, taskDefinition: string, force: boolean): UpdateServiceCommandInput {
  return {
    cluster: context.target.cluster,
    service: context.target.service.serviceName,
    taskDefinition,
    ...(context.config.desiredCount !== undefined ? { desiredCount: context.config.desiredCount } : {}),
    ...(force ? { forceNewDeployment: true } : {}),
  }
}

/** How far the service's clock may be from ours when berth asks whether a deployment started after its call. */
const CLOCK_SKEW_MS = 60_000

/** What a sent UpdateService did: the service as it answered, or the deployment it started, seen by looking. */
type Sent = { service: Service } | { deploymentId: string }

/**
 * UpdateService. Throttling means it was not processed: sent again. After a lost answer or a server error it may
 * have been: berth first looks at the service, and `recognise` says whether the call's deployment is there; only
 * when it is not is the call sent again. berth's retry is the only one (the SDK sends mutating calls once).
 */
async function updateService(
  context: DeployContext,
  input: UpdateServiceCommandInput,
  recognise: (service: Service) => string | undefined,
  retry: Partial<RetryOptions> = {},
): Promise<Sent> {
  context.reporter.emit({ type: 'debug', message: `UpdateService ${JSON.stringify(input)}` })
  const send = async (): Promise<Sent> => {
    try {
      const output = await context.clients.ecs.send(new UpdateServiceCommand(input))
      if (!output.service) throw new Error(`UpdateService returned no service for ${input.service}.`)
      return { service: output.service }
    } catch (error) {
      if (isThrottling(error) || !isTransient(error)) throw error
      const deploymentId = recognise(await lookAtService(context))
      if (deploymentId) {
        context.reporter.emit({
          type: 'info',
          message: `the answer to UpdateService was lost (${errorMessage(error)}); the service shows that it started deployment ${deploymentId}, which berth follows.`,
        })
        return { deploymentId }
      }
      throw error
    }
  }
  return retrying(send, { ...mutationRetry(context), retryable: isTransient, ...retry })
}

/** DescribeServices while checking what a call did: errors here are retried, never taken for an answer. */
export function lookAtService(context: DeployContext): Promise<Service> {
  return retrying(() => describeService(context.clients.ecs, context.target.cluster, serviceName(context)), {
    sleep: context.sleep,
    baseMs: quickPauseMs(context),
    attempts: 20,
    givenUp: () => pastGrace(context),
  })
}

/**
 * The deployment berth's UpdateService started, whatever became of it since: listed (IN_PROGRESS, FAILED, being
 * rolled back), or already drained after a rollback, when only the service's events still name it. It is the one
 * that was not on the service before (`before`) and appeared after the call: a listed deployment of our task
 * definition created since, or a deployment named by an event that was not there before.
 */
export function startedDeployment(
  service: Service,
  before: Service,
  sentAt: number,
  taskDefinitionArn: string,
): string | undefined {
  const known = new Set((before.deployments ?? []).map((deployment) => deployment.id))
  const listed = (service.deployments ?? []).find(
    (deployment) =>
      !known.has(deployment.id) &&
      deployment.taskDefinition === taskDefinitionArn &&
      (deployment.createdAt?.getTime() ?? 0) >= sentAt - CLOCK_SKEW_MS,
  )
  if (listed?.id) return listed.id
  const seen = new Set((before.events ?? []).map(eventKey))
  for (const event of service.events ?? []) {
    if (seen.has(eventKey(event))) continue
    const id = /\(deployment ([^)\s]+)\)/.exec(event.message ?? '')?.[1]
    if (id && !known.has(id)) return id
  }
  return undefined
}

export async function startDeployment(context: DeployContext): Promise<Tracking> {
  const before = context.target.service
  const previous = primaryOf(before)
  if (isUnchanged(context) && previous?.id) {
    context.reporter.emit({
      type: 'info',
      message:
        `service ${before.serviceName} already runs ${context.taskDefinitionArn}; following its deployment ` +
        `${previous.id} (--force-new-deployment starts a new one).`,
    })
    return { deploymentId: previous.id, taskDefinitionArn: context.taskDefinitionArn }
  }
  const known = new Set((before.deployments ?? []).map((deployment) => deployment.id))
  const sentAt = context.now()
  const sent = await updateService(
    context,
    updateInput(context, context.taskDefinitionArn, context.config.forceNewDeployment),
    (service) => startedDeployment(service, before, sentAt, context.taskDefinitionArn),
  )
  const previousDeploymentId = previous?.id
  if ('deploymentId' in sent) {
    return { deploymentId: sent.deploymentId, taskDefinitionArn: context.taskDefinitionArn, previousDeploymentId }
  }
  const after = sent.service
  const ours =
    after.deployments?.find((d) => d.status === 'PRIMARY' && !known.has(d.id)) ??
    after.deployments?.find((d) => d.taskDefinition === context.taskDefinitionArn && !known.has(d.id)) ??
    primaryOf(after)
  if (!ours?.id) throw new Error(`UpdateService did not start a deployment of ${context.taskDefinitionArn}.`)
  return {
    deploymentId: ours.id,
    taskDefinitionArn: context.taskDefinitionArn,
    previousDeploymentId: previousDeploymentId !== ours.id ? previousDeploymentId : undefined,
  }
}

/**
 * Puts the service back on the previous task definition and waits briefly to see the rollback deployment start.
 * `cause` says why, as the log and the verdict show it: `the wait timeout passed (--on-timeout rollback)`.
 */
export async function rollBack(context: DeployContext, cause: string): Promise<{ sent: boolean; reason: string }> {
  const previous = context.previousTaskDefinitionArn
  const input = { ...updateInput(context, previous, false), desiredCount: undefined }
  // Sending it again is harmless (the same task definition, not forced): retried on throttling and server errors
  // until the deadline plus a short grace, and a lost answer is looked at like any other.
  let service: Service | undefined
  try {
    const sent = await updateService(
      context,
      input,
      (seen) => (primaryOf(seen)?.taskDefinition === previous ? (primaryOf(seen)?.id ?? previous) : undefined),
      rollbackRetry(context),
    )
    service = 'service' in sent ? sent.service : undefined
  } catch (error) {
    return { sent: false, reason: `could not roll the service back to ${previous}: ${errorMessage(error)}` }
  }
  context.reporter.emit({ type: 'rollback-started', reason: cause, taskDefinitionArn: previous })
  for (let look = 0; look < ROLLBACK_LOOKS && primaryOf(service ?? {})?.taskDefinition !== previous; look++) {
    await pause(context.sleep, quickPauseMs(context), [])
    const seen = service
    service = await describeService(context.clients.ecs, context.target.cluster, serviceName(context)).catch(() => seen)
  }
  const rollback = primaryOf(service ?? {})
  if (rollback?.taskDefinition !== previous) {
    return { sent: true, reason: `asked ECS to roll the service back to ${previous}: ${cause}.` }
  }
  return { sent: true, reason: `rolled the service back to ${previous} (deployment ${rollback.id}): ${cause}.` }
}
