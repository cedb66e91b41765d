import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MUTATING_OPERATIONS } from '../../../src/aws/clients.js'

// Every call in the source whose name says it changes something is sent once by the SDK (MUTATING_OPERATIONS), so a
// lost answer is looked at before berth sends it again. Read from the source, so a new command cannot be forgotten.

const CHANGES = /^(Create|Update|Delete|Register|Deregister|Stop|Continue|Run|Start|Put|Tag|Untag|Scale|Set)/

/** Sending the same answer to a CodeDeploy hook again changes nothing (clients.ts says why). */
const IDEMPOTENT = new Set(['PutLifecycleEventHookExecutionStatus'])

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return path.endsWith('sim') ? [] : sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

describe('MUTATING_OPERATIONS', () => {
  it('holds every changing operation berth calls', () => {
    const called = new Set(
      sourceFiles('src').flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\(/g)].map((match) => match[1]),
      ),
    )
    expect(called.has('UpdateService')).toBe(true)
    const changing = [...called].filter((operation) => CHANGES.test(operation) && !IDEMPOTENT.has(operation))
    expect(changing.filter((operation) => !MUTATING_OPERATIONS.has(operation))).toEqual([])
  })
})
