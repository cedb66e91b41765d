/** Epoch ms -> epoch seconds with at most millisecond precision, the form of every awsJson timestamp. */
export function epochSeconds(ms: number): number {
  return Math.floor(ms) / 1000
}

/** `epochSeconds` of a time that may be unset. */
export function optionalSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : epochSeconds(ms)
}

export function nameFromArn(ref: string, marker: string): string {
  if (!ref.startsWith('arn:')) return ref
  const index = ref.indexOf(marker)
  if (index < 0) return ref
  const rest = ref.slice(index + marker.length)
  return rest.split('/').pop() ?? rest
}

export interface EcrUri {
  account: string
  region: string
  repository: string
  tag?: string
  digest?: string
}

export function parseEcrUri(uri: string): EcrUri | undefined {
  const match =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+?)(?::([\w][\w.-]{0,127})|@(sha256:[0-9a-f]{64}))?$/.exec(
      uri,
    )
  if (!match) return undefined
  return {
    account: match[1],
    region: match[2],
    repository: match[3],
    tag: match[5] ? undefined : (match[4] ?? 'latest'),
    digest: match[5],
  }
}

/** A stable fake digest for images the scenario does not describe. */
export function syntheticDigest(text: string): string {
  let out = ''
  let h = 0x811c9dc5
  for (let round = 0; out.length < 64; round++) {
    for (const char of `${round}:${text}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return `sha256:${out.slice(0, 64)}`
}
