import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseTaskDefinition, render, validate, describeProblem } from '../../../src/taskdef/index.js'
import type { RenderEdits, TaskDefinitionJson } from '../../../src/taskdef/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name).taskDefinition
const noEdits: RenderEdits = { images: [], env: [], secrets: [] }
const ROLE = 'arn:aws:iam::123456789012:role/web-task-v2'
const ENV_FILE = 'arn:aws:s3:::berth-config/web/prod.env'

type Container = Record<string, unknown>
const containerNamed = (taskDefinition: TaskDefinitionJson, name: string) =>
  (taskDefinition.containerDefinitions as Container[]).find((container) => container.name === name) as Container

/** Every new flag at once, as `berth deploy` would pass them for the web service's task definition. */
const allEdits: RenderEdits = {
  ...noEdits,
  taskRoleArn: ROLE,
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole-v2',
  commands: [{ container: 'web', command: ['node', 'server.js', '--greeting', 'hello world'] }],
  dockerLabels: [
    { container: 'web', key: 'com.example.team', value: 'payments' },
    { container: 'otel-collector', key: 'com.example.role', value: 'sidecar' },
  ],
  logConfigurations: [{ container: 'web', logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'web=v2' } }],
  environmentFiles: [{ container: 'web', arn: ENV_FILE }],
  containerCpu: [{ container: 'web', size: 256 }],
  containerMemory: [{ container: 'otel-collector', size: 128 }],
}

describe.each(['web-fargate.describe.json', 'web-fargate.describe.yaml'])(
  'render with the container flags: %s',
  (file) => {
    it('sets every field the flags name, in place where it was, and nothing else', () => {
      const original = load(file)
      const rendered = render(original, allEdits)
      const web = containerNamed(rendered, 'web')
      const otel = containerNamed(rendered, 'otel-collector')
      expect(rendered.taskRoleArn).toBe(ROLE)
      expect(rendered.executionRoleArn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole-v2')
      expect(Object.keys(rendered)).toEqual(Object.keys(original))
      expect(web.command).toEqual(['node', 'server.js', '--greeting', 'hello world'])
      expect(web.dockerLabels).toEqual({ 'com.example.team': 'payments' })
      expect(otel.dockerLabels).toEqual({ 'com.example.role': 'sidecar' })
      expect(web.logConfiguration).toEqual({
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web=v2' },
        secretOptions: [],
      })
      expect(web.environmentFiles).toEqual([{ value: ENV_FILE, type: 's3' }])
      expect(web.cpu).toBe(256)
      expect(otel.memory).toBe(128)
      expect(otel.command).toEqual(containerNamed(original, 'otel-collector').command)
      const untouched = (container: Container) =>
        Object.fromEntries(
          Object.entries(container).filter(
            ([key]) =>
              !['command', 'dockerLabels', 'logConfiguration', 'environmentFiles', 'cpu', 'memory'].includes(key),
          ),
        )
      expect(untouched(web)).toEqual(untouched(containerNamed(original, 'web')))
      expect(validate(rendered, allEdits).filter((problem) => problem.severity === 'error')).toEqual([])
    })

    it('does not modify its input', () => {
      const original = load(file)
      const before = JSON.stringify(original)
      render(original, allEdits)
      expect(JSON.stringify(original)).toBe(before)
    })
  },
)

describe('render: the container flags, one by one', () => {
  it('appends a role the task definition did not have, after its other fields', () => {
    const rendered = render(load('worker-ec2-bridge.describe.json'), { ...noEdits, taskRoleArn: ROLE })
    expect(Object.keys(rendered).at(-1)).toBe('taskRoleArn')
    expect(rendered.taskRoleArn).toBe(ROLE)
  })

  it('replaces the command of a container that had one', () => {
    const rendered = render(load('worker-ec2-bridge.describe.json'), {
      ...noEdits,
      commands: [{ container: 'worker', command: ['python', '-m', 'worker', '--queue', 'jobs high'] }],
    })
    expect(containerNamed(rendered, 'worker').command).toEqual(['python', '-m', 'worker', '--queue', 'jobs high'])
  })

  it('overrides a docker label in place and adds a new one after it', () => {
    const original = load('worker-ec2-bridge.describe.json')
    const withLabels = render(original, {
      ...noEdits,
      dockerLabels: [
        { container: 'worker', key: 'a', value: '1' },
        { container: 'worker', key: 'b', value: '2' },
      ],
    })
    const rendered = render(withLabels, {
      ...noEdits,
      dockerLabels: [
        { container: 'worker', key: 'a', value: 'x=y' },
        { container: 'worker', key: 'c', value: '3' },
      ],
    })
    expect(Object.entries(containerNamed(rendered, 'worker').dockerLabels as object)).toEqual([
      ['a', 'x=y'],
      ['b', '2'],
      ['c', '3'],
    ])
  })

  it('starts the log configuration afresh for another driver', () => {
    const rendered = render(load('web-fargate.describe.json'), {
      ...noEdits,
      logConfigurations: [
        { container: 'web', logDriver: 'splunk', options: { 'splunk-url': 'https://splunk:8088', tag: 'a=b' } },
        { container: 'otel-collector', logDriver: 'awsfirelens', options: {} },
      ],
    })
    expect(containerNamed(rendered, 'web').logConfiguration).toEqual({
      logDriver: 'splunk',
      options: { 'splunk-url': 'https://splunk:8088', tag: 'a=b' },
    })
    expect(containerNamed(rendered, 'otel-collector').logConfiguration).toEqual({ logDriver: 'awsfirelens' })
  })

  it('adds an environment file once, after the ones the container has', () => {
    const edits = {
      ...noEdits,
      environmentFiles: [
        { container: 'web', arn: ENV_FILE },
        { container: 'web', arn: 'arn:aws:s3:::berth-config/web/flags.env' },
      ],
    }
    const twice = render(render(load('web-fargate.describe.json'), edits), edits)
    expect(containerNamed(twice, 'web').environmentFiles).toEqual([
      { value: ENV_FILE, type: 's3' },
      { value: 'arn:aws:s3:::berth-config/web/flags.env', type: 's3' },
    ])
  })

  it('sets container cpu and memory where they were', () => {
    const original = load('worker-ec2-bridge.describe.json')
    const rendered = render(original, {
      ...noEdits,
      containerCpu: [{ container: 'worker', size: 1024 }],
      containerMemory: [{ container: 'worker', size: 2048 }],
    })
    const worker = containerNamed(rendered, 'worker')
    expect([worker.cpu, worker.memory, worker.memoryReservation]).toEqual([1024, 2048, 256])
    expect(Object.keys(worker)).toEqual(Object.keys(containerNamed(original, 'worker')))
  })
})

describe('validate: a container flag naming no container', () => {
  it.each<[string, RenderEdits, string]>([
    [
      '--command',
      { ...noEdits, commands: [{ container: 'api', command: ['x'] }] },
      'command: no container named "api" to set the command of (--command)',
    ],
    [
      '--docker-label',
      { ...noEdits, dockerLabels: [{ container: 'api', key: 'k', value: 'v' }] },
      'dockerLabels: no container named "api" to set docker label k in (--docker-label)',
    ],
    [
      '--log-configuration',
      { ...noEdits, logConfigurations: [{ container: 'api', logDriver: 'awslogs', options: {} }] },
      'logConfiguration: no container named "api" to set the log configuration of (--log-configuration)',
    ],
    [
      '--environment-file',
      { ...noEdits, environmentFiles: [{ container: 'api', arn: ENV_FILE }] },
      'environmentFiles: no container named "api" to add an environment file to (--environment-file)',
    ],
    [
      '--container-cpu',
      { ...noEdits, containerCpu: [{ container: 'api', size: 1 }] },
      'cpu: no container named "api" to set the cpu of (--container-cpu)',
    ],
    [
      '--container-memory',
      { ...noEdits, containerMemory: [{ container: 'api', size: 1 }] },
      'memory: no container named "api" to set the memory of (--container-memory)',
    ],
  ])('%s: an error naming the flag and the containers there are', (_flag, edits, message) => {
    const problems = validate(render(load('web-fargate.describe.json'), edits), edits)
    expect(problems.filter((problem) => problem.severity === 'error').map(describeProblem)).toEqual([
      `error: container "api" ${message}; the task definition's containers are "web", "otel-collector".`,
    ])
  })
})

describe('validate: container sizes', () => {
  it('refuses a container memory below its memoryReservation', () => {
    const edits = { ...noEdits, containerMemory: [{ container: 'worker', size: 128 }] }
    const problems = validate(render(load('worker-ec2-bridge.describe.json'), edits), edits)
    expect(problems.filter((problem) => problem.severity === 'error').map(describeProblem)).toEqual([
      'error: container "worker" memory: memory 128 MiB is less than the container\'s memoryReservation 256 MiB; ' +
        'ECS takes a memory of at least the reservation.',
    ])
  })

  it('warns when the containers reserve more than the task has', () => {
    const edits = {
      ...noEdits,
      containerCpu: [{ container: 'web', size: 768 }],
      containerMemory: [{ container: 'web', size: 900 }],
    }
    const problems = validate(render(load('web-fargate.describe.json'), edits), edits)
    expect(problems.filter((problem) => problem.field !== 'image').map(describeProblem)).toEqual([
      "warning: cpu: the containers reserve 768 cpu units together, more than the task's 512.",
      "warning: memory: the containers reserve 1028 MiB together, more than the task's 1024.",
    ])
  })
})
