import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ECRClient } from '@aws-sdk/client-ecr'
import { ECSClient } from '@aws-sdk/client-ecs'
import type { AwsClients } from '../../src/aws/clients.js'
import { benchRollingDeployment } from '../../src/deploy/bench.js'
import { startSim, type Sim } from '../../src/sim/main.js'
import { REGISTRY, clientConfig } from '../helpers/sim.js'

const SPEED = 50
let sim: Sim
let clients: AwsClients

beforeAll(async () => {
  sim = await startSim({ scenario: parse(readFileSync('test/fixtures/sim/rolling.yaml', 'utf8')), speed: SPEED })
  const config = clientConfig(sim.url, 3)
  clients = {
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    logs: new CloudWatchLogsClient(config),
    codedeploy: new CodeDeployClient(config),
  }
})

afterAll(async () => {
  await sim.close()
})

it('measures one rolling deployment on a fast emulator clock: verdict latency (emulated) and API calls', async () => {
  const pollIntervalMs = 5000 / SPEED
  const result = await benchRollingDeployment({
    clients,
    endpoint: sim.url,
    cluster: 'prod',
    service: 'worker',
    images: [{ container: 'web', uri: `${REGISTRY}/api:v2` }],
    pollIntervalMs,
  })
  expect(result.status).toBe('succeeded')
  expect(result.apiCalls).toBeGreaterThan(3)
  expect(result.verdictLatencyMs).toBeGreaterThanOrEqual(0)
  expect(result.verdictLatencyMs).toBeLessThanOrEqual(pollIntervalMs * SPEED + 1000)
})
