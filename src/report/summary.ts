import type { ProgressEvent, RunResult } from './events.js'
import { STATUS_TITLES, shortTaskDefinition } from './format.js'

const SERVICE_EVENTS_SHOWN = 20

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

function verdictTable(result: RunResult, events: readonly ProgressEvent[]): string {
  const rows: [string, string][] = [['Status', `**${STATUS_TITLES[result.status]}**`]]
  if (result.service) rows.push(['Service', `${code(result.service)} in cluster ${code(result.cluster ?? '')}`])
  if (result.taskDefinitionArn) rows.push(['Task definition', code(result.taskDefinitionArn)])
  if (result.previousTaskDefinitionArn) rows.push(['Previous task definition', code(result.previousTaskDefinitionArn)])
  const started = of(events, 'deployment-started')[0]
  if (started) rows.push(['Strategy', started.strategy])
  if (result.deploymentId) rows.push(['Deployment', code(result.deploymentId)])
  const registered = of(events, 'registered')[0]
  if (registered?.reused) rows.push(['Registration', 'skipped: the latest revision was equivalent'])
  if (result.artifacts.length > 0) rows.push(['Artifacts', result.artifacts.map(code).join('<br>')])
  return ['| | |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`)].join('\n')
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`### ${title}`, '', ...items.map((item) => `- ${item.replace(/\n/g, ' ')}`)]
}

function lifecycleTimeline(events: readonly ProgressEvent[]): string[] {
  const changes = of(events, 'lifecycle-event').map((event) => event.event)
  if (changes.length === 0) return []
  return [
    '### Lifecycle',
    '',
    '| Event | Status | Hook | At | Diagnostics |',
    '| --- | --- | --- | --- | --- |',
    ...changes.map(
      (change) =>
        `| ${change.name} | ${change.status} | ${cell(change.hookFunction ?? '')} | ${change.at?.toISOString() ?? ''} | ${cell(change.diagnostics ?? '')} |`,
    ),
  ]
}

function trafficSteps(events: readonly ProgressEvent[]): string[] {
  const steps = of(events, 'traffic-shifted')
  if (steps.length === 0) return []
  return [
    '### Traffic',
    '',
    '| At | Blue | Green |',
    '| --- | --- | --- |',
    ...steps.map((step) => `| ${step.at?.toISOString() ?? ''} | ${step.blue}% | ${step.green}% |`),
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

/** The GitHub job summary of one run, as markdown, from its events and result. */
export function summaryMarkdown(events: readonly ProgressEvent[], result: RunResult): string {
  const target = result.service ? ` ${result.service}` : ''
  const sections = [
    [`## berth${target}: ${STATUS_TITLES[result.status]}`],
    [verdictTable(result, events)],
    planned(events),
    list('Reasons', result.reasons),
    list('Hints', result.hints),
    logs(result),
    lifecycleTimeline(events),
    trafficSteps(events),
    diffs(events),
    list(
      'Warnings',
      of(events, 'warning').map(
        (event) => `${event.file ? `${event.file}${event.line ? `:${event.line}` : ''}: ` : ''}${event.message}`,
      ),
    ),
    serviceEvents(events),
  ]
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n')}\n`
}
