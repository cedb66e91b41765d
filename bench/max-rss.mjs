// Loaded with `node --import` before a bundle that `npm run bench` measures: at exit, prints the process's peak
// resident memory (kB) on stderr for the bench to read.
import { writeSync } from 'node:fs'

process.on('exit', () => writeSync(2, `berth-bench-max-rss ${process.resourceUsage().maxRSS}\n`))
