// `npm start`: a rehearsal against the emulator, nothing to set up. It starts `berth sim` with the demo scenario,
// renders the web service's task definition with a new image, deploys it (a rolling update that succeeds), then
// deploys a broken image and lets ECS's circuit breaker roll it back while berth explains why, and last moves the
// api service blue/green with CodeDeploy, canary 10% first, reporting every lifecycle hook and traffic step, and
// the search service with an ECS-native LINEAR deployment, reporting its stages, hook and traffic steps.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const CLI = 'dist/cli/index.js'
const SCENARIO = 'workflows-examples/sim/demo.yaml'
const SPEED = Number(process.env.BERTH_DEMO_SPEED ?? 40)
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

function startSim() {
  const sim = spawn(process.execPath, [CLI, 'sim', '--scenario', SCENARIO, '--speed', String(SPEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    sim.once('error', reject)
    sim.once('exit', (code) => reject(new Error(`berth sim exited with ${code} before listening`)))
    createInterface({ input: sim.stdout }).once('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1]
      if (url) resolve({ sim, url })
      else reject(new Error(`unexpected first line from berth sim: ${line}`))
    })
  })
}

function berth(args, env) {
  console.log(`\n$ berth ${args.join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'inherit', env })
    child.once('exit', (code) => resolve(code ?? 1))
  })
}

function heading(text) {
  console.log(`\n${'='.repeat(100)}\n${text}\n${'='.repeat(100)}`)
}

const { sim, url } = await startSim()
const env = {
  ...process.env,
  AWS_ENDPOINT_URL: url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'demo',
  AWS_SECRET_ACCESS_KEY: 'demo',
  AWS_SESSION_TOKEN: '',
}
const artifacts = mkdtempSync(join(tmpdir(), 'berth-demo-'))
const watch = ['--poll-interval', `${Math.round(15000 / SPEED)}ms`]
let ok = true
try {
  console.log(`berth sim is serving ECS, CodeDeploy, ECR and CloudWatch Logs at ${url} (clock ${SPEED}x real time)`)

  heading('1. Render the web service task definition with a new image: the diff and the CodePipeline artifacts')
  ok &&=
    0 ===
    (await berth(
      [
        'render',
        '--task-definition',
        'web',
        '--image',
        `web=${REGISTRY}/web:v2`,
        '--diff',
        '--out',
        join(artifacts, 'taskdef.json'),
        '--artifacts-dir',
        artifacts,
      ],
      env,
    ))

  heading('2. Deploy web:v2 with a rolling update (expected: succeeded)')
  ok &&=
    0 ===
    (await berth(
      ['deploy', '--cluster', 'demo', '--service', 'web', '--image', `web=${REGISTRY}/web:v2`, ...watch],
      env,
    ))

  heading('3. Deploy web:v3-broken: it crashes on boot; the circuit breaker rolls back (expected: rolled_back)')
  ok &&=
    1 ===
    (await berth(
      ['deploy', '--cluster', 'demo', '--service', 'web', '--image', `web=${REGISTRY}/web:v3-broken`, ...watch],
      env,
    ))

  heading('4. Deploy api blue/green with CodeDeploy: canary 10% for 2 minutes, then 100% (expected: succeeded)')
  ok &&=
    0 ===
    (await berth(
      [
        'deploy',
        '--cluster',
        'demo',
        '--service',
        'api',
        '--image',
        'api=public.ecr.aws/nginx/nginx:1.28',
        '--deployment-config',
        'canary:10%:2m',
        '--hook',
        'AfterAllowTestTraffic=validate-green',
        '--wait-for',
        'traffic-shifted',
        ...watch,
      ],
      env,
    ))

  heading(
    '5. Deploy search with an ECS-native LINEAR deployment: 25% of production traffic a minute (expected: succeeded)',
  )
  ok &&=
    0 ===
    (await berth(
      ['deploy', '--cluster', 'demo', '--service', 'search', '--image', `web=${REGISTRY}/web:v2`, ...watch],
      env,
    ))
} finally {
  sim.kill('SIGTERM')
}
console.log(
  ok
    ? '\nRehearsal done: v2 succeeded, v3-broken was rolled back and explained, api moved blue/green with ' +
        'CodeDeploy, search with ECS-native LINEAR. Exit codes 0, 1, 0 and 0, as a pipeline sees them.'
    : '\nRehearsal did not go as expected: see the output above.',
)
process.exitCode = ok ? 0 : 1
