/**
 * The README's emulator example, run as written: `npm run sim` in the background, the exports, the Python aws
 * CLI (v1 reads AWS_DEFAULT_REGION) and a deployment with the CLI bundle. Needs the aws CLI (CI installs it).
 */
import { afterAll, describe, expect } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { promisify } from 'node:util'
import { itWith } from '../helpers/outside.js'

const run = promisify(execFile)

function exampleLines(): string[] {
  const readme = readFileSync('README.md', 'utf8')
  const block = /<!-- emulator-example -->\n```sh\n([\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('README.md has no <!-- emulator-example --> block')
  return block[1].trim().split('\n')
}

let sim: ChildProcess | undefined
afterAll(() => {
  if (sim?.pid) process.kill(-sim.pid, 'SIGTERM')
})

/** The example's first line, without its `&`: resolves once the emulator says where it listens. */
function startInBackground(line: string, env: NodeJS.ProcessEnv): Promise<void> {
  sim = spawn('bash', ['-c', line.replace(/\s*&$/, '')], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    sim!.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('berth sim listening on')) resolve()
    })
    sim!.once('exit', (code) => reject(new Error(`berth sim exited with ${code}: ${output}`)))
  })
}

describe("the README's emulator example", () => {
  itWith('aws')(
    'runs as written on a machine with the aws CLI: describe-services answers, the deployment succeeds',
    async () => {
      const [simLine, ...rest] = exampleLines()
      expect(simLine).toMatch(/^npm run sim -- .*--port 4566 .*&$/)
      const env = { PATH: process.env.PATH, HOME: tmpdir(), AWS_CONFIG_FILE: '/dev/null', AWS_PAGER: '' }
      await startInBackground(simLine, env)
      const { stdout } = await run('bash', ['-ec', rest.join('\n')], { env, timeout: 120_000 })
      // The aws CLI's JSON comes first, then berth's progress.
      const services = JSON.parse(stdout.slice(0, stdout.indexOf('\n}\n') + 2))
      expect(services.services[0]).toMatchObject({ serviceName: 'web', status: 'ACTIVE' })
      expect(stdout).toMatch(/OK: succeeded/)
    },
    180_000,
  )
})
