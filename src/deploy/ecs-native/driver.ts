import type { Service } from '@aws-sdk/client-ecs'
import { UserError } from '../../errors.js'
import { watch } from '../../watch/loop.js'
import {
  explainStoppedTasks,
  isUnchanged,
  onInterruption,
  refuseCodeDeployInputs,
  unchangedOutcome,
  watchOptions,
  type DeployContext,
  type DeployOutcome,
  type Driver,
  type Explanation,
} from '../driver.js'
import { isSteady } from '../ecs.js'
import { startDeployment } from '../rolling/update.js'
import { findServiceDeployment, stopWithRollback } from './calls.js'
import { NativeFollower } from './follower.js'
import {
  describeHooks,
  describeStrategy,
  failedFunction,
  lambdaLogGroup,
  productionOnGreen,
  type Judgement,
} from './judge.js'

/**
 * ECS-native blue/green, linear and canary deployments: berth updates the service, finds the service deployment
 * ECS started for it, and follows its stages, hooks and traffic to a verdict; ECS shifts the traffic and rolls back.
 */
export const ecsNative: Driver = {
  name: 'ecs-native',
  prepare: async ({ config, target }) => {
    const { service, cluster } = target
    const where = `service ${service.serviceName ?? '?'} in cluster ${cluster}`
    refuseCodeDeployInputs(config, `${where} deploys with ECS-native ${service.deploymentConfiguration?.strategy}`)
    const hasPause = (service.deploymentConfiguration?.lifecycleHooks ?? []).some((hook) => hook.targetType === 'PAUSE')
    if (config.waitFor === 'paused' && !hasPause) {
      throw new UserError(
        `--wait-for paused: ${where} has no PAUSE lifecycle hook, so its deployment never waits for berth continue; ` +
          'use --wait-for traffic-shifted or completed, or add a hook with targetType PAUSE.',
      )
    }
    return { plan: planLines(target.service, cluster), deploy: deployNative }
  },
}

function planLines(service: Service, cluster: string): string[] {
  const hooks = describeHooks(service.deploymentConfiguration)
  return [
    `update service ${service.serviceName} in cluster ${cluster} from ${service.taskDefinition} to the registered ` +
      `revision (ecs-native); ECS shifts the traffic itself, ${describeStrategy(service.deploymentConfiguration)}`,
    ...(hooks ? [`ECS runs the lifecycle hooks ${hooks}`] : []),
  ]
}

async function deployNative(context: DeployContext): Promise<DeployOutcome> {
  if (isUnchanged(context) && isSteady(context.target.service)) return unchangedOutcome(context)
  const tracking = await startDeployment(context)
  const arn = await findServiceDeployment(context, tracking.deploymentId)
  context.reporter.emit({
    type: 'deployment-started',
    deploymentId: tracking.deploymentId,
    taskDefinitionArn: context.taskDefinitionArn,
    strategy: `ecs-native, ${describeStrategy(context.target.service.deploymentConfiguration)}`,
  })
  context.reporter.emit({ type: 'info', message: `following service deployment ${arn}` })
  const follower = new NativeFollower(context, tracking.deploymentId, arn)
  const end = await watch(() => follower.tick(), watchOptions(context))
  if (end.kind === 'done') return conclude(context, follower, end.value)
  return interrupted(context, follower, end.kind)
}

async function conclude(
  context: DeployContext,
  follower: NativeFollower,
  judgement: Judgement,
): Promise<DeployOutcome> {
  const id = `service deployment ${follower.arn} (deployment ${follower.deploymentId})`
  context.reporter.emit({ type: 'deployment-status', status: follower.last?.status ?? judgement.state })
  const base = { deploymentId: follower.deploymentId }
  switch (judgement.state) {
    case 'succeeded':
      return {
        ...base,
        status: 'succeeded',
        reasons: [`${id} completed: all traffic on the new revision, the old one removed.`],
        hints: [],
      }
    case 'traffic_shifted':
      return {
        ...base,
        status: 'succeeded',
        reasons: [
          `${id}: all production traffic is on the new revision (--wait-for traffic-shifted); ECS goes on with ` +
            `the bake time and removes the old revision after it.`,
        ],
        hints: [],
      }
    case 'paused': {
      const { cluster, service } = context.target
      const command = `berth continue --cluster ${cluster} --service ${service.serviceName}`
      return {
        ...base,
        status: 'paused',
        reasons: [
          `${id} waits at ${follower.last?.lifecycleStage ?? '?'} for PAUSE hook ${judgement.hook.hookId}` +
            `${judgement.hook.expiresAt ? `, until ${judgement.hook.expiresAt.toISOString()} (then ${judgement.hook.timeoutAction ?? 'ROLLBACK'})` : ''}.`,
        ],
        hints: [`Continue it with \`${command}\`, or roll it back with \`${command} --rollback\`.`],
      }
    }
    case 'in_progress':
      throw new Error('a deployment in progress has no verdict.')
  }
  const explanation = await gather(context, follower)
  const reasons = [failureHeadline(context, id, judgement, follower), ...explanation.reasons]
  return {
    ...base,
    status: judgement.state === 'rolled_back' ? 'rolled_back' : 'failed',
    reasons,
    hints: [...hookHints(judgement), ...explanation.hints],
    ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
  }
}

function failureHeadline(
  context: DeployContext,
  id: string,
  judgement: Extract<Judgement, { reason: string }>,
  follower: NativeFollower,
): string {
  const reason = judgement.reason ? `: ${judgement.reason}` : '.'
  switch (judgement.state) {
    case 'rolled_back':
      return `${id} failed and ECS rolled the service back to ${context.previousTaskDefinitionArn}${reason}`
    case 'failed':
      return `${id} failed and its rollback failed too${reason}`
    case 'stopped': {
      const current = follower.seen.current
      if (current && current !== follower.arn) {
        return `${id} was superseded: service deployment ${current} started (someone else updated the service).`
      }
      return `${id} was stopped${reason}`
    }
  }
}

/** A failed Lambda hook: where its logs are. */
function hookHints(judgement: Extract<Judgement, { reason: string }>): string[] {
  const name = failedFunction(judgement.reason)
  if (!name) return []
  return [
    `The hook function ${name} decided the rollback: its logs are in CloudWatch Logs group ${lambdaLogGroup(name)}.`,
  ]
}

function gather(context: DeployContext, follower: NativeFollower): Promise<Explanation> {
  return explainStoppedTasks(context, () => follower.stopped.refresh(), {
    events: follower.seen.serviceEvents,
    fallback: follower.stopped.all(),
  })
}

/** Timeout or cancel: StopServiceDeployment with ROLLBACK (unless `leave`), then the rollback followed to its end. */
async function interrupted(
  context: DeployContext,
  follower: NativeFollower,
  kind: 'timed_out' | 'cancelled',
): Promise<DeployOutcome> {
  const last = await follower.flush()
  if (last && last.state !== 'in_progress') return conclude(context, follower, last)
  const stage = follower.last?.lifecycleStage
  const green = follower.last && productionOnGreen(follower.last)
  const where = stage
    ? ` (at ${stage}${green !== undefined ? `, ${green} % of production traffic on the new revision` : ''})`
    : ''
  const said = onInterruption(context, kind, `service deployment ${follower.arn}`, where)
  const reasons = [said.headline]
  if (!said.rollBack) reasons.push(said.left)
  else {
    const stop = await stopWithRollback(context, follower.arn)
    if (!stop.sent) reasons.push(`could not roll it back with StopServiceDeployment: ${stop.reason}`)
    else {
      context.reporter.emit({
        type: 'rollback-started',
        reason: said.cause,
        taskDefinitionArn: context.previousTaskDefinitionArn,
      })
      const end = await follower.toEnd()
      reasons.push(
        end?.state === 'rolled_back'
          ? `rolled the service back to ${context.previousTaskDefinitionArn} with StopServiceDeployment (ROLLBACK): ${said.cause}.`
          : `asked ECS to roll it back (StopServiceDeployment, ROLLBACK): ${said.cause}; ` +
              `the rollback was ${end ? `${follower.last?.status}` : 'still in progress'} when berth stopped watching.`,
      )
    }
  }
  const explanation = await gather(context, follower)
  return {
    status: kind,
    deploymentId: follower.deploymentId,
    reasons: [...reasons, ...explanation.reasons],
    hints: explanation.hints,
    ...(explanation.logs.length > 0 ? { logs: explanation.logs } : {}),
  }
}
