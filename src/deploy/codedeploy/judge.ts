import type { DeploymentInfo, LifecycleEvent } from '@aws-sdk/client-codedeploy'
import type { HookBinding } from '../../artifacts/hooks.js'
import type { Verdict } from '../../verdict.js'
import { diagnosticsOf } from './progress.js'

export interface CodeDeployVerdict {
  status: Verdict
  reasons: string[]
  hints: string[]
}

/** The verdict of a finished deployment; undefined while it is still going. */
export function codeDeployVerdict(
  info: DeploymentInfo,
  lifecycle: readonly LifecycleEvent[],
  hooks: readonly HookBinding[],
): CodeDeployVerdict | undefined {
  const id = info.deploymentId ?? 'deployment'
  switch (info.status) {
    case 'Succeeded':
      return { status: 'succeeded', reasons: [`CodeDeploy deployment ${id} succeeded.`], hints: [] }
    case 'Failed':
    case 'Stopped':
      return unsuccessful(info, lifecycle, hooks)
    default:
      return undefined
  }
}

/** CodeDeploy rolled back: the original task set serves production traffic again. */
export function rolledBack(info: DeploymentInfo): boolean {
  const rollback = info.rollbackInfo
  return Boolean(rollback?.rollbackDeploymentId || rollback?.rollbackMessage)
}

function unsuccessful(
  info: DeploymentInfo,
  lifecycle: readonly LifecycleEvent[],
  hooks: readonly HookBinding[],
): CodeDeployVerdict {
  const back = rolledBack(info)
  const failedEvents = lifecycle.filter((event) => event.status === 'Failed')
  const reasons = [headline(info, back), ...failedEvents.map((event) => lifecycleReason(event, hooks))]
  const rollbackMessage = info.rollbackInfo?.rollbackMessage
  if (rollbackMessage) reasons.push(`rollback: ${rollbackMessage}`)
  return { status: back ? 'rolled_back' : 'failed', reasons, hints: hintsFor(info, failedEvents, hooks, back) }
}

function headline(info: DeploymentInfo, back: boolean): string {
  const id = info.deploymentId ?? 'deployment'
  const verb = info.status === 'Stopped' ? 'was stopped' : 'failed'
  const error = info.errorInformation
  const detail = error?.code || error?.message ? `: ${[error.code, error.message].filter(Boolean).join(': ')}` : '.'
  const suffix = back ? ' CodeDeploy rolled production traffic back to the original task set.' : ''
  return `CodeDeploy deployment ${id} ${verb}${detail}${detail.endsWith('.') ? '' : '.'}${suffix}`
}

/** `lifecycle event AfterAllowTestTraffic failed (hook function smoke-check): ErrorCode: message` */
export function lifecycleReason(event: LifecycleEvent, hooks: readonly HookBinding[]): string {
  const name = event.lifecycleEventName ?? 'Unknown'
  const hook = hooks.find((binding) => binding.event === name)
  const diagnostics = diagnosticsOf(event)
  return (
    `lifecycle event ${name} failed${hook ? ` (hook function ${hook.functionName})` : ''}` +
    (diagnostics ? `: ${diagnostics}` : '.')
  )
}

function hintsFor(
  info: DeploymentInfo,
  failedEvents: readonly LifecycleEvent[],
  hooks: readonly HookBinding[],
  back: boolean,
): string[] {
  const hints: string[] = []
  for (const event of failedEvents) {
    const hook = hooks.find((binding) => binding.event === event.lifecycleEventName)
    if (!hook) continue
    hints.push(
      `The ${hook.event} hook ${hook.functionName} reported Failed, or did not report within an hour. Its logs are ` +
        `in the CloudWatch Logs group /aws/lambda/${hook.functionName}.`,
    )
  }
  if (!back && info.status === 'Failed') {
    hints.push(
      'CodeDeploy did not roll back: turn on automatic rollback on DEPLOYMENT_FAILURE in the deployment group ' +
        'to have production traffic return to the original task set by itself.',
    )
  }
  return hints
}
