import { describe, expect, it } from '@jest/globals'
import { type InputSource } from '../../../src/config/types.js'
import { parseDuration } from '../../../src/config/values.js'
import { parseConfig, parseHookConfig } from '../../../src/config/parse.js'
import { UserError } from '../../../src/errors.js'

/** An input source as the CLI builds it: single values and repeated flags. */
function flags(values: Record<string, string>, lists: Record<string, string[]> = {}): InputSource {
  return {
    get: (name) => values[name],
    list: (name) => lists[name] ?? [],
    label: (name) => `--${name}`,
  }
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('parseConfig', () => {
  it('parses the CLI contract into one typed Config', () => {
    const config = parseConfig(
      flags(
        {
          'task-definition': 'test/fixtures/taskdef/does-not-exist.json',
          cluster: 'prod',
          service: 'web',
          'wait-timeout': '1h30m',
          'poll-interval': '2s',
          'deployment-config': 'canary:10%:5m',
          'desired-count': '4',
          'on-timeout': 'leave',
          'dry-run': 'true',
          artifacts: 'imagedefinitions, codedeploy',
        },
        {
          image: ['web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2', 'sidecar=public.ecr.aws/x/y:1'],
          env: ['web:LOG_LEVEL=debug=verbose'],
          secret: ['web:DB_PASSWORD=arn:aws:ssm:us-east-1:123456789012:parameter/db'],
          hook: ['AfterAllowTestTraffic=smoke'],
        },
      ),
      { AWS_REGION: 'eu-west-1' },
    )
    expect(config).toMatchObject({
      taskDefinition: { kind: 'file', path: 'test/fixtures/taskdef/does-not-exist.json' },
      images: [
        { container: 'web', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2' },
        { container: 'sidecar', uri: 'public.ecr.aws/x/y:1' },
      ],
      env: [{ container: 'web', name: 'LOG_LEVEL', value: 'debug=verbose' }],
      secrets: [
        { container: 'web', name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' },
      ],
      hooks: [{ event: 'AfterAllowTestTraffic', functionName: 'smoke' }],
      deploymentConfig: { type: 'canary', percentage: 10, intervalMinutes: 5 },
      waitTimeoutMs: 5_400_000,
      pollIntervalMs: 2000,
      desiredCount: 4,
      onTimeout: 'leave',
      onCancel: 'rollback',
      dryRun: true,
      strategy: 'auto',
      artifacts: ['imagedefinitions', 'codedeploy'],
      region: 'eu-west-1',
    })
  })

  it('tells a registered family:revision and an ARN from a file', () => {
    expect(parseConfig(flags({ 'task-definition': 'web:7' })).taskDefinition).toEqual({
      kind: 'registered',
      ref: 'web:7',
    })
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7'
    expect(parseConfig(flags({ 'task-definition': arn })).taskDefinition).toEqual({ kind: 'registered', ref: arn })
  })

  it.each([
    [{}, { image: ['web'] }, '--image: "web" is not valid: expected CONTAINER=IMAGE'],
    [{}, { image: ['we b=nginx:1'] }, 'container name "we b" must match'],
    [{}, { env: ['web=1'] }, '--env: "web=…" (value not shown) is not valid: expected CONTAINER:NAME=VALUE'],
    [{}, { secret: ['web:X='] }, "the secret's valueFrom is empty"],
    [{}, { hook: ['Install=fn'] }, '"Install" is not a hookable lifecycle event'],
    [{}, { hook: ['AfterAllowTestTraffic=bad name!'] }, '"bad name!" is not a Lambda function name'],
    [
      { strategy: 'blue' },
      {},
      '--strategy: "blue" is not valid: expected one of auto, rolling, codedeploy, ecs-native.',
    ],
    [{ 'wait-timeout': '10 minutes' }, {}, '--wait-timeout: "10 minutes" is not valid: expected a duration like 30m'],
    [{ 'desired-count': '-1' }, {}, '--desired-count: "-1" is not valid: expected a whole number, 0 or more.'],
    [{ 'deployment-config': 'canary:150%:5m' }, {}, 'the percentage must be a whole number from 1 to 99'],
    [{ 'deployment-config': 'linear:10%:30s' }, {}, 'CodeDeploy intervals are whole minutes'],
    [{ artifacts: 'imagedefinitions,zip' }, {}, 'expected one of imagedefinitions, imagedetail, codedeploy.'],
    [{ cpu: 'lots' }, {}, '--cpu: "lots" is not valid: expected cpu units like 256, 1024, 1 vCPU.'],
    [{ 'dry-run': 'maybe' }, {}, '--dry-run: "maybe" is not valid: expected true or false.'],
    [{ service: 'web' }, {}, '--service needs --cluster too.'],
    [{ 'task-definition': 'arn:aws:ecs:us-east-1:1:task-definition/x' }, {}, 'expected a task definition ARN like'],
  ])('rejects %j %j naming the flag, the value and what is accepted', (values, lists, message) => {
    expect(errorOf(() => parseConfig(flags(values as Record<string, string>, lists))).message).toContain(message)
  })

  it('never shows the value of an environment variable in an error: it may be a secret', () => {
    const secret = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'
    const message = errorOf(() => parseConfig(flags({}, { env: [`web:BAD NAME=${secret}`] }))).message
    expect(message).toContain('--env: "web:BAD NAME=…" (value not shown) is not valid: variable name "BAD NAME"')
    expect(message).not.toContain(secret)
    expect(errorOf(() => parseConfig(flags({}, { env: [secret] }))).message).not.toContain(secret)
  })

  it('labels errors as the Action spells its inputs', () => {
    const action: InputSource = { ...flags({}, { image: ['nope'] }), label: (name) => `input "${name}"` }
    expect(errorOf(() => parseConfig(action)).message).toMatch(/^input "image": "nope" is not valid/)
  })

  it('normalises cpu and memory as ECS stores them', () => {
    const config = parseConfig(flags({ cpu: '1 vCPU', memory: '2GB' }))
    expect([config.cpu, config.memory]).toEqual(['1024', '2048'])
  })
})

describe('in CodeBuild', () => {
  const codebuild = { CODEBUILD_BUILD_ID: 'web:0b4f', CODEBUILD_RESOLVED_SOURCE_VERSION: '9f2c1e7' }
  const images = (image: string, env: Record<string, string>) =>
    parseConfig(flags({}, { image: [image] }), env).images.map((edit) => edit.uri)

  it('tags an image given without a tag with the commit the build built', () => {
    expect(images('web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web', codebuild)).toEqual([
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:9f2c1e7',
    ])
  })

  it('leaves a tag, a digest, and every image outside CodeBuild as given', () => {
    expect(images('web=registry:5000/team/web:v2', codebuild)).toEqual(['registry:5000/team/web:v2'])
    expect(images(`web=nginx@sha256:${'a'.repeat(64)}`, codebuild)).toEqual([`nginx@sha256:${'a'.repeat(64)}`])
    expect(images('web=registry:5000/team/web', {})).toEqual(['registry:5000/team/web'])
  })
})

describe('timer bounds', () => {
  const deploy = (values: Record<string, string>, env: Record<string, string> = {}) =>
    parseConfig(flags({ cluster: 'prod', service: 'web', ...values }), env)

  it.each([
    [{ 'poll-interval': '0' }, '--poll-interval: "0" is not valid: expected a duration from 1s to 5m.'],
    [{ 'poll-interval': '500ms' }, 'expected a duration from 1s to 5m.'],
    [{ 'poll-interval': '10m' }, 'expected a duration from 1s to 5m.'],
    [{ 'wait-timeout': '0' }, '--wait-timeout: "0" is not valid: expected a duration from 1m to 24h.'],
    [{ 'wait-timeout': '1200h' }, 'expected a duration from 1m to 24h.'],
  ])('refuses %j, saying the accepted range', (values, message) => {
    expect(errorOf(() => deploy(values)).message).toContain(message)
  })

  it('accepts the ends of each range', () => {
    expect(deploy({ 'poll-interval': '1s', 'wait-timeout': '1m' })).toMatchObject({
      pollIntervalMs: 1000,
      waitTimeoutMs: 60_000,
    })
    expect(deploy({ 'poll-interval': '5m', 'wait-timeout': '24h' })).toMatchObject({
      pollIntervalMs: 300_000,
      waitTimeoutMs: 86_400_000,
    })
  })

  it('lets an emulator on this machine be polled faster', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }
    expect(deploy({ 'poll-interval': '100ms' }, env).pollIntervalMs).toBe(100)
    expect(errorOf(() => deploy({ 'poll-interval': '5ms' }, env)).message).toContain('from 10ms to 5m')
    const remote = { AWS_ENDPOINT_URL: 'https://127.0.0.1.example.com' }
    expect(errorOf(() => deploy({ 'poll-interval': '100ms' }, remote)).message).toContain('from 1s to 5m')
  })

  it("keeps berth hook within CodeDeploy's hook timeout", () => {
    const hook = (deadline: string) =>
      parseHookConfig(flags({ 'deployment-id': 'd-RPCR1U3TW', 'execution-id': 'a', http: 'http://x', deadline }))
    expect(hook('1h').deadlineMs).toBe(3_600_000)
    expect(errorOf(() => hook('1200h')).message).toContain(
      '--deadline: "1200h" is not valid: expected a duration from 1s to 1h (CodeDeploy\'s hook timeout).',
    )
  })
})

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['45s', 45_000],
    ['500ms', 500],
    ['90', 90_000],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))
})

describe('parseHookConfig', () => {
  it('takes an HTTP check', () => {
    const config = parseHookConfig(
      flags({ 'deployment-id': 'd-RPCR1U3TW', 'execution-id': 'abc', http: 'http://127.0.0.1:8080/health' }),
    )
    expect(config.check).toEqual({ kind: 'http', url: 'http://127.0.0.1:8080/health', expectStatus: 200 })
    expect(config.deadlineMs).toBe(300_000)
  })

  it('takes a command after --', () => {
    const config = parseHookConfig(
      flags({ 'deployment-id': 'd-RPCR1U3TW', 'execution-id': 'abc' }, { '--': ['curl', '-f', 'http://x'] }),
    )
    expect(config.check).toEqual({ kind: 'command', argv: ['curl', '-f', 'http://x'] })
  })

  it.each([
    [{ 'execution-id': 'abc', http: 'http://x' }, '--deployment-id is required.'],
    [
      { 'deployment-id': 'd-1', 'execution-id': 'a', http: 'http://x' },
      'expected a CodeDeploy deployment id like d-RPCR1U3TW',
    ],
    [{ 'deployment-id': 'd-RPCR1U3TW', 'execution-id': 'a' }, 'give a check: --http URL, or a command after --.'],
    [{ 'deployment-id': 'd-RPCR1U3TW', 'execution-id': 'a', http: 'ftp://x' }, 'expected an http:// or https:// URL.'],
  ])('rejects %j', (values, message) => {
    expect(errorOf(() => parseHookConfig(flags(values))).message).toContain(message)
  })
})

describe('several services', () => {
  const deploy = (lists: Record<string, string[]>, values: Record<string, string> = {}) =>
    parseConfig(flags({ cluster: 'prod', ...values }, lists))

  it('reads --service repeated, in order, with --max-parallel and --on-failure (default rollback-all)', () => {
    expect(deploy({ service: ['api', 'worker', 'web'] })).toMatchObject({
      service: 'api',
      services: ['api', 'worker', 'web'],
      onFailure: 'rollback-all',
    })
    const config = deploy({ service: ['api', 'worker'] }, { 'max-parallel': '1', 'on-failure': 'leave' })
    expect(config).toMatchObject({ maxParallel: 1, onFailure: 'leave' })
  })

  it('reads one service per line, as the Action input and BERTH_SERVICE give them', () => {
    expect(parseConfig(flags({ cluster: 'prod', service: 'api\n worker \n\nweb\n' })).services).toEqual([
      'api',
      'worker',
      'web',
    ])
  })

  it.each([
    [{ service: ['api', 'api'] }, {}, '--service: service "api" is given twice; give each service once.'],
    [{ service: ['api'] }, { 'max-parallel': '0' }, '--max-parallel: "0" is not valid'],
    [{ service: ['api'] }, { 'on-failure': 'stop' }, 'expected one of rollback-all, leave.'],
  ])('rejects %j %j', (lists, values, message) => {
    expect(errorOf(() => deploy(lists, values)).message).toContain(message)
  })
})
