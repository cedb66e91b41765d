import type { DeploymentLifecycleHook } from '@aws-sdk/client-ecs'
import type { World } from '../core/state.js'
import type { HookRun, NativeStage, ServiceDeploymentState, ServiceState } from '../core/types.js'
import { laterFor, randomId } from './service-deployments.js'

// The lifecycle hooks of an ECS-native deployment (aws-facts-ecs-native.md §3): every hook bound to a stage runs at
// once; the stage passes when all have succeeded (or timed out with action CONTINUE). A Lambda hook is invoked with
// ECS's event and answered by the scenario's `lambdas` (IN_PROGRESS answers are invoked again after callBackDelay);
// a PAUSE hook waits for ContinueServiceDeployment.

/** The traffic weights a hook's event carries, by service revision ARN. */
export interface StageWeights {
  test: Record<string, number>
  production: Record<string, number>
}

export interface HookOutcome {
  succeeded(service: ServiceState, sd: ServiceDeploymentState): void
  failed(service: ServiceState, sd: ServiceDeploymentState, reason: string): void
}

/** How long an emulated function takes to answer when the scenario does not say. */
const DEFAULT_ANSWER_SECONDS = 2

const DEFAULT_CALLBACK_SECONDS = 30

const DEFAULT_TIMEOUT_MINUTES = 1440

interface StageRun {
  stage: NativeStage
  runs: HookRun[]
}

export class HookRunner {
  private readonly current = new Map<ServiceDeploymentState, StageRun>()

  constructor(
    private readonly world: World,
    private readonly outcome: HookOutcome,
  ) {}

  /** Runs the hooks bound to `stage` (Lambda ones only during a rollback); with none, the stage passes at once. */
  run(service: ServiceState, sd: ServiceDeploymentState, stage: NativeStage, weights: StageWeights, rollback: boolean) {
    const hooks = (sd.deploymentConfiguration.lifecycleHooks ?? []).filter(
      (hook) =>
        (hook.lifecycleStages as string[] | undefined)?.includes(stage) &&
        (!rollback || targetType(hook) === 'AWS_LAMBDA'),
    )
    if (hooks.length === 0) return this.outcome.succeeded(service, sd)
    const runs = hooks.map((hook) => this.open(sd, hook, stage))
    this.current.set(sd, { stage, runs })
    hooks.forEach((hook, i) => {
      const run = runs[i]
      laterFor(this.world, sd, run.expiresAt - this.world.clock.now(), () => this.timeOut(service, sd, run))
      if (run.targetType === 'AWS_LAMBDA') this.invoke(service, sd, run, hook, weights)
    })
  }

  /** A PAUSE hook was told to go on. */
  answerPause(service: ServiceState, sd: ServiceDeploymentState, run: HookRun): void {
    run.status = 'SUCCEEDED'
    this.checkStage(service, sd)
  }

  /** The deployment is rolling back or stopped: the hooks still waiting will not be answered. */
  abandon(sd: ServiceDeploymentState): void {
    for (const run of this.current.get(sd)?.runs ?? []) {
      if (run.status === 'IN_PROGRESS' || run.status === 'AWAITING_ACTION') run.status = 'FAILED'
    }
    this.current.delete(sd)
  }

  private open(sd: ServiceDeploymentState, hook: DeploymentLifecycleHook, stage: NativeStage): HookRun {
    const type = targetType(hook)
    const minutes = hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES
    const run: HookRun = {
      hookId: `ecs-${type === 'PAUSE' ? 'pause' : 'lambda'}-${randomId(this.world, 43)}`,
      targetType: type,
      targetArn: type === 'PAUSE' ? undefined : hook.hookTargetArn,
      stage,
      status: type === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS',
      expiresAt: this.world.clock.now() + minutes * 60_000,
      timeoutAction: hook.timeoutConfiguration?.action ?? 'ROLLBACK',
      hookDetails: hook.hookDetails,
      invocations: 0,
    }
    sd.hooks.push(run)
    sd.updatedAt = this.world.clock.now()
    return run
  }

  /** Invokes the function with ECS's event; the scenario's `lambdas` entry decides the answer. */
  private invoke(
    service: ServiceState,
    sd: ServiceDeploymentState,
    run: HookRun,
    hook: DeploymentLifecycleHook,
    weights: StageWeights,
  ): void {
    if (run.status !== 'IN_PROGRESS') return
    run.invocations++
    const name = functionName(hook.hookTargetArn ?? '')
    this.world.invocations.push({
      at: this.world.nowSeconds(),
      function: name,
      payload: {
        executionId: this.world.uuid(),
        lifecycleStage: run.stage,
        resourceArn: sd.arn,
        executionDetails: {
          serviceArn: service.arn,
          targetServiceRevisionArn: sd.target.revisionArn,
          testTrafficWeights: weights.test,
          productionTrafficWeights: weights.production,
        },
        ...(run.hookDetails !== undefined ? { hookDetails: run.hookDetails } : {}),
      },
    })
    const spec = this.world.scenario.lambdas[name]
    const failedBecause = `Service deployment rolled back because ${run.stage} lifecycle hook(s) failed.`
    if (!spec) {
      const arn = this.world.arn('lambda', `function:${name}`)
      return laterFor(this.world, sd, 1000, () =>
        this.fail(service, sd, run, `${failedBecause} ECS was unable to invoke ${name}: Function not found: ${arn}`),
      )
    }
    laterFor(this.world, sd, (spec.afterSeconds ?? DEFAULT_ANSWER_SECONDS) * 1000, () => {
      if (run.status !== 'IN_PROGRESS') return
      if (spec.result === 'external' || run.invocations <= (spec.inProgress ?? 0)) {
        run.hookDetails = { ...asObject(run.hookDetails), invocation: run.invocations }
        const delay = (spec.callBackDelay ?? DEFAULT_CALLBACK_SECONDS) * 1000
        return laterFor(this.world, sd, delay, () => this.invoke(service, sd, run, hook, weights))
      }
      if (spec.result === 'Succeeded') {
        run.status = 'SUCCEEDED'
        return this.checkStage(service, sd)
      }
      this.fail(service, sd, run, `${failedBecause} Lifecycle hook target ${name} returned FAILED status.`)
    })
  }

  private timeOut(service: ServiceState, sd: ServiceDeploymentState, run: HookRun): void {
    if (run.status !== 'IN_PROGRESS' && run.status !== 'AWAITING_ACTION') return
    run.status = 'TIMED_OUT'
    sd.updatedAt = this.world.clock.now()
    if (run.timeoutAction === 'CONTINUE') return this.checkStage(service, sd)
    const kind = run.targetType === 'PAUSE' ? 'pause' : 'lambda'
    this.current.delete(sd)
    this.outcome.failed(service, sd, `Service deployment rolled back because ${run.stage} ${kind} hook timed out.`)
  }

  private fail(service: ServiceState, sd: ServiceDeploymentState, run: HookRun, reason: string): void {
    if (run.status !== 'IN_PROGRESS') return
    run.status = 'FAILED'
    sd.updatedAt = this.world.clock.now()
    this.current.delete(sd)
    this.outcome.failed(service, sd, reason)
  }

  /** The stage passes once every hook of it succeeded or timed out with action CONTINUE. */
  private checkStage(service: ServiceState, sd: ServiceDeploymentState): void {
    const stage = this.current.get(sd)
    if (!stage) return
    sd.updatedAt = this.world.clock.now()
    const passed = (run: HookRun): boolean =>
      run.status === 'SUCCEEDED' || (run.status === 'TIMED_OUT' && run.timeoutAction === 'CONTINUE')
    if (!stage.runs.every(passed)) return
    this.current.delete(sd)
    this.outcome.succeeded(service, sd)
  }
}

function targetType(hook: DeploymentLifecycleHook): 'AWS_LAMBDA' | 'PAUSE' {
  return hook.targetType === 'PAUSE' ? 'PAUSE' : 'AWS_LAMBDA'
}

/** `arn:aws:lambda:…:function:NAME[:qualifier]`, or a bare name. */
export function functionName(ref: string): string {
  const match = /:function:([^:]+)/.exec(ref)
  return match ? match[1] : ref
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}
