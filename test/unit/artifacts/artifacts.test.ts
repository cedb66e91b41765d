import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import {
  appSpec,
  appSpecJson,
  appSpecYaml,
  buildArtifacts,
  codeDeployTaskdef,
  imageDefinitions,
  imageDetail,
  javaDateString,
  serializeImageDefinitions,
  serializeImageDetail,
} from '../../../src/artifacts/index.js'
import type { AppSpecInput } from '../../../src/artifacts/index.js'
import { UserError } from '../../../src/errors.js'
import { parseTaskDefinition, render } from '../../../src/taskdef/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/taskdef/${name}`, import.meta.url), 'utf8')
const load = (name: string) => parseTaskDefinition(fixture(name), name).taskDefinition
const WEB = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.5.0'
const OTEL = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.42.0'
const DIGEST = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945'

const rendered = () =>
  render(load('web-fargate.describe.json'), {
    images: [
      { container: 'web', uri: WEB },
      { container: 'otel-collector', uri: OTEL },
    ],
    env: [],
    secrets: [],
  })

describe('imagedefinitions.json', () => {
  it('lists the given containers in task definition order, as the ECS action reads it', () => {
    const definitions = imageDefinitions(rendered(), ['otel-collector', 'web'])
    expect(serializeImageDefinitions(definitions)).toBe(
      '[\n' +
        '  {\n' +
        '    "name": "web",\n' +
        `    "imageUri": "${WEB}"\n` +
        '  },\n' +
        '  {\n' +
        '    "name": "otel-collector",\n' +
        `    "imageUri": "${OTEL}"\n` +
        '  }\n' +
        ']\n',
    )
  })

  it('lists every container when none are given, and only the asked ones otherwise', () => {
    expect(imageDefinitions(rendered()).map((d) => d.name)).toEqual(['web', 'otel-collector'])
    expect(imageDefinitions(rendered(), ['web'])).toEqual([{ name: 'web', imageUri: WEB }])
  })

  it('rejects an unknown container, naming those that exist', () => {
    expect(() => imageDefinitions(rendered(), ['api'])).toThrow(
      new UserError(
        `imagedefinitions.json: no container named "api"; the task definition's containers are "web", "otel-collector".`,
      ),
    )
  })
})

describe('imageDetail.json', () => {
  it('is {"ImageURI": …} by itself', () => {
    expect(serializeImageDetail(imageDetail(WEB))).toBe(`{\n  "ImageURI": "${WEB}"\n}\n`)
  })

  it('carries the fields of the ECR source action, in its order, when ECR details are known', () => {
    const detail = imageDetail(`123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}`, {
      registryId: '123456789012',
      repositoryName: 'web',
      imageDigest: DIGEST,
      imageTags: ['v1.5.0', 'main'],
      imageSizeInBytes: 44728918,
      imagePushedAt: new Date('2019-01-21T20:04:00Z'),
    })
    expect(serializeImageDetail(detail)).toBe(
      '{\n' +
        '  "ImageSizeInBytes": "44728918",\n' +
        `  "ImageDigest": "${DIGEST}",\n` +
        '  "Version": "1.0",\n' +
        '  "ImagePushedAt": "Mon Jan 21 20:04:00 UTC 2019",\n' +
        '  "RegistryId": "123456789012",\n' +
        '  "RepositoryName": "web",\n' +
        `  "ImageURI": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}",\n` +
        '  "ImageTags": [\n' +
        '    "v1.5.0",\n' +
        '    "main"\n' +
        '  ]\n' +
        '}\n',
    )
  })

  it.each([
    ['2024-03-01T09:05:07Z', 'Fri Mar 01 09:05:07 UTC 2024'],
    ['2025-12-31T23:59:59.999Z', 'Wed Dec 31 23:59:59 UTC 2025'],
  ])('writes %s the way Java prints a date: %s', (iso, text) => {
    expect(javaDateString(new Date(iso))).toBe(text)
  })
})

describe('appspec', () => {
  const full: AppSpecInput = {
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:43',
    containerName: 'web',
    containerPort: 8080,
    platformVersion: '1.4.0',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
        securityGroups: ['sg-0123456789abcdef0'],
        assignPublicIp: 'DISABLED',
      },
    },
    hooks: [
      { event: 'AfterAllowTestTraffic', functionName: 'web-smoke-test' },
      { event: 'BeforeInstall', functionName: 'arn:aws:lambda:us-east-1:123456789012:function:web-preflight' },
    ],
  }

  it('writes the YAML CodeDeploy reads, hooks in lifecycle order', () => {
    expect(appSpecYaml(full)).toBe(
      [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties:',
        '        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/web:43',
        '        LoadBalancerInfo:',
        '          ContainerName: "web"',
        '          ContainerPort: 8080',
        '        PlatformVersion: "1.4.0"',
        '        NetworkConfiguration:',
        '          AwsvpcConfiguration:',
        '            Subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]',
        '            SecurityGroups: ["sg-0123456789abcdef0"]',
        '            AssignPublicIp: "DISABLED"',
        'Hooks:',
        '  - BeforeInstall: "arn:aws:lambda:us-east-1:123456789012:function:web-preflight"',
        '  - AfterAllowTestTraffic: "web-smoke-test"',
        '',
      ].join('\n'),
    )
  })

  it('writes the placeholder plain and leaves out what is not given', () => {
    expect(appSpecYaml({ taskDefinition: '<TASK_DEFINITION>', containerName: 'web', containerPort: 80 })).toBe(
      [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties:',
        '        TaskDefinition: <TASK_DEFINITION>',
        '        LoadBalancerInfo:',
        '          ContainerName: "web"',
        '          ContainerPort: 80',
        '',
      ].join('\n'),
    )
  })

  it('is YAML that reads back as the AppSpec object, ContainerPort a number', () => {
    const read = parseYaml(appSpecYaml(full)) as Record<string, unknown>
    expect(read).toEqual(appSpec(full))
    expect(read.version).toBe(0)
  })

  it('writes JSON with version 0.0 that reads back as the AppSpec object', () => {
    const text = appSpecJson({ taskDefinition: '<TASK_DEFINITION>', containerName: 'web', containerPort: 8080 })
    expect(text).toBe(
      '{\n' +
        '  "version": 0.0,\n' +
        '  "Resources": [\n' +
        '    {\n' +
        '      "TargetService": {\n' +
        '        "Type": "AWS::ECS::Service",\n' +
        '        "Properties": {\n' +
        '          "TaskDefinition": "<TASK_DEFINITION>",\n' +
        '          "LoadBalancerInfo": {\n' +
        '            "ContainerName": "web",\n' +
        '            "ContainerPort": 8080\n' +
        '          }\n' +
        '        }\n' +
        '      }\n' +
        '    }\n' +
        '  ]\n' +
        '}\n',
    )
    expect(JSON.parse(appSpecJson(full))).toEqual(appSpec(full))
  })
})

describe('taskdef.json for CodeDeployToECS', () => {
  it('is the registerable definition with image placeholders', () => {
    const text = codeDeployTaskdef(
      {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
        family: 'web',
        containerDefinitions: [
          { name: 'web', image: WEB, essential: true },
          { name: 'otel-collector', image: OTEL, essential: false },
        ],
        revision: 42,
        cpu: '512',
      },
      [{ container: 'web', placeholder: 'IMAGE1_NAME' }],
    )
    expect(text).toBe(
      '{\n' +
        '  "family": "web",\n' +
        '  "containerDefinitions": [\n' +
        '    {\n' +
        '      "name": "web",\n' +
        '      "image": "<IMAGE1_NAME>",\n' +
        '      "essential": true\n' +
        '    },\n' +
        '    {\n' +
        '      "name": "otel-collector",\n' +
        `      "image": "${OTEL}",\n` +
        '      "essential": false\n' +
        '    }\n' +
        '  ],\n' +
        '  "cpu": "512"\n' +
        '}\n',
    )
  })

  it('accepts the placeholder with or without angle brackets, and rejects an unknown container', () => {
    const taskDefinition = load('api-fargate.bare.json')
    const text = codeDeployTaskdef(taskDefinition, [{ container: 'api', placeholder: '<API_IMAGE>' }])
    expect(JSON.parse(text).containerDefinitions[0].image).toBe('<API_IMAGE>')
    expect(() => codeDeployTaskdef(taskDefinition, [{ container: 'web', placeholder: 'IMAGE1_NAME' }])).toThrow(
      UserError,
    )
  })
})

describe('buildArtifacts', () => {
  it('writes the files of each kind, in a fixed order', () => {
    const files = buildArtifacts(['codedeploy', 'imagedetail', 'imagedefinitions'], {
      taskDefinition: rendered(),
      images: [{ container: 'web', uri: WEB }],
      appSpec: { hooks: [{ event: 'BeforeAllowTraffic', functionName: 'web-check' }] },
    })
    expect(files.map((file) => file.name)).toEqual([
      'imagedefinitions.json',
      'imageDetail.json',
      'taskdef.json',
      'appspec.yaml',
    ])
    expect(files[0].content).toBe(`[\n  {\n    "name": "web",\n    "imageUri": "${WEB}"\n  }\n]\n`)
    expect(files[1].content).toBe(`{\n  "ImageURI": "${WEB}"\n}\n`)
    const taskdef = JSON.parse(files[2].content)
    expect(taskdef.containerDefinitions.map((c: { image: string }) => c.image)).toEqual(['<IMAGE1_NAME>', OTEL])
    expect(taskdef).not.toHaveProperty('taskDefinitionArn')
    expect(files[3].content).toContain('        TaskDefinition: <TASK_DEFINITION>\n')
    expect(files[3].content).toContain('          ContainerName: "web"\n          ContainerPort: 8080\n')
    expect(files[3].content).toContain('Hooks:\n  - BeforeAllowTraffic: "web-check"\n')
  })

  it('gives each container its own imageDetail.json when several images change', () => {
    const files = buildArtifacts(['imagedetail', 'codedeploy'], {
      taskDefinition: rendered(),
      images: [
        { container: 'web', uri: WEB },
        { container: 'otel-collector', uri: OTEL },
      ],
    })
    expect(files.map((file) => file.name)).toEqual([
      'imageDetail.json',
      'web/imageDetail.json',
      'otel-collector/imageDetail.json',
      'taskdef.json',
      'appspec.yaml',
    ])
    expect(files[2].content).toBe(`{\n  "ImageURI": "${OTEL}"\n}\n`)
    const images = JSON.parse(files[3].content).containerDefinitions.map((c: { image: string }) => c.image)
    expect(images).toEqual(['<IMAGE1_NAME>', '<IMAGE2_NAME>'])
    expect(files[4].content).not.toContain('Hooks')
  })

  it('uses every container when no image changed', () => {
    const [file] = buildArtifacts(['imagedefinitions'], {
      taskDefinition: load('worker-ec2-bridge.describe.json'),
      images: [],
    })
    expect(JSON.parse(file.content)).toEqual([
      { name: 'worker', imageUri: '210987654321.dkr.ecr.eu-west-1.amazonaws.com/jobs/worker:2024.06.1' },
    ])
  })

  it('takes the AppSpec container and port as given', () => {
    const files = buildArtifacts(['codedeploy'], {
      taskDefinition: rendered(),
      images: [],
      appSpec: { containerName: 'otel-collector', containerPort: 4317 },
    })
    expect(files[1].content).toContain('          ContainerName: "otel-collector"\n          ContainerPort: 4317\n')
  })

  it.each<[string, { containerName?: string; containerPort?: number } | undefined, string]>([
    ['no container has a port', undefined, 'but no container has a portMapping with a containerPort'],
    ['the named container has no port', { containerName: 'api' }, 'but container "api" has no portMapping'],
    ['the named container does not exist', { containerName: 'web' }, 'no container named "web"'],
  ])('names --artifacts codedeploy when %s', (_case, appSpecInput, message) => {
    const taskDefinition = load('api-fargate.bare.json')
    delete (taskDefinition.containerDefinitions as Record<string, unknown>[])[0].portMappings
    const build = () => buildArtifacts(['codedeploy'], { taskDefinition, images: [], appSpec: appSpecInput })
    expect(build).toThrow(UserError)
    expect(build).toThrow(/^--artifacts codedeploy: /)
    expect(build).toThrow(message)
  })

  it('refuses more images than CodeDeployToECS takes', () => {
    const taskDefinition = load('api-fargate.bare.json')
    const [api] = taskDefinition.containerDefinitions as Record<string, unknown>[]
    const names = ['api', 'a1', 'a2', 'a3', 'a4']
    taskDefinition.containerDefinitions = names.map((name) => ({ ...api, name }))
    const images = names.map((container) => ({ container, uri: 'nginx:1.27' }))
    expect(() => buildArtifacts(['codedeploy'], { taskDefinition, images })).toThrow(
      'CodeDeployToECS fills in at most 4 images (Image1 to Image4), but 5 containers get a new image: api, a1, a2, a3, a4.',
    )
  })
})
