import { CONTAINER_EDIT_LISTS, TASK_DEFINITION_VALUES } from '../config/flag-names.js'
import { RUN_TASK_FLAGS } from '../config/run-task.js'
import type { FlagSpec } from './args.js'

const RENDER_VALUES = [...TASK_DEFINITION_VALUES, 'out', 'artifacts-dir', 'artifacts', 'region']
const RENDER_LISTS = CONTAINER_EDIT_LISTS

export const FLAGS: Record<
  'render' | 'deploy' | 'run-task' | 'continue' | 'status' | 'rollback' | 'hook' | 'sim',
  FlagSpec
> = {
  render: { values: RENDER_VALUES, lists: RENDER_LISTS, switches: ['diff', 'json', 'verbose'] },
  deploy: {
    values: [
      ...RENDER_VALUES,
      'cluster',
      'strategy',
      'desired-count',
      'keep-revisions',
      'max-failed-tasks',
      'codedeploy-application',
      'codedeploy-group',
      'deployment-config',
      'appspec',
      'wait-for',
      'wait-timeout',
      'poll-interval',
      'on-timeout',
      'on-cancel',
      'before-deploy',
      'max-parallel',
      'on-failure',
    ],
    lists: ['service', ...RENDER_LISTS, 'hook', 'tag'],
    switches: ['diff', 'json', 'json-events', 'force-new-deployment', 'dry-run', 'verbose'],
  },
  'run-task': RUN_TASK_FLAGS,
  continue: { values: ['cluster', 'service', 'hook-id', 'region'], lists: [], switches: ['rollback', 'json'] },
  status: {
    values: ['cluster', 'service', 'codedeploy-application', 'codedeploy-group', 'region'],
    lists: [],
    switches: ['json'],
  },
  rollback: {
    values: [
      'cluster',
      'service',
      'to',
      'codedeploy-application',
      'codedeploy-group',
      'wait-timeout',
      'poll-interval',
      'region',
    ],
    lists: [],
    switches: ['json', 'verbose'],
  },
  hook: {
    values: ['deployment-id', 'execution-id', 'http', 'expect-status', 'deadline', 'interval', 'region'],
    lists: [],
    switches: ['json'],
    command: true,
  },
  sim: { values: ['scenario', 'port', 'speed', 'seed'], lists: [], switches: [] },
}

/** What each value flag takes, as the synopsis shows it. */
const PLACEHOLDERS: Record<string, string> = {
  'task-definition': 'FILE|FAMILY[:REV]|ARN',
  image: 'CONTAINER=URI',
  env: 'CONTAINER:NAME=VALUE',
  secret: 'CONTAINER:NAME=VALUEFROM',
  family: 'F',
  cpu: 'N',
  memory: 'N',
  'task-role-arn': 'ARN',
  'execution-role-arn': 'ARN',
  command: 'CONTAINER:COMMAND',
  'docker-label': 'CONTAINER:KEY=VALUE',
  'log-configuration': 'CONTAINER:DRIVER[,KEY=VALUE...]',
  'environment-file': 'CONTAINER:ARN',
  'container-cpu': 'CONTAINER=N',
  'container-memory': 'CONTAINER=N',
  out: 'FILE',
  'artifacts-dir': 'DIR',
  artifacts: 'imagedefinitions,imagedetail,codedeploy',
  region: 'R',
  cluster: 'C',
  service: 'S',
  strategy: 'auto|rolling|codedeploy|ecs-native',
  'desired-count': 'N',
  'keep-revisions': 'N',
  'max-failed-tasks': 'N',
  'codedeploy-application': 'A',
  'codedeploy-group': 'G',
  'deployment-config': 'NAME|canary:10%:5m|linear:10%:1m|all-at-once',
  appspec: 'FILE',
  'wait-for': 'paused|traffic-shifted|completed',
  'wait-timeout': '30m',
  'poll-interval': '5s',
  'on-timeout': 'rollback|leave',
  'on-cancel': 'rollback|leave',
  'max-parallel': 'N',
  'on-failure': 'rollback-all|leave',
  hook: 'EVENT=FUNCTION',
  to: 'REVISION',
  tag: 'KEY=VALUE',
  'before-deploy': "'run-task ...'",
  'network-from-service': 'S',
  container: 'NAME',
  'hook-id': 'ID',
  'deployment-id': 'ID',
  'execution-id': 'ID',
  http: 'URL',
  'expect-status': '200',
  deadline: '5m',
  interval: '5s',
  scenario: 'FILE',
  port: '0',
  speed: 'N',
  seed: 'N',
}

/** The flags each command cannot do without, first in its synopsis line. */
const REQUIRED: Record<keyof typeof FLAGS, string[]> = {
  render: ['task-definition'],
  deploy: ['cluster', 'service'],
  'run-task': ['cluster'],
  continue: ['cluster', 'service'],
  status: ['cluster', 'service'],
  rollback: ['cluster', 'service'],
  hook: ['deployment-id', 'execution-id'],
  sim: ['scenario'],
}

const SYNOPSIS_WIDTH = 112

/** One synopsis entry per command, every flag of the FLAGS table in it, wrapped under the command. */
export function synopsis(): string {
  return (Object.keys(FLAGS) as (keyof typeof FLAGS)[])
    .map((command) => {
      const spec = FLAGS[command]
      const flag = (name: string) => {
        const value = PLACEHOLDERS[name]
        if (value === undefined) throw new Error(`no placeholder for --${name}`)
        return `--${name} ${value}${spec.lists.includes(name) ? ' ...' : ''}`
      }
      const words = [
        ...REQUIRED[command].map(flag),
        ...[...spec.values, ...spec.lists]
          .filter((name) => !REQUIRED[command].includes(name))
          .map((n) => `[${flag(n)}]`),
        ...spec.switches.map((name) => `[--${name}]`),
        ...(spec.command ? ['[-- COMMAND ...]'] : []),
      ]
      return wrap(`berth ${command}`, words)
    })
    .join('\n')
}

function wrap(head: string, words: string[]): string {
  const indent = ' '.repeat(head.length + 1)
  const lines = [head]
  for (const word of words) {
    const last = lines.length - 1
    if (lines[last].length + 1 + word.length > SYNOPSIS_WIDTH && lines[last].trim() !== '') lines.push(indent + word)
    else lines[last] += ` ${word}`
  }
  return lines.join('\n')
}

export const MAIN_HELP = `berth: deploy to Amazon ECS and tell the truth about it.

Usage: berth <command> [flags]

${synopsis()}

Commands:
  render   render a task definition with new images, env and secrets; diff it; write pipeline artifacts
  deploy   register the task definition and deploy it (ECS rolling update or CodeDeploy blue/green),
           watch it to a verdict and explain a failure
  run-task run a one-off task (a database migration) from the rendered task definition on a service's
           network, stream its log lines, and exit with its container's exit code
  continue answer the PAUSE hook an ECS-native (blue/green, linear, canary) deployment waits on
  status   show what a service runs and what is moving: deployments, traffic, hooks, failures, events
  rollback put a service back on its previous (or the given) revision and watch it to a verdict
  hook     answer a CodeDeploy lifecycle hook with the result of an HTTP check or a command
  sim      run the local emulator of ECS, CodeDeploy, ECR and CloudWatch Logs

Run berth <command> --help for its flags.

Exit codes: 0 succeeded (or rendered / planned), 1 the deployment did not succeed, 2 bad input, usage or an
environment berth cannot work in (no region, no credentials, AWS not answering before any change), 3 a bug in berth.
Every flag can also come from the environment: --wait-timeout from BERTH_WAIT_TIMEOUT (lists: one per line).
AWS endpoints and credentials come from the usual AWS_* variables (AWS_ENDPOINT_URL points berth at berth sim).
`

const RENDER_FLAGS = `  --task-definition FILE|FAMILY[:REV]|ARN
                        the task definition: a JSON or YAML file (bare, as describe-task-definition prints it, or a
                        RegisterTaskDefinition input) or one registered in ECS
  --image CONTAINER=URI set a container's image; repeat for several containers (in CodeBuild, a URI
                        without a tag takes CODEBUILD_RESOLVED_SOURCE_VERSION)
  --env CONTAINER:NAME=VALUE
                        set or override an environment variable; repeatable
  --secret CONTAINER:NAME=VALUEFROM
                        set or override a secret (SSM parameter or Secrets Manager ARN); repeatable
  --family F, --cpu N, --memory N
                        override the family, task cpu and memory (ECS units: 256, 1 vCPU, 512, 2GB)
  --task-role-arn ARN, --execution-role-arn ARN
                        set the task role and the task execution role (arn:aws:iam::ACCOUNT:role/NAME)
  --command CONTAINER:COMMAND
                        set a container's command: a JSON array of strings, or words quoted as in a shell
                        (web:node server.js --greeting 'hello world' is four arguments); no shell runs it
  --docker-label CONTAINER:KEY=VALUE
                        set or override a docker label; repeatable
  --log-configuration CONTAINER:DRIVER[,KEY=VALUE...]
                        set a container's log driver (awslogs, fluentd, gelf, json-file, journald, syslog,
                        splunk, awsfirelens) and options; the same driver keeps its other options
  --environment-file CONTAINER:ARN
                        add an S3 .env file to a container's environmentFiles; repeatable
  --container-cpu CONTAINER=N, --container-memory CONTAINER=N
                        set a container's cpu units and hard memory limit (MiB)
  --artifacts-dir DIR   write CodePipeline artifacts to DIR
  --artifacts LIST      which ones: imagedefinitions,imagedetail,codedeploy (default imagedefinitions,imagedetail)
  --diff                print what changed against the input
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --region R            AWS region (default: AWS_REGION)`

export const RENDER_HELP = `Usage: berth render --task-definition FILE|FAMILY[:REV]|ARN [--image CONTAINER=URI ...] [flags]

Render a task definition: new images, env and secrets applied, read-only fields removed, key order kept,
every problem reported at once. Prints the result (or writes it with --out).

${RENDER_FLAGS}
  --out FILE            write the rendered task definition to FILE instead of stdout

Example:
  berth render --task-definition taskdef.json --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2 --diff
`

export const DEPLOY_HELP = `Usage: berth deploy --cluster C --service S [--image CONTAINER=URI ...] [flags]

Render and register the task definition (skipped when unchanged), write artifacts, deploy, and watch the
deployment to a verdict: succeeded, failed, rolled_back, timed_out or cancelled. A failure is explained with
the stopped tasks' reasons, exit codes, service events, log lines and a hint.

  --cluster C, --service S
                        the ECS service to deploy; repeat --service to deploy to several services in one run
${RENDER_FLAGS}
  --strategy S          auto (from the service's deployment controller and strategy), rolling, codedeploy or
                        ecs-native (ECS blue/green, linear, canary)
  --desired-count N     set the service's desired count
  --force-new-deployment
                        start a deployment even when the task definition is unchanged
  --keep-revisions N    after success, deregister older revisions of the family that no service in the region uses
  --max-failed-tasks N  fail the deployment after N failed tasks (default: the circuit breaker's threshold;
                        twice it for a rolling service with a breaker, for failures the breaker does not count;
                        for CodeDeploy, failed tasks of the replacement task set stop it with rollback)
  --tag KEY=VALUE       tag the registered task definition; repeatable
  --wait-timeout D      one deadline for the whole watch (default 30m)
  --poll-interval D     the longest pause between polls (default 5s)
  --on-timeout A        rollback (default) or leave the service as it is
  --on-cancel A         rollback (default) or leave, on SIGINT/SIGTERM (a cancelled job)
  --dry-run             do every read and print the plan; change nothing
  --before-deploy 'run-task ...'
                        after registration, run a one-off task (flags as berth run-task takes them; by default
                        the just-registered task definition on the service's network); the service is updated
                        only when its container exits 0
  --json-events         like --json, with every progress event in its "events" array

Several services (--service given more than once):
  --max-parallel N      deploy N services at a time (default: all at once)
  --on-failure P        rollback-all (default): when one service fails, roll back the services already moved
                        and start no more; leave: deploy every service, each to its own verdict

CodeDeploy blue/green:
  --codedeploy-application A, --codedeploy-group G
  --deployment-config C a config name, canary:10%:5m, linear:10%:1m or all-at-once
  --hook EVENT=FUNCTION bind a Lambda function to a lifecycle hook (BeforeInstall, AfterInstall,
                        AfterAllowTestTraffic, BeforeAllowTraffic, AfterAllowTraffic); repeatable
  --appspec FILE        use this AppSpec (its TaskDefinition is replaced with the registered ARN)

Blue/green (CodeDeploy or ECS-native BLUE_GREEN, LINEAR, CANARY):
  --wait-for W          completed (default: through the termination wait or the bake time and clean-up),
                        traffic-shifted (all production traffic on the new revision), or paused (ECS-native:
                        return, verdict paused, exit 0, once a PAUSE hook waits for berth continue)

Example:
  berth deploy --cluster prod --service web --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2
`

export const RUN_TASK_HELP = `Usage: berth run-task --cluster C (--task-definition FILE|FAMILY[:REV]|ARN | --service S) [flags]

Run a one-off task (a database migration, a smoke job): render and register its task definition (skipped when
unchanged), start it with RunTask on a service's network, stream its CloudWatch log lines as they arrive, and
end with its container's exit code: 0 is succeeded; anything else is failed (exit 1), with ECS's stopped reason
and the last log lines. Cancelling (SIGINT/SIGTERM) or the wait timeout stops the task (StopTask).

  --cluster C           the cluster to run the task in
  --service S           take the task definition (unless --task-definition is given) and the network from S
  --network-from-service S
                        take only the network configuration, launch type or capacity provider strategy and
                        platform version from S
  --task-definition FILE|FAMILY[:REV]|ARN
                        the task definition: a JSON or YAML file, or one registered in ECS
  --image CONTAINER=URI, --env CONTAINER:NAME=VALUE, --secret CONTAINER:NAME=VALUEFROM,
  --task-role-arn, --execution-role-arn, --docker-label, --log-configuration, --environment-file,
  --container-cpu, --container-memory
                        render flags, as berth render takes them (but --command, below)
  --family F, --cpu N, --memory N
                        override the family, task cpu and memory
  --region R            AWS region (default: AWS_REGION)
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --command CONTAINER:COMMAND
                        run COMMAND in CONTAINER instead of its own command (a container override): a JSON
                        array, or a shell-like string whose quoted words are kept whole; repeatable
  --container NAME      whose exit code counts (default: the essential container; of several, the first that
                        exited non-zero)
  --wait-timeout D      how long the task may take (default 30m); then berth stops it
  --poll-interval D     the longest pause between looks (default 5s)

Example:
  berth run-task --cluster prod --service web --image web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2 \\
    --command "web:npm run migrate"
`

export const CONTINUE_HELP = `Usage: berth continue --cluster C --service S [--hook-id ID] [--rollback] [--region R] [--json]

Answer the PAUSE lifecycle hook an ECS-native deployment (BLUE_GREEN, LINEAR, CANARY) of the service waits on:
find the service deployment in progress and its hook awaiting action, and call ContinueServiceDeployment.
Exits 2 when nothing waits, saying what the deployment is doing instead.

  --cluster C, --service S
                        the ECS service whose deployment waits
  --hook-id ID          the hook to answer (ecs-pause-...); needed only when several hooks await action
  --rollback            answer ROLLBACK: ECS rolls the deployment back to the previous revision
  --region R            AWS region (default: AWS_REGION)
  --json                end stdout with one JSON object: {status, serviceDeploymentArn, hookId, stage}

Example:
  berth continue --cluster prod --service web
`

export const STATUS_HELP = `Usage: berth status --cluster C --service S [--json] [--region R]

One look at a service, on one screen: its task definition and task counts; its deployments (rolling: each one's
status, rollout state and failed tasks; CodeDeploy: the task sets and the deployment in progress with its lifecycle
events and traffic; ECS-native: the current service deployment's stage, traffic on each revision and hooks); the
failed tasks of the current deployment with their reasons and exit codes; the last service events; and the
commands that act on what is moving (berth continue for a PAUSE hook, berth rollback). Changes nothing; exits 0.

  --cluster C, --service S
                        the ECS service to look at
  --codedeploy-application A, --codedeploy-group G
                        the deployment group of a CODE_DEPLOY service (default: found from the service)
  --json                print the same facts as one JSON object
  --region R            AWS region (default: AWS_REGION)
`

export const ROLLBACK_HELP = `Usage: berth rollback --cluster C --service S [--to REVISION] [flags]

Put the service back on the revision it ran before its current one (or --to), with the mechanism of its
strategy, and watch it to a verdict as berth deploy does: succeeded once the service is steady on that revision.
  rolling      UpdateService to the revision
  CodeDeploy   StopDeployment with automatic rollback while a deployment is in progress, else a new deployment
  ECS-native   StopServiceDeployment ROLLBACK while a service deployment is in progress, else UpdateService
The previous revision is the ACTIVE deployment's while one is listed, else the source of the last completed
service deployment, else revision N-1 of the family; berth says which rule it used.

  --cluster C, --service S
                        the ECS service to roll back
  --to REVISION         the revision to go back to: N (of the service's family), FAMILY:N or a task definition ARN
  --codedeploy-application A, --codedeploy-group G
                        the deployment group of a CODE_DEPLOY service (default: found from the service)
  --wait-timeout D      one deadline for the whole watch (default 30m); a rollback is never rolled back
  --poll-interval D     the longest pause between polls (default 5s)
  --json                end stdout with one JSON object (human output goes to stderr)
  --verbose             show debug lines: every AWS call with its duration and attempts
  --region R            AWS region (default: AWS_REGION)
`

export const HOOK_HELP = `Usage: berth hook --deployment-id ID --execution-id ID (--http URL [--expect-status 200] | -- COMMAND ...)

Run a check and report its outcome to CodeDeploy (PutLifecycleEventHookExecutionStatus): Succeeded when the
check passes before the deadline, Failed otherwise.

  --deployment-id ID    the CodeDeploy deployment (d-XXXXXXXXX)
  --execution-id ID     the lifecycle event hook execution id CodeDeploy sent the hook
  --http URL            GET URL until it answers --expect-status (default 200)
  -- COMMAND ...        run COMMAND until it exits 0
  --deadline D          give up and report Failed after D (default 5m)
  --interval D          pause between attempts (default 5s)
  --json                end stdout with one JSON object
`

export const SIM_HELP = `Usage: berth sim --scenario FILE [--port 0] [--speed N] [--seed N]

Serve an emulator of ECS, CodeDeploy, ECR and CloudWatch Logs on http://127.0.0.1:PORT, speaking the AWS
wire protocol, set up by a scenario file (see workflows-examples/sim/demo.yaml). The first line printed is
"berth sim listening on http://127.0.0.1:PORT". Point clients at it with AWS_ENDPOINT_URL.

  --scenario FILE       the world: clusters, services, task definitions, ECR images and how they behave
  --port N              port to listen on (default 0: any free port)
  --speed N             run the emulated clock N times faster than real time (default 1)
  --seed N              seed for ids and injected faults, so a run repeats (default 1)
`

export const HELP: Record<string, string> = {
  render: RENDER_HELP,
  deploy: DEPLOY_HELP,
  'run-task': RUN_TASK_HELP,
  continue: CONTINUE_HELP,
  status: STATUS_HELP,
  rollback: ROLLBACK_HELP,
  hook: HOOK_HELP,
  sim: SIM_HELP,
}
