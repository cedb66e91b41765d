// First: catches SIGINT/SIGTERM before anything else loads.
import { cancelSignal } from './signals.js'
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { readFile, realpath } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { type Config, type ContinueConfig, type InputSource } from './config/types.js'
import { parseContinueInput } from './config/parse-commands.js'
import { ACTION_INPUT_NAMES, parseDeployConfig } from './config/run-task.js'
import { UserError, errorMessage, isInternalError, isUserError, unexpectedFailure } from './errors.js'
import { explainSetupError } from './aws/errors.js'
import { credentialKind } from './taskdef/credentials.js'
import { consoleReporter } from './report/console.js'
import { summaryMarkdown } from './report/summary.js'
import { fanOut, recorder, type ProgressEvent, type Reporter } from './events.js'
import { endsWell, type RunResult } from './verdict.js'

// berth bundles a fixed SDK and supports Node 20: the SDK's notice about its own future releases is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const EXIT_USAGE = 2
const EXIT_INTERNAL = 3

const inputName = (name: string): string => ACTION_INPUT_NAMES[name] ?? name

/** Action inputs, spelled as the CLI flags; multiline inputs are lists. */
const inputs: InputSource = {
  get: (name) => core.getInput(inputName(name)) || undefined,
  list: (name) => core.getMultilineInput(inputName(name)).filter((line) => line.trim() !== ''),
  label: (name) => `input "${inputName(name)}"`,
  inputName,
}

/** Stage groups, warnings as annotations (with file and line), everything else as plain log lines. */
function actionReporter(): Reporter {
  // The runner's debug logging (RUNNER_DEBUG=1, 're-run with debug logging') shows the debug lines and AWS calls.
  const lines = consoleReporter(process.stdout, { debug: core.isDebug() })
  return {
    emit(event: ProgressEvent) {
      if (event.type === 'stage-started') core.startGroup(event.title)
      else if (event.type === 'stage-ended') core.endGroup()
      else if (event.type === 'warning') core.warning(event.message, { file: event.file, startLine: event.line })
      else if (event.type === 'service-progress' && event.event.type === 'warning')
        core.warning(`service ${event.service}: ${event.event.message}`, {
          file: event.event.file,
          startLine: event.event.line,
        })
      else lines.emit(event)
    },
    close: lines.close,
  }
}

function setOutputs(config: Config, result: RunResult): void {
  core.setOutput('status', result.status)
  if (config.out) core.setOutput('task-definition', config.out)
  if (result.taskDefinitionArn) core.setOutput('task-definition-arn', result.taskDefinitionArn)
  if (result.deploymentId) core.setOutput('deployment-id', result.deploymentId)
  core.setOutput('artifacts', result.artifacts.join('\n'))
}

async function writeSummary(events: ProgressEvent[], result: RunResult, region?: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(summaryMarkdown(events, result, { region })).write()
  } catch (error) {
    // The verdict stands without the summary; a summary we cannot write must not turn it red.
    core.warning(`could not write the job summary: ${errorMessage(error)}`)
  }
}

/** Environment values given in the `env` input that look like credentials are masked in every log of the job. */
function maskCredentials(config: Config): void {
  for (const edit of config.env) if (credentialKind(edit.name, edit.value)) core.setSecret(edit.value)
}

/** With `github-environment`, a deploy (not a dry run) is also recorded as a GitHub deployment of the commit. */
async function githubDeployment(config: Config): Promise<Reporter | undefined> {
  const { githubEnvironment: environment, githubToken: token } = config
  if (!environment || !config.cluster || config.dryRun) return undefined
  if (!token) {
    core.warning('input "github-environment" is set but "github-token" is empty: no GitHub deployment is recorded.')
    return undefined
  }
  // Loaded only when asked for: the GitHub API client is a good part of the Action's start-up time.
  const { githubDeploymentReporter } = await import('./report/github-deployment.js')
  return githubDeploymentReporter({ token, environment, warn: (message) => core.warning(message) })
}

/** Where a step writes its rendered task definition: a file of its own, so a later berth step never overwrites it. */
function renderedPath(): string {
  const directory = process.env.RUNNER_TEMP || tmpdir()
  return join(directory, `berth-task-definition-${randomUUID()}.json`)
}

/**
 * Reads a file the inputs name, refusing one that leads outside GITHUB_WORKSPACE (a path with `..`, an absolute
 * path elsewhere, or a symbolic link to another place): the Action reads the repository's files only.
 */
async function readWorkspaceFile(path: string): Promise<string> {
  const workspace = process.env.GITHUB_WORKSPACE
  if (workspace) {
    const root = await realpath(workspace)
    const real = await realpath(resolve(path)).catch(() => resolve(path))
    if (real !== root && !real.startsWith(root + sep)) {
      throw new UserError(
        `input "task-definition": ${path} leads to ${real}, outside the workspace (GITHUB_WORKSPACE ${root}); ` +
          'give a file of the repository, or a registered FAMILY[:REVISION] or ARN.',
        { file: path },
      )
    }
  }
  return readFile(path, 'utf8')
}

/** `continue: true`: answer the PAUSE hook the service's deployment waits on, and nothing else. */
async function continueStep(config: ContinueConfig): Promise<void> {
  const [{ continueDeployment, outcomeLine }, { createClients }] = await Promise.all([
    import('./continue/index.js'),
    import('./aws/clients.js'),
  ])
  const clients = createClients({ region: config.region })
  try {
    const outcome = await continueDeployment(config, {
      ecs: clients.ecs,
      sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
      signal: cancelSignal,
      onRetry: (line) => core.info(line),
    })
    core.info(outcomeLine(outcome))
    core.setOutput('status', outcome.status)
    core.setOutput('service-deployment-arn', outcome.serviceDeploymentArn)
    core.setOutput('hook-id', outcome.hookId)
  } finally {
    clients.destroy()
  }
}

async function main(): Promise<void> {
  const history = recorder()
  let reporter = fanOut(actionReporter(), history)
  try {
    const continuing = parseContinueInput(inputs, process.env)
    if (continuing) return await continueStep(continuing)
    const parsed = parseDeployConfig(inputs, process.env)
    maskCredentials(parsed)
    // A run over several services may render several families: it writes a task definition only when asked to.
    const config: Config = { ...parsed, out: parsed.out ?? (parsed.services.length > 1 ? undefined : renderedPath()) }
    const github = await githubDeployment(config)
    if (github) reporter = fanOut(reporter, github)
    // The pipeline and the AWS SDK load after the inputs are read: bad input is said without waiting for them.
    const [{ run }, { createClients }] = await Promise.all([import('./run.js'), import('./aws/clients.js')])
    const result = await run(config, {
      clients: createClients({ region: config.region }),
      reporter,
      readFile: readWorkspaceFile,
      now: Date.now,
      sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
      signal: cancelSignal,
    })
    await reporter.close?.()
    setOutputs(config, result)
    await writeSummary(history.events, result, config.region)
    if (!endsWell(result.status)) {
      core.setFailed(`Deployment ${result.status.replace('_', ' ')}: ${result.reasons[0] ?? 'see the log above'}`)
    }
  } catch (thrown) {
    await reporter.close?.()
    core.setOutput('status', 'error')
    const error = explainSetupError(thrown)
    if (isUserError(error)) {
      // One annotation, on the file and line when there is one.
      const { file, line, column } = error.location
      core.error(errorMessage(error), file ? { file, startLine: line, startColumn: column } : {})
      process.exitCode = EXIT_USAGE
    } else if (isInternalError(error)) {
      core.setFailed(unexpectedFailure(error))
      process.exitCode = EXIT_INTERNAL
    } else {
      core.setFailed(errorMessage(error))
    }
  }
}

await main()
