import { createHash } from 'node:crypto'
import { parse } from 'yaml'
import { AwsError } from '../core/errors.js'

/** The lifecycle events of an ECS deployment, in the order CodeDeploy runs them. */
export const ECS_LIFECYCLE_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const

export type LifecycleEventName = (typeof ECS_LIFECYCLE_EVENTS)[number]

/** Events a Lambda hook may be attached to (PutLifecycleEventHookExecutionStatus API reference). */
export const HOOKABLE_EVENTS: readonly LifecycleEventName[] = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]

export interface EcsAppSpec {
  taskDefinition: string
  containerName: string
  containerPort: number
  platformVersion?: string
  hooks: Partial<Record<LifecycleEventName, string>>
}

/** The `revision` member of CreateDeployment, as far as ECS deployments use it. */
export interface RevisionInput {
  revisionType?: string
  appSpecContent?: { content?: string; sha256?: string }
}

const invalidRevision = (message: string): AwsError => new AwsError('InvalidRevisionException', message)

/** Reads an AppSpecContent revision: YAML or JSON, its sha256 checked when given. */
export function parseRevision(revision: RevisionInput | undefined): EcsAppSpec {
  if (!revision) throw new AwsError('RevisionRequiredException', 'The revision ID was not specified.')
  if (revision.revisionType !== 'AppSpecContent') {
    throw invalidRevision(
      `The revision type ${revision.revisionType ?? '(none)'} is not supported for the ECS compute platform; use AppSpecContent.`,
    )
  }
  const content = revision.appSpecContent?.content
  if (!content) throw invalidRevision('The AppSpec content is empty.')
  const sha256 = revision.appSpecContent?.sha256
  if (sha256 && createHash('sha256').update(content).digest('hex') !== sha256.toLowerCase()) {
    throw invalidRevision('The sha256 of the AppSpec content does not match the content.')
  }
  return readAppSpec(content)
}

function readAppSpec(content: string): EcsAppSpec {
  let doc: unknown
  try {
    doc = parse(content)
  } catch (error) {
    throw invalidRevision(`The AppSpec content is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`)
  }
  const root = record(doc, 'The AppSpec content must be a mapping.')
  const resources = root.Resources ?? root.resources
  if (!Array.isArray(resources) || resources.length !== 1) {
    throw invalidRevision('The AppSpec file must list exactly one resource in Resources for an ECS deployment.')
  }
  const target = record(
    record(resources[0], 'Resources[0] must be a mapping.').TargetService,
    'Resources[0] must be a TargetService.',
  )
  if (target.Type !== 'AWS::ECS::Service') throw invalidRevision('TargetService Type must be AWS::ECS::Service.')
  const properties = record(target.Properties, 'TargetService needs Properties.')
  const lb = record(properties.LoadBalancerInfo, 'TargetService Properties need LoadBalancerInfo.')
  if (typeof properties.TaskDefinition !== 'string' || properties.TaskDefinition === '') {
    throw invalidRevision('TargetService Properties need a TaskDefinition ARN.')
  }
  const port = typeof lb.ContainerPort === 'string' ? Number(lb.ContainerPort) : lb.ContainerPort
  if (typeof lb.ContainerName !== 'string' || !Number.isInteger(port)) {
    throw invalidRevision('LoadBalancerInfo needs ContainerName and a numeric ContainerPort.')
  }
  return {
    taskDefinition: properties.TaskDefinition,
    containerName: lb.ContainerName,
    containerPort: port as number,
    platformVersion: typeof properties.PlatformVersion === 'string' ? properties.PlatformVersion : undefined,
    hooks: readHooks(root.Hooks ?? root.hooks),
  }
}

function readHooks(value: unknown): Partial<Record<LifecycleEventName, string>> {
  if (value === undefined || value === null) return {}
  if (!Array.isArray(value)) throw invalidRevision('Hooks must be a list of {EventName: FunctionName} entries.')
  const hooks: Partial<Record<LifecycleEventName, string>> = {}
  for (const entry of value) {
    for (const [event, fn] of Object.entries(record(entry, 'Each hook must be a mapping.'))) {
      if (!HOOKABLE_EVENTS.includes(event as LifecycleEventName)) {
        throw invalidRevision(
          `${event} is not a lifecycle event with hooks for an ECS deployment; use one of ${HOOKABLE_EVENTS.join(', ')}.`,
        )
      }
      if (typeof fn !== 'string' || fn === '')
        throw invalidRevision(`The hook for ${event} must name a Lambda function.`)
      hooks[event as LifecycleEventName] = fn
    }
  }
  return hooks
}

function record(value: unknown, message: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidRevision(message)
  return value as Record<string, unknown>
}

/** A Lambda function named by name, partial ARN or ARN, reduced to its name (without a version or alias). */
export function functionName(ref: string): string {
  const match = /^arn:[^:]+:lambda:[^:]+:\d{12}:function:([^:]+)/.exec(ref)
  if (match) return match[1]
  return ref.split(':')[0]
}
