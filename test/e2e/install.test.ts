/**
 * Installing berth the ways the README says, offline: the packed tarball and a git URL, each into a prefix of its
 * own, then `berth --help` and a dry run against berth sim from the installed command. The installed CLI must be
 * the committed bundle, with nothing to build and no dependency to fetch.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { startSim, type Sim } from '../../src/sim/main.js'
import { REGISTRY } from '../helpers/sim.js'

const run = promisify(execFile)
const ROOT = resolve('.')

jest.setTimeout(180_000)

let sim: Sim
let work: string
const npmEnv = () => ({
  ...process.env,
  npm_config_cache: join(work, 'cache'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
})

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'berth-install-'))
  sim = await startSim({ scenario: 'test/fixtures/sim/rolling.yaml', speed: 100 })
})
afterAll(async () => sim.close())

/** `npm install --global` of `spec` into a fresh prefix, offline; the path of the installed `berth`. */
async function installGlobally(spec: string): Promise<string> {
  const prefix = mkdtempSync(join(work, 'prefix-'))
  await run('npm', ['install', '--global', '--offline', '--prefix', prefix, spec], { env: npmEnv() })
  return join(prefix, 'bin', 'berth')
}

async function expectWorkingBerth(berth: string): Promise<void> {
  expect(existsSync(berth)).toBe(true)
  const help = await run(berth, ['--help'])
  expect(help.stdout).toContain('Usage: berth <command>')
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL: sim.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
  }
  const args = ['deploy', '--cluster', 'prod', '--service', 'api', '--image', `web=${REGISTRY}/api:v2`]
  const { stdout } = await run(berth, [...args, '--dry-run', '--json'], { env })
  expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toMatchObject({ status: 'planned' })
}

describe('installing berth', () => {
  it('npm pack ships the bundles and the docs, not the sources or tests', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, env: npmEnv() })
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path)
    expect(files).toEqual(expect.arrayContaining(['dist/cli/index.js', 'dist/index.js', 'action.yml', 'README.md']))
    expect(files.filter((path) => /^(src|test|bench)\//.test(path))).toEqual([])
  })

  it('from the packed tarball, globally: the installed berth runs', async () => {
    await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env: npmEnv() })
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
    expect(tarball).toBeDefined()
    await expectWorkingBerth(await installGlobally(join(work, tarball!)))
  })

  it('from a git URL (the committed tree), globally: nothing is built, the committed bundle runs', async () => {
    await expectWorkingBerth(await installGlobally(`git+file://${ROOT}`))
  })
})
