/**
 * How long to wait between polls: fast right after a change (terminal states follow changes), slower while
 * nothing moves, never above the ceiling (`--poll-interval`) unless the API throttles us.
 */
export interface Pace {
  floorMs: number
  ceilingMs: number
  currentMs: number
}

const GROWTH = 1.5
const THROTTLE_FACTOR = 2
/** Throttled polls may wait up to this many ceilings. */
const THROTTLE_LIMIT = 6

/** The quickest look after a change: a fifth of the poll interval. */
export function fastestPollMs(ceilingMs: number): number {
  return Math.max(1, Math.round(ceilingMs / 5))
}

export function startPace(ceilingMs: number): Pace {
  const floorMs = fastestPollMs(ceilingMs)
  return { floorMs, ceilingMs, currentMs: floorMs }
}

/** Nothing changed: wait a little longer next time. */
export function slower(pace: Pace): Pace {
  return { ...pace, currentMs: Math.min(pace.ceilingMs, Math.round(pace.currentMs * GROWTH)) }
}

/** Something changed: look again soon. */
export function quicker(pace: Pace): Pace {
  return { ...pace, currentMs: pace.floorMs }
}

/** Throttled: back off beyond the ceiling, up to a limit. */
export function throttled(pace: Pace): Pace {
  const backedOff = Math.max(pace.ceilingMs, pace.currentMs * THROTTLE_FACTOR)
  return { ...pace, currentMs: Math.min(pace.ceilingMs * THROTTLE_LIMIT, backedOff) }
}

/** ±10 %, so that many pipelines polling one account do not fall into step. */
export function jitter(ms: number, random: () => number = Math.random): number {
  return Math.max(0, Math.round(ms * (0.9 + 0.2 * random())))
}
