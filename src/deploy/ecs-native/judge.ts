import type { DeploymentConfiguration, DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { WaitFor } from '../../config/types.js'
import type { HookChange } from '../../events.js'

// Pure readings of an ECS-native service deployment (aws-facts-ecs-native.md §4): where it stands, the traffic split,
// its hooks, and how the strategy reads in a plan.

export type Judgement =
  | { state: 'in_progress'; rollingBack: boolean }
  | { state: 'paused'; hook: DeploymentLifecycleHookDetail }
  | { state: 'traffic_shifted' }
  | { state: 'succeeded' }
  | { state: 'rolled_back'; reason: string }
  | { state: 'failed'; reason: string }
  | { state: 'stopped'; reason: string }

const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'])

/** How our service deployment stands, for what the run waits for. */
export function judge(sd: ServiceDeployment, waitFor: WaitFor): Judgement {
  const reason = sd.rollback?.reason ?? sd.statusReason ?? ''
  switch (sd.status) {
    case 'SUCCESSFUL':
      return { state: 'succeeded' }
    case 'ROLLBACK_SUCCESSFUL':
      return { state: 'rolled_back', reason }
    case 'ROLLBACK_FAILED':
      return { state: 'failed', reason: reason || 'its rollback failed.' }
    case 'STOPPED':
    case 'STOP_REQUESTED':
      return { state: 'stopped', reason }
  }
  const rollingBack = ROLLING_BACK.has(sd.status ?? '')
  if (!rollingBack && waitFor === 'paused') {
    const hook = awaitingHook(sd)
    if (hook) return { state: 'paused', hook }
  }
  if (!rollingBack && waitFor === 'traffic-shifted' && productionOnGreen(sd) === 100)
    return { state: 'traffic_shifted' }
  return { state: 'in_progress', rollingBack }
}

export function awaitingHook(sd: ServiceDeployment): DeploymentLifecycleHookDetail | undefined {
  return sd.lifecycleHookDetails?.find((hook) => hook.status === 'AWAITING_ACTION')
}

/** Green's share of production traffic, once ECS reports one. */
export function productionOnGreen(sd: ServiceDeployment): number | undefined {
  return sd.targetServiceRevision?.requestedProductionTrafficWeight
}

/** Production and test traffic on blue and green, or undefined before ECS reports weights. */
export function trafficSplit(
  sd: ServiceDeployment,
): { blue: number; green: number; test?: { blue: number; green: number } } | undefined {
  const green = productionOnGreen(sd)
  if (green === undefined) return undefined
  const test = sd.targetServiceRevision?.requestedTestTrafficWeight
  return { blue: 100 - green, green, ...(test !== undefined ? { test: { blue: 100 - test, green: test } } : {}) }
}

/** `arn:aws:lambda:…:function:NAME[:qualifier]` → NAME. */
export function functionName(arn: string | undefined): string | undefined {
  if (!arn) return undefined
  return /:function:([^:]+)/.exec(arn)?.[1] ?? arn
}

/** A hook as berth reports it: the stage it was seen at, the function's name. */
export function hookChange(hook: DeploymentLifecycleHookDetail, stage: string | undefined): HookChange {
  return {
    hookId: hook.hookId ?? '?',
    targetType: hook.targetType ?? 'AWS_LAMBDA',
    ...(hook.targetType !== 'PAUSE' && hook.targetArn ? { functionName: functionName(hook.targetArn) } : {}),
    ...(stage ? { stage } : {}),
    status: hook.status ?? '?',
    ...(hook.expiresAt ? { expiresAt: hook.expiresAt } : {}),
  }
}

/** The strategy as a plan line reads it: `LINEAR: 25 % of production traffic every 1 min, then bake 2 min`. */
export function describeStrategy(config: DeploymentConfiguration | undefined): string {
  const bake = `then bake ${config?.bakeTimeInMinutes ?? 0} min`
  switch (config?.strategy) {
    case 'LINEAR': {
      const step = config.linearConfiguration?.stepPercent ?? 10
      return `LINEAR: ${step} % of production traffic every ${config.linearConfiguration?.stepBakeTimeInMinutes ?? 6} min, ${bake}`
    }
    case 'CANARY': {
      const canary = config.canaryConfiguration?.canaryPercent ?? 5
      return `CANARY: ${canary} % of production traffic for ${config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10} min, then 100 %, ${bake}`
    }
    default:
      return `BLUE_GREEN: all production traffic at once, ${bake}`
  }
}

/** `PAUSE at POST_SCALE_UP; Lambda validate-green at POST_TEST_TRAFFIC_SHIFT` */
export function describeHooks(config: DeploymentConfiguration | undefined): string | undefined {
  const hooks = config?.lifecycleHooks ?? []
  if (hooks.length === 0) return undefined
  return hooks
    .map((hook) => {
      const what = hook.targetType === 'PAUSE' ? 'PAUSE' : `Lambda ${functionName(hook.hookTargetArn) ?? '?'}`
      return `${what} at ${(hook.lifecycleStages ?? []).join(', ')}`
    })
    .join('; ')
}

/** Where a Lambda hook writes its logs, for the hint of a failed hook. */
export function lambdaLogGroup(name: string): string {
  return `/aws/lambda/${name}`
}

/** The Lambda function named in a hook failure's reason (`Lifecycle hook target NAME returned FAILED status.`). */
export function failedFunction(reason: string): string | undefined {
  return /(?:hook target|unable to (?:invoke|parse the response from)) ([\w-]+)/.exec(reason)?.[1]
}
