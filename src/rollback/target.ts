import {
  DescribeTaskDefinitionCommand,
  ListServiceDeploymentsCommand,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import type { RevisionRef } from '../config/types.js'
import { describeServiceDeployment } from '../deploy/service-deployments.js'
import { type Ecs } from '../deploy/ecs.js'
import { UserError, errorName } from '../errors.js'
import { shortTaskDefinition } from '../report/format.js'
import { revisionTaskDefinitions } from '../status/read.js'

// Which revision `berth rollback` puts the service back on: the one `--to` names, or the one it ran before its
// current one, and by which rule berth knows it.

/** A revision to roll back to, with its content and how berth chose it. */
export interface RollbackTarget {
  arn: string
  taskDefinition: TaskDefinition
  /** `--to web:7`, `the ACTIVE deployment ecs-svc/…`, `revision N-1 of the family`, … */
  rule: string
}

/** DescribeTaskDefinition; undefined when ECS has no such task definition. */
async function findRevision(
  ecs: Ecs,
  ref: string,
): Promise<{ arn: string; taskDefinition: TaskDefinition } | undefined> {
  try {
    const output = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }))
    const taskDefinition = output.taskDefinition
    return taskDefinition?.taskDefinitionArn ? { arn: taskDefinition.taskDefinitionArn, taskDefinition } : undefined
  } catch (error) {
    if (errorName(error) === 'ClientException' || errorName(error) === 'InvalidParameterException') return undefined
    throw error
  }
}

/** `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV` → FAMILY. */
function familyOf(arn: string): string {
  const tail = arn.slice(arn.lastIndexOf('/') + 1)
  return tail.includes(':') ? tail.slice(0, tail.lastIndexOf(':')) : tail
}

/** The ref `--to` gives, as DescribeTaskDefinition takes it; another family than the service's is refused. */
export function refFor(to: RevisionRef, currentArn: string): string {
  const family = familyOf(currentArn)
  if (to.family !== undefined && to.family !== family) {
    throw new UserError(
      `--to ${to.given}: that is a revision of family ${to.family}, and the service runs family ${family} ` +
        `(${shortTaskDefinition(currentArn)}); give a revision of ${family}: ${family}:N, its ARN, or N.`,
      { input: '--to' },
    )
  }
  return `${family}:${to.revision}`
}

/** `--to`, resolved and checked: it must exist. */
export async function givenTarget(ecs: Ecs, to: RevisionRef, currentArn: string): Promise<RollbackTarget> {
  const ref = refFor(to, currentArn)
  const found = await findRevision(ecs, ref)
  if (!found) {
    throw new UserError(`--to ${to.given}: ECS has no task definition ${ref}; give a registered revision.`, {
      input: '--to',
    })
  }
  return { ...found, rule: `--to ${to.given}` }
}

/** The revision the service ran before its current one, by the first rule that knows it. */
export async function previousTarget(ecs: Ecs, cluster: string, service: Service): Promise<RollbackTarget> {
  const current = service.taskDefinition ?? ''
  const chosen =
    activeDeployment(service) ??
    (service.deploymentController?.type === 'CODE_DEPLOY'
      ? undefined
      : await lastDeploymentSource(ecs, cluster, service))
  const ref = chosen?.arn ?? previousRevisionRef(current)
  const found = await findRevision(ecs, ref)
  if (!found) {
    throw new UserError(
      `berth cannot find the revision ${shortTaskDefinition(current)} replaced: ${ref} does not exist. ` +
        'Name the revision to go back to with --to (FAMILY:REV, ARN or a revision number).',
      { input: '--to' },
    )
  }
  const rule =
    chosen?.rule ?? `revision ${shortTaskDefinition(ref)}, the one before ${shortTaskDefinition(current)} in its family`
  return { ...found, rule }
}

/** A rolling deployment still in progress: its ACTIVE (old) deployment runs the previous revision. */
function activeDeployment(service: Service): { arn: string; rule: string } | undefined {
  const current = service.taskDefinition
  const active = [...(service.deployments ?? []), ...(service.taskSets ?? [])].find(
    (d) => d.status === 'ACTIVE' && d.taskDefinition && d.taskDefinition !== current,
  )
  if (!active?.taskDefinition) return undefined
  return { arn: active.taskDefinition, rule: `the revision of the ACTIVE deployment ${active.id}` }
}

/**
 * The newest service deployment that completed onto the current revision: the revision it replaced (its source,
 * DescribeServiceRevisions gives its task definition). Accounts without the service-deployment APIs go without.
 */
async function lastDeploymentSource(
  ecs: Ecs,
  cluster: string,
  service: Service,
): Promise<{ arn: string; rule: string } | undefined> {
  const current = service.taskDefinition
  let listed
  try {
    listed = await ecs.send(
      new ListServiceDeploymentsCommand({ cluster, service: service.serviceName, status: ['SUCCESSFUL'] }),
    )
  } catch {
    return undefined
  }
  const newestFirst = [...(listed.serviceDeployments ?? [])].sort(
    (a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0),
  )
  for (const brief of newestFirst.slice(0, 5)) {
    const sd = await describeServiceDeployment(ecs, brief.serviceDeploymentArn ?? '')
    const sources = (sd.sourceServiceRevisions ?? []).map((summary) => summary.arn ?? '')
    const target = sd.targetServiceRevision?.arn ?? ''
    const taskDefinitions = await revisionTaskDefinitions(ecs, [target, ...sources])
    if (taskDefinitions.get(target) !== current) continue
    const source = sources.map((arn) => taskDefinitions.get(arn)).find((arn) => arn && arn !== current)
    if (source) {
      return {
        arn: source,
        rule: `the source revision of the last completed service deployment ${shortArn(sd.serviceDeploymentArn)}`,
      }
    }
  }
  return undefined
}

/** `…/web:8` → `web:7`; revision 1 has none before it. */
export function previousRevisionRef(currentArn: string): string {
  const match = /([A-Za-z0-9_-]+):(\d+)$/.exec(currentArn)
  const revision = Number(match?.[2])
  if (!match || revision <= 1) {
    throw new UserError(
      `the service runs ${shortTaskDefinition(currentArn)}, the first revision of its family, and berth knows of ` +
        'no revision before it; name one with --to.',
      { input: '--to' },
    )
  }
  return `${match[1]}:${revision - 1}`
}

function shortArn(arn: string | undefined): string {
  return (arn ?? '?').slice((arn ?? '?').lastIndexOf('/') + 1)
}
