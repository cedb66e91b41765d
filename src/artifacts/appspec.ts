import type { NetworkConfiguration } from '@aws-sdk/client-ecs'
import { Document, Scalar, isScalar, isSeq, visit } from 'yaml'
import { HOOK_EVENTS, type HookBinding, type HookEvent } from './hooks.js'
import { UserError } from '../errors.js'
import { clean } from '../taskdef/clean.js'
import { containerName, containersOf } from '../taskdef/types.js'
import type { TaskDefinitionJson } from '../taskdef/types.js'

/** The placeholder CodePipeline's CodeDeployToECS action replaces with the task definition ARN it registers. */
export const TASK_DEFINITION_PLACEHOLDER = '<TASK_DEFINITION>'
export const APPSPEC_FILE = 'appspec.yaml'
export const TASKDEF_FILE = 'taskdef.json'

export interface AppSpecInput {
  /** A task definition ARN, or `<TASK_DEFINITION>` for CodePipeline to fill in. */
  taskDefinition: string
  containerName: string
  containerPort: number
  hooks?: readonly HookBinding[]
  platformVersion?: string
  networkConfiguration?: NetworkConfiguration
}

export interface AppSpec {
  version: 0
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service'
        Properties: {
          TaskDefinition: string
          LoadBalancerInfo: { ContainerName: string; ContainerPort: number }
          PlatformVersion?: string
          NetworkConfiguration?: {
            AwsvpcConfiguration: { Subnets: string[]; SecurityGroups?: string[]; AssignPublicIp?: string }
          }
        }
      }
    },
  ]
  Hooks?: Partial<Record<HookEvent, string>>[]
}

/** The AppSpec of an ECS deployment (version 0.0): one target service, hooks in lifecycle order. */
export function appSpec(input: AppSpecInput): AppSpec {
  const network = input.networkConfiguration?.awsvpcConfiguration
  const hooks = [...(input.hooks ?? [])].sort((a, b) => HOOK_EVENTS.indexOf(a.event) - HOOK_EVENTS.indexOf(b.event))
  return {
    version: 0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: input.taskDefinition,
            LoadBalancerInfo: { ContainerName: input.containerName, ContainerPort: input.containerPort },
            ...(input.platformVersion !== undefined ? { PlatformVersion: input.platformVersion } : {}),
            ...(network
              ? {
                  NetworkConfiguration: {
                    AwsvpcConfiguration: {
                      Subnets: [...(network.subnets ?? [])],
                      ...(network.securityGroups ? { SecurityGroups: [...network.securityGroups] } : {}),
                      ...(network.assignPublicIp ? { AssignPublicIp: network.assignPublicIp } : {}),
                    },
                  },
                }
              : {}),
          },
        },
      },
    ],
    ...(hooks.length > 0 ? { Hooks: hooks.map((hook) => ({ [hook.event]: hook.functionName })) } : {}),
  }
}

/** The AppSpec as JSON, e.g. for CreateDeployment's `appSpecContent`; `version` is written `0.0` as AWS documents. */
export function appSpecJson(input: AppSpecInput): string {
  const { version: _version, ...rest } = appSpec(input)
  return `{\n  "version": 0.0,\n${JSON.stringify(rest, null, 2).slice(2)}\n`
}

/** The AppSpec as YAML, in the layout of AWS's ECS samples: ids in flow lists, strings quoted but the ARN. */
export function appSpecYaml(input: AppSpecInput): string {
  const doc = appSpecDocument(appSpec(input))
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return
      const key = String(pair.key.value)
      if (isSeq(pair.value) && FLOW_LISTS.has(key)) {
        pair.value.flow = true
        for (const item of pair.value.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE
      }
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && !isPlain(key, pair.value.value)) {
        pair.value.type = Scalar.QUOTE_DOUBLE
      }
    },
  })
  return appSpecString(doc)
}

/** An AppSpec as a YAML document whose integer `version` is written `0.0`, as the AppSpec documents show it. */
export function appSpecDocument(value: object): Document {
  const doc = new Document(value)
  const version = doc.get('version', true)
  if (isScalar(version) && typeof version.value === 'number' && Number.isInteger(version.value)) {
    version.minFractionDigits = 1
  }
  return doc
}

export function appSpecString(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

const FLOW_LISTS = new Set(['Subnets', 'SecurityGroups'])

/** The resource type, and the task definition ARN or placeholder that CodePipeline's text replacement finds. */
function isPlain(key: string, value: string): boolean {
  if (key === 'Type') return true
  return key === 'TaskDefinition' && /^(?:<TASK_DEFINITION>|arn:[A-Za-z0-9:/_.-]+)$/.test(value)
}

/** A container whose image CodePipeline fills in, and the name in `<…>` that its `ImageNContainerName` gives. */
export interface ImagePlaceholder {
  container: string
  placeholder: string
}

/**
 * `taskdef.json` for the CodeDeployToECS action: the cleaned task definition with `"image": "<IMAGE1_NAME>"`
 * for each placeholder container.
 */
export function codeDeployTaskdef(
  taskDefinition: TaskDefinitionJson,
  placeholders: readonly ImagePlaceholder[],
): string {
  const result = clean(taskDefinition)
  const containers = containersOf(result)
  for (const { container, placeholder } of placeholders) {
    const match = containers.find((entry) => containerName(entry.container) === container)
    if (!match) {
      throw new UserError(
        `taskdef.json: no container named "${container}" for the image placeholder <${bare(placeholder)}>.`,
      )
    }
    match.container.image = `<${bare(placeholder)}>`
  }
  return JSON.stringify(result, null, 2) + '\n'
}

function bare(placeholder: string): string {
  return placeholder.replace(/^<(.*)>$/, '$1')
}
