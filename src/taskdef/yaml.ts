import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import type { ParsedJson } from './json.js'
import { pathKey } from './json.js'
import type { JsonPath, JsonValue } from './types.js'

/** Where a YAML syntax error is, and its kind in words (never the text around it, which may hold a secret). */
export class YamlSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(problem)
  }
}

/**
 * A task definition written in YAML, as the official deploy action accepts it: the same value as its JSON, with
 * the line of every path (a member's key line, an item's line), so problems point into the file.
 */
export function parseYaml(text: string): ParsedJson {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, version: '1.2' })
  const error = doc.errors[0]
  if (error) {
    const { line, col } = counter.linePos(error.pos[0])
    throw new YamlSyntaxError(error.code.toLowerCase().replace(/_/g, ' '), line, col)
  }
  const lines = new Map<string, number>()
  const lineOf = (node: unknown) => {
    const offset = (node as Node | undefined)?.range?.[0]
    return offset === undefined ? undefined : counter.linePos(offset).line
  }
  const visit = (node: unknown, path: JsonPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue
        const child = [...path, String(pair.key.value)]
        const line = lineOf(pair.key)
        if (line !== undefined) lines.set(pathKey(child), line)
        visit(pair.value, child)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const line = lineOf(item)
        if (line !== undefined) lines.set(pathKey([...path, index]), line)
        visit(item, [...path, index])
      })
    }
  }
  visit(doc.contents, [])
  return { value: (doc.toJS() ?? null) as JsonValue, lines }
}

/** A file whose name says YAML. */
export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file)
}
