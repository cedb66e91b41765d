import type { ListTagsForResourceRequest, TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-ecs'
import { invalid } from '../core/errors.js'
import type { EcsContext } from './context.js'
import { resolveTaskDefinition } from './task-definitions.js'

export function tagResource(ecs: EcsContext, input: TagResourceRequest): object {
  const arn = existingResource(ecs, input.resourceArn)
  const tags = new Map((ecs.world.resourceTags.get(arn) ?? []).map((t) => [t.key, t]))
  for (const tag of input.tags ?? []) tags.set(tag.key, tag)
  if (tags.size > 50) throw invalid('The maximum number of tags (50) was exceeded.')
  ecs.world.resourceTags.set(arn, [...tags.values()])
  return {}
}

export function untagResource(ecs: EcsContext, input: UntagResourceRequest): object {
  const arn = existingResource(ecs, input.resourceArn)
  const drop = new Set(input.tagKeys ?? [])
  ecs.world.resourceTags.set(
    arn,
    (ecs.world.resourceTags.get(arn) ?? []).filter((t) => !drop.has(t.key ?? '')),
  )
  return {}
}

export function listTagsForResource(ecs: EcsContext, input: ListTagsForResourceRequest): object {
  const arn = existingResource(ecs, input.resourceArn)
  return { tags: ecs.world.resourceTags.get(arn) ?? [] }
}

export function existingResource(ecs: EcsContext, arn: string | undefined): string {
  const match =
    /^arn:aws[\w-]*:ecs:[^:]+:\d{12}:(cluster|service|task|task-definition|task-set|container-instance|capacity-provider)\/(.+)$/.exec(
      arn ?? '',
    )
  if (!match || !arn) throw invalid('The ARN provided is invalid.')
  if (ecs.world.isForeign(arn)) throw invalid('The specified resource is not found.')
  const [, kind, rest] = match
  const parts = rest.split('/')
  const exists =
    kind === 'cluster'
      ? ecs.world.clusters.get(parts[0])?.status === 'ACTIVE'
      : kind === 'service'
        ? ecs.world.clusters.get(parts[0])?.services.has(parts[1] ?? '') === true
        : kind === 'task'
          ? ecs.world.tasks.has(arn)
          : kind === 'task-definition'
            ? resolveTaskDefinition(ecs.world, rest) !== undefined
            : false
  if (!exists) throw invalid('The specified resource is not found.')
  return arn
}
