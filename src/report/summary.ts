import { TERMINATION_WAIT, type ProgressEvent } from '../events.js'
import { endsWell, type RunResult, type TaskOutcome } from '../verdict.js'
import { STATUS_TITLES, duration, relativeTime, shortTaskDefinition } from './format.js'

const SERVICE_EVENTS_SHOWN = 20
const TASK_LINES_SHOWN = 50
const CODEDEPLOY_ID = /^d-[A-Z0-9]{9}$/
/** A deployment's final statuses: what follows one (a rollback) is not how long it lasted. */
const FINAL_STATUSES = new Set(['Succeeded', 'Failed', 'Stopped'])

export interface SummaryOptions {
  /** The run's AWS region; with it, a CodeDeploy deployment id links to its page in the console. */
  region?: string
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function fence(language: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}${language}\n${text.replace(/\n$/, '')}\n${marks}`
}

function of<T extends ProgressEvent['type']>(events: readonly ProgressEvent[], type: T) {
  return events.filter((event): event is Extract<ProgressEvent, { type: T }> => event.type === type)
}

function verdictTable(result: RunResult, events: readonly ProgressEvent[], options: SummaryOptions): string {
  const rows: [string, string][] = [['Status', `**${STATUS_TITLES[result.status]}**`]]
  if (result.service) rows.push(['Service', `${code(result.service)} in cluster ${code(result.cluster ?? '')}`])
  if (result.taskDefinitionArn) rows.push(['Task definition', code(result.taskDefinitionArn)])
  if (result.previousTaskDefinitionArn) rows.push(['Previous task definition', code(result.previousTaskDefinitionArn)])
  const started = of(events, 'deployment-started')[0]
  if (started) rows.push(['Strategy', started.strategy])
  if (result.deploymentId) rows.push(['Deployment', deploymentCell(result.deploymentId, options.region)])
  if (result.task) rows.push(...taskRows(result.task))
  const registered = of(events, 'registered')[0]
  if (registered?.reused) rows.push(['Registration', 'skipped: the latest revision was equivalent'])
  if (result.artifacts.length > 0) rows.push(['Artifacts', result.artifacts.map(code).join('<br>')])
  return ['| | |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`)].join('\n')
}

/** The one-off task's rows: which task, whose exit code, and what ECS said when it stopped. */
function taskRows(task: TaskOutcome): [string, string][] {
  const rows: [string, string][] = [['One-off task', code(task.taskArn)]]
  if (task.exitCode !== undefined) rows.push(['Exit code', `${task.exitCode} (${code(task.container ?? '')})`])
  if (task.stoppedReason) rows.push(['Stopped reason', task.stoppedReason])
  return rows
}

/** The lines the one-off task wrote while berth followed it, the last ones when there were many. */
function taskOutput(events: readonly ProgressEvent[], result: RunResult): string[] {
  const lines = of(events, 'task-log').map((event) => `${event.container} | ${event.message}`)
  // A failed task's last lines are shown as its log excerpt already.
  if (lines.length === 0 || (result.logs?.length ?? 0) > 0) return []
  return ['### Output of the one-off task', '', fence('text', lines.slice(-TASK_LINES_SHOWN).join('\n'))]
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`### ${title}`, '', ...items.map((item) => `- ${item.replace(/\n/g, ' ')}`)]
}

/** The AWS console page of a CodeDeploy deployment; other ids (ECS deployments) have no page of their own. */
function deploymentCell(id: string, region: string | undefined): string {
  if (!region || !CODEDEPLOY_ID.test(id)) return code(id)
  const url = `https://console.aws.amazon.com/codesuite/codedeploy/deployments/${id}?region=${encodeURIComponent(region)}`
  return `[${code(id)}](${url})`
}

function isBlueGreen(events: readonly ProgressEvent[]): boolean {
  return events.some(
    (event) =>
      event.type === 'lifecycle-event' ||
      event.type === 'stage-changed' ||
      event.type === 'traffic-shifted' ||
      (event.type === 'deployment-started' && event.strategy === 'codedeploy'),
  )
}

/** `+1m05s` from the deployment's start, taken as the earliest time CodeDeploy or ECS reported. */
function sinceStart(events: readonly ProgressEvent[]): (at?: Date) => string {
  const times = [
    ...of(events, 'lifecycle-event').map((event) => event.event.at),
    ...of(events, 'stage-changed').map((event) => event.at),
    ...of(events, 'hook-changed').map((event) => event.at),
    ...of(events, 'traffic-shifted').map((event) => event.at),
    ...of(events, 'deployment-status').map((event) => event.at),
  ].flatMap((at) => (at ? [at.getTime()] : []))
  const start = Math.min(...times)
  return (at) => (at ? relativeTime(at.getTime() - start) : '')
}

function lifecycleTimeline(events: readonly ProgressEvent[], time: (at?: Date) => string): string[] {
  const changes = of(events, 'lifecycle-event').map((event) => event.event)
  if (changes.length === 0) return []
  return [
    '### Lifecycle',
    '',
    '| Event | Status | Hook function | Time | Diagnostics |',
    '| --- | --- | --- | --- | --- |',
    ...changes.map(
      (change) =>
        `| ${change.name} | ${change.status} | ${cell(change.hookFunction ?? '')} | ${time(change.at)} | ${cell(change.diagnostics ?? '')} |`,
    ),
  ]
}

/** How long the `index`th of a timeline lasted: until the next one began. */
function lasted(timeline: readonly { at?: Date }[], index: number): string {
  const from = timeline[index].at
  const to = timeline[index + 1]?.at
  return from && to ? duration(to.getTime() - from.getTime()) : ''
}

/** An ECS-native deployment's stages, each with when it began and how long it lasted. */
function stageTimeline(events: readonly ProgressEvent[], time: (at?: Date) => string): string[] {
  const stages = of(events, 'stage-changed')
  if (stages.length === 0) return []
  return [
    '### Stages',
    '',
    '| Stage | Time | Lasted |',
    '| --- | --- | --- |',
    ...stages.map((stage, index) => `| ${stage.stage} | ${time(stage.at)} | ${lasted(stages, index)} |`),
  ]
}

function hookChanges(events: readonly ProgressEvent[], time: (at?: Date) => string): string[] {
  const changes = of(events, 'hook-changed')
  if (changes.length === 0) return []
  return [
    '### Lifecycle hooks',
    '',
    '| Hook | Stage | Status | Time |',
    '| --- | --- | --- | --- |',
    ...changes.map(({ hook, at }) => {
      const what =
        hook.targetType === 'PAUSE' ? `PAUSE ${code(hook.hookId)}` : `Lambda ${code(hook.functionName ?? hook.hookId)}`
      return `| ${what} | ${hook.stage ?? ''} | ${hook.status} | ${time(at)} |`
    }),
  ]
}

function trafficSteps(events: readonly ProgressEvent[], time: (at?: Date) => string): string[] {
  const steps = of(events, 'traffic-shifted')
  if (steps.length === 0) return []
  const withTest = steps.some((step) => step.test)
  return [
    '### Traffic',
    '',
    withTest ? '| Time | Blue | Green | Test traffic on green |' : '| Time | Blue | Green |',
    withTest ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    ...steps.map(
      (step) =>
        `| ${time(step.at)} | ${step.blue}% | ${step.green}% |` + (withTest ? ` ${step.test?.green ?? ''}% |` : ''),
    ),
  ]
}

/** The deployment's statuses, the termination wait and the rollback's among them, each with how long it lasted. */
function deploymentStatuses(events: readonly ProgressEvent[], time: (at?: Date) => string): string[] {
  const statuses = of(events, 'deployment-status')
  if (statuses.length === 0) return []
  return [
    '### Deployment status',
    '',
    '| Status | Time | Lasted |',
    '| --- | --- | --- |',
    ...statuses.map(
      (status, index) =>
        `| ${cell(statusLabel(status.status))} | ${time(status.at)} | ${FINAL_STATUSES.has(status.status) ? '' : lasted(statuses, index)} |`,
    ),
  ]
}

function statusLabel(status: string): string {
  return status === TERMINATION_WAIT ? 'InProgress (termination wait)' : status
}

function blueGreen(events: readonly ProgressEvent[]): string[][] {
  if (!isBlueGreen(events)) return []
  const time = sinceStart(events)
  return [
    lifecycleTimeline(events, time),
    stageTimeline(events, time),
    hookChanges(events, time),
    trafficSteps(events, time),
    deploymentStatuses(events, time),
  ]
}

function diffs(events: readonly ProgressEvent[]): string[] {
  return of(events, 'diff').flatMap((event) => [
    `### Task definition diff${event.from ? ` from ${code(shortTaskDefinition(event.from))}` : ''}`,
    '',
    fence('diff', event.text),
  ])
}

function logs(result: RunResult): string[] {
  return (result.logs ?? []).flatMap((excerpt) => [
    `### Last log lines of ${code(excerpt.container)} (task ${code(excerpt.taskId)})`,
    '',
    fence('text', excerpt.lines.join('\n')),
  ])
}

function serviceEvents(events: readonly ProgressEvent[]): string[] {
  const shown = of(events, 'service-event').slice(-SERVICE_EVENTS_SHOWN)
  if (shown.length === 0) return []
  return [
    '<details><summary>Service events</summary>',
    '',
    ...shown.map((event) => `- ${event.at.toISOString()} ${cell(event.message)}`),
    '',
    '</details>',
  ]
}

function planned(events: readonly ProgressEvent[]): string[] {
  return list(
    'Plan (dry run, nothing was changed)',
    of(events, 'plan').flatMap((event) => event.actions),
  )
}

/** One service's own events, in a run over several. */
function eventsOf(events: readonly ProgressEvent[], service: string): ProgressEvent[] {
  return of(events, 'service-progress').flatMap((event) => (event.service === service ? [event.event] : []))
}

/** A run over several services: one table row per service, then what went wrong with each that did not succeed. */
function servicesMarkdown(events: readonly ProgressEvent[], result: RunResult, options: SummaryOptions): string[][] {
  const services = result.services ?? []
  const row = (service: RunResult) => {
    const own = eventsOf(events, service.service ?? '')
    const strategy = of(own, 'deployment-started')[0]?.strategy ?? ''
    return [
      code(service.service ?? ''),
      `**${STATUS_TITLES[service.status]}**`,
      strategy,
      service.taskDefinitionArn ? code(shortTaskDefinition(service.taskDefinitionArn)) : '',
      service.previousTaskDefinitionArn ? code(shortTaskDefinition(service.previousTaskDefinitionArn)) : '',
      service.deploymentId ? deploymentCell(service.deploymentId, options.region) : '',
      service.reasons[0] ?? '',
    ]
  }
  const table = [
    '| Service | Status | Strategy | Task definition | Previous | Deployment | Reason |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...services.map((service) => `| ${row(service).map(cell).join(' | ')} |`),
  ]
  const details = services.flatMap((service) => {
    const own = eventsOf(events, service.service ?? '')
    const plans = of(own, 'plan').flatMap((event) => event.actions)
    if (endsWell(service.status) && plans.length === 0) return []
    const parts = [
      list('Plan (dry run, nothing was changed)', plans),
      list('Reasons', service.reasons),
      list('Hints', service.hints),
      logs(service),
    ].filter((part) => part.length > 0)
    return [[`### ${code(service.service ?? '')}: ${STATUS_TITLES[service.status]}`], ...parts]
  })
  return [[table.join('\n')], ...details]
}

/** The GitHub job summary of one run, as markdown, from its events and result. */
export function summaryMarkdown(
  events: readonly ProgressEvent[],
  result: RunResult,
  options: SummaryOptions = {},
): string {
  if (result.services) {
    const title = `## berth, ${result.services.length} services in cluster ${result.cluster}: ${STATUS_TITLES[result.status]}`
    return joined([[title], ...servicesMarkdown(events, result, options), warnings(events)])
  }
  const target = result.service ? ` ${result.service}` : ''
  const sections = [
    [`## berth${target}: ${STATUS_TITLES[result.status]}`],
    [verdictTable(result, events, options)],
    planned(events),
    list('Reasons', result.reasons),
    list('Hints', result.hints),
    logs(result),
    taskOutput(events, result),
    ...blueGreen(events),
    diffs(events),
    warnings(events),
    serviceEvents(events),
  ]
  return joined(sections)
}

function joined(sections: string[][]): string {
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n')}\n`
}

/** The run's warnings, and each service's (named) in a run over several. */
function warnings(events: readonly ProgressEvent[]): string[] {
  const text = (event: Extract<ProgressEvent, { type: 'warning' }>) =>
    `${event.file ? `${event.file}${event.line ? `:${event.line}` : ''}: ` : ''}${event.message}`
  const own = of(events, 'service-progress').flatMap(({ service, event }) =>
    event.type === 'warning' ? [`service ${service}: ${text(event)}`] : [],
  )
  return list('Warnings', [...of(events, 'warning').map(text), ...own])
}
