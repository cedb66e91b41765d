// Rebuilds the README's input and output tables from action.yml, so the two cannot drift.
// `node scripts/generate-docs.mjs --check` exits 1 when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

const inputRows = Object.entries(action.inputs).map(
  ([name, input]) =>
    `| \`${name}\` | ${cell(input.description)} | ${input.default !== undefined ? `\`${input.default}\`` : ''} |`,
)
const outputRows = Object.entries(action.outputs).map(
  ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
)
const table = [
  '<!-- action-docs:start (generated from action.yml by npm run generate-docs) -->',
  '### Inputs',
  '',
  '| input | description | default |',
  '| --- | --- | --- |',
  ...inputRows,
  '',
  '### Outputs',
  '',
  '| output | description |',
  '| --- | --- |',
  ...outputRows,
  '<!-- action-docs:end -->',
].join('\n')

const readme = readFileSync('README.md', 'utf8')
const block = /<!-- action-docs:start[^>]*-->[\s\S]*?<!-- action-docs:end -->/
if (!block.test(readme)) {
  console.error('README.md has no <!-- action-docs:start --> ... <!-- action-docs:end --> block.')
  process.exit(1)
}
const updated = readme.replace(block, table)
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md input/output tables are stale: run npm run generate-docs.')
    process.exit(1)
  }
} else {
  writeFileSync('README.md', updated)
}
