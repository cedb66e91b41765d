// Benchmark: how long a 15-minute emulated rolling deployment takes in real time with `berth sim --speed 200`.
// Starts the built CLI (`npm run bundle` first), drives a deployment of 10 tasks through the AWS SDK, and prints the
// median real time of N runs. Usage: node bench/sim-rolling.mjs [--runs 5] [--speed 200] [--cli dist/cli/index.js]
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

function taskDefinition(tag) {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [{ name: 'web', image: `${REGISTRY}/web:${tag}`, portMappings: [{ containerPort: 8080 }] }],
  }
}

// 10 tasks, one extra at a time (110/100): ten waves of 50 s start + 10 s health check, then the last old task
// drains for AWS's default 300 s deregistration delay: about 15 emulated minutes.
const SCENARIO = {
  timing: { healthCheckSeconds: 10, deregistrationDelaySeconds: 300, stopSeconds: 5 },
  ecr: {
    repositories: [
      { name: 'web', images: [{ tag: 'v1' }, { tag: 'v2', behavior: { healthy: { startSeconds: 50 } } }] },
    ],
  },
  taskDefinitions: [taskDefinition('v1')],
  clusters: [
    {
      name: 'bench',
      services: [
        {
          name: 'web',
          taskDefinition: 'web:1',
          desiredCount: 10,
          deploymentConfiguration: {
            maximumPercent: 110,
            minimumHealthyPercent: 100,
            deploymentCircuitBreaker: { enable: true, rollback: true },
          },
          loadBalancers: [
            {
              targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
              containerName: 'web',
              containerPort: 8080,
            },
          ],
        },
      ],
    },
  ],
}

function startSim(cli, scenarioFile, speed) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, 'sim', '--scenario', scenarioFile, '--port', '0', '--speed', String(speed)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let buffered = ''
    child.on('error', reject)
    const early = (code) => reject(new Error(`berth sim exited with ${code} before listening`))
    child.on('exit', early)
    const onData = (chunk) => {
      buffered += chunk
      const match = /^berth sim listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(buffered)
      if (!match) return
      child.off('exit', early)
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({ child, url: match[1] })
    }
    child.stdout.on('data', onData)
  })
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve)
    child.kill('SIGTERM')
  })
}

/** One run: returns { realSeconds, emulatedSeconds } of a deployment from UpdateService to COMPLETED. */
async function runOnce(cli, scenarioFile, speed) {
  const { child, url } = await startSim(cli, scenarioFile, speed)
  const ecs = new ECSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  })
  try {
    await ecs.send(new RegisterTaskDefinitionCommand(taskDefinition('v2')))
    const started = performance.now()
    const update = await ecs.send(
      new UpdateServiceCommand({ cluster: 'bench', service: 'web', taskDefinition: 'web:2' }),
    )
    const id = update.service.deployments[0].id
    for (;;) {
      const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'bench', services: ['web'] }))).services[0]
      const primary = service.deployments[0]
      if (primary.id !== id || primary.rolloutState === 'FAILED') throw new Error('the benchmark deployment failed')
      if (primary.rolloutState === 'COMPLETED') {
        const realSeconds = (performance.now() - started) / 1000
        const completed = service.events.find((e) => e.message.endsWith(`(deployment ${id}) deployment completed.`))
        const emulatedSeconds = (completed.createdAt.getTime() - primary.createdAt.getTime()) / 1000
        return { realSeconds, emulatedSeconds }
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  } finally {
    ecs.destroy()
    await stop(child)
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Runs the benchmark and returns its figures; `log` receives one line per run. */
export async function benchSimRolling({ runs = 5, speed = 200, cli = 'dist/cli/index.js', log = () => {} } = {}) {
  if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run bundle first`)
  const scenarioFile = join(mkdtempSync(join(tmpdir(), 'berth-bench-')), 'scenario.json')
  writeFileSync(scenarioFile, JSON.stringify(SCENARIO))
  const results = []
  for (let i = 0; i < runs; i++) {
    const result = await runOnce(cli, scenarioFile, speed)
    log(
      `run ${i + 1}: ${result.realSeconds.toFixed(2)} s real for ${(result.emulatedSeconds / 60).toFixed(1)} emulated minutes`,
    )
    results.push(result)
  }
  return {
    name: 'sim rolling deployment (10 tasks, 110/100)',
    speed,
    runs,
    emulatedMinutes: median(results.map((r) => r.emulatedSeconds)) / 60,
    medianRealSeconds: median(results.map((r) => r.realSeconds)),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`)
    return index >= 0 ? args[index + 1] : fallback
  }
  const result = await benchSimRolling({
    runs: Number(option('runs', 5)),
    speed: Number(option('speed', 200)),
    cli: option('cli', 'dist/cli/index.js'),
    log: (line) => console.log(line),
  })
  console.log(
    `${result.name}: ${result.emulatedMinutes.toFixed(1)} emulated minutes at --speed ${result.speed}: ` +
      `median ${result.medianRealSeconds.toFixed(2)} s real over ${result.runs} runs`,
  )
}
