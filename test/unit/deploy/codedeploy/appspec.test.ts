import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { parse } from 'yaml'
import {
  appSpecContent,
  appSpecTemplate,
  loadBalancerTarget,
  mergeHooks,
  parseAppSpec,
} from '../../../../src/deploy/codedeploy/appspec.js'
import { UserError } from '../../../../src/errors.js'

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7'
const TARGET = { containerName: 'web', containerPort: 8080 }

describe('loadBalancerTarget', () => {
  it('takes the container and port of the service load balancer', () => {
    const service = {
      serviceName: 'web',
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 8080 }],
    }
    expect(loadBalancerTarget(service)).toEqual(TARGET)
  })

  it('is a UserError for a service without one', () => {
    expect(() => loadBalancerTarget({ serviceName: 'web', loadBalancers: [] })).toThrow(UserError)
  })
})

describe('appSpecTemplate + appSpecContent', () => {
  it('writes the AppSpec with the ARN, the load balancer target and hooks in lifecycle order', () => {
    const template = appSpecTemplate(TARGET, [
      { event: 'AfterAllowTraffic', functionName: 'after' },
      { event: 'BeforeInstall', functionName: 'before' },
    ])
    const { content, sha256 } = appSpecContent(template, ARN)
    expect(content).toMatch(/^version: 0\.0$/m)
    expect(parse(content)).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: ARN, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 } },
          },
        },
      ],
      Hooks: [{ BeforeInstall: 'before' }, { AfterAllowTraffic: 'after' }],
    })
    expect(sha256).toBe(createHash('sha256').update(content).digest('hex'))
  })
})

describe('parseAppSpec', () => {
  const file = [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    '        TaskDefinition: <TASK_DEFINITION>',
    '        PlatformVersion: "1.4.0"',
    'Hooks:',
    '  - BeforeInstall: from-file',
    '  - AfterAllowTestTraffic: smoke',
  ].join('\n')

  it('replaces the task definition, fills the load balancer from the service and lets --hook win', () => {
    const template = parseAppSpec(file, 'appspec.yaml', TARGET, [{ event: 'BeforeInstall', functionName: 'from-flag' }])
    expect(template.hooks).toEqual([
      { event: 'BeforeInstall', functionName: 'from-flag' },
      { event: 'AfterAllowTestTraffic', functionName: 'smoke' },
    ])
    const value = parse(appSpecContent(template, ARN).content)
    expect(value.Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: ARN,
      PlatformVersion: '1.4.0',
      LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 },
    })
  })

  it('reads JSON too and keeps its LoadBalancerInfo', () => {
    const json = JSON.stringify({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: 'x', LoadBalancerInfo: { ContainerName: 'api', ContainerPort: 80 } },
          },
        },
      ],
    })
    expect(parseAppSpec(json, 'appspec.json', TARGET, []).target).toEqual({ containerName: 'api', containerPort: 80 })
  })

  it.each([
    ['version: 0.0\nResources: [\n', /appspec.yaml:\d+: not valid YAML or JSON/],
    ['version: 0.0\nResources: []\n', /appspec.yaml:2: Resources must list one TargetService/],
    [
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::Lambda::Function\n',
      /appspec.yaml:4: TargetService needs Type: AWS::ECS::Service/,
    ],
    [
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\nHooks:\n  - Install: fn\n',
      /appspec.yaml:6: "Install" is not a hookable lifecycle event/,
    ],
    [
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: http\n',
      /appspec.yaml:7: LoadBalancerInfo ContainerPort must be a port number/,
    ],
  ])('names the file and line of a mistake: %j', (text, message) => {
    expect(() => parseAppSpec(text, 'appspec.yaml', TARGET, [])).toThrow(message)
  })
})

describe('mergeHooks', () => {
  it('keeps one hook per event, the flag winning, in lifecycle order', () => {
    expect(
      mergeHooks(
        [
          { event: 'AfterInstall', functionName: 'a' },
          { event: 'BeforeInstall', functionName: 'b' },
        ],
        [{ event: 'AfterInstall', functionName: 'c' }],
      ),
    ).toEqual([
      { event: 'BeforeInstall', functionName: 'b' },
      { event: 'AfterInstall', functionName: 'c' },
    ])
  })
})
