import { callSignals } from '../aws/abort.js'
import { abortable } from '../aws/clients.js'
import type { Config, RunTaskConfig } from '../config/types.js'
import { StopForRollback } from '../deploy/driver.js'
import { chooseStrategy } from '../deploy/select.js'
import { describeTarget } from '../deploy/target.js'
import { errorMessage, isUserError } from '../errors.js'
import { asJson, writeArtifactFiles, writeRendered } from '../render.js'
import { runOneOff } from '../run-task.js'
import { read, type RunDeps } from '../stage.js'
import {
  beforeDeployFailed,
  cancelledBeforeDeploy,
  deployService,
  keepRevisions,
  planOf,
  preflight,
  registerRevision,
  resultOf,
  type Preflight,
} from '../steps.js'
import { endsWell, type RunResult } from '../verdict.js'
import { createDeadline, type Deadline } from '../watch/deadline.js'
import type { Registration } from '../deploy/register.js'
import { byFamily, checkServices } from './checks.js'
import { limiter, type Limit } from './limit.js'
import { finish, member, resultsOf, type Member } from './member.js'
import { rollBackService } from './rollback.js'
import { notStarted, runResult } from './result.js'

// A run over several services (`--service` more than once): every service's preflight, one registration per
// family, the deployments `--max-parallel` at a time, and under `--on-failure rollback-all` the rollback of the
// services already moved once one fails. Each service reports through its own name, so that its lines stay together.

/** What the run shares while its services deploy: the first service that did not succeed. */
interface Shared {
  cluster: string
  deadline: Deadline
  limit: Limit
  members: Member[]
  failed?: string
}

export async function deployMany(config: Config, given: RunDeps, cluster: string): Promise<RunResult> {
  const deadline = createDeadline(config.waitTimeoutMs, given.now)
  // The run's own calls (describes, registrations) end with the deadline or a cancel, as a single service's do.
  const runDeps = { ...given, clients: abortable(given.clients, callSignals(deadline, given.signal)) }
  const configs = await configsByStrategy(config, runDeps, cluster)
  const members = config.services.map((name, at) => member(configs[at], given, name, deadline))
  const limit = limiter(config.maxParallel ?? config.services.length)
  const shared: Shared = { cluster, deadline, limit, members }
  await preflightAll(shared, runDeps.signal)
  const prepared = members.flatMap((m) => (m.pre ? [{ name: m.name, pre: m.pre }] : []))
  if (runDeps.signal?.aborted || prepared.length < members.length) {
    for (const m of members) finish(m, cancelledBeforeDeploy({ cluster, service: m.name, artifacts: [] }))
    return runResult(cluster, resultsOf(members), [])
  }
  checkServices(config, prepared)
  if (config.dryRun) {
    // The before-deploy task runs once, so it is in the first service's plan only.
    members.forEach((m, at) => plan(m, shared, at === 0 ? m.config : { ...m.config, beforeDeploy: undefined }))
    return runResult(cluster, resultsOf(members), [])
  }
  const registrations = await registerFamilies(runDeps, prepared)
  if (!registrations) {
    for (const m of members) finish(m, cancelledBeforeDeploy(baseOf(m, cluster)))
    return runResult(cluster, resultsOf(members), [])
  }
  const artifacts = await writeFiles(config, runDeps, prepared[0].pre, registrations.size)
  const task = config.beforeDeploy && (await beforeDeploy(config.beforeDeploy, runDeps, shared, registrations))
  if (task && task.status !== 'succeeded') {
    for (const m of members) finish(m, beforeDeployFailed(registeredOf(m, cluster, registrations), task))
    return { ...runResult(cluster, resultsOf(members), artifacts), ...(task.task ? { task: task.task } : {}) }
  }
  await Promise.all(members.map((m) => limit(() => deployMember(m, shared, registrations, runDeps.signal))))
  const failed = shared.failed
  if (failed && config.onFailure === 'rollback-all') {
    const moved = members.filter((m) => m.result && endsWell(m.result.status))
    await Promise.all(moved.map((m) => limit(() => rollBackService(m, failed, { cluster, deadline, runDeps: given }))))
  }
  await cleanUp(config, runDeps, members)
  return { ...runResult(cluster, resultsOf(members), artifacts), ...(task?.task ? { task: task.task } : {}) }
}

/**
 * `--before-deploy`: the one-off task runs once, before any service changes, on the network of the first service
 * and, unless its flags say otherwise, from the revision registered for the first service's family.
 */
function beforeDeploy(
  task: RunTaskConfig,
  deps: RunDeps,
  shared: Shared,
  registrations: Map<string, Registration>,
): Promise<RunResult> {
  const first = shared.members[0]
  return runOneOff(task, deps, {
    cluster: shared.cluster,
    registered: registrations.get((first.pre as Preflight).family),
    networkService: first.name,
    deadline: shared.deadline,
  })
}

function registeredOf(m: Member, cluster: string, registrations: Map<string, Registration>) {
  const to = registrations.get((m.pre as Preflight).family) as Registration
  return { ...baseOf(m, cluster), taskDefinitionArn: to.taskDefinitionArn }
}

/**
 * The inputs each service deploys with. In a run with CodeDeploy services, the inputs only CodeDeploy reads
 * (`--hook`, `--appspec`, …) are theirs: the other services deploy without them instead of refusing them.
 */
async function configsByStrategy(config: Config, deps: RunDeps, cluster: string): Promise<Config[]> {
  const strategies = await Promise.all(
    config.services.map(async (name) => {
      const service = await read(deps, () => describeTarget(deps.clients.ecs, cluster, name))
      return chooseStrategy(service, cluster, config.strategy)
    }),
  )
  if (!strategies.includes('codedeploy')) return strategies.map(() => ({ ...config }))
  const withoutCodeDeploy: Config = {
    ...config,
    hooks: [],
    appspec: undefined,
    deploymentConfig: undefined,
    codedeployApplication: undefined,
    codedeployGroup: undefined,
  }
  return strategies.map((strategy) => (strategy === 'codedeploy' ? { ...config } : { ...withoutCodeDeploy }))
}

/** Each service's reads and checks; the first user error ends the run, after every service's lines are shown. */
async function preflightAll(shared: Shared, cancel?: AbortSignal): Promise<void> {
  const settled = await Promise.allSettled(
    shared.members.map((m) =>
      shared.limit(async () => {
        m.pre = await preflight(m.config, m.deps, shared.cluster, m.name, { ownContainersOnly: true })
      }),
    ),
  )
  const failure = settled.find((outcome) => outcome.status === 'rejected')
  if (!failure || (cancel?.aborted && !isUserError(failure.reason))) return
  for (const m of shared.members) m.endBlock()
  throw failure.reason
}

function baseOf(m: Member, cluster: string): Omit<RunResult, 'status' | 'reasons' | 'hints'> {
  return { cluster, service: m.name, previousTaskDefinitionArn: m.pre?.previousTaskDefinitionArn, artifacts: [] }
}

function plan(m: Member, shared: Shared, config: Config): void {
  const pre = m.pre as Preflight
  const actions = planOf(config, shared.cluster, m.name, pre)
  m.deps.reporter.emit({ type: 'plan', actions })
  finish(m, { ...baseOf(m, shared.cluster), status: 'planned', reasons: [], hints: [], plan: actions })
}

/** One registration per family, shared by its services; undefined when the run was cancelled meanwhile. */
async function registerFamilies(
  deps: RunDeps,
  prepared: { name: string; pre: Preflight }[],
): Promise<Map<string, Registration> | undefined> {
  const registrations = new Map<string, Registration>()
  for (const [family, [first]] of byFamily(prepared)) {
    if (deps.signal?.aborted) return undefined
    try {
      registrations.set(family, await registerRevision(deps, first.pre))
    } catch (error) {
      if (deps.signal?.aborted && !isUserError(error)) return undefined
      throw error
    }
  }
  return registrations
}

/** `--out` and `--artifacts-dir` describe one task definition: checkServices allowed them for one family only. */
async function writeFiles(config: Config, deps: RunDeps, pre: Preflight, families: number): Promise<string[]> {
  if (families !== 1) return []
  const artifacts = await writeArtifactFiles(config, deps, pre.rendered.artifacts)
  if (config.out) await writeRendered(config.out, asJson(pre.rendered.input), deps)
  return artifacts
}

async function deployMember(
  m: Member,
  shared: Shared,
  registrations: Map<string, Registration>,
  cancel?: AbortSignal,
): Promise<void> {
  const pre = m.pre as Preflight
  const to = registrations.get(pre.family) as Registration
  const registered = registeredOf(m, shared.cluster, registrations)
  if (shared.failed && m.config.onFailure === 'rollback-all') return finish(m, notStarted(registered, shared.failed))
  if (cancel?.aborted) return finish(m, cancelledBeforeDeploy(registered))
  m.moving = true
  const outcome = await deployService(m.config, m.deps, {
    cluster: shared.cluster,
    pre,
    to,
    from: pre.previousTaskDefinitionArn,
    deadline: shared.deadline,
  }).catch((error: unknown) => ({
    status: 'failed' as const,
    reasons: [`berth could not deploy to service ${m.name}: ${errorMessage(error)}`],
    hints: [],
  }))
  m.moving = false
  const result = resultOf(registered, outcome)
  if (!endsWell(result.status) && !shared.failed && !cancel?.aborted) {
    shared.failed = m.name
    if (m.config.onFailure === 'rollback-all') stopMoving(shared.members, m.name)
  }
  finish(m, result)
}

/**
 * Cancels the deployments still in progress, each rolled back by its driver as on a cancel (an UpdateService back to
 * the previous revision, StopDeployment, StopServiceDeployment ROLLBACK), whatever --on-cancel says.
 */
function stopMoving(members: Member[], failed: string): void {
  const reason = new StopForRollback(`service ${failed} did not succeed (--on-failure rollback-all)`)
  for (const m of members.filter((other) => other.moving)) m.stop.abort(reason)
}

/** `--keep-revisions`: each family cleaned up once, when every service of it succeeded. */
async function cleanUp(config: Config, deps: RunDeps, members: Member[]): Promise<void> {
  if (config.keepRevisions === undefined) return
  const prepared = members.flatMap((m) => (m.pre ? [{ name: m.name, pre: m.pre }] : []))
  for (const [family, services] of byFamily(prepared)) {
    const all = services.every(({ name }) => members.find((m) => m.name === name)?.result?.status === 'succeeded')
    if (all) await keepRevisions(deps, family, config.keepRevisions)
  }
}
