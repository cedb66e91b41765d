import type { ServiceDeployment, ServiceRevision, ServiceRevisionSummary } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import type {
  DeploymentState,
  ServiceDeploymentState,
  ServiceDeploymentStatus,
  ServiceState,
  Wire,
} from '../core/types.js'
import { circuitBreakerThreshold } from './circuit-breaker.js'
import { optionalSeconds } from '../core/ids.js'
import { withoutUndefined } from '../core/wire.js'

// The service deployments ECS keeps for every deployment of an ECS-controller service (aws-facts-ecs-native.md §4):
// opened when a deployment starts, closed with its outcome, and rendered for ListServiceDeployments,
// DescribeServiceDeployments, DescribeServiceRevisions and DescribeServices.

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** `…:service-revision/<cluster>/<service>/<19 digits>`: the digits of the deployment's `ecs-svc/` id. */
export function revisionArn(world: World, service: ServiceState, deploymentId: string): string {
  const digits = deploymentId.replace(/^ecs-svc\//, '')
  return world.arn('ecs', `service-revision/${service.clusterName}/${service.name}/${digits}`)
}

/** Letters, digits, `_` and `-`, as ECS's service-deployment ids and hook ids use. */
export function randomId(world: World, length: number): string {
  let id = ''
  for (let i = 0; i < length; i++) id += ID_CHARS[Math.floor(world.rand() * ID_CHARS.length)]
  return id
}

/** Runs `fn` after `ms` unless the service deployment ends first (its timers are cancelled then). */
export function laterFor(world: World, sd: ServiceDeploymentState, ms: number, fn: () => void): void {
  const timer = world.clock.after(ms, () => {
    sd.timers = sd.timers.filter((t) => t !== timer)
    fn()
  })
  sd.timers.push(timer)
}

const TERMINAL: ReadonlySet<ServiceDeploymentStatus> = new Set([
  'SUCCESSFUL',
  'STOPPED',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
])

export function isTerminal(sd: ServiceDeploymentState): boolean {
  return TERMINAL.has(sd.status)
}

/** The service deployment still moving, if any (at most one: a new one stops the one before). */
export function activeServiceDeployment(service: ServiceState): ServiceDeploymentState | undefined {
  return service.serviceDeployments.find((sd) => !isTerminal(sd) && sd.status !== 'STOP_REQUESTED')
}

/**
 * Opens the service deployment of `target`, from the deployments that still run tasks (`sources`). The one still
 * moving is stopped first (STOP_REQUESTED, then STOPPED a moment later), as an UpdateService during a deployment does.
 */
export function openServiceDeployment(
  world: World,
  service: ServiceState,
  target: DeploymentState,
  sources: DeploymentState[],
): ServiceDeploymentState {
  const running = activeServiceDeployment(service)
  if (running) requestStop(world, running)
  const now = world.clock.now()
  const id = randomId(world, 21)
  const config = structuredClone(service.deploymentConfiguration)
  const sd: ServiceDeploymentState = {
    arn: world.arn('ecs', `service-deployment/${service.clusterName}/${service.name}/${id}`),
    serviceArn: service.arn,
    clusterArn: world.clusterArn(service.clusterName),
    createdAt: now,
    startedAt: now,
    updatedAt: now,
    status: 'IN_PROGRESS',
    target,
    sources,
    productionWeight: 0,
    testWeight: 0,
    hooks: [],
    deploymentConfiguration: config,
    breakerStatus: config.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED',
    timers: [],
  }
  service.serviceDeployments.push(sd)
  return sd
}

/** A deployment stopped by a newer one (or failed without rollback): STOP_REQUESTED now, STOPPED a moment later. */
export function requestStop(world: World, sd: ServiceDeploymentState, reason?: string): void {
  cancelTimers(sd)
  setStatus(world, sd, 'STOP_REQUESTED', reason)
  world.clock.after(1000, () => finish(world, sd, 'STOPPED'))
}

/** Moves a service deployment to `status` now; terminal ones get their finish time. */
export function setStatus(
  world: World,
  sd: ServiceDeploymentState,
  status: ServiceDeploymentStatus,
  reason?: string,
): void {
  sd.status = status
  if (reason !== undefined) sd.statusReason = reason
  sd.updatedAt = world.clock.now()
}

export function finish(
  world: World,
  sd: ServiceDeploymentState,
  status: ServiceDeploymentStatus,
  reason?: string,
): void {
  cancelTimers(sd)
  setStatus(world, sd, status, reason)
  if (status === 'STOPPED') sd.stoppedAt = sd.updatedAt
  else sd.finishedAt = sd.updatedAt
  if (sd.breakerStatus === 'MONITORING') sd.breakerStatus = 'MONITORING_COMPLETE'
}

export function cancelTimers(sd: ServiceDeploymentState): void {
  for (const timer of sd.timers) timer.cancel()
  sd.timers = []
}

/** The service deployment whose target is `deployment`. */
export function serviceDeploymentOf(
  service: ServiceState,
  deployment: DeploymentState,
): ServiceDeploymentState | undefined {
  return [...service.serviceDeployments].reverse().find((sd) => sd.target === deployment)
}

/** A rolling deployment reached COMPLETED: its own service deployment succeeded, or a rollback to it did. */
export function rolloutCompleted(world: World, service: ServiceState, deployment: DeploymentState): void {
  for (const sd of service.serviceDeployments) {
    if (sd.target === deployment && sd.status === 'IN_PROGRESS') finish(world, sd, 'SUCCESSFUL')
    const rollingBack = sd.status === 'ROLLBACK_IN_PROGRESS' || sd.status === 'ROLLBACK_REQUESTED'
    if (sd.rollbackTo === deployment && rollingBack) finish(world, sd, 'ROLLBACK_SUCCESSFUL')
  }
}

/** The circuit breaker failed a rolling deployment: rolled back to `to`, or stopped where it is. */
export function rolloutFailed(
  world: World,
  service: ServiceState,
  deployment: DeploymentState,
  to: DeploymentState | undefined,
  reason: string,
): void {
  const sd = serviceDeploymentOf(service, deployment)
  if (!sd || isTerminal(sd)) return
  sd.breakerStatus = 'TRIGGERED'
  if (!to) return requestStop(world, sd, reason)
  startRollback(world, sd, to, reason, 'ROLLBACK_IN_PROGRESS')
}

export function startRollback(
  world: World,
  sd: ServiceDeploymentState,
  to: DeploymentState,
  reason: string,
  status: 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_REQUESTED',
): void {
  sd.rollbackTo = to
  sd.rollback = { reason, startedAt: world.clock.now(), serviceRevisionArn: to.revisionArn }
  setStatus(world, sd, status, reason)
}

/** One revision of a service deployment: its task counts and, during a native deployment, its traffic share. */
export function revisionSummary(
  world: World,
  service: ServiceState,
  sd: ServiceDeploymentState | undefined,
  d: DeploymentState,
): Wire<ServiceRevisionSummary> {
  const tasks = world.serviceTasks(service).filter((t) => t.deploymentId === d.id && t.desiredStatus === 'RUNNING')
  const weights = sd?.lifecycleStage === undefined ? {} : trafficWeights(sd, d === sd.target)
  return {
    arn: d.revisionArn,
    requestedTaskCount: d.desiredCount,
    runningTaskCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTaskCount: tasks.filter((t) => t.lastStatus !== 'RUNNING').length,
    ...weights,
  }
}

function trafficWeights(sd: ServiceDeploymentState, green: boolean): Wire<ServiceRevisionSummary> {
  return {
    requestedProductionTrafficWeight: green ? sd.productionWeight : 100 - sd.productionWeight,
    requestedTestTrafficWeight: green ? sd.testWeight : 100 - sd.testWeight,
  }
}

export function renderServiceDeployment(
  world: World,
  service: ServiceState,
  sd: ServiceDeploymentState,
): Wire<ServiceDeployment> {
  const config = sd.deploymentConfiguration
  return withoutUndefined({
    serviceDeploymentArn: sd.arn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    createdAt: optionalSeconds(sd.createdAt),
    startedAt: optionalSeconds(sd.startedAt),
    finishedAt: optionalSeconds(sd.finishedAt),
    stoppedAt: optionalSeconds(sd.stoppedAt),
    updatedAt: optionalSeconds(sd.updatedAt),
    sourceServiceRevisions: sd.sources.map((d) => revisionSummary(world, service, sd, d)),
    targetServiceRevision: revisionSummary(world, service, sd, sd.target),
    status: sd.status,
    statusReason: sd.statusReason,
    lifecycleStage:
      sd.lifecycleStage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' ? 'PRODUCTION_TRAFFIC_SHIFT' : sd.lifecycleStage,
    lifecycleHookDetails:
      sd.hooks.length > 0
        ? sd.hooks.map((h) =>
            withoutUndefined({
              hookId: h.hookId,
              targetType: h.targetType,
              targetArn: h.targetArn,
              status: h.status,
              expiresAt: optionalSeconds(h.expiresAt),
              timeoutAction: h.timeoutAction,
            }),
          )
        : undefined,
    deploymentConfiguration: config,
    rollback: sd.rollback && { ...sd.rollback, startedAt: optionalSeconds(sd.rollback.startedAt) },
    deploymentCircuitBreaker: {
      status: sd.breakerStatus,
      failureCount: sd.target.failedTasks,
      threshold: circuitBreakerThreshold(config, service.desiredCount),
    },
    alarms: { status: 'DISABLED' },
  }) as Wire<ServiceDeployment>
}

/** A service revision: what one deployment runs, with the target groups it serves from. */
export function renderServiceRevision(world: World, service: ServiceState, d: DeploymentState): Wire<ServiceRevision> {
  const loadBalancers = d.loadBalancers ?? service.loadBalancers
  return withoutUndefined({
    serviceRevisionArn: d.revisionArn,
    serviceArn: service.arn,
    clusterArn: world.clusterArn(service.clusterName),
    taskDefinition: d.taskDefinitionArn,
    launchType: d.launchType as ServiceRevision['launchType'],
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === 'FARGATE' ? 'Linux' : undefined,
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    networkConfiguration: d.networkConfiguration,
    containerImages: [],
    guardDutyEnabled: false,
    createdAt: d.createdAt,
    resolvedConfiguration: {
      loadBalancers: loadBalancers.map((lb) =>
        withoutUndefined({
          targetGroupArn: lb.targetGroupArn,
          productionListenerRule: lb.advancedConfiguration?.productionListenerRule,
        }),
      ),
    },
  })
}
