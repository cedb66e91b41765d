#!/usr/bin/env node
// First: catches SIGINT/SIGTERM before anything else loads.
import { cancelSignal } from './signals.js'
import { main } from './cli/main.js'

// berth bundles a fixed SDK and supports Node 20: the SDK's notice about its own future releases is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// A reader that goes away (`berth deploy … | head`) must not end the run half-way: what berth would still print is
// dropped, the deployment is followed to its verdict, and the exit code is the verdict's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: cancelSignal,
})
