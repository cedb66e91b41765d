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

/**
 * Asks ECR, one DescribeImages per image, whether the images exist, so that a missing tag is said before ECS
 * spends minutes failing to pull it. Only images of `region` are asked: the client speaks to that region.
 */
export async function checkEcrImages(ecr: Ecr, images: readonly EcrImage[], region: string): Promise<ImageCheck[]> {
  const inRegion = images.filter((image) => image.region === region)
  const checks = await Promise.all(inRegion.map((image) => checkOne(ecr, image)))
  return checks.filter((check) => check !== undefined)
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
  region: string | undefined,
): Promise<void> {
  if (!region) return
  const images = containers
    .map((container) => parseEcrImage(container.name ?? '', container.image ?? ''))
    .filter((image) => image !== undefined)
  for (const check of await checkEcrImages(ecr, images, region)) {
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
