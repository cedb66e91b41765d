import { readFile } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { type Config, type RollbackConfig, type RunTaskConfig, type StatusConfig } from '../config/types.js'
import { parseConfig, parseHookConfig } from '../config/parse.js'
import { parseContinueConfig, parseRollbackConfig, parseStatusConfig } from '../config/parse-commands.js'
import { parseDeployConfig, parseRunTaskConfig } from '../config/run-task.js'
import { UserError, errorJson, isUserError } from '../errors.js'
import { explainSetupError } from '../aws/errors.js'
import { consoleReporter } from '../report/console.js'
import { jsonReporter } from '../report/json.js'
import { fanOut, type Reporter } from '../events.js'
import { endsWell, type RunResult } from '../verdict.js'
import type { RunDeps } from '../stage.js'
import { argsSource, parseArgs } from './args.js'
import { FLAGS, HELP, MAIN_HELP } from './help.js'

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env: Record<string, string | undefined>
  /** Aborted on SIGINT/SIGTERM. */
  signal?: AbortSignal
}

export const EXIT = { ok: 0, verdict: 1, usage: 2, internal: 3 } as const

/** The CLI: argv (without node and script) to an exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP)
    return command ? EXIT.ok : EXIT.usage
  }
  if (command === '--version') {
    io.stdout.write(`${VERSION}\n`)
    return EXIT.ok
  }
  if (!(command in FLAGS)) {
    io.stderr.write(
      `berth: unknown command ${JSON.stringify(command)}; expected render, deploy, run-task, continue, status, rollback, hook or sim.\n`,
    )
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(HELP[command])
    return EXIT.ok
  }
  try {
    return await dispatch(command as keyof typeof FLAGS, rest, io)
  } catch (thrown) {
    return fail(command, explainSetupError(thrown), wantsJson(rest, io.env), io)
  }
}

/**
 * Says what went wrong on stderr and, under `--json`, as the last stdout line
 * `{"status":"error","error":{kind,message,input?,file?,line?}}`; the exit code says whose problem it is.
 */
function fail(command: string, error: unknown, json: boolean, io: CliIo): number {
  const described = errorJson(error)
  const prefix = described.kind === 'internal' || isUserError(error) ? '' : 'error: '
  io.stderr.write(`berth ${command}: ${prefix}${described.message}\n`)
  if (json) io.stdout.write(`${JSON.stringify({ status: 'error', error: described })}\n`)
  if (described.kind === 'internal') return EXIT.internal
  return isUserError(error) ? EXIT.usage : EXIT.verdict
}

/** `--json` asked for, even when the flags around it do not parse. */
function wantsJson(argv: readonly string[], env: CliIo['env']): boolean {
  if (argv.some((word) => /^--json(-events)?(=true)?$/.test(word))) return true
  return ['BERTH_JSON', 'BERTH_JSON_EVENTS'].some((name) => /^(true|yes|1)$/i.test(env[name]?.trim() ?? ''))
}

declare const BERTH_VERSION: string | undefined
const VERSION = typeof BERTH_VERSION === 'string' ? BERTH_VERSION : '0.1.0'

async function dispatch(command: keyof typeof FLAGS, argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, FLAGS[command], command)
  const source = argsSource(args, io.env)
  switch (command) {
    case 'render':
      return deployOrRender(command, parseConfig(source, io.env), io)
    case 'deploy':
      return deployOrRender(command, parseDeployConfig(source, io.env), io)
    case 'run-task':
      return runTask(parseRunTaskConfig(source, io.env), io)
    case 'continue':
      return continueCommand(parseContinueConfig(source, io.env), io)
    case 'status':
      return status(parseStatusConfig(source, io.env), io)
    case 'rollback':
      return rollback(parseRollbackConfig(source, io.env), io)
    case 'hook':
      return hook(parseHookConfig(source, io.env), io)
    case 'sim':
      return sim(source.get('scenario'), source, io)
  }
}

async function deployOrRender(command: 'render' | 'deploy', config: Config, io: CliIo) {
  if (command === 'deploy' && (!config.cluster || !config.service)) {
    throw new UserError('berth deploy needs --cluster and --service (berth render renders without deploying).')
  }
  if (command === 'render' && !config.taskDefinition) {
    throw new UserError('berth render needs --task-definition FILE|FAMILY[:REV]|ARN.')
  }
  const reporter = cliReporter(config, io)
  // The pipeline and the AWS SDK load only for a run, after the flags are read: --help and bad input stay quick.
  const [{ run }, { createClients }] = await Promise.all([import('../run.js'), import('../aws/clients.js')])
  return runWith(reporter, (deps) => run(config, deps), createClients({ region: config.region }), io)
}

async function runTask(config: RunTaskConfig, io: CliIo): Promise<number> {
  if (!config.cluster) throw new UserError('berth run-task needs --cluster C.', { input: '--cluster' })
  if (!config.render.taskDefinition && !config.service) {
    throw new UserError('berth run-task needs --task-definition FILE|FAMILY[:REV]|ARN or --service S.', {
      input: '--task-definition',
    })
  }
  const reporter = cliReporter({ ...config.render, cluster: config.cluster }, io)
  const [{ runTask: runOneTask }, { createClients }] = await Promise.all([
    import('../run-task.js'),
    import('../aws/clients.js'),
  ])
  const clients = createClients({ region: config.render.region })
  return runWith(reporter, (deps) => runOneTask(config, deps), clients, io)
}

/** One run with the process's clock, files and signal; the reporter closed whatever happens. */
async function runWith(
  reporter: Reporter,
  work: (deps: RunDeps) => Promise<RunResult>,
  clients: RunDeps['clients'],
  io: CliIo,
): Promise<number> {
  let result: RunResult
  try {
    result = await work({
      clients,
      reporter,
      readFile: (path) => readFile(path, 'utf8'),
      now: Date.now,
      sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
      signal: io.signal,
    })
  } finally {
    await reporter.close?.()
  }
  return exitCodeOf(result)
}

/**
 * Human progress on stdout, except when stdout carries data: the `--json` line, or the rendered task definition
 * (so `berth render ... > taskdef.json` works); then progress goes to stderr.
 */
function cliReporter(config: Config, io: CliIo): Reporter {
  const printsRendered = !config.json && !config.out && !config.cluster
  const human = consoleReporter(config.json || printsRendered ? io.stderr : io.stdout, {
    printRendered: false,
    debug: config.verbose,
  })
  if (config.json) return fanOut(human, jsonReporter(io.stdout, { events: config.jsonEvents }))
  if (!printsRendered) return human
  const rendered: Reporter = {
    emit: (event) => {
      if (event.type === 'rendered' && !event.path)
        io.stdout.write(`${JSON.stringify(event.taskDefinition, null, 2)}\n`)
    },
  }
  return fanOut(human, rendered)
}

export function exitCodeOf(result: RunResult): number {
  return endsWell(result.status) ? EXIT.ok : EXIT.verdict
}

/** `berth status`: one look, printed; nothing is changed, so it exits 0 whatever it sees. */
async function status(config: StatusConfig, io: CliIo): Promise<number> {
  const [{ readStatus }, { formatStatus }, { createClients }] = await Promise.all([
    import('../status/read.js'),
    import('../status/format.js'),
    import('../aws/clients.js'),
  ])
  const clients = createClients({ region: config.region })
  try {
    const seen = await readStatus(clients, config.cluster, config.service, config)
    io.stdout.write(config.json ? `${JSON.stringify(seen)}\n` : formatStatus(seen))
  } finally {
    clients.destroy()
  }
  return EXIT.ok
}

async function rollback(config: RollbackConfig, io: CliIo): Promise<number> {
  const human = consoleReporter(config.json ? io.stderr : io.stdout, { debug: config.verbose })
  const reporter = config.json ? fanOut(human, jsonReporter(io.stdout)) : human
  const [{ rollback: rollBack }, { createClients }] = await Promise.all([
    import('../rollback/index.js'),
    import('../aws/clients.js'),
  ])
  return runWith(reporter, (deps) => rollBack(config, deps), createClients({ region: config.region }), io)
}

async function hook(config: ReturnType<typeof parseHookConfig>, io: CliIo): Promise<number> {
  const [{ answerHook }, { createClients }] = await Promise.all([
    import('../hook/answer.js'),
    import('../aws/clients.js'),
  ])
  const clients = createClients({ region: config.region })
  const outcome = await answerHook(config, {
    codedeploy: clients.codedeploy,
    signal: io.signal,
    log: (line) => io.stderr.write(`${line}\n`),
  })
  if (config.json) io.stdout.write(`${JSON.stringify(outcome)}\n`)
  else io.stdout.write(`hook ${config.executionId}: reported ${outcome.status}\n`)
  return outcome.status === 'Succeeded' ? EXIT.ok : EXIT.verdict
}

async function continueCommand(config: ReturnType<typeof parseContinueConfig>, io: CliIo): Promise<number> {
  const [{ continueDeployment, outcomeLine }, { createClients }] = await Promise.all([
    import('../continue/index.js'),
    import('../aws/clients.js'),
  ])
  const clients = createClients({ region: config.region })
  try {
    const outcome = await continueDeployment(config, {
      ecs: clients.ecs,
      sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
      signal: io.signal,
      onRetry: (line) => io.stderr.write(`${line}\n`),
    })
    io.stdout.write(`${config.json ? JSON.stringify(outcome) : outcomeLine(outcome)}\n`)
    return EXIT.ok
  } finally {
    clients.destroy()
  }
}

async function sim(scenario: string | undefined, source: ReturnType<typeof argsSource>, io: CliIo): Promise<number> {
  if (!scenario) throw new UserError('berth sim needs --scenario FILE (see workflows-examples/sim/demo.yaml).')
  const number = (name: string, fallback: number, check: (n: number) => boolean, accepted: string) => {
    const raw = source.get(name)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!check(value)) throw new UserError(`--${name}: ${JSON.stringify(raw)} is not valid; expected ${accepted}.`)
    return value
  }
  const options = {
    scenario,
    port: number('port', 0, (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port from 0 to 65535'),
    speed: number('speed', 1, (n) => n > 0 && n <= 100_000, 'a number above 0, at most 100000'),
    seed: number('seed', 1, Number.isInteger, 'a whole number'),
  }
  // The emulator is a separate world, loaded by this subcommand only.
  const { runSim, SimInputError } = await import('../sim/main.js')
  try {
    await runSim(options, io.stdout)
  } catch (error) {
    // The emulator's input errors (scenario, port) are the user's, as every UserError: exit 2.
    if (error instanceof SimInputError) throw new UserError(error.message, error.location)
    throw error
  }
  return EXIT.ok
}
