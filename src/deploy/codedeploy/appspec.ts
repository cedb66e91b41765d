import { createHash } from 'node:crypto'
import { LineCounter, isMap, parseDocument, type Node } from 'yaml'
import type { Service } from '@aws-sdk/client-ecs'
import {
  TASK_DEFINITION_PLACEHOLDER,
  appSpec,
  appSpecDocument,
  appSpecString,
  appSpecYaml,
} from '../../artifacts/appspec.js'
import {
  isLambdaFunction,
  HOOK_EVENTS,
  LAMBDA_FUNCTION_FORM,
  type HookBinding,
  type HookEvent,
} from '../../artifacts/hooks.js'
import { UserError } from '../../errors.js'

/** The container and port CodeDeploy routes load balancer traffic to. */
export interface LoadBalancerTarget {
  containerName: string
  containerPort: number
}

/** An AppSpec before the task definition is registered: everything but the task definition ARN is settled. */
export interface AppSpecTemplate {
  value: Record<string, unknown>
  /** The hook function of each hooked lifecycle event, in lifecycle order. */
  hooks: HookBinding[]
  target: LoadBalancerTarget
  /** The user's file, when the AppSpec came from `--appspec`. */
  file?: string
}

/** The AppSpec as CreateDeployment takes it. */
export interface AppSpecContent {
  content: string
  sha256: string
}

const ECS_SERVICE = 'AWS::ECS::Service'

/** The first load balancer of the service that names a container and port: CodeDeploy shifts traffic there. */
export function loadBalancerTarget(service: Service): LoadBalancerTarget {
  const balancer = (service.loadBalancers ?? []).find((lb) => lb.containerName && lb.containerPort !== undefined)
  if (!balancer?.containerName || balancer.containerPort === undefined) {
    throw new UserError(
      `service ${service.serviceName ?? '?'} has no load balancer with a container name and port; ` +
        'a CodeDeploy blue/green deployment shifts traffic between two target groups behind one.',
    )
  }
  return { containerName: balancer.containerName, containerPort: balancer.containerPort }
}

/** The AppSpec berth writes when the user gives none: the service's load balancer target and the `--hook`s. */
export function appSpecTemplate(target: LoadBalancerTarget, hooks: readonly HookBinding[]): AppSpecTemplate {
  const ordered = lifecycleOrder(hooks)
  const value = appSpec({ taskDefinition: TASK_DEFINITION_PLACEHOLDER, ...target, hooks: ordered })
  return { value: { ...value }, hooks: ordered, target }
}

/**
 * The user's AppSpec (YAML or JSON), checked: one ECS TargetService, hooks on hookable events. A missing
 * LoadBalancerInfo is taken from the service; `--hook` flags replace the file's hook for the same event.
 */
export function parseAppSpec(
  text: string,
  file: string,
  service: LoadBalancerTarget,
  flagHooks: readonly HookBinding[],
): AppSpecTemplate {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const fail = (message: string, node?: unknown): never => {
    const offset = (node as Node | undefined)?.range?.[0]
    const line = offset === undefined ? undefined : lines.linePos(offset).line
    throw new UserError(`--appspec ${file}${line ? `:${line}` : ''}: ${message}`, { file, line })
  }
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const line = lines.linePos(error.pos[0]).line
    throw new UserError(`--appspec ${file}:${line}: not valid YAML or JSON: ${error.message.split('\n')[0]}`, {
      file,
      line,
    })
  }
  if (!isMap(doc.contents)) fail('an AppSpec is a mapping with version, Resources and optional Hooks.', doc.contents)
  const value = doc.toJS() as Record<string, unknown>
  if (value.version !== 0 && value.version !== '0.0') {
    fail(
      `version must be 0.0 (the only AppSpec version), got ${JSON.stringify(value.version ?? null)}.`,
      doc.get('version', true) ?? doc.contents,
    )
  }
  const resources = value.Resources
  if (!Array.isArray(resources) || resources.length === 0) {
    fail(`Resources must list one TargetService of Type ${ECS_SERVICE}.`, doc.get('Resources', true) ?? doc.contents)
  }
  const index = (resources as unknown[]).findIndex((resource) => isObject(resource) && 'TargetService' in resource)
  if (index < 0) fail(`Resources has no TargetService of Type ${ECS_SERVICE}.`, doc.get('Resources', true))
  const targetPath = ['Resources', index, 'TargetService']
  const targetService = (resources as Record<string, unknown>[])[index].TargetService
  if (!isObject(targetService) || targetService.Type !== ECS_SERVICE) {
    fail(`TargetService needs Type: ${ECS_SERVICE}.`, doc.getIn(targetPath, true))
  }
  const properties = (targetService as Record<string, unknown>).Properties ?? {}
  if (!isObject(properties))
    fail('TargetService Properties must be a mapping.', doc.getIn([...targetPath, 'Properties'], true))
  const target = loadBalancerInfo(properties as Record<string, unknown>, service, (message) =>
    fail(message, doc.getIn([...targetPath, 'Properties', 'LoadBalancerInfo'], true)),
  )
  const fileHooks = readHooks(value.Hooks, (message, at) =>
    fail(message, at === undefined ? doc.get('Hooks', true) : doc.getIn(['Hooks', at], true)),
  )
  const hooks = mergeHooks(fileHooks, flagHooks)
  const rebuilt: Record<string, unknown> = { ...value }
  rebuilt.Resources = (resources as unknown[]).map((resource, at) =>
    at === index
      ? {
          TargetService: {
            ...(targetService as Record<string, unknown>),
            Properties: {
              ...(properties as Record<string, unknown>),
              TaskDefinition: TASK_DEFINITION_PLACEHOLDER,
              LoadBalancerInfo: { ContainerName: target.containerName, ContainerPort: target.containerPort },
            },
          },
        }
      : resource,
  )
  if (hooks.length > 0) rebuilt.Hooks = hooksValue(hooks)
  else delete rebuilt.Hooks
  return { value: rebuilt, hooks, target, file }
}

/** The AppSpec text for CreateDeployment, with the registered task definition in place. */
export function appSpecContent(template: AppSpecTemplate, taskDefinitionArn: string): AppSpecContent {
  const content = template.file
    ? appSpecText(withTaskDefinition(template.value, taskDefinitionArn))
    : appSpecYaml({ taskDefinition: taskDefinitionArn, ...template.target, hooks: template.hooks })
  return { content, sha256: createHash('sha256').update(content).digest('hex') }
}

function withTaskDefinition(value: Record<string, unknown>, taskDefinitionArn: string): Record<string, unknown> {
  const resources = (value.Resources as Record<string, unknown>[]).map((resource) => {
    const target = resource.TargetService as Record<string, unknown> | undefined
    if (!target || target.Type !== ECS_SERVICE) return resource
    const properties = target.Properties as Record<string, unknown>
    return { TargetService: { ...target, Properties: { ...properties, TaskDefinition: taskDefinitionArn } } }
  })
  return { ...value, Resources: resources }
}

/** The user's AppSpec as YAML, because JSON cannot write the `version: 0.0` the AppSpec documents show. */
export function appSpecText(value: Record<string, unknown>): string {
  return appSpecString(appSpecDocument(value))
}

function loadBalancerInfo(
  properties: Record<string, unknown>,
  service: LoadBalancerTarget,
  fail: (message: string) => never,
): LoadBalancerTarget {
  const info = properties.LoadBalancerInfo
  if (info === undefined) return service
  if (!isObject(info) || typeof info.ContainerName !== 'string' || !info.ContainerName) {
    fail('LoadBalancerInfo needs ContainerName (the container behind the load balancer) and ContainerPort.')
  }
  const { ContainerName, ContainerPort } = info as Record<string, unknown>
  const port = typeof ContainerPort === 'string' && /^\d+$/.test(ContainerPort) ? Number(ContainerPort) : ContainerPort
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`LoadBalancerInfo ContainerPort must be a port number, got ${JSON.stringify(ContainerPort)}.`)
  }
  return { containerName: ContainerName as string, containerPort: port as number }
}

function readHooks(value: unknown, fail: (message: string, at?: number) => never): HookBinding[] {
  if (value === undefined || value === null) return []
  const form = `a list of EVENT: FUNCTION entries, EVENT one of ${HOOK_EVENTS.join(', ')}`
  if (!Array.isArray(value)) fail(`Hooks must be ${form}.`)
  return (value as unknown[]).flatMap((entry, at) => {
    if (!isObject(entry)) fail(`Hooks entries must be ${form}.`, at)
    return Object.entries(entry as Record<string, unknown>).map(([event, functionName]) => {
      if (!(HOOK_EVENTS as readonly string[]).includes(event)) {
        fail(`${JSON.stringify(event)} is not a hookable lifecycle event; Hooks must be ${form}.`, at)
      }
      if (typeof functionName !== 'string' || !functionName) fail(`the ${event} hook needs a function name.`, at)
      if (!isLambdaFunction(functionName as string)) {
        fail(`the ${event} hook ${JSON.stringify(functionName)} is not ${LAMBDA_FUNCTION_FORM}.`, at)
      }
      return { event: event as HookEvent, functionName: functionName as string }
    })
  })
}

/** Flag hooks replace file hooks of the same event; the result is in lifecycle order, one hook per event. */
export function mergeHooks(fileHooks: readonly HookBinding[], flagHooks: readonly HookBinding[]): HookBinding[] {
  const byEvent = new Map<HookEvent, HookBinding>()
  for (const hook of [...fileHooks, ...flagHooks]) byEvent.set(hook.event, hook)
  return lifecycleOrder([...byEvent.values()])
}

function lifecycleOrder(hooks: readonly HookBinding[]): HookBinding[] {
  return [...hooks].sort((a, b) => HOOK_EVENTS.indexOf(a.event) - HOOK_EVENTS.indexOf(b.event))
}

function hooksValue(hooks: readonly HookBinding[]): Record<string, string>[] {
  return hooks.map((hook) => ({ [hook.event]: hook.functionName }))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
