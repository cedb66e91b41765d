import type { HookBinding } from '../artifacts/hooks.js'
import type { CommandEdit, ContainerEdits, EnvEdit, ImageEdit, SecretEdit } from '../taskdef/types.js'

/** What a run over several services does when one of them fails: roll back the others it moved, or leave them. */
export const FAILURE_POLICIES = ['rollback-all', 'leave'] as const

export type FailurePolicy = (typeof FAILURE_POLICIES)[number]

/** How a deployment is driven; `auto` reads the service's deployment controller. */
/** How a deployment is driven; `auto` reads the service's deployment controller. */
export const STRATEGIES = ['auto', 'rolling', 'codedeploy', 'ecs-native'] as const

export type Strategy = (typeof STRATEGIES)[number]

/** The CodePipeline artifacts berth can write. */
export const ARTIFACT_KINDS = ['imagedefinitions', 'imagedetail', 'codedeploy'] as const

export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

/** What to do with the service when the deadline passes or the job is cancelled. */
export const INTERRUPT_ACTIONS = ['rollback', 'leave'] as const

export type InterruptAction = (typeof INTERRUPT_ACTIONS)[number]

/**
 * How far a blue/green deployment is followed: until all traffic is on green, through the termination wait or bake
 * time (`completed`), or, for ECS-native deployments, until a PAUSE hook waits for `berth continue` (`paused`).
 */
export const WAIT_FOR = ['paused', 'traffic-shifted', 'completed'] as const

export type WaitFor = (typeof WAIT_FOR)[number]

/** Where the task definition comes from: a JSON file, or a family[:revision] / ARN registered in ECS. */
export type TaskDefinitionSource = { kind: 'file'; path: string } | { kind: 'registered'; ref: string }

/** A CodeDeploy deployment configuration: a named one, or a traffic shape berth creates as a custom config. */
export type DeploymentConfigSpec =
  | { type: 'named'; name: string }
  | { type: 'canary'; percentage: number; intervalMinutes: number }
  | { type: 'linear'; percentage: number; intervalMinutes: number }
  | { type: 'all-at-once' }

/** Everything one run of `berth render` or `berth deploy` (or the Action) needs, parsed and checked once. */
export interface Config extends ContainerEdits {
  /** Task definition to render; omitted for deploy = the service's current one. */
  taskDefinition?: TaskDefinitionSource
  /** `--image CONTAINER=URI`, several containers in one run. */
  images: ImageEdit[]
  /** `--env CONTAINER:NAME=VALUE`, set or override. */
  env: EnvEdit[]
  /** `--secret CONTAINER:NAME=VALUEFROM`, set or override. */
  secrets: SecretEdit[]
  family?: string
  cpu?: string
  memory?: string
  /** `--task-role-arn`: the role the task's containers call AWS with. */
  taskRoleArn?: string
  /** `--execution-role-arn`: the role ECS pulls images, reads secrets and writes logs with. */
  executionRoleArn?: string
  /** Write the rendered task definition here instead of stdout. */
  out?: string
  /** Print the diff between the input and the rendered task definition. */
  diff: boolean
  artifactsDir?: string
  artifacts: ArtifactKind[]
  /** Last stdout line is one JSON object. */
  json: boolean
  /** Add the progress events to that object as `events` (`--json-events`, which implies `--json`). */
  jsonEvents: boolean
  /** `--verbose`: show debug events, every AWS call with its duration and attempts. */
  verbose: boolean
  /** The Action's `github-environment`: record the deploy as a GitHub deployment there (needs `githubToken`). */
  githubEnvironment?: string
  githubToken?: string

  cluster?: string
  /** The first (or only) service of `services`. */
  service?: string
  /** `--service`, repeatable (the Action's input: one per line): every service the run deploys to, in order. */
  services: string[]
  /** `--max-parallel N`: how many services deploy at once; all of them when omitted. */
  maxParallel?: number
  /** `--on-failure`: what a run over several services does with the others when one fails. */
  onFailure: FailurePolicy
  strategy: Strategy
  desiredCount?: number
  forceNewDeployment: boolean
  keepRevisions?: number
  maxFailedTasks?: number
  codedeployApplication?: string
  codedeployGroup?: string
  deploymentConfig?: DeploymentConfigSpec
  hooks: HookBinding[]
  appspec?: string
  waitFor: WaitFor
  waitTimeoutMs: number
  pollIntervalMs: number
  onTimeout: InterruptAction
  onCancel: InterruptAction
  dryRun: boolean
  region?: string
  /** Tags for the registered task definition, `KEY=VALUE`. */
  tags: { key: string; value: string }[]
  /** `--before-deploy 'run-task …'`: a one-off task run after registration; the service is updated only if it succeeds. */
  beforeDeploy?: RunTaskConfig
}

/** `berth run-task` (and `--before-deploy 'run-task …'`): one task, run to its end; its exit code is the verdict. */
export interface RunTaskConfig {
  /** The render flags (task definition, images, env, secrets …) and the common ones (region, json, poll interval). */
  render: Config
  /** Omitted in `--before-deploy`: the deploy's cluster. */
  cluster?: string
  /** `--service S`: its task definition (unless `--task-definition` names one) and its network. */
  service?: string
  /** `--network-from-service S`: the network, launch type or capacity providers, and platform version of S. */
  networkFromService?: string
  /** `--command CONTAINER:COMMAND`: the command a container runs instead of its own (a RunTask container override). */
  commands: CommandEdit[]
  /** `--container NAME`: whose exit code counts; default the essential container (the first non-zero of several). */
  container?: string
  /** `--wait-timeout`, when given; `berth run-task` defaults to 30m, a before-deploy task to the run's deadline. */
  waitTimeoutMs?: number
}

/** `berth hook`: answer one CodeDeploy lifecycle hook with the outcome of a check. */
export interface HookConfig {
  deploymentId: string
  executionId: string
  check: { kind: 'http'; url: string; expectStatus: number } | { kind: 'command'; argv: string[] }
  deadlineMs: number
  intervalMs: number
  region?: string
  json: boolean
}

/** `berth status`: one look at a service, what runs and what moves. */
export interface StatusConfig {
  cluster: string
  service: string
  /** The deployment group of a CODE_DEPLOY service, when berth cannot find it from the service alone. */
  codedeployApplication?: string
  codedeployGroup?: string
  json: boolean
  region?: string
}

/**
 * A revision `berth rollback --to` names: `FAMILY:REV`, a task definition ARN, or a bare revision number of the
 * service's own family (`family` absent).
 */
export interface RevisionRef {
  given: string
  family?: string
  revision: number
}

/** `berth rollback`: the service back on its previous (or the given) revision, watched to a verdict. */
export interface RollbackConfig extends StatusConfig {
  to?: RevisionRef
  /** `--verbose`: show debug events, every AWS call with its duration and attempts. */
  verbose: boolean
  waitTimeoutMs: number
  pollIntervalMs: number
}

/** The list name of the words after `--` (berth hook's command), apart from every flag's name. */
export const COMMAND_AFTER_DASHES = '--'

/** `berth continue` (and the Action's `continue: true`): answer the PAUSE hook an ECS-native deployment waits on. */
export interface ContinueConfig {
  cluster: string
  service: string
  /** The hook to answer; without it, the one hook of the service's deployments that awaits action. */
  hookId?: string
  /** How the hook id is named in this face (`--hook-id`, `input "hook-id"`), for messages. */
  hookIdLabel: string
  /** Answer ROLLBACK instead of CONTINUE. */
  rollback: boolean
  region?: string
  json: boolean
}

/**
 * Where values come from: Action inputs or CLI flags and env. `label` says how the user spells the name in
 * this face (`--image` or `input "image"`), so errors point at what they typed.
 */
export interface InputSource {
  get(name: string): string | undefined
  list(name: string): string[]
  label(name: string): string
  /** The bare name for `--json`'s error.input, when it differs from `label` (the Action's `task-definition`). */
  inputName?(name: string): string
}
