import { describe, expect, it } from '@jest/globals'
import { parseEcrImage, registryOf } from '../../../src/deploy/images.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`

describe('parseEcrImage', () => {
  it.each([
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2',
      { registryId: '123456789012', region: 'us-east-1', repositoryName: 'web', imageId: { imageTag: 'v2' } },
    ],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api@' + DIGEST,
      { region: 'eu-west-1', repositoryName: 'team/api', imageId: { imageDigest: DIGEST } },
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web',
      { region: 'cn-north-1', repositoryName: 'web', imageId: { imageTag: 'latest' } },
    ],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/web:1.0.3',
      { region: 'us-gov-west-1', imageId: { imageTag: '1.0.3' } },
    ],
  ])('reads %s', (uri, parts) => {
    expect(parseEcrImage('web', uri)).toMatchObject({ container: 'web', uri, ...parts })
  })

  it.each([
    'public.ecr.aws/nginx/nginx:1.27',
    'nginx:1.27',
    'ghcr.io/acme/web:v2',
    '1234.dkr.ecr.us-east-1.amazonaws.com/web:v2',
  ])('leaves %s alone: not a private ECR image', (uri) => {
    expect(parseEcrImage('web', uri)).toBeUndefined()
  })
})

describe('registryOf', () => {
  it('reads the account and region of a service ARN', () => {
    expect(registryOf('arn:aws:ecs:eu-west-1:123456789012:service/prod/web')).toEqual({
      account: '123456789012',
      region: 'eu-west-1',
    })
  })

  it.each([undefined, '', 'web', 'arn:aws:ecs:eu-west-1::service/prod/web'])('knows no registry for %p', (arn) => {
    expect(registryOf(arn)).toBeUndefined()
  })
})
