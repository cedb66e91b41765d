/** An image reference split into its parts, as Docker and ECS read `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  registry?: string
  repository: string
  tag?: string
  digest?: string
}

const MAX_LENGTH = 255
const DIGEST = /^sha256:[0-9a-f]{64}$/
const TAG = /^\w[\w.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/
const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/

/** Parses an image URI, or says what is wrong with it and what is accepted. */
export function parseImageReference(uri: string): { ok: true; image: ImageReference } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason })
  if (uri.length === 0) return fail('the image is empty')
  if (/\s/.test(uri)) return fail('an image URI has no spaces')
  if (uri.length > MAX_LENGTH)
    return fail(`an image URI is at most ${MAX_LENGTH} characters, this one has ${uri.length}`)
  const [named, digest, ...extra] = uri.split('@')
  if (extra.length > 0) return fail("an image URI has at most one '@'")
  if (digest !== undefined && !DIGEST.test(digest)) {
    return fail("the digest after '@' must be sha256: followed by 64 lower-case hex digits")
  }
  const lastSlash = named.lastIndexOf('/')
  const colon = named.indexOf(':', lastSlash + 1)
  const name = colon < 0 ? named : named.slice(0, colon)
  const tag = colon < 0 ? undefined : named.slice(colon + 1)
  if (tag !== undefined && !TAG.test(tag)) {
    return fail('a tag is 1-128 letters, digits, _ . and -, not starting with . or -')
  }
  const { registry, repository } = splitRegistry(name)
  if (registry !== undefined) {
    const problem = registryProblem(registry)
    if (problem) return fail(problem)
  }
  if (!repository || !repository.split('/').every((part) => PATH_COMPONENT.test(part))) {
    return fail('a repository name is lower-case letters and digits, parts joined by . _ __ or - and separated by /')
  }
  return {
    ok: true,
    image: {
      ...(registry !== undefined ? { registry } : {}),
      repository,
      ...(tag !== undefined ? { tag } : {}),
      ...(digest !== undefined ? { digest } : {}),
    },
  }
}

/** The first part is a registry host when it could not be a repository name: it has a dot, a port or is localhost. */
function splitRegistry(name: string): { registry?: string; repository: string } {
  const slash = name.indexOf('/')
  if (slash < 0) return { repository: name }
  const first = name.slice(0, slash)
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
    return { registry: first, repository: name.slice(slash + 1) }
  }
  return { repository: name }
}

function registryProblem(registry: string): string | undefined {
  const [host, port, ...extra] = registry.split(':')
  if (extra.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) {
    return `the registry ${JSON.stringify(registry)} must be HOST or HOST:PORT`
  }
  if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
    return `the registry host ${JSON.stringify(host)} is not a valid host name`
  }
  if (host.includes('.dkr.ecr') && !ECR_HOST.test(host)) {
    return `an ECR registry is ACCOUNT.dkr.ecr.REGION.amazonaws.com with a 12-digit account, not ${JSON.stringify(host)}`
  }
  return undefined
}

/** Why an image is not pinned (`:latest` or no tag at all), or undefined when it has a version tag or digest. */
export function unpinnedReason(image: ImageReference): string | undefined {
  if (image.digest) return undefined
  if (image.tag === undefined) return 'has no tag, so ECS pulls :latest'
  if (image.tag === 'latest') return 'uses the :latest tag'
  return undefined
}
