import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy'
import { AwsError } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { Wire } from '../core/types.js'
import { withoutUndefined } from '../core/wire.js'
import type { Context } from './lifecycle.js'
import { application, groupKey, serviceOf, type GroupRecord } from './state.js'

export function listApplications(ctx: Context, input: { nextToken?: string }): object {
  const names = [...ctx.state.applications.keys()].sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { applications: items, nextToken }
}

export function listDeploymentGroups(ctx: Context, input: { applicationName?: string; nextToken?: string }): object {
  const app = application(ctx.state, input.applicationName)
  const names = [...ctx.state.groups.values()]
    .filter((g) => g.applicationName === app.applicationName)
    .map((g) => g.deploymentGroupName)
    .sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { applicationName: app.applicationName, deploymentGroups: items, nextToken }
}

/** Groups that do not exist are named in `errorMessage`, not raised (wording unverified). */
export function batchGetDeploymentGroups(
  ctx: Context,
  input: { applicationName?: string; deploymentGroupNames?: string[] },
): object {
  const app = application(ctx.state, input.applicationName)
  const names = input.deploymentGroupNames ?? []
  if (names.length === 0) {
    throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.')
  }
  if (names.length > 100) {
    throw new AwsError('BatchLimitExceededException', 'The maximum number of names or IDs allowed is 100.')
  }
  const found = names.map((name) => ctx.state.groups.get(groupKey(app.applicationName, name)))
  const missing = names.filter((_, index) => !found[index])
  return withoutUndefined({
    deploymentGroupsInfo: found.filter((g) => g !== undefined).map((g) => renderGroup(ctx, g)),
    errorMessage: missing.length > 0 ? `Deployment groups not found: ${missing.join(', ')}` : undefined,
  })
}

export function renderGroup(ctx: Context, g: GroupRecord): Wire<DeploymentGroupInfo> {
  const service = serviceOf(ctx.world, g)
  const attempt = (id: string | undefined): object | undefined => {
    const d = id ? ctx.state.deployments.get(id) : undefined
    return d && { deploymentId: d.deploymentId, status: d.status, endTime: d.completeTime, createTime: d.createTime }
  }
  return withoutUndefined({
    applicationName: g.applicationName,
    deploymentGroupId: g.deploymentGroupId,
    deploymentGroupName: g.deploymentGroupName,
    deploymentConfigName: g.deploymentConfigName,
    serviceRoleArn: `arn:aws:iam::${ctx.world.account}:role/ecsCodeDeployRole`,
    computePlatform: 'ECS',
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    ecsServices: [{ serviceName: service.name, clusterName: service.clusterName }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [
        withoutUndefined({
          targetGroups: g.targetGroups.map((name) => ({ name })),
          prodTrafficRoute: { listenerArns: [g.prodListenerArn] },
          testTrafficRoute: g.testListenerArn ? { listenerArns: [g.testListenerArn] } : undefined,
        }),
      ],
    },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: {
        action: 'TERMINATE',
        terminationWaitTimeInMinutes: g.terminationWaitMinutes,
      },
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
    },
    autoRollbackConfiguration: g.autoRollback
      ? { enabled: true, events: ['DEPLOYMENT_FAILURE'] }
      : { enabled: false, events: [] },
    alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
    triggerConfigurations: [],
    lastAttemptedDeployment: attempt(g.lastAttemptedDeploymentId),
    lastSuccessfulDeployment: attempt(g.lastSuccessfulDeploymentId),
    outdatedInstancesStrategy: 'UPDATE',
    terminationHookEnabled: false,
  }) as Wire<DeploymentGroupInfo>
}
