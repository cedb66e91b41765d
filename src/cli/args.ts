import { parseArgs as parseArgv } from 'node:util'
import { UserError } from '../errors.js'
import { COMMAND_AFTER_DASHES, type InputSource } from '../config/types.js'

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

/**
 * The flags of one subcommand, read by Node's own `util.parseArgs` (strict: an unknown flag, a stray word or a
 * missing value is a UserError naming it). A switch may be given a value (`--dry-run=false`), as its BERTH_*
 * variable may; the words after `--` are the command of `berth hook`.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec, subcommand: string): ParsedArgs {
  const end = spec.command ? argv.indexOf('--') : -1
  const words = end >= 0 ? argv.slice(0, end) : [...argv]
  const switchValues = new Map<string, string>()
  const flags = words.filter((word) => {
    const inline = /^--([a-z][a-z0-9-]*)=(.*)$/s.exec(word)
    if (!inline || !spec.switches.includes(inline[1])) return true
    switchValues.set(inline[1], inline[2])
    return false
  })
  const options = Object.fromEntries([
    ...spec.values.map((name) => [name, { type: 'string' as const }]),
    ...spec.lists.map((name) => [name, { type: 'string' as const, multiple: true }]),
    ...spec.switches.map((name) => [name, { type: 'boolean' as const }]),
  ])
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>
  try {
    values = parseArgv({ args: flags, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw explainParseError(error, spec, subcommand)
  }
  const parsed: ParsedArgs = {
    values: new Map(switchValues),
    lists: new Map(),
    rest: end >= 0 ? argv.slice(end + 1) : [],
  }
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) parsed.lists.set(name, value.map(String))
    else if (value !== undefined) parsed.values.set(name, String(value))
  }
  return parsed
}

/** Node's parse errors, said as berth says them: the flag, and what to do. */
function explainParseError(error: unknown, spec: FlagSpec, subcommand: string): unknown {
  const { code, message } = error as { code?: string; message?: string }
  const named = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return unknownFlag(named.replace(/^-+/, ''), spec, subcommand)
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message ?? '')?.[1] ?? ''
    return new UserError(`unexpected argument ${JSON.stringify(word)}; flags start with --.`)
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const dash = /ambiguous/.test(message ?? '') ? `; write ${named}=VALUE for a value that starts with -` : ''
    return new UserError(`${named} needs a value${dash}.`, { input: named })
  }
  return error
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
      if (name === COMMAND_AFTER_DASHES) return args.rest
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
