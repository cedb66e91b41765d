import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseTaskDefinition, render } from '../../../src/taskdef/index.js'
import type { RenderEdits, TaskDefinitionJson } from '../../../src/taskdef/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name).taskDefinition
const noEdits: RenderEdits = { images: [], env: [], secrets: [] }
const WEB_V2 = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2.0.0'
const OTEL = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0'

type Container = Record<string, unknown> & { environment?: { name: string }[]; secrets?: { name: string }[] }
const container = (taskDefinition: TaskDefinitionJson, index: number) =>
  (taskDefinition.containerDefinitions as Container[])[index]

describe('render', () => {
  it('changes nothing without edits, key order included', () => {
    const original = load('web-fargate.describe.json')
    expect(JSON.stringify(render(original, noEdits))).toBe(JSON.stringify(original))
  })

  it('sets the images of several containers in one step and leaves every other byte as it was', () => {
    const original = load('web-fargate.describe.json')
    const rendered = render(original, {
      ...noEdits,
      images: [
        { container: 'web', uri: WEB_V2 },
        { container: 'otel-collector', uri: OTEL },
      ],
    })
    const expected = JSON.stringify(original)
      .replace('"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2"', JSON.stringify(WEB_V2))
      .replace('"public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1"', JSON.stringify(OTEL))
    expect(JSON.stringify(rendered)).toBe(expected)
  })

  it('does not modify its input', () => {
    const original = load('web-fargate.describe.json')
    const before = JSON.stringify(original)
    render(original, {
      images: [{ container: 'web', uri: WEB_V2 }],
      env: [{ container: 'web', name: 'LOG_LEVEL', value: 'debug' }],
      secrets: [{ container: 'web', name: 'API_KEY', valueFrom: '/prod/web/api-key-v2' }],
      family: 'web-canary',
      cpu: '1024',
      memory: '2048',
    })
    expect(JSON.stringify(original)).toBe(before)
  })

  it('overrides an environment variable in place and appends a new one', () => {
    const rendered = render(load('web-fargate.describe.json'), {
      ...noEdits,
      env: [
        { container: 'web', name: 'LOG_LEVEL', value: 'debug' },
        { container: 'web', name: 'FEATURE_X', value: 'on' },
      ],
    })
    expect(container(rendered, 0).environment).toEqual([
      { name: 'NODE_ENV', value: 'production' },
      { name: 'PORT', value: '8080' },
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'FEATURE_X', value: 'on' },
    ])
  })

  it('creates environment at the end of a container that has none', () => {
    const rendered = render(load('api-fargate.bare.json'), noEdits)
    delete container(rendered, 0).environment
    const edited = render(rendered, { ...noEdits, env: [{ container: 'api', name: 'A', value: '1' }] })
    const keys = Object.keys(container(edited, 0))
    expect(keys[keys.length - 1]).toBe('environment')
    expect(container(edited, 0).environment).toEqual([{ name: 'A', value: '1' }])
  })

  it('sets a secret in place, appends a new one, and creates secrets where there were none', () => {
    const rendered = render(load('web-fargate.describe.json'), {
      ...noEdits,
      secrets: [
        { container: 'web', name: 'API_KEY', valueFrom: '/prod/web/api-key-v2' },
        { container: 'web', name: 'SENTRY_DSN', valueFrom: '/prod/web/sentry-dsn' },
        { container: 'otel-collector', name: 'OTLP_TOKEN', valueFrom: '/prod/otel/token' },
      ],
    })
    expect(container(rendered, 0).secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/web/db-AbCdEf:password::',
      },
      { name: 'API_KEY', valueFrom: '/prod/web/api-key-v2' },
      { name: 'SENTRY_DSN', valueFrom: '/prod/web/sentry-dsn' },
    ])
    expect(container(rendered, 1).secrets).toEqual([{ name: 'OTLP_TOKEN', valueFrom: '/prod/otel/token' }])
  })

  it('moves a name between environment and secrets, since ECS takes it in one only', () => {
    const asSecret = render(load('web-fargate.describe.json'), {
      ...noEdits,
      secrets: [{ container: 'web', name: 'LOG_LEVEL', valueFrom: '/prod/web/log-level' }],
    })
    expect(container(asSecret, 0).environment?.map((e) => e.name)).toEqual(['NODE_ENV', 'PORT'])
    expect(container(asSecret, 0).secrets?.map((e) => e.name)).toEqual(['DB_PASSWORD', 'API_KEY', 'LOG_LEVEL'])

    const asEnv = render(load('web-fargate.describe.json'), {
      ...noEdits,
      env: [{ container: 'web', name: 'API_KEY', value: 'not-secret-after-all' }],
    })
    expect(container(asEnv, 0).secrets?.map((e) => e.name)).toEqual(['DB_PASSWORD'])
    expect(container(asEnv, 0).environment?.map((e) => e.name)).toEqual(['NODE_ENV', 'PORT', 'LOG_LEVEL', 'API_KEY'])
  })

  it('overrides family, cpu and memory in place, normalising units', () => {
    const original = load('web-fargate.describe.json')
    const rendered = render(original, { ...noEdits, family: 'web-canary', cpu: '1 vCPU', memory: '2GB' })
    expect(Object.keys(rendered)).toEqual(Object.keys(original))
    expect([rendered.family, rendered.cpu, rendered.memory]).toEqual(['web-canary', '1024', '2048'])
  })

  it('appends cpu and memory to a definition that had none', () => {
    const rendered = render(load('worker-ec2-bridge.describe.json'), { ...noEdits, cpu: '512', memory: '1024' })
    expect(Object.keys(rendered).slice(-2)).toEqual(['cpu', 'memory'])
  })

  it('skips edits of containers that do not exist (validate reports them)', () => {
    const original = load('worker-ec2-bridge.describe.json')
    const rendered = render(original, {
      images: [{ container: 'web', uri: WEB_V2 }],
      env: [{ container: 'web', name: 'A', value: '1' }],
      secrets: [{ container: 'web', name: 'B', valueFrom: '/b' }],
    })
    expect(JSON.stringify(rendered)).toBe(JSON.stringify(original))
  })
})
