import { describe, expect, it } from '@jest/globals'
import { deploymentStateOf, statusDescription } from '../../../src/report/github-deployment.js'

describe('GitHub deployment statuses', () => {
  it.each([
    ['succeeded', 'success'],
    ['failed', 'failure'],
    ['rolled_back', 'failure'],
    ['timed_out', 'error'],
    ['cancelled', 'error'],
    ['planned', 'inactive'],
  ] as const)('%s → %s', (status, state) => {
    expect(deploymentStateOf(status)).toBe(state)
  })

  it('describes the verdict with its first reason, within the 140 characters GitHub keeps', () => {
    const reason = `deployment ecs-svc/9223370240685667588 failed and ECS rolled the service back to ${'x'.repeat(200)}`
    const text = statusDescription({ status: 'rolled_back', reasons: [reason], hints: [], artifacts: [] })
    expect(text).toHaveLength(140)
    expect(text.startsWith('rolled back: deployment ecs-svc/9223370240685667588 failed')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(statusDescription({ status: 'succeeded', reasons: [], hints: [], artifacts: [] })).toBe('succeeded')
  })
})
