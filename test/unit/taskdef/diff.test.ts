import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { TaskDefinition } from '@aws-sdk/client-ecs'
import {
  diff,
  equivalent,
  formatDiff,
  fromDescribeOutput,
  parseTaskDefinition,
  render,
  toRegisterInput,
} from '../../../src/taskdef/index.js'
import type { RenderEdits, TaskDefinitionJson } from '../../../src/taskdef/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name).taskDefinition
const noEdits: RenderEdits = { images: [], env: [], secrets: [] }
const WEB_V142 = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2'

type Container = Record<string, unknown>
const containers = (taskDefinition: TaskDefinitionJson) => taskDefinition.containerDefinitions as Container[]

function variant(name: string, change: (taskDefinition: TaskDefinitionJson) => void): TaskDefinitionJson {
  const taskDefinition = load(name)
  change(taskDefinition)
  return taskDefinition
}

/** Reverses the key order of every object: the same definition as far as ECS is concerned. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reordered(member)]),
  )
}

describe('equivalent', () => {
  const registered = load('web-fargate.describe.json')
  const file = load('web-fargate.register.json')

  it('treats a rendered file and the describe output of its registration as equal', () => {
    const rendered = render(file, { ...noEdits, images: [{ container: 'web', uri: WEB_V142 }] })
    expect(diff(registered, rendered)).toEqual([])
    expect(equivalent(registered, rendered)).toBe(true)
  })

  it('treats a describe output fetched with the SDK and the same file as equal', () => {
    const sdk = JSON.parse(JSON.stringify(registered), (key, value: unknown) =>
      key === 'registeredAt' ? new Date(String(value)) : value,
    ) as TaskDefinition
    const fetched = fromDescribeOutput({ taskDefinition: sdk }).taskDefinition
    expect(equivalent(fetched, render(file, { ...noEdits, images: [{ container: 'web', uri: WEB_V142 }] }))).toBe(true)
  })

  it('treats a RegisterTaskDefinition input, tags included, and its describe output as equal', () => {
    const doc = parseTaskDefinition(fixture('web-fargate.describe.json'), 'web.json')
    const input = toRegisterInput(doc, [{ key: 'commit', value: '4f53cda' }])
    expect(equivalent(registered, input as unknown as TaskDefinitionJson)).toBe(true)
  })

  it.each(['web-fargate.describe.json', 'worker-ec2-bridge.describe.json', 'api-fargate.bare.json'])(
    'ignores key order in %s',
    (name) => {
      const original = load(name)
      expect(equivalent(original, reordered(original) as TaskDefinitionJson)).toBe(true)
    },
  )

  it.each<[string, (td: TaskDefinitionJson) => void]>([
    ['the bridge default host port 0', (td) => delete (containers(td)[0].portMappings as Container[])[0].hostPort],
    ['the default protocol', (td) => delete (containers(td)[0].portMappings as Container[])[0].protocol],
    [
      'empty lists and maps',
      (td) => ['links', 'entryPoint', 'dnsServers', 'dockerLabels'].forEach((k) => delete containers(td)[0][k]),
    ],
    ['networkMode bridge, the default', (td) => delete td.networkMode],
    ['essential true, the default', (td) => Object.assign(containers(td)[0], { essential: true })],
  ])('ignores %s in an EC2 definition', (_what, change) => {
    expect(diff(load('worker-ec2-bridge.describe.json'), variant('worker-ec2-bridge.describe.json', change))).toEqual(
      [],
    )
  })

  it.each<[string, (td: TaskDefinitionJson) => void]>([
    ['an image', (td) => (containers(td)[0].image = WEB_V142.replace('v1.4.2', 'v1.4.3'))],
    ['an environment value', (td) => ((containers(td)[0].environment as Container[])[0].value = 'staging')],
    ['a secret', (td) => (containers(td)[0].secrets as Container[]).pop()],
    ['essential', (td) => (containers(td)[1].essential = true)],
    ['a health check default', (td) => ((containers(td)[0].healthCheck as Container).retries = 5)],
    ['the host port in awsvpc', (td) => ((containers(td)[0].portMappings as Container[])[0].hostPort = 80)],
    ['task memory', (td) => (td.memory = '2048')],
    [
      'a nested option',
      (td) => ((containers(td)[1].logConfiguration as { options: Container }).options['mode'] = 'non-blocking'),
    ],
    ['the task role', (td) => (td.taskRoleArn = 'arn:aws:iam::123456789012:role/other')],
  ])('sees a change of %s', (_what, change) => {
    expect(equivalent(registered, variant('web-fargate.describe.json', change))).toBe(false)
  })
})

describe('diff and formatDiff', () => {
  it('shows what a reviewer wants, per container, in a stable order', () => {
    const before = load('web-fargate.describe.json')
    const after = render(before, {
      images: [{ container: 'web', uri: WEB_V142.replace('v1.4.2', 'v1.5.0') }],
      env: [
        { container: 'web', name: 'LOG_LEVEL', value: 'debug' },
        { container: 'web', name: 'FEATURE_CART', value: 'on' },
      ],
      secrets: [{ container: 'web', name: 'API_KEY', valueFrom: '/prod/web/api-key-v2' }],
      cpu: '1024',
      memory: '2048',
    })
    const web = containers(after)[0]
    web.environment = (web.environment as Container[]).filter((entry) => entry.name !== 'NODE_ENV')
    web.portMappings = [...(web.portMappings as Container[]), { containerPort: 9090, protocol: 'tcp' }]
    web.command = ['node', 'server.js']
    containers(after)[1].memoryReservation = 256
    expect(formatDiff(diff(before, after))).toBe(
      [
        'task definition',
        '  ~ cpu: 512 -> 1024',
        '  ~ memory: 1024 -> 2048',
        'container web',
        `  ~ image: ${WEB_V142} -> ${WEB_V142.replace('v1.4.2', 'v1.5.0')}`,
        '  + command: ["node","server.js"]',
        '  + port 9090/tcp: mapped',
        '  ~ environment LOG_LEVEL: info -> debug',
        '  + environment FEATURE_CART: on',
        '  - environment NODE_ENV: production',
        '  ~ secret API_KEY: arn:aws:ssm:us-east-1:123456789012:parameter/prod/web/api-key -> /prod/web/api-key-v2',
        'container otel-collector',
        '  ~ memoryReservation: 128 -> 256',
        '',
      ].join('\n'),
    )
  })

  it('hides values that look like credentials, added, removed or changed', () => {
    const before = variant('worker-ec2-bridge.describe.json', (td) => {
      ;(containers(td)[0].environment as Container[]).push({ name: 'SMTP_PASSWORD', value: 'old-pass-123' })
    })
    const after = render(before, {
      ...noEdits,
      env: [
        { container: 'worker', name: 'SMTP_PASSWORD', value: 'new-pass-456' },
        { container: 'worker', name: 'LEGACY_KEY', value: 'AKIAIOSFODNN7EXAMPLE' },
      ],
    })
    const text = formatDiff(diff(before, after))
    expect(text).toBe(
      [
        'container worker',
        '  ~ environment SMTP_PASSWORD: (hidden) -> (hidden)',
        '  + environment LEGACY_KEY: (hidden)',
        '',
      ].join('\n'),
    )
    for (const value of ['old-pass-123', 'new-pass-456', 'AKIAIOSFODNN7EXAMPLE']) {
      expect(JSON.stringify(diff(before, after))).not.toContain(value)
      expect(JSON.stringify(diff(after, before))).not.toContain(value)
    }
  })

  it('hides credential-looking values in other fields too', () => {
    const after = variant('worker-ec2-bridge.describe.json', (td) => {
      ;(containers(td)[0].logConfiguration as { options: Container }).options['splunk-token'] = 'f3c1a9e2-token'
    })
    expect(formatDiff(diff(load('worker-ec2-bridge.describe.json'), after))).toBe(
      'container worker\n  + logConfiguration.options.splunk-token: (hidden)\n',
    )
  })

  it('shows containers added and removed, and task fields by JSON path', () => {
    const before = load('worker-ec2-bridge.describe.json')
    const after = variant('worker-ec2-bridge.describe.json', (td) => {
      const [worker] = containers(td)
      containers(td).splice(0, 1, { ...worker, name: 'scheduler', image: 'busybox:1.36' })
      ;(td.volumes as { host: Container }[])[0].host.sourcePath = '/mnt/scratch'
      td.taskRoleArn = 'arn:aws:iam::210987654321:role/worker'
      td.pidMode = 'task'
    })
    expect(formatDiff(diff(before, after))).toBe(
      [
        'task definition',
        '  + taskRoleArn: arn:aws:iam::210987654321:role/worker',
        '  + pidMode: task',
        '  ~ volumes[0].host.sourcePath: /var/lib/worker-scratch -> /mnt/scratch',
        '+ container scheduler: image busybox:1.36',
        '- container worker: image 210987654321.dkr.ecr.eu-west-1.amazonaws.com/jobs/worker:2024.06.1',
        '',
      ].join('\n'),
    )
  })

  it('shows essential, ports and nested container fields', () => {
    const before = load('api-fargate.bare.json')
    const after = variant('api-fargate.bare.json', (td) => {
      const [api] = containers(td)
      api.essential = false
      api.portMappings = [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp', appProtocol: 'http2' }]
      ;(api.logConfiguration as { options: Container }).options['awslogs-group'] = '/ecs/api-v2'
    })
    expect(diff(before, after)).toEqual([
      {
        container: 'api',
        kind: 'changed',
        field: 'essential',
        path: ['containerDefinitions', 0, 'essential'],
        before: 'true',
        after: 'false',
      },
      {
        container: 'api',
        kind: 'changed',
        field: 'port 3000/tcp',
        path: ['containerDefinitions', 0, 'portMappings'],
        before: 'mapped',
        after: '{"appProtocol":"http2"}',
      },
      {
        container: 'api',
        kind: 'changed',
        field: 'logConfiguration.options.awslogs-group',
        path: ['containerDefinitions', 0, 'logConfiguration', 'options', 'awslogs-group'],
        before: '/ecs/api',
        after: '/ecs/api-v2',
      },
    ])
  })

  it('says so when nothing changed', () => {
    expect(formatDiff([])).toBe('no changes\n')
  })
})
