import type { DeploymentConfiguration, DeploymentLifecycleHook, LoadBalancer } from '@aws-sdk/client-ecs'
import { invalid } from '../core/errors.js'
import { NATIVE_STAGES } from '../core/types.js'

// What CreateService and UpdateService refuse in an ECS-native configuration, with ECS's messages where they are
// documented (aws-facts-ecs-native.md §1; troubleshooting-blue-green).

const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY']

/** Stages a hook may hold: all but those ECS runs by itself (aws-facts-ecs-native.md §1). */
const HOOK_STAGES: readonly string[] = NATIVE_STAGES.filter(
  (stage) => stage !== 'SCALE_UP' && stage !== 'BAKE_TIME' && stage !== 'CLEAN_UP',
)

/** Stages where ECS is shifting traffic itself: a PAUSE hook cannot hold them. */
const SHIFT_STAGES = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']

const MAX_HOOKS_PER_TYPE = 10

export function checkDeploymentStrategy(config: DeploymentConfiguration, loadBalancers: LoadBalancer[]): void {
  const strategy = config.strategy ?? 'ROLLING'
  if (!STRATEGIES.includes(strategy)) {
    throw invalid(`Invalid deployment strategy: ${strategy}. Valid values are: ${STRATEGIES.join(', ')}`)
  }
  if (strategy === 'ROLLING') return
  checkRange('bakeTimeInMinutes', config.bakeTimeInMinutes, 0, 1440)
  checkRange('linearConfiguration.stepPercent', config.linearConfiguration?.stepPercent, 3, 100)
  checkRange('linearConfiguration.stepBakeTimeInMinutes', config.linearConfiguration?.stepBakeTimeInMinutes, 0, 1440)
  checkRange('canaryConfiguration.canaryPercent', config.canaryConfiguration?.canaryPercent, 0.1, 100)
  checkRange(
    'canaryConfiguration.canaryBakeTimeInMinutes',
    config.canaryConfiguration?.canaryBakeTimeInMinutes,
    0,
    1440,
  )
  checkHooks(config.lifecycleHooks ?? [])
  for (const lb of loadBalancers) checkAdvancedConfiguration(lb)
}

function checkRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return
  if (!(typeof value === 'number' && value >= min && value <= max)) {
    throw invalid(`${name} must be between ${min} and ${max}, got ${value}.`)
  }
}

function checkHooks(hooks: DeploymentLifecycleHook[]): void {
  for (const hook of hooks) {
    const type = hook.targetType ?? 'AWS_LAMBDA'
    if (type !== 'AWS_LAMBDA' && type !== 'PAUSE')
      throw invalid('Invalid targetType. Valid values are: AWS_LAMBDA, PAUSE')
    if (type === 'AWS_LAMBDA' && !hook.hookTargetArn) {
      throw invalid('hookTargetArn is required for lifecycle hooks with targetType AWS_LAMBDA.')
    }
    const stages = (hook.lifecycleStages ?? []) as string[]
    if (stages.length === 0) throw invalid('lifecycleStages must contain at least one lifecycle stage.')
    const unknown = stages.find((stage) => !HOOK_STAGES.includes(stage))
    if (unknown) throw invalid(`Invalid lifecycle stage: ${unknown}. Valid values are: ${HOOK_STAGES.join(', ')}`)
    if (type === 'PAUSE' && stages.some((stage) => SHIFT_STAGES.includes(stage))) {
      throw invalid('Invalid lifecycle stage provided for Pause Hook')
    }
    const timeout = hook.timeoutConfiguration
    checkRange('timeoutConfiguration.timeoutInMinutes', timeout?.timeoutInMinutes, 1, type === 'PAUSE' ? 20160 : 1440)
    if (timeout?.action !== undefined && timeout.action !== 'ROLLBACK' && timeout.action !== 'CONTINUE') {
      throw invalid(`Invalid timeoutConfiguration.action: ${timeout.action}. Valid values are: ROLLBACK, CONTINUE`)
    }
  }
  for (const type of ['AWS_LAMBDA', 'PAUSE']) {
    const count = hooks.filter((hook) => (hook.targetType ?? 'AWS_LAMBDA') === type).length
    if (count > MAX_HOOKS_PER_TYPE) {
      throw invalid(`A service can have at most ${MAX_HOOKS_PER_TYPE} ${type} lifecycle hooks, got ${count}.`)
    }
  }
}

function checkAdvancedConfiguration(lb: LoadBalancer): void {
  const advanced = lb.advancedConfiguration
  if (!advanced) {
    throw invalid(
      'advancedConfiguration field is required for all loadBalancers when using a non-ROLLING deployment strategy',
    )
  }
  const rule = advanced.productionListenerRule ?? ''
  if (!/^arn:aws[\w-]*:elasticloadbalancing:[^:]+:\d{12}:(listener-rule\/app|listener\/net)\//.test(rule)) {
    throw invalid(
      `productionListenerRule has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${rule}`,
    )
  }
  if (!advanced.alternateTargetGroupArn) {
    throw invalid('alternateTargetGroupArn is required in advancedConfiguration.')
  }
  if (!advanced.roleArn) throw invalid('roleArn is required in advancedConfiguration.')
}
