import type { DriverConfig } from '../driver.js'
import {
  BatchGetDeploymentGroupsCommand,
  GetDeploymentGroupCommand,
  ListApplicationsCommand,
  ListDeploymentGroupsCommand,
  type CodeDeployClient,
  type DeploymentGroupInfo,
} from '@aws-sdk/client-codedeploy'
import type { Sender } from '../../aws/clients.js'
import { UserError, errorMessage, errorName } from '../../errors.js'
import type { Reporter } from '../../events.js'

type CodeDeploy = Sender<CodeDeployClient>

export interface FoundGroup {
  application: string
  group: string
  groupInfo: DeploymentGroupInfo
}

interface GroupQuery {
  config: DriverConfig
  codedeploy: CodeDeploy
  reporter: Reporter
  clusterName: string
  serviceName: string
}

/** BatchGetDeploymentGroups takes at most this many names. */
const BATCH_LIMIT = 100

/**
 * The deployment group of the service: the one the flags name; else the names the ECS console gives
 * (AppECS-<cluster>-<service>, as the official action assumes); else the one group in the region bound to the
 * service.
 */
export async function findGroup(query: GroupQuery): Promise<FoundGroup> {
  const { config, clusterName, serviceName } = query
  const named = Boolean(config.codedeployApplication || config.codedeployGroup)
  const application = config.codedeployApplication ?? `AppECS-${clusterName}-${serviceName}`
  const group = config.codedeployGroup ?? `DgpECS-${clusterName}-${serviceName}`
  const lookup = await getGroup(query.codedeploy, application, group)
  if ('groupInfo' in lookup) {
    checkGroupDeploysService(lookup.groupInfo, application, group, clusterName, serviceName)
    return { application, group, groupInfo: lookup.groupInfo }
  }
  if (named) throw new UserError(missingGroupMessage(lookup.missing, application, group))
  const bound = await groupsBoundTo(query.codedeploy, clusterName, serviceName)
  if (bound.length === 1) {
    const [found] = bound
    query.reporter.emit({
      type: 'info',
      message: `deployment group ${found.application}/${found.group} deploys ${clusterName}/${serviceName}`,
    })
    return found
  }
  throw new UserError(ambiguousGroupMessage(bound, clusterName, serviceName))
}

/** The group, or which of the application and the group does not exist. */
async function getGroup(
  codedeploy: CodeDeploy,
  application: string,
  group: string,
): Promise<{ groupInfo: DeploymentGroupInfo } | { missing: 'application' | 'group' }> {
  try {
    const output = await codedeploy.send(
      new GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }),
    )
    if (!output.deploymentGroupInfo) {
      throw new Error(`GetDeploymentGroup ${application}/${group} returned no deployment group.`)
    }
    return { groupInfo: output.deploymentGroupInfo }
  } catch (error) {
    const name = errorName(error)
    if (name === 'ApplicationDoesNotExistException') return { missing: 'application' }
    if (name === 'DeploymentGroupDoesNotExistException') return { missing: 'group' }
    throw new Error(`GetDeploymentGroup ${application}/${group}: ${errorMessage(error)}`, { cause: error })
  }
}

/** Every ECS deployment group of every application in the region that deploys this service. */
async function groupsBoundTo(codedeploy: CodeDeploy, clusterName: string, serviceName: string): Promise<FoundGroup[]> {
  const found: FoundGroup[] = []
  for (const application of await listAll(codedeploy, listApplicationsPage)) {
    const names = await listAll(codedeploy, (client, token) => listGroupsPage(client, application, token))
    for (let start = 0; start < names.length; start += BATCH_LIMIT) {
      const output = await codedeploy.send(
        new BatchGetDeploymentGroupsCommand({
          applicationName: application,
          deploymentGroupNames: names.slice(start, start + BATCH_LIMIT),
        }),
      )
      for (const groupInfo of output.deploymentGroupsInfo ?? []) {
        if (groupInfo.computePlatform === 'ECS' && deploysService(groupInfo, clusterName, serviceName)) {
          found.push({ application, group: groupInfo.deploymentGroupName ?? '', groupInfo })
        }
      }
    }
  }
  return found
}

type Page = { items: string[]; nextToken?: string }

async function listAll(
  codedeploy: CodeDeploy,
  fetch: (codedeploy: CodeDeploy, token?: string) => Promise<Page>,
): Promise<string[]> {
  const all: string[] = []
  let token: string | undefined
  do {
    const page = await fetch(codedeploy, token)
    all.push(...page.items)
    token = page.nextToken
  } while (token)
  return all
}

async function listApplicationsPage(codedeploy: CodeDeploy, nextToken?: string): Promise<Page> {
  const output = await codedeploy.send(new ListApplicationsCommand({ nextToken }))
  return { items: output.applications ?? [], nextToken: output.nextToken }
}

async function listGroupsPage(codedeploy: CodeDeploy, applicationName: string, nextToken?: string): Promise<Page> {
  const output = await codedeploy.send(new ListDeploymentGroupsCommand({ applicationName, nextToken }))
  return { items: output.deploymentGroups ?? [], nextToken: output.nextToken }
}

function deploysService(groupInfo: DeploymentGroupInfo, clusterName: string, serviceName: string): boolean {
  return (groupInfo.ecsServices ?? []).some(
    (entry) => entry.serviceName === serviceName && lastSegment(entry.clusterName ?? '') === clusterName,
  )
}

function checkGroupDeploysService(
  groupInfo: DeploymentGroupInfo,
  application: string,
  group: string,
  clusterName: string,
  serviceName: string,
): void {
  if (groupInfo.computePlatform && groupInfo.computePlatform !== 'ECS') {
    throw new UserError(
      `--codedeploy-group: deployment group ${application}/${group} deploys to ${groupInfo.computePlatform}, ` +
        'not ECS; give the group of this ECS service.',
    )
  }
  if (!deploysService(groupInfo, clusterName, serviceName)) {
    const services = groupInfo.ecsServices ?? []
    const actual = services.map((entry) => `${entry.clusterName}/${entry.serviceName}`).join(', ') || 'no service'
    throw new UserError(
      `--codedeploy-group: deployment group ${application}/${group} deploys ${actual}, not ` +
        `${clusterName}/${serviceName}; give the group bound to this service.`,
    )
  }
}

function missingGroupMessage(missing: 'application' | 'group', application: string, group: string): string {
  const advice = 'Give the application and group bound to the service, or neither to let berth find it.'
  return missing === 'application'
    ? `--codedeploy-application: there is no CodeDeploy application ${JSON.stringify(application)} in this region. ${advice}`
    : `--codedeploy-group: CodeDeploy application ${application} has no deployment group ${JSON.stringify(group)}. ${advice}`
}

function ambiguousGroupMessage(bound: FoundGroup[], clusterName: string, serviceName: string): string {
  if (bound.length === 0) {
    return (
      `no CodeDeploy deployment group deploys ${clusterName}/${serviceName}: berth looked for ` +
      `AppECS-${clusterName}-${serviceName}/DgpECS-${clusterName}-${serviceName} (the names the ECS console ` +
      'gives) and through every application in the region. Create one, or name it with --codedeploy-application ' +
      'and --codedeploy-group.'
    )
  }
  const names = bound.map((found) => `${found.application}/${found.group}`).join(', ')
  return (
    `${bound.length} CodeDeploy deployment groups deploy ${clusterName}/${serviceName} (${names}); choose one with ` +
    '--codedeploy-application and --codedeploy-group.'
  )
}

/** `arn:aws:ecs:…:cluster/prod` → `prod`; a bare name stays as it is. */
export function lastSegment(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1)
}
