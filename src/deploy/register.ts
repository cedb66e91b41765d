import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs'
import { retrying } from '../aws/retry.js'
import { UserError } from '../errors.js'
import type { Sleep } from '../watch/sleep.js'
import * as taskdef from '../taskdef/index.js'
import type { Ecs } from './ecs.js'

/** A registered revision and its content. */
export interface Revision {
  arn: string
  document: taskdef.TaskDefinitionDocument
}

export interface Registration {
  taskDefinitionArn: string
  taskDefinition: TaskDefinition
  /** True when the latest ACTIVE revision was equivalent and is used instead of a new one. */
  reused: boolean
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name
  return name === 'ClientException' || name === 'InvalidParameterException'
}

/** DescribeTaskDefinition with its tags; `undefined` when ECS has no such task definition. */
export async function findTaskDefinition(ecs: Ecs, ref: string): Promise<Revision | undefined> {
  try {
    const output = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] }))
    const arn = output.taskDefinition?.taskDefinitionArn
    return arn ? { arn, document: taskdef.fromDescribeOutput(output) } : undefined
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** A task definition the user named (`--task-definition FAMILY[:REV]|ARN`, or the service's): it must exist. */
export async function loadRegistered(ecs: Ecs, ref: string, input: string): Promise<Revision> {
  const found = await findTaskDefinition(ecs, ref)
  if (found) return found
  throw new UserError(
    `${input}: ECS has no task definition ${JSON.stringify(ref)}; expected an ACTIVE FAMILY, FAMILY:REVISION or ` +
      'task definition ARN, or a JSON file.',
  )
}

/** The revision registers to the same thing as `input`: registering `input` would add nothing. */
export function sameRevision(revision: Revision | undefined, input: RegisterTaskDefinitionCommandInput): boolean {
  if (!revision) return false
  return taskdef.equivalent(
    taskdef.clean(revision.document.taskDefinition),
    input as unknown as taskdef.TaskDefinitionJson,
  )
}

/**
 * The revision a run deploys instead of registering `input`: the service's own when it is the same (so an
 * unchanged task definition is not registered again, whatever the family's latest revision is), else the family's
 * latest when it is the same.
 */
export function reusableRevision(
  input: RegisterTaskDefinitionCommandInput,
  candidates: { current?: Revision; latest?: Revision },
): Revision | undefined {
  return [candidates.current, candidates.latest].find((revision) => sameRevision(revision, input))
}

/** How registration waits between its tries. */
export interface RegisterRetry {
  sleep: Sleep
}

/**
 * Registers `input`, or reuses `reusable`. After a server error or a lost answer the revision may have been
 * registered after all: a retry first looks at the family's latest revision and reuses it when it is the one sent,
 * so retrying never registers it twice (the SDK itself never re-sends RegisterTaskDefinition).
 */
export async function register(
  ecs: Ecs,
  input: RegisterTaskDefinitionCommandInput,
  reusable: Revision | undefined,
  retry: RegisterRetry,
): Promise<Registration> {
  let attempt = 0
  return retrying(
    async () => {
      const found = attempt++ === 0 ? reusable : await registeredMeanwhile(ecs, input)
      if (found)
        return {
          taskDefinitionArn: found.arn,
          taskDefinition: found.document.taskDefinition as TaskDefinition,
          reused: true,
        }
      const output = await ecs.send(new RegisterTaskDefinitionCommand(input))
      const registered = output.taskDefinition
      if (!registered?.taskDefinitionArn) throw new Error(`RegisterTaskDefinition returned no ARN for ${input.family}.`)
      return { taskDefinitionArn: registered.taskDefinitionArn, taskDefinition: registered, reused: false }
    },
    { sleep: retry.sleep, baseMs: 500 },
  )
}

async function registeredMeanwhile(ecs: Ecs, input: RegisterTaskDefinitionCommandInput): Promise<Revision | undefined> {
  const latest = await findTaskDefinition(ecs, input.family ?? '')
  return sameRevision(latest, input) ? latest : undefined
}

/** `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV` → FAMILY. */
export function familyOf(arn: string): string {
  const tail = arn.slice(arn.lastIndexOf('/') + 1)
  return tail.includes(':') ? tail.slice(0, tail.lastIndexOf(':')) : tail
}

async function activeRevisions(ecs: Ecs, family: string): Promise<string[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }),
    )
    arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => familyOf(arn) === family))
    nextToken = page.nextToken
  } while (nextToken)
  return arns
}

/** Every task definition a service of the cluster runs or drains (all deployments, not only the PRIMARY). */
/** Every task definition a service of any cluster in the region runs or still deploys. */
async function revisionsInUse(ecs: Ecs): Promise<Set<string>> {
  const used = new Set<string>()
  for (const cluster of await listAll((nextToken) => ecs.send(new ListClustersCommand({ nextToken })), 'clusterArns')) {
    const serviceArns = await listAll(
      (nextToken) => ecs.send(new ListServicesCommand({ cluster, nextToken })),
      'serviceArns',
    )
    for (let start = 0; start < serviceArns.length; start += 10) {
      const output = await ecs.send(
        new DescribeServicesCommand({ cluster, services: serviceArns.slice(start, start + 10) }),
      )
      for (const service of output.services ?? []) {
        if (service.taskDefinition) used.add(service.taskDefinition)
        for (const deployment of service.deployments ?? []) {
          if (deployment.taskDefinition) used.add(deployment.taskDefinition)
        }
      }
    }
  }
  return used
}

async function listAll<K extends string>(
  fetch: (nextToken?: string) => Promise<{ nextToken?: string } & Partial<Record<K, string[]>>>,
  key: K,
): Promise<string[]> {
  const all: string[] = []
  let nextToken: string | undefined
  do {
    const page = await fetch(nextToken)
    all.push(...(page[key] ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  return all
}

/** The revisions to deregister: older than the newest `keep`, and not in use. Pure. */
export function revisionsToDeregister(
  newestFirst: readonly string[],
  keep: number,
  inUse: ReadonlySet<string>,
): string[] {
  return newestFirst.slice(keep).filter((arn) => !inUse.has(arn))
}

/** `--keep-revisions N`: deregisters older ACTIVE revisions of the family that no service of the cluster uses. */
export async function cleanUpRevisions(ecs: Ecs, family: string, keep: number): Promise<string[]> {
  const candidates = revisionsToDeregister(await activeRevisions(ecs, family), keep, await revisionsInUse(ecs))
  for (const arn of candidates) {
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }))
  }
  return candidates
}
