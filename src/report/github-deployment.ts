import { context, getOctokit } from '@actions/github'
import type { ProgressEvent, Reporter } from '../events.js'
import type { RunResult, RunStatus } from '../verdict.js'
import { shortTaskDefinition } from './format.js'

/** The states of a GitHub deployment status that berth sets. */
export type GitHubDeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

/** `rolled_back` is a failed deployment (the old revision runs); a timeout or cancellation is an error of the run. */
export function deploymentStateOf(status: RunStatus): GitHubDeploymentState {
  switch (status) {
    case 'succeeded':
      return 'success'
    case 'failed':
    case 'rolled_back':
      return 'failure'
    case 'timed_out':
    case 'cancelled':
      return 'error'
    case 'paused':
      return 'in_progress'
    case 'planned':
    case 'rendered':
      return 'inactive'
  }
}

/** GitHub keeps at most 140 characters of a status description. */
const DESCRIPTION_LIMIT = 140

export function statusDescription(result: RunResult): string {
  const text = [result.status.replace('_', ' '), result.reasons[0]].filter(Boolean).join(': ')
  return text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`
}

export interface GitHubDeploymentOptions {
  token: string
  /** The GitHub environment the deployment is recorded in (`production`, `staging`, …). */
  environment: string
  /** A warning that reaches the log: the GitHub API failing must never change the verdict. */
  warn(message: string): void
}

type Octokit = ReturnType<typeof getOctokit>

/**
 * Records the run as a GitHub deployment of the workflow's commit in an environment: created when the ECS or
 * CodeDeploy deployment starts (bad input never shows up as a deployment), `in_progress` while it runs, then
 * `success`, `failure` or `error` with the verdict, linking to the workflow run.
 */
export function githubDeploymentReporter(options: GitHubDeploymentOptions): Reporter {
  const octokit = getOctokit(options.token)
  const { owner, repo } = context.repo
  const logUrl = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
  let deploymentId: Promise<number | undefined> | undefined
  let pending: Promise<void> = Promise.resolve()

  const attempt = async (what: string, call: () => Promise<unknown>): Promise<void> => {
    try {
      await call()
    } catch (error) {
      options.warn(`GitHub deployment: could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const setStatus = (state: GitHubDeploymentState, description: string) => {
    pending = pending.then(async () => {
      const id = await deploymentId
      if (id === undefined) return
      await attempt(`set its status to ${state}`, () =>
        octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state,
          description,
          log_url: logUrl,
          environment: options.environment,
          auto_inactive: state === 'success',
        }),
      )
    })
  }

  const start = (event: Extract<ProgressEvent, { type: 'deployment-started' }>) => {
    deploymentId = createDeployment(octokit, options, event, attempt)
    setStatus(
      'in_progress',
      `${event.strategy} deployment ${event.deploymentId} of ${shortTaskDefinition(event.taskDefinitionArn)}`,
    )
  }

  return {
    emit(event) {
      if (event.type === 'deployment-started' && !deploymentId) start(event)
      else if (event.type === 'verdict')
        setStatus(deploymentStateOf(event.result.status), statusDescription(event.result))
    },
    async close() {
      await pending
    },
  }
}

async function createDeployment(
  octokit: Octokit,
  options: GitHubDeploymentOptions,
  event: Extract<ProgressEvent, { type: 'deployment-started' }>,
  attempt: (what: string, call: () => Promise<unknown>) => Promise<void>,
): Promise<number | undefined> {
  let id: number | undefined
  await attempt(`create a deployment in environment ${options.environment}`, async () => {
    const response = await octokit.rest.repos.createDeployment({
      ...context.repo,
      ref: context.sha,
      environment: options.environment,
      description: `${shortTaskDefinition(event.taskDefinitionArn)} (${event.strategy})`,
      auto_merge: false,
      // berth deploys what the workflow built; commit checks are the workflow's business, not the deployment's.
      required_contexts: [],
      payload: { taskDefinitionArn: event.taskDefinitionArn, deploymentId: event.deploymentId },
    })
    if ('id' in response.data) id = response.data.id
    else throw new Error(response.data.message ?? 'GitHub did not create the deployment')
  })
  return id
}
