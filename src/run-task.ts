import { randomUUID } from 'node:crypto'
import type { ContainerDefinition, Service, Task, TaskDefinition } from '@aws-sdk/client-ecs'
import { callSignals } from './aws/abort.js'
import { abortable, observed } from './aws/clients.js'
import { neverReached } from './aws/errors.js'
import type { RunTaskConfig } from './config/types.js'
import { lookUpService, taskId } from './deploy/ecs.js'
import { findTaskDefinition, register, reusableRevision, type Registration } from './deploy/register.js'
import { UserError, isUserError } from './errors.js'
import { renderAndValidate } from './render.js'
import { read, stage, type RunDeps } from './stage.js'
import { followTask } from './task/follow.js'
import { countingContainer, judgeTask } from './task/judge.js'
import { TaskLogs } from './task/logs.js'
import { placementOf, runTaskInput, type Placement } from './task/placement.js'
import { TaskNotStarted, startTask, stopTask, type TaskCalls } from './task/start.js'
import type { RunResult } from './verdict.js'
import { createDeadline, type Deadline } from './watch/deadline.js'

// A one-off task (a database migration, a smoke job): `berth run-task`, and the before-deploy stage of `berth deploy`.
// Render and register its task definition (or take the one the deploy registered), run it on a service's network,
// stream its log lines, and judge it by its container's exit code.

/** What a before-deploy task takes from the deploy around it when its own flags do not say. */
export interface OneOffDefaults {
  cluster?: string
  /** The revision the deploy registered: run when the flags name no task definition and no service. */
  registered?: { taskDefinitionArn: string; taskDefinition: TaskDefinition }
  /** The service whose network the task uses when the flags name none. */
  networkService?: string
  /** The run's deadline, when the flags give no `--wait-timeout`. */
  deadline?: Deadline
}

/** `berth run-task`: one run, its AWS calls reported, its verdict emitted. */
export async function runTask(config: RunTaskConfig, runDeps: RunDeps): Promise<RunResult> {
  const reporter = runDeps.reporter
  const deps = {
    ...runDeps,
    clients: observed(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
  }
  const result = await runOneOff(config, deps)
  reporter.emit({ type: 'verdict', result })
  return result
}

/** Runs one task to its end, or to the deadline or a cancel (then StopTask). */
export async function runOneOff(
  config: RunTaskConfig,
  runDeps: RunDeps,
  defaults: OneOffDefaults = {},
): Promise<RunResult> {
  const cluster = config.cluster ?? defaults.cluster
  if (!cluster) throw new UserError('berth run-task needs --cluster.', { input: '--cluster' })
  const deadline =
    config.waitTimeoutMs === undefined && defaults.deadline
      ? defaults.deadline
      : createDeadline(config.waitTimeoutMs ?? config.render.waitTimeoutMs, runDeps.now)
  const deps = { ...runDeps, clients: abortable(runDeps.clients, callSignals(deadline, runDeps.signal)) }
  let prepared: Prepared
  try {
    prepared = await prepare(config, deps, cluster, defaults)
  } catch (error) {
    if (deps.signal?.aborted && !isUserError(error)) return cancelledBefore(cluster, config)
    throw neverReached(error)
  }
  if (deps.signal?.aborted) return cancelledBefore(cluster, config, prepared.taskDefinitionArn)
  return stage(
    deps,
    'run-task',
    `Run a one-off task of ${prepared.taskDefinitionArn.split('/').pop()} in ${cluster}`,
    () => runPrepared(config, deps, cluster, prepared, deadline),
  )
}

/** Everything known before RunTask: what runs, where, with which commands. */
interface Prepared {
  taskDefinitionArn: string
  containers: ContainerDefinition[]
  placement: Placement
}

async function prepare(
  config: RunTaskConfig,
  deps: RunDeps,
  cluster: string,
  defaults: OneOffDefaults,
): Promise<Prepared> {
  const serviceName = config.service ?? config.networkFromService ?? defaults.networkService
  const service = serviceName ? await findService(deps, cluster, serviceName, config) : undefined
  const placement = service ? placementOf(service) : {}
  if (!config.render.taskDefinition && !config.service) {
    if (!defaults.registered) {
      throw new UserError('berth run-task needs --task-definition FILE|FAMILY[:REV]|ARN or --service S.', {
        input: '--task-definition',
      })
    }
    const containers = defaults.registered.taskDefinition.containerDefinitions ?? []
    checkContainers(config, containers)
    return { taskDefinitionArn: defaults.registered.taskDefinitionArn, containers, placement }
  }
  const rendered = await renderAndValidate(config.render, deps, config.service ? service : undefined)
  const containers = rendered.input.containerDefinitions ?? []
  checkContainers(config, containers)
  const registration = await registerTask(deps, rendered.input, config.service ? service : undefined)
  return { taskDefinitionArn: registration.taskDefinitionArn, containers, placement }
}

async function findService(deps: RunDeps, cluster: string, name: string, config: RunTaskConfig): Promise<Service> {
  const lookup = await read(deps, () => lookUpService(deps.clients.ecs, cluster, name))
  if ('service' in lookup) return lookup.service
  const flag = config.service ? '--service' : config.networkFromService ? '--network-from-service' : '--service'
  throw new UserError(
    `${flag} ${name}: ECS has no such service in cluster ${cluster} (${lookup.failure.reason ?? 'MISSING'}); expected ` +
      'the name or ARN of a service whose network the task should use.',
    { input: flag },
  )
}

/** `--container` and the containers of `--command` must be containers of the task definition. */
function checkContainers(config: RunTaskConfig, containers: readonly ContainerDefinition[]): void {
  const names = containers.map((c) => c.name ?? '')
  const known = names.map((name) => JSON.stringify(name)).join(', ')
  const named = [
    ...(config.container ? [{ flag: '--container', name: config.container }] : []),
    ...config.commands.map((edit) => ({ flag: '--command', name: edit.container })),
  ]
  for (const { flag, name } of named) {
    if (!names.includes(name)) {
      throw new UserError(
        `${flag}: the task definition has no container ${JSON.stringify(name)}; its containers: ${known}.`,
        {
          input: flag,
        },
      )
    }
  }
}

/** Registers the rendered task definition, unless the service's or the family's latest revision is the same. */
async function registerTask(
  deps: RunDeps,
  input: Parameters<typeof register>[1],
  service: Service | undefined,
): Promise<Registration> {
  const latest = await read(deps, () => findTaskDefinition(deps.clients.ecs, input.family ?? ''))
  const serviceArn = service?.taskDefinition
  const current =
    serviceArn && serviceArn !== latest?.arn
      ? await read(deps, () => findTaskDefinition(deps.clients.ecs, serviceArn))
      : latest
  const reusable = reusableRevision(input, { current, latest })
  return stage(deps, 'register', 'Register the task definition', async () => {
    const done = await register(deps.clients.ecs, input, reusable, { sleep: deps.sleep })
    deps.reporter.emit({ type: 'registered', taskDefinitionArn: done.taskDefinitionArn, reused: done.reused })
    return done
  })
}

function cancelledBefore(cluster: string, config: RunTaskConfig, taskDefinitionArn?: string): RunResult {
  return {
    status: 'cancelled',
    cluster,
    ...(config.service ? { service: config.service } : {}),
    ...(taskDefinitionArn ? { taskDefinitionArn } : {}),
    reasons: ['the run was cancelled before the task was started.'],
    hints: [],
    artifacts: [],
  }
}

async function runPrepared(
  config: RunTaskConfig,
  deps: RunDeps,
  cluster: string,
  prepared: Prepared,
  deadline: Deadline,
): Promise<RunResult> {
  const base = {
    cluster,
    ...(config.service ? { service: config.service } : {}),
    taskDefinitionArn: prepared.taskDefinitionArn,
    artifacts: [],
  }
  const calls: TaskCalls = {
    ecs: deps.clients.ecs,
    reporter: deps.reporter,
    sleep: deps.sleep,
    pauseMs: Math.min(2000, config.render.pollIntervalMs),
  }
  const startedBy = `berth-${randomUUID().slice(0, 8)}`
  const input = runTaskInput({ ...prepared, cluster, commands: config.commands, startedBy })
  let started: Task
  try {
    started = await startTask(calls, { ...input, startedBy })
  } catch (error) {
    if (!(error instanceof TaskNotStarted)) throw error
    return { ...base, status: 'failed', reasons: [error.message], hints: [] }
  }
  const taskArn = started.taskArn ?? ''
  deps.reporter.emit({
    type: 'task-started',
    taskArn,
    taskDefinitionArn: prepared.taskDefinitionArn,
    cluster,
    startedBy,
  })
  const logs = new TaskLogs(deps.clients.logs, deps.reporter, prepared.containers, taskId(taskArn))
  const end = await followTask({
    ecs: deps.clients.ecs,
    logs,
    reporter: deps.reporter,
    cluster,
    taskArn,
    deadline,
    cancel: deps.signal,
    sleep: deps.sleep,
    now: deps.now,
    pollIntervalMs: config.render.pollIntervalMs,
  })
  if (end.kind !== 'done') {
    const why = end.kind === 'timed_out' ? 'the wait timeout (--wait-timeout) passed' : 'the run was cancelled'
    await stopTask(calls, cluster, taskArn, `berth: ${why}`)
    deps.reporter.emit({ type: 'info', message: `${why}: berth stopped task ${taskId(taskArn)} (StopTask).` })
    return {
      ...base,
      status: end.kind,
      reasons: [`${why} before the task ended; berth stopped task ${taskArn} (StopTask).`],
      hints: [],
      task: { taskArn },
      logs: logs.excerpts(taskId(taskArn)),
    }
  }
  const counting = countingContainer(end.value, prepared.containers, config.container)
  const excerpts = counting?.exitCode === 0 ? [] : logs.excerpts(taskId(taskArn), counting?.name)
  const judged = judgeTask(end.value, prepared.containers, { wanted: config.container, logs: excerpts })
  deps.reporter.emit({ type: 'task-stopped', ...judged.outcome })
  return {
    ...base,
    status: judged.status,
    reasons: judged.reasons,
    hints: judged.hints,
    task: judged.outcome,
    ...(excerpts.length > 0 ? { logs: excerpts } : {}),
  }
}
