import {
  DescribeServiceRevisionsCommand,
  type Service,
  type ServiceDeployment,
  type ServiceRevisionSummary,
} from '@aws-sdk/client-ecs'
import type { AwsClients } from '../aws/clients.js'
import { describeServiceDeployment } from '../deploy/service-deployments.js'
import { describeTarget } from '../deploy/target.js'
import { type Ecs } from '../deploy/ecs.js'
import { functionName } from '../deploy/ecs-native/judge.js'
import { countsOf } from '../deploy/rolling/judge.js'
import { readCodeDeploy, type GroupNames } from './codedeploy.js'
import { readFailures } from './failures.js'
import { iso } from './time.js'
import type { DeploymentRow, RevisionRow, ServiceDeploymentStatus, ServiceStatus, StatusStrategy } from './types.js'

// `berth status`: every read of one look at a service, gathered into a plain object. Nothing here changes anything,
// and a part that cannot be read (a policy without the service-deployment APIs) is left out, not fatal.

/** How many service events the status shows. */
const EVENTS = 5

const NATIVE = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY'])

export function strategyOf(service: Service): StatusStrategy {
  const controller = service.deploymentController?.type ?? 'ECS'
  if (controller === 'EXTERNAL') return 'external'
  if (controller === 'CODE_DEPLOY') return 'codedeploy'
  return NATIVE.has(service.deploymentConfiguration?.strategy ?? '') ? 'ecs-native' : 'rolling'
}

export async function readStatus(
  clients: AwsClients,
  cluster: string,
  name: string,
  names: GroupNames = {},
): Promise<ServiceStatus> {
  const service = await describeTarget(clients.ecs, cluster, name)
  const strategy = strategyOf(service)
  const serviceDeployment = strategy === 'codedeploy' ? undefined : await readServiceDeployment(clients.ecs, service)
  const codedeploy = strategy === 'codedeploy' ? await readCodeDeploy(clients, cluster, service, names) : undefined
  const deployments = deploymentRows(service)
  const failures = await readFailures(clients, cluster, service, {
    startedBy: [...deployments.map((row) => row.id), ...deploymentIdOf(serviceDeployment)],
    // A task set's tasks are not started by a deployment id berth knows: they are told by the revision they run.
    ...(codedeploy
      ? {
          taskDefinitions: [
            ...deployments.map((row) => row.taskDefinition),
            ...(codedeploy.deployment?.taskDefinition ? [codedeploy.deployment.taskDefinition] : []),
          ],
        }
      : {}),
  })
  return {
    cluster,
    service: service.serviceName ?? name,
    strategy,
    ...(service.deploymentConfiguration?.strategy
      ? { deploymentStrategy: service.deploymentConfiguration.strategy }
      : {}),
    status: service.status ?? 'UNKNOWN',
    taskDefinition: service.taskDefinition ?? '',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    deployments,
    ...(serviceDeployment ? { serviceDeployment } : {}),
    ...(codedeploy ? { codedeploy } : {}),
    failures,
    events: (service.events ?? [])
      .slice(0, EVENTS)
      .reverse()
      .map((event) => ({ ...(event.createdAt ? { at: iso(event.createdAt) } : {}), message: event.message ?? '' })),
    next: nextCommands(cluster, service, strategy, serviceDeployment, codedeploy),
  }
}

/** The service's deployments (ECS controller) or task sets (CodeDeploy), as rows of task counts. */
function deploymentRows(service: Service): DeploymentRow[] {
  const listed = service.deployments ?? []
  const deployments = countsOf(listed).map((counts, i): DeploymentRow => {
    const d = listed[i]
    return {
      ...counts,
      taskDefinition: d.taskDefinition ?? '',
      ...(d.rolloutStateReason ? { rolloutStateReason: d.rolloutStateReason } : {}),
      ...(d.createdAt ? { createdAt: iso(d.createdAt) } : {}),
    }
  })
  const taskSets = (service.taskSets ?? []).map((set): DeploymentRow => ({
    id: set.id ?? '?',
    status: set.status ?? '?',
    taskDefinition: set.taskDefinition ?? '',
    desired: set.computedDesiredCount ?? 0,
    running: set.runningCount ?? 0,
    pending: set.pendingCount ?? 0,
    failed: 0,
    ...(set.stabilityStatus ? { rolloutState: set.stabilityStatus } : {}),
    ...(set.createdAt ? { createdAt: iso(set.createdAt) } : {}),
  }))
  return [...deployments, ...taskSets]
}

/** The ECS deployment id (`ecs-svc/…`) of a service deployment, from its target revision's digits. */
function deploymentIdOf(sd: ServiceDeploymentStatus | undefined): string[] {
  const digits = /\/(\d+)$/.exec(sd?.revisions.find((row) => row.role === 'target')?.arn ?? '')?.[1]
  return digits ? [`ecs-svc/${digits}`] : []
}

async function readServiceDeployment(ecs: Ecs, service: Service): Promise<ServiceDeploymentStatus | undefined> {
  if (!service.currentServiceDeployment) return undefined
  try {
    const sd = await describeServiceDeployment(ecs, service.currentServiceDeployment)
    return await serviceDeploymentStatus(ecs, sd)
  } catch {
    return undefined
  }
}

async function serviceDeploymentStatus(ecs: Ecs, sd: ServiceDeployment): Promise<ServiceDeploymentStatus> {
  const summaries: (readonly [RevisionRow['role'], ServiceRevisionSummary])[] = [
    ...(sd.targetServiceRevision ? [['target', sd.targetServiceRevision] as const] : []),
    ...(sd.sourceServiceRevisions ?? []).map((summary) => ['source', summary] as const),
  ]
  const taskDefinitions = await revisionTaskDefinitions(
    ecs,
    summaries.map(([, summary]) => summary.arn ?? ''),
  )
  const breaker = sd.deploymentCircuitBreaker
  return {
    arn: sd.serviceDeploymentArn ?? '?',
    status: sd.status ?? '?',
    ...(sd.statusReason ? { statusReason: sd.statusReason } : {}),
    ...(sd.lifecycleStage ? { stage: sd.lifecycleStage } : {}),
    revisions: summaries.map(([role, summary]) => revisionRow(role, summary, taskDefinitions)),
    hooks: (sd.lifecycleHookDetails ?? []).map((hook) => ({
      hookId: hook.hookId ?? '?',
      targetType: hook.targetType ?? 'AWS_LAMBDA',
      ...(hook.targetType !== 'PAUSE' && hook.targetArn ? { functionName: functionName(hook.targetArn) } : {}),
      status: hook.status ?? '?',
      ...(hook.expiresAt ? { expiresAt: iso(hook.expiresAt) } : {}),
      ...(hook.timeoutAction ? { timeoutAction: hook.timeoutAction } : {}),
    })),
    ...(breaker?.status && breaker.status !== 'DISABLED'
      ? {
          breaker: {
            status: breaker.status,
            failureCount: breaker.failureCount ?? 0,
            threshold: breaker.threshold ?? 0,
          },
        }
      : {}),
    ...(sd.rollback?.reason ? { rollbackReason: sd.rollback.reason } : {}),
    ...(sd.createdAt ? { createdAt: iso(sd.createdAt) } : {}),
    ...(sd.finishedAt ? { finishedAt: iso(sd.finishedAt) } : {}),
  }
}

function revisionRow(
  role: RevisionRow['role'],
  summary: ServiceRevisionSummary,
  taskDefinitions: Map<string, string>,
): RevisionRow {
  const arn = summary.arn ?? '?'
  return {
    role,
    arn,
    ...(taskDefinitions.has(arn) ? { taskDefinition: taskDefinitions.get(arn) } : {}),
    requested: summary.requestedTaskCount ?? 0,
    running: summary.runningTaskCount ?? 0,
    pending: summary.pendingTaskCount ?? 0,
    ...(summary.requestedProductionTrafficWeight !== undefined
      ? { production: summary.requestedProductionTrafficWeight }
      : {}),
    ...(summary.requestedTestTrafficWeight !== undefined ? { test: summary.requestedTestTrafficWeight } : {}),
  }
}

/** Service revision ARN → its task definition (DescribeServiceRevisions, at most 20 at a time). */
export async function revisionTaskDefinitions(ecs: Ecs, arns: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const wanted = [...new Set(arns.filter(Boolean))]
  for (let start = 0; start < wanted.length; start += 20) {
    const output = await ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: wanted.slice(start, start + 20) }),
    )
    for (const revision of output.serviceRevisions ?? []) {
      if (revision.serviceRevisionArn && revision.taskDefinition) {
        found.set(revision.serviceRevisionArn, revision.taskDefinition)
      }
    }
  }
  return found
}

function nextCommands(
  cluster: string,
  service: Service,
  strategy: StatusStrategy,
  sd: ServiceDeploymentStatus | undefined,
  codedeploy: ServiceStatus['codedeploy'],
): string[] {
  const where = `--cluster ${cluster} --service ${service.serviceName}`
  const next: string[] = []
  if (sd?.hooks.some((hook) => hook.status === 'AWAITING_ACTION')) {
    next.push(`berth continue ${where}`, `berth continue ${where} --rollback`)
  }
  if (codedeploy?.deployment?.status === 'Ready') {
    next.push(
      `aws deploy continue-deployment --deployment-id ${codedeploy.deployment.id} --deployment-wait-type READY_WAIT`,
    )
  }
  const moving =
    (strategy === 'ecs-native' && sd?.status === 'IN_PROGRESS') ||
    (strategy === 'rolling' && service.deployments?.some((d) => d.rolloutState === 'IN_PROGRESS')) ||
    codedeploy?.deployment !== undefined
  if (moving && strategy !== 'external') next.push(`berth rollback ${where}`)
  return next
}
