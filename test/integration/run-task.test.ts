import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs'
import { argsSource, parseArgs } from '../../src/cli/args.js'
import { FLAGS } from '../../src/cli/help.js'
import { exitCodeOf } from '../../src/cli/main.js'
import { parseDeployConfig, parseRunTaskConfig } from '../../src/config/run-task.js'
import type { ProgressEvent } from '../../src/events.js'
import { run } from '../../src/run.js'
import { runTask } from '../../src/run-task.js'
import type { RunDeps } from '../../src/stage.js'
import type { RunResult } from '../../src/verdict.js'
import { REGISTRY, startTestSim, type TestSim } from '../helpers/sim.js'

const SCENARIO = 'test/fixtures/sim/run-task.yaml'
const V2 = `web=${REGISTRY}/api:v2`

let open: TestSim[] = []
afterEach(async () => {
  await Promise.all(open.map((sim) => sim.close()))
  open = []
})

interface Harness {
  sim: TestSim
  events: ProgressEvent[]
  deploy(words: string[], signal?: AbortSignal): Promise<RunResult>
  runTask(words: string[], signal?: AbortSignal): Promise<RunResult>
  operations(): Promise<string[]>
}

/** berth against the emulator on a manual clock: berth's sleep moves emulated time, so nothing here waits. */
async function harness(faults: Record<string, unknown> = {}): Promise<Harness> {
  const sim = await startTestSim({ ...parse(readFileSync(SCENARIO, 'utf8')), faults }, { seed: 3 })
  open.push(sim)
  const events: ProgressEvent[] = []
  const deps = (signal?: AbortSignal): RunDeps => ({
    clients: sim.clients,
    reporter: { emit: (event) => void events.push(event) },
    readFile: (path) => readFile(path, 'utf8'),
    now: () => sim.clock.now(),
    sleep: async (ms) => sim.advance(ms),
    signal,
  })
  return {
    sim,
    events,
    deploy: (words, signal) =>
      run(parseDeployConfig(argsSource(parseArgs(words, FLAGS.deploy, 'deploy'), {}), {}), deps(signal)),
    runTask: (words, signal) =>
      runTask(parseRunTaskConfig(argsSource(parseArgs(words, FLAGS['run-task'], 'run-task'), {}), {}), deps(signal)),
    operations: async () => (await sim.calls()).map((call) => call.operation),
  }
}

function eventsOf<T extends ProgressEvent['type']>(events: ProgressEvent[], type: T) {
  return events.filter((event): event is Extract<ProgressEvent, { type: T }> => event.type === type)
}

async function serviceTaskDefinition(sim: TestSim): Promise<string | undefined> {
  const output = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['api'] }))
  return output.services?.[0]?.taskDefinition
}

describe('berth deploy --before-deploy (a migration before the service update)', () => {
  it('a migration that exits 0: its lines streamed, then the deploy happens', async () => {
    const h = await harness()
    const result = await h.deploy([
      ...['--cluster', 'prod', '--service', 'api', '--image', V2],
      ...['--before-deploy', "run-task --command 'web:npm run migrate'"],
    ])
    expect(result.status).toBe('succeeded')
    expect(result.task).toMatchObject({ container: 'web', exitCode: 0, stopCode: 'EssentialContainerExited' })
    expect(eventsOf(h.events, 'task-log').map((event) => event.message)).toEqual([
      'migrating 3 pending migrations',
      'applied 3',
      'done',
    ])
    const operations = await h.operations()
    expect(operations.indexOf('RunTask')).toBeGreaterThan(operations.indexOf('RegisterTaskDefinition'))
    expect(operations.indexOf('UpdateService')).toBeGreaterThan(operations.indexOf('RunTask'))
    const runTaskCall = (await h.sim.calls()).find((call) => call.operation === 'RunTask')
    expect(runTaskCall?.request).toMatchObject({
      cluster: 'prod',
      taskDefinition: result.taskDefinitionArn,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0a1b2c3d'],
          securityGroups: ['sg-0a1b2c3d'],
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] },
      startedBy: expect.stringMatching(/^berth-[0-9a-f]{8}$/),
    })
    expect(await serviceTaskDefinition(h.sim)).toBe(result.taskDefinitionArn)
  })

  it('a migration that exits 3: the service is not touched; exit code, reason and log lines shown; berth exits 1', async () => {
    const h = await harness()
    const result = await h.deploy([
      ...['--cluster', 'prod', '--service', 'api', '--image', V2],
      ...['--before-deploy', 'run-task --command \'web:["npm", "run", "migrate-broken"]\''],
    ])
    expect(result.status).toBe('failed')
    expect(exitCodeOf(result)).toBe(1)
    expect(result.task).toMatchObject({ container: 'web', exitCode: 3 })
    expect(result.reasons).toEqual([
      'the before-deploy task did not succeed, so service api was not changed.',
      'web exited with code 3 (Essential container in task exited)',
    ])
    expect(result.logs?.[0]?.lines).toEqual(['migrating 1 pending migration', 'error: relation "users" already exists'])
    const operations = await h.operations()
    expect(operations).toContain('RunTask')
    expect(operations).not.toContain('UpdateService')
    expect(operations).not.toContain('CreateDeployment')
    expect(await serviceTaskDefinition(h.sim)).toMatch(/task-definition\/api:1$/)
  })

  it('--dry-run lists the task in the plan, and runs nothing', async () => {
    const h = await harness()
    const result = await h.deploy([
      ...['--cluster', 'prod', '--service', 'api', '--image', V2, '--dry-run'],
      ...['--before-deploy', "run-task --command 'web:npm run migrate'"],
    ])
    expect(result.status).toBe('planned')
    expect(result.plan?.[1]).toBe(
      'run a one-off task (before-deploy) of the new revision of api in cluster prod on the network of service api ' +
        'with web running ["npm","run","migrate"], and change the service only if it exits 0',
    )
    expect(await h.operations()).not.toContain('RunTask')
  })
})

describe('berth run-task', () => {
  it('exit 0: succeeded, with the task definition and network of the service', async () => {
    const h = await harness()
    const result = await h.runTask([
      ...['--cluster', 'prod', '--service', 'api', '--image', V2, '--command', 'web:npm run migrate'],
    ])
    expect(result.status).toBe('succeeded')
    expect(exitCodeOf(result)).toBe(0)
    expect(result.task).toMatchObject({ exitCode: 0 })
    expect(result.logs).toBeUndefined()
    expect(eventsOf(h.events, 'task-stopped')).toEqual([
      expect.objectContaining({ exitCode: 0, stoppedReason: 'Essential container in task exited' }),
    ])
  })

  it('exit 3: failed, the stopped reason and the last log lines', async () => {
    const h = await harness()
    const result = await h.runTask([
      ...['--cluster', 'prod', '--task-definition', 'api:1', '--network-from-service', 'api', '--image', V2],
      ...['--command', 'web:npm run migrate-broken'],
    ])
    expect(result.status).toBe('failed')
    expect(exitCodeOf(result)).toBe(1)
    expect(result.reasons).toEqual(['web exited with code 3 (Essential container in task exited)'])
    expect(result.logs?.[0]).toMatchObject({ container: 'web', group: '/ecs/api' })
    expect(result.logs?.[0]?.lines.at(-1)).toBe('error: relation "users" already exists')
  })

  it('an image missing from ECR: the task cannot start; CannotPullContainerError and its hint', async () => {
    const h = await harness()
    const result = await h.runTask(['--cluster', 'prod', '--service', 'api', '--image', `web=${REGISTRY}/api:v404`])
    expect(result.status).toBe('failed')
    expect(result.task).toMatchObject({ stopCode: 'TaskFailedToStart' })
    expect(result.reasons[0]).toMatch(
      /^the task did not run to an exit code: CannotPullContainerError: .*api:v404: not found/,
    )
    expect(result.hints[0]).toMatch(/^CannotPullContainerError: the image/)
  })

  it('cancelled while the task runs: StopTask, and the verdict says so', async () => {
    const h = await harness()
    const cancel = new AbortController()
    const started = h.runTask(
      ['--cluster', 'prod', '--service', 'api', '--image', V2, '--command', 'web:npm run forever'],
      cancel.signal,
    )
    while (eventsOf(h.events, 'task-log').length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    cancel.abort(new Error('received SIGINT'))
    const result = await started
    expect(result.status).toBe('cancelled')
    expect(result.reasons[0]).toMatch(
      /^the run was cancelled before the task ended; berth stopped task arn:.*\(StopTask\)\.$/,
    )
    const stop = (await h.sim.calls()).find((call) => call.operation === 'StopTask')
    expect(stop?.request).toMatchObject({
      cluster: 'prod',
      task: result.task?.taskArn,
      reason: 'berth: the run was cancelled',
    })
    const task = await h.sim.ecs.send(
      new DescribeTasksCommand({ cluster: 'prod', tasks: [result.task?.taskArn ?? ''] }),
    )
    expect(task.tasks?.[0]).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated' })
  })

  it('the wait timeout passes: StopTask, timed_out', async () => {
    const h = await harness()
    const result = await h.runTask([
      ...['--cluster', 'prod', '--service', 'api', '--image', V2, '--command', 'web:npm run forever'],
      ...['--wait-timeout', '2m'],
    ])
    expect(result.status).toBe('timed_out')
    expect(await h.operations()).toContain('StopTask')
  })

  it('a lost RunTask answer: berth looks by startedBy and follows the task it started; exactly one task', async () => {
    const h = await harness({ lostResponses: { RunTask: 1 } })
    const result = await h.runTask([
      '--cluster',
      'prod',
      '--service',
      'api',
      '--image',
      V2,
      '--command',
      'web:npm run migrate',
    ])
    expect(result.status).toBe('succeeded')
    const calls = await h.sim.calls()
    const runs = calls.filter((call) => call.operation === 'RunTask')
    expect(runs).toEqual([expect.objectContaining({ error: 'LostResponse' })])
    const startedBy = (runs[0].request as { startedBy: string }).startedBy
    const stopped = await h.sim.ecs.send(new ListTasksCommand({ cluster: 'prod', startedBy, desiredStatus: 'STOPPED' }))
    const running = await h.sim.ecs.send(new ListTasksCommand({ cluster: 'prod', startedBy }))
    expect([...(stopped.taskArns ?? []), ...(running.taskArns ?? [])]).toEqual([result.task?.taskArn])
    expect(eventsOf(h.events, 'info').map((event) => event.message)).toContainEqual(
      expect.stringMatching(/^the answer to RunTask was lost .*; task .* was started by this run/),
    )
  })
})
