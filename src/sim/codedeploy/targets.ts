import type { DeploymentTarget, ECSTaskSet } from '@aws-sdk/client-codedeploy'
import { AwsError } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { DeploymentState, Wire } from '../core/types.js'
import { withoutUndefined } from '../core/wire.js'
import { groupOf, type Context } from './lifecycle.js'
import { deployment, serviceOf, targetGroupName, type DeploymentRecord } from './state.js'
import { counts } from './task-sets.js'

function startedDeployment(ctx: Context, id: unknown): DeploymentRecord {
  const d = deployment(ctx.state, id)
  if (d.status === 'Created')
    throw new AwsError('DeploymentNotStartedException', 'The specified deployment has not started.')
  return d
}

export function listDeploymentTargets(ctx: Context, input: { deploymentId?: string; nextToken?: string }): object {
  const d = startedDeployment(ctx, input.deploymentId)
  const { items, nextToken } = page([d.target.id], undefined, input.nextToken, { default: 100, max: 100 })
  return { targetIds: items, nextToken }
}

export function getDeploymentTarget(ctx: Context, input: { deploymentId?: string; targetId?: string }): object {
  const d = startedDeployment(ctx, input.deploymentId)
  return { deploymentTarget: renderTarget(ctx, d, input.targetId) }
}

export function batchGetDeploymentTargets(
  ctx: Context,
  input: { deploymentId?: string; targetIds?: string[] },
): object {
  const d = startedDeployment(ctx, input.deploymentId)
  const ids = input.targetIds ?? []
  if (ids.length === 0)
    throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.')
  if (ids.length > 25) {
    throw new AwsError(
      'DeploymentTargetListSizeExceededException',
      'The maximum number of targets that can be associated with a deployment is 25.',
    )
  }
  return { deploymentTargets: ids.map((id) => renderTarget(ctx, d, id)) }
}

function renderTarget(ctx: Context, d: DeploymentRecord, targetId: string | undefined): Wire<DeploymentTarget> {
  if (!targetId) throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.')
  if (targetId !== d.target.id) {
    throw new AwsError('DeploymentTargetDoesNotExistException', `The deployment target ${targetId} does not exist.`)
  }
  return {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      deploymentId: d.deploymentId,
      targetId: d.target.id,
      targetArn: d.target.arn,
      lastUpdatedAt: d.target.lastUpdatedAt,
      lifecycleEvents: d.lifecycleEvents.map((e) =>
        withoutUndefined({
          lifecycleEventName: e.lifecycleEventName,
          startTime: e.startTime,
          endTime: e.endTime,
          status: e.status,
          diagnostics: e.diagnostics,
        }),
      ),
      status: d.target.status,
      taskSetsInfo: taskSetsInfo(ctx, d),
    },
  }
}

function taskSetsInfo(ctx: Context, d: DeploymentRecord): Wire<ECSTaskSet>[] {
  const service = serviceOf(ctx.world, groupOf(ctx, d))
  const info = (set: DeploymentState | undefined, label: 'Blue' | 'Green'): Wire<ECSTaskSet> | undefined =>
    set &&
    withoutUndefined({
      // The API spells this member "identifer".
      identifer: set.id,
      ...counts(ctx.world, service, set),
      status: set.status,
      trafficWeight: set.taskSet?.trafficWeight ?? 0,
      targetGroup: { name: targetGroupName(set.taskSet?.loadBalancers[0]?.targetGroupArn) },
      taskSetLabel: label,
    })
  return [info(d.blue, 'Blue'), info(d.green, 'Green')].filter((s) => s !== undefined)
}
