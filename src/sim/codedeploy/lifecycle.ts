import type { Diagnostics, ErrorCode } from '@aws-sdk/client-codedeploy'
import type { World } from '../core/state.js'
import type { ServiceState } from '../core/types.js'
import type { Ecs } from '../ecs/ecs.js'
import { findTaskDefinition } from '../ecs/rolling.js'
import { functionName, type LifecycleEventName } from './appspec.js'
import { trafficSchedule } from './configs.js'
import {
  codeDeployState,
  newDeploymentId,
  serviceOf,
  targetGroupArn,
  targetGroupName,
  type CodeDeployState,
  type DeploymentRecord,
  type GroupRecord,
  type LifecycleEventRecord,
} from './state.js'
import { createReplacement, drainTaskSet, isStable } from './task-sets.js'

/*
 * The lifecycle of an ECS blue/green deployment, on the emulated clock.
 *
 * Checked against AWS (documentation, the ECS tutorial's get-deployment-target output and recorded runs):
 * - events run in the order of ECS_LIFECYCLE_EVENTS; without a test listener AllowTestTraffic and
 *   AfterAllowTestTraffic are absent from the target's list (the tutorial's output lists six events), with one all
 *   eight are listed from the start as Pending;
 * - a deployment is Created for a moment, then InProgress; deploymentOverview is absent until it ends;
 * - after AfterAllowTraffic the target is Succeeded while the deployment stays InProgress through the termination
 *   wait, with both task sets at scale 100 (replacement PRIMARY, original ACTIVE at weight 0); then the original
 *   task set is DRAINING at scale 0 and the deployment Succeeded;
 * - a failure marks the running event Failed and the rest Skipped; an automatic rollback is a new deployment
 *   (creator codeDeployRollback, CodeDeployDefault.ECSAllAtOnce) that moves traffic back and drains the replacement,
 *   and the two are linked both ways by rollbackInfo with the messages used below;
 * - a hook that does not report within one hour fails its event.
 * Not verified (emulator wording): the errorInformation messages for hook failures and unhealthy replacements, the
 * diagnostics of a failed hook, and the rollback deployment's own event list.
 */

export interface Context {
  world: World
  ecs: Ecs
  state: CodeDeployState
}

/** A lifecycle event with no work of its own takes about half a second (recorded runs). */
const STEP_MS = 500

const CREATED_MS = 2000

const POLL_MS = 1000

const HOOK_TIMEOUT_MS = 60 * 60_000

const INSTALL_TIMEOUT_MS = 60 * 60_000

const DEFAULT_HOOK_SECONDS = 1

export function context(world: World, ecs: Ecs): Context {
  return { world, ecs, state: codeDeployState(world) }
}

function later(ctx: Context, d: DeploymentRecord, ms: number, fn: () => void): void {
  const timer = ctx.world.clock.after(ms, () => {
    d.timers = d.timers.filter((t) => t !== timer)
    fn()
  })
  d.timers.push(timer)
}

export function cancelTimers(d: DeploymentRecord): void {
  for (const timer of d.timers) timer.cancel()
  d.timers = []
}

export function groupOf(ctx: Context, d: DeploymentRecord): GroupRecord {
  const group = [...ctx.state.groups.values()].find(
    (g) => g.applicationName === d.applicationName && g.deploymentGroupName === d.deploymentGroupName,
  )
  if (!group) throw new Error(`deployment ${d.deploymentId} has no group`)
  return group
}

function touch(ctx: Context, d: DeploymentRecord): void {
  d.target.lastUpdatedAt = ctx.world.nowSeconds()
}

/** Lists the events the target will go through: the test-traffic pair only with a test listener. */
export function lifecycleEventsFor(group: GroupRecord): LifecycleEventRecord[] {
  const names: LifecycleEventName[] = ['BeforeInstall', 'Install', 'AfterInstall']
  if (group.testListenerArn) names.push('AllowTestTraffic', 'AfterAllowTestTraffic')
  names.push('BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic')
  return names.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Pending' }))
}

/** Starts a created deployment: InProgress after a moment, then its events one after the other. */
export function start(ctx: Context, d: DeploymentRecord): void {
  later(ctx, d, CREATED_MS, () => {
    d.status = 'InProgress'
    d.startTime = ctx.world.nowSeconds()
    d.target.status = 'InProgress'
    touch(ctx, d)
    runNext(ctx, d)
  })
}

function runNext(ctx: Context, d: DeploymentRecord): void {
  const event = d.lifecycleEvents.find((e) => e.status === 'Pending')
  if (!event) return trafficShifted(ctx, d)
  event.status = 'InProgress'
  event.startTime = ctx.world.nowSeconds()
  touch(ctx, d)
  if (event.lifecycleEventName === 'Install') return install(ctx, d, event)
  if (event.lifecycleEventName === 'AllowTraffic') return allowTraffic(ctx, d, event)
  if (event.lifecycleEventName === 'AllowTestTraffic') return later(ctx, d, STEP_MS, () => succeed(ctx, d, event))
  runHook(ctx, d, event)
}

function succeed(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord): void {
  if (event.status !== 'InProgress') return
  event.status = 'Succeeded'
  event.endTime = ctx.world.nowSeconds()
  touch(ctx, d)
  later(ctx, d, STEP_MS / 2, () => runNext(ctx, d))
}

// ---- Install: the replacement task set ----

function install(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord): void {
  const group = groupOf(ctx, d)
  const service = serviceOf(ctx.world, group)
  if (!d.green) {
    const problem = installProblem(ctx, d, service)
    if (problem) return later(ctx, d, STEP_MS, () => fail(ctx, d, { code: 'ECS_UPDATE_ERROR', message: problem }))
    d.blue = service.deployments.find((s) => s.status === 'PRIMARY' && s.taskSet)
    const blueGroup = targetGroupName(d.blue?.taskSet?.loadBalancers[0]?.targetGroupArn) ?? group.targetGroups[0]
    const greenGroup = group.targetGroups.find((name) => name !== blueGroup) ?? group.targetGroups[1]
    const template = service.loadBalancers[0]
    d.green = createReplacement(ctx.ecs, service, {
      taskDefinitionArn: d.appSpec.taskDefinition,
      externalId: d.deploymentId,
      loadBalancer: {
        targetGroupArn: targetGroupArn(ctx.world, greenGroup, template?.targetGroupArn),
        containerName: d.appSpec.containerName,
        containerPort: d.appSpec.containerPort,
      },
    })
  }
  waitForReplacement(ctx, d, event, service)
}

/** What ECS would refuse in CreateTaskSet; CodeDeploy reports it as ECS_UPDATE_ERROR during Install. */
function installProblem(ctx: Context, d: DeploymentRecord, service: ServiceState): string | undefined {
  const prefix = 'The ECS service cannot be updated due to an unexpected error:'
  const td = findTaskDefinition(ctx.world, d.appSpec.taskDefinition)
  if (!td || td.status !== 'ACTIVE') {
    return `${prefix} TaskDefinition not found. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)`
  }
  const { containerName, containerPort } = d.appSpec
  const lb = service.loadBalancers.find((l) => l.containerName === containerName && l.containerPort === containerPort)
  const container = td.containerDefinitions?.find((c) => c.name === containerName)
  if (!lb || !container?.portMappings?.some((p) => p.containerPort === containerPort)) {
    return (
      `${prefix} The container ${containerName} did not have a container port ${containerPort} defined.` +
      ' (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)'
    )
  }
  return undefined
}

/**
 * Install ends when every task of the replacement set is RUNNING and in service. Replacement tasks that crash or
 * fail health checks do not end it: ECS keeps replacing them and CodeDeploy waits, up to an hour, then fails the
 * deployment (aws/containers-roadmap#1941: CodeDeploy does not follow the replacement's task health; the one-hour
 * wait and its message are unverified).
 */
function waitForReplacement(
  ctx: Context,
  d: DeploymentRecord,
  event: LifecycleEventRecord,
  service: ServiceState,
): void {
  const green = d.green
  if (!green) return
  if (isStable(ctx.world, service, green)) return succeed(ctx, d, event)
  const waitedMs = (ctx.world.nowSeconds() - (event.startTime ?? ctx.world.nowSeconds())) * 1000
  if (waitedMs >= INSTALL_TIMEOUT_MS) {
    return fail(ctx, d, {
      code: 'ECS_UPDATE_ERROR',
      message:
        'The deployment timed out while waiting for the replacement task set to become healthy. ' +
        'This time out period is 60 minutes.',
    })
  }
  later(ctx, d, POLL_MS, () => waitForReplacement(ctx, d, event, service))
}

// ---- AllowTraffic: production traffic moves on the deployment config's schedule ----

function allowTraffic(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord): void {
  const config = ctx.state.configs.get(d.deploymentConfigName)
  const steps = trafficSchedule(config?.trafficRoutingConfig ?? { type: 'AllAtOnce' })
  steps.forEach((step, index) => {
    later(ctx, d, step.afterMs, () => {
      setWeight(ctx, d, step.weight)
      d.trafficStep = index
      if (index === steps.length - 1) routeProductionToGreen(ctx, d, event)
    })
  })
}

function setWeight(ctx: Context, d: DeploymentRecord, weight: number): void {
  if (d.green?.taskSet) d.green.taskSet.trafficWeight = weight
  if (d.blue?.taskSet) d.blue.taskSet.trafficWeight = 100 - weight
  touch(ctx, d)
}

/** All production traffic is on the replacement: it becomes the service's PRIMARY task set. */
function routeProductionToGreen(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord): void {
  const service = serviceOf(ctx.world, groupOf(ctx, d))
  if (d.green) ctx.ecs.setPrimaryTaskSet(service, d.green)
  succeed(ctx, d, event)
}

/** After AfterAllowTraffic: the target has succeeded; the original task set waits out the termination wait. */
function trafficShifted(ctx: Context, d: DeploymentRecord): void {
  d.target.status = 'Succeeded'
  touch(ctx, d)
  d.inTerminationWait = true
  const minutes = d.creator === 'codeDeployRollback' ? 0 : groupOf(ctx, d).terminationWaitMinutes
  later(ctx, d, minutes * 60_000, () => finishSucceeded(ctx, d))
}

/** Ends the termination wait (its timer, or ContinueDeployment with TERMINATION_WAIT). */
export function finishSucceeded(ctx: Context, d: DeploymentRecord): void {
  cancelTimers(d)
  const group = groupOf(ctx, d)
  const service = serviceOf(ctx.world, group)
  for (const set of [...service.deployments]) {
    if (set !== d.green && set.taskSet) drainTaskSet(ctx.ecs, service, set)
  }
  d.inTerminationWait = false
  d.status = 'Succeeded'
  d.completeTime = ctx.world.nowSeconds()
  touch(ctx, d)
  release(group, d)
  if (d.creator === 'user') group.lastSuccessfulDeploymentId = d.deploymentId
}

function release(group: GroupRecord, d: DeploymentRecord): void {
  if (group.activeDeploymentId === d.deploymentId) group.activeDeploymentId = undefined
}

// ---- Hooks ----

function runHook(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord): void {
  const ref = d.appSpec.hooks[event.lifecycleEventName]
  if (!ref) return later(ctx, d, STEP_MS, () => succeed(ctx, d, event))
  const name = functionName(ref)
  event.hookFunction = name
  const lambda = ctx.world.scenario.lambdas[name]
  if (!lambda) {
    const arn = ctx.world.arn('lambda', `function:${name}`)
    return later(ctx, d, STEP_MS, () =>
      failHook(ctx, d, event, {
        errorCode: 'UnknownError',
        message: `Failed to invoke the lifecycle event hook function ${name}: ResourceNotFoundException: Function not found: ${arn}`,
      }),
    )
  }
  const executionId = Buffer.from(ctx.world.uuid() + ctx.world.hex(32)).toString('base64')
  event.executionId = executionId
  ctx.world.invocations.push({
    at: ctx.world.nowSeconds(),
    function: name,
    payload: { DeploymentId: d.deploymentId, LifecycleEventHookExecutionId: executionId },
  })
  if (lambda.result !== 'external') {
    const result = lambda.result
    later(ctx, d, (lambda.afterSeconds ?? DEFAULT_HOOK_SECONDS) * 1000, () => {
      if (event.status === 'InProgress') reportHook(ctx, d, executionId, result)
    })
  }
  later(ctx, d, HOOK_TIMEOUT_MS, () => {
    if (event.status !== 'InProgress' || event.executionId !== executionId) return
    failHook(ctx, d, event, {
      errorCode: 'UnknownError',
      message: `The lifecycle event hook ${name} did not report a status with PutLifecycleEventHookExecutionStatus within 60 minutes.`,
    })
  })
}

export type HookReport = 'found' | 'unknown' | 'completed'

/** The one path a hook result takes, from a scenario lambda or from PutLifecycleEventHookExecutionStatus. */
export function reportHook(
  ctx: Context,
  d: DeploymentRecord,
  executionId: string,
  status: 'Succeeded' | 'Failed',
): HookReport {
  const event = d.lifecycleEvents.find((e) => e.executionId === executionId)
  if (!event) return 'unknown'
  if (event.status !== 'InProgress' || d.status !== 'InProgress') return 'completed'
  if (status === 'Succeeded') succeed(ctx, d, event)
  else {
    failHook(ctx, d, event, {
      errorCode: 'UnknownError',
      message: `The lifecycle event hook ${event.hookFunction ?? ''} reported Failed.`,
    })
  }
  return 'found'
}

function failHook(ctx: Context, d: DeploymentRecord, event: LifecycleEventRecord, diagnostics: Diagnostics): void {
  const message =
    `The deployment failed because the ${event.lifecycleEventName} lifecycle event hook ` +
    `${event.hookFunction ?? ''} failed: ${diagnostics.message ?? ''}`
  fail(ctx, d, {
    code: 'HOOK_EXECUTION_FAILURE',
    message,
    diagnostics: { ...diagnostics, scriptName: event.hookFunction },
  })
}

// ---- Failure, stop and rollback ----

export interface Failure {
  code: ErrorCode
  message: string
  diagnostics?: Diagnostics
  /** Stopped (StopDeployment) rather than Failed. */
  stopped?: boolean
  /** Overrides the deployment's automatic rollback setting (StopDeployment's autoRollbackEnabled). */
  rollback?: boolean
}

/** Ends a deployment that went wrong, and rolls it back when its configuration (or the caller) says so. */
export function fail(ctx: Context, d: DeploymentRecord, failure: Failure): void {
  cancelTimers(d)
  const now = ctx.world.nowSeconds()
  const current = d.lifecycleEvents.find((e) => e.status === 'InProgress')
  if (current) {
    current.status = 'Failed'
    current.endTime = now
    if (failure.diagnostics) current.diagnostics = failure.diagnostics
  }
  for (const e of d.lifecycleEvents) if (e.status === 'Pending') e.status = 'Skipped'
  d.target.status = 'Failed'
  d.inTerminationWait = false
  d.status = failure.stopped ? 'Stopped' : 'Failed'
  d.errorInformation = { code: failure.code, message: failure.message }
  d.completeTime = now
  touch(ctx, d)
  const group = groupOf(ctx, d)
  release(group, d)
  const rollback =
    failure.rollback ?? rollsBackOn(d, failure.stopped ? 'DEPLOYMENT_STOP_ON_REQUEST' : 'DEPLOYMENT_FAILURE')
  if (rollback && d.blue && d.creator === 'user') startRollback(ctx, d, group)
  else leaveAsIs(ctx, d, group)
}

function rollsBackOn(d: DeploymentRecord, event: string): boolean {
  const config = d.autoRollbackConfiguration
  return config.enabled === true && (config.events ?? []).includes(event as never)
}

/** Without a rollback, a replacement that never took production traffic is removed; otherwise traffic stays put. */
function leaveAsIs(ctx: Context, d: DeploymentRecord, group: GroupRecord): void {
  const green = d.green
  if (!green?.taskSet || green.taskSet.trafficWeight > 0 || green.status === 'PRIMARY') return
  drainTaskSet(ctx.ecs, serviceOf(ctx.world, group), green)
}

function startRollback(ctx: Context, failed: DeploymentRecord, group: GroupRecord): void {
  const id = newDeploymentId(ctx.world, ctx.state)
  const now = ctx.world.nowSeconds()
  failed.rollbackInfo = {
    rollbackDeploymentId: id,
    rollbackMessage: `Deployment ${failed.deploymentId} terminated. Automatic rollback is triggered with a DeploymentId ${id}.`,
  }
  const original = failed.blue
  const rollback: DeploymentRecord = {
    deploymentId: id,
    applicationName: failed.applicationName,
    deploymentGroupName: failed.deploymentGroupName,
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    status: 'Created',
    creator: 'codeDeployRollback',
    revision: rollbackRevision(failed, original?.taskDefinitionArn ?? ''),
    appSpec: { ...failed.appSpec, taskDefinition: original?.taskDefinitionArn ?? '', hooks: {} },
    createTime: now,
    autoRollbackConfiguration: failed.autoRollbackConfiguration,
    rollbackInfo: {
      rollbackTriggeringDeploymentId: failed.deploymentId,
      rollbackMessage: `Deployment ${id} is triggered to roll back deployment ${failed.deploymentId}.`,
    },
    target: { ...failed.target, status: 'Pending', lastUpdatedAt: now },
    lifecycleEvents: lifecycleEventsFor(group),
    // The rollback replaces the failed deployment's task set with the original one, which is still running.
    blue: failed.green,
    green: original,
    trafficStep: -1,
    inTerminationWait: false,
    timers: [],
  }
  ctx.state.deployments.set(id, rollback)
  group.activeDeploymentId = id
  group.lastAttemptedDeploymentId = id
  start(ctx, rollback)
}

function rollbackRevision(failed: DeploymentRecord, taskDefinitionArn: string): DeploymentRecord['revision'] {
  const content = JSON.stringify({
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: taskDefinitionArn,
            LoadBalancerInfo: {
              ContainerName: failed.appSpec.containerName,
              ContainerPort: failed.appSpec.containerPort,
            },
          },
        },
      },
    ],
  })
  return { revisionType: 'AppSpecContent', appSpecContent: { content } }
}
