import type { DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { ContinueConfig } from '../config/types.js'
import { UserError } from '../errors.js'

/** The hook `berth continue` answers, and the service deployment that waits on it. */
export interface Chosen {
  serviceDeploymentArn: string
  hookId: string
  /** The deployment's lifecycle stage while it waits (ECS reports no stage per hook). */
  stage?: string
}

/** What `berth continue` did, as `--json` prints it and the Action's outputs say it. */
export interface ContinueOutcome {
  status: 'continued' | 'rolled_back_requested'
  serviceDeploymentArn: string
  hookId: string
  stage?: string
}

type Target = Pick<ContinueConfig, 'cluster' | 'service' | 'hookId' | 'hookIdLabel'>

const AWAITING = 'AWAITING_ACTION'

/**
 * The hook to answer among the service's deployments in progress: the one given, which must await action, or
 * the only one that does. Anything else is the user's to sort out, said with what the deployments are doing.
 */
export function chooseHook(deployments: readonly ServiceDeployment[], target: Target): Chosen {
  const waiting = deployments.flatMap((deployment) =>
    (deployment.lifecycleHookDetails ?? [])
      .filter((hook) => hook.status === AWAITING && hook.hookId)
      .map((hook) => chosen(deployment, hook)),
  )
  if (target.hookId) {
    const given = waiting.find((hook) => hook.hookId === target.hookId)
    if (given) return given
    throw new UserError(
      `${target.hookIdLabel} ${target.hookId} is not a hook awaiting action in ${where(target)}: ${hooksSaid(deployments)}.`,
      { input: target.hookIdLabel },
    )
  }
  if (waiting.length === 1) return waiting[0]
  if (waiting.length > 1) {
    throw new UserError(
      `${waiting.length} hooks await action in ${where(target)} (${waiting.map((hook) => hook.hookId).join(', ')}); ` +
        `give the one to answer with ${target.hookIdLabel}.`,
      { input: target.hookIdLabel },
    )
  }
  throw new UserError(`nothing waits for an answer in ${where(target)}: ${doingSaid(deployments)}.`)
}

function chosen(deployment: ServiceDeployment, hook: DeploymentLifecycleHookDetail): Chosen {
  return {
    serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
    hookId: hook.hookId ?? '',
    stage: deployment.lifecycleStage,
  }
}

function where(target: Target): string {
  return `service ${target.service} (cluster ${target.cluster})`
}

/** What each deployment in progress is doing: its status and stage. */
function doingSaid(deployments: readonly ServiceDeployment[]): string {
  if (deployments.length === 0) return 'it has no service deployment in progress'
  return deployments
    .map((deployment) => {
      const stage = deployment.lifecycleStage ? ` at stage ${deployment.lifecycleStage}` : ''
      return `service deployment ${deployment.serviceDeploymentArn} is ${deployment.status}${stage}`
    })
    .join('; ')
}

/** Every hook of the deployments in progress, with its type and status: the ids a user could have meant. */
function hooksSaid(deployments: readonly ServiceDeployment[]): string {
  const hooks = deployments.flatMap((deployment) => deployment.lifecycleHookDetails ?? [])
  if (hooks.length === 0) return `no hook has run yet (${doingSaid(deployments)})`
  return `the hooks are ${hooks.map((hook) => `${hook.hookId} (${hook.targetType}, ${hook.status})`).join(', ')}`
}

/** Whether the answer berth sent (and lost) took effect: the hook no longer waits, as that answer leaves it. */
export function answered(deployment: ServiceDeployment | undefined, hookId: string, rollback: boolean): boolean {
  const hook = deployment?.lifecycleHookDetails?.find((candidate) => candidate.hookId === hookId)
  if (!deployment || !hook || hook.status === AWAITING) return false
  if (!rollback) return hook.status === 'SUCCEEDED'
  return hook.status === 'FAILED' || (deployment.status ?? '').startsWith('ROLLBACK_')
}

/** The one line `berth continue` prints (only PAUSE hooks await action). */
export function outcomeLine(outcome: ContinueOutcome): string {
  const hook = `PAUSE hook ${outcome.hookId}${outcome.stage ? ` at ${outcome.stage}` : ''}`
  if (outcome.status === 'continued') {
    return `continued ${hook} of service deployment ${outcome.serviceDeploymentArn}`
  }
  return `asked ECS to roll back service deployment ${outcome.serviceDeploymentArn} (answered ${hook} with ROLLBACK)`
}
