import { describe, expect, it } from '@jest/globals'
import { argsSource, parseArgs } from '../../../src/cli/args.js'
import { FLAGS } from '../../../src/cli/help.js'

describe('parseArgs', () => {
  it('reads values, repeated lists, switches, --flag=value and the command after --', () => {
    const args = parseArgs(
      ['--cluster', 'prod', '--image', 'a=x:1', '--image=b=y:2', '--dry-run', '--service=web'],
      FLAGS.deploy,
      'deploy',
    )
    const source = argsSource(args, {})
    expect([source.get('cluster'), source.list('service'), source.get('dry-run')]).toEqual(['prod', ['web'], 'true'])
    expect(source.list('image')).toEqual(['a=x:1', 'b=y:2'])
    const hook = parseArgs(['--deployment-id', 'd-X', '--', 'curl', '--fail', 'http://x'], FLAGS.hook, 'hook')
    expect(argsSource(hook, {}).list('--')).toEqual(['curl', '--fail', 'http://x'])
  })

  it('falls back to BERTH_* environment variables, lists one per line', () => {
    const source = argsSource(parseArgs(['--cluster', 'prod'], FLAGS.deploy, 'deploy'), {
      BERTH_CLUSTER: 'ignored',
      BERTH_WAIT_TIMEOUT: '10m',
      BERTH_IMAGE: 'web=x:1\n  sidecar=y:2\n',
    })
    expect([source.get('cluster'), source.get('wait-timeout')]).toEqual(['prod', '10m'])
    expect(source.list('image')).toEqual(['web=x:1', 'sidecar=y:2'])
  })

  it('names an unknown flag and suggests the near one', () => {
    expect(() => parseArgs(['--clustr', 'x'], FLAGS.deploy, 'deploy')).toThrow(
      'unknown flag --clustr. Did you mean --cluster? See berth deploy --help for the accepted flags.',
    )
    expect(() => parseArgs(['--cluster'], FLAGS.deploy, 'deploy')).toThrow('--cluster needs a value.')
    expect(() => parseArgs(['prod'], FLAGS.deploy, 'deploy')).toThrow('unexpected argument "prod"')
    expect(() => parseArgs(['--desired-count', '-1'], FLAGS.deploy, 'deploy')).toThrow(
      '--desired-count needs a value; write --desired-count=VALUE for a value that starts with -.',
    )
    expect(argsSource(parseArgs(['--desired-count=-1'], FLAGS.deploy, 'deploy'), {}).get('desired-count')).toBe('-1')
  })

  it('takes a value for a switch, as its BERTH_* variable does', () => {
    const source = argsSource(parseArgs(['--dry-run=false', '--json'], FLAGS.deploy, 'deploy'), {})
    expect([source.get('dry-run'), source.get('json')]).toEqual(['false', 'true'])
  })
})
