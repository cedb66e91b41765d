// `npm run bench` figures for many services and one-off tasks, measured on the CLI bundle against `berth sim`:
//  - one `berth deploy` over 20 rolling services against the same deploy to one: real seconds, the ratio, the API
//    calls the emulator served, and berth's peak memory (maxRSS of its process);
//  - a `berth run-task` round trip: a job that writes its log lines and exits 0 after 5 emulated seconds.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const CLI = 'dist/cli/index.js'
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const SPEED = 20
const SERVICES = 20

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const names = Array.from({ length: SERVICES }, (_, i) => `svc${String(i + 1).padStart(2, '0')}`)

function taskDefinition(family, image) {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080 }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
        },
      },
    ],
  }
}

/** Twenty rolling services of one family, and a job image for run-task. */
function scenarioFile() {
  const scenario = {
    region: 'us-east-1',
    account: '123456789012',
    ecr: {
      repositories: [
        { name: 'api', images: [{ tag: 'v1' }, { tag: 'v2' }] },
        {
          name: 'job',
          images: [{ tag: 'migrate', behavior: { exit: { code: 0, afterSeconds: 5, logs: ['migrating', 'done'] } } }],
        },
      ],
    },
    taskDefinitions: [taskDefinition('api', `${REGISTRY}/api:v1`), taskDefinition('job', `${REGISTRY}/job:migrate`)],
    clusters: [
      {
        name: 'prod',
        services: names.map((name) => ({
          name,
          taskDefinition: 'api:1',
          desiredCount: 2,
          launchType: 'FARGATE',
          deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
        })),
      },
    ],
  }
  const file = join(mkdtempSync(join(tmpdir(), 'berth-bench-')), 'fleet.json')
  writeFileSync(file, JSON.stringify(scenario))
  return file
}

function startSim(scenario) {
  const child = spawn(process.execPath, [CLI, 'sim', '--scenario', scenario, '--speed', String(SPEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`berth sim exited with ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1]
      if (url) resolve({ child, url })
      else reject(new Error(line))
    })
  })
}

/** Runs the CLI bundle; its peak memory is printed by a hook loaded before it (`--import`). */
function berth(argv, url) {
  const env = { ...process.env, AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1' }
  Object.assign(env, { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' })
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', './bench/max-rss.mjs', CLI, ...argv], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.once('close', (code) => {
      const maxRssKb = Number(/berth-bench-max-rss (\d+)/.exec(stderr)?.[1] ?? NaN)
      const result = JSON.parse(stdout.trim().split('\n').pop())
      resolve({ code, result, seconds: (performance.now() - started) / 1000, maxRssMb: maxRssKb / 1024 })
    })
  })
}

async function once(argv, expected) {
  const { child, url } = await startSim(scenarioFile())
  try {
    const run = await berth([...argv, '--poll-interval', `${5000 / SPEED}ms`, '--json'], url)
    if (run.result.status !== expected) throw new Error(`expected ${expected}, got ${run.result.status}`)
    const calls = await (await fetch(`${url}/__sim/calls`)).json()
    return { ...run, calls: calls.length }
  } finally {
    child.kill('SIGTERM')
  }
}

const deployTo = (services) => [
  'deploy',
  '--cluster',
  'prod',
  ...services.flatMap((name) => ['--service', name]),
  '--image',
  `web=${REGISTRY}/api:v2`,
]

export async function benchFleet({ runs }) {
  const one = []
  const many = []
  const tasks = []
  for (let i = 0; i < runs; i++) {
    one.push(await once(deployTo(names.slice(0, 1)), 'succeeded'))
    many.push(await once(deployTo(names), 'succeeded'))
    tasks.push(
      await once(
        ['run-task', '--cluster', 'prod', '--task-definition', 'job', '--network-from-service', 'svc01'],
        'succeeded',
      ),
    )
  }
  const seconds = (list) => median(list.map((run) => run.seconds))
  const figure = (list) =>
    `${seconds(list).toFixed(2)} s real, ${median(list.map((run) => run.calls))} API calls, ` +
    `peak memory ${median(list.map((run) => run.maxRssMb)).toFixed(0)} MB`
  return [
    ['deploy, 1 rolling service', figure(one)],
    [
      `deploy, ${SERVICES} rolling services in one run`,
      `${figure(many)}; ${(seconds(many) / seconds(one)).toFixed(2)} x the time of one`,
    ],
    ['run-task, a job that exits 0 after 5 s', `${figure(tasks)} (at --speed ${SPEED}: 5 s is 0.25 s real)`],
  ]
}
