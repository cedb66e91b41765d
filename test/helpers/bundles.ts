import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface BundleOutcome {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface BundleHooks {
  /** Called once the process runs, with a getter of its output so far (stdout and stderr). */
  onStart?(child: ChildProcess, output: () => string): void
  /** Called after each chunk of output, with the output so far. */
  onOutput?(child: ChildProcess, output: { stdout: string; stderr: string }): void
}

/** Runs a committed bundle (`dist/…`) with node, as users do, in a clean environment plus `env`. */
export function runBundle(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  hooks: BundleHooks = {},
): Promise<BundleOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = { stdout: '', stderr: '' }
    child.stdout.on('data', (chunk) => ((output.stdout += chunk), hooks.onOutput?.(child, output)))
    child.stderr.on('data', (chunk) => ((output.stderr += chunk), hooks.onOutput?.(child, output)))
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, ...output }))
    hooks.onStart?.(child, () => output.stdout + output.stderr)
  })
}

/** The `--json` contract: the last line on stdout is one JSON object. */
export function lastJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>
}

/** What GitHub's runner gives an action: INPUT_<NAME> (upper-cased, hyphens kept), output and summary files. */
export function runnerEnv(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'berth-runner-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    ...extra,
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return { env, files }
}

/** Reads the `name<<DELIMITER … DELIMITER` records @actions/core writes to GITHUB_OUTPUT. */
export function outputsOf(file: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const [, name, , value] of readFileSync(file, 'utf8').matchAll(pattern)) outputs[name] = value
  return outputs
}
