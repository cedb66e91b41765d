import type { Service } from '@aws-sdk/client-ecs'
import type { DeploymentCounts, Reporter } from '../events.js'
import type { ServiceEventSeen } from './driver.js'
import { countsKey, countsOf, eventKey, takeNewEvents } from './rolling/judge.js'

/**
 * What a driver reports of each look at an ECS-controller service: its deployments' task counts when they change,
 * and the service events that appeared since the run began (kept for the explanation).
 */
export class ServiceReport {
  private readonly seen = new Set<string>()
  /** The service events that appeared while berth watched, oldest first. */
  readonly serviceEvents: ServiceEventSeen[] = []
  private lastCounts = ''
  counts: DeploymentCounts[] = []
  /** The service's current service deployment, as the last look showed it. */
  current: string | undefined

  constructor(
    private readonly reporter: Reporter,
    private readonly now: () => number,
    before: Service,
  ) {
    for (const event of before.events ?? []) this.seen.add(eventKey(event))
  }

  /** Emits task counts when they change and service events not seen before; true when anything was new. */
  report(service: Service): boolean {
    this.current = service.currentServiceDeployment
    const counts = countsOf(service.deployments ?? [])
    const key = countsKey(counts)
    const countsChanged = key !== this.lastCounts
    if (countsChanged) {
      this.lastCounts = key
      this.counts = counts
      this.reporter.emit({ type: 'tasks-changed', deployments: counts })
    }
    const fresh = takeNewEvents(service.events ?? [], this.seen)
    for (const event of fresh) {
      const message = event.message ?? ''
      this.serviceEvents.push({ at: event.createdAt, message })
      this.reporter.emit({ type: 'service-event', at: event.createdAt ?? new Date(this.now()), message })
    }
    return countsChanged || fresh.length > 0
  }
}
