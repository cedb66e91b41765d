#!/usr/bin/env node
// First: catches SIGINT/SIGTERM before anything else loads.
import { cancelSignal } from './signals.js'
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: cancelSignal,
})
