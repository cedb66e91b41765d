import {
  ListDeploymentsCommand,
  type CodeDeployClient,
  type DeploymentInfo,
  type DeploymentStatus,
} from '@aws-sdk/client-codedeploy'
import { iso } from './time.js'
import type { Service } from '@aws-sdk/client-ecs'
import { parse } from 'yaml'
import type { AwsClients, Sender } from '../aws/clients.js'
import { findGroup, lastSegment, type FoundGroup } from '../deploy/codedeploy/group.js'
import { getDeployment, getTarget } from '../deploy/codedeploy/follower.js'
import { observe } from '../deploy/codedeploy/progress.js'
import type { DriverConfig } from '../deploy/driver.js'
import { errorMessage } from '../errors.js'
import type { CodeDeployStatus } from './types.js'

type CodeDeploy = Sender<CodeDeployClient>

/** Statuses of a CodeDeploy deployment that still holds its group: the one in progress. */
export const ACTIVE_STATUSES: DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready']

/** A driver config with no flag given: the deployment group is found from the service alone. */
export const FROM_SERVICE: DriverConfig = {
  hooks: [],
  forceNewDeployment: false,
  waitFor: 'completed',
  waitTimeoutMs: 30 * 60_000,
  pollIntervalMs: 5_000,
  onTimeout: 'leave',
  onCancel: 'leave',
}

/** The group `--codedeploy-application` and `--codedeploy-group` name, when they do. */
export interface GroupNames {
  codedeployApplication?: string
  codedeployGroup?: string
}

/** The deployment group of a CODE_DEPLOY service, found as `berth deploy` finds it. */
export function groupOf(
  codedeploy: CodeDeploy,
  cluster: string,
  service: Service,
  names: GroupNames = {},
): Promise<FoundGroup> {
  return findGroup({
    config: { ...FROM_SERVICE, ...names },
    codedeploy,
    reporter: { emit: () => undefined },
    clusterName: lastSegment(service.clusterArn ?? cluster),
    serviceName: service.serviceName ?? '',
  })
}

/** The group's deployment in progress, if any. */
export async function activeDeployment(codedeploy: CodeDeploy, found: FoundGroup): Promise<string | undefined> {
  const output = await codedeploy.send(
    new ListDeploymentsCommand({
      applicationName: found.application,
      deploymentGroupName: found.group,
      includeOnlyStatuses: ACTIVE_STATUSES,
    }),
  )
  return output.deployments?.[0]
}

/** The task definition a CodeDeploy deployment deploys, from its AppSpec (YAML or JSON). */
export function appSpecTaskDefinition(info: DeploymentInfo): string | undefined {
  const content = info.revision?.appSpecContent?.content
  if (!content) return undefined
  try {
    const resources = (parse(content) as { Resources?: Record<string, unknown>[] } | null)?.Resources ?? []
    for (const resource of resources) {
      for (const value of Object.values(resource ?? {})) {
        const arn = (value as { Properties?: { TaskDefinition?: unknown } })?.Properties?.TaskDefinition
        if (typeof arn === 'string') return arn
      }
    }
  } catch {
    return undefined
  }
  return undefined
}

export async function readCodeDeploy(
  clients: AwsClients,
  cluster: string,
  service: Service,
  names: GroupNames,
): Promise<CodeDeployStatus> {
  let found: FoundGroup
  try {
    found = await groupOf(clients.codedeploy, cluster, service, names)
  } catch (error) {
    return { note: errorMessage(error) }
  }
  const group = { application: found.application, group: found.group }
  try {
    const id = await activeDeployment(clients.codedeploy, found)
    if (!id) return group
    const info = await getDeployment(clients.codedeploy, id)
    const targetId = `${lastSegment(service.clusterArn ?? cluster)}:${service.serviceName}`
    const seen = observe(info, await getTarget(clients.codedeploy, id, targetId))
    const taskDefinition = appSpecTaskDefinition(info)
    const error = info.errorInformation
    return {
      ...group,
      deployment: {
        id,
        status: seen.terminationWait ? 'TerminationWait' : seen.status,
        ...(taskDefinition ? { taskDefinition } : {}),
        ...(info.createTime ? { createdAt: iso(info.createTime) } : {}),
        lifecycle: seen.lifecycle.map((event) => ({
          name: event.lifecycleEventName ?? '?',
          status: event.status ?? '?',
        })),
        ...(seen.traffic ? { traffic: { blue: seen.traffic.blue, green: seen.traffic.green } } : {}),
        ...(error?.message ? { error: [error.code, error.message].filter(Boolean).join(': ') } : {}),
      },
    }
  } catch (error) {
    return { ...group, note: `could not read its deployments: ${errorMessage(error)}` }
  }
}
