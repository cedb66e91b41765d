import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'

// The rooms of DESIGN.md and the one-way arrows between them, read from the import statements of src/.

const SRC = 'src'

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every relative import of a file (static, type-only and dynamic), as paths of src/ files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((match) => match[1])
  return specifiers.map((specifier) => normalize(join(dirname(file), `${specifier}.ts`)))
}

const files = sourceFiles(SRC)
const graph = new Map(files.map((file) => [file, importsOf(file)]))
function room(file: string): string {
  return relative(SRC, file).split('/')[0].replace(/\.ts$/, '')
}

/** One import loop, as a path that ends where it starts, or undefined. */
function findLoop(): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file]
    state.set(file, 'open')
    stack.push(file)
    for (const target of graph.get(file) ?? []) {
      const loop = visit(target)
      if (loop) return loop
    }
    stack.pop()
    state.set(file, 'done')
    return undefined
  }
  for (const file of files) {
    const loop = visit(file)
    if (loop) return loop
  }
  return undefined
}

function arrows(from: (file: string) => boolean, to: (file: string) => boolean): string[] {
  return files
    .filter(from)
    .flatMap((file) => (graph.get(file) ?? []).filter(to).map((target) => `${file} -> ${target}`))
}

describe('the import graph of src/', () => {
  it('has no loop', () => {
    expect(findLoop()).toBeUndefined()
  })

  it('runs one way: the pure and driving rooms never import input parsing, reporting or the entries', () => {
    const lower = (file: string) => ['taskdef', 'artifacts', 'deploy', 'watch', 'aws'].includes(room(file))
    const upper = (file: string) =>
      ['report', 'cli', 'index', 'cli', 'run', 'render', 'stage'].includes(room(file)) ||
      file === join(SRC, 'config', 'parse.ts')
    expect(arrows(lower, upper)).toEqual([])
  })

  it('keeps the emulator a separate world: only the sim subcommand loads it', () => {
    const outside = (file: string) => room(file) !== 'sim'
    const entries = arrows(outside, (target) => room(target) === 'sim').map((arrow) => arrow.split(' -> ')[0])
    expect([...new Set(entries)]).toEqual([join(SRC, 'cli', 'main.ts')])
    const cli = readFileSync(join(SRC, 'cli', 'main.ts'), 'utf8')
    expect(cli).not.toMatch(/^import [^(]*'\.\.\/sim\//m)
  })

  it('has no source file over 450 lines', () => {
    const long = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 450)
    expect(long).toEqual([])
  })
})
