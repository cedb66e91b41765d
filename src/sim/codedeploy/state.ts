import type {
  AutoRollbackConfiguration,
  Diagnostics,
  ErrorInformation,
  LifecycleEventStatus,
  RollbackInfo,
  TargetStatus,
} from '@aws-sdk/client-codedeploy'
import type { Timer } from '../core/clock.js'
import { AwsError } from '../core/errors.js'
import { syntheticDigest } from '../core/ids.js'
import type { World } from '../core/state.js'
import type { DeploymentState, ServiceState } from '../core/types.js'
import { scenarioError } from '../scenario/reader.js'
import type { DeploymentGroupSpec } from '../scenario/types.js'
import type { EcsAppSpec, LifecycleEventName, RevisionInput } from './appspec.js'
import { PREDEFINED_ECS_CONFIGS, type DeploymentConfigRecord } from './configs.js'

export type CodeDeployStatus =
  'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready'

export interface ApplicationRecord {
  applicationId: string
  applicationName: string
  createTime: number
  computePlatform: 'ECS'
}

export interface GroupRecord {
  applicationName: string
  deploymentGroupId: string
  deploymentGroupName: string
  clusterName: string
  serviceName: string
  deploymentConfigName: string
  autoRollback: boolean
  /** Target group names: the pair CodeDeploy swaps between blue and green. */
  targetGroups: [string, string]
  prodListenerArn: string
  testListenerArn?: string
  terminationWaitMinutes: number
  /** The deployment that holds the group (one at a time, rollbacks included). */
  activeDeploymentId?: string
  lastAttemptedDeploymentId?: string
  lastSuccessfulDeploymentId?: string
}

export interface LifecycleEventRecord {
  lifecycleEventName: LifecycleEventName
  status: LifecycleEventStatus
  startTime?: number
  endTime?: number
  diagnostics?: Diagnostics
  hookFunction?: string
  executionId?: string
}

export interface DeploymentRecord {
  deploymentId: string
  applicationName: string
  deploymentGroupName: string
  deploymentConfigName: string
  status: CodeDeployStatus
  creator: 'user' | 'codeDeployRollback'
  description?: string
  revision: RevisionInput
  appSpec: EcsAppSpec
  createTime: number
  startTime?: number
  completeTime?: number
  errorInformation?: ErrorInformation
  rollbackInfo?: RollbackInfo
  autoRollbackConfiguration: AutoRollbackConfiguration
  /** The ECS target: one per deployment, id `<cluster>:<service>`. */
  target: { id: string; arn: string; status: TargetStatus; lastUpdatedAt: number }
  lifecycleEvents: LifecycleEventRecord[]
  blue?: DeploymentState
  green?: DeploymentState
  /** The traffic step of AllowTraffic reached so far (-1 before it starts). */
  trafficStep: number
  inTerminationWait: boolean
  /** A StopDeployment was answered Pending and is being carried out. */
  stopRequested?: boolean
  timers: Timer[]
}

export interface CodeDeployState {
  applications: Map<string, ApplicationRecord>
  groups: Map<string, GroupRecord>
  configs: Map<string, DeploymentConfigRecord>
  /** Oldest first. */
  deployments: Map<string, DeploymentRecord>
}

const states = new WeakMap<World, CodeDeployState>()

/** The CodeDeploy side of a world, set up from its scenario on first use. */
export function codeDeployState(world: World): CodeDeployState {
  let state = states.get(world)
  if (!state) {
    state = initialState(world)
    states.set(world, state)
  }
  return state
}

function initialState(world: World): CodeDeployState {
  const state: CodeDeployState = {
    applications: new Map(),
    groups: new Map(),
    configs: new Map(),
    deployments: new Map(),
  }
  for (const [name, trafficRoutingConfig] of Object.entries(PREDEFINED_ECS_CONFIGS)) {
    state.configs.set(name, {
      deploymentConfigId: world.uuid(),
      deploymentConfigName: name,
      computePlatform: 'ECS',
      createTime: Math.floor(world.nowSeconds() - 86400 * 365),
      trafficRoutingConfig,
    })
  }
  for (const [i, app] of world.scenario.codedeploy.applications.entries()) {
    state.applications.set(app.name, {
      applicationId: world.uuid(),
      applicationName: app.name,
      createTime: world.nowSeconds(),
      computePlatform: 'ECS',
    })
    for (const [j, spec] of app.deploymentGroups.entries()) {
      const path = ['codedeploy', 'applications', i, 'deploymentGroups', j, 'service']
      state.groups.set(groupKey(app.name, spec.name), groupFromSpec(world, app.name, spec, path))
    }
  }
  return state
}

function groupFromSpec(
  world: World,
  applicationName: string,
  spec: DeploymentGroupSpec,
  path: (string | number)[],
): GroupRecord {
  const [clusterName, serviceName] = spec.service.split('/')
  const service = world.clusters.get(clusterName)?.services.get(serviceName)
  if (!service) throw scenarioError(world.scenario, path, `service ${spec.service} is not in the scenario's clusters`)
  if (service.controller !== 'CODE_DEPLOY') {
    throw scenarioError(world.scenario, path, `service ${spec.service} must use deploymentController CODE_DEPLOY`)
  }
  const blue = targetGroupName(service.loadBalancers[0]?.targetGroupArn) ?? `${serviceName}-blue`
  const targetGroups = (spec.targetGroups?.length === 2 ? spec.targetGroups : [blue, `${serviceName}-green`]) as [
    string,
    string,
  ]
  const alb = `loadbalancer/app/${serviceName}-alb/${world.hex(16)}`
  const listener = (): string =>
    world.arn('elasticloadbalancing', `${alb.replace('loadbalancer/', 'listener/')}/${world.hex(16)}`)
  return {
    applicationName,
    deploymentGroupId: world.uuid(),
    deploymentGroupName: spec.name,
    clusterName,
    serviceName,
    deploymentConfigName: spec.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
    autoRollback: spec.autoRollback === true,
    targetGroups,
    prodListenerArn: listener(),
    testListenerArn: spec.testListener ? listener() : undefined,
    terminationWaitMinutes: spec.terminationWaitMinutes ?? 0,
  }
}

export function groupKey(applicationName: string, groupName: string): string {
  return `${applicationName}\u0000${groupName}`
}

/** `arn:...:targetgroup/<name>/<id>` → `<name>`. */
export function targetGroupName(arn: string | undefined): string | undefined {
  return arn ? /targetgroup\/([^/]+)/.exec(arn)?.[1] : undefined
}

/** The ARN of a target group named in the scenario: the service's own when it is that one, else a stable made-up one. */
export function targetGroupArn(world: World, name: string, like?: string): string {
  if (like && targetGroupName(like) === name) return like
  return world.arn('elasticloadbalancing', `targetgroup/${name}/${syntheticDigest(name).slice(7, 23)}`)
}

export function application(state: CodeDeployState, name: unknown): ApplicationRecord {
  if (typeof name !== 'string' || name === '') {
    throw new AwsError(
      'ApplicationNameRequiredException',
      'The minimum number of required application names was not specified.',
    )
  }
  const app = state.applications.get(name)
  if (!app) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`)
  return app
}

export function group(state: CodeDeployState, applicationName: unknown, groupName: unknown): GroupRecord {
  const app = application(state, applicationName)
  if (typeof groupName !== 'string' || groupName === '') {
    throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.')
  }
  const found = state.groups.get(groupKey(app.applicationName, groupName))
  if (!found) {
    throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${groupName}`)
  }
  return found
}

export function deployment(state: CodeDeployState, id: unknown): DeploymentRecord {
  if (typeof id !== 'string' || id === '') {
    throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.')
  }
  if (!/^d-[A-Z0-9]{9}$/.test(id)) {
    throw new AwsError('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${id}`)
  }
  const found = state.deployments.get(id)
  if (!found) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`)
  return found
}

export function serviceOf(world: World, g: GroupRecord): ServiceState {
  const service = world.clusters.get(g.clusterName)?.services.get(g.serviceName)
  if (!service || service.status !== 'ACTIVE') {
    throw new AwsError('InvalidECSServiceException', `The ECS service ${g.clusterName}/${g.serviceName} is not active.`)
  }
  return service
}

/** `d-` and nine upper-case letters and digits, as CodeDeploy makes them. */
export function newDeploymentId(world: World, state: CodeDeployState): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  for (;;) {
    let id = 'd-'
    for (let i = 0; i < 9; i++) id += alphabet[Math.floor(world.rand() * alphabet.length)]
    if (!state.deployments.has(id)) return id
  }
}
