/**
 * A run over three services through the committed bundles, as users run them: the CLI in a terminal or buildspec
 * (--service repeated) and the Action (input `service`, one per line), against the emulator on a fast clock.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { startSim, type Sim } from '../../src/sim/main.js'
import { lastJsonLine, runBundle } from '../helpers/bundles.js'
import { clientConfig, REGISTRY } from '../helpers/sim.js'

const SCENARIO = 'test/fixtures/sim/many.yaml'
const TD = (family: string, revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`

let sim: Sim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start() {
  sim = await startSim({ scenario: SCENARIO, speed: 150 })
  const env = { AWS_ENDPOINT_URL: sim.url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' }
  const ecs = new ECSClient(clientConfig(sim.url))
  const taskDefinitions = async () => {
    const output = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api', 'worker', 'web'] }))
    ecs.destroy()
    return Object.fromEntries((output.services ?? []).map((service) => [service.serviceName, service.taskDefinition]))
  }
  return { env, taskDefinitions }
}

/** The lines of each service's block, by service, in the order the blocks were printed. */
function blocks(text: string): [string, string[]][] {
  const found: [string, string[]][] = []
  for (const line of text.split('\n')) {
    const header = /^--- service (\S+) -+$/.exec(line)
    if (header) found.push([header[1], []])
    else if (line === '' || /^ +\+\d+\S* {2}(OK|FAILED): \S+$/.test(line)) continue
    else found.at(-1)?.[1].push(line)
  }
  return found
}

describe('berth deploy over three services, through the bundles', () => {
  it('CLI: one block per service on the console, the run and every service in the --json line, exit 1', async () => {
    const { env, taskDefinitions } = await start()
    const { code, stdout, stderr } = await runBundle(
      'dist/cli/index.js',
      [
        'deploy',
        '--cluster',
        'prod',
        ...['api', 'worker', 'web'].flatMap((service) => ['--service', service]),
        ...['api:v2', 'worker:crash', 'web:v2'].flatMap((image) => [
          '--image',
          `${image.split(':')[0]}=${REGISTRY}/${image}`,
        ]),
        '--poll-interval',
        '1s',
        '--json',
      ],
      env,
    )
    expect(code).toBe(1)
    const result = lastJsonLine(stdout) as { status: string; services: { service: string; status: string }[] }
    expect(result.status).toBe('rolled_back')
    expect(result.services.map((service) => service.service)).toEqual(['api', 'worker', 'web'])
    // Each block tells one service's story: no line of another service's deployment in it.
    const printed = blocks(stderr)
    expect(new Set(printed.map(([service]) => service))).toEqual(new Set(['api', 'worker', 'web']))
    for (const [service, lines] of printed) {
      const others = ['api', 'worker', 'web'].filter((other) => other !== service)
      for (const other of others) expect(lines.filter((line) => line.includes(`(service ${other})`))).toEqual([])
    }
    const worker = printed.find(([service]) => service === 'worker')?.[1].join('\n')
    expect(worker).toContain('fatal: QUEUE_URL is not set')
    expect(await taskDefinitions()).toEqual({ api: TD('api', 1), worker: TD('worker', 1), web: TD('web', 1) })
  }, 120_000)

  it('Action: input service one per line, on-failure leave; the job summary has one row per service', async () => {
    const { env, taskDefinitions } = await start()
    const dir = mkdtempSync(join(tmpdir(), 'berth-runner-'))
    const summary = join(dir, 'summary.md')
    const output = join(dir, 'output')
    writeFileSync(summary, '')
    writeFileSync(output, '')
    const inputs: Record<string, string> = {
      CLUSTER: 'prod',
      SERVICE: 'api\nworker\nweb\n',
      IMAGE: `api=${REGISTRY}/api:v2\nworker=${REGISTRY}/worker:crash\nweb=${REGISTRY}/web:v2`,
      'ON-FAILURE': 'leave',
      'POLL-INTERVAL': '1s',
    }
    const { code, stdout } = await runBundle('dist/index.js', [], {
      ...env,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name}`, value])),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: dir,
      GITHUB_ACTIONS: 'true',
    })
    expect(code).toBe(1)
    expect(stdout).toContain('::error::Deployment rolled back: service worker: rolled back: ')
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toContain('## berth, 3 services in cluster prod: rolled back')
    expect(markdown).toMatch(/\| `api` \| \*\*succeeded\*\* \| rolling \| `api:2` \| `api:1` \|/)
    expect(markdown).toMatch(/\| `worker` \| \*\*rolled back\*\* \| rolling \| `worker:2` \| `worker:1` \|/)
    expect(markdown).toMatch(/\| `web` \| \*\*succeeded\*\* \| codedeploy \| `web:2` \| `web:1` \|/)
    expect(readFileSync(output, 'utf8')).toMatch(/^status<<(\S+)\nrolled_back\n\1$/m)
    expect(await taskDefinitions()).toEqual({ api: TD('api', 2), worker: TD('worker', 1), web: TD('web', 2) })
  }, 120_000)
})
