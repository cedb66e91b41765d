import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { GetDeploymentCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy'
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import type { RollbackConfig } from '../../src/config/types.js'
import { UserError } from '../../src/errors.js'
import type { ProgressEvent } from '../../src/events.js'
import { rollback } from '../../src/rollback/index.js'
import { run } from '../../src/run.js'
import type { RunResult } from '../../src/verdict.js'
import {
  appSpec,
  codeDeployClient,
  createDeployment,
  deploymentInput,
  getDeployment,
  taskDefinitionArn,
} from '../helpers/codedeploy.js'
import { deployConfig } from '../helpers/config.js'
import { simDeps } from '../helpers/runs.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const TD = taskDefinitionArn

let open: TestSim[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

async function sim(scenario: string, lostResponses: Record<string, number> = {}): Promise<TestSim> {
  const input = { ...parse(readFileSync(scenario, 'utf8')), faults: { lostResponses } }
  const started = await startTestSim(input, { seed: 5 })
  open.push(started)
  return started
}

interface Rollback {
  result: RunResult
  events: ProgressEvent[]
}

async function rollBack(s: TestSim, overrides: Partial<RollbackConfig>, signal?: AbortSignal): Promise<Rollback> {
  const events: ProgressEvent[] = []
  const config: RollbackConfig = {
    cluster: 'prod',
    service: 'api',
    json: false,
    verbose: false,
    waitTimeoutMs: 60 * 60_000,
    pollIntervalMs: 5000,
    ...overrides,
  }
  return { result: await rollback(config, simDeps(s, events, { signal })), events }
}

async function deploy(s: TestSim, service: string, tag: string, family: string, extra = {}): Promise<RunResult> {
  const config = deployConfig({
    cluster: 'prod',
    service,
    images: [{ container: 'web', uri: `${REGISTRY}/${family}:${tag}` }],
    ...extra,
  })
  return run(config, simDeps(s, []))
}

async function serviceOf(s: TestSim, service: string) {
  const output = await s.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }))
  const found = output.services?.[0]
  if (!found) throw new Error(`no service ${service}`)
  return found
}

function infos(events: ProgressEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'info' ? [event.message] : []))
}

async function mutatingCalls(s: TestSim): Promise<string[]> {
  const mutating = new Set(['UpdateService', 'CreateDeployment', 'StopDeployment', 'StopServiceDeployment'])
  return (await s.calls()).map((call) => call.operation).filter((operation) => mutating.has(operation))
}

describe('berth rollback, rolling', () => {
  it('after a completed deploy: back on the source revision of the last service deployment, steady', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    expect((await deploy(s, 'api', 'v3', 'api')).status).toBe('succeeded')
    expect((await serviceOf(s, 'api')).taskDefinition).toBe(TD('api', 2))
    const { result, events } = await rollBack(s, {})
    expect(result).toMatchObject({
      status: 'succeeded',
      taskDefinitionArn: TD('api', 1),
      previousTaskDefinitionArn: TD('api', 2),
    })
    expect(infos(events)[0]).toMatch(
      /^rolling back service api in cluster prod from api:2 to api:1 \(the source revision of the last completed service deployment \S+\), with a rolling update \(UpdateService\)\.$/,
    )
    expect(result.reasons[0]).toContain('rolled service api back to api:1')
    const service = await serviceOf(s, 'api')
    expect(service.taskDefinition).toBe(TD('api', 1))
    expect(service.deployments?.map((d) => [d.status, d.taskDefinition, d.rolloutState])).toEqual([
      ['PRIMARY', TD('api', 1), 'COMPLETED'],
    ])
    expect(service.runningCount).toBe(3)
  })

  it('during a rolling deployment: back to the revision of the ACTIVE deployment', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    await deploy(s, 'api', 'v3', 'api')
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'api', taskDefinition: 'api:1' }))
    const { result, events } = await rollBack(s, {})
    expect(infos(events)[0]).toMatch(/from api:1 to api:2 \(the revision of the ACTIVE deployment ecs-svc\/\d+\)/)
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD('api', 2) })
    const service = await serviceOf(s, 'api')
    expect(service.deployments?.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([[TD('api', 2), 'COMPLETED']])
  })

  it('--to a revision number of the family', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    await deploy(s, 'api', 'v2', 'api')
    await deploy(s, 'api', 'v3', 'api')
    expect((await serviceOf(s, 'api')).taskDefinition).toBe(TD('api', 3))
    const to = await rollBack(s, { to: { given: '1', revision: 1 } })
    expect(to.result.status).toBe('succeeded')
    expect(infos(to.events)[0]).toContain('from api:3 to api:1 (--to 1)')
    expect((await serviceOf(s, 'api')).taskDefinition).toBe(TD('api', 1))
  })

  it('refuses a --to of another family, or of a revision that does not exist, before changing anything', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    await deploy(s, 'api', 'v3', 'api')
    const before = await mutatingCalls(s)
    const other = await rollBack(s, { to: { given: 'web:1', family: 'web', revision: 1 } }).catch((e: unknown) => e)
    expect(other).toBeInstanceOf(UserError)
    expect((other as Error).message).toMatch(
      /^--to web:1: that is a revision of family web, and the service runs family api \(api:2\)/,
    )
    const missing = await rollBack(s, { to: { given: '9', revision: 9 } }).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(UserError)
    expect((missing as Error).message).toBe('--to 9: ECS has no task definition api:9; give a registered revision.')
    const arn = TD('web', 1)
    const byArn = await rollBack(s, { to: { given: arn, family: 'web', revision: 1 } }).catch((e: unknown) => e)
    expect((byArn as Error).message).toContain(`--to ${arn}: that is a revision of family web`)
    expect(await mutatingCalls(s)).toEqual(before)
    expect((await serviceOf(s, 'api')).taskDefinition).toBe(TD('api', 2))
  })

  it('after the circuit breaker rolled back onto the first revision, there is none before it: --to is asked for', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    expect((await deploy(s, 'api', 'crash3', 'api')).status).toBe('rolled_back')
    const error = await rollBack(s, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      'the service runs api:1, the first revision of its family, and berth knows of no revision before it; name one with --to.',
    )
  })

  it('cancelled before it changed anything: `cancelled`, and the service untouched', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    await deploy(s, 'api', 'v3', 'api')
    const before = await mutatingCalls(s)
    const { result } = await rollBack(s, {}, AbortSignal.abort())
    expect(result).toMatchObject({
      status: 'cancelled',
      reasons: ['the run was cancelled before the rollback changed anything.'],
    })
    expect(await mutatingCalls(s)).toEqual(before)
    expect((await serviceOf(s, 'api')).taskDefinition).toBe(TD('api', 2))
  })

  it('a missing service is a UserError naming --service', async () => {
    const s = await sim('test/fixtures/sim/rolling.yaml')
    const error = await rollBack(s, { service: 'nope' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/^--service nope: cluster prod has no such service/)
  })
})

describe('berth rollback, CodeDeploy', () => {
  const CODEDEPLOY = 'test/fixtures/sim/codedeploy.yaml'

  it('after a completed deployment: a new CodeDeploy deployment of the revision before', async () => {
    const s = await sim(CODEDEPLOY)
    const deployed = await deploy(s, 'web', 'v2', 'web', {
      codedeployApplication: 'web-app',
      codedeployGroup: 'web-dg',
    })
    expect(deployed.status).toBe('succeeded')
    expect((await serviceOf(s, 'web')).taskDefinition).toBe(TD('web', 4))
    const { result, events } = await rollBack(s, { service: 'web', to: { given: '1', revision: 1 } })
    expect(result.status).toBe('succeeded')
    expect(infos(events)[0]).toContain('from web:4 to web:1 (--to 1), with a new CodeDeploy deployment')
    const info = await getDeployment(codeDeployClient(s.url), result.deploymentId ?? '')
    expect(info.status).toBe('Succeeded')
    const service = await serviceOf(s, 'web')
    expect(service.taskDefinition).toBe(TD('web', 1))
    expect(service.taskSets?.map((set) => [set.status, set.taskDefinition])).toEqual([['PRIMARY', TD('web', 1)]])
  })

  it('without --to, revision N-1 of the family; one that crashes fails, and CodeDeploy keeps the service where it was', async () => {
    const s = await sim(CODEDEPLOY)
    await deploy(s, 'plain', 'v2', 'web', { codedeployApplication: 'web-app', codedeployGroup: 'plain-dg' })
    expect((await serviceOf(s, 'plain')).taskDefinition).toBe(TD('web', 4))
    const { result, events } = await rollBack(s, { service: 'plain' })
    expect(infos(events)[0]).toContain('to web:3 (revision web:3, the one before web:4 in its family)')
    expect(result.status).toBe('failed')
    expect(result.reasons[0]).toBe(
      'the rollback of service plain to web:3 failed, and was rolled back in turn: the service is on web:4 again.',
    )
    expect(result.reasons).toContain('3 tasks stopped: Essential container in task exited (web exit code 3)')
    expect((await serviceOf(s, 'plain')).taskDefinition).toBe(TD('web', 4))
  })

  it('while a deployment is in progress: StopDeployment with rollback, followed until the original serves again', async () => {
    const s = await sim(CODEDEPLOY)
    const client = codeDeployClient(s.url)
    const id = await createDeployment(client, deploymentInput('web-dg', appSpec(TD('web', 2))))
    await s.until('the replacement task set to take test traffic', async () => {
      const info = await getDeployment(client, id)
      return info.status === 'InProgress' && (await serviceOf(s, 'web')).taskSets?.length === 2
    })
    const wrongTo = await rollBack(s, { service: 'web', to: { given: '3', revision: 3 } }).catch((e: unknown) => e)
    expect((wrongTo as Error).message).toContain(`--to 3: CodeDeploy deployment ${id} is in progress`)
    const { result, events } = await rollBack(s, { service: 'web' })
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD('web', 1) })
    expect(infos(events)[0]).toContain(`stopping CodeDeploy deployment ${id} with automatic rollback`)
    expect(result.reasons.join('\n')).toContain(`stopped CodeDeploy deployment ${id} with automatic rollback`)
    const stopped = await client.send(new GetDeploymentCommand({ deploymentId: id }))
    expect(stopped.deploymentInfo?.status).toBe('Stopped')
    expect((await mutatingCalls(s)).filter((op) => op === 'StopDeployment')).toHaveLength(1)
    const service = await serviceOf(s, 'web')
    expect(service.taskDefinition).toBe(TD('web', 1))
    expect(service.taskSets?.map((set) => set.taskDefinition)).toEqual([TD('web', 1)])
    const active = await client.send(
      new ListDeploymentsCommand({
        applicationName: 'web-app',
        deploymentGroupName: 'web-dg',
        includeOnlyStatuses: ['InProgress', 'Created', 'Queued', 'Ready', 'Baking'],
      }),
    )
    expect(active.deployments).toEqual([])
  })
})

describe('berth rollback, ECS-native', () => {
  const NATIVE = 'test/fixtures/sim/native.yaml'

  async function currentServiceDeployment(s: TestSim, service: string) {
    const list = await s.ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service }))
    const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn ?? ''
    const out = await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
    return out.serviceDeployments?.[0]
  }

  it('while a service deployment waits at its PAUSE hook: StopServiceDeployment ROLLBACK, to ROLLBACK_SUCCESSFUL', async () => {
    const s = await sim(NATIVE)
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'search', taskDefinition: 'web:2' }))
    await s.until('the PAUSE hook', async () =>
      (await currentServiceDeployment(s, 'search'))?.lifecycleHookDetails?.some((h) => h.status === 'AWAITING_ACTION'),
    )
    const { result, events } = await rollBack(s, { service: 'search' })
    expect(result).toMatchObject({
      status: 'succeeded',
      taskDefinitionArn: TD('web', 1),
      previousTaskDefinitionArn: TD('web', 2),
    })
    expect(infos(events)[0]).toContain('stopping the service deployment in progress with ROLLBACK')
    expect(result.reasons[1]).toMatch(
      /^stopped service deployment \S+ with ROLLBACK \(StopServiceDeployment\); ECS rolled it back/,
    )
    expect((await currentServiceDeployment(s, 'search'))?.status).toBe('ROLLBACK_SUCCESSFUL')
    const service = await serviceOf(s, 'search')
    expect(service.taskDefinition).toBe(TD('web', 1))
    expect(service.deployments?.map((d) => [d.status, d.taskDefinition, d.rolloutState])).toEqual([
      ['PRIMARY', TD('web', 1), 'COMPLETED'],
    ])
    expect((await mutatingCalls(s)).filter((op) => op === 'StopServiceDeployment')).toHaveLength(1)
  })

  it('a lost answer to StopServiceDeployment: berth looks, sees the rollback requested, and does not send it again', async () => {
    const s = await sim(NATIVE, { StopServiceDeployment: 1 })
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'bg', taskDefinition: 'web:2' }))
    await s.until('the green revision to scale up', async () =>
      ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'].includes(
        (await currentServiceDeployment(s, 'bg'))?.lifecycleStage ?? '',
      ),
    )
    const { result } = await rollBack(s, { service: 'bg' })
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD('web', 1) })
    expect((await mutatingCalls(s)).filter((op) => op === 'StopServiceDeployment')).toHaveLength(1)
    expect((await currentServiceDeployment(s, 'bg'))?.status).toBe('ROLLBACK_SUCCESSFUL')
    expect((await serviceOf(s, 'bg')).taskDefinition).toBe(TD('web', 1))
  })

  it('a lost answer to StopDeployment is looked at, not taken for a failure', async () => {
    const s = await sim('test/fixtures/sim/codedeploy.yaml', { StopDeployment: 1 })
    const client = codeDeployClient(s.url)
    const id = await createDeployment(client, deploymentInput('web-dg', appSpec(TD('web', 2))))
    await s.until('the replacement task set', async () => (await serviceOf(s, 'web')).taskSets?.length === 2)
    const { result } = await rollBack(s, { service: 'web' })
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD('web', 1) })
    expect((await getDeployment(client, id)).status).toBe('Stopped')
    expect((await serviceOf(s, 'web')).taskDefinition).toBe(TD('web', 1))
  })

  it('while in progress, a --to other than where the deployment came from is refused', async () => {
    const s = await sim(NATIVE)
    await s.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'bg', taskDefinition: 'web:2' }))
    const error = await rollBack(s, { service: 'bg', to: { given: 'web:3', family: 'web', revision: 3 } }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /^--to web:3: service deployment \S+ is in progress, and berth rolls it back by stopping it, which returns the service to web:1\./,
    )
    expect(await mutatingCalls(s)).toEqual(['UpdateService'])
  })

  it('after a completed deployment: UpdateService to the source revision, through the ECS-native deployment', async () => {
    const s = await sim(NATIVE)
    expect((await deploy(s, 'bg', 'v2', 'web')).status).toBe('succeeded')
    const deployed = (await serviceOf(s, 'bg')).taskDefinition
    const { result, events } = await rollBack(s, { service: 'bg' })
    expect(result).toMatchObject({
      status: 'succeeded',
      taskDefinitionArn: TD('web', 1),
      previousTaskDefinitionArn: deployed,
    })
    expect(infos(events)[0]).toContain('(the source revision of the last completed service deployment')
    expect(events.some((event) => event.type === 'stage-changed' && event.stage === 'BAKE_TIME')).toBe(true)
    expect((await currentServiceDeployment(s, 'bg'))?.status).toBe('SUCCESSFUL')
    expect((await serviceOf(s, 'bg')).taskDefinition).toBe(TD('web', 1))
  })
})
