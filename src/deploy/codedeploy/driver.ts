import {
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  StopDeploymentCommand,
  type CreateDeploymentCommandInput,
  type DeploymentInfo,
} from '@aws-sdk/client-codedeploy'
import type { Task } from '@aws-sdk/client-ecs'
import { UserError, errorName, errorMessage } from '../../errors.js'
import { isTransient } from '../../aws/errors.js'
import { createDeadline } from '../../watch/deadline.js'
import { watch, type WatchOptions } from '../../watch/loop.js'
import { ROLLBACK_GRACE_MS } from '../../aws/abort.js'
import { retrying } from '../../aws/retry.js'
import { pause } from '../../watch/sleep.js'
import { appSpecContent } from './appspec.js'
import { lastSegment } from './group.js'
import { type TaskSetIds, TERMINAL_STATUSES, observe, trafficChange } from './progress.js'
import { type CodeDeployPlan, busyGroupMessage, describePlan, planCodeDeploy } from './setup.js'
import { StoppedTasks } from '../evidence.js'
import {
  mutationRetry,
  pastGrace,
  quickPauseMs,
  rollbackRetry,
  isUnchanged,
  unchangedOutcome,
  onInterruption,
  explainStoppedTasks,
  type Explanation,
  watchOptions,
  type DeployContext,
  type DeployOutcome,
  type Driver,
  type PreflightContext,
  type PreparedDeployment,
  refuseWaitForPaused,
} from '../driver.js'

import { Follower, getDeployment, getTarget, type Ending } from './follower.js'

export const codedeploy: Driver = { name: 'codedeploy', prepare }

/** Looks taken after StopDeployment, to report the stop and its rollback. */
const STOP_LOOKS = 10

/** Every check, before any change: the deployment group, the service binding, the config, the AppSpec. */
async function prepare(context: PreflightContext): Promise<PreparedDeployment> {
  const { service, cluster } = context.target
  refuseWaitForPaused(
    context.config,
    `service ${service.serviceName ?? '?'} in cluster ${cluster} deploys with CodeDeploy`,
  )
  const plan = await planCodeDeploy({
    config: context.config,
    codedeploy: context.clients.codedeploy,
    cluster: context.target.cluster,
    service: context.target.service,
    reporter: context.reporter,
  })
  return { plan: describePlan(plan), deploy: (deployContext) => deployCodeDeploy(deployContext, plan) }
}

/** Creates the CodeDeploy deployment of `plan` and follows it, lifecycle event by event, to a verdict. */
async function deployCodeDeploy(context: DeployContext, plan: CodeDeployPlan): Promise<DeployOutcome> {
  if (isUnchanged(context)) return unchangedOutcome(context)
  await createConfigIfMissing(context, plan)
  const deploymentId = await createDeployment(context, plan)
  context.reporter.emit({
    type: 'deployment-started',
    deploymentId,
    taskDefinitionArn: context.taskDefinitionArn,
    strategy: 'codedeploy',
  })
  const follower = new Follower(context, plan, deploymentId)
  const end = await watch(() => follower.tick(), watchOptions(context))
  if (end.kind === 'done') return conclude(context, follower, end.value)
  return interrupted(context, follower, end.kind)
}

async function createConfigIfMissing(context: DeployContext, plan: CodeDeployPlan): Promise<void> {
  const input = plan.createConfig
  if (!input) return
  context.reporter.emit({ type: 'debug', message: `CreateDeploymentConfig ${JSON.stringify(input)}` })
  try {
    // Sent again after a lost answer or a server error: if the first one went through, the second answers
    // DeploymentConfigAlreadyExistsException, which is taken below as success.
    await retrying(() => context.clients.codedeploy.send(new CreateDeploymentConfigCommand(input)), {
      ...mutationRetry(context),
      retryable: isTransient,
    })
    context.reporter.emit({
      type: 'info',
      message: `created the CodeDeploy deployment config ${input.deploymentConfigName}.`,
    })
  } catch (error) {
    // Another run with the same shape created it in the meantime: the stable name means it is the same config.
    if (errorName(error) !== 'DeploymentConfigAlreadyExistsException') {
      throw new Error(`CreateDeploymentConfig ${input.deploymentConfigName}: ${errorMessage(error)}`, { cause: error })
    }
  }
}

/**
 * The deployment id. A group found busy only now (another deployment started since the preflight) is the same
 * user error as in the preflight: exit 2, nothing deployed.
 */
async function createDeployment(context: DeployContext, plan: CodeDeployPlan): Promise<string> {
  const appspec = appSpecContent(plan.appspec, context.taskDefinitionArn)
  const input: CreateDeploymentCommandInput = {
    applicationName: plan.application,
    deploymentGroupName: plan.group,
    ...(plan.configName ? { deploymentConfigName: plan.configName } : {}),
    description: `berth: ${plan.serviceName} to ${context.taskDefinitionArn}`.slice(0, 512),
    revision: { revisionType: 'AppSpecContent', appSpecContent: appspec },
  }
  context.reporter.emit({ type: 'debug', message: `CreateDeployment ${JSON.stringify(input)}` })
  try {
    // A retry after a server error may find the group busy with the deployment the first attempt created:
    // that one is adopted below, so a retry never starts a second deployment.
    const output = await retrying(() => context.clients.codedeploy.send(new CreateDeploymentCommand(input)), {
      ...mutationRetry(context),
      retryable: isTransient,
    })
    if (!output.deploymentId) throw new Error('CreateDeployment returned no deployment id.')
    return output.deploymentId
  } catch (error) {
    if (errorName(error) === 'DeploymentLimitExceededException') {
      const active = /\b(d-[A-Z0-9]{9})\b/.exec(errorMessage(error))?.[1]
      if (active && (await isSameDeployment(context, active, input))) return active
      throw new UserError(busyGroupMessage(plan.application, plan.group, active))
    }
    throw new Error(`CreateDeployment in ${plan.application}/${plan.group}: ${errorMessage(error)}`, { cause: error })
  }
}

/**
 * The group's active deployment deploys what we asked for (same description: this service to this revision).
 * GetDeployment is retried on any transient error: an error while checking is never taken for "not ours".
 */
async function isSameDeployment(
  context: DeployContext,
  deploymentId: string,
  input: CreateDeploymentCommandInput,
): Promise<boolean> {
  const info = await retrying(() => getDeployment(context.clients.codedeploy, deploymentId), {
    sleep: context.sleep,
    baseMs: quickPauseMs(context),
    maxDelayMs: 5_000,
    attempts: 1_000,
    givenUp: () => pastGrace(context),
  })
  return info.description === input.description && info.creator === 'user'
}

async function conclude(context: DeployContext, follower: Follower, ending: Ending): Promise<DeployOutcome> {
  const deploymentId = follower.deploymentId
  if (ending.kind === 'traffic-shifted') {
    return {
      status: 'succeeded',
      deploymentId,
      reasons: [
        `all production traffic is on the new task set of CodeDeploy deployment ${deploymentId}; CodeDeploy ` +
          'removes the original task set after the termination wait (--wait-for traffic-shifted does not wait for it).',
      ],
      hints: [],
    }
  }
  if (ending.kind === 'green-failing') return stopFailingGreen(context, follower, ending.failures)
  const { verdict } = ending
  if (verdict.status === 'succeeded') return confirmSuccess(context, follower, { ...verdict, deploymentId })
  const rollback = await followRollback(context, follower)
  const evidence = await gather(context, follower)
  return {
    status: rollback?.failed ? 'failed' : verdict.status,
    deploymentId,
    reasons: [...verdict.reasons, ...(rollback ? [rollback.reason] : []), ...evidence.reasons],
    hints: [...verdict.hints, ...evidence.hints],
    ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
  }
}

/**
 * CodeDeploy's success is berth's only while the replacement's tasks are not failing: CodeDeploy does not follow
 * them. Once the original task set is gone there is nothing to roll back to through CodeDeploy, so it is `failed`.
 */
async function confirmSuccess(
  context: DeployContext,
  follower: Follower,
  success: DeployOutcome,
): Promise<DeployOutcome> {
  const failures = await follower.greenFailures().catch(() => 0)
  if (failures < follower.greenLimit) return success
  const evidence = await gather(context, follower)
  return {
    status: 'failed',
    deploymentId: follower.deploymentId,
    reasons: [
      `CodeDeploy deployment ${follower.deploymentId} succeeded, but ${failures} tasks of the replacement task set ` +
        `(${lastSegment(context.taskDefinitionArn)}) have failed, reaching berth's limit of ${follower.greenLimit}; ` +
        'the original task set is gone, so the service runs the failing revision.',
      ...evidence.reasons,
    ],
    hints: evidence.hints,
    ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
  }
}

/** Why green's tasks stopped, when they did: reading them must not fail the run. */
function gather(context: DeployContext, follower: Follower): Promise<Explanation> {
  return explainStoppedTasks(context, () => stoppedGreenTasks(context, follower), {})
}

/** Green's stopped tasks as the follower keeps them (by service), else those of the family in the cluster. */
async function stoppedGreenTasks(context: DeployContext, follower: Follower): Promise<Task[]> {
  const byService = await follower.green.refresh()
  const family = context.taskDefinition.family
  if (byService.length > 0 || !family) return byService
  const only = { taskDefinitionArn: context.taskDefinitionArn }
  return new StoppedTasks(context.clients.ecs, context.target.cluster, { family }, only).refresh()
}

/**
 * The replacement task set keeps failing and CodeDeploy would wait on (it does not follow its tasks' health):
 * berth stops the deployment with automatic rollback, follows the rollback and says why the tasks stopped.
 */
async function stopFailingGreen(context: DeployContext, follower: Follower, failures: number): Promise<DeployOutcome> {
  const deploymentId = follower.deploymentId
  const headline =
    `${failures} tasks of the replacement task set (${lastSegment(context.taskDefinitionArn)}) failed, reaching ` +
    `berth's limit of ${follower.greenLimit}${context.config.maxFailedTasks === undefined ? '' : ' (--max-failed-tasks)'}; ` +
    'CodeDeploy does not count them and would wait for the replacement to become healthy'
  const stop = await stopWithRollback(context, follower, 'the replacement task set keeps failing')
  const rollback = await followRollback(context, follower)
  const evidence = await gather(context, follower)
  const rolledBack = rollback !== undefined && !rollback.failed
  return {
    status: rolledBack ? 'rolled_back' : 'failed',
    deploymentId,
    reasons: [
      `CodeDeploy deployment ${deploymentId}: ${headline}.`,
      stop,
      ...(rollback ? [rollback.reason] : []),
      ...evidence.reasons,
    ],
    hints: evidence.hints,
    ...(evidence.logs.length > 0 ? { logs: evidence.logs } : {}),
  }
}

interface RollbackEnd {
  reason: string
  /** The rollback itself failed: the service is not known to be back on the original task set. */
  failed: boolean
}

/** CodeDeploy rolls an ECS deployment back with a deployment of its own: follow it while the deadline allows. */
export async function followRollback(
  context: DeployContext,
  follower: Follower,
  options: WatchOptions = watchOptions(context),
): Promise<RollbackEnd | undefined> {
  const rollbackInfo = follower.info?.rollbackInfo
  const rollbackId = rollbackInfo?.rollbackDeploymentId
  if (!rollbackId) return undefined
  context.reporter.emit({
    type: 'rollback-started',
    reason: rollbackInfo.rollbackMessage ?? `CodeDeploy started rollback deployment ${rollbackId}.`,
    taskDefinitionArn: context.previousTaskDefinitionArn,
  })
  const { codedeploy } = context.clients
  const roles: TaskSetIds = { ...follower.taskSets }
  let last = follower.observation
  let status: string | undefined
  const end = await watch<DeploymentInfo>(async () => {
    const info = await getDeployment(codedeploy, rollbackId)
    const current = observe(info, await getTarget(codedeploy, rollbackId, follower.plan.targetId), roles)
    const traffic = trafficChange(last?.traffic, current.traffic)
    if (traffic) context.reporter.emit(traffic)
    const statusChanged = current.status !== status
    if (statusChanged) {
      const at = current.statusAt ? { at: current.statusAt } : {}
      context.reporter.emit({ type: 'deployment-status', status: `Rollback ${current.status}`, ...at })
    }
    last = current.traffic ? current : last
    status = current.status
    return TERMINAL_STATUSES.has(current.status) ? { done: info } : { changed: statusChanged || traffic !== undefined }
  }, options)
  if (end.kind !== 'done') {
    return {
      reason: `rollback deployment ${rollbackId} was still in progress when berth stopped waiting.`,
      failed: false,
    }
  }
  if (end.value.status === 'Succeeded') {
    return {
      reason:
        `rollback deployment ${rollbackId} succeeded: production traffic is back on the original task set ` +
        `(${context.previousTaskDefinitionArn}).`,
      failed: false,
    }
  }
  const error = end.value.errorInformation
  const detail = error ? `: ${[error.code, error.message].filter(Boolean).join(': ')}` : ''
  return { reason: `rollback deployment ${rollbackId} ended ${end.value.status} too${detail}`, failed: true }
}

async function interrupted(
  context: DeployContext,
  follower: Follower,
  kind: 'timed_out' | 'cancelled',
): Promise<DeployOutcome> {
  const last = await follower.flush()
  if (last) return conclude(context, follower, last)
  const deploymentId = follower.deploymentId
  const said = onInterruption(context, kind, `CodeDeploy deployment ${deploymentId}`, whereItWas(follower))
  const reasons = [said.headline]
  if (said.rollBack) {
    reasons.push(await stopWithRollback(context, follower, said.cause))
    // The run's deadline has passed or it was cancelled: the rollback is followed for the short grace only.
    const grace = {
      ...watchOptions(context),
      deadline: createDeadline(ROLLBACK_GRACE_MS, context.now),
      cancel: undefined,
    }
    const rollback = await followRollback(context, follower, grace)
    if (rollback) reasons.push(rollback.reason)
  } else reasons.push(said.left)
  return { status: kind, deploymentId, reasons, hints: [] }
}

/** `, at lifecycle event AfterAllowTestTraffic (hook function manual-check), 0% of traffic on the new task set` */
function whereItWas(follower: Follower): string {
  const observation = follower.observation
  if (!observation) return ''
  const current = observation.lifecycle.find((event) => event.status === 'InProgress')
  const parts: string[] = []
  if (current?.lifecycleEventName) {
    const hook = follower.plan.appspec.hooks.find((binding) => binding.event === current.lifecycleEventName)
    parts.push(
      `at lifecycle event ${current.lifecycleEventName}` + (hook ? ` (hook function ${hook.functionName})` : ''),
    )
  } else if (observation.terminationWait) {
    parts.push('in the termination wait')
  }
  if (observation.traffic) parts.push(`${observation.traffic.green}% of traffic on the new task set`)
  return parts.length > 0 ? `, ${parts.join(', ')}` : ''
}

/**
 * StopDeployment with automatic rollback, retried on throttling, server errors and lost answers until the deadline
 * plus a short grace; then berth looks at the deployment, whatever the answer was (CodeDeploy answers Pending and
 * stops a little later; after a lost answer the retry is told the deployment already completed), and reports what
 * it is. `cause` says why, as the log and the verdict show it: `the wait timeout passed (--on-timeout rollback)`.
 */
export async function stopWithRollback(context: DeployContext, follower: Follower, cause: string): Promise<string> {
  const deploymentId = follower.deploymentId
  context.reporter.emit({
    type: 'debug',
    message: `StopDeployment ${JSON.stringify({ deploymentId, autoRollbackEnabled: true })}`,
  })
  let refused: unknown
  try {
    await retrying(
      () => context.clients.codedeploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true })),
      rollbackRetry(context),
    )
  } catch (error) {
    refused = error
  }
  const alreadyDone = refused !== undefined && errorName(refused) === 'DeploymentAlreadyCompletedException'
  if (refused !== undefined && !alreadyDone) {
    return `could not stop CodeDeploy deployment ${deploymentId}: ${errorMessage(refused)}`
  }
  if (!alreadyDone) {
    context.reporter.emit({
      type: 'rollback-started',
      reason: `${cause}: stopped the deployment with automatic rollback`,
    })
  }
  for (let look = 0; look < STOP_LOOKS && !TERMINAL_STATUSES.has(follower.info?.status ?? ''); look++) {
    if (look > 0 || !alreadyDone) await pause(context.sleep, quickPauseMs(context), [])
    await follower.flush()
  }
  const status = follower.info?.status
  if (status === 'Stopped' || status === 'Failed') {
    if (alreadyDone) {
      context.reporter.emit({
        type: 'rollback-started',
        reason: `${cause}: stopped the deployment with automatic rollback`,
      })
    }
    const rollbackId = follower.info?.rollbackInfo?.rollbackDeploymentId
    const rollback = rollbackId ? ` CodeDeploy rolls it back with deployment ${rollbackId}` : ''
    return `stopped CodeDeploy deployment ${deploymentId} with automatic rollback (${cause}); it is ${status}.${rollback}`
  }
  if (alreadyDone) {
    return `CodeDeploy deployment ${deploymentId} had already completed (${status ?? 'status unknown'}) when berth tried to stop it.`
  }
  return `asked CodeDeploy to stop deployment ${deploymentId} with automatic rollback (${cause}).`
}
