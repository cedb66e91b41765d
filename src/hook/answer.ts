import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import {
  GetDeploymentCommand,
  PutLifecycleEventHookExecutionStatusCommand,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy'
import type { Sender } from '../aws/clients.js'
import type { HookConfig } from '../config/types.js'
import { UserError, errorMessage, errorName } from '../errors.js'
import { type Sleep, pause, realSleep } from '../watch/sleep.js'

export type HookStatus = 'Succeeded' | 'Failed'

export interface HookOutcome {
  status: HookStatus
  /** How many times the check ran. */
  attempts: number
  detail: string
}

export interface HookDeps {
  codedeploy: Sender<CodeDeployClient>
  /** Aborted on SIGINT/SIGTERM: the check stops and the hook is reported Failed. */
  signal?: AbortSignal
  log(line: string): void
  now?: () => number
  sleep?: Sleep
}

/** No single HTTP request waits longer than this, so a hanging endpoint still gets retried. */
const REQUEST_TIMEOUT_MS = 30_000
/** A request started just before the deadline still gets this long to answer. */
const MIN_REQUEST_MS = 2_000

type Check = HookConfig['check']
interface Attempt {
  ok: boolean
  detail: string
}

/**
 * Answers one CodeDeploy lifecycle hook: runs the check until it passes or the deadline passes, then reports
 * Succeeded or Failed with PutLifecycleEventHookExecutionStatus, once. A cancelled check reports Failed, so the
 * deployment rolls back now rather than waiting out CodeDeploy's one-hour hook timeout.
 */
export async function answerHook(config: HookConfig, deps: HookDeps): Promise<HookOutcome> {
  await requireDeployment(config, deps)
  const outcome = await runCheck(config, deps)
  deps.log(`hook ${config.executionId}: ${outcome.detail}`)
  await report(config, outcome.status, deps)
  return outcome
}

/**
 * The deployment must exist and still be running before the check runs for minutes: an id that is wrong is said
 * at once, not after the whole deadline.
 */
async function requireDeployment(config: HookConfig, deps: HookDeps): Promise<void> {
  let status: string | undefined
  try {
    const output = await deps.codedeploy.send(new GetDeploymentCommand({ deploymentId: config.deploymentId }))
    status = output.deploymentInfo?.status
  } catch (error) {
    if (errorName(error) === 'DeploymentDoesNotExistException') {
      throw new UserError(
        `--deployment-id ${config.deploymentId}: CodeDeploy has no such deployment in this account and region.`,
        { input: '--deployment-id' },
      )
    }
    throw error
  }
  if (status && ['Succeeded', 'Failed', 'Stopped'].includes(status)) {
    throw new UserError(
      `--deployment-id ${config.deploymentId}: the deployment has already ended (${status}); its hooks cannot be answered.`,
      { input: '--deployment-id' },
    )
  }
}

/** Runs the check every `intervalMs` until it passes, the deadline passes or the signal aborts. */
export async function runCheck(config: HookConfig, deps: Omit<HookDeps, 'codedeploy'>): Promise<HookOutcome> {
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? realSleep
  const deadline = now() + config.deadlineMs
  for (let attempts = 1; ; attempts++) {
    const remaining = Math.max(1, deadline - now())
    const attempt = await runOnce(config.check, remaining, deps)
    if (attempt.ok) return { status: 'Succeeded', attempts, detail: attempt.detail }
    if (deps.signal?.aborted)
      return { status: 'Failed', attempts, detail: `cancelled; last attempt: ${attempt.detail}` }
    const wait = Math.min(config.intervalMs, deadline - now())
    if (wait <= 0) return { status: 'Failed', attempts, detail: deadlineDetail(config, attempts, attempt) }
    deps.log(`attempt ${attempts}: ${attempt.detail}; trying again in ${formatMs(wait)}`)
    await pause(sleep, wait, [deps.signal])
    if (deps.signal?.aborted)
      return { status: 'Failed', attempts, detail: `cancelled; last attempt: ${attempt.detail}` }
    if (now() >= deadline) return { status: 'Failed', attempts, detail: deadlineDetail(config, attempts, attempt) }
  }
}

function deadlineDetail(config: HookConfig, attempts: number, last: Attempt): string {
  return `no success within ${formatMs(config.deadlineMs)} (${attempts} attempt${attempts === 1 ? '' : 's'}); last: ${last.detail}`
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const seconds = Math.round(ms / 1000)
  return seconds < 120 ? `${seconds}s` : `${Math.round(seconds / 60)}m`
}

function runOnce(check: Check, remainingMs: number, deps: Omit<HookDeps, 'codedeploy'>): Promise<Attempt> {
  return check.kind === 'http'
    ? httpAttempt(check.url, check.expectStatus, remainingMs, deps.signal)
    : commandAttempt(check.argv, remainingMs, deps)
}

/** The URL without credentials or query, which may carry tokens. */
export function displayUrl(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
}

async function httpAttempt(
  url: string,
  expectStatus: number,
  remainingMs: number,
  signal?: AbortSignal,
): Promise<Attempt> {
  const shown = displayUrl(url)
  const timeout = AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, Math.max(MIN_REQUEST_MS, remainingMs)))
  try {
    const response = await fetch(url, {
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      // A 3xx is only followed when it is not itself the expected answer.
      redirect: expectStatus >= 300 && expectStatus < 400 ? 'manual' : 'follow',
    })
    await response.body?.cancel()
    const ok = response.status === expectStatus
    return { ok, detail: `GET ${shown} answered ${response.status}${ok ? '' : `, expected ${expectStatus}`}` }
  } catch (error) {
    return { ok: false, detail: `GET ${shown} failed: ${fetchError(error)}` }
  }
}

function fetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  if (errorName(error) === 'TimeoutError') return 'no answer in time'
  return cause?.code ?? cause?.message ?? errorMessage(error)
}

/** Runs the command once; its output goes to the log, line by line. Success is exit code 0. */
function commandAttempt(
  argv: readonly string[],
  remainingMs: number,
  deps: Omit<HookDeps, 'codedeploy'>,
): Promise<Attempt> {
  const [file, ...args] = argv
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: Math.max(MIN_REQUEST_MS, remainingMs),
      ...(deps.signal ? { signal: deps.signal } : {}),
    })
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => deps.log(`${file}: ${line}`))
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') return
      resolve({ ok: false, detail: `${file} could not run: ${error.code ?? error.message}` })
    })
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ ok: true, detail: `${file} exited with 0` })
      resolve({ ok: false, detail: signal ? `${file} was stopped by ${signal}` : `${file} exited with ${code}` })
    })
  })
}

async function report(config: HookConfig, status: HookStatus, deps: HookDeps): Promise<void> {
  const input = {
    deploymentId: config.deploymentId,
    lifecycleEventHookExecutionId: config.executionId,
    status,
  }
  try {
    await deps.codedeploy.send(new PutLifecycleEventHookExecutionStatusCommand(input))
  } catch (error) {
    throw reportError(config, error)
  }
}

function reportError(config: HookConfig, error: unknown): Error {
  const name = errorName(error)
  switch (name) {
    case 'LifecycleEventAlreadyCompletedException':
      return new Error(
        `hook execution ${config.executionId} of deployment ${config.deploymentId} already has an outcome ` +
          '(it was answered before, or CodeDeploy gave up waiting): nothing was reported.',
      )
    case 'DeploymentDoesNotExistException':
    case 'InvalidDeploymentIdException':
      return new UserError(`--deployment-id ${config.deploymentId}: CodeDeploy has no such deployment here.`)
    case 'InvalidLifecycleEventHookExecutionIdException':
      return new UserError(
        `--execution-id ${config.executionId}: not a lifecycle hook execution of deployment ${config.deploymentId}.`,
      )
    default:
      return new Error(`PutLifecycleEventHookExecutionStatus for ${config.executionId}: ${errorMessage(error)}`, {
        cause: error,
      })
  }
}
