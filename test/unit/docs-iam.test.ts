import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { MUTATING_OPERATIONS } from '../../src/aws/clients.js'

// docs/iam.md promises that each policy grants what its command calls: read from the source, not from a list.

const PREFIX: Record<string, string> = {
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-codedeploy': 'codedeploy',
  '@aws-sdk/client-ecr': 'ecr',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** `ecs:UpdateService` for every `new UpdateServiceCommand(` in the files, by the client package it comes from. */
function actionsOf(files: string[]): Set<string> {
  const actions = new Set<string>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const imports = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z-]+)'/g)]
    for (const [, operation] of text.matchAll(/new ([A-Z][A-Za-z]+)Command\(/g)) {
      const from = imports.find(([, names]) => new RegExp(`\\b${operation}Command\\b`).test(names))
      if (!from) throw new Error(`${file}: ${operation}Command is not imported from an AWS SDK client`)
      actions.add(`${PREFIX[from[2]]}:${operation}`)
    }
  }
  return actions
}

/** `entry` and every src/ file whose code it loads, directly or not (static and dynamic relative imports). */
function reachable(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const [statement, specifier] of text.matchAll(/import\s*(?:\(\s*|[^;]*?from\s*)'(\.{1,2}\/[^']+)\.js'/g)) {
      // Types only: nothing of that file runs.
      if (/^import\s+type\b/.test(statement) || /^import\s*\{(\s*type\s+\w+\s*,?)+\}/.test(statement)) continue
      visit(normalize(join(dirname(file), `${specifier}.ts`)))
    }
  }
  visit(entry)
  return [...seen]
}

/** The actions of the policy under each `## heading` of docs/iam.md. */
function policies(): Map<string, Set<string>> {
  const doc = readFileSync('docs/iam.md', 'utf8')
  const result = new Map<string, Set<string>>()
  for (const [, heading, json] of doc.matchAll(/^## (.+)\n[\s\S]*?```json\n([\s\S]*?)```/gm)) {
    const policy = JSON.parse(json) as { Statement: { Action: string | string[] }[] }
    result.set(heading, new Set(policy.Statement.flatMap((statement) => [statement.Action].flat())))
  }
  return result
}

const all = (directory: string) => sourceFiles(directory)
const OWN = /\/(rolling|codedeploy|ecs-native)\/|\/service-deployments\.ts$/
const shared = [...all('src/deploy').filter((file) => !OWN.test(file)), 'src/run.ts']
const serviceDeployments = 'src/deploy/service-deployments.ts'
const missing = (needed: Set<string>, granted: Set<string> | undefined) =>
  [...needed].filter((action) => !granted?.has(action))

describe('docs/iam.md', () => {
  const docs = policies()

  it('has a policy for each command', () => {
    expect([...docs.keys()]).toEqual([
      'deploy, rolling update',
      'deploy, CodeDeploy blue/green',
      'deploy, ECS-native blue/green, linear or canary',
      'run-task, and deploy --before-deploy',
      'dry run and render (read-only)',
      'status (read-only)',
      'rollback',
      'hook',
      'continue',
    ])
  })

  it('grants a rolling deploy every operation the rolling driver and the shared stages call', () => {
    const needed = actionsOf([...shared, ...all('src/deploy/rolling'), serviceDeployments])
    expect(needed.has('ecs:UpdateService')).toBe(true)
    expect(missing(needed, docs.get('deploy, rolling update'))).toEqual([])
  })

  it('grants an ECS-native deploy every operation its driver, the rolling update it starts with and the shared stages call', () => {
    const needed = actionsOf([
      ...shared,
      ...all('src/deploy/ecs-native'),
      ...all('src/deploy/rolling'),
      serviceDeployments,
    ])
    expect(needed.has('ecs:StopServiceDeployment')).toBe(true)
    expect(missing(needed, docs.get('deploy, ECS-native blue/green, linear or canary'))).toEqual([])
  })

  it('grants a CodeDeploy deploy every operation the CodeDeploy driver and the shared stages call', () => {
    const needed = actionsOf([...shared, ...all('src/deploy/codedeploy')])
    expect(needed.has('codedeploy:CreateDeployment')).toBe(true)
    expect(missing(needed, docs.get('deploy, CodeDeploy blue/green'))).toEqual([])
  })

  it('grants run-task every operation the one-off task and the render and register stages call', () => {
    const needed = actionsOf([...shared, ...all('src/task'), 'src/run-task.ts'].filter((f) => !f.endsWith('plan.ts')))
    expect(needed.has('ecs:RunTask')).toBe(true)
    expect(needed.has('ecs:StopTask')).toBe(true)
    // Calls of the shared deploy stages (the service update, --keep-revisions) that a one-off task never makes.
    const deployOnly = [
      'ecs:UpdateService',
      'ecs:ListClusters',
      'ecs:ListServices',
      'ecs:ListTaskDefinitions',
      'ecs:DeregisterTaskDefinition',
    ]
    const forTask = new Set([...needed].filter((action) => !deployOnly.includes(action)))
    expect(missing(forTask, docs.get('run-task, and deploy --before-deploy'))).toEqual([])
  })

  it('grants the read-only policy no operation that changes anything', () => {
    const granted = [...(docs.get('dry run and render (read-only)') ?? [])]
    expect(granted.filter((action) => MUTATING_OPERATIONS.has(action.split(':')[1]))).toEqual([])
    expect(granted).toEqual(expect.arrayContaining(['ecs:DescribeServices', 'ecs:DescribeTaskDefinition']))
  })

  it('grants berth status every operation it calls, none of them a change', () => {
    const needed = actionsOf(reachable('src/status/read.ts'))
    expect(needed.has('codedeploy:GetDeploymentTarget')).toBe(true)
    expect(missing(needed, docs.get('status (read-only)'))).toEqual([])
    const granted = [...(docs.get('status (read-only)') ?? [])]
    expect(granted.filter((action) => MUTATING_OPERATIONS.has(action.split(':')[1]))).toEqual([])
  })

  it('grants berth rollback every operation it and the drivers it uses call', () => {
    const needed = actionsOf(reachable('src/rollback/index.ts'))
    // The CodeDeploy driver creates a deployment config only for --deployment-config, which rollback does not take.
    needed.delete('codedeploy:CreateDeploymentConfig')
    expect(needed.has('ecs:StopServiceDeployment')).toBe(true)
    expect(needed.has('codedeploy:StopDeployment')).toBe(true)
    expect(missing(needed, docs.get('rollback'))).toEqual([])
  })

  it('grants the hook every operation berth hook and the hook Lambda call', () => {
    const needed = actionsOf(all('src/hook'))
    expect([...needed].sort()).toEqual(['codedeploy:GetDeployment', 'codedeploy:PutLifecycleEventHookExecutionStatus'])
    expect(missing(needed, docs.get('hook'))).toEqual([])
  })

  it('grants continue every operation berth continue calls', () => {
    const needed = actionsOf(all('src/continue'))
    expect([...needed].sort()).toEqual([
      'ecs:ContinueServiceDeployment',
      'ecs:DescribeServiceDeployments',
      'ecs:ListServiceDeployments',
    ])
    expect(missing(needed, docs.get('continue'))).toEqual([])
  })
})
