import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { clean, DESCRIBE_ONLY_FIELDS, parseTaskDefinition, toRegisterInput } from '../../../src/taskdef/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name)

describe('clean', () => {
  it.each(['web-fargate.describe.json', 'worker-ec2-bridge.describe.json', 'api-fargate.bare.json'])(
    'drops the describe-only fields of %s and keeps the rest in order',
    (name) => {
      const original = load(name).taskDefinition
      const cleaned = clean(original)
      const describeOnly: readonly string[] = DESCRIBE_ONLY_FIELDS
      expect(Object.keys(cleaned)).toEqual(Object.keys(original).filter((key) => !describeOnly.includes(key)))
      for (const key of Object.keys(cleaned)) expect(JSON.stringify(cleaned[key])).toBe(JSON.stringify(original[key]))
    },
  )

  it('drops exactly the fields RegisterTaskDefinition does not take', () => {
    const cleaned = clean(load('web-fargate.describe.json').taskDefinition)
    expect(Object.keys(cleaned)).toEqual([
      'containerDefinitions',
      'family',
      'taskRoleArn',
      'executionRoleArn',
      'networkMode',
      'volumes',
      'placementConstraints',
      'requiresCompatibilities',
      'cpu',
      'memory',
      'runtimePlatform',
      'enableFaultInjection',
    ])
  })

  it('drops null values at any depth and deregistration fields', () => {
    const cleaned = clean({
      family: 'web',
      taskRoleArn: null,
      deregisteredAt: 1731576097.5,
      deleteRequestedAt: 1731576098,
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', user: null, command: ['a', null] }],
    })
    expect(cleaned).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', command: ['a'] }],
    })
  })
})

describe('toRegisterInput', () => {
  it('is the cleaned definition with the tags of the describe output', () => {
    const doc = load('web-fargate.describe.json')
    const input = toRegisterInput(doc)
    expect(input.tags).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'service', value: 'web' },
    ])
    const { tags: _tags, ...rest } = input
    expect(JSON.stringify(rest)).toBe(JSON.stringify(clean(doc.taskDefinition)))
  })

  it('adds extra tags, replacing document tags of the same key', () => {
    const input = toRegisterInput(load('web-fargate.register.json'), [
      { key: 'service', value: 'web-canary' },
      { key: 'commit', value: '4f53cda' },
    ])
    expect(input.tags).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'service', value: 'web-canary' },
      { key: 'commit', value: '4f53cda' },
    ])
  })

  it('has no tags member when there are none', () => {
    expect(toRegisterInput(load('api-fargate.bare.json'))).not.toHaveProperty('tags')
  })
})
