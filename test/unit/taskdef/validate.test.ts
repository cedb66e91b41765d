import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  describeProblem,
  hasErrors,
  parseImageReference,
  parseTaskDefinition,
  render,
  validate,
} from '../../../src/taskdef/index.js'
import type { Problem, RenderEdits, TaskDefinitionJson } from '../../../src/taskdef/index.js'
import { credentialKind } from '../../../src/taskdef/credentials.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name).taskDefinition
const noEdits: RenderEdits = { images: [], env: [], secrets: [] }
const DIGEST = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945'

type Container = Record<string, unknown>
const containers = (taskDefinition: TaskDefinitionJson) => taskDefinition.containerDefinitions as Container[]

/** A fixture with one change applied, the way a user would have written it. */
function variant(name: string, change: (taskDefinition: TaskDefinitionJson) => void): TaskDefinitionJson {
  const taskDefinition = load(name)
  change(taskDefinition)
  return taskDefinition
}

const only = (problems: Problem[], field: string) => problems.filter((problem) => problem.field === field)

describe('validate: real definitions are clean', () => {
  it.each([
    'web-fargate.describe.json',
    'web-fargate.register.json',
    'worker-ec2-bridge.describe.json',
    'api-fargate.bare.json',
  ])('%s has no problems', (name) => {
    expect(validate(load(name), noEdits)).toEqual([])
  })

  it('accepts the edits of a typical deploy', () => {
    const edits: RenderEdits = {
      images: [{ container: 'web', uri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}` }],
      env: [{ container: 'web', name: 'LOG_LEVEL', value: 'debug' }],
      secrets: [{ container: 'otel-collector', name: 'OTLP_AUTH', valueFrom: 'otlp_auth_header' }],
    }
    expect(validate(render(load('web-fargate.describe.json'), edits), edits)).toEqual([])
  })
})

describe('validate: every rule, with a real input', () => {
  const invalid = load('invalid-fargate.json')
  const all = validate(invalid, noEdits)

  it.each<[string, Partial<Problem>, string]>([
    [
      'duplicate container names',
      { severity: 'error', container: 'app', field: 'name' },
      'two containers are named "app"',
    ],
    [
      'Fargate without awsvpc',
      { severity: 'error', field: 'networkMode', path: ['networkMode'] },
      'Fargate needs networkMode awsvpc; this task definition has networkMode bridge.',
    ],
    [
      'a cpu/memory pair Fargate does not offer',
      { severity: 'error', field: 'memory', path: ['memory'] },
      'Fargate offers no cpu 256 with memory 4096: cpu 256 accepts memory 512, 1024, 2048.',
    ],
    [':latest image', { severity: 'warning', container: 'app', field: 'image' }, 'nginx:latest uses the :latest tag'],
    [
      'untagged image',
      { severity: 'warning', container: 'app', field: 'image', path: ['containerDefinitions', 1, 'image'] },
      'checkout-worker has no tag, so ECS pulls :latest',
    ],
    [
      'ECR registry host',
      { severity: 'error', container: 'proxy', field: 'image' },
      'an ECR registry is ACCOUNT.dkr.ecr.REGION.amazonaws.com with a 12-digit account',
    ],
    [
      'malformed digest',
      { severity: 'error', container: 'metrics', field: 'image' },
      "the digest after '@' must be sha256:",
    ],
    [
      'upper-case repository',
      { severity: 'error', container: 'shell', field: 'image' },
      'a repository name is lower-case',
    ],
    [
      'duplicate environment names',
      {
        severity: 'error',
        container: 'app',
        field: 'environment',
        path: ['containerDefinitions', 0, 'environment', 4],
      },
      'LOG_LEVEL is set twice',
    ],
    [
      'a name in both environment and secrets',
      { severity: 'error', container: 'app', field: 'secrets', path: ['containerDefinitions', 0, 'secrets', 0] },
      'LOG_LEVEL is both an environment variable and a secret',
    ],
    [
      'a valueFrom ARN of another service',
      {
        severity: 'error',
        container: 'app',
        field: 'secrets',
        path: ['containerDefinitions', 0, 'secrets', 1, 'valueFrom'],
      },
      'the valueFrom of PAYMENT_TOKEN is an ARN of neither an SSM parameter nor a Secrets Manager secret (service "s3")',
    ],
    [
      'a relative parameter path',
      { severity: 'error', container: 'app', field: 'secrets' },
      'the valueFrom of SIGNING_KEY is a parameter path that does not start with /',
    ],
    [
      'a secret by its name',
      {
        severity: 'warning',
        container: 'app',
        field: 'environment',
        path: ['containerDefinitions', 0, 'environment', 1],
      },
      'the value of DB_PASSWORD looks like a secret, judging by its name; move it to "secrets"',
    ],
    [
      'an AWS access key id',
      { severity: 'warning', container: 'app', field: 'environment' },
      'the value of AWS_ACCESS_KEY_ID looks like an AWS access key id',
    ],
    [
      'a URL with a password',
      { severity: 'warning', container: 'app', field: 'environment' },
      'the value of DATABASE_URL looks like a URL with a password',
    ],
  ])('reports %s', (_rule, expected, message) => {
    const match = all.filter((problem) => problem.message.includes(message))
    expect(match).toHaveLength(1)
    expect(match[0]).toMatchObject(expected)
  })

  it('reports all of them at once and nothing else', () => {
    expect(all.map((problem) => `${problem.severity} ${problem.container ?? '-'} ${problem.field}`)).toEqual([
      'error app name',
      'error - networkMode',
      'error - memory',
      'warning app image',
      'warning app environment',
      'warning app environment',
      'warning app environment',
      'error app environment',
      'error app secrets',
      'error app secrets',
      'error app secrets',
      'warning app image',
      'error proxy image',
      'error metrics image',
      'error shell image',
    ])
    expect(hasErrors(all)).toBe(true)
  })

  it('never puts the value of a credential-like variable in a message', () => {
    const values = ['hunter2-Correct-Horse', 'AKIAIOSFODNN7EXAMPLE', 'pw-4f9a2c', 'postgres://app']
    for (const problem of all) {
      for (const value of values) expect(describeProblem(problem)).not.toContain(value)
    }
  })

  it('lists the containers that exist for an edit of an unknown container', () => {
    const edits: RenderEdits = {
      images: [{ container: 'api', uri: 'nginx:1.27' }],
      env: [{ container: 'sidecar', name: 'A', value: '1' }],
      secrets: [{ container: 'Web', name: 'B', valueFrom: '/b' }],
    }
    const problems = validate(render(load('web-fargate.describe.json'), edits), edits)
    expect(problems.map(describeProblem)).toEqual([
      'error: container "api" image: no container named "api" to set the image of (--image); ' +
        `the task definition's containers are "web", "otel-collector".`,
      'error: container "sidecar" environment: no container named "sidecar" to set environment variable A in (--env); ' +
        `the task definition's containers are "web", "otel-collector".`,
      'error: container "Web" secrets: no container named "Web" to set secret B in (--secret); ' +
        `the task definition's containers are "web", "otel-collector".`,
    ])
  })

  it('rejects a name given both as --env and --secret, and two images for one container', () => {
    const edits: RenderEdits = {
      images: [
        { container: 'web', uri: 'nginx:1.27' },
        { container: 'web', uri: 'nginx:1.28' },
      ],
      env: [{ container: 'web', name: 'TOKEN_TTL', value: '3600' }],
      secrets: [{ container: 'web', name: 'TOKEN_TTL', valueFrom: '/prod/ttl' }],
    }
    const problems = validate(render(load('web-fargate.describe.json'), edits), edits)
    expect(problems.map(describeProblem)).toEqual([
      'error: container "web" image: two images are given for this container (nginx:1.27 and nginx:1.28); give one.',
      'error: container "web" secrets: TOKEN_TTL is given both as an environment variable and as a secret; ' +
        'ECS takes a name in one of them only.',
    ])
  })

  it('warns about a credential passed with --env, without showing it', () => {
    const token = ['ghp', 'R4nd0mT0k3nV4lu3F0rT3st1ngOnly12345678'].join('_')
    const edits: RenderEdits = { ...noEdits, env: [{ container: 'web', name: 'GH_AUTH', value: token }] }
    const problems = validate(render(load('web-fargate.describe.json'), edits), edits)
    expect(problems).toEqual([
      {
        severity: 'warning',
        container: 'web',
        field: 'environment',
        path: ['containerDefinitions', 0, 'environment', 3],
        message:
          'the value of GH_AUTH looks like a GitHub token; move it to "secrets" (Secrets Manager or SSM Parameter ' +
          'Store) so that it stays out of the task definition and its logs.',
      },
    ])
    expect(JSON.stringify(problems)).not.toContain(token)
  })

  it('requires an essential container (essential defaults to true)', () => {
    const none = variant('web-fargate.describe.json', (td) => containers(td).forEach((c) => (c.essential = false)))
    expect(only(validate(none), 'essential')).toEqual([
      {
        severity: 'error',
        field: 'essential',
        path: ['essential'],
        message: 'no container is essential; at least one must be (essential defaults to true when omitted).',
      },
    ])
    const omitted = variant('web-fargate.describe.json', (td) => {
      delete containers(td)[0].essential
      containers(td)[1].essential = false
    })
    expect(only(validate(omitted), 'essential')).toEqual([])
  })

  it('allows at most 10 containers', () => {
    const eleven = variant('api-fargate.bare.json', (td) => {
      const [api] = containers(td)
      for (let i = 1; i <= 10; i++) containers(td).push({ ...api, name: `api-${i}`, essential: false })
    })
    expect(only(validate(eleven), 'containerDefinitions').map((p) => p.message)).toEqual([
      'a task definition holds at most 10 containers, this one has 11.',
    ])
  })

  it('requires task cpu and memory on Fargate', () => {
    const missing = variant('api-fargate.bare.json', (td) => {
      delete td.cpu
      delete td.memory
    })
    expect(validate(missing).map(describeProblem)).toEqual([
      'error: cpu: Fargate needs a task cpu: one of 256, 512, 1024, 2048, 4096, 8192, 16384.',
      'error: memory: Fargate needs a task memory in MiB, e.g. 512, 1024 or 2048.',
    ])
  })

  it.each([
    ['256', '512', undefined],
    ['256', '3072', 'cpu 256 accepts memory 512, 1024, 2048.'],
    ['512', '5120', 'cpu 512 accepts memory 1024, 2048, 3072, 4096.'],
    ['1024', '9216', 'cpu 1024 accepts memory 2048-8192 in steps of 1024.'],
    ['4096', '30720', undefined],
    ['8192', '18432', 'cpu 8192 accepts memory 16384-61440 in steps of 4096.'],
    ['16384', '40960', undefined],
    ['1 vCPU', '2GB', undefined],
    ['300', '1024', 'Fargate offers no cpu 300; it accepts cpu 256, 512, 1024, 2048, 4096, 8192, 16384.'],
  ])('Fargate cpu %s with memory %s', (cpu, memory, message) => {
    const sized = variant('api-fargate.bare.json', (td) => Object.assign(td, { cpu, memory }))
    const problems = validate(sized)
    if (message === undefined) expect(problems).toEqual([])
    else expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(message)])
  })

  it('knows Windows on Fargate needs cpu 1024 or more', () => {
    const windows = variant('api-fargate.bare.json', (td) => {
      Object.assign(td, { cpu: '512', memory: '2048' })
      td.runtimePlatform = { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }
    })
    expect(validate(windows).map((p) => p.message)).toEqual(['Windows on Fargate needs cpu 1024 or more, not 512.'])
  })

  it('does not apply Fargate rules to an EC2 definition without task cpu/memory', () => {
    expect(validate(load('worker-ec2-bridge.describe.json'))).toEqual([])
  })

  it('checks family and container names', () => {
    const bad = variant('worker-ec2-bridge.describe.json', (td) => {
      td.family = 'jobs worker'
      containers(td)[0].name = 'worker.main'
    })
    expect(validate(bad).map(describeProblem)).toEqual([
      'error: family: "jobs worker" is not a valid family: 1-255 letters, digits, hyphens and underscores.',
      'error: container "worker.main" name: "worker.main" is not a valid container name: 1-255 letters, digits, ' +
        'hyphens and underscores.',
    ])
  })

  it('checks log driver secretOptions like secrets', () => {
    const splunk = variant('worker-ec2-bridge.describe.json', (td) => {
      containers(td)[0].logConfiguration = {
        logDriver: 'splunk',
        options: { 'splunk-url': 'https://splunk.example.com:8088' },
        secretOptions: [
          { name: 'splunk-token', valueFrom: 'arn:aws:secretsmanager:eu-west-1:210987654321:secret:splunk-Ab12Cd' },
          { name: 'splunk-ca', valueFrom: 'arn:aws:kms:eu-west-1:210987654321:key/1234' },
        ],
      }
    })
    expect(validate(splunk)).toEqual([
      expect.objectContaining({
        field: 'logConfiguration.secretOptions',
        path: ['containerDefinitions', 0, 'logConfiguration', 'secretOptions', 1, 'valueFrom'],
      }),
    ])
  })
})

describe('secret valueFrom forms', () => {
  const withSecret = (valueFrom: string) =>
    variant('worker-ec2-bridge.describe.json', (td) => (containers(td)[0].secrets = [{ name: 'S', valueFrom }]))
  it.each([
    ['arn:aws:ssm:eu-west-1:210987654321:parameter/prod/worker/redis-url', true],
    ['arn:aws-us-gov:ssm:us-gov-west-1:210987654321:parameter/db_password', true],
    ['arn:aws:secretsmanager:eu-west-1:210987654321:secret:prod/db-AbCdEf', true],
    ['arn:aws:secretsmanager:eu-west-1:210987654321:secret:prod/db-AbCdEf:password::', true],
    ['arn:aws:secretsmanager:eu-west-1:210987654321:secret:prod/db-AbCdEf:password:AWSCURRENT:', true],
    ['/prod/db/password', true],
    ['db_password', true],
    ['/aws/reference/secretsmanager/prod-db', true],
    ['prod/db/password', false],
    ['arn:aws:s3:::bucket/key', false],
    ['arn:aws:ssm:eu-west-1:210987654321:document/x', false],
    ['arn:aws:secretsmanager:eu-west-1:2109:secret:x', false],
    ['my password', false],
    ['', false],
  ])('%j accepted: %s', (valueFrom, accepted) => {
    expect(validate(withSecret(valueFrom)).length === 0).toBe(accepted)
  })
})

describe('parseImageReference', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27-alpine', { repository: 'nginx', tag: '1.27-alpine' }],
    ['library/nginx:1.27', { repository: 'library/nginx', tag: '1.27' }],
    ['localhost:5000/app:dev', { registry: 'localhost:5000', repository: 'app', tag: 'dev' }],
    ['ghcr.io/org/app:sha-4f53cda', { registry: 'ghcr.io', repository: 'org/app', tag: 'sha-4f53cda' }],
    [
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app@${DIGEST}`,
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'team/app', digest: DIGEST },
    ],
    [
      `123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:v1@${DIGEST}`,
      {
        registry: '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
        repository: 'app',
        tag: 'v1',
        digest: DIGEST,
      },
    ],
    [
      'registry.example.com:8443/a__b/c-d.e:V_1',
      { registry: 'registry.example.com:8443', repository: 'a__b/c-d.e', tag: 'V_1' },
    ],
  ])('reads %s', (uri, image) => {
    expect(parseImageReference(uri)).toEqual({ ok: true, image })
  })

  it.each([
    ['', 'the image is empty'],
    ['nginx 1.27', 'no spaces'],
    [`${'a'.repeat(250)}:12345`, 'at most 255 characters, this one has 256'],
    ['nginx:', 'a tag is'],
    ['nginx:-rc', 'a tag is'],
    ['nginx@sha256:abc', "the digest after '@'"],
    ['nginx@sha256:' + 'A'.repeat(64), "the digest after '@'"],
    ['a@b@c', "at most one '@'"],
    ['Nginx:1', 'a repository name is lower-case'],
    ['my_-app:1', 'a repository name is lower-case'],
    ['registry..example.com/app:1', 'is not a valid host name'],
    ['host:port:1/app', 'must be HOST or HOST:PORT'],
    ['1234.dkr.ecr.us-east-1.amazonaws.com/app:1', 'an ECR registry is'],
  ])('rejects %j: %s', (uri, reason) => {
    const parsed = parseImageReference(uri)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toContain(reason)
  })
})

describe('credentialKind', () => {
  const join = (...parts: string[]) => parts.join('')
  it.each([
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    ['CREDS', join('ASIA', 'ZXCVBNMASDFGHJKL'), 'an AWS access key id'],
    ['TLS_KEY', join('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEpAIBAAKCAQEA'), 'a private key'],
    ['GH', join('ghp_', 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6'), 'a GitHub token'],
    ['GH', join('github_pat_', '11ABCDEFG0123456789_abcdefghij'), 'a GitHub token'],
    ['SLACK', join('xoxb-', '1234567890-abcdefghijkl'), 'a Slack token'],
    [
      'SESSION',
      join('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N'),
      'a JSON Web Token',
    ],
    ['DSN', 'mysql://root:changeme@db:3306/app', 'a URL with a password'],
    ['OPTS', 'host=db password=s3cr3tvalue', 'a password assignment'],
    ['UPSTREAM', 'q8Zr2LmX7vTn4KpW9sYb3JcH6dFgA1eU5oRiE0', 'a long random token'],
    ['DB_PASSWORD', 'hunter2', 'a secret, judging by its name'],
    ['stripe_api_key', 'abc', 'a secret, judging by its name'],
    ['GIT_COMMIT', '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d', undefined],
    ['REQUEST_ID', '8d3e4c4e-5b8e-4f0a-9a7e-0c6f2f4b9e21', undefined],
    ['DB_PASSWORD', '', undefined],
    ['DB_PASSWORD_FILE', '/run/secrets/db', undefined],
    ['SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x', undefined],
    ['TOKEN_TTL', '3600', undefined],
    ['API_KEY_HEADER', 'X-Api-Key', undefined],
    ['REQUIRE_TOKEN', 'true', undefined],
    ['QUEUE_URL', 'https://sqs.eu-west-1.amazonaws.com/210987654321/jobs', undefined],
    ['LOG_LEVEL', 'info', undefined],
  ])('%s=… is %s', (name, value, kind) => {
    expect(credentialKind(name, value)).toBe(kind)
  })
})
