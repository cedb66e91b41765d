import type { DeploymentCounts } from '../events.js'
import type { RunStatus } from '../verdict.js'

/** `arn:aws:ecs:…:task-definition/web:8` → `web:8`; anything else unchanged. */
export function shortTaskDefinition(arn: string): string {
  const at = arn.indexOf('task-definition/')
  return at >= 0 ? arn.slice(at + 'task-definition/'.length) : arn
}

/** `+7s`, `+1m05s`, `+1h02m`. */
export function relativeTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 60) return `+${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `+${minutes}m${String(seconds % 60).padStart(2, '0')}s`
  return `+${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`
}

export function duration(ms: number): string {
  return relativeTime(ms).slice(1)
}

/** `PRIMARY web:8 1/3 running, 2 pending, 1 failed (IN_PROGRESS)`. */
export function describeCounts(counts: DeploymentCounts): string {
  const extra = [
    counts.pending > 0 ? `${counts.pending} pending` : '',
    counts.failed > 0 ? `${counts.failed} failed` : '',
  ]
    .filter(Boolean)
    .join(', ')
  const state = counts.rolloutState ? ` (${counts.rolloutState})` : ''
  return `${counts.status} ${shortTaskDefinition(counts.taskDefinition)} ${counts.running}/${counts.desired} running${extra ? `, ${extra}` : ''}${state}`
}

export const STATUS_TITLES: Record<RunStatus, string> = {
  succeeded: 'succeeded',
  paused: 'paused, waiting for berth continue',
  failed: 'failed',
  rolled_back: 'rolled back',
  timed_out: 'timed out',
  cancelled: 'cancelled',
  planned: 'planned (dry run)',
  rendered: 'rendered',
}

/** `arn:aws:ecs:…:task/prod/0123abcd…` → `0123abcd…`. */
export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1)
}
