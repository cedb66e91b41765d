// `npm run bench`: berth's speed, measured on the built bundles against `berth sim`, printed as medians and ratios.
//
//  1. verdict latency: emulated seconds from the moment ECS puts our deployment in a terminal state (the service
//     event's createdAt) to berth's first look at the service after it, for a healthy and a crashing image;
//     the poll interval is the bound to compare it with (DESIGN: within one poll interval plus one second);
//  2. API calls berth makes per deployment (all calls the emulator served during the run); the same two figures for
//     a CodeDeploy blue/green canary (10% for 5 minutes, then the termination wait), from its completeTime;
//  3. how fast the emulator runs a 15-minute rolling deployment at --speed 200 (real seconds, median);
//  4. one deploy over 20 rolling services against one (real seconds, ratio, API calls, peak memory) and a run-task
//     round trip (bench/fleet.mjs);
//  5. the cold start of each bundle, paired against `node -e 0`, and the bundles' sizes (bench/cold-start.mjs).
//
// Usage: npm run bench -- [--runs 5] [--quick]. The full run takes about five minutes on 2 cores; --quick makes one
// run of each deployment, skips the 15-minute emulator run, and takes well under a minute.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { benchColdStart } from './cold-start.mjs'
import { benchFleet } from './fleet.mjs'
import { benchSimRolling } from './sim-rolling.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const CLI = 'dist/cli/index.js'
const SCENARIO = 'test/fixtures/sim/rolling.yaml'
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const SPEED = 20
const POLL_SECONDS = 5
const args = process.argv.slice(2)
const QUICK = args.includes('--quick')
const RUNS = QUICK ? 1 : Number(args[args.indexOf('--runs') + 1] || 5)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function startSim(scenario = SCENARIO) {
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

function berth(argv, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...argv], { env, stdio: ['ignore', 'pipe', 'ignore'] })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.once('close', (code) => resolve({ code, stdout }))
  })
}

async function post(url, target, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: JSON.stringify(body),
  })
  return response.json()
}

/** One deployment through the CLI bundle; latency and calls read from the emulator's own records. */
async function deployOnce(image, expected) {
  const { child, url } = await startSim()
  try {
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL: url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
    }
    const poll = `${(POLL_SECONDS * 1000) / SPEED}ms`
    const argv = [
      'deploy',
      '--cluster',
      'prod',
      '--service',
      'api',
      '--image',
      `web=${REGISTRY}/api:${image}`,
      '--poll-interval',
      poll,
      '--json',
    ]
    const { stdout } = await berth(argv, env)
    const result = JSON.parse(stdout.trim().split('\n').pop())
    if (result.status !== expected) throw new Error(`expected ${expected}, got ${result.status}`)
    const calls = await (await fetch(`${url}/__sim/calls`)).json()
    const service = (
      await post(url, 'AmazonEC2ContainerServiceV20141113.DescribeServices', { cluster: 'prod', services: ['api'] })
    ).services[0]
    const terminal = service.events.find((event) =>
      new RegExp(`\\(deployment ${result.deploymentId}\\) deployment (completed|failed)`).test(event.message),
    ).createdAt
    const firstLook = calls.find((call) => call.operation === 'DescribeServices' && call.at >= terminal).at
    return { latency: firstLook - terminal, calls: calls.length }
  } finally {
    child.kill('SIGTERM')
  }
}

/** One blue/green canary through the CLI bundle: latency from CodeDeploy's completeTime to berth's next look. */
async function canaryOnce() {
  const { child, url } = await startSim('test/fixtures/sim/codedeploy.yaml')
  try {
    const env = { ...process.env, AWS_ENDPOINT_URL: url, AWS_REGION: 'us-east-1' }
    Object.assign(env, { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' })
    const argv = ['deploy', '--cluster', 'prod', '--service', 'web', '--image', `web=${REGISTRY}/web:v2`]
    argv.push('--deployment-config', 'canary:10%:5m', '--poll-interval', `${(POLL_SECONDS * 1000) / SPEED}ms`, '--json')
    const { stdout } = await berth(argv, env)
    const result = JSON.parse(stdout.trim().split('\n').pop())
    if (result.status !== 'succeeded') throw new Error(`expected succeeded, got ${result.status}`)
    const calls = await (await fetch(`${url}/__sim/calls`)).json()
    const info = (await post(url, 'CodeDeploy_20141006.GetDeployment', { deploymentId: result.deploymentId }))
      .deploymentInfo
    const firstLook = calls.find((call) => call.operation === 'GetDeployment' && call.at >= info.completeTime).at
    return { latency: firstLook - info.completeTime, calls: calls.length }
  } finally {
    child.kill('SIGTERM')
  }
}

const rows = []
for (const [label, image, expected] of [
  ['healthy image -> succeeded', 'v2', 'succeeded'],
  ['crash on boot -> rolled_back', 'crash3', 'rolled_back'],
]) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await deployOnce(image, expected))
  const latency = median(runs.map((run) => run.latency))
  rows.push([
    `deploy, ${label}`,
    `verdict ${latency.toFixed(1)} s (emulated) after the terminal state; ${(latency / POLL_SECONDS).toFixed(2)} x the ${POLL_SECONDS} s poll interval`,
  ])
  rows.push([`deploy, ${label}`, `${median(runs.map((run) => run.calls))} API calls per deployment`])
}

const canaries = []
for (let i = 0; i < RUNS; i++) canaries.push(await canaryOnce())
const canaryLatency = median(canaries.map((run) => run.latency))
rows.push([
  'deploy, blue/green canary -> succeeded',
  `verdict ${canaryLatency.toFixed(1)} s (emulated) after CodeDeploy's completeTime; ` +
    `${(canaryLatency / POLL_SECONDS).toFixed(2)} x the ${POLL_SECONDS} s poll interval`,
])
rows.push([
  'deploy, blue/green canary -> succeeded',
  `${median(canaries.map((run) => run.calls))} API calls per deployment`,
])

if (!QUICK) {
  const sim = await benchSimRolling({ runs: RUNS, speed: 200 })
  rows.push([
    'berth sim, 15-minute rolling deployment',
    `${sim.medianRealSeconds.toFixed(2)} s real for ${sim.emulatedMinutes.toFixed(1)} emulated minutes at --speed 200 ` +
      `(${((sim.emulatedMinutes * 60) / sim.medianRealSeconds).toFixed(0)} x real time)`,
  ])
}

rows.push(...(await benchFleet({ runs: QUICK ? 1 : 3 })))
rows.push(...benchColdStart({ runs: QUICK ? 5 : 15 }))

console.log(QUICK ? 'quick: one run of each deployment, cold starts median of 5' : `medians of ${RUNS} runs each`)
for (const [what, figure] of rows) console.log(`${what.padEnd(48)} ${figure}`)
