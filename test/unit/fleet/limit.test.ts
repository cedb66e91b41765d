import { describe, expect, it } from '@jest/globals'
import { limiter } from '../../../src/fleet/limit.js'

/** Work that ends when the test says so, and records when it starts. */
function gate(log: string[], name: string) {
  let open = () => {}
  const done = new Promise<void>((resolve) => (open = resolve))
  return {
    work: async () => {
      log.push(`start ${name}`)
      await done
      log.push(`end ${name}`)
      return name
    },
    open: () => open(),
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('limiter', () => {
  it('runs at most N at a time, in the order given, each next one as soon as a slot frees', async () => {
    const log: string[] = []
    const limit = limiter(2)
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(log, name))
    const results = [a, b, c, d].map((g) => limit(g.work))
    await settle()
    expect(log).toEqual(['start a', 'start b'])
    b.open()
    await settle()
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c'])
    // A newcomer arriving as a slot frees waits behind those already waiting.
    a.open()
    const e = gate(log, 'e')
    results.push(limit(e.work))
    await settle()
    expect(log.slice(4)).toEqual(['end a', 'start d'])
    c.open()
    d.open()
    e.open()
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(log.filter((line) => line.startsWith('start'))).toEqual([
      'start a',
      'start b',
      'start c',
      'start d',
      'start e',
    ])
  })

  it('frees the slot of work that throws', async () => {
    const limit = limiter(1)
    await expect(limit(async () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await limit(async () => 'next')).toBe('next')
  })

  it('refuses a limit that lets nothing run', () => {
    expect(() => limiter(0)).toThrow('a limit of 0 lets nothing run.')
  })
})
