import { DescribeImagesCommand, type ECRClient, type ImageIdentifier } from '@aws-sdk/client-ecr'
import type { Sender } from '../aws/clients.js'
import { errorMessage, errorName } from '../errors.js'
import type { Reporter } from '../events.js'

type Ecr = Sender<ECRClient>

/** An image of a container that lives in ECR, in the parts DescribeImages asks for. */
export interface EcrImage {
  container: string
  uri: string
  registryId: string
  region: string
  repositoryName: string
  imageId: ImageIdentifier
}

const ECR_URI =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/

/** The parts of an ECR image URI, or undefined for an image elsewhere (Docker Hub, public.ecr.aws, …). */
export function parseEcrImage(container: string, uri: string): EcrImage | undefined {
  const match = ECR_URI.exec(uri)
  if (!match) return undefined
  const [, registryId, region, repositoryName, tag, digest] = match
  const imageId: ImageIdentifier = digest ? { imageDigest: digest } : { imageTag: tag ?? 'latest' }
  return { container, uri, registryId, region, repositoryName, imageId }
}

/** What is wrong with one image, or undefined when ECR has it or cannot tell (no permission, another error). */
export type ImageCheck = { image: EcrImage; problem: string } | { image: EcrImage; unknown: string }

/** The registry berth can ask about: the service's own account, in the service's region. */
export interface OwnRegistry {
  account: string
  region: string
}

/** `arn:aws:ecs:us-east-1:123456789012:service/…` → its account and region. */
export function registryOf(serviceArn: string | undefined): OwnRegistry | undefined {
  const [, , , region, account] = serviceArn?.split(':') ?? []
  return region && /^\d{12}$/.test(account ?? '') ? { account, region } : undefined
}

/**
 * Asks ECR, one DescribeImages per image, whether the images exist, so that a missing tag is said before ECS
 * spends minutes failing to pull it. Only images of the own registry are asked: the client speaks to that region,
 * and another account's repository (an AWS-owned sidecar image, say) answers only to that account's policy.
 */
export async function checkEcrImages(ecr: Ecr, images: readonly EcrImage[], own: OwnRegistry): Promise<ImageCheck[]> {
  const checks = await Promise.all(images.filter((image) => isOwn(image, own)).map((image) => checkOne(ecr, image)))
  return checks.filter((check) => check !== undefined)
}

function isOwn(image: EcrImage, own: OwnRegistry): boolean {
  return image.region === own.region && image.registryId === own.account
}

async function checkOne(ecr: Ecr, image: EcrImage): Promise<ImageCheck | undefined> {
  try {
    await ecr.send(
      new DescribeImagesCommand({
        registryId: image.registryId,
        repositoryName: image.repositoryName,
        imageIds: [image.imageId],
      }),
    )
    return undefined
  } catch (error) {
    const name = errorName(error)
    const where = `ECR repository ${image.repositoryName} of registry ${image.registryId}`
    if (name === 'ImageNotFoundException') {
      const what = image.imageId.imageDigest ? `digest ${image.imageId.imageDigest}` : `tag ${image.imageId.imageTag}`
      return { image, problem: `${where} has no image with ${what}` }
    }
    if (name === 'RepositoryNotFoundException') return { image, problem: `${where} does not exist` }
    return { image, unknown: errorMessage(error) }
  }
}

/** A warning per container image that ECR says is missing; a check that cannot be made is a debug line only. */
export async function warnAboutMissingImages(
  ecr: Ecr,
  reporter: Reporter,
  containers: readonly { name?: string; image?: string }[],
  own: OwnRegistry | undefined,
): Promise<void> {
  if (!own) return
  const images = containers
    .map((container) => parseEcrImage(container.name ?? '', container.image ?? ''))
    .filter((image) => image !== undefined)
  for (const image of images.filter((candidate) => !isOwn(candidate, own))) {
    reporter.emit({
      type: 'debug',
      message: `not checked in ECR: ${image.uri} is in registry ${image.registryId} (${image.region}), not this account's in ${own.region}`,
    })
  }
  for (const check of await checkEcrImages(ecr, images, own)) {
    const { container, uri } = check.image
    if ('problem' in check) {
      reporter.emit({
        type: 'warning',
        message:
          `container ${container} image ${uri}: ${check.problem}; its tasks will stop with ` +
          'CannotPullContainerError unless the image is pushed before they start.',
      })
    } else {
      reporter.emit({ type: 'debug', message: `could not check ${uri} in ECR: ${check.unknown}` })
    }
  }
}
