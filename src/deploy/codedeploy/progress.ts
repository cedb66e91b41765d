import type { DeploymentInfo, ECSTarget, LifecycleEvent } from '@aws-sdk/client-codedeploy'
import type { HookBinding } from '../../artifacts/hooks.js'
import { TERMINATION_WAIT, type LifecycleEventChange, type ProgressEvent } from '../../events.js'

/** The deployment statuses after which nothing changes any more. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped'])

/** Reported as the deployment status while CodeDeploy keeps the blue task set for the termination wait. */
/** The production traffic split, in percent. */
export interface TrafficSplit {
  blue: number
  green: number
  at?: Date
}

/** What one look at a CodeDeploy deployment saw, reduced to what berth reports and decides on. */
export interface Observation {
  status: string
  /** When the deployment reached `status`, when CodeDeploy records it. */
  statusAt?: Date
  /** All traffic is on green and CodeDeploy waits before it removes blue. */
  terminationWait: boolean
  lifecycle: LifecycleEvent[]
  traffic?: TrafficSplit
  /** The ids of the task sets, once they exist. */
  taskSets: { blue?: string; green?: string }
}

/** Task set ids by role; a rollback deployment swaps CodeDeploy's Blue/Green labels, the ids stay. */
export type TaskSetIds = Observation['taskSets']

export function observe(info: DeploymentInfo, target: ECSTarget | undefined, roles?: TaskSetIds): Observation {
  const status = info.status ?? 'Unknown'
  const lifecycle = target?.lifecycleEvents ?? []
  const statusAt = statusTime(info)
  return {
    status,
    ...(statusAt ? { statusAt } : {}),
    terminationWait:
      status === 'InProgress' && (info.instanceTerminationWaitTimeStarted === true || trafficShifted(lifecycle)),
    lifecycle,
    traffic: trafficOf(target, roles),
    taskSets: {
      blue: target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Blue')?.identifer,
      green: target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Green')?.identifer,
    },
  }
}

/** CodeDeploy's own time for the status it reports; none for statuses it does not timestamp. */
function statusTime(info: DeploymentInfo): Date | undefined {
  if (info.status === 'Created') return info.createTime
  if (info.status === 'InProgress') return info.startTime
  return TERMINAL_STATUSES.has(info.status ?? '') ? info.completeTime : undefined
}

/** AllowTraffic and AfterAllowTraffic are done: production traffic is on green and its last hook passed. */
export function trafficShifted(lifecycle: readonly LifecycleEvent[]): boolean {
  const done = (name: string) => {
    const status = lifecycle.find((event) => event.lifecycleEventName === name)?.status
    return status === 'Succeeded' || status === 'Skipped'
  }
  return done('AllowTraffic') && done('AfterAllowTraffic')
}

/** Blue and green weights by label, or by task set id when `roles` says which set is which. */
function trafficOf(target: ECSTarget | undefined, roles?: TaskSetIds): TrafficSplit | undefined {
  const sets = target?.taskSetsInfo ?? []
  if (sets.length === 0) return undefined
  const weight = (label: 'Blue' | 'Green') => {
    const id = label === 'Blue' ? roles?.blue : roles?.green
    const set = id ? sets.find((entry) => entry.identifer === id) : sets.find((entry) => entry.taskSetLabel === label)
    return set?.trafficWeight ?? 0
  }
  return {
    blue: weight('Blue'),
    green: weight('Green'),
    ...(target?.lastUpdatedAt ? { at: target.lastUpdatedAt } : {}),
  }
}

/**
 * The progress events between two looks, in the order a reader wants them: a new non-terminal status first,
 * then lifecycle changes (each traffic move right after the lifecycle events that preceded it), a terminal
 * status last.
 */
export function progressEvents(
  previous: Observation | undefined,
  current: Observation,
  hooks: readonly HookBinding[],
): ProgressEvent[] {
  const events: ProgressEvent[] = []
  const statusChanged = current.status !== previous?.status
  const terminal = TERMINAL_STATUSES.has(current.status)
  if (statusChanged && !terminal) events.push(statusEvent(current.status, current.statusAt))
  const lifecycle = lifecycleChanges(previous?.lifecycle ?? [], current.lifecycle, hooks)
  const traffic = trafficChange(previous?.traffic, current.traffic)
  // The last traffic step happens before AllowTraffic succeeds, even when one look sees both.
  const allowed = lifecycle.findIndex((event) => isAllowTrafficDone(event))
  if (traffic) lifecycle.splice(allowed < 0 ? lifecycle.length : allowed, 0, traffic)
  events.push(...lifecycle)
  if (current.terminationWait && !previous?.terminationWait && !terminal) {
    events.push(statusEvent(TERMINATION_WAIT, endOf(current.lifecycle, 'AfterAllowTraffic')))
  }
  if (statusChanged && terminal) events.push(statusEvent(current.status, current.statusAt))
  return events
}

function isAllowTrafficDone(event: ProgressEvent): boolean {
  return event.type === 'lifecycle-event' && event.event.name === 'AllowTraffic' && event.event.status === 'Succeeded'
}

function statusEvent(status: string, at: Date | undefined): ProgressEvent {
  return { type: 'deployment-status', status, ...(at ? { at } : {}) }
}

function endOf(lifecycle: readonly LifecycleEvent[], name: string): Date | undefined {
  return lifecycle.find((event) => event.lifecycleEventName === name)?.endTime
}

function lifecycleChanges(
  before: readonly LifecycleEvent[],
  after: readonly LifecycleEvent[],
  hooks: readonly HookBinding[],
): ProgressEvent[] {
  const previous = new Map(before.map((event) => [event.lifecycleEventName, event.status]))
  return after
    .filter((event) => event.status !== previous.get(event.lifecycleEventName))
    .filter((event) => previous.has(event.lifecycleEventName) || event.status !== 'Pending')
    .map((event) => ({ type: 'lifecycle-event', event: lifecycleChange(event, hooks) }))
}

export function lifecycleChange(event: LifecycleEvent, hooks: readonly HookBinding[]): LifecycleEventChange {
  const name = event.lifecycleEventName ?? 'Unknown'
  const hookFunction = hooks.find((hook) => hook.event === name)?.functionName
  const at = event.endTime ?? event.startTime
  const diagnostics = diagnosticsOf(event)
  return {
    name,
    status: event.status ?? 'Unknown',
    ...(at ? { at } : {}),
    ...(hookFunction ? { hookFunction } : {}),
    ...(diagnostics ? { diagnostics } : {}),
  }
}

/** `ErrorCode: message`; the log tail stays out, it is the hook's own output. */
export function diagnosticsOf(event: LifecycleEvent): string | undefined {
  const { errorCode, message } = event.diagnostics ?? {}
  if (!errorCode && !message) return undefined
  return [errorCode, message].filter(Boolean).join(': ')
}

export function trafficChange(
  before: TrafficSplit | undefined,
  after: TrafficSplit | undefined,
): ProgressEvent | undefined {
  if (!after) return undefined
  const moved = before ? before.blue !== after.blue || before.green !== after.green : after.green > 0
  if (!moved) return undefined
  return { type: 'traffic-shifted', blue: after.blue, green: after.green, ...(after.at ? { at: after.at } : {}) }
}
