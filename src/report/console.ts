import { TERMINATION_WAIT, type HookChange, type ProgressEvent, type Reporter } from '../events.js'
import { endsWell, type RunResult } from '../verdict.js'
import { describeCounts, duration, relativeTime, shortTaskDefinition, STATUS_TITLES, taskIdOf } from './format.js'

export interface ConsoleOptions {
  /** For relative timestamps; Date.now when omitted. */
  now?: () => number
  /** Print the rendered task definition (off when it goes into the JSON line anyway). Default true. */
  printRendered?: boolean
  /** `--verbose`: print debug events and every AWS call with its duration and attempts. */
  debug?: boolean
}

/** Where the console writes: a stream, or the block of one service. */
export interface Sink {
  write(text: string): unknown
}

/** The time every line of a run counts from, shared by the blocks of its services. */
interface Origin {
  start?: number
}

/**
 * Human-readable progress: one line per change, timestamps relative to the first event, never a line twice. In a
 * run over several services, each service's lines are held back and printed together, as one block under its name,
 * when the service ends: a CI log shows each service's story in one piece instead of lines of several interleaved,
 * and the timestamps still tell when each line happened.
 */
export function consoleReporter(stream: Sink, options: ConsoleOptions = {}, origin: Origin = {}): Reporter {
  const now = options.now ?? Date.now
  const blocks = new Map<string, { text: string[]; reporter: Reporter }>()
  let lastTasks = ''
  let lastRetry = ''
  const printed = new Set<string>()

  const raw = (text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`)
  const line = (text: string) => {
    const at = now()
    origin.start ??= at
    raw(`${relativeTime(at - origin.start).padStart(7)}  ${text}`)
  }
  const once = (text: string) => {
    if (printed.has(text)) return
    printed.add(text)
    line(text)
  }

  const handlers: { [K in ProgressEvent['type']]: (event: Extract<ProgressEvent, { type: K }>) => void } = {
    'stage-started': (event) => line(`== ${event.title}`),
    'stage-ended': () => undefined,
    info: (event) => line(event.message),
    warning: (event) =>
      line(`warning: ${event.file ? `${event.file}${event.line ? `:${event.line}` : ''}: ` : ''}${event.message}`),
    debug: (event) => {
      if (options.debug) line(`debug: ${event.message}`)
    },
    'aws-call': (event) => {
      if (!options.debug) return
      const attempts = event.attempts > 1 ? `, ${event.attempts} attempts` : ''
      line(
        `debug: ${event.service} ${event.operation} ${event.ms} ms${attempts}${event.error ? `, ${event.error}` : ''}`,
      )
    },
    diff: (event) => {
      line(`diff ${event.from ? shortTaskDefinition(event.from) : 'input'} -> ${event.to ?? 'rendered'}:`)
      raw(event.text.replace(/^/gm, '    ').replace(/\s+$/, ''))
    },
    rendered: (event) => {
      if (event.path) line(`wrote the rendered task definition to ${event.path}`)
      else if (options.printRendered !== false) raw(JSON.stringify(event.taskDefinition, null, 2))
    },
    registered: (event) =>
      line(
        event.reused
          ? `unchanged: reusing ${shortTaskDefinition(event.taskDefinitionArn)}, an equivalent registered revision`
          : `registered ${shortTaskDefinition(event.taskDefinitionArn)}`,
      ),
    plan: (event) => event.actions.forEach((action) => line(`DRY RUN  would ${action}`)),
    deregistered: (event) => {
      if (event.taskDefinitionArns.length === 0) line('no old revisions to deregister')
      else line(`deregistered ${event.taskDefinitionArns.map(shortTaskDefinition).join(', ')}`)
    },
    retrying: (event) => {
      if (event.error === lastRetry) return
      lastRetry = event.error
      line(`AWS API: ${event.error}; trying again in ${duration(event.delayMs)}`)
    },
    'artifacts-written': (event) => event.paths.forEach((path) => line(`wrote ${path}`)),
    'deployment-started': (event) =>
      line(
        `deployment ${event.deploymentId} started: ${shortTaskDefinition(event.taskDefinitionArn)} (${event.strategy})`,
      ),
    'tasks-changed': (event) => {
      const text = `tasks  ${event.deployments.map(describeCounts).join(' | ')}`
      if (text === lastTasks) return
      lastTasks = text
      line(text)
    },
    'service-event': (event) => once(`event  ${event.message}`),
    'lifecycle-event': ({ event }) =>
      once(
        `lifecycle  ${event.name} ${event.status}${event.hookFunction ? ` (hook ${event.hookFunction})` : ''}` +
          `${event.diagnostics ? `: ${event.diagnostics}` : ''}`,
      ),
    'traffic-shifted': (event) =>
      once(
        `traffic  blue ${event.blue}% / green ${event.green}%` +
          (event.test ? ` (test traffic: blue ${event.test.blue}% / green ${event.test.green}%)` : ''),
      ),
    'stage-changed': (event) =>
      line(`stage  ${event.stage}${event.bakeMinutes ? ` (bake time ${event.bakeMinutes} min)` : ''}`),
    'hook-changed': ({ hook }) => once(`hook   ${describeHook(hook)}`),
    'circuit-breaker': (event) =>
      once(
        event.status === 'TRIGGERED'
          ? `circuit breaker tripped: ${event.failureCount} failed tasks, threshold ${event.threshold}`
          : `circuit breaker: ${event.failureCount} of ${event.threshold} failed tasks before it trips`,
      ),
    'deployment-status': (event) =>
      once(
        event.status === TERMINATION_WAIT
          ? 'deployment InProgress: all traffic on green; the original task set is removed after the termination wait'
          : `deployment ${event.status}`,
      ),
    'rollback-started': (event) =>
      line(
        `rolling back${event.taskDefinitionArn ? ` to ${shortTaskDefinition(event.taskDefinitionArn)}` : ''}: ${event.reason}`,
      ),
    'task-started': (event) =>
      line(
        `task ${taskIdOf(event.taskArn)} started in cluster ${event.cluster}: ` +
          `${shortTaskDefinition(event.taskDefinitionArn)} (startedBy ${event.startedBy})`,
      ),
    'task-log': (event) => line(`log    ${event.container} | ${event.message}`),
    'task-stopped': (event) =>
      line(
        `task ${taskIdOf(event.taskArn)} stopped: ${event.stoppedReason ?? event.stopCode ?? 'no reason given'}` +
          (event.exitCode !== undefined ? ` (${event.container} exit code ${event.exitCode})` : ''),
      ),
    verdict: (event) => verdictBlock(event.result).forEach((text, index) => (index === 0 ? line(text) : raw(text))),
    'service-progress': (event) => {
      let block = blocks.get(event.service)
      if (!block) {
        const text: string[] = []
        block = { text, reporter: consoleReporter({ write: (chunk: string) => text.push(chunk) }, options, origin) }
        blocks.set(event.service, block)
      }
      block.reporter.emit(event.event)
    },
    'service-ended': (event) => {
      const block = blocks.get(event.service)
      blocks.delete(event.service)
      if (!block || block.text.length === 0) return
      raw(`\n--- service ${event.service} ${'-'.repeat(Math.max(3, 60 - event.service.length))}`)
      raw(block.text.join(''))
    },
  }

  return {
    emit(event) {
      ;(handlers[event.type] as (event: ProgressEvent) => void)(event)
    },
  }
}

/** `PAUSE hook ecs-pause-… at POST_SCALE_UP: AWAITING_ACTION (expires …)`, `Lambda hook validate-green …`. */
export function describeHook(hook: HookChange): string {
  const what =
    hook.targetType === 'PAUSE' ? `PAUSE hook ${hook.hookId}` : `Lambda hook ${hook.functionName ?? hook.hookId}`
  const expires =
    hook.status === 'AWAITING_ACTION' && hook.expiresAt ? ` (expires ${hook.expiresAt.toISOString()})` : ''
  return `${what}${hook.stage ? ` at ${hook.stage}` : ''}: ${hook.status}${expires}`
}

/** The closing block: status, what runs where, reasons, hints, log tails. */
export function verdictBlock(result: RunResult): string[] {
  if (result.status === 'rendered') return []
  const lines = [`${endsWell(result.status) ? 'OK' : 'FAILED'}: ${STATUS_TITLES[result.status]}`]
  if (result.services) return [...lines, ...servicesBlock(result)]
  const field = (name: string, value?: string) => {
    if (value) lines.push(`    ${name.padEnd(17)} ${value}`)
  }
  field('service', result.service && `${result.service} (cluster ${result.cluster})`)
  field('task definition', result.taskDefinitionArn && shortTaskDefinition(result.taskDefinitionArn))
  field('previous', result.previousTaskDefinitionArn && shortTaskDefinition(result.previousTaskDefinitionArn))
  field('deployment', result.deploymentId)
  field('task', result.task && taskIdOf(result.task.taskArn))
  field('exit code', result.task?.exitCode !== undefined ? `${result.task.exitCode} (${result.task.container})` : '')
  if (result.reasons.length > 0) lines.push('    reasons:', ...result.reasons.map((reason) => `      - ${reason}`))
  if (result.hints.length > 0) lines.push('    hints:', ...result.hints.map((hint) => `      - ${hint}`))
  for (const excerpt of result.logs ?? []) {
    lines.push(
      `    last log lines of ${excerpt.container} (task ${excerpt.taskId}, ${excerpt.group} ${excerpt.stream}):`,
    )
    lines.push(...excerpt.lines.map((text) => `      | ${text}`))
  }
  return lines
}

/** The closing lines of a run over several services: one line per service, then the run's reasons. */
function servicesBlock(result: RunResult): string[] {
  const services = result.services ?? []
  const width = Math.max(...services.map((service) => (service.service ?? '').length))
  const rows = services.map((service) => {
    const to = service.taskDefinitionArn ? shortTaskDefinition(service.taskDefinitionArn) : ''
    const from = service.previousTaskDefinitionArn
      ? ` (was ${shortTaskDefinition(service.previousTaskDefinitionArn)})`
      : ''
    return `    ${(service.service ?? '').padEnd(width)}  ${STATUS_TITLES[service.status].padEnd(12)} ${to}${from}`
  })
  const reasons =
    result.reasons.length > 0 ? ['    reasons:', ...result.reasons.map((reason) => `      - ${reason}`)] : []
  return [`    cluster ${result.cluster}`, ...rows, ...reasons]
}
