import type { Deployment, DeploymentCircuitBreaker, ServiceEvent } from '@aws-sdk/client-ecs'
import type { DeploymentCounts } from '../../events.js'

/** What berth follows: its own deployment, and the one that was PRIMARY before (the circuit breaker's target). */
export interface Tracking {
  deploymentId: string
  taskDefinitionArn: string
  previousDeploymentId?: string
}

export interface DeploymentRef {
  id: string
  taskDefinition: string
}

/** How our deployment stands after one look at the service's deployments. */
export type Judgement =
  | { state: 'in_progress' }
  | { state: 'succeeded'; at?: Date }
  | { state: 'rolled_back'; to: DeploymentRef; reason?: string; at?: Date }
  | { state: 'failed'; reason: string; at?: Date }
  | { state: 'superseded'; by: DeploymentRef; at?: Date }

const ROLLING_BACK = /circuit breaker: rolling back/i

function ref(deployment: Deployment): DeploymentRef {
  return { id: deployment.id ?? '?', taskDefinition: deployment.taskDefinition ?? '?' }
}

/** The circuit breaker restores the last COMPLETED deployment under its old id; a newer deployment has a new id. */
function isRollback(deployment: Deployment, tracking: Tracking): boolean {
  return deployment.id === tracking.previousDeploymentId || ROLLING_BACK.test(deployment.rolloutStateReason ?? '')
}

export function judge(deployments: readonly Deployment[], tracking: Tracking): Judgement {
  const ours = deployments.find((deployment) => deployment.id === tracking.deploymentId)
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY')
  const other = primary && primary.id !== tracking.deploymentId ? primary : undefined

  if (ours?.rolloutState === 'COMPLETED') return { state: 'succeeded', at: ours.updatedAt }
  if (other && isRollback(other, tracking)) {
    return {
      state: 'rolled_back',
      to: ref(other),
      reason: ours?.rolloutStateReason,
      at: ours?.updatedAt ?? other.createdAt,
    }
  }
  if (ours?.rolloutState === 'FAILED') {
    return { state: 'failed', reason: ours.rolloutStateReason ?? 'the deployment failed.', at: ours.updatedAt }
  }
  if (other) return { state: 'superseded', by: ref(other), at: other.createdAt }
  if (!ours) {
    return { state: 'failed', reason: `deployment ${tracking.deploymentId} is no longer listed on the service.` }
  }
  return { state: 'in_progress' }
}

/** Newest first, as DescribeServices lists them. */
export function countsOf(deployments: readonly Deployment[]): DeploymentCounts[] {
  return deployments.map((deployment) => ({
    id: deployment.id ?? '?',
    status: deployment.status ?? '?',
    taskDefinition: deployment.taskDefinition ?? '?',
    desired: deployment.desiredCount ?? 0,
    pending: deployment.pendingCount ?? 0,
    running: deployment.runningCount ?? 0,
    failed: deployment.failedTasks ?? 0,
    ...(deployment.rolloutState ? { rolloutState: deployment.rolloutState } : {}),
  }))
}

export function countsKey(counts: readonly DeploymentCounts[]): string {
  return JSON.stringify(counts)
}

export function eventKey(event: ServiceEvent): string {
  return event.id ?? `${event.createdAt?.getTime() ?? ''} ${event.message ?? ''}`
}

/** Events not seen before, oldest first; marks them seen. ECS lists events newest first. */
export function takeNewEvents(events: readonly ServiceEvent[], seen: Set<string>): ServiceEvent[] {
  const fresh: ServiceEvent[] = []
  for (const event of [...events].reverse()) {
    const key = eventKey(event)
    if (seen.has(key)) continue
    seen.add(key)
    fresh.push(event)
  }
  return fresh
}

export function circuitBreakerOn(breaker?: DeploymentCircuitBreaker): boolean {
  return breaker?.enable === true
}
