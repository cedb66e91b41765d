import { execFileSync } from 'node:child_process'
import { it } from '@jest/globals'

// The emulator's answers are checked with a second, independent client: the Python aws CLI and boto3
// (botocore's own models and parsers). CI installs them (Debian: awscli python3-boto3).

export type OutsideTool = 'aws' | 'boto3'

const SKIP = process.env.BERTH_SKIP_OUTSIDE_CLIENTS === '1'
const INSTALL =
  'install the Python aws CLI and boto3 (apt-get install awscli python3-boto3), or set BERTH_SKIP_OUTSIDE_CLIENTS=1 to skip'

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 })
    return true
  } catch {
    return false
  }
}

/** The Python that has boto3: the one on PATH, or Debian's, where apt-get installs python3-boto3. */
export const python = ['python3', '/usr/bin/python3'].find((candidate) => works(candidate, ['-c', 'import boto3']))

const present: Record<OutsideTool, boolean> = { aws: works('aws', ['--version']), boto3: python !== undefined }

type TestBody = () => Promise<unknown>

let ecsCommands: string | undefined

/** The `aws ecs` commands the installed CLI knows (its botocore's model decides), read once from `aws ecs help`. */
function awsKnows(command: string): boolean {
  try {
    ecsCommands ??= execFileSync('aws', ['ecs', 'help'], {
      encoding: 'utf8',
      env: { ...process.env, PAGER: 'cat', MANPAGER: 'cat' },
      timeout: 60_000,
    })
  } catch {
    ecsCommands = ''
  }
  return new RegExp(`\\b${command}\\b`).test(ecsCommands)
}

/**
 * `it` for a test that needs an outside client. Without the tool it is reported skipped, with the reason in its
 * name, when BERTH_SKIP_OUTSIDE_CLIENTS=1 says so, and fails otherwise: it never passes without running.
 */
export function itWith(tool: OutsideTool): (name: string, body: TestBody, timeout?: number) => void {
  if (present[tool]) return (name, body, timeout) => it(name, body, timeout)
  if (SKIP) return (name, body) => it.skip(`${name} (skipped: no ${tool} on this machine)`, body)
  return (name) =>
    it(name, () => {
      throw new Error(`${name} needs ${tool === 'aws' ? 'the aws CLI' : 'boto3'}: ${INSTALL}`)
    })
}

/**
 * `itWith('aws')` for a test of `aws ecs` commands the CLI may be too old to know (an older botocore model has no
 * such operation): such a CLI is reported like a missing one, naming the commands it lacks.
 */
export function itWithAwsEcs(commands: string[]): (name: string, body: TestBody, timeout?: number) => void {
  if (!present.aws) return itWith('aws')
  const lacking = commands.filter((command) => !awsKnows(command))
  if (lacking.length === 0) return (name, body, timeout) => it(name, body, timeout)
  const why = `the aws CLI here is too old: it has no aws ecs ${lacking.join(', ')}`
  if (SKIP) return (name, body) => it.skip(`${name} (skipped: ${why})`, body)
  return (name) =>
    it(name, () => {
      throw new Error(`${name}: ${why}; install a newer one (pip install awscli), or set BERTH_SKIP_OUTSIDE_CLIENTS=1`)
    })
}
