import { checkDirectory } from './artifacts/write.js'
import { callSignals } from './aws/abort.js'
import { abortable, observed } from './aws/clients.js'
import { neverReached } from './aws/errors.js'
import type { Config } from './config/types.js'
import { isUserError } from './errors.js'
import { deployMany } from './fleet/index.js'
import { asJson, renderOnly, writeArtifactFiles, writeRendered } from './render.js'
import { runOneOff } from './run-task.js'
import { pathFor, type RunDeps } from './stage.js'
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
} from './steps.js'
import type { RunResult } from './verdict.js'
import { createDeadline } from './watch/deadline.js'

export type { RunDeps } from './stage.js'

/** One run of `berth render` (no cluster/service) or `berth deploy`: the pipeline of DESIGN.md. */
export async function run(config: Config, runDeps: RunDeps): Promise<RunResult> {
  const reporter = runDeps.reporter
  const deps = {
    ...runDeps,
    clients: observed(runDeps.clients, (call) => reporter.emit({ type: 'aws-call', ...call })),
  }
  if (config.artifactsDir) await checkDirectory(pathFor(deps, config.artifactsDir), '--artifacts-dir')
  const result =
    config.cluster && config.services.length > 1
      ? await deployMany(config, deps, config.cluster)
      : config.cluster && config.service
        ? await deploy(config, deps, config.cluster, config.service)
        : await renderOnly(config, deps)
  deps.reporter.emit({ type: 'verdict', result })
  return result
}

async function deploy(config: Config, runDeps: RunDeps, cluster: string, name: string): Promise<RunResult> {
  const deadline = createDeadline(config.waitTimeoutMs, runDeps.now)
  const deps = { ...runDeps, clients: abortable(runDeps.clients, callSignals(deadline, runDeps.signal)) }
  let pre: Preflight
  try {
    pre = await preflight(config, deps, cluster, name)
  } catch (error) {
    if (deps.signal?.aborted && !isUserError(error)) {
      return cancelledBeforeDeploy({ cluster, service: name, artifacts: [] })
    }
    throw neverReached(error)
  }
  const base = {
    cluster,
    service: name,
    previousTaskDefinitionArn: pre.previousTaskDefinitionArn,
    artifacts: [] as string[],
  }
  if (config.dryRun) {
    const actions = planOf(config, cluster, name, pre)
    deps.reporter.emit({ type: 'plan', actions })
    return { ...base, status: 'planned', reasons: [], hints: [], plan: actions }
  }
  if (deps.signal?.aborted) return cancelledBeforeDeploy(base)

  const registration = await registerRevision(deps, pre).catch((error: unknown) => {
    if (deps.signal?.aborted && !isUserError(error)) return undefined
    throw error
  })
  if (!registration) return cancelledBeforeDeploy(base)
  const artifacts = await writeArtifactFiles(config, deps, pre.rendered.artifacts)
  if (config.out) await writeRendered(config.out, asJson(pre.rendered.input), deps)
  const registered = { ...base, taskDefinitionArn: registration.taskDefinitionArn, artifacts }
  if (deps.signal?.aborted) return cancelledBeforeDeploy(registered)
  const task = config.beforeDeploy
    ? await runOneOff(config.beforeDeploy, deps, { cluster, registered: registration, networkService: name, deadline })
    : undefined
  if (task && task.status !== 'succeeded') return beforeDeployFailed(registered, task)

  const outcome = await deployService(config, deps, {
    cluster,
    pre,
    to: registration,
    from: pre.previousTaskDefinitionArn,
    deadline,
  })
  if (outcome.status === 'succeeded' && config.keepRevisions !== undefined) {
    await keepRevisions(deps, pre.family, config.keepRevisions)
  }
  return { ...resultOf(registered, outcome), ...(task?.task ? { task: task.task } : {}) }
}
