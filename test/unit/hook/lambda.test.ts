import { describe, expect, it } from '@jest/globals'
import { hookConfigFromEnv } from '../../../src/hook/index.js'

describe('hookConfigFromEnv', () => {
  it('reads the URL, status and durations, and keeps the deadline inside the function timeout', () => {
    const config = hookConfigFromEnv(
      'd-ABCDEFGHI',
      'exec-1',
      {
        BERTH_HOOK_URL: 'http://green/health',
        BERTH_HOOK_EXPECT_STATUS: '204',
        BERTH_HOOK_DEADLINE: '10m',
        BERTH_HOOK_INTERVAL: '2s',
      },
      { getRemainingTimeInMillis: () => 60_000 },
    )
    expect(config).toEqual({
      deploymentId: 'd-ABCDEFGHI',
      executionId: 'exec-1',
      check: { kind: 'http', url: 'http://green/health', expectStatus: 204 },
      deadlineMs: 50_000,
      intervalMs: 2000,
      json: false,
    })
  })

  it.each([
    [{}, /BERTH_HOOK_URL/],
    [{ BERTH_HOOK_URL: 'ftp://x' }, /BERTH_HOOK_URL/],
    [{ BERTH_HOOK_URL: 'http://x', BERTH_HOOK_EXPECT_STATUS: 'ok' }, /BERTH_HOOK_EXPECT_STATUS/],
    [{ BERTH_HOOK_URL: 'http://x', BERTH_HOOK_DEADLINE: 'soon' }, /BERTH_HOOK_DEADLINE "soon"/],
  ])('rejects %j', (env, message) => {
    expect(() => hookConfigFromEnv('d-ABCDEFGHI', 'exec-1', env)).toThrow(message)
  })
})
