import type { Document, LineCounter } from 'yaml'
import { SimInputError } from '../core/errors.js'
import type { Path } from './types.js'

/**
 * Reads values out of a parsed scenario, each checked against what is accepted; a mistake is a SimInputError naming
 * the file, the line of the key (when the scenario came from a file) and the key's path.
 */
export class ScenarioValues {
  constructor(
    protected readonly doc: Document | undefined,
    protected readonly lines: LineCounter | undefined,
    protected readonly file: string,
  ) {}

  protected time(value: unknown, path: Path): number {
    if (value instanceof Date) return value.getTime()
    if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value)
    return this.fail(path, `must be an ISO 8601 date or epoch seconds, got ${JSON.stringify(value)}`)
  }

  protected object(value: unknown, path: Path): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `must be a mapping, got ${describe(value)}`)
    }
    return value as Record<string, unknown>
  }

  protected array(value: unknown, path: Path): unknown[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) this.fail(path, `must be a list, got ${describe(value)}`)
    return value as unknown[]
  }

  protected string(value: unknown, path: Path): string {
    if (typeof value !== 'string' || value === '') this.fail(path, `must be a non-empty string, got ${describe(value)}`)
    return value as string
  }

  protected scalar(value: unknown, path: Path): string | number | boolean {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      this.fail(path, `must be a string, got ${describe(value)}`)
    }
    return value as string | number | boolean
  }

  protected number(value: unknown, path: Path, min: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      this.fail(path, `must be a number >= ${min}, got ${describe(value)}`)
    }
    return value as number
  }

  protected int(value: unknown, path: Path, min: number): number {
    if (!Number.isInteger(value) || (value as number) < min)
      this.fail(path, `must be an integer >= ${min}, got ${describe(value)}`)
    return value as number
  }

  /** A process exit code, as a container reports it: 0 to 255. */
  protected exitCode(value: unknown, path: Path): number {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 255)
      this.fail(path, `must be an exit code from 0 to 255, got ${describe(value)}`)
    return value as number
  }

  protected onlyKeys(object: Record<string, unknown>, allowed: string[], path: Path): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.fail([...path, key], `unknown key; accepted keys here: ${allowed.join(', ')}`)
    }
  }

  protected fail(path: Path, message: string): never {
    const line = this.lineOf(path)
    const where = line === undefined ? this.file : `${this.file}:${line}`
    const key = path.length === 0 ? '(top level)' : formatPath(path)
    throw new SimInputError(`${where}: ${key} ${message}`, { file: this.file, line })
  }

  lineOf(path: Path): number | undefined {
    if (!this.doc || !this.lines) return undefined
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length)
      const node = prefix.length === 0 ? this.doc.contents : this.doc.getIn(prefix, true)
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range
      if (range) return this.lines.linePos(keyOffset(this.doc, prefix) ?? range[0]).line
    }
    return undefined
  }
}

/** The offset of the key naming the last path element (so a bad value is reported on its key's line). */
function keyOffset(doc: Document, path: Path): number | undefined {
  if (path.length === 0) return undefined
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items
  const last = path[path.length - 1]
  const pair = items?.find((item) => item.key && String(item.key.value) === String(last))
  return pair?.key?.range?.[0]
}

export function formatPath(path: Path): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`
      if (!/^[A-Za-z0-9_-]+$/.test(part)) return `[${JSON.stringify(part)}]`
      return i === 0 ? part : `.${part}`
    })
    .join('')
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}
