import type {
  AutoRollbackConfiguration,
  CreateDeploymentConfigInput,
  CreateDeploymentInput,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget,
  ECSTaskSet,
  ListDeploymentsInput,
} from '@aws-sdk/client-codedeploy'
import { parseRevision } from './codedeploy-appspec.js'
import { validateTrafficRouting, type DeploymentConfigRecord } from './codedeploy-configs.js'
import {
  context,
  fail,
  finishSucceeded,
  groupOf,
  lifecycleEventsFor,
  reportHook,
  start,
  type Context,
} from './codedeploy-lifecycle.js'
import {
  application,
  deployment,
  group,
  groupKey,
  serviceOf,
  newDeploymentId,
  targetGroupName,
  type DeploymentRecord,
  type GroupRecord,
} from './codedeploy-state.js'
import { counts } from './codedeploy-tasksets.js'
import type { Ecs } from './ecs.js'
import type { ServiceDefinition } from './server.js'
import { AwsError, page, type DeploymentState, type Wire } from './world.js'

/**
 * CodeDeploy for the ECS compute platform (aws-facts.md §4): applications and deployment groups from the scenario,
 * deployment configs, blue/green deployments driven through ECS task sets, lifecycle hooks and rollbacks. The
 * lifecycle itself is in codedeploy-lifecycle.ts.
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

// ---- Applications, groups, configs ----

function listApplications(ctx: Context, input: { nextToken?: string }): object {
  const names = [...ctx.state.applications.keys()].sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { applications: items, nextToken }
}

function listDeploymentGroups(ctx: Context, input: { applicationName?: string; nextToken?: string }): object {
  const app = application(ctx.state, input.applicationName)
  const names = [...ctx.state.groups.values()]
    .filter((g) => g.applicationName === app.applicationName)
    .map((g) => g.deploymentGroupName)
    .sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { applicationName: app.applicationName, deploymentGroups: items, nextToken }
}

/** Groups that do not exist are named in `errorMessage`, not raised (wording unverified). */
function batchGetDeploymentGroups(
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

function renderGroup(ctx: Context, g: GroupRecord): Wire<DeploymentGroupInfo> {
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

function deploymentConfig(ctx: Context, name: unknown): DeploymentConfigRecord {
  if (typeof name !== 'string' || name === '') {
    throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.')
  }
  const config = ctx.state.configs.get(name)
  if (!config)
    throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`)
  return config
}

function createDeploymentConfig(ctx: Context, input: Wire<CreateDeploymentConfigInput>): object {
  const name = input.deploymentConfigName
  if (!name)
    throw new AwsError('DeploymentConfigNameRequiredException', 'The deployment configuration name was not specified.')
  if (!/^[\w.+=,@-]{1,100}$/.test(name) || name.startsWith('CodeDeployDefault.')) {
    throw new AwsError(
      'InvalidDeploymentConfigNameException',
      `The deployment configuration name ${name} is not valid.`,
    )
  }
  if (ctx.state.configs.has(name)) {
    throw new AwsError(
      'DeploymentConfigAlreadyExistsException',
      `Deployment Configuration already exists with name: ${name}`,
    )
  }
  if (input.computePlatform !== 'ECS') {
    throw new AwsError('InvalidComputePlatformException', 'The computePlatform must be ECS in this emulator.')
  }
  const config: DeploymentConfigRecord = {
    deploymentConfigId: ctx.world.uuid(),
    deploymentConfigName: name,
    computePlatform: 'ECS',
    createTime: ctx.world.nowSeconds(),
    trafficRoutingConfig: validateTrafficRouting(input.trafficRoutingConfig),
  }
  ctx.state.configs.set(name, config)
  return { deploymentConfigId: config.deploymentConfigId }
}

function listDeploymentConfigs(ctx: Context, input: { nextToken?: string }): object {
  const names = [...ctx.state.configs.keys()].sort()
  const { items, nextToken } = page(names, undefined, input.nextToken, { default: 100, max: 100 })
  return { deploymentConfigsList: items, nextToken }
}

// ---- Deployments ----

function createDeployment(ctx: Context, input: Wire<CreateDeploymentInput>): object {
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

function renderDeployment(ctx: Context, d: DeploymentRecord): Wire<DeploymentInfo> {
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

function batchGetDeployments(ctx: Context, input: { deploymentIds?: string[] }): object {
  const ids = input.deploymentIds ?? []
  if (ids.length === 0)
    throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.')
  if (ids.length > 25) throw new AwsError('BatchLimitExceededException', 'The maximum number of deployment IDs is 25.')
  const found = ids.map((id) => ctx.state.deployments.get(id)).filter((d) => d !== undefined)
  return { deploymentsInfo: found.map((d) => renderDeployment(ctx, d)) }
}

const STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready']

function listDeployments(ctx: Context, input: Wire<ListDeploymentsInput>): object {
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

// ---- Deployment targets ----

function startedDeployment(ctx: Context, id: unknown): DeploymentRecord {
  const d = deployment(ctx.state, id)
  if (d.status === 'Created')
    throw new AwsError('DeploymentNotStartedException', 'The specified deployment has not started.')
  return d
}

function listDeploymentTargets(ctx: Context, input: { deploymentId?: string; nextToken?: string }): object {
  const d = startedDeployment(ctx, input.deploymentId)
  const { items, nextToken } = page([d.target.id], undefined, input.nextToken, { default: 100, max: 100 })
  return { targetIds: items, nextToken }
}

function getDeploymentTarget(ctx: Context, input: { deploymentId?: string; targetId?: string }): object {
  const d = startedDeployment(ctx, input.deploymentId)
  return { deploymentTarget: renderTarget(ctx, d, input.targetId) }
}

function batchGetDeploymentTargets(ctx: Context, input: { deploymentId?: string; targetIds?: string[] }): object {
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

// ---- Hooks, stop, continue ----

function putLifecycleEventHookExecutionStatus(
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

function stopDeployment(ctx: Context, input: { deploymentId?: string; autoRollbackEnabled?: boolean }): object {
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

function continueDeployment(ctx: Context, input: { deploymentId?: string; deploymentWaitType?: string }): object {
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

/** Drops undefined members so the JSON carries only what AWS would send. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
