import type { JsonPath, JsonValue } from './types.js'

/** Where a JSON syntax error is, and what the parser wanted there. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`expected ${expected}, found ${found}`)
  }
}

export interface ParsedJson {
  value: JsonValue
  /** Line of each path: the key's line for object members, the value's line for array items. */
  lines: Map<string, number>
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path)
}

/**
 * A strict JSON parser (RFC 8259) that remembers the line of every path and reports errors by line and column.
 * Native JSON.parse reports only an offset, in a message whose wording changes between Node versions.
 */
export function parseJson(text: string): ParsedJson {
  const scanner = new Scanner(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  const lines = new Map<string, number>()
  scanner.skipSpace()
  const value = scanner.value([], lines)
  scanner.skipSpace()
  if (!scanner.atEnd()) scanner.fail('the end of the file')
  return { value, lines }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y
const LITERALS: [string, JsonValue][] = [
  ['true', true],
  ['false', false],
  ['null', null],
]

class Scanner {
  private at = 0
  private line = 1
  private lineStart = 0

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length
  }

  skipSpace(): void {
    while (this.at < this.text.length) {
      const char = this.text[this.at]
      if (char === '\n') {
        this.line++
        this.lineStart = this.at + 1
      } else if (char !== ' ' && char !== '\t' && char !== '\r') {
        return
      }
      this.at++
    }
  }

  value(path: JsonPath, lines: Map<string, number>): JsonValue {
    const char = this.text[this.at]
    if (char === '{') return this.object(path, lines)
    if (char === '[') return this.array(path, lines)
    if (char === '"') return this.string()
    if (char === '-' || (char >= '0' && char <= '9')) return this.number()
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return literal
      }
    }
    return this.fail('a value (object, array, string, number, true, false or null)')
  }

  private object(path: JsonPath, lines: Map<string, number>): JsonValue {
    const result: Record<string, JsonValue> = {}
    this.at++
    this.skipSpace()
    if (this.take('}')) return result
    for (;;) {
      if (this.text[this.at] !== '"') this.fail(`a property name in double quotes`)
      const keyLine = this.line
      const key = this.string()
      this.skipSpace()
      if (!this.take(':')) this.fail(`':' after the property name ${JSON.stringify(key)}`)
      this.skipSpace()
      const memberPath = [...path, key]
      lines.set(pathKey(memberPath), keyLine)
      // defineProperty, so a key named __proto__ stays a plain key as with JSON.parse.
      Object.defineProperty(result, key, {
        value: this.value(memberPath, lines),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      this.skipSpace()
      if (this.take('}')) return result
      if (!this.take(',')) this.fail(`',' or '}' after the value of ${JSON.stringify(key)}`)
      this.skipSpace()
      if (this.text[this.at] === '}') this.fail("a property name after ',' (JSON allows no trailing comma)")
    }
  }

  private array(path: JsonPath, lines: Map<string, number>): JsonValue {
    const result: JsonValue[] = []
    this.at++
    this.skipSpace()
    if (this.take(']')) return result
    for (;;) {
      const itemPath = [...path, result.length]
      lines.set(pathKey(itemPath), this.line)
      result.push(this.value(itemPath, lines))
      this.skipSpace()
      if (this.take(']')) return result
      if (!this.take(',')) this.fail(`',' or ']' after an array item`)
      this.skipSpace()
      if (this.text[this.at] === ']') this.fail("a value after ',' (JSON allows no trailing comma)")
    }
  }

  private string(): string {
    const start = this.at
    this.at++
    STRING_BODY.lastIndex = this.at
    STRING_BODY.exec(this.text)
    this.at = STRING_BODY.lastIndex
    if (this.text[this.at] !== '"') {
      if (this.atEnd() || this.text[this.at] === '\n') this.fail("a closing '\"' before the end of the line")
      if (this.text[this.at] === '\\') this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)')
      this.fail('a character allowed in a string (control characters must be escaped)')
    }
    this.at++
    return JSON.parse(this.text.slice(start, this.at)) as string
  }

  private number(): number {
    NUMBER.lastIndex = this.at
    const match = NUMBER.exec(this.text)
    if (!match) return this.fail('a number')
    this.at += match[0].length
    return Number(match[0])
  }

  private take(char: string): boolean {
    if (this.text[this.at] !== char) return false
    this.at++
    return true
  }

  fail(expected: string): never {
    throw new JsonSyntaxError(expected, this.describeHere(), this.line, this.at - this.lineStart + 1)
  }

  private describeHere(): string {
    if (this.atEnd()) return 'the end of the file'
    const char = this.text[this.at]
    // An unquoted word may be a value pasted without quotes, a token or a password: said by its kind, never echoed.
    if (/[A-Za-z_]/.test(char)) return 'an unquoted word'
    if (/[0-9]/.test(char)) return 'a digit'
    if (char === '\n' || char === '\r') return 'the end of the line'
    return `'${char}'`
  }
}
