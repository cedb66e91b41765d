import {
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { isTransient } from '../aws/errors.js'
import { errorMessage } from '../errors.js'
import type { DeployContext } from './driver.js'
import type { Ecs } from './ecs.js'

// ECS keeps a service deployment for every deployment of an ECS-controller service (rolling or native): how berth
// finds the one of its deployment and reads it.

/** `ecs-svc/1234…` and `…:service-revision/<cluster>/<service>/1234…` carry the same digits. */
export function isRevisionOf(revisionArn: string | undefined, deploymentId: string): boolean {
  const digits = deploymentId.replace(/^ecs-svc\//, '')
  return revisionArn !== undefined && revisionArn.endsWith(`/${digits}`)
}

export async function describeServiceDeployment(ecs: Ecs, arn: string): Promise<ServiceDeployment> {
  const output = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  const sd = output.serviceDeployments?.[0]
  if (!sd) throw new Error(`DescribeServiceDeployments: ${arn} is ${output.failures?.[0]?.reason ?? 'missing'}.`)
  return sd
}

/**
 * The circuit breaker's own count of a rolling deployment, read from its service deployment when the failures
 * change: "3 of 5 failed tasks before the breaker trips". Accounts or regions without the service-deployment APIs
 * (or a policy without them) simply go without: the first refusal turns the reading off.
 */
export class BreakerWatch {
  private arn: string | undefined
  private off = false
  private last = ''

  constructor(
    private readonly context: DeployContext,
    private readonly deploymentId: string,
  ) {}

  async look(): Promise<void> {
    if (this.off) return
    const { clients, target, reporter } = this.context
    try {
      this.arn ??= await this.find()
      if (!this.arn) return
      const breaker = (await describeServiceDeployment(clients.ecs, this.arn)).deploymentCircuitBreaker
      if (breaker?.failureCount === undefined || breaker.threshold === undefined) return
      const key = `${breaker.failureCount}/${breaker.threshold}/${breaker.status}`
      if (key === this.last) return
      this.last = key
      reporter.emit({
        type: 'circuit-breaker',
        failureCount: breaker.failureCount,
        threshold: breaker.threshold,
        status: breaker.status ?? '?',
      })
    } catch (error) {
      if (!isTransient(error)) this.off = true
      reporter.emit({
        type: 'debug',
        message: `circuit breaker count of ${target.service.serviceName} not read: ${errorMessage(error)}`,
      })
    }
  }

  private async find(): Promise<string | undefined> {
    const { cluster, service } = this.context.target
    const listed = await this.context.clients.ecs.send(
      new ListServiceDeploymentsCommand({ cluster, service: service.serviceName }),
    )
    const ours = listed.serviceDeployments?.find((sd) => isRevisionOf(sd.targetServiceRevisionArn, this.deploymentId))
    return ours?.serviceDeploymentArn
  }
}
