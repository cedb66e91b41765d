import { PutLifecycleEventHookExecutionStatusCommand } from '@aws-sdk/client-codedeploy'
import { createClients } from '../aws/clients.js'
import { type HookConfig } from '../config/types.js'
import { parseDuration } from '../config/values.js'
import { errorMessage } from '../errors.js'
import { answerHook, type HookDeps, type HookOutcome } from './answer.js'

/** What CodeDeploy sends a lifecycle hook function. */
export interface CodeDeployHookEvent {
  DeploymentId?: string
  LifecycleEventHookExecutionId?: string
}

/** The part of the Lambda context the handler reads. */
export interface LambdaContext {
  getRemainingTimeInMillis?(): number
}

/** Time kept back from the function's own timeout to report the outcome. */
const REPORT_MARGIN_MS = 10_000
const DEFAULT_DEADLINE_MS = 5 * 60_000
const DEFAULT_INTERVAL_MS = 5_000

/**
 * AWS Lambda handler for CodeDeploy ECS lifecycle hooks: GETs `BERTH_HOOK_URL` until it answers
 * `BERTH_HOOK_EXPECT_STATUS` (200) or `BERTH_HOOK_DEADLINE` passes, and reports the outcome to CodeDeploy.
 */
export const handler = async (event: CodeDeployHookEvent, context?: LambdaContext): Promise<HookOutcome> => {
  const clients = createClients()
  return answerEvent(event, process.env, context, { codedeploy: clients.codedeploy, log: (line) => console.log(line) })
}

/** The handler with its environment and client passed in. */
export async function answerEvent(
  event: CodeDeployHookEvent,
  env: Record<string, string | undefined>,
  context: LambdaContext | undefined,
  deps: HookDeps,
): Promise<HookOutcome> {
  const deploymentId = event.DeploymentId
  const executionId = event.LifecycleEventHookExecutionId
  if (!deploymentId || !executionId) {
    throw new Error('the event has no DeploymentId and LifecycleEventHookExecutionId: is this a CodeDeploy hook?')
  }
  let config: HookConfig
  try {
    config = hookConfigFromEnv(deploymentId, executionId, env, context)
  } catch (error) {
    // A misconfigured function still answers, so the deployment rolls back now instead of in an hour.
    const detail = `the function is misconfigured: ${errorMessage(error)}`
    deps.log(`hook ${executionId}: ${detail}`)
    await deps.codedeploy.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId,
        lifecycleEventHookExecutionId: executionId,
        status: 'Failed',
      }),
    )
    return { status: 'Failed', attempts: 0, detail }
  }
  return answerHook(config, deps)
}

export function hookConfigFromEnv(
  deploymentId: string,
  executionId: string,
  env: Record<string, string | undefined>,
  context?: LambdaContext,
): HookConfig {
  const url = env.BERTH_HOOK_URL
  if (!url || !/^https?:\/\/./.test(url)) {
    throw new Error('set BERTH_HOOK_URL to the http:// or https:// URL the hook checks.')
  }
  const expectStatus = env.BERTH_HOOK_EXPECT_STATUS ? Number(env.BERTH_HOOK_EXPECT_STATUS) : 200
  if (!Number.isInteger(expectStatus) || expectStatus < 100 || expectStatus > 599) {
    throw new Error(`BERTH_HOOK_EXPECT_STATUS ${JSON.stringify(env.BERTH_HOOK_EXPECT_STATUS)} is not an HTTP status.`)
  }
  const wanted = duration(env, 'BERTH_HOOK_DEADLINE') ?? DEFAULT_DEADLINE_MS
  const remaining = context?.getRemainingTimeInMillis?.()
  const deadlineMs = remaining === undefined ? wanted : Math.max(1000, Math.min(wanted, remaining - REPORT_MARGIN_MS))
  return {
    deploymentId,
    executionId,
    check: { kind: 'http', url, expectStatus },
    deadlineMs,
    intervalMs: duration(env, 'BERTH_HOOK_INTERVAL') ?? DEFAULT_INTERVAL_MS,
    json: false,
  }
}

function duration(env: Record<string, string | undefined>, name: string): number | undefined {
  const value = env[name]
  if (!value) return undefined
  try {
    return parseDuration(value)
  } catch (error) {
    throw new Error(`${name} ${JSON.stringify(value)}: ${errorMessage(error)}`, { cause: error })
  }
}
