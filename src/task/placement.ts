import type {
  CapacityProviderStrategyItem,
  NetworkConfiguration,
  RunTaskCommandInput,
  Service,
  TaskOverride,
} from '@aws-sdk/client-ecs'
import type { CommandEdit } from '../taskdef/types.js'

/** Where a task runs: the network, the launch type or capacity provider strategy, and the platform version. */
export interface Placement {
  networkConfiguration?: NetworkConfiguration
  launchType?: RunTaskCommandInput['launchType']
  capacityProviderStrategy?: CapacityProviderStrategyItem[]
  platformVersion?: string
}

/**
 * Where a service runs its tasks. A service keeps these on itself; a CodeDeploy (or external) service keeps them on
 * its task sets, and its deployments carry them too: the primary one's are taken when the service has none.
 */
export function placementOf(service: Service): Placement {
  const taskSet = service.taskSets?.find((set) => set.status === 'PRIMARY') ?? service.taskSets?.[0]
  const deployment = service.deployments?.find((d) => d.status === 'PRIMARY') ?? service.deployments?.[0]
  const sources = [service, taskSet ?? {}, deployment ?? {}]
  const first = <K extends keyof Placement>(key: K): Placement[K] =>
    sources.map((source) => (source as Placement)[key]).find((value) => value !== undefined)
  const strategy = sources
    .map((source) => (source as Placement).capacityProviderStrategy)
    .find((items) => (items?.length ?? 0) > 0)
  return {
    networkConfiguration: first('networkConfiguration'),
    // RunTask takes one or the other: a launch type with a capacity provider strategy is refused.
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: first('launchType') }),
    platformVersion: first('platformVersion'),
  }
}

/** The RunTask input of one one-off task: one task, its commands overridden, tagged with the run's `startedBy`. */
export function runTaskInput(args: {
  cluster: string
  taskDefinitionArn: string
  placement: Placement
  commands: readonly CommandEdit[]
  startedBy: string
}): RunTaskCommandInput {
  const { placement } = args
  const overrides: TaskOverride | undefined =
    args.commands.length > 0
      ? { containerOverrides: args.commands.map((edit) => ({ name: edit.container, command: edit.command })) }
      : undefined
  return {
    cluster: args.cluster,
    taskDefinition: args.taskDefinitionArn,
    count: 1,
    startedBy: args.startedBy,
    ...(placement.networkConfiguration ? { networkConfiguration: placement.networkConfiguration } : {}),
    ...(placement.capacityProviderStrategy ? { capacityProviderStrategy: placement.capacityProviderStrategy } : {}),
    ...(placement.launchType ? { launchType: placement.launchType } : {}),
    ...(placement.platformVersion ? { platformVersion: placement.platformVersion } : {}),
    ...(overrides ? { overrides } : {}),
  }
}
