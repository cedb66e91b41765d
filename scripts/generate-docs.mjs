// Rebuilds the README's input and output tables from action.yml, its CLI synopsis from the committed CLI
// bundle's --help (the FLAGS table of src/cli/help.ts), and its copies of example files, so none can drift.
// `node scripts/generate-docs.mjs --check` exits 1 when the README is stale.
import { execFileSync } from 'node:child_process'
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

const help = execFileSync(process.execPath, ['dist/cli/index.js', '--help'], { encoding: 'utf8' })
const synopsis = /^berth render [\s\S]*?(?=\n\n)/m.exec(help)?.[0]
if (!synopsis) {
  console.error('dist/cli/index.js --help prints no synopsis: run npm run bundle.')
  process.exit(1)
}
const synopsisBlock = [
  '<!-- cli-synopsis:start (generated from berth --help by npm run generate-docs) -->',
  '```',
  synopsis,
  '```',
  '<!-- cli-synopsis:end -->',
].join('\n')

const readme = readFileSync('README.md', 'utf8')
const blocks = [
  [/<!-- action-docs:start[^>]*-->[\s\S]*?<!-- action-docs:end -->/, table, 'action-docs'],
  [/<!-- cli-synopsis:start[^>]*-->[\s\S]*?<!-- cli-synopsis:end -->/, synopsisBlock, 'cli-synopsis'],
]
let updated = readme
// `<!-- example PATH -->` followed by a fenced block: the block is the file's content, so the README's examples are
// the files the examples test checks.
updated = updated.replace(
  /(<!-- example (\S+) -->\n```\w*\n)[\s\S]*?(```)/g,
  (_, head, path, tail) => `${head}${readFileSync(path, 'utf8').replace(/\n?$/, '\n')}${tail}`,
)
for (const [block, content, name] of blocks) {
  if (!block.test(updated)) {
    console.error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> block.`)
    process.exit(1)
  }
  updated = updated.replace(block, content)
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md input/output tables, CLI synopsis or example copies are stale: run npm run generate-docs.')
    process.exit(1)
  }
} else {
  writeFileSync('README.md', updated)
}
