import { Invalid } from './values.js'

/**
 * A container command as its arguments: a JSON array of strings (`["node","server.js"]`), or words split as a
 * POSIX shell splits them, without running a shell: no variables, globs or operators, only quoting.
 * `node server.js --greeting 'hello world'` is four arguments.
 */
export function parseCommand(text: string): string[] {
  const words = text.trimStart().startsWith('[') ? jsonArguments(text) : shellWords(text)
  if (words.length === 0) throw new Invalid('the command is empty.')
  return words
}

function jsonArguments(text: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Invalid('a command that starts with [ is a JSON array of strings, and this one is not valid JSON.')
  }
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    throw new Invalid('a command that starts with [ is a JSON array of strings, e.g. ["node","server.js"].')
  }
  return value
}

/** Characters a backslash escapes inside double quotes; before any other, the backslash is kept. */
const ESCAPED_IN_DOUBLE_QUOTES = new Set(['$', '`', '"', '\\', '\n'])

/** The words of `text` by the shell's quoting rules: '…' literal, "…" with \-escapes, \ outside quotes. */
export function shellWords(text: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let i = 0
  const add = (chars: string) => (word = (word ?? '') + chars)
  while (i < text.length) {
    const char = text[i]
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word)
      word = undefined
      i++
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1)
      if (end < 0) throw unclosed(text, i)
      add(text.slice(i + 1, end))
      i = end + 1
    } else if (char === '"') {
      i = doubleQuoted(text, i, add)
    } else if (char === '\\') {
      if (i + 1 >= text.length) throw new Invalid('the command ends with a lone backslash.')
      if (text[i + 1] !== '\n') add(text[i + 1])
      i += 2
    } else {
      add(char)
      i++
    }
  }
  if (word !== undefined) words.push(word)
  return words
}

/** Reads the double-quoted part opening at `start`; returns the index after its closing quote. */
function doubleQuoted(text: string, start: number, add: (chars: string) => void): number {
  let i = start + 1
  add('')
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length && ESCAPED_IN_DOUBLE_QUOTES.has(text[i + 1])) {
      if (text[i + 1] !== '\n') add(text[i + 1])
      i += 2
    } else {
      add(text[i])
      i++
    }
  }
  if (i >= text.length) throw unclosed(text, start)
  return i + 1
}

function unclosed(text: string, at: number): Invalid {
  const quote = text[at] === "'" ? 'single' : 'double'
  const from = text.length - at > 24 ? `${text.slice(at, at + 20)}…` : text.slice(at)
  return new Invalid(`the ${quote} quote that opens ${from} is not closed; close it, or escape it with a backslash.`)
}
