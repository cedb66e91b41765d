import {
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  type DeploymentInfo,
  type ECSTarget,
} from '@aws-sdk/client-codedeploy'
import { errorName } from '../../errors.js'
import { type TickResult } from '../../watch/loop.js'
import { essentialContainers, failureThreshold, isTaskFailure } from '../task-failures.js'
import { type Observation, type TaskSetIds, observe, progressEvents, trafficShifted } from './progress.js'
import { type CodeDeployPlan, type CodeDeploy } from './setup.js'
import { type CodeDeployVerdict, codeDeployVerdict } from './judge.js'
import { StoppedTasks } from '../evidence.js'
import { type DeployContext } from '../driver.js'

// Following one CodeDeploy deployment: each look reads the deployment and its ECS target, reports what changed, and
// counts the replacement task set's failed tasks, which CodeDeploy itself does not follow.

/** What the watch ends on: CodeDeploy's verdict, or berth's early success for `--wait-for traffic-shifted`. */
export type Ending =
  | { kind: 'finished'; verdict: CodeDeployVerdict }
  | { kind: 'traffic-shifted' }
  | { kind: 'green-failing'; failures: number }

/** Follows one deployment: reports what changed on each look, remembers what the explanation needs. */
export class Follower {
  private last?: Observation
  private lastTarget?: ECSTarget
  info?: DeploymentInfo
  /** Task set ids as first seen, so a rollback's traffic is told the right way round. */
  readonly taskSets: TaskSetIds = {}
  private readyNoticed = false
  private replacement?: StoppedTasks
  /** How many of them may fail before berth stops the deployment (CodeDeploy itself does not count them). */
  readonly greenLimit: number

  constructor(
    private readonly context: DeployContext,
    readonly plan: CodeDeployPlan,
    readonly deploymentId: string,
  ) {
    this.greenLimit = context.config.maxFailedTasks ?? failureThreshold(context.target.service.desiredCount ?? 1)
  }

  get observation(): Observation | undefined {
    return this.last
  }

  async tick(): Promise<TickResult<Ending>> {
    const changed = await this.look()
    const ending = this.ending() ?? (await this.greenFailing())
    return ending ? { done: ending } : { changed }
  }

  /**
   * Stopped tasks of the deployed revision in the service started since this deployment was created: the
   * replacement task set's, not those of an earlier deployment of the same revision.
   */
  get green(): StoppedTasks {
    const since = this.info?.createTime?.getTime()
    this.replacement ??= new StoppedTasks(
      this.context.clients.ecs,
      this.context.target.cluster,
      { serviceName: this.plan.serviceName },
      { taskDefinitionArn: this.context.taskDefinitionArn, ...(since !== undefined ? { since } : {}) },
    )
    return this.replacement
  }

  /** How many of the replacement's tasks have failed (essential container exited, health checks), draining or not. */
  async greenFailures(): Promise<number> {
    const essential = essentialContainers(this.context.taskDefinition.containerDefinitions ?? [])
    return (await this.green.refresh()).filter((task) => isTaskFailure(task, essential)).length
  }

  /**
   * While traffic can still go back to blue (blue exists until the termination wait ends, so StopDeployment with
   * rollback restores it), the replacement's failed tasks against berth's limit.
   */
  private async greenFailing(): Promise<Ending | undefined> {
    if (this.info?.status !== 'InProgress') return undefined
    const failures = await this.greenFailures()
    return failures >= this.greenLimit ? { kind: 'green-failing', failures } : undefined
  }

  /** One GetDeployment + GetDeploymentTarget; emits what changed and says whether anything did. */
  async look(): Promise<boolean> {
    const info = await getDeployment(this.context.clients.codedeploy, this.deploymentId)
    const target =
      (await getTarget(this.context.clients.codedeploy, this.deploymentId, this.plan.targetId)) ?? this.lastTarget
    this.info = info
    this.lastTarget = target
    const current = observe(info, target)
    this.taskSets.blue ??= current.taskSets.blue
    this.taskSets.green ??= current.taskSets.green
    const events = progressEvents(this.last, current, this.plan.appspec.hooks)
    for (const event of events) this.context.reporter.emit(event)
    this.noticeReady(current)
    this.last = current
    return events.length > 0
  }

  private noticeReady(current: Observation): void {
    if (current.status !== 'Ready' || this.readyNoticed) return
    this.readyNoticed = true
    this.context.reporter.emit({
      type: 'info',
      message:
        `deployment ${this.deploymentId} waits for you to continue it (the group's deploymentReadyOption): ` +
        `aws deploy continue-deployment --deployment-id ${this.deploymentId} --deployment-wait-type READY_WAIT`,
    })
  }

  ending(): Ending | undefined {
    if (!this.info || !this.last) return undefined
    const verdict = codeDeployVerdict(this.info, this.last.lifecycle, this.plan.appspec.hooks)
    if (verdict) return { kind: 'finished', verdict }
    if (this.context.config.waitFor === 'traffic-shifted' && trafficShifted(this.last.lifecycle)) {
      return { kind: 'traffic-shifted' }
    }
    return undefined
  }

  /** One more look after the loop, so that late changes are not lost; errors here change nothing. */
  async flush(): Promise<Ending | undefined> {
    try {
      await this.look()
      return this.ending()
    } catch {
      return undefined
    }
  }
}

export async function getDeployment(codedeploy: CodeDeploy, deploymentId: string): Promise<DeploymentInfo> {
  const output = await codedeploy.send(new GetDeploymentCommand({ deploymentId }))
  if (!output.deploymentInfo) throw new Error(`GetDeployment ${deploymentId} returned no deployment.`)
  return output.deploymentInfo
}

/** The ECS target; undefined until the deployment has started and CodeDeploy has created it. */
export async function getTarget(
  codedeploy: CodeDeploy,
  deploymentId: string,
  targetId: string,
): Promise<ECSTarget | undefined> {
  try {
    const output = await codedeploy.send(new GetDeploymentTargetCommand({ deploymentId, targetId }))
    return output.deploymentTarget?.ecsTarget
  } catch (error) {
    const name = errorName(error)
    if (name === 'DeploymentTargetDoesNotExistException' || name === 'DeploymentNotStartedException') return undefined
    throw error
  }
}
