import { createHash } from 'node:crypto'
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  type CreateDeploymentCommandInput,
  type DeploymentInfo,
  type ECSTarget,
} from '@aws-sdk/client-codedeploy'
import { ACCOUNT, clientConfig, REGION } from './sim.js'

export const CODEDEPLOY_FIXTURE = 'test/fixtures/sim/codedeploy.yaml'

/** A CodeDeploy client pointed at the emulator. */
export function codeDeployClient(url: string, maxAttempts = 1): CodeDeployClient {
  return new CodeDeployClient(clientConfig(url, maxAttempts))
}

export function taskDefinitionArn(family: string, revision: number): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`
}

/** An AppSpec for a TargetService update, as YAML, with optional hooks. */
export function appSpec(
  taskDefinition: string,
  hooks: Record<string, string> = {},
  container = 'web',
  port = 8080,
): string {
  const lines = [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    `        TaskDefinition: "${taskDefinition}"`,
    '        LoadBalancerInfo:',
    `          ContainerName: "${container}"`,
    `          ContainerPort: ${port}`,
  ]
  const entries = Object.entries(hooks)
  if (entries.length > 0) lines.push('Hooks:', ...entries.map(([event, fn]) => `  - ${event}: "${fn}"`))
  return lines.join('\n') + '\n'
}

/** CreateDeployment input for the fixture's groups, the AppSpec given as content with its sha256. */
export function deploymentInput(
  group: 'web-dg' | 'plain-dg',
  content: string,
  extra: Partial<CreateDeploymentCommandInput> = {},
): CreateDeploymentCommandInput {
  return {
    applicationName: 'web-app',
    deploymentGroupName: group,
    revision: {
      revisionType: 'AppSpecContent',
      appSpecContent: { content, sha256: createHash('sha256').update(content).digest('hex') },
    },
    ...extra,
  }
}

export async function createDeployment(
  client: Pick<CodeDeployClient, 'send'>,
  input: CreateDeploymentCommandInput,
): Promise<string> {
  const { deploymentId } = await client.send(new CreateDeploymentCommand(input))
  if (!deploymentId) throw new Error('CreateDeployment returned no deploymentId')
  return deploymentId
}

export async function getDeployment(
  client: Pick<CodeDeployClient, 'send'>,
  deploymentId: string,
): Promise<DeploymentInfo> {
  const { deploymentInfo } = await client.send(new GetDeploymentCommand({ deploymentId }))
  if (!deploymentInfo) throw new Error(`GetDeployment ${deploymentId} returned nothing`)
  return deploymentInfo
}

export async function getTarget(
  client: Pick<CodeDeployClient, 'send'>,
  deploymentId: string,
  targetId: string,
): Promise<ECSTarget> {
  const { deploymentTarget } = await client.send(new GetDeploymentTargetCommand({ deploymentId, targetId }))
  if (!deploymentTarget?.ecsTarget)
    throw new Error(`GetDeploymentTarget ${deploymentId} ${targetId} returned no ecsTarget`)
  return deploymentTarget.ecsTarget
}

export const DONE = ['Succeeded', 'Failed', 'Stopped']
