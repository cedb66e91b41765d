import type { Service } from '@aws-sdk/client-ecs'
import { appSpecTemplate, loadBalancerTarget } from '../deploy/codedeploy/appspec.js'
import { followRollback, stopWithRollback as stopCodeDeployment } from '../deploy/codedeploy/driver.js'
import { Follower } from '../deploy/codedeploy/follower.js'
import { lastSegment, type FoundGroup } from '../deploy/codedeploy/group.js'
import type { CodeDeployPlan } from '../deploy/codedeploy/setup.js'
import { stopWithRollback as stopServiceDeployment } from '../deploy/ecs-native/calls.js'
import { NativeFollower } from '../deploy/ecs-native/follower.js'
import { watchOptions, type DeployContext, type DeployOutcome } from '../deploy/driver.js'
import { describeService, isSteady } from '../deploy/ecs.js'
import { shortTaskDefinition } from '../report/format.js'
import { watch, type WatchEnd } from '../watch/loop.js'

// A rollback while a blue/green deployment is in progress: the deployment is stopped with rollback (CodeDeploy's
// StopDeployment, ECS's StopServiceDeployment ROLLBACK), and the rollback followed until the service is steady on
// the revision it ran before. In the context, `taskDefinitionArn` is the revision being deployed and
// `previousTaskDefinitionArn` the one the rollback returns to.

const CAUSE = 'berth rollback'

/** Stops the group's deployment in progress with automatic rollback and follows the rollback. */
export async function stopCodeDeploy(
  context: DeployContext,
  found: FoundGroup,
  deploymentId: string,
): Promise<DeployOutcome> {
  const { service, cluster } = context.target
  const clusterName = lastSegment(service.clusterArn ?? cluster)
  const plan: CodeDeployPlan = {
    application: found.application,
    group: found.group,
    groupInfo: found.groupInfo,
    appspec: appSpecTemplate(loadBalancerTarget(service), []),
    targetId: `${clusterName}:${service.serviceName}`,
    clusterName,
    serviceName: service.serviceName ?? '',
  }
  const follower = new Follower(context, plan, deploymentId)
  await follower.flush()
  const stopped = await stopCodeDeployment(context, follower, CAUSE)
  const rollback = await followRollback(context, follower)
  const reasons = [stopped, ...(rollback ? [rollback.reason] : [])]
  if (rollback?.failed) return { status: 'failed', deploymentId, reasons, hints: [] }
  return settled(context, deploymentId, reasons)
}

/** Stops the service deployment in progress with ROLLBACK and follows it to ROLLBACK_SUCCESSFUL. */
export async function stopNative(context: DeployContext, arn: string, deploymentId: string): Promise<DeployOutcome> {
  const stop = await stopServiceDeployment(context, arn)
  if (!stop.sent) {
    return {
      status: 'failed',
      deploymentId,
      reasons: [`could not roll back service deployment ${arn} with StopServiceDeployment: ${stop.reason}`],
      hints: [],
    }
  }
  const follower = new NativeFollower(context, deploymentId, arn)
  const end = await watch(() => follower.tick(), watchOptions(context))
  const asked = `stopped service deployment ${arn} with ROLLBACK (StopServiceDeployment)`
  if (end.kind !== 'done') {
    const state = follower.last?.status ?? 'in progress'
    return {
      status: end.kind,
      deploymentId,
      reasons: [`${asked}; it was still ${state} ${whenStopped(end)}.`],
      hints: [],
    }
  }
  if (end.value.state !== 'rolled_back') {
    const why = 'reason' in end.value && end.value.reason ? `: ${end.value.reason}` : '.'
    return {
      status: 'failed',
      deploymentId,
      reasons: [`${asked}, but it ended ${follower.last?.status ?? end.value.state}${why}`],
      hints: [],
    }
  }
  return settled(context, deploymentId, [`${asked}; ECS rolled it back (ROLLBACK_SUCCESSFUL).`])
}

function whenStopped(end: WatchEnd<unknown>): string {
  return end.kind === 'cancelled' ? 'when the run was cancelled' : 'when the wait timeout (--wait-timeout) passed'
}

/** The service runs only `arn`, all its tasks up: one deployment (or task set) of it, completed. */
export function isSteadyOn(service: Service, arn: string): boolean {
  if (service.taskDefinition !== arn) return false
  if (service.deploymentController?.type === 'CODE_DEPLOY') {
    const sets = service.taskSets ?? []
    return sets.length === 1 && sets[0].taskDefinition === arn && sets[0].runningCount === sets[0].computedDesiredCount
  }
  return isSteady(service)
}

/** After the rollback itself ended well: watches the service until it is steady on the revision it went back to. */
export async function settled(
  context: DeployContext,
  deploymentId: string | undefined,
  reasons: string[],
  back = context.previousTaskDefinitionArn,
): Promise<DeployOutcome> {
  const { cluster, service } = context.target
  const end = await watch(async () => {
    const seen = await describeService(context.clients.ecs, cluster, service.serviceName ?? '')
    return isSteadyOn(seen, back) ? { done: true } : { changed: false }
  }, watchOptions(context))
  const id = deploymentId ? { deploymentId } : {}
  if (end.kind === 'done') return { status: 'succeeded', ...id, reasons, hints: [] }
  return {
    status: end.kind,
    ...id,
    reasons: [...reasons, `the service was not yet steady on ${shortTaskDefinition(back)} ${whenStopped(end)}.`],
    hints: [],
  }
}
