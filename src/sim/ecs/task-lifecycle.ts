import type { ContainerDefinition, LoadBalancer, Tag, TaskOverride } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import type { ContainerState, TaskDefinitionRecord, TaskState } from '../core/types.js'
import type { Behavior } from '../scenario/types.js'
import { cancelTimers, finishStop, stopTask } from './task-stop.js'

export interface LaunchSpec {
  clusterName: string
  taskDefinition: TaskDefinitionRecord
  launchType: string
  platformVersion?: string
  serviceName?: string
  deploymentId?: string
  group: string
  startedBy?: string
  loadBalancers?: LoadBalancer[]
  healthCheckGracePeriodSeconds?: number
  tags?: Tag[]
  overrides?: TaskOverride
  /** Already up when the world begins (scenario services start steady), if every image is healthy. */
  warm?: boolean
}

const PROVISION_MS = 1000

const PULL_FAILURE_MS = 3000

const HEALTHY: Behavior = { kind: 'healthy', startSeconds: 10, afterSeconds: 0, exitCode: 0, logs: [] }

/**
 * Starts a task: PROVISIONING now, PENDING after a second, then what its images decide (sim-scenario.md "Image
 * behaviours"): RUNNING after startSeconds, a verdict of its health checks, a crash, an OOM kill, or a failure to start.
 */
export function launchTask(world: World, spec: LaunchSpec): TaskState {
  const now = world.clock.now()
  const id = world.hex(32)
  const td = spec.taskDefinition
  const task: TaskState = {
    id,
    arn: world.arn('ecs', `task/${spec.clusterName}/${id}`),
    clusterName: spec.clusterName,
    serviceName: spec.serviceName,
    deploymentId: spec.deploymentId,
    group: spec.group,
    startedBy: spec.startedBy,
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: now,
    containers: (td.containerDefinitions ?? []).map((c) =>
      containerState(world, id, c as ContainerDefinition, commandOf(c as ContainerDefinition, spec.overrides)),
    ),
    launchType: spec.launchType,
    platformVersion: spec.launchType === 'FARGATE' ? (spec.platformVersion ?? '1.4.0') : undefined,
    cpu: td.cpu,
    memory: td.memory,
    overrides: spec.overrides ?? { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    version: 1,
    availabilityZone: `${world.region}${'abc'[Math.floor(world.rand() * 3)]}`,
    privateIp: `10.0.${Math.floor(world.rand() * 256)}.${1 + Math.floor(world.rand() * 254)}`,
    targets: (spec.loadBalancers ?? []).filter((lb) =>
      td.containerDefinitions?.some((c) => c.name === lb.containerName),
    ),
    inService: false,
    proven: false,
    timers: [],
  }
  world.tasks.set(task.arn, task)
  if (spec.tags?.length) world.resourceTags.set(task.arn, [...spec.tags])
  if (spec.warm && task.containers.every((c) => c.behavior?.kind === 'healthy')) startWarm(world, task)
  else later(world, task, PROVISION_MS, () => becomePending(world, task, spec))
  return task
}

function startWarm(world: World, task: TaskState): void {
  const now = world.clock.now()
  const startMs = Math.max(...task.containers.map((c) => (c.behavior ?? HEALTHY).startSeconds * 1000))
  const verdictMs = world.timing.healthCheckSeconds * 1000
  task.createdAt = now - startMs - verdictMs
  task.connectivityAt = task.createdAt + PROVISION_MS
  task.pullStartedAt = task.connectivityAt
  task.startedAt = now - verdictMs
  task.pullStoppedAt = task.startedAt - 500
  task.lastStatus = 'RUNNING'
  task.inService = true
  task.proven = true
  for (const c of task.containers) {
    c.lastStatus = 'RUNNING'
    if (c.hasHealthCheck) c.healthStatus = 'HEALTHY'
    writeStartupLogs(world, task, c, task.startedAt)
  }
  task.healthStatus = taskHealth(task)
}

/** The command a container runs: its override's (RunTask containerOverrides), else its definition's. */
function commandOf(def: ContainerDefinition, overrides: TaskOverride | undefined): string[] | undefined {
  return overrides?.containerOverrides?.find((o) => o.name === def.name)?.command ?? def.command
}

function containerState(
  world: World,
  taskId: string,
  def: ContainerDefinition,
  command: string[] | undefined,
): ContainerState {
  const image = def.image ?? ''
  const resolved = world.behaviorOfImage(image, command)
  const options = def.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined
  const prefix = options?.['awslogs-stream-prefix']
  return {
    name: def.name ?? '',
    image,
    imageDigest: resolved.digest,
    runtimeId: `${taskId}-${Math.floor(world.rand() * 1e10)}`,
    essential: def.essential !== false,
    lastStatus: 'PENDING',
    healthStatus: 'UNKNOWN',
    hasHealthCheck: def.healthCheck !== undefined,
    healthCheck: def.healthCheck && {
      intervalSeconds: def.healthCheck.interval ?? 30,
      retries: def.healthCheck.retries ?? 3,
      startPeriodSeconds: def.healthCheck.startPeriod ?? 0,
    },
    behavior: resolved.pullError ? undefined : (resolved.behavior ?? HEALTHY),
    pullError: resolved.pullError,
    cpu: String(def.cpu ?? 0),
    memory: def.memory === undefined ? undefined : String(def.memory),
    memoryReservation: def.memoryReservation === undefined ? undefined : String(def.memoryReservation),
    ports: (def.portMappings ?? []).map((p) => p.containerPort ?? 0).filter((p) => p > 0),
    logGroup: options?.['awslogs-group'],
    logStream: options ? (prefix ? `${prefix}/${def.name}/${taskId}` : taskId) : undefined,
  }
}

function later(world: World, task: TaskState, ms: number, fn: () => void): void {
  const timer = world.clock.after(ms, () => {
    task.timers = task.timers.filter((t) => t !== timer)
    fn()
  })
  task.timers.push(timer)
}

function becomePending(world: World, task: TaskState, spec: LaunchSpec): void {
  if (task.desiredStatus === 'STOPPED') return
  const now = world.clock.now()
  task.lastStatus = 'PENDING'
  task.connectivityAt = now
  task.pullStartedAt = now
  const unpullable = task.containers.find((c) => c.pullError)
  if (unpullable) {
    return later(world, task, PULL_FAILURE_MS, () =>
      failToStart(world, task, unpullable.pullError ?? '', (c) => (c === unpullable ? c.pullError : undefined)),
    )
  }
  const secrets = task.containers.find((c) => c.behavior?.kind === 'secrets-error')
  if (secrets) {
    const reason = secretsErrorReason(world, task, spec)
    return later(world, task, PULL_FAILURE_MS, () => failToStart(world, task, reason, () => undefined))
  }
  const startMs = Math.max(...task.containers.map((c) => (c.behavior ?? HEALTHY).startSeconds * 1000), PROVISION_MS + 1)
  later(world, task, startMs - PROVISION_MS, () => becomeRunning(world, task, spec))
}

function secretsErrorReason(world: World, task: TaskState, spec: LaunchSpec): string {
  const secret = spec.taskDefinition.containerDefinitions?.flatMap((c) => c.secrets ?? [])[0]?.valueFrom
  const arn = secret ?? world.arn('secretsmanager', 'secret:app-secret')
  return (
    'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ' +
    `unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${arn} ` +
    `from secrets manager: AccessDeniedException: User: ${world.arn('sts', 'assumed-role/ecsTaskExecutionRole/' + task.id).replace(`:${world.region}:`, '::')} ` +
    `is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn}`
  )
}

function failToStart(
  world: World,
  task: TaskState,
  reason: string,
  containerReason: (c: ContainerState) => string | undefined,
): void {
  if (task.desiredStatus === 'STOPPED') return
  const now = world.clock.now()
  task.desiredStatus = 'STOPPED'
  task.lastStatus = 'STOPPED'
  task.stopCode = 'TaskFailedToStart'
  task.stoppedReason = reason
  task.stoppingAt = now
  task.executionStoppedAt = now
  task.stoppedAt = now
  task.version++
  for (const c of task.containers) {
    c.lastStatus = 'STOPPED'
    c.reason = containerReason(c)
  }
  cancelTimers(task)
  world.taskListener?.onFailed(task, 'start')
  finishStop(world, task)
}

function becomeRunning(world: World, task: TaskState, spec: LaunchSpec): void {
  if (task.desiredStatus === 'STOPPED') return
  const now = world.clock.now()
  task.lastStatus = 'RUNNING'
  task.pullStoppedAt = now - 500
  task.startedAt = now
  task.version++
  for (const c of task.containers) c.lastStatus = 'RUNNING'
  for (const c of task.containers) {
    if (c.behavior?.kind === 'exit' && c.behavior.logs.length > 0) writeJobLogs(world, task, c, c.behavior)
    else writeStartupLogs(world, task, c)
  }

  const exits = task.containers
    .filter((c) => c.behavior?.kind === 'crash' || c.behavior?.kind === 'oom' || c.behavior?.kind === 'exit')
    .map((c) => ({ container: c, ms: (c.behavior?.afterSeconds ?? 0) * 1000 }))
  for (const { container, ms } of exits) later(world, task, ms, () => containerExits(world, task, container))

  scheduleHealthVerdict(world, task, (spec.healthCheckGracePeriodSeconds ?? 0) * 1000)
  world.taskListener?.onRunning(task)
}

/**
 * When a RUNNING task counts as healthy (inService, proven: ECS resets the circuit breaker's failedTasks on it and may
 * complete the deployment) or is replaced for failing its health checks (circuit breaker stage 2):
 * - load balancer targets give their verdict after timing.healthCheckSeconds;
 * - container health checks behave as Docker runs them: a probe every `interval` seconds from the start, HEALTHY at
 *   the first passing probe (a pass during startPeriod counts), UNHEALTHY after `retries` consecutive failing probes,
 *   failures during startPeriod not counted. Non-essential containers do not affect the task's health;
 * - the scheduler ignores unhealthy verdicts for the service's healthCheckGracePeriodSeconds after the start;
 * - with neither (no target group, no essential container with a health check), the task is in service for
 *   minimumHealthyPercent as soon as it is RUNNING, but only counts as healthy for the circuit breaker and deployment
 *   completion once it has stayed up max(healthCheckGracePeriodSeconds, timing.settleSeconds) (aws-facts.md §3,
 *   observed behaviour). AWS documents no such wait: the API reference says the grace period "is unused" without
 *   health checks, and containers-roadmap#1206 (2021) only says a task that fails "before reporting a health check"
 *   no longer resets failedTasks. Both the settle time and its interplay with the grace period are unverified.
 */
function scheduleHealthVerdict(world: World, task: TaskState, graceMs: number): void {
  const checkedContainers = task.containers.filter((c) => c.healthCheck)
  const lbChecked = task.targets.length > 0
  const failures: { at: number; container: ContainerState; elb: boolean }[] = []
  let passAt = 0
  if (lbChecked) {
    const verdictMs = world.timing.healthCheckSeconds * 1000
    passAt = verdictMs
    const failing = task.containers.find(
      (c) => c.behavior?.kind === 'unhealthy' && task.targets.some((t) => t.containerName === c.name),
    )
    if (failing) failures.push({ at: Math.max(verdictMs, graceMs), container: failing, elb: true })
  }
  for (const c of checkedContainers) {
    const timing = containerHealthTiming(c)
    if (c.behavior?.kind === 'unhealthy') {
      later(world, task, timing.unhealthyMs, () => markContainerHealth(task, c, 'UNHEALTHY'))
      if (c.essential) failures.push({ at: Math.max(timing.unhealthyMs, graceMs), container: c, elb: false })
    } else {
      later(world, task, timing.healthyMs, () => markContainerHealth(task, c, 'HEALTHY'))
      if (c.essential) passAt = Math.max(passAt, timing.healthyMs)
    }
  }
  const checked = lbChecked || checkedContainers.some((c) => c.essential)
  task.inService = !checked
  const first = failures.sort((a, b) => a.at - b.at)[0]
  if (first) later(world, task, first.at, () => failHealthChecks(world, task, first.container, first.elb))
  else if (checked) later(world, task, passAt, () => passHealthChecks(world, task))
  else later(world, task, Math.max(graceMs, world.timing.settleSeconds * 1000), () => passHealthChecks(world, task))
}

/** Docker's health check timeline for a container (probe durations neglected). */
function containerHealthTiming(c: ContainerState): { healthyMs: number; unhealthyMs: number } {
  const { intervalSeconds, retries, startPeriodSeconds } = c.healthCheck ?? {
    intervalSeconds: 30,
    retries: 3,
    startPeriodSeconds: 0,
  }
  const firstCounted = Math.max(1, Math.ceil(startPeriodSeconds / intervalSeconds))
  return { healthyMs: intervalSeconds * 1000, unhealthyMs: (firstCounted + retries - 1) * intervalSeconds * 1000 }
}

function markContainerHealth(task: TaskState, c: ContainerState, status: 'HEALTHY' | 'UNHEALTHY'): void {
  if (task.desiredStatus === 'STOPPED' || c.healthStatus === status) return
  c.healthStatus = status
  task.healthStatus = taskHealth(task)
  task.version++
}

/** The task's healthStatus: from its essential containers' health checks only. */
function taskHealth(task: TaskState): TaskState['healthStatus'] {
  const essential = task.containers.filter((c) => c.essential && c.healthCheck)
  if (essential.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY'
  if (essential.length > 0 && essential.every((c) => c.healthStatus === 'HEALTHY')) return 'HEALTHY'
  return 'UNKNOWN'
}

function passHealthChecks(world: World, task: TaskState): void {
  if (task.desiredStatus === 'STOPPED') return
  task.inService = true
  task.proven = true
  task.version++
  world.taskListener?.onProven(task)
}

function failHealthChecks(world: World, task: TaskState, container: ContainerState, elb: boolean): void {
  if (task.desiredStatus === 'STOPPED') return
  task.inService = false
  const target = elb ? task.targets.find((t) => t.containerName === container.name) : undefined
  if (!elb) markContainerHealth(task, container, 'UNHEALTHY')
  const service = task.serviceName ? world.clusters.get(task.clusterName)?.services.get(task.serviceName) : undefined
  if (target && service) {
    world.addEvent(
      service,
      `(service ${service.name}) (task ${task.id}) (port ${target.containerPort}) is unhealthy in (target-group ${target.targetGroupArn}) due to (reason Health checks failed with these codes: [503]).`,
    )
  } else if (service) {
    world.addEvent(service, `(service ${service.name}) (task ${task.id}) failed container health checks.`)
  }
  task.version++
  const reason = target
    ? `Task failed ELB health checks in (target-group ${target.targetGroupArn})`
    : 'Task failed container health checks'
  if (service) {
    // The service scheduler replaces the task; it counts as a failure (circuit breaker stage 2).
    stopTask(world, task, { stopCode: 'ServiceSchedulerInitiated', reason, announce: true })
    world.taskListener?.onFailed(task, 'health')
  }
}

function containerExits(world: World, task: TaskState, container: ContainerState): void {
  if (task.desiredStatus === 'STOPPED' || container.lastStatus === 'STOPPED') return
  const behavior = container.behavior ?? HEALTHY
  const oom = behavior.kind === 'oom'
  if (behavior.kind !== 'exit' || behavior.logs.length === 0) writeExitLogs(world, container, behavior)
  container.lastStatus = 'STOPPED'
  container.exitCode = oom ? 137 : behavior.exitCode
  if (oom) container.reason = 'OutOfMemoryError: Container killed due to memory usage'
  task.version++
  if (!container.essential) return
  const provenBefore = task.proven
  stopTask(world, task, {
    stopCode: 'EssentialContainerExited',
    reason: 'Essential container in task exited',
    executionStoppedAt: world.clock.now(),
  })
  world.taskListener?.onFailed(task, provenBefore ? 'exit' : 'start')
}

function writeStartupLogs(world: World, task: TaskState, c: ContainerState, at = world.clock.now()): void {
  if (!c.logGroup || !c.logStream || !c.behavior) return
  const lines =
    c.behavior.kind === 'healthy' || c.behavior.kind === 'unhealthy'
      ? c.behavior.logs.length > 0
        ? c.behavior.logs
        : defaultStartupLines(task, c)
      : defaultStartupLines(task, c)
  world.writeLogs(c.logGroup, c.logStream, lines, at)
}

/** A job's output (`exit`): its lines one after another while it runs, the first at the start, all before the exit. */
function writeJobLogs(world: World, task: TaskState, c: ContainerState, behavior: Behavior): void {
  const { logGroup, logStream } = c
  if (!logGroup || !logStream) return
  const stepMs = (behavior.afterSeconds * 1000) / behavior.logs.length
  behavior.logs.forEach((text, i) => {
    if (i === 0) world.writeLogs(logGroup, logStream, [text], world.clock.now())
    else
      later(world, task, Math.floor(i * stepMs), () => world.writeLogs(logGroup, logStream, [text], world.clock.now()))
  })
}

function defaultStartupLines(task: TaskState, c: ContainerState): string[] {
  const lines = [`Starting ${c.name} (${c.image}) in task ${task.id}`]
  if (c.ports.length > 0) lines.push(`Listening on port ${c.ports.join(', ')}`)
  return lines
}

function writeExitLogs(world: World, c: ContainerState, behavior: Behavior): void {
  if (!c.logGroup || !c.logStream) return
  const fallback =
    behavior.kind === 'oom'
      ? ['FATAL: out of memory: allocation failed']
      : [`Process exited with code ${behavior.exitCode}`]
  const lines = behavior.logs.length > 0 ? behavior.logs : fallback
  world.writeLogs(c.logGroup, c.logStream, lines, world.clock.now() - lines.length)
}
