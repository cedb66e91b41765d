import { ListServiceDeploymentsCommand, type Service } from '@aws-sdk/client-ecs'
import { callSignals } from '../aws/abort.js'
import { abortable, observed } from '../aws/clients.js'
import type { RollbackConfig } from '../config/types.js'
import { getDeployment } from '../deploy/codedeploy/follower.js'
import type { FoundGroup } from '../deploy/codedeploy/group.js'
import type { DeployContext, DeployOutcome, DriverConfig, DriverName } from '../deploy/driver.js'
import { describeServiceDeployment } from '../deploy/service-deployments.js'
import { DRIVERS } from '../deploy/select.js'
import { describeTarget } from '../deploy/target.js'
import { UserError, isUserError } from '../errors.js'
import { shortTaskDefinition } from '../report/format.js'
import { read, stage, type RunDeps } from '../stage.js'
import { activeDeployment, appSpecTaskDefinition, FROM_SERVICE, groupOf } from '../status/codedeploy.js'
import { revisionTaskDefinitions, strategyOf } from '../status/read.js'
import type { RunResult } from '../verdict.js'
import { createDeadline } from '../watch/deadline.js'
import { isSteadyOn, settled, stopCodeDeploy, stopNative } from './stop.js'
import { givenTarget, previousTarget, refFor, type RollbackTarget } from './target.js'

// `berth rollback`: the service back on its previous (or the given) revision, by the mechanism of its strategy, and
// watched to a verdict as `berth deploy` watches: `succeeded` once the service is steady on that revision.

/** What is moving on the service now, that a rollback stops rather than deploys over. */
type InProgress =
  | { kind: 'codedeploy'; found: FoundGroup; deploymentId: string; deploying?: string }
  | { kind: 'ecs-native'; arn: string; deploymentId: string; deploying?: string; source?: string }

export async function rollback(config: RollbackConfig, runDeps: RunDeps): Promise<RunResult> {
  const reporter = runDeps.reporter
  const deadline = createDeadline(config.waitTimeoutMs, runDeps.now)
  const seen = observed(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call }))
  const deps = { ...runDeps, clients: abortable(seen, callSignals(deadline, runDeps.signal)) }
  const { cluster, service: name } = config
  let pre: Preflight
  try {
    pre = await preflight(deps, config)
  } catch (error) {
    if (!deps.signal?.aborted || isUserError(error)) throw error
    return ended(reporter, cancelledBefore(cluster, name))
  }
  if (deps.signal?.aborted) return ended(reporter, cancelledBefore(cluster, name))
  const { service, strategy, moving, target } = pre
  const current = service.taskDefinition ?? ''
  const base = {
    cluster,
    service: service.serviceName ?? name,
    taskDefinitionArn: target.arn,
    previousTaskDefinitionArn: current,
    artifacts: [],
  }
  const context: DeployContext = {
    config: driverConfig(config),
    clients: deps.clients,
    reporter,
    target: { cluster, service },
    taskDefinitionArn: moving?.deploying ?? target.arn,
    taskDefinition: target.taskDefinition,
    previousTaskDefinitionArn: moving ? target.arn : current,
    artifacts: [],
    now: deps.now,
    sleep: deps.sleep,
    deadline,
    cancel: deps.signal,
  }
  const result = await stage(deps, 'deploy', `Roll back ${base.service} in ${cluster} (${strategy})`, async () => {
    reporter.emit({
      type: 'info',
      message: `rolling back service ${base.service} in cluster ${cluster} from ${shortTaskDefinition(current)} to ${shortTaskDefinition(target.arn)} (${target.rule}), ${mechanism(strategy, moving)}.`,
    })
    if (!moving && isSteadyOn(service, target.arn)) return alreadyThere(base, target)
    const outcome = await move(deps, context, strategy, moving, target)
    return verdictOf(base, outcome, target)
  })
  return ended(reporter, result)
}

function ended(reporter: RunDeps['reporter'], result: RunResult): RunResult {
  reporter.emit({ type: 'verdict', result })
  return result
}

function cancelledBefore(cluster: string, service: string): RunResult {
  const reasons = ['the run was cancelled before the rollback changed anything.']
  return { status: 'cancelled', cluster, service, reasons, hints: [], artifacts: [] }
}

/** Everything a rollback reads before it changes anything. */
interface Preflight {
  service: Service
  strategy: DriverName
  moving?: InProgress
  target: RollbackTarget
}

async function preflight(deps: RunDeps, config: RollbackConfig): Promise<Preflight> {
  const service = await read(deps, () => describeTarget(deps.clients.ecs, config.cluster, config.service))
  const strategy = strategyOf(service)
  if (strategy === 'external') {
    throw new UserError(
      `--service ${config.service}: the service uses the EXTERNAL deployment controller, which berth cannot drive.`,
    )
  }
  const moving = await read(deps, () => inProgress(deps, config, service, strategy))
  const target = await read(deps, () => chooseTarget(deps, config, service, moving))
  return { service, strategy, moving, target }
}

/** The deployment in progress that a rollback stops: CodeDeploy's, or an ECS-native service deployment. */
async function inProgress(
  deps: RunDeps,
  config: RollbackConfig,
  service: Service,
  strategy: DriverName,
): Promise<InProgress | undefined> {
  const { ecs, codedeploy } = deps.clients
  const { cluster } = config
  if (strategy === 'codedeploy') {
    const found = await groupOf(codedeploy, cluster, service, config)
    const deploymentId = await activeDeployment(codedeploy, found)
    if (!deploymentId) return undefined
    const deploying = appSpecTaskDefinition(await getDeployment(codedeploy, deploymentId))
    return { kind: 'codedeploy', found, deploymentId, deploying }
  }
  if (strategy !== 'ecs-native') return undefined
  const listed = await ecs.send(
    new ListServiceDeploymentsCommand({ cluster, service: service.serviceName, status: ['PENDING', 'IN_PROGRESS'] }),
  )
  const arn = listed.serviceDeployments?.[0]?.serviceDeploymentArn
  if (!arn) return undefined
  const sd = await describeServiceDeployment(ecs, arn)
  const targetRevision = sd.targetServiceRevision?.arn ?? ''
  const sources = (sd.sourceServiceRevisions ?? []).map((summary) => summary.arn ?? '')
  const taskDefinitions = await revisionTaskDefinitions(ecs, [targetRevision, ...sources])
  const deploying = taskDefinitions.get(targetRevision)
  const source = sources.map((revision) => taskDefinitions.get(revision)).find((td) => td && td !== deploying)
  const deploymentId = `ecs-svc/${targetRevision.slice(targetRevision.lastIndexOf('/') + 1)}`
  return { kind: 'ecs-native', arn, deploymentId, deploying, source }
}

/**
 * A deployment in progress goes back to where it came from; `--to` may only confirm that revision. Otherwise the
 * revision `--to` names, or the previous one.
 */
async function chooseTarget(
  deps: RunDeps,
  config: RollbackConfig,
  service: Service,
  moving: InProgress | undefined,
): Promise<RollbackTarget> {
  const current = service.taskDefinition ?? ''
  const origin = moving ? originOf(service, moving) : undefined
  if (origin && moving) {
    const what =
      moving.kind === 'codedeploy' ? `CodeDeploy deployment ${moving.deploymentId}` : `service deployment ${moving.arn}`
    if (config.to && !sameRevision(refFor(config.to, current), origin)) {
      throw new UserError(
        `--to ${config.to.given}: ${what} is in progress, and berth rolls it back by stopping it, which returns the ` +
          `service to ${shortTaskDefinition(origin)}. Leave out --to, or wait for the deployment to end.`,
        { input: '--to' },
      )
    }
    const target = await givenTarget(deps.clients.ecs, { given: origin, revision: revisionOf(origin) }, origin)
    return { ...target, rule: `the revision ${what} replaces` }
  }
  if (config.to) return givenTarget(deps.clients.ecs, config.to, current)
  return previousTarget(deps.clients.ecs, config.cluster, service)
}

/** The revision the deployment in progress started from: its source, or the task set it does not deploy. */
function originOf(service: Service, moving: InProgress): string | undefined {
  if (moving.kind === 'ecs-native') return moving.source
  const sets = service.taskSets ?? []
  return sets.find((set) => set.taskDefinition && set.taskDefinition !== moving.deploying)?.taskDefinition
}

function sameRevision(ref: string, arn: string): boolean {
  return arn.endsWith(`/${ref}`)
}

function revisionOf(arn: string): number {
  return Number(/:(\d+)$/.exec(arn)?.[1] ?? 0)
}

function mechanism(strategy: DriverName, moving: InProgress | undefined): string {
  if (moving?.kind === 'codedeploy')
    return `stopping CodeDeploy deployment ${moving.deploymentId} with automatic rollback`
  if (moving?.kind === 'ecs-native') return 'stopping the service deployment in progress with ROLLBACK'
  if (strategy === 'codedeploy') return 'with a new CodeDeploy deployment'
  return strategy === 'ecs-native'
    ? 'with an ECS-native deployment (UpdateService)'
    : 'with a rolling update (UpdateService)'
}

/** What the drivers are asked: nothing beyond the revision; a timeout or cancel leaves the service as it is. */
function driverConfig(config: RollbackConfig): DriverConfig {
  return {
    ...FROM_SERVICE,
    codedeployApplication: config.codedeployApplication,
    codedeployGroup: config.codedeployGroup,
    waitTimeoutMs: config.waitTimeoutMs,
    pollIntervalMs: config.pollIntervalMs,
  }
}

async function move(
  deps: RunDeps,
  context: DeployContext,
  strategy: DriverName,
  moving: InProgress | undefined,
  target: RollbackTarget,
): Promise<DeployOutcome> {
  if (moving?.kind === 'codedeploy') return stopCodeDeploy(context, moving.found, moving.deploymentId)
  if (moving?.kind === 'ecs-native') return stopNative(context, moving.arn, moving.deploymentId)
  // A driver's preparation only reads, so it is safe to run again when the API throttles.
  const prepared = await read(deps, () =>
    DRIVERS[strategy].prepare({
      config: context.config,
      clients: deps.clients,
      target: context.target,
      reporter: deps.reporter,
    }),
  )
  const outcome = await prepared.deploy({ ...context, taskDefinitionArn: target.arn })
  if (outcome.status !== 'succeeded') return outcome
  // The deployment is over (CodeDeploy may still be removing the original task set): steady is the verdict.
  return settled(context, outcome.deploymentId, outcome.reasons, target.arn)
}

function unfinished(base: Base, to: string, status: DeployOutcome['status']): string {
  const what = `the rollback of service ${base.service} to ${to}`
  const from = shortTaskDefinition(base.previousTaskDefinitionArn ?? '')
  switch (status) {
    case 'rolled_back':
      return `${what} failed, and was rolled back in turn: the service is on ${from} again.`
    case 'timed_out':
      return `${what} did not finish within the wait timeout (--wait-timeout); berth left it as it is.`
    case 'cancelled':
      return `the run was cancelled during ${what}; berth left it as it is.`
    default:
      return `${what} failed.`
  }
}

type Base = Omit<RunResult, 'status' | 'reasons' | 'hints'>

function alreadyThere(base: Base, target: RollbackTarget): RunResult {
  return {
    ...base,
    status: 'succeeded',
    reasons: [
      `service ${base.service} in cluster ${base.cluster} already runs ${shortTaskDefinition(target.arn)} (${target.rule}) ` +
        'and is steady; nothing was changed.',
    ],
    hints: [],
  }
}

/**
 * The rollback's verdict: `succeeded` only when the service is steady on the target; a rollback that ECS or CodeDeploy
 * rolled back in turn left the service where it was, so it failed.
 */
function verdictOf(base: Base, outcome: DeployOutcome, target: RollbackTarget): RunResult {
  const to = shortTaskDefinition(target.arn)
  const succeeded = outcome.status === 'succeeded'
  const status =
    succeeded || outcome.status === 'timed_out' || outcome.status === 'cancelled' ? outcome.status : 'failed'
  const headline = succeeded
    ? `rolled service ${base.service} back to ${to} (${target.rule}); it is steady on it.`
    : unfinished(base, to, outcome.status)
  return {
    ...base,
    status,
    ...(outcome.deploymentId ? { deploymentId: outcome.deploymentId } : {}),
    reasons: [headline, ...outcome.reasons],
    hints: outcome.hints,
    ...(outcome.logs ? { logs: outcome.logs } : {}),
  }
}
