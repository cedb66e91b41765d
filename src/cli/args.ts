import { UserError } from '../errors.js'
import type { InputSource } from '../config/types.js'

/** The flags of one subcommand: which take a value, which may repeat, which are switches. */
export interface FlagSpec {
  values: readonly string[]
  lists: readonly string[]
  switches: readonly string[]
  /** Takes the words after `--` as a command (berth hook). */
  command?: boolean
}

export interface ParsedArgs {
  values: Map<string, string>
  lists: Map<string, string[]>
  rest: string[]
}

export function parseArgs(argv: readonly string[], spec: FlagSpec, subcommand: string): ParsedArgs {
  const parsed: ParsedArgs = { values: new Map(), lists: new Map(), rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]
    if (word === '--' && spec.command) {
      parsed.rest = argv.slice(i + 1)
      break
    }
    const flag = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(word)
    if (!flag) throw new UserError(`unexpected argument ${JSON.stringify(word)}; flags start with --.`)
    const [, name, inline] = flag
    if (spec.switches.includes(name)) {
      parsed.values.set(name, inline ?? 'true')
      continue
    }
    if (!spec.values.includes(name) && !spec.lists.includes(name)) throw unknownFlag(name, spec, subcommand)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new UserError(`--${name} needs a value.`)
    if (spec.lists.includes(name)) parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), value])
    else parsed.values.set(name, value)
  }
  return parsed
}

function unknownFlag(name: string, spec: FlagSpec, subcommand: string): UserError {
  const known = [...spec.values, ...spec.lists, ...spec.switches]
  const near = known.filter((candidate) => editDistance(candidate, name) <= 2)
  const suggestion = near.length > 0 ? ` Did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : ''
  return new UserError(`unknown flag --${name}.${suggestion} See berth ${subcommand} --help for the accepted flags.`, {
    input: `--${name}`,
  })
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}

/** Env fallback for every flag: `--wait-timeout` may also come from `BERTH_WAIT_TIMEOUT` (lists: one per line). */
export function envName(flag: string): string {
  return `BERTH_${flag.toUpperCase().replace(/-/g, '_')}`
}

/** Flags first, then BERTH_* env; the same names the Action's inputs use. */
export function argsSource(args: ParsedArgs, env: Record<string, string | undefined>): InputSource {
  const fromEnv = (name: string) => {
    const value = env[envName(name)]?.trim()
    return value ? value : undefined
  }
  return {
    get: (name) => {
      const value = args.values.get(name)?.trim()
      return value !== undefined && value !== '' ? value : fromEnv(name)
    },
    list: (name) => {
      if (name === 'command') return args.rest
      const given = args.lists.get(name)
      if (given) return given
      return (fromEnv(name) ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    },
    // The name as the user gave it: the flag, or the BERTH_* variable the value came from.
    label: (name) => {
      const given = args.values.has(name) || args.lists.has(name)
      return given || fromEnv(name) === undefined ? `--${name}` : envName(name)
    },
  }
}
