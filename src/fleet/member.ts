import { callSignals } from '../aws/abort.js'
import { abortable } from '../aws/clients.js'
import type { Config } from '../config/types.js'
import type { ProgressEvent } from '../events.js'
import type { RunDeps } from '../stage.js'
import type { Preflight } from '../steps.js'
import type { RunResult } from '../verdict.js'
import type { Deadline } from '../watch/deadline.js'

/** One service of the run. */
export interface Member {
  name: string
  /** Its own inputs (a run with CodeDeploy services gives the CodeDeploy inputs to those only). */
  config: Config
  /** Stops this service's deployment alone, when another service failed. */
  stop: AbortController
  deps: RunDeps
  /** Says that this service's lines so far are complete: the console prints them as one block. */
  endBlock(): void
  pre?: Preflight
  moving: boolean
  result?: RunResult
}

export function member(config: Config, runDeps: RunDeps, name: string, deadline: Deadline): Member {
  const stop = new AbortController()
  const signal = runDeps.signal ? AbortSignal.any([runDeps.signal, stop.signal]) : stop.signal
  const deps: RunDeps = {
    ...runDeps,
    reporter: {
      emit: (event: ProgressEvent) => runDeps.reporter.emit({ type: 'service-progress', service: name, event }),
    },
    clients: abortable(runDeps.clients, callSignals(deadline, signal)),
    signal,
  }
  const endBlock = () => runDeps.reporter.emit({ type: 'service-ended', service: name })
  return { name, config, stop, deps, endBlock, moving: false }
}

export function resultsOf(members: Member[]): RunResult[] {
  return members.flatMap((m) => (m.result ? [m.result] : []))
}

/** A service's verdict, said in its block, which ends there. */
export function finish(m: Member, result: RunResult): void {
  m.result = result
  m.deps.reporter.emit({ type: 'verdict', result })
  m.endBlock()
}
