import { normaliseUnits } from '../taskdef/units.js'

// The kinds of value inputs take (durations, counts, booleans, choices, units), shared by every command's parser.

/** A parser of one value: returns the typed value or throws `Invalid` with what is accepted. */
export type Parse<T> = (value: string) => T

/** Thrown by value parsers; `reader` turns it into a UserError naming the input and the bad value. */
export class Invalid extends Error {}

export function parseBoolean(value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0)$/i.test(value)) return false
  throw new Invalid('expected true or false.')
}

export function splitOnce(value: string, separator: string): [string, string] | undefined {
  const at = value.indexOf(separator)
  return at <= 0 ? undefined : [value.slice(0, at), value.slice(at + 1)]
}

export function oneOf<T extends string>(accepted: readonly T[]): Parse<T> {
  return (value) => {
    if ((accepted as readonly string[]).includes(value)) return value as T
    throw new Invalid(`expected one of ${accepted.join(', ')}.`)
  }
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new Invalid('expected a whole number, 0 or more.')
  return Number(value)
}

export function parsePositiveCount(value: string): number {
  const count = Number(value)
  if (!/^\d+$/.test(value) || count < 1) throw new Invalid('expected a whole number, 1 or more.')
  return count
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** The range a duration input accepts, in milliseconds, and how the range is said. */
interface Bounds {
  minMs: number
  maxMs: number
  said: string
}

/** Long enough to see a deployment through its first tasks, no longer than a day. */
export const WAIT_TIMEOUT: Bounds = { minMs: 60_000, maxMs: 24 * 3_600_000, said: 'from 1m to 24h' }

/** CodeDeploy fails a lifecycle hook that has not answered within an hour. */
export const HOOK_DEADLINE: Bounds = {
  minMs: 1000,
  maxMs: 3_600_000,
  said: "from 1s to 1h (CodeDeploy's hook timeout)",
}

export const HOOK_INTERVAL: Bounds = { minMs: 100, maxMs: 300_000, said: 'from 100ms to 5m' }

/**
 * Polls of AWS at least a second apart, at most five minutes; an emulator on this machine (AWS_ENDPOINT_URL on
 * loopback, whose clock may run many times faster) may be polled every 10 ms.
 */
export function pollIntervalBounds(env: Record<string, string | undefined>): Bounds {
  const loopback = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(env.AWS_ENDPOINT_URL ?? '')
  return loopback
    ? { minMs: 10, maxMs: 300_000, said: 'from 10ms to 5m against an endpoint on this machine' }
    : { minMs: 1000, maxMs: 300_000, said: 'from 1s to 5m' }
}

export function durationWithin(bounds: Bounds): Parse<number> {
  return (value) => {
    const ms = parseDuration(value)
    if (ms < bounds.minMs || ms > bounds.maxMs) throw new Invalid(`expected a duration ${bounds.said}.`)
    return ms
  }
}

/** `30m`, `1h30m`, `5s`, `250ms`, or bare seconds (`90`). */
export function parseDuration(value: string): number {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new Invalid('expected a duration like 30m, 1h30m, 45s or 500ms (a bare number is seconds).')
  }
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit], 0))
}

export function parsePercent(value: string, form: string): number {
  const match = /^(\d+)%?$/.exec(value)
  const percent = match ? Number(match[1]) : NaN
  if (!(percent >= 1 && percent <= 99))
    throw new Invalid(`the percentage must be a whole number from 1 to 99; expected ${form}.`)
  return percent
}

export function parseWholeMinutes(value: string, form: string): number {
  const ms = parseDuration(value)
  if (ms <= 0 || ms % 60_000 !== 0) throw new Invalid(`CodeDeploy intervals are whole minutes; expected ${form}.`)
  return ms / 60_000
}

export function parseUnits(what: 'cpu' | 'memory', examples: string[]): Parse<string> {
  return (value) => {
    const normalised = normaliseUnits(what, value)
    if (normalised === undefined) throw new Invalid(`expected ${what} units like ${examples.join(', ')}.`)
    return normalised
  }
}
