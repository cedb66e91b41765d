import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { SimInputError } from '../../src/sim/core/errors.js'
import { loadScenario, parseScenario } from '../../src/sim/scenario/reader.js'
import { startTestSim, type TestSim } from '../helpers/sim.js'

function errorOf(fn: () => unknown): SimInputError {
  try {
    fn()
  } catch (error) {
    return error as SimInputError
  }
  throw new Error('expected an error')
}

describe('scenario files', () => {
  it('fills defaults', () => {
    const scenario = parseScenario('{}', 'empty.json')
    expect(scenario).toMatchObject({
      region: 'us-east-1',
      account: '123456789012',
      faults: { throttleRate: 0, errorRate: 0, lostResponses: {}, stalls: {} },
      timing: { healthCheckSeconds: 10, deregistrationDelaySeconds: 300, stopSeconds: 5, settleSeconds: 30 },
      clusters: [],
      ecr: { repositories: [] },
    })
  })

  it('normalizes image behaviours', () => {
    const scenario = parseScenario(
      [
        'ecr:',
        '  repositories:',
        '    - name: api',
        '      images:',
        '        - tag: v1',
        '        - tag: v2',
        '          behavior: { crash: { exitCode: 3, afterSeconds: 5, logs: ["boom"] } }',
        '        - tag: v3',
        '          behavior: { oom: { afterSeconds: 9 } }',
        'images:',
        '  "public.ecr.aws/nginx/nginx:1.27": { healthy: { startSeconds: 30 } }',
      ].join('\n'),
      'b.yaml',
    )
    const [v1, v2, v3] = scenario.ecr.repositories[0].images.map((i) => i.behavior)
    expect(v1).toEqual({ kind: 'healthy', startSeconds: 10, afterSeconds: 0, exitCode: 0, logs: [] })
    expect(v2).toEqual({ kind: 'crash', startSeconds: 10, afterSeconds: 5, exitCode: 3, logs: ['boom'] })
    expect(v3).toMatchObject({ kind: 'oom', exitCode: 137, afterSeconds: 9 })
    expect(scenario.images['public.ecr.aws/nginx/nginx:1.27']).toMatchObject({ kind: 'healthy', startSeconds: 30 })
  })

  it.each([
    [
      'clusters:\n  - name: prod\n    services:\n      - name: web\n        desiredCount: three\n',
      5,
      'clusters[0].services[0].desiredCount must be an integer >= 0, got "three"',
    ],
    ['regoin: us-east-1\n', 1, 'regoin unknown key; accepted keys here: region, account'],
    [
      'ecr:\n  repositories:\n    - name: api\n      images:\n        - tag: v1\n          behavior: exploding\n',
      6,
      'behavior unknown behavior "exploding"',
    ],
    ['faults:\n  throttleRate: 2\n', 2, 'faults.throttleRate must be a fraction between 0 and 1, got 2'],
    [
      'images:\n  "nginx:1": { crash: { exitCode: -1 } }\n',
      2,
      'images["nginx:1"].crash.exitCode must be an integer >= 0, got -1',
    ],
    [
      'images:\n  "job:1": { exit: { code: 256 } }\n',
      2,
      'images["job:1"].exit.code must be an exit code from 0 to 255, got 256',
    ],
    [
      'images:\n  "job:1": { exit: { exitCode: 3 } }\n',
      2,
      'images["job:1"].exit.exitCode unknown key; accepted keys here: startSeconds, afterSeconds, code, logs',
    ],
    [
      'ecr:\n  repositories:\n    - name: api\n      images:\n        - tag: v1\n          commands:\n            migrate: exploding\n',
      7,
      'commands.migrate unknown behavior "exploding"',
    ],
    ['clusters: [\n', 2, 'not valid YAML or JSON'],
  ])('names the file, line and key of a mistake (%#)', (text, line, message) => {
    const error = errorOf(() => parseScenario(text, 'bad.yaml'))
    expect(error).toBeInstanceOf(SimInputError)
    expect(error.message).toContain(`bad.yaml:${line}: `)
    expect(error.message).toContain(message)
    expect(error.location).toMatchObject({ file: 'bad.yaml', line })
  })

  it('reports a missing file as a SimInputError naming --scenario', () => {
    const error = errorOf(() => loadScenario('does/not/exist.yaml'))
    expect(error).toBeInstanceOf(SimInputError)
    expect(error.message).toMatch(/^--scenario: cannot read does\/not\/exist\.yaml/)
  })

  it('rejects a scenario whose task definition ECS would reject, naming it', async () => {
    await expect(
      startTestSim({
        taskDefinitions: [
          {
            family: 'x',
            requiresCompatibilities: ['FARGATE'],
            networkMode: 'awsvpc',
            cpu: '256',
            memory: '4096',
            containerDefinitions: [{ name: 'a', image: 'busybox' }],
          },
        ],
      }),
    ).rejects.toThrow(
      'scenario: taskDefinitions[0]: ClientException: No Fargate configuration exists for given values: 256 CPU, 4096 memory.',
    )
  })
})

describe('mistakes found when the world is built', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-scenario-'))
  const file = (name: string, text: string): string => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const TASK_DEFINITION = [
    'taskDefinitions:',
    '  - family: web',
    '    containerDefinitions:',
    '      - { name: web, image: "nginx:1", memory: 128 }',
  ]

  it('names an unknown task definition a service refers to, with its line and what is registered', () => {
    const text = [
      ...TASK_DEFINITION,
      'clusters:',
      '  - name: prod',
      '    services:',
      '      - name: web',
      '        taskDefinition: wbe:1',
    ].join('\n')
    const error = errorOf(() => parseScenario(text, 'typo.yaml'))
    expect(error).toBeInstanceOf(SimInputError)
    expect(error.message).toBe(
      'typo.yaml:9: clusters[0].services[0].taskDefinition names task definition wbe:1, which the scenario does not ' +
        'register (its taskDefinitions register web:1)',
    )
    expect(errorOf(() => parseScenario(text.replace('wbe:1', 'web:2'), 'typo.yaml')).message).toContain(
      'names task definition web:2',
    )
    expect(parseScenario(text.replace('wbe:1', 'web'), 'ok.yaml').clusters[0].services[0].taskDefinition).toBe('web')
  })

  it('points at the line of what the emulated service refused', async () => {
    const path = file(
      'refused.yaml',
      [
        'taskDefinitions:',
        '  - family: web',
        '    requiresCompatibilities: [FARGATE]',
        '    networkMode: awsvpc',
        '    cpu: "256"',
        '    memory: "4096"',
        '    containerDefinitions: [{ name: web, image: "nginx:1" }]',
      ].join('\n'),
    )
    await expect(startTestSim(path)).rejects.toMatchObject({
      name: 'SimInputError',
      message: `${path}:2: taskDefinitions[0]: ClientException: No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.`,
      location: { file: path, line: 2 },
    })
  })

  it('points at the line of a deployment group whose service is not in the scenario', async () => {
    const path = file(
      'group.yaml',
      [
        ...TASK_DEFINITION,
        'codedeploy:',
        '  applications:',
        '    - name: app',
        '      deploymentGroups:',
        '        - name: dg',
        '          service: prod/ghost',
      ].join('\n'),
    )
    await expect(startTestSim(path)).rejects.toThrow(
      `${path}:10: codedeploy.applications[0].deploymentGroups[0].service: service prod/ghost is not in the scenario's clusters`,
    )
  })

  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\n  \n'],
    ['only comments', '# a scenario\n# to be written\n'],
  ])('refuses %s, saying the scenario is empty', (_name, text) => {
    const error = errorOf(() => loadScenario(file('empty.yaml', text)))
    expect(error).toBeInstanceOf(SimInputError)
    expect(error.message).toBe(
      `${join(dir, 'empty.yaml')}: the scenario is empty; describe the world to serve (see docs/sim-scenario.md), or write {} for an empty one.`,
    )
  })
})

describe('the demo scenario', () => {
  let sim: TestSim
  afterAll(async () => sim?.close())

  it('loads and serves its services steady', async () => {
    sim = await startTestSim('workflows-examples/sim/demo.yaml')
    const out = await sim.ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web', 'worker', 'api'] }))
    expect(out.failures).toEqual([])
    expect(out.services!.map((s) => [s.serviceName, s.runningCount, s.deploymentController?.type])).toEqual([
      ['web', 3, 'ECS'],
      ['worker', 2, 'ECS'],
      ['api', 2, 'CODE_DEPLOY'],
    ])
    expect(out.services![0].deploymentConfiguration!.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true })
  })
})
