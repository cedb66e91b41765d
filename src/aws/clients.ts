import { ECSClient } from '@aws-sdk/client-ecs'
import { CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { ECRClient } from '@aws-sdk/client-ecr'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { UserError, errorName } from '../errors.js'

/** The narrow view of an SDK client that stages need: `send`. Tests hand in real clients pointed at the emulator. */
export type Sender<C extends { send: unknown }> = Pick<C, 'send'>

export interface AwsClients {
  ecs: Sender<ECSClient>
  codedeploy: Sender<CodeDeployClient>
  ecr: Sender<ECRClient>
  logs: Sender<CloudWatchLogsClient>
}

export interface ClientOptions {
  region?: string
  /** Overrides every service endpoint (the emulator); otherwise the SDK reads AWS_ENDPOINT_URL[_<SERVICE>]. */
  endpoint?: string
  maxAttempts?: number
  userAgent?: string
}

export const USER_AGENT = 'berth'

/** The only place berth constructs AWS SDK clients. */
export function createClients(options: ClientOptions = {}): AwsClients {
  // berth bundles a fixed SDK and supports Node 20; the SDK's notice about its own future releases is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const common = {
    // Unset, the SDK looks in AWS_REGION and the profile; berth never guesses a region to deploy to.
    region: options.region ?? process.env.AWS_DEFAULT_REGION,
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: 'standard',
    customUserAgent: options.userAgent ?? USER_AGENT,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  }
  return {
    ecs: new ECSClient(common),
    codedeploy: new CodeDeployClient(common),
    ecr: new ECRClient(common),
    logs: new CloudWatchLogsClient(common),
  }
}

/**
 * The AWS set-up errors a user fixes in their environment, not in berth, as a UserError that says how; they come
 * from the first AWS call, before anything changes. Anything else is returned as it is.
 */
export function explainSetupError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : ''
  if (/^Region is missing/.test(message)) {
    return new UserError(
      'no AWS region: give --region (the Action input region), or set AWS_REGION (aws-actions/configure-aws-credentials sets it).',
    )
  }
  if (errorName(error) === 'CredentialsProviderError') {
    return new UserError(
      `no AWS credentials (${message}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or assume a ` +
        'role (in GitHub Actions, aws-actions/configure-aws-credentials; in CodeBuild, the project service role).',
    )
  }
  return error
}
