import type { ServiceDefinition } from '../core/server.js'
import type { Ecs } from '../ecs/ecs.js'
import { createDeploymentConfig, deploymentConfig, listDeploymentConfigs } from './deployment-configs.js'
import {
  batchGetDeployments,
  continueDeployment,
  createDeployment,
  listDeployments,
  renderDeployment,
  putLifecycleEventHookExecutionStatus,
  stopDeployment,
} from './deployments.js'
import { batchGetDeploymentGroups, listApplications, listDeploymentGroups, renderGroup } from './groups.js'
import { context } from './lifecycle.js'
import { application, deployment, group } from './state.js'
import { batchGetDeploymentTargets, getDeploymentTarget, listDeploymentTargets } from './targets.js'

/**
 * CodeDeploy for the ECS compute platform (aws-facts.md §4): applications and deployment groups from the scenario,
 * deployment configs, blue/green deployments driven through ECS task sets, lifecycle hooks and rollbacks. The
 * lifecycle itself is in lifecycle.ts.
 */
export function codeDeployDefinition(ecs: Ecs): ServiceDefinition {
  const ctx = context(ecs.world, ecs)
  return {
    id: 'codedeploy',
    targetPrefix: 'CodeDeploy_20141006',
    operations: {
      ListApplications: (input) => listApplications(ctx, input),
      GetApplication: (input) => ({ application: application(ctx.state, input.applicationName) }),
      ListDeploymentGroups: (input) => listDeploymentGroups(ctx, input),
      BatchGetDeploymentGroups: (input) => batchGetDeploymentGroups(ctx, input),
      GetDeploymentGroup: (input) => ({
        deploymentGroupInfo: renderGroup(ctx, group(ctx.state, input.applicationName, input.deploymentGroupName)),
      }),
      CreateDeploymentConfig: (input) => createDeploymentConfig(ctx, input),
      GetDeploymentConfig: (input) => ({ deploymentConfigInfo: deploymentConfig(ctx, input.deploymentConfigName) }),
      ListDeploymentConfigs: (input) => listDeploymentConfigs(ctx, input),
      CreateDeployment: (input) => createDeployment(ctx, input),
      GetDeployment: (input) => ({ deploymentInfo: renderDeployment(ctx, deployment(ctx.state, input.deploymentId)) }),
      BatchGetDeployments: (input) => batchGetDeployments(ctx, input),
      ListDeployments: (input) => listDeployments(ctx, input),
      ListDeploymentTargets: (input) => listDeploymentTargets(ctx, input),
      GetDeploymentTarget: (input) => getDeploymentTarget(ctx, input),
      BatchGetDeploymentTargets: (input) => batchGetDeploymentTargets(ctx, input),
      PutLifecycleEventHookExecutionStatus: (input) => putLifecycleEventHookExecutionStatus(ctx, input),
      StopDeployment: (input) => stopDeployment(ctx, input),
      ContinueDeployment: (input) => continueDeployment(ctx, input),
    },
  }
}
