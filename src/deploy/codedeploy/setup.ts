import type { DriverConfig } from '../driver.js'
import { readFile } from 'node:fs/promises'
import {
  GetDeploymentConfigCommand,
  ListDeploymentsCommand,
  type CodeDeployClient,
  type CreateDeploymentConfigCommandInput,
  type DeploymentConfigInfo,
  type DeploymentGroupInfo,
} from '@aws-sdk/client-codedeploy'
import type { Service } from '@aws-sdk/client-ecs'
import type { Sender } from '../../aws/clients.js'
import type { DeploymentConfigSpec } from '../../config/types.js'
import { UserError, errorMessage, errorName } from '../../errors.js'
import type { Reporter } from '../../events.js'
import { type AppSpecTemplate, appSpecTemplate, loadBalancerTarget, parseAppSpec } from './appspec.js'
import {
  PREDEFINED_ECS_CONFIGS,
  type TrafficShape,
  customDeploymentConfig,
  deploymentConfigName,
  describeShape,
  sameShape,
  shapeOf,
} from './deployment-config.js'
import { findGroup, lastSegment } from './group.js'
import { describeSchedule, shiftMinutes, trafficSchedule } from './traffic-schedule.js'

export type CodeDeploy = Sender<CodeDeployClient>

/** Everything a CodeDeploy deployment needs that can be known before the task definition is registered. */
export interface CodeDeployPlan {
  application: string
  group: string
  groupInfo: DeploymentGroupInfo
  /** The config to deploy with; undefined = the deployment group's own. */
  configName?: string
  /** A custom config that does not exist yet and is created right before the deployment. */
  createConfig?: CreateDeploymentConfigCommandInput
  /** How traffic will move, when berth knows the config. */
  shape?: TrafficShape
  appspec: AppSpecTemplate
  /** The ECS deployment target id, `<cluster>:<service>`. */
  targetId: string
  clusterName: string
  serviceName: string
}

export interface SetupInput {
  config: DriverConfig
  codedeploy: CodeDeploy
  cluster: string
  service: Service
  reporter: Reporter
  readFile?: (path: string) => Promise<string>
}

/** Statuses of a deployment that still holds its deployment group. */
const ACTIVE_STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'] as const

/** Reads and checks everything before any change: group, service binding, deployment config, AppSpec, busy group. */
export async function planCodeDeploy(input: SetupInput): Promise<CodeDeployPlan> {
  const serviceName = input.service.serviceName ?? ''
  const clusterName = lastSegment(input.service.clusterArn ?? input.cluster)
  const { application, group, groupInfo } = await findGroup({ ...input, clusterName, serviceName })
  const config = await resolveDeploymentConfig(input.codedeploy, input.config.deploymentConfig, groupInfo)
  const appspec = await loadAppSpec(input)
  await ensureGroupIsFree(input, application, group)
  const plan: CodeDeployPlan = {
    application,
    group,
    groupInfo,
    ...config,
    appspec,
    targetId: `${clusterName}:${serviceName}`,
    clusterName,
    serviceName,
  }
  warnIfDeadlineIsShort(plan, input.config, input.reporter)
  return plan
}

/** The lines of `--dry-run`'s plan for this driver. */
export function describePlan(plan: CodeDeployPlan): string[] {
  const lines: string[] = []
  if (plan.createConfig) {
    lines.push(`CreateDeploymentConfig ${plan.createConfig.deploymentConfigName} (${describeShapeOf(plan)})`)
  }
  const config = plan.configName ?? `${plan.groupInfo.deploymentConfigName ?? 'the group default'} (the group's)`
  const traffic = plan.shape ? `: ${describeSchedule(trafficSchedule(plan.shape))}` : ''
  const hooks = plan.appspec.hooks.map((hook) => `${hook.event}=${hook.functionName}`).join(', ')
  const termination = terminationWaitMinutes(plan.groupInfo)
  lines.push(
    `CreateDeployment in ${plan.application}/${plan.group} with ${config}${traffic}; ` +
      `traffic to ${plan.appspec.target.containerName}:${plan.appspec.target.containerPort}` +
      (hooks ? `; hooks ${hooks}` : '') +
      (termination > 0 ? `; then a ${termination} min termination wait before the original task set is removed` : ''),
  )
  return lines
}

/** How long CodeDeploy keeps the original task set after a successful deployment of this group. */
function terminationWaitMinutes(groupInfo: DeploymentGroupInfo): number {
  return (
    groupInfo.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess
      ?.terminationWaitTimeInMinutes ?? 0
  )
}

function describeShapeOf(plan: CodeDeployPlan): string {
  return plan.shape ? describeShape(plan.shape) : 'custom'
}

interface ResolvedConfig {
  configName?: string
  createConfig?: CreateDeploymentConfigCommandInput
  shape?: TrafficShape
}

async function resolveDeploymentConfig(
  codedeploy: CodeDeploy,
  spec: DeploymentConfigSpec | undefined,
  groupInfo: DeploymentGroupInfo,
): Promise<ResolvedConfig> {
  if (!spec) return { shape: await knownShape(codedeploy, groupInfo.deploymentConfigName) }
  const name = deploymentConfigName(spec)
  if (spec.type === 'all-at-once') return { configName: name, shape: { type: 'all-at-once' } }
  const existing = await getDeploymentConfig(codedeploy, name)
  if (spec.type === 'named') {
    if (!existing) throw new UserError(unknownConfigMessage(name))
    if (existing.computePlatform && existing.computePlatform !== 'ECS') {
      throw new UserError(
        `--deployment-config: ${name} is a ${existing.computePlatform} deployment config; ECS deployments need an ` +
          'ECS one, e.g. CodeDeployDefault.ECSAllAtOnce.',
      )
    }
    return { configName: name, shape: shapeOf(existing.trafficRoutingConfig) ?? PREDEFINED_ECS_CONFIGS[name] }
  }
  const wanted: TrafficShape = spec
  if (!existing) return { configName: name, createConfig: customDeploymentConfig(spec), shape: wanted }
  const actual = shapeOf(existing.trafficRoutingConfig)
  if (!actual || !sameShape(actual, wanted)) {
    throw new UserError(
      `--deployment-config: the deployment config ${name} exists but does not shift traffic as its name says ` +
        `(${actual ? describeShape(actual) : 'unknown routing'}); delete it, or give a config by name.`,
    )
  }
  return { configName: name, shape: wanted }
}

function unknownConfigMessage(name: string): string {
  return (
    `--deployment-config: there is no CodeDeploy deployment config named ${JSON.stringify(name)}. Give a ` +
    `predefined one (${Object.keys(PREDEFINED_ECS_CONFIGS).join(', ')}), a custom one that exists, or a shape: ` +
    'canary:10%:5m, linear:10%:1m or all-at-once.'
  )
}

async function getDeploymentConfig(codedeploy: CodeDeploy, name: string): Promise<DeploymentConfigInfo | undefined> {
  try {
    const output = await codedeploy.send(new GetDeploymentConfigCommand({ deploymentConfigName: name }))
    return output.deploymentConfigInfo
  } catch (error) {
    if (errorName(error) === 'DeploymentConfigDoesNotExistException') return undefined
    throw new Error(`GetDeploymentConfig ${name}: ${errorMessage(error)}`, { cause: error })
  }
}

/** The shape of the group's own config, for the plan and the deadline check; unknown is fine. */
async function knownShape(codedeploy: CodeDeploy, name: string | undefined): Promise<TrafficShape | undefined> {
  if (!name) return undefined
  if (PREDEFINED_ECS_CONFIGS[name]) return PREDEFINED_ECS_CONFIGS[name]
  try {
    return shapeOf((await getDeploymentConfig(codedeploy, name))?.trafficRoutingConfig)
  } catch {
    return undefined
  }
}

async function loadAppSpec(input: SetupInput): Promise<AppSpecTemplate> {
  const target = loadBalancerTarget(input.service)
  const file = input.config.appspec
  if (!file) return appSpecTemplate(target, input.config.hooks)
  let text: string
  try {
    text = await (input.readFile ?? ((path: string) => readFile(path, 'utf8')))(file)
  } catch (error) {
    throw new UserError(`--appspec: cannot read ${file}: ${errorMessage(error)}`, { file })
  }
  return parseAppSpec(text, file, target, input.config.hooks)
}

/** CodeDeploy runs one deployment per group: say so now rather than after the task definition is registered. */
async function ensureGroupIsFree(input: SetupInput, application: string, group: string): Promise<void> {
  let active: string[]
  try {
    const output = await input.codedeploy.send(
      new ListDeploymentsCommand({
        applicationName: application,
        deploymentGroupName: group,
        includeOnlyStatuses: [...ACTIVE_STATUSES],
      }),
    )
    active = output.deployments ?? []
  } catch (error) {
    input.reporter.emit({
      type: 'debug',
      message: `ListDeployments ${application}/${group} failed (${errorMessage(error)}); not checking for a deployment in progress.`,
    })
    return
  }
  if (active.length > 0) throw new UserError(busyGroupMessage(application, group, active[0]))
}

export function busyGroupMessage(application: string, group: string, deploymentId: string | undefined): string {
  const id = deploymentId ?? 'another deployment'
  return (
    `CodeDeploy deployment group ${application}/${group} is busy: deployment ${id} is in progress, and a group ` +
    `runs one deployment at a time. Wait for it to finish, or stop it ` +
    `(aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled), then deploy again.`
  )
}

/** The deployment may outlast `--wait-timeout`: traffic steps plus, when waited for, the termination wait. */
function warnIfDeadlineIsShort(plan: CodeDeployPlan, config: DriverConfig, reporter: Reporter): void {
  if (!plan.shape) return
  const terminationMinutes = config.waitFor === 'completed' ? terminationWaitMinutes(plan.groupInfo) : 0
  const minutes = shiftMinutes(plan.shape) + terminationMinutes
  if (minutes * 60_000 < config.waitTimeoutMs) return
  const termination = terminationMinutes > 0 ? ` and keeps the original task set ${terminationMinutes} min after` : ''
  reporter.emit({
    type: 'warning',
    message:
      `the deployment shifts traffic over ${shiftMinutes(plan.shape)} min${termination}, which is at least ` +
      `--wait-timeout (${Math.round(config.waitTimeoutMs / 60_000)} min): the wait may end first. Raise ` +
      '--wait-timeout' +
      (terminationMinutes > 0 ? ', or use --wait-for traffic-shifted.' : '.'),
  })
}
