// The cold start of each bundle, paired against a plain `node -e 0` so that the machine's own noise cancels out:
// process start to exit of the Action to its first error (no inputs), `berth --help`, and `berth render` of a
// two-container task definition. Prints medians, the bundle's extra time over node itself, and bundle sizes.
// Usage: node bench/cold-start.mjs [--runs 15]
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ENV = { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }

const CASES = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['Action, to its first error', ['dist/index.js']],
  ['CLI, berth --help', ['dist/cli/index.js', '--help']],
  [
    'CLI, berth render',
    [
      'dist/cli/index.js',
      'render',
      '--task-definition',
      'test/fixtures/taskdef/web-fargate.describe.json',
      '--image',
      `web=${REGISTRY}/web:v2`,
    ],
  ],
]

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function timeOnce(args) {
  const started = performance.now()
  spawnSync(process.execPath, args, { env: ENV, stdio: 'ignore' })
  return performance.now() - started
}

/** The size of each bundle with the chunks it loads on demand. */
function bundleSizes() {
  const size = (directory) =>
    readdirSync(directory)
      .filter((name) => name.endsWith('.js'))
      .reduce((total, name) => total + statSync(join(directory, name)).size, 0)
  return [
    ['dist/ (Action)', size('dist')],
    ['dist/cli/', size('dist/cli')],
    ['dist/hook/', size('dist/hook')],
  ]
}

export function benchColdStart({ runs = 15 } = {}) {
  const times = CASES.map(() => [])
  // Interleaved, one of each case per round, so that a busy moment of the machine hits every case alike.
  for (let round = 0; round < runs; round++) CASES.forEach(([, args], at) => times[at].push(timeOnce(args)))
  const baseline = median(times[0])
  const rows = CASES.map(([label], at) => {
    const ms = median(times[at])
    const extra = at === 0 ? '' : `, ${(ms - baseline).toFixed(0)} ms over node, ${(ms / baseline).toFixed(2)} x`
    return [`cold start, ${label}`, `${ms.toFixed(0)} ms${extra}`]
  })
  for (const [label, bytes] of bundleSizes()) rows.push([`bundle size, ${label}`, `${(bytes / 1e6).toFixed(2)} MB`])
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const runs = Number(args[args.indexOf('--runs') + 1] || 15)
  console.log(`medians of ${runs} paired runs`)
  for (const [what, figure] of benchColdStart({ runs })) console.log(`${what.padEnd(48)} ${figure}`)
}
