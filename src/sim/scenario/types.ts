import type {
  CreateServiceRequest,
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  RegisterTaskDefinitionRequest,
  Tag,
} from '@aws-sdk/client-ecs'

/** What the containers of an image do when a task runs them (sim-scenario.md "Image behaviours"). */
export type BehaviorKind = 'healthy' | 'crash' | 'unhealthy' | 'oom' | 'secrets-error' | 'exit'

export interface Behavior {
  kind: BehaviorKind
  /** Emulated seconds from launch to RUNNING. */
  startSeconds: number
  /** crash/oom/exit: emulated seconds the container runs before it exits. */
  afterSeconds: number
  /** crash/exit: the container's exit code (oom: always 137); `exit`'s is written `code` in a scenario. */
  exitCode: number
  /**
   * Lines the container writes to its awslogs stream: at start for healthy/unhealthy, before the exit for crash/oom,
   * one after another while it runs for exit (a job's output).
   */
  logs: string[]
}

export interface ImageSpec {
  tag?: string
  digest?: string
  sizeInBytes?: number
  pushedAt?: number
  mediaType?: string
  behavior: Behavior
  /** What the image does when its container runs one of these commands (words joined by blanks): a job's own. */
  commands?: Record<string, Behavior>
}

export interface RepositorySpec {
  name: string
  createdAt?: number
  images: ImageSpec[]
}

/** A service to create at start: a CreateService input whose `serviceName` may be given as `name`. */
export interface ServiceSpec extends Omit<CreateServiceRequest, 'serviceName' | 'cluster' | 'deploymentController'> {
  name: string
  deploymentController?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'
  loadBalancers?: LoadBalancer[]
  deploymentConfiguration?: DeploymentConfiguration
  networkConfiguration?: NetworkConfiguration
  tags?: Tag[]
}

export interface ClusterSpec {
  name: string
  services: ServiceSpec[]
}

export interface DeploymentGroupSpec {
  name: string
  /** `cluster/service` of a CODE_DEPLOY service. */
  service: string
  deploymentConfigName?: string
  autoRollback?: boolean
  targetGroups?: string[]
  testListener?: boolean
  terminationWaitMinutes?: number
  [key: string]: unknown
}

export interface CodeDeployApplicationSpec {
  name: string
  deploymentGroups: DeploymentGroupSpec[]
}

export interface LambdaSpec {
  result: 'Succeeded' | 'Failed' | 'external'
  afterSeconds?: number
  /** ECS lifecycle hooks: how many invocations answer IN_PROGRESS before the result. */
  inProgress?: number
  /** ECS lifecycle hooks: the callBackDelay (seconds) of an IN_PROGRESS answer; ECS's default is 30. */
  callBackDelay?: number
}

/** Emulated durations the real services decide for themselves; defaults follow AWS's defaults. */
export interface Timing {
  /**
   * After RUNNING, how long until a load balancer target gives its verdict. Container health checks follow their task
   * definition's `healthCheck` (interval, retries, startPeriod; ECS defaults 30, 3, 0) instead.
   */
  healthCheckSeconds: number
  /** Target group deregistration delay: how long a stopping load-balanced task drains. AWS default 300. */
  deregistrationDelaySeconds: number
  /** From STOPPING to STOPPED. */
  stopSeconds: number
  /**
   * With neither a load balancer nor a container health check, how long a RUNNING task must stay up before ECS counts
   * it as healthy (its later exit is no start failure; the deployment may complete), or the service's
   * healthCheckGracePeriodSeconds if longer. AWS documents no such duration (aws-facts.md §3: "a short settle time");
   * the default of 30 s is unverified.
   */
  settleSeconds: number
}

export interface Faults {
  throttleRate: number
  errorRate: number
  /** Per operation, how many of its first calls are carried out and then lose their response (the connection drops). */
  lostResponses: Record<string, number>
  /**
   * Per operation, how many of its first calls are accepted and never answered (the connection stays open until the
   * client gives up or the server closes); a stalled call is not carried out.
   */
  stalls: Record<string, number>
  /** Per operation, which of its calls (1 for the first) are answered with the service's own 5xx, not carried out. */
  serverErrors: Record<string, number[]>
  /** Each answer is delayed by a seeded random real-time delay in [minMs, maxMs]. */
  latency?: { minMs: number; maxMs: number }
}

export interface Scenario {
  region: string
  account: string
  /** Emulated epoch ms the clock starts at (default: now). */
  startTime?: number
  ecr: { repositories: RepositorySpec[] }
  images: Record<string, Behavior>
  taskDefinitions: RegisterTaskDefinitionRequest[]
  clusters: ClusterSpec[]
  codedeploy: { applications: CodeDeployApplicationSpec[] }
  lambdas: Record<string, LambdaSpec>
  faults: Faults
  timing: Timing
  /** Where the scenario came from, to point at a key's file line in errors found after reading (unknown in code). */
  source?: ScenarioSource
}

export interface ScenarioSource {
  file: string
  /** The line of the key at `path` (or of its nearest parent that has one). */
  lineOf(path: Path): number | undefined
}

/**
 * A behaviour as written in a scenario: a name, `{ crash: { exitCode, afterSeconds } }`, `{ exit: { code } }`, or
 * already normalized.
 */
export type BehaviorInput =
  BehaviorKind | { [K in BehaviorKind]?: Partial<Omit<Behavior, 'kind'> & { code: number }> | null } | Behavior

/** A scenario as written (file or object): every key optional, behaviours in their short forms. */
export interface ScenarioInput {
  region?: string
  account?: string
  startTime?: number | string
  ecr?: {
    repositories?: {
      name: string
      createdAt?: number | string
      images?: {
        tag?: string
        digest?: string
        sizeInBytes?: number
        pushedAt?: number | string
        mediaType?: string
        behavior?: BehaviorInput
        commands?: Record<string, BehaviorInput>
      }[]
    }[]
  }
  images?: Record<string, BehaviorInput>
  taskDefinitions?: RegisterTaskDefinitionRequest[]
  clusters?: { name: string; services?: ServiceSpec[] }[]
  codedeploy?: { applications?: CodeDeployApplicationSpec[] }
  lambdas?: Record<string, LambdaSpec>
  faults?: Partial<Faults>
  timing?: Partial<Timing>
}

/** No injected faults. */
export function noFaults(): Faults {
  return { throttleRate: 0, errorRate: 0, lostResponses: {}, stalls: {}, serverErrors: {} }
}

export const DEFAULT_TIMING: Timing = {
  healthCheckSeconds: 10,
  deregistrationDelaySeconds: 300,
  stopSeconds: 5,
  settleSeconds: 30,
}

export type Path = (string | number)[]
