import type { Config } from '../config/types.js'

/** What the plan lines read of the run's inputs. */
type PlanConfig = Pick<Config, 'artifactsDir' | 'keepRevisions' | 'desiredCount' | 'forceNewDeployment'>

/** What a dry run knows before it would change anything. */
export interface PlanFacts {
  cluster: string
  serviceName: string
  previousTaskDefinitionArn: string
  family: string
  /** The registered revision the run would deploy instead of registering one. */
  reusableArn?: string
  driverName: string
  /** The driver's own plan lines, when it has them (CodeDeploy's deployment group, config, AppSpec). */
  driverPlan?: string[]
  artifactNames: string[]
  /** The before-deploy task's plan line (`--before-deploy`), said after registration. */
  beforeDeploy?: string
}

/** The actions of a dry run, in the order a run takes them. */
export function planLines(config: PlanConfig, facts: PlanFacts): string[] {
  const target = facts.reusableArn ?? `a new revision of ${facts.family}`
  const actions = [
    facts.reusableArn
      ? `reuse ${facts.reusableArn}: the rendered task definition is equivalent`
      : `register a new revision of family ${facts.family}`,
    ...(facts.beforeDeploy ? [facts.beforeDeploy] : []),
    ...(facts.driverPlan ?? [serviceUpdate(config, facts, target)]),
  ]
  if (config.artifactsDir && facts.artifactNames.length > 0) {
    actions.push(`write ${facts.artifactNames.join(', ')} to ${config.artifactsDir}`)
  }
  if (config.keepRevisions !== undefined) {
    actions.push(
      `deregister, after success, the revisions of ${facts.family} older than the newest ${config.keepRevisions} that no service in the region uses`,
    )
  }
  return actions
}

/** The plan line of a driver that has none of its own: the service, from which task definition to which. */
function serviceUpdate(config: PlanConfig, facts: PlanFacts, target: string): string {
  const update = [
    `update service ${facts.serviceName} in cluster ${facts.cluster} from ${facts.previousTaskDefinitionArn} to ${target}`,
  ]
  if (config.desiredCount !== undefined) update.push(`desired count ${config.desiredCount}`)
  if (config.forceNewDeployment) update.push('forcing a new deployment')
  return `${update.join(', ')} (${facts.driverName})`
}
