import { describeCounts, shortTaskDefinition } from '../report/format.js'
import type { CodeDeployStatus, HookRow, RevisionRow, ServiceDeploymentStatus, ServiceStatus } from './types.js'

// `berth status` on one screen: the plain object readStatus gathers, as lines. Pure: same object, same text.

const STRATEGY_TITLES: Record<ServiceStatus['strategy'], string> = {
  rolling: 'rolling update',
  codedeploy: 'CodeDeploy blue/green',
  'ecs-native': 'ECS-native',
  external: 'EXTERNAL controller',
}

export function formatStatus(status: ServiceStatus): string {
  const lines = [
    ...header(status),
    ...deployments(status),
    ...(status.serviceDeployment ? serviceDeployment(status.serviceDeployment) : []),
    ...(status.codedeploy ? codedeploy(status.codedeploy) : []),
    ...failures(status.failures),
    ...events(status.events),
    ...section('next', status.next),
  ]
  return `${lines.join('\n')}\n`
}

function header(status: ServiceStatus): string[] {
  const strategy =
    status.strategy === 'ecs-native' && status.deploymentStrategy
      ? `ECS-native ${status.deploymentStrategy}`
      : STRATEGY_TITLES[status.strategy]
  return [
    `service ${status.service} in cluster ${status.cluster} (${strategy})${status.status === 'ACTIVE' ? '' : `, ${status.status}`}`,
    `  task definition  ${shortTaskDefinition(status.taskDefinition)}`,
    `  tasks            ${status.desiredCount} desired, ${status.runningCount} running` +
      (status.pendingCount > 0 ? `, ${status.pendingCount} pending` : ''),
  ]
}

function deployments(status: ServiceStatus): string[] {
  const title = status.strategy === 'codedeploy' ? 'task sets' : 'deployments'
  return section(
    title,
    status.deployments.flatMap((row) => [
      `${describeCounts(row)}  ${row.id}${row.createdAt ? `, created ${row.createdAt}` : ''}`,
      ...(row.rolloutStateReason ? [`  ${row.rolloutStateReason}`] : []),
    ]),
  )
}

function serviceDeployment(sd: ServiceDeploymentStatus): string[] {
  const stage = sd.stage && sd.status.endsWith('IN_PROGRESS') ? ` at ${sd.stage}` : ''
  const lines = [`service deployment ${lastPart(sd.arn)}: ${sd.status}${stage}`]
  if (sd.rollbackReason ?? sd.statusReason) lines.push(`  ${sd.rollbackReason ?? sd.statusReason}`)
  lines.push(...sd.revisions.map((row) => `  ${revision(row)}`))
  if (sd.hooks.length > 0) lines.push('  hooks:', ...sd.hooks.map((hook) => `    ${describeHook(hook)}`))
  if (sd.breaker) {
    const { failureCount, threshold, status } = sd.breaker
    lines.push(`  circuit breaker: ${failureCount} of ${threshold} failed tasks (${status})`)
  }
  return lines
}

/** `target web:2  2/2 running, production 25 %, test 100 %` */
function revision(row: RevisionRow): string {
  const name = row.taskDefinition ? shortTaskDefinition(row.taskDefinition) : lastPart(row.arn)
  const parts = [
    `${row.running}/${row.requested} running${row.pending > 0 ? `, ${row.pending} pending` : ''}`,
    ...(row.production !== undefined ? [`production ${row.production} %`] : []),
    ...(row.test !== undefined ? [`test ${row.test} %`] : []),
  ]
  return `${row.role.padEnd(6)} ${name}  ${parts.join(', ')}`
}

/** `PAUSE ecs-pause-abc AWAITING_ACTION until 2025-01-15T09:10:00Z (then ROLLBACK)` */
function describeHook(hook: HookRow): string {
  const what = hook.targetType === 'PAUSE' ? 'PAUSE' : `Lambda ${hook.functionName ?? '?'}`
  const until =
    hook.expiresAt && (hook.status === 'AWAITING_ACTION' || hook.status === 'IN_PROGRESS')
      ? ` until ${hook.expiresAt}${hook.timeoutAction ? ` (then ${hook.timeoutAction})` : ''}`
      : ''
  return `${what} ${hook.hookId} ${hook.status}${until}`
}

function codedeploy(status: CodeDeployStatus): string[] {
  const group = status.application ? `${status.application}/${status.group}` : 'no deployment group'
  const deployment = status.deployment
  const lines = [
    `CodeDeploy ${group}: ${deployment ? `deployment ${deployment.id} ${deployment.status}` : 'no deployment in progress'}`,
  ]
  if (status.note) lines.push(`  ${status.note}`)
  if (!deployment) return lines
  if (deployment.taskDefinition) lines.push(`  deploying ${shortTaskDefinition(deployment.taskDefinition)}`)
  const events = deployment.lifecycle.map((event) => `${event.name} ${event.status}`)
  if (events.length > 0) lines.push(`  lifecycle: ${events.join(', ')}`)
  if (deployment.traffic) {
    const { blue, green } = deployment.traffic
    lines.push(`  production traffic: ${blue} % original, ${green} % replacement`)
  }
  if (deployment.error) lines.push(`  ${deployment.error}`)
  return lines
}

function failures(found: ServiceStatus['failures']): string[] {
  if (found.tasks.length === 0) return []
  const lines = [
    'recent failures:',
    ...found.reasons.map((reason) => `  ${reason}`),
    ...found.tasks.map((task) => {
      const exits = task.containers
        .filter((container) => container.exitCode !== undefined)
        .map((container) => `${container.name} exit code ${container.exitCode}`)
      const reason = task.stoppedReason ?? task.stopCode ?? 'stopped'
      return (
        `  task ${task.taskId} (${shortTaskDefinition(task.taskDefinition)})` +
        `${task.stoppedAt ? ` stopped ${task.stoppedAt}` : ''}: ${reason}${exits.length > 0 ? ` (${exits.join(', ')})` : ''}`
      )
    }),
    ...found.hints.map((hint) => `  hint: ${hint}`),
  ]
  for (const excerpt of found.logs) {
    lines.push(`  last log lines of ${excerpt.container} (task ${excerpt.taskId}, ${excerpt.group} ${excerpt.stream}):`)
    lines.push(...excerpt.lines.slice(-5).map((line) => `    | ${line}`))
  }
  return lines
}

function events(list: ServiceStatus['events']): string[] {
  return section(
    'last events',
    list.map((event) => `${event.at ?? ''}  ${event.message}`.trim()),
  )
}

function section(title: string, lines: string[]): string[] {
  return lines.length > 0 ? [`${title}:`, ...lines.map((line) => `  ${line}`)] : []
}

function lastPart(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1)
}
