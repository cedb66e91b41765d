/** The CodeDeploy lifecycle events of an ECS deployment that accept a hook function. */
export const HOOK_EVENTS = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const
export type HookEvent = (typeof HOOK_EVENTS)[number]

export interface HookBinding {
  event: HookEvent
  functionName: string
}

const LAMBDA_FUNCTION =
  /^(arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/

/** A hook function as CodeDeploy invokes it: a Lambda function name, optionally qualified, or its ARN. */
export function isLambdaFunction(value: string): boolean {
  return value.length <= 140 && LAMBDA_FUNCTION.test(value)
}

export const LAMBDA_FUNCTION_FORM =
  'a Lambda function name (letters, digits, - and _, at most 64) or its ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)'
