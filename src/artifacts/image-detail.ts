import type { ImageDetail as EcrImageDetail } from '@aws-sdk/client-ecr'

/** `imageDetail.json`, read by CodePipeline's CodeDeployToECS action; written like the ECR source action's. */
export type ImageDetailJson = {
  ImageSizeInBytes?: string
  ImageDigest?: string
  Version?: string
  ImagePushedAt?: string
  RegistryId?: string
  RepositoryName?: string
  ImageURI: string
  ImageTags?: string[]
}

export const IMAGE_DETAIL_FILE = 'imageDetail.json'

export type EcrDetails = Pick<
  EcrImageDetail,
  'registryId' | 'repositoryName' | 'imageDigest' | 'imageTags' | 'imageSizeInBytes' | 'imagePushedAt'
>

/** `{"ImageURI": uri}`, plus the fields the ECR source action adds when the image's ECR details are known. */
export function imageDetail(uri: string, ecr?: EcrDetails): ImageDetailJson {
  if (!ecr) return { ImageURI: uri }
  return {
    ...(ecr.imageSizeInBytes !== undefined ? { ImageSizeInBytes: String(ecr.imageSizeInBytes) } : {}),
    ...(ecr.imageDigest !== undefined ? { ImageDigest: ecr.imageDigest } : {}),
    Version: '1.0',
    ...(ecr.imagePushedAt !== undefined ? { ImagePushedAt: javaDateString(ecr.imagePushedAt) } : {}),
    ...(ecr.registryId !== undefined ? { RegistryId: ecr.registryId } : {}),
    ...(ecr.repositoryName !== undefined ? { RepositoryName: ecr.repositoryName } : {}),
    ImageURI: uri,
    ...(ecr.imageTags !== undefined ? { ImageTags: [...ecr.imageTags] } : {}),
  }
}

export function serializeImageDetail(detail: ImageDetailJson): string {
  return JSON.stringify(detail, null, 2) + '\n'
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The ECR source action's timestamp form, Java's Date.toString in UTC: `Mon Jan 21 20:04:00 UTC 2019`. */
export function javaDateString(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`
}
