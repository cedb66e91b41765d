/**
 * SIGINT and SIGTERM, caught from the first moment the process runs: the entries import this module before any
 * other, so a signal during start-up cancels the run instead of killing the process. The first signal cancels (the
 * run rolls back, per --on-cancel); later ones are acknowledged and do not cut off the rollback being requested
 * (GitHub sends SIGINT, then SIGTERM 7.5 s later). A third ends the process with 130.
 */
const controller = new AbortController()
let received = 0

export const cancelSignal: AbortSignal = controller.signal

function onSignal(name: NodeJS.Signals): void {
  received++
  if (received === 1) {
    controller.abort(new Error(`received ${name}`))
    return
  }
  if (received >= 3) {
    process.stderr.write(`berth: received ${name} a third time; exiting without waiting for the rollback.\n`)
    process.exit(130)
  }
  process.stderr.write(`berth: received ${name}; still finishing the cancellation (rollback), please wait.\n`)
}

for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, () => onSignal(name))
