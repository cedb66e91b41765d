import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  type ECSClient,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import type { Sender } from '../aws/clients.js'
import { neverReached } from '../aws/errors.js'
import { retrying } from '../aws/retry.js'
import type { ContinueConfig } from '../config/types.js'
import { UserError, errorMessage, errorName } from '../errors.js'
import type { Sleep } from '../watch/sleep.js'
import { answered, chooseHook, type Chosen, type ContinueOutcome } from './choose.js'

export { outcomeLine, type ContinueOutcome } from './choose.js'

export interface ContinueDeps {
  ecs: Sender<ECSClient>
  sleep: Sleep
  /** Aborted on SIGINT/SIGTERM: no retry waits past it. */
  signal?: AbortSignal
  /** Said before each retry (the error and the wait). */
  onRetry?: (line: string) => void
}

/** DescribeServiceDeployments takes at most this many ARNs. */
const DESCRIBE_LIMIT = 20

/**
 * `berth continue`: finds the PAUSE hook the service's deployment waits on (or the one given), answers it with
 * ContinueServiceDeployment (CONTINUE, or ROLLBACK), and says what it did. Nothing waiting is the user's error.
 */
export async function continueDeployment(config: ContinueConfig, deps: ContinueDeps): Promise<ContinueOutcome> {
  const read = <T>(call: () => Promise<T>) => retrying(call, retryOptions(deps))
  let target: Chosen
  try {
    target = chooseHook(await inProgress(deps.ecs, config, read), config)
  } catch (error) {
    throw neverReached(notFound(error, config))
  }
  await answer(deps, target, config.rollback)
  return {
    status: config.rollback ? 'rolled_back_requested' : 'continued',
    serviceDeploymentArn: target.serviceDeploymentArn,
    hookId: target.hookId,
    ...(target.stage ? { stage: target.stage } : {}),
  }
}

function retryOptions(deps: ContinueDeps) {
  return {
    sleep: deps.sleep,
    baseMs: 500,
    attempts: 5,
    signal: deps.signal,
    onRetry: (error: unknown, delayMs: number) =>
      deps.onRetry?.(`retrying in ${Math.round(delayMs / 100) / 10} s after: ${errorMessage(error)}`),
  }
}

type Read = <T>(call: () => Promise<T>) => Promise<T>

/** The service's service deployments IN_PROGRESS, described (hooks and stage included). */
async function inProgress(ecs: Sender<ECSClient>, config: ContinueConfig, read: Read): Promise<ServiceDeployment[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await read(() =>
      ecs.send(
        new ListServiceDeploymentsCommand({
          cluster: config.cluster,
          service: config.service,
          status: ['IN_PROGRESS'],
          nextToken,
        }),
      ),
    )
    arns.push(...(page.serviceDeployments ?? []).flatMap((brief) => brief.serviceDeploymentArn ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  const described: ServiceDeployment[] = []
  for (let start = 0; start < arns.length; start += DESCRIBE_LIMIT) {
    const serviceDeploymentArns = arns.slice(start, start + DESCRIBE_LIMIT)
    const output = await read(() => ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns })))
    described.push(...(output.serviceDeployments ?? []))
  }
  return described
}

/** ECS's not-found answers for the service or cluster, as the user's error naming what they gave. */
function notFound(error: unknown, config: ContinueConfig): unknown {
  const name = errorName(error)
  if (name === 'ServiceNotFoundException') {
    return new UserError(`ECS has no service ${config.service} in cluster ${config.cluster}.`)
  }
  if (name === 'ClusterNotFoundException') {
    return new UserError(`ECS has no cluster ${config.cluster} in this account and region.`)
  }
  return error
}

/**
 * ContinueServiceDeployment, which the SDK sends once. After a lost answer the hook may have been answered
 * after all: each retry first describes the deployment and sends again only when the hook still awaits action.
 */
async function answer(deps: ContinueDeps, target: Chosen, rollback: boolean): Promise<void> {
  let failed: unknown
  await retrying(async () => {
    if (failed !== undefined && (await answeredMeanwhile(deps.ecs, target, rollback, failed))) return
    try {
      await deps.ecs.send(
        new ContinueServiceDeploymentCommand({
          serviceDeploymentArn: target.serviceDeploymentArn,
          hookId: target.hookId,
          action: rollback ? 'ROLLBACK' : 'CONTINUE',
        }),
      )
    } catch (error) {
      failed = error
      throw error
    }
  }, retryOptions(deps))
}

/** True when the hook no longer waits because of berth's own answer; an error when it ended otherwise meanwhile. */
async function answeredMeanwhile(
  ecs: Sender<ECSClient>,
  target: Chosen,
  rollback: boolean,
  lost: unknown,
): Promise<boolean> {
  const output = await ecs.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [target.serviceDeploymentArn] }),
  )
  const deployment = output.serviceDeployments?.[0]
  if (answered(deployment, target.hookId, rollback)) return true
  const hook = deployment?.lifecycleHookDetails?.find((candidate) => candidate.hookId === target.hookId)
  if (hook?.status === 'AWAITING_ACTION') return false
  throw new Error(
    `the answer to ContinueServiceDeployment was lost, and hook ${target.hookId} is now ${hook?.status ?? 'gone'} ` +
      `(service deployment ${target.serviceDeploymentArn} ${deployment?.status ?? 'not found'}): it was not berth's answer that ended it.`,
    { cause: lost },
  )
}
