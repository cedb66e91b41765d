import { ScenarioValues } from './values.js'
import { noFaults, type Faults, type Path } from './types.js'

/** The scenario's `faults`: rates, per-operation budgets and call numbers, latency (docs/sim-scenario.md). */
export class FaultsReader extends ScenarioValues {
  faults(value: unknown): Faults {
    if (value === undefined || value === null) return noFaults()
    const faults = this.object(value, ['faults'])
    this.onlyKeys(
      faults,
      ['throttleRate', 'errorRate', 'lostResponses', 'stalls', 'serverErrors', 'latency'],
      ['faults'],
    )
    const rate = (key: 'throttleRate' | 'errorRate'): number => {
      if (faults[key] === undefined) return 0
      const n = this.number(faults[key], ['faults', key], 0)
      if (n > 1) this.fail(['faults', key], `must be a fraction between 0 and 1, got ${n}`)
      return n
    }
    const throttleRate = rate('throttleRate')
    const errorRate = rate('errorRate')
    if (throttleRate + errorRate > 1) this.fail(['faults'], 'throttleRate + errorRate must not exceed 1')
    return {
      throttleRate,
      errorRate,
      lostResponses: this.callCounts(faults.lostResponses, ['faults', 'lostResponses']),
      stalls: this.callCounts(faults.stalls, ['faults', 'stalls']),
      serverErrors: this.callNumbers(faults.serverErrors, ['faults', 'serverErrors']),
      latency: faults.latency === undefined || faults.latency === null ? undefined : this.latency(faults.latency),
    }
  }

  /** `{Operation: N}`: how many of an operation's first calls a fault applies to. */
  private callCounts(value: unknown, path: Path): Record<string, number> {
    return this.perOperation(value, path, (count, at) => this.int(count, at, 0))
  }

  /** `{Operation: [n, …]}`: which of an operation's calls (1 for the first) a fault applies to. */
  private callNumbers(value: unknown, path: Path): Record<string, number[]> {
    return this.perOperation(value, path, (numbers, at) => {
      if (!Array.isArray(numbers)) this.fail(at, 'must be a list of call numbers, 1 for the first call')
      return (numbers as unknown[]).map((n, index) => this.int(n, [...at, index], 1))
    })
  }

  private perOperation<T>(value: unknown, path: Path, read: (value: unknown, at: Path) => T): Record<string, T> {
    if (value === undefined || value === null) return {}
    const entries = this.object(value, path)
    return Object.fromEntries(
      Object.entries(entries).map(([operation, entry]) => {
        if (!/^[A-Z][A-Za-z0-9]*$/.test(operation)) {
          this.fail([...path, operation], 'is not an operation name (e.g. UpdateService)')
        }
        return [operation, read(entry, [...path, operation])]
      }),
    )
  }

  private latency(value: unknown): { minMs: number; maxMs: number } {
    const path = ['faults', 'latency']
    const latency = this.object(value, path)
    this.onlyKeys(latency, ['minMs', 'maxMs'], path)
    const minMs = latency.minMs === undefined ? 0 : this.number(latency.minMs, [...path, 'minMs'], 0)
    const maxMs = latency.maxMs === undefined ? minMs : this.number(latency.maxMs, [...path, 'maxMs'], 0)
    if (maxMs < minMs) this.fail([...path, 'maxMs'], `must be >= minMs (${minMs}), got ${maxMs}`)
    return { minMs, maxMs }
  }
}
