import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { UserError } from '../../../src/errors.js'
import { fromDescribeOutput, parseTaskDefinition } from '../../../src/taskdef/index.js'
import { parseJson } from '../../../src/taskdef/json.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')

function readError(text: string, file = 'task-definition.json'): UserError {
  try {
    parseTaskDefinition(text, file)
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('parseTaskDefinition', () => {
  it.each([
    [
      'web-fargate.describe.json',
      'describe',
      'web',
      2,
      [
        { key: 'team', value: 'payments' },
        { key: 'service', value: 'web' },
      ],
    ],
    ['worker-ec2-bridge.describe.json', 'describe', 'worker', 1, undefined],
    ['api-fargate.bare.json', 'bare', 'api', 1, undefined],
    [
      'web-fargate.register.json',
      'register',
      'web',
      2,
      [
        { key: 'team', value: 'payments' },
        { key: 'service', value: 'web' },
      ],
    ],
  ])('reads %s as the %s shape', (name, shape, family, containers, tags) => {
    const doc = parseTaskDefinition(fixture(name), name)
    expect(doc.shape).toBe(shape)
    expect(doc.file).toBe(name)
    expect(doc.taskDefinition.family).toBe(family)
    expect(doc.taskDefinition.containerDefinitions).toHaveLength(containers)
    expect(doc.tags).toEqual(tags)
    expect(doc.taskDefinition).not.toHaveProperty('tags')
  })

  it('keeps the key order of the file', () => {
    const text = fixture('web-fargate.describe.json')
    const doc = parseTaskDefinition(text, 'web.json')
    expect(JSON.stringify(doc.taskDefinition)).toBe(
      JSON.stringify((JSON.parse(text) as { taskDefinition: unknown }).taskDefinition),
    )
  })

  it.each([
    [['family'], 94],
    [['containerDefinitions', 1, 'image'], 73],
    [['containerDefinitions', 0, 'secrets', 1, 'valueFrom'], 43],
    [['containerDefinitions', 0, 'environment', 2], 28],
    [['nope'], undefined],
  ])('finds the line of %j in a describe output', (path, line) => {
    const doc = parseTaskDefinition(fixture('web-fargate.describe.json'), 'web.json')
    expect(doc.lineOf(path)).toBe(line)
  })

  it('finds lines in a register input, relative to the task definition', () => {
    const doc = parseTaskDefinition(fixture('web-fargate.register.json'), 'web.json')
    expect(doc.lineOf(['containerDefinitions', 0, 'image'])).toBe(13)
    expect(doc.lineOf([])).toBe(1)
  })

  it.each([
    ['missing-comma.txt', 7, 7, `expected ',' or '}' after the value of "image", found '"'`],
    ['trailing-comma.txt', 4, 45, "expected a property name after ',' (JSON allows no trailing comma), found '}'"],
  ])('names file, line and column of the syntax error in %s', (name, line, column, expected) => {
    const error = readError(fixture(name), name)
    expect(error.message).toBe(`${name}:${line}:${column}: invalid JSON: ${expected}.`)
    expect(error.location).toEqual({ file: name, line, column })
  })

  it.each([
    ['', 1, 1, 'expected a value (object, array, string, number, true, false or null), found the end of the file'],
    ['{"family": "web"', 1, 17, `expected ',' or '}' after the value of "family", found the end of the file`],
    ['{\n  family: "web"\n}', 2, 3, 'expected a property name in double quotes, found an unquoted word'],
    ["{\n  'family': 1}", 2, 3, "expected a property name in double quotes, found '''"],
    ['{"a": "line\nbreak"}', 1, 12, `expected a closing '"' before the end of the line, found the end of the line`],
    ['{"a": "\\x"}', 1, 8, 'expected a valid escape'],
    ['{"a": 01}', 1, 8, `expected ',' or '}' after the value of "a", found a digit`],
    [
      '{"a": tru}',
      1,
      7,
      'expected a value (object, array, string, number, true, false or null), found an unquoted word',
    ],
    ['{} {}', 1, 4, "expected the end of the file, found '{'"],
    ['[1 2]', 1, 4, "expected ',' or ']' after an array item, found a digit"],
  ])('reports %j at line %i column %i', (text, line, column, expected) => {
    const error = readError(text)
    expect(error.message).toContain(`task-definition.json:${line}:${column}: invalid JSON: ${expected}`)
    expect(error.location).toEqual({ file: 'task-definition.json', line, column })
  })

  it('never echoes an unquoted value, which may be a token or a password', () => {
    const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'
    const error = readError(`{"family": "web", "containerDefinitions": [{"environment": [{"value": ${token}}]}]}`)
    expect(error.message).toMatch(/task-definition\.json:1:\d+: invalid JSON: .*found an unquoted word/)
    expect(error.message).not.toContain(token)
    expect(error.message).not.toContain('ghp_')
  })

  it('accepts a byte order mark and keeps __proto__ as a plain key', () => {
    const doc = parseTaskDefinition(
      '\uFEFF{"family":"x","__proto__":{"a":1},"containerDefinitions":[{"name":"a"}]}',
      'x.json',
    )
    expect(Object.keys(doc.taskDefinition)).toEqual(['family', '__proto__', 'containerDefinitions'])
    expect(Object.getPrototypeOf(doc.taskDefinition)).toBe(Object.prototype)
  })

  it.each([
    ['[]', 'task-definition.json:1: a task definition must be a JSON object, found an empty list.'],
    ['\n\n"web"', 'task-definition.json:3: a task definition must be a JSON object, found a string.'],
    ['{\n  "family": "web"\n}', 'task-definition.json:1: the task definition has no "containerDefinitions"'],
    [
      '{\n  "family": "web",\n  "containerDefinitions": []\n}',
      'task-definition.json:3: "containerDefinitions" must be a non-empty list of container objects, found an empty list.',
    ],
    [
      '{"taskDefinition": {\n"family": "web",\n"containerDefinitions": {"name": "web"}}}',
      'task-definition.json:3: "containerDefinitions" must be a non-empty list of container objects, found an object.',
    ],
    [
      '{"family": "web", "containerDefinitions": [{}], "tags": {"team": "a"}}',
      'task-definition.json:1: "tags" must be a list',
    ],
  ])('rejects %j naming file and line', (text, message) => {
    const error = readError(text)
    expect(error.message).toContain(message)
    expect(error.location.file).toBe('task-definition.json')
  })
})

describe('parseJson', () => {
  it.each([
    'web-fargate.describe.json',
    'web-fargate.register.json',
    'worker-ec2-bridge.describe.json',
    'api-fargate.bare.json',
    'invalid-fargate.json',
  ])('reads %s exactly as JSON.parse does, key order included', (name) => {
    const text = fixture(name)
    expect(JSON.stringify(parseJson(text).value)).toBe(JSON.stringify(JSON.parse(text)))
  })

  it.each([
    '0',
    '-1.5e+3',
    '"\\u00e9\\n\\"x\\""',
    '[true, false, null]',
    '{"a": {"b": [1, {"c": ""}]}}',
    ' \t\r\n{}\n',
  ])('agrees with JSON.parse on %s', (text) => {
    expect(parseJson(text).value).toEqual(JSON.parse(text))
  })
})

describe('fromDescribeOutput', () => {
  it('turns the SDK output into JSON with epoch-second timestamps and tags', () => {
    const doc = fromDescribeOutput({
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', environment: [] }],
        revision: 42,
        registeredAt: new Date('2024-11-14T09:21:37.512Z'),
        cpu: undefined,
      },
      tags: [{ key: 'team', value: 'payments' }],
    })
    expect(doc.shape).toBe('describe')
    expect(doc.file).toBeUndefined()
    expect(doc.lineOf(['family'])).toBeUndefined()
    expect(doc.tags).toEqual([{ key: 'team', value: 'payments' }])
    expect(JSON.stringify(doc.taskDefinition)).toBe(
      '{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:42","family":"web",' +
        '"containerDefinitions":[{"name":"web","image":"nginx:1.27","environment":[]}],"revision":42,' +
        '"registeredAt":1731576097.512}',
    )
  })

  it('rejects an output without a task definition', () => {
    expect(() => fromDescribeOutput({})).toThrow(UserError)
  })
})

describe('a task definition in YAML', () => {
  it('reads as the same document as its JSON, with the line of every path', () => {
    const yaml = parseTaskDefinition(fixture('web-fargate.describe.yaml'), 'web.yaml')
    const json = parseTaskDefinition(fixture('web-fargate.describe.json'), 'web.json')
    expect(yaml.taskDefinition).toEqual(json.taskDefinition)
    expect(yaml.tags).toEqual(json.tags)
    expect(yaml.shape).toBe('describe')
    expect(yaml.lineOf(['containerDefinitions', 0, 'image'])).toBe(6)
    expect(yaml.lineOf(['containerDefinitions', 1])).toBe(50)
  })

  it('names the line and column of a syntax error, and its kind, never the text there', () => {
    const error = readError(
      'family: web\ncontainerDefinitions:\n  - name: web\n   image: ghp_0123456789abcdef\n',
      'web.yml',
    )
    expect(error.message).toMatch(/^web\.yml:4:\d+: invalid YAML: [a-z ]+\.$/)
    expect(error.message).not.toContain('ghp_')
    expect(error.location).toMatchObject({ file: 'web.yml', line: 4 })
  })

  it('is a mapping', () => {
    expect(readError('- web\n', 'web.yaml').message).toBe(
      'web.yaml:1: a task definition must be a YAML mapping, found a list.',
    )
  })
})
