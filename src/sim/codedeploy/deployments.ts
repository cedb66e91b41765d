import type {
  AutoRollbackConfiguration,
  CreateDeploymentInput,
  DeploymentInfo,
  ListDeploymentsInput,
} from '@aws-sdk/client-codedeploy'
import { AwsError } from '../core/errors.js'
import { page } from '../core/paging.js'
import type { Wire } from '../core/types.js'
import { withoutUndefined } from '../core/wire.js'
import { parseRevision } from './appspec.js'
import { deploymentConfig } from './deployment-configs.js'
import { renderGroup } from './groups.js'
import { fail, finishSucceeded, groupOf, lifecycleEventsFor, reportHook, start, type Context } from './lifecycle.js'
import { deployment, group, newDeploymentId, serviceOf, type DeploymentRecord, type GroupRecord } from './state.js'

export function createDeployment(ctx: Context, input: Wire<CreateDeploymentInput>): object {
  const g = group(ctx.state, input.applicationName, input.deploymentGroupName)
  const configName = input.deploymentConfigName ?? g.deploymentConfigName
  deploymentConfig(ctx, configName)
  if ((input.description ?? '').length > 512) {
    throw new AwsError('DescriptionTooLongException', 'The description is too long.')
  }
  const appSpec = parseRevision(input.revision)
  if (!/^arn:aws[\w-]*:ecs:[\w-]+:\d{12}:task-definition\/[\w-]+:\d+$/.test(appSpec.taskDefinition)) {
    throw new AwsError(
      'InvalidRevisionException',
      `The TaskDefinition in the AppSpec must be a task definition ARN: ${appSpec.taskDefinition}`,
    )
  }
  if (g.activeDeploymentId) {
    throw new AwsError(
      'DeploymentLimitExceededException',
      `The Deployment Group '${g.deploymentGroupName}' already has an active Deployment '${g.activeDeploymentId}'`,
    )
  }
  const service = serviceOf(ctx.world, g)
  const now = ctx.world.nowSeconds()
  const d: DeploymentRecord = {
    deploymentId: newDeploymentId(ctx.world, ctx.state),
    applicationName: g.applicationName,
    deploymentGroupName: g.deploymentGroupName,
    deploymentConfigName: configName,
    status: 'Created',
    creator: 'user',
    description: input.description,
    revision: input.revision ?? {},
    appSpec,
    createTime: now,
    autoRollbackConfiguration: autoRollback(g, input.autoRollbackConfiguration),
    target: { id: `${service.clusterName}:${service.name}`, arn: service.arn, status: 'Pending', lastUpdatedAt: now },
    lifecycleEvents: lifecycleEventsFor(g),
    trafficStep: -1,
    inTerminationWait: false,
    timers: [],
  }
  ctx.state.deployments.set(d.deploymentId, d)
  g.activeDeploymentId = d.deploymentId
  g.lastAttemptedDeploymentId = d.deploymentId
  start(ctx, d)
  return { deploymentId: d.deploymentId }
}

/** The request's autoRollbackConfiguration overrides the group's. */
function autoRollback(g: GroupRecord, requested: AutoRollbackConfiguration | undefined): AutoRollbackConfiguration {
  if (requested) return { enabled: requested.enabled === true, events: requested.events ?? [] }
  return g.autoRollback ? { enabled: true, events: ['DEPLOYMENT_FAILURE'] } : { enabled: false, events: [] }
}

function isDone(d: DeploymentRecord): boolean {
  return d.status === 'Succeeded' || d.status === 'Failed' || d.status === 'Stopped'
}

export function renderDeployment(ctx: Context, d: DeploymentRecord): Wire<DeploymentInfo> {
  const g = groupOf(ctx, d)
  const done = isDone(d)
  const ok = d.status === 'Succeeded' ? 1 : 0
  return withoutUndefined({
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.deploymentConfigName,
    deploymentId: d.deploymentId,
    revision: d.revision,
    status: d.status,
    errorInformation: d.errorInformation,
    createTime: d.createTime,
    startTime: d.startTime,
    completeTime: d.completeTime,
    // Recorded runs: absent while the deployment runs, then counts of deployment targets (one ECS service).
    deploymentOverview: done
      ? { Pending: 0, InProgress: 0, Succeeded: ok, Failed: 1 - ok, Skipped: 0, Ready: 0 }
      : undefined,
    description: d.description,
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: d.autoRollbackConfiguration,
    updateOutdatedInstancesOnly: false,
    rollbackInfo: d.rollbackInfo,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    // CodeDeploy leaves this false during an ECS termination wait (aws/containers-roadmap#269, acknowledged as a bug).
    instanceTerminationWaitTimeStarted: false,
    blueGreenDeploymentConfiguration: renderGroup(ctx, g).blueGreenDeploymentConfiguration,
    loadBalancerInfo: renderGroup(ctx, g).loadBalancerInfo,
    fileExistsBehavior: 'DISALLOW',
    deploymentStatusMessages: [],
    computePlatform: 'ECS',
  }) as Wire<DeploymentInfo>
}

export function batchGetDeployments(ctx: Context, input: { deploymentIds?: string[] }): object {
  const ids = input.deploymentIds ?? []
  if (ids.length === 0)
    throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.')
  if (ids.length > 25) throw new AwsError('BatchLimitExceededException', 'The maximum number of deployment IDs is 25.')
  const found = ids.map((id) => ctx.state.deployments.get(id)).filter((d) => d !== undefined)
  return { deploymentsInfo: found.map((d) => renderDeployment(ctx, d)) }
}

const STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready']

export function listDeployments(ctx: Context, input: Wire<ListDeploymentsInput>): object {
  let all = [...ctx.state.deployments.values()]
  if (input.applicationName !== undefined || input.deploymentGroupName !== undefined) {
    if (input.deploymentGroupName === undefined) {
      throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.')
    }
    const g = group(ctx.state, input.applicationName, input.deploymentGroupName)
    all = all.filter((d) => d.applicationName === g.applicationName && d.deploymentGroupName === g.deploymentGroupName)
  }
  const statuses = input.includeOnlyStatuses ?? []
  const unknown = statuses.find((s) => !STATUSES.includes(s))
  if (unknown) throw new AwsError('InvalidDeploymentStatusException', `The deployment status ${unknown} is not valid.`)
  if (statuses.length > 0) all = all.filter((d) => statuses.includes(d.status))
  const { start: from, end: to } = input.createTimeRange ?? {}
  if (from !== undefined) all = all.filter((d) => d.createTime >= Number(from))
  if (to !== undefined) all = all.filter((d) => d.createTime <= Number(to))
  const ids = all.reverse().map((d) => d.deploymentId)
  const { items, nextToken } = page(ids, undefined, input.nextToken, { default: 100, max: 100 })
  return { deployments: items, nextToken }
}

// ---- Hooks, stop, continue ----

export function putLifecycleEventHookExecutionStatus(
  ctx: Context,
  input: { deploymentId?: string; lifecycleEventHookExecutionId?: string; status?: string },
): object {
  const d = deployment(ctx.state, input.deploymentId)
  if (input.status !== 'Succeeded' && input.status !== 'Failed') {
    throw new AwsError(
      'InvalidLifecycleEventHookExecutionStatusException',
      `The result of a Lambda validation function must be Succeeded or Failed, got ${String(input.status)}.`,
    )
  }
  const id = input.lifecycleEventHookExecutionId ?? ''
  const outcome = reportHook(ctx, d, id, input.status)
  if (outcome === 'unknown') {
    throw new AwsError(
      'InvalidLifecycleEventHookExecutionIdException',
      `The lifecycle event hook execution ID ${id} is not valid.`,
    )
  }
  if (outcome === 'completed') {
    throw new AwsError(
      'LifecycleEventAlreadyCompletedException',
      `The lifecycle event for hook execution ${id} has already completed.`,
    )
  }
  return { lifecycleEventHookExecutionId: id }
}

/** StopDeployment is asynchronous: answered Pending, the deployment reaches Stopped (its group free) a little later. */
const STOP_DELAY_MS = 2000

export function stopDeployment(ctx: Context, input: { deploymentId?: string; autoRollbackEnabled?: boolean }): object {
  const d = deployment(ctx.state, input.deploymentId)
  if (isDone(d))
    throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`)
  const pending = { status: 'Pending', statusMessage: `Stopping deployment ${d.deploymentId}.` }
  if (d.stopRequested) return pending
  d.stopRequested = true
  const timer = ctx.world.clock.after(STOP_DELAY_MS, () => {
    d.timers = d.timers.filter((t) => t !== timer)
    if (isDone(d)) return
    fail(ctx, d, {
      code: 'MANUAL_STOP',
      message: 'The deployment was stopped by a StopDeployment request.',
      stopped: true,
      rollback: input.autoRollbackEnabled,
    })
  })
  d.timers.push(timer)
  return pending
}

export function continueDeployment(
  ctx: Context,
  input: { deploymentId?: string; deploymentWaitType?: string },
): object {
  const d = deployment(ctx.state, input.deploymentId)
  const waitType = input.deploymentWaitType ?? 'READY_WAIT'
  if (waitType !== 'READY_WAIT' && waitType !== 'TERMINATION_WAIT') {
    throw new AwsError('InvalidDeploymentWaitTypeException', `The wait type ${waitType} is not valid.`)
  }
  if (isDone(d))
    throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`)
  if (waitType === 'TERMINATION_WAIT' && d.inTerminationWait) {
    finishSucceeded(ctx, d)
    return {}
  }
  throw new AwsError(
    'DeploymentIsNotInReadyStateException',
    `The deployment ${d.deploymentId} is not waiting for ${waitType}.`,
  )
}
