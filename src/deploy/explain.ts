import type { Container, Task } from '@aws-sdk/client-ecs'
import type { LogExcerpt } from '../verdict.js'

/** What berth gathered about a deployment that did not succeed. */
export interface Evidence {
  /** Stopped tasks of the deployment (DescribeTasks), any order. */
  stoppedTasks: readonly Task[]
  /** Service events seen while watching, oldest first. */
  events: readonly { at?: Date; message: string }[]
  /** Log tails of failed containers that log with awslogs. */
  logs: readonly LogExcerpt[]
}

export interface Explanation {
  reasons: string[]
  hints: string[]
}

/** At most this many service events make it into the reasons. */
const EVENT_REASONS = 3

/** Turns stopped tasks, events and logs into counted reasons and one hint per known failure. */
export function explain(evidence: Evidence): Explanation {
  return {
    reasons: [...taskReasons(evidence.stoppedTasks), ...eventReasons(evidence.events)],
    hints: hints(evidence),
  }
}

/** A container's own reason and exit code; a reason the task already gave is not said twice. */
function containerDetail(container: Container, taskReason: string): string | undefined {
  const name = container.name ?? 'container'
  const exit = container.exitCode
  const reason = container.reason && container.reason !== taskReason ? container.reason : undefined
  const failedExit = exit !== undefined && exit !== 0
  if (reason && failedExit) return `${name}: ${reason}, exit code ${exit}`
  if (reason) return `${name}: ${reason}`
  if (failedExit) return `${name} exit code ${exit}`
  return undefined
}

/** What one stopped task says, without anything unique to the task (so that equal failures count together). */
export function taskSignature(task: Task): string {
  const reason = task.stoppedReason ?? task.stopCode ?? 'stopped'
  const details = (task.containers ?? [])
    .map((container) => containerDetail(container, reason))
    .filter((detail) => detail !== undefined)
  return details.length > 0 ? `${reason} (${details.join('; ')})` : reason
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function taskReasons(tasks: readonly Task[]): string[] {
  return countBy(tasks, taskSignature).map(([signature, count]) => `${plural(count, 'task')} stopped: ${signature}`)
}

const FAILURE_EVENT =
  /deployment failed|rolling back|unable to place|unable to consistently start|is unhealthy in|failed container health checks|failed to start/i

/** Task ids and target group ARNs make otherwise equal events differ. */
function normaliseEvent(message: string): string {
  return message.replace(/\(task [0-9a-f]{32}\)/g, '(task …)').replace(/\s+/g, ' ')
}

function eventReasons(events: Evidence['events']): string[] {
  const failing = events.filter((event) => FAILURE_EVENT.test(event.message)).map((event) => event.message)
  const counted = new Map<string, number>()
  for (const message of failing) counted.set(normaliseEvent(message), (counted.get(normaliseEvent(message)) ?? 0) + 1)
  return [...counted]
    .slice(-EVENT_REASONS)
    .map(([message, count]) => (count > 1 ? `service event (${count} times): ${message}` : `service event: ${message}`))
}

interface HintRule {
  /** Dedup key; a rule may give one hint per container. */
  key: string
  text: string
}

function texts(evidence: Evidence): string[] {
  const fromTasks = evidence.stoppedTasks.flatMap((task) => [
    task.stoppedReason ?? '',
    ...(task.containers ?? []).map((container) => container.reason ?? ''),
  ])
  return [...fromTasks, ...evidence.events.map((event) => event.message)]
}

function imageOf(message: string): string | undefined {
  return /failed to resolve ref (\S+?):? /.exec(message)?.[1] ?? /pull image (\S+)/.exec(message)?.[1]
}

function pullHint(evidence: Evidence): HintRule[] {
  const message = texts(evidence).find((text) => /CannotPullContainerError/.test(text))
  if (!message) return []
  const image = imageOf(message)
  return [
    {
      key: 'pull',
      text:
        `CannotPullContainerError: the image${image ? ` ${image}` : ''} or its tag does not exist, or the task has ` +
        'no route to the registry. Check that the image was pushed with that tag, and that the subnets reach ECR ' +
        '(NAT gateway, public IP, or VPC endpoints for ecr.api, ecr.dkr and S3).',
    },
  ]
}

function initHint(evidence: Evidence): HintRule[] {
  if (!texts(evidence).some((text) => /ResourceInitializationError/.test(text))) return []
  return [
    {
      key: 'init',
      text:
        'ResourceInitializationError: the task could not fetch its secrets or registry auth. Check that the task ' +
        'execution role may read them (secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt, ' +
        'ecr:GetAuthorizationToken) and that the subnets reach those services (NAT gateway or VPC endpoints).',
    },
  ]
}

function elbHint(evidence: Evidence): HintRule[] {
  if (!texts(evidence).some((text) => /ELB health checks|is unhealthy in \(target-group/.test(text))) return []
  return [
    {
      key: 'elb',
      text:
        'Tasks failed the load balancer health checks: check that the target group health check path and port ' +
        'match what the container serves on its containerPort, and raise the service healthCheckGracePeriodSeconds ' +
        'if the app needs longer to start.',
    },
  ]
}

function containerHealthHint(evidence: Evidence): HintRule[] {
  if (!texts(evidence).some((text) => /failed container health checks/i.test(text))) return []
  return [
    {
      key: 'container-health',
      text:
        'Tasks failed their container health check: run the healthCheck command inside the image, and raise its ' +
        'startPeriod if the app needs longer to start.',
    },
  ]
}

function networkHint(evidence: Evidence): HintRule[] {
  const pattern = /\bENI\b|elastic network interface|free (IP )?addresses|no more IP|insufficient .*IP/i
  if (!texts(evidence).some((text) => pattern.test(text))) return []
  return [
    {
      key: 'eni',
      text:
        'No network interface or IP address left: the subnets have no free IPs or the instances reached their ENI ' +
        'limit. Add or enlarge subnets, or turn on awsvpcTrunking for EC2 container instances.',
    },
  ]
}

function isOutOfMemory(container: Container): boolean {
  return container.exitCode === 137 || /OutOfMemory/i.test(container.reason ?? '')
}

/**
 * Containers whose exit stopped their task. A task the scheduler stopped (failed health checks, scale-in) also has
 * exit codes (143, or 137 after the stop timeout) that say nothing about the app.
 */
function failedContainers(evidence: Evidence): Container[] {
  return evidence.stoppedTasks
    .filter((task) => task.stopCode === undefined || task.stopCode === 'EssentialContainerExited')
    .flatMap((task) => task.containers ?? [])
}

function memoryHints(evidence: Evidence): HintRule[] {
  return failedContainers(evidence)
    .filter(isOutOfMemory)
    .map((container) => ({
      key: `oom ${container.name}`,
      text:
        `${container.name} was killed for using too much memory (exit code 137): raise the memory of the task ` +
        'or the container, or lower what the app uses (heap size, caches).',
    }))
}

function logsOf(evidence: Evidence, container: string): LogExcerpt | undefined {
  return evidence.logs.find((excerpt) => excerpt.container === container && excerpt.lines.length > 0)
}

const ERROR_LINE = /\b(error|exception|fatal|panic|traceback|failed|cannot|refused|denied)\b/i
const STACK_FRAME = /^\s+(at |File "|\.\.\.)/

/** The line that says what went wrong: the last one that reads like an error, not a stack frame under it. */
function telltaleLine(lines: string[]): { line: string; isError: boolean } {
  const error = [...lines].reverse().find((line) => ERROR_LINE.test(line) && !STACK_FRAME.test(line))
  return error ? { line: error, isError: true } : { line: lines[lines.length - 1], isError: false }
}

function exitHints(evidence: Evidence): HintRule[] {
  return failedContainers(evidence)
    .filter((container) => container.exitCode !== undefined && container.exitCode !== 0 && !isOutOfMemory(container))
    .map((container) => {
      const name = container.name ?? 'container'
      const excerpt = logsOf(evidence, name)
      const telltale = excerpt && telltaleLine(excerpt.lines)
      const logs = telltale
        ? ` ${telltale.isError ? 'Its log says' : 'Its last log line'} (${excerpt.group} ${excerpt.stream}): ${telltale.line.trim()}`
        : ' Look at its logs for the cause.'
      return {
        key: `exit ${name} ${container.exitCode}`,
        text: `${name} exited with code ${container.exitCode}.${logs}`,
      }
    })
}

const RULES = [pullHint, initHint, elbHint, containerHealthHint, networkHint, memoryHints, exitHints]

function hints(evidence: Evidence): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const rule of RULES.flatMap((make) => make(evidence))) {
    if (seen.has(rule.key)) continue
    seen.add(rule.key)
    result.push(rule.text)
  }
  return result
}
