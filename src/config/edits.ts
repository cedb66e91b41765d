import type {
  CommandEdit,
  ContainerSizeEdit,
  DockerLabelEdit,
  EnvironmentFileEdit,
  LogConfigurationEdit,
} from '../taskdef/types.js'
import { parseCommand } from './command.js'
import { Invalid, splitOnce } from './values.js'

// The parsers of the flags that edit one field of one container: --command, --docker-label, --log-configuration,
// --environment-file, --container-cpu and --container-memory; and of the task's role ARNs.

const NAME = /^[A-Za-z0-9_-]{1,255}$/

export function parseContainerName(name: string, form: string): string {
  if (!NAME.test(name))
    throw new Invalid(`container name ${JSON.stringify(name)} must match [A-Za-z0-9_-]; expected ${form}.`)
  return name
}

/** `CONTAINER:REST` split at the first colon, the container name checked. */
function containerAndRest(value: string, form: string): { container: string; rest: string } {
  const [container, rest] = splitOnce(value, ':') ?? []
  if (!container || rest === undefined) throw new Invalid(`expected ${form}.`)
  return { container: parseContainerName(container.trim(), form), rest }
}

const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/

export function parseRoleArn(value: string): string {
  if (!IAM_ROLE_ARN.test(value)) {
    throw new Invalid('expected an IAM role ARN like arn:aws:iam::123456789012:role/web-task.')
  }
  return value
}

export function parseCommandEdit(value: string): CommandEdit {
  const form = `CONTAINER:COMMAND, e.g. web:node server.js --greeting 'hello world' or web:["node","server.js"]`
  const { container, rest } = containerAndRest(value, form)
  return { container, command: parseCommand(rest) }
}

export function parseDockerLabelEdit(value: string): DockerLabelEdit {
  const form = 'CONTAINER:KEY=VALUE, e.g. web:com.example.team=payments'
  const { container, rest } = containerAndRest(value, form)
  const [key, label] = splitOnce(rest, '=') ?? []
  if (!key?.trim() || label === undefined) throw new Invalid(`expected ${form}.`)
  return { container, key: key.trim(), value: label }
}

/** The log drivers ECS accepts (API reference, LogConfiguration.logDriver). */
export const LOG_DRIVERS = [
  'awslogs',
  'fluentd',
  'gelf',
  'json-file',
  'journald',
  'syslog',
  'splunk',
  'awsfirelens',
] as const

export function parseLogConfigurationEdit(value: string): LogConfigurationEdit {
  const form = 'CONTAINER:DRIVER[,KEY=VALUE...], e.g. web:awslogs,awslogs-group=/ecs/web,awslogs-region=us-east-1'
  const { container, rest } = containerAndRest(value, form)
  const [driver, ...pairs] = rest.split(',').map((part) => part.trim())
  if (!(LOG_DRIVERS as readonly string[]).includes(driver)) {
    throw new Invalid(
      `${JSON.stringify(driver)} is not a log driver of ECS; expected one of ${LOG_DRIVERS.join(', ')}.`,
    )
  }
  const options: Record<string, string> = {}
  for (const pair of pairs.filter(Boolean)) {
    const [key, option] = splitOnce(pair, '=') ?? []
    if (!key?.trim() || option === undefined) {
      throw new Invalid(`the option ${JSON.stringify(pair)} is not KEY=VALUE; expected ${form}.`)
    }
    options[key.trim()] = option
  }
  return { container, logDriver: driver, options }
}

/** An S3 object ARN of a `.env` file, as ECS takes in environmentFiles (type s3). */
const S3_ENV_FILE = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S*\.env$/

export function parseEnvironmentFileEdit(value: string): EnvironmentFileEdit {
  const form = 'CONTAINER:ARN of an S3 object ending in .env, e.g. web:arn:aws:s3:::my-bucket/web/prod.env'
  const { container, rest } = containerAndRest(value, form)
  const arn = rest.trim()
  if (!S3_ENV_FILE.test(arn))
    throw new Invalid(`${JSON.stringify(arn)} is not an S3 object ARN of a .env file; expected ${form}.`)
  return { container, arn }
}

export function parseContainerSizeEdit(unit: string): (value: string) => ContainerSizeEdit {
  const form = `CONTAINER=N with N a positive whole number of ${unit}, e.g. web=512`
  return (value) => {
    const [container, size] = splitOnce(value, '=') ?? []
    if (!container || size === undefined) throw new Invalid(`expected ${form}.`)
    if (!/^\s*[1-9]\d*\s*$/.test(size))
      throw new Invalid(`${JSON.stringify(size)} is not a positive whole number; expected ${form}.`)
    return { container: parseContainerName(container.trim(), form), size: Number(size) }
  }
}
