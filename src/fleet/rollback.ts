import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { callSignals } from '../aws/abort.js'
import { abortable } from '../aws/clients.js'
import type { DeployOutcome } from '../deploy/driver.js'
import { findTaskDefinition } from '../deploy/register.js'
import { describeTarget } from '../deploy/target.js'
import { errorMessage } from '../errors.js'
import { read, type RunDeps } from '../stage.js'
import { deployService, type Preflight } from '../steps.js'
import type { RunResult } from '../verdict.js'
import type { Deadline } from '../watch/deadline.js'
import { finish, type Member } from './member.js'

// Under --on-failure rollback-all, a service that had already succeeded when another failed goes back to its
// previous revision the way its driver deploys: a rolling UpdateService, a CodeDeploy deployment, an ECS-native
// deployment of the previous revision, followed to a verdict like any deployment.

export interface RollbackScope {
  cluster: string
  deadline: Deadline
  runDeps: RunDeps
}

export async function rollBackService(m: Member, failed: string, scope: RollbackScope): Promise<void> {
  const result = m.result as RunResult
  const pre = m.pre as Preflight
  const previous = pre.previousTaskDefinitionArn
  const current = result.taskDefinitionArn ?? previous
  if (current === previous) return
  // Not this service's own stop signal: it may have fired as the service succeeded, and must not stop its rollback.
  const deps: RunDeps = {
    ...m.deps,
    clients: abortable(scope.runDeps.clients, callSignals(scope.deadline, scope.runDeps.signal)),
    signal: scope.runDeps.signal,
  }
  const why = `service ${failed} did not succeed (--on-failure rollback-all)`
  deps.reporter.emit({ type: 'rollback-started', reason: why, taskDefinitionArn: previous })
  let outcome: DeployOutcome
  try {
    const service = await read(deps, () => describeTarget(deps.clients.ecs, scope.cluster, m.name))
    const revision = await read(deps, () => findTaskDefinition(deps.clients.ecs, previous))
    if (!revision) throw new Error(`${previous} is not registered any more.`)
    outcome = await deployService(
      { ...m.config, desiredCount: undefined, forceNewDeployment: false },
      deps,
      {
        cluster: scope.cluster,
        pre,
        service,
        to: { taskDefinitionArn: previous, taskDefinition: revision.document.taskDefinition as TaskDefinition },
        from: current,
        deadline: scope.deadline,
      },
      `Roll ${m.name} back to ${previous.slice(previous.lastIndexOf('/') + 1)} (${pre.driver.name})`,
    )
  } catch (error) {
    outcome = { status: 'failed', reasons: [errorMessage(error)], hints: [] }
  }
  finish(m, afterRollback(result, outcome, previous, why))
}

/** `rolled_back` when the service is back on `previous`; `failed` (and why) when its rollback did not succeed. */
function afterRollback(result: RunResult, outcome: DeployOutcome, previous: string, why: string): RunResult {
  if (outcome.status === 'succeeded') {
    const by = outcome.deploymentId ? ` (deployment ${outcome.deploymentId})` : ''
    return {
      ...result,
      status: 'rolled_back',
      reasons: [`rolled back to ${previous}${by} after it succeeded, because ${why}.`, ...result.reasons],
    }
  }
  return {
    ...result,
    status: 'failed',
    reasons: [
      `its rollback to ${previous}, because ${why}, ended ${outcome.status.replace('_', ' ')}:`,
      ...outcome.reasons,
      ...result.reasons,
    ],
    hints: [...outcome.hints, ...result.hints],
    ...(outcome.logs ? { logs: outcome.logs } : {}),
  }
}
