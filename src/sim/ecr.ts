import type {
  BatchGetImageRequest,
  DescribeImagesRequest,
  DescribeRepositoriesRequest,
  Image,
  ImageDetail,
  ImageFailure,
  ImageIdentifier,
  Repository,
} from '@aws-sdk/client-ecr'
import { createHash } from 'node:crypto'
import { AwsError } from './core/errors.js'
import { epochSeconds } from './core/ids.js'
import { page } from './core/paging.js'
import type { ServiceDefinition } from './core/server.js'
import type { World } from './core/state.js'
import type { ImageRecord, RepositoryState, Wire } from './core/types.js'
import type { Scenario } from './scenario/types.js'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
/** Default pushedAt/createdAt: a fixed instant, so digests and listings repeat from run to run. */
const DEFAULT_PUSHED_AT = Date.UTC(2025, 0, 10, 12, 0, 0)

/** Fills the emulated registry from the scenario's `ecr.repositories`; images sharing a digest merge their tags. */
export function loadRepositories(world: World, scenario: Scenario): void {
  for (const [i, spec] of scenario.ecr.repositories.entries()) {
    const repo: RepositoryState = {
      name: spec.name,
      arn: world.arn('ecr', `repository/${spec.name}`),
      uri: `${world.account}.dkr.ecr.${world.region}.amazonaws.com/${spec.name}`,
      createdAt: spec.createdAt ?? DEFAULT_PUSHED_AT - 86_400_000 * (30 - i),
      images: [],
    }
    for (const [j, image] of spec.images.entries()) {
      const manifest = manifestFor(spec.name, image.tag ?? image.digest ?? String(j))
      const digest = image.digest ?? `sha256:${sha256(manifest)}`
      const existing = repo.images.find((r) => r.digest === digest)
      if (existing) {
        if (image.tag) existing.tags.push(image.tag)
        continue
      }
      for (const other of repo.images) other.tags = other.tags.filter((t) => t !== image.tag)
      repo.images.push({
        digest,
        tags: image.tag ? [image.tag] : [],
        sizeInBytes: image.sizeInBytes ?? 20_000_000 + (parseInt(digest.slice(7, 13), 16) % 80_000_000),
        pushedAt: image.pushedAt ?? DEFAULT_PUSHED_AT + j * 3_600_000,
        mediaType: image.mediaType ?? OCI_MANIFEST,
        behavior: image.behavior,
        ...(image.commands ? { commands: image.commands } : {}),
      })
    }
    world.repositories.set(spec.name, repo)
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function manifestFor(repository: string, reference: string): string {
  const config = sha256(`config:${repository}:${reference}`)
  const layer = sha256(`layer:${repository}:${reference}`)
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${config}`, size: 1470 },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: `sha256:${layer}`,
        size: 20_000_000 + (parseInt(layer.slice(0, 6), 16) % 80_000_000),
      },
    ],
  })
}

function repository(world: World, name: string | undefined, registryId: string | undefined): RepositoryState {
  if (typeof name !== 'string' || name.length < 2) {
    throw new AwsError(
      'InvalidParameterException',
      "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'",
    )
  }
  if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
    throw new AwsError(
      'InvalidParameterException',
      "Invalid parameter at 'registryId' failed to satisfy constraint: 'must satisfy regular expression '[0-9]{12}''",
    )
  }
  const registry = registryId ?? world.account
  const repo = registry === world.account ? world.repositories.get(name) : undefined
  if (!repo) {
    throw new AwsError(
      'RepositoryNotFoundException',
      `The repository with name '${name}' does not exist in the registry with id '${registry}'`,
    )
  }
  return repo
}

function findImage(repo: RepositoryState, id: ImageIdentifier): ImageRecord | undefined {
  return repo.images.find(
    (image) =>
      (id.imageDigest === undefined || image.digest === id.imageDigest) &&
      (id.imageTag === undefined || image.tags.includes(id.imageTag)),
  )
}

function imageNotFound(world: World, repo: RepositoryState, id: ImageIdentifier): AwsError {
  return new AwsError(
    'ImageNotFoundException',
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repo.name}' in the registry with id '${world.account}'`,
  )
}

function detail(world: World, repo: RepositoryState, image: ImageRecord): Wire<ImageDetail> {
  const out: Wire<ImageDetail> = {
    registryId: world.account,
    repositoryName: repo.name,
    imageDigest: image.digest,
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: epochSeconds(image.pushedAt),
    imageManifestMediaType: image.mediaType,
    artifactMediaType: 'application/vnd.oci.image.config.v1+json',
    imageStatus: 'ACTIVE',
  }
  if (image.tags.length > 0) out.imageTags = [...image.tags]
  return out
}

export function describeImages(world: World, input: DescribeImagesRequest): object {
  const repo = repository(world, input.repositoryName, input.registryId)
  if (input.imageIds && input.imageIds.length > 0) {
    if (input.imageIds.length > 100) {
      throw new AwsError(
        'InvalidParameterException',
        "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length less than or equal to 100'",
      )
    }
    const found = input.imageIds.map((id) => {
      const image = findImage(repo, id)
      if (!image) throw imageNotFound(world, repo, id)
      return image
    })
    return { imageDetails: [...new Set(found)].map((image) => detail(world, repo, image)) }
  }
  const tagStatus = input.filter?.tagStatus ?? 'ANY'
  const images = repo.images.filter(
    (image) => tagStatus === 'ANY' || (tagStatus === 'TAGGED' ? image.tags.length > 0 : image.tags.length === 0),
  )
  const { items, nextToken } = page(images, input.maxResults, input.nextToken, { default: 100, max: 1000 })
  return { imageDetails: items.map((image) => detail(world, repo, image)), nextToken }
}

export function describeRepositories(world: World, input: DescribeRepositoriesRequest): object {
  const registry = input.registryId ?? world.account
  const render = (repo: RepositoryState): Wire<Repository> => ({
    repositoryArn: repo.arn,
    registryId: world.account,
    repositoryName: repo.name,
    repositoryUri: repo.uri,
    createdAt: epochSeconds(repo.createdAt),
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  })
  if (input.repositoryNames && input.repositoryNames.length > 0) {
    return { repositories: input.repositoryNames.map((name) => render(repository(world, name, registry))) }
  }
  const all = registry === world.account ? [...world.repositories.values()] : []
  const { items, nextToken } = page(all, input.maxResults, input.nextToken, { default: 100, max: 1000 })
  return { repositories: items.map(render), nextToken }
}

export function batchGetImage(world: World, input: BatchGetImageRequest): object {
  const repo = repository(world, input.repositoryName, input.registryId)
  const images: Wire<Image>[] = []
  const failures: ImageFailure[] = []
  for (const id of input.imageIds ?? []) {
    if (id.imageDigest === undefined && id.imageTag === undefined) {
      failures.push({
        imageId: id,
        failureCode: 'MissingDigestAndTag',
        failureReason: 'Invalid request parameters: both tag and digest cannot be null',
      })
      continue
    }
    const image = findImage(repo, id)
    if (!image) {
      const tagged = id.imageTag !== undefined && repo.images.some((i) => i.tags.includes(id.imageTag ?? ''))
      failures.push(
        tagged
          ? {
              imageId: id,
              failureCode: 'ImageTagDoesNotMatchDigest',
              failureReason: 'Invalid request parameters: image tag does not match digest',
            }
          : { imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' },
      )
      continue
    }
    images.push({
      registryId: world.account,
      repositoryName: repo.name,
      imageId: { imageDigest: image.digest, imageTag: id.imageTag ?? image.tags[0] },
      imageManifest: manifestFor(repo.name, image.tags[0] ?? image.digest),
      imageManifestMediaType: image.mediaType,
    })
  }
  return { images, failures }
}

export function ecrDefinition(world: World): ServiceDefinition {
  return {
    id: 'ecr',
    targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
    operations: {
      DescribeImages: (input) => describeImages(world, input),
      DescribeRepositories: (input) => describeRepositories(world, input),
      BatchGetImage: (input) => batchGetImage(world, input),
    },
  }
}
