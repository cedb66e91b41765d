import type { ProgressEvent, Reporter } from '../events.js'
import type { RunResult } from '../verdict.js'

export interface JsonOptions {
  /** Add the progress events (without the verdict) as `events`. */
  events?: boolean
}

/**
 * The `--json` object of DESIGN.md: every key present (null when unknown) so that scripts can rely on the shape. A
 * run over several services gives `{status, cluster, services: [one such object per service], reasons, hints, artifacts}`.
 */
export function resultJson(result: RunResult): Record<string, unknown> {
  if (result.status === 'rendered') {
    return { status: result.status, taskDefinition: result.taskDefinition ?? null, artifacts: result.artifacts }
  }
  if (result.services) {
    return {
      status: result.status,
      cluster: result.cluster ?? null,
      services: result.services.map(resultJson),
      reasons: result.reasons,
      hints: result.hints,
      artifacts: result.artifacts,
    }
  }
  return {
    status: result.status,
    cluster: result.cluster ?? null,
    service: result.service ?? null,
    taskDefinitionArn: result.taskDefinitionArn ?? null,
    previousTaskDefinitionArn: result.previousTaskDefinitionArn ?? null,
    deploymentId: result.deploymentId ?? null,
    reasons: result.reasons,
    hints: result.hints,
    artifacts: result.artifacts,
    ...(result.task ? { task: result.task } : {}),
    ...(result.logs ? { logs: result.logs } : {}),
    ...(result.plan ? { plan: result.plan } : {}),
  }
}

/**
 * Left out of `events`: the rendered task definition (it can hold credential-like environment values; `render --json`
 * carries it anyway) and each AWS call (`--verbose` shows those).
 */
const LEFT_OUT = new Set<ProgressEvent['type']>(['rendered', 'aws-call'])

/** Writes one JSON line when closed, after the verdict: with --json, the last line on stdout. */
export function jsonReporter(stream: NodeJS.WritableStream, options: JsonOptions = {}): Reporter {
  const events: ProgressEvent[] = []
  let result: RunResult | undefined
  return {
    emit(event) {
      if (event.type === 'verdict') result = event.result
      else if (options.events && !LEFT_OUT.has(event.type)) events.push(event)
    },
    async close() {
      if (!result) return
      const object = { ...resultJson(result), ...(options.events ? { events } : {}) }
      stream.write(`${JSON.stringify(object)}\n`)
    },
  }
}
