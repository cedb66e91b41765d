import type { Config } from '../../src/config/types.js'

/** A deploy Config with the defaults the parser gives when no flag is set, and the test's own values on top. */
export function deployConfig(overrides: Partial<Config>): Config {
  return {
    images: [],
    env: [],
    secrets: [],
    commands: [],
    dockerLabels: [],
    logConfigurations: [],
    environmentFiles: [],
    containerCpu: [],
    containerMemory: [],
    diff: false,
    artifacts: [],
    json: false,
    jsonEvents: false,
    verbose: false,
    strategy: 'auto',
    forceNewDeployment: false,
    hooks: [],
    waitFor: 'completed',
    waitTimeoutMs: 30 * 60_000,
    pollIntervalMs: 5000,
    onTimeout: 'rollback',
    onCancel: 'rollback',
    dryRun: false,
    tags: [],
    onFailure: 'rollback-all',
    ...overrides,
    services: overrides.services ?? (overrides.service ? [overrides.service] : []),
  }
}
