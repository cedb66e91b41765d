import type { ArtifactKind } from '../config/types.js'
import type { ImageEdit } from '../taskdef/types.js'
import type { HookBinding } from './hooks.js'
import { UserError } from '../errors.js'
import { containerName, containersOf, isObject } from '../taskdef/types.js'
import type { TaskDefinitionJson } from '../taskdef/types.js'
import { APPSPEC_FILE, appSpecYaml, codeDeployTaskdef, TASK_DEFINITION_PLACEHOLDER, TASKDEF_FILE } from './appspec.js'
import { IMAGE_DETAIL_FILE, imageDetail, serializeImageDetail } from './image-detail.js'
import { IMAGE_DEFINITIONS_FILE, imageDefinitions, serializeImageDefinitions } from './imagedefinitions.js'

export * from './appspec.js'
export * from './image-detail.js'
export * from './imagedefinitions.js'

/** A file to write into the artifacts directory; `name` is relative and may hold a sub-directory. */
export interface ArtifactFile {
  name: string
  content: string
}

export interface ArtifactInput {
  taskDefinition: TaskDefinitionJson
  /** The `--image` edits: which containers the artifacts are about (all containers when empty). */
  images: readonly ImageEdit[]
  appSpec?: { containerName?: string; containerPort?: number; hooks?: readonly HookBinding[] }
}

/** CodeDeployToECS takes Image1 to Image4. */
const MAX_IMAGE_PLACEHOLDERS = 4

/**
 * The CodePipeline artifacts for the rendered task definition, in a fixed order. With several images,
 * `imageDetail.json` is the first one's and each container also gets `<container>/imageDetail.json`, one per
 * CodeDeployToECS image artifact.
 */
export function buildArtifacts(kinds: readonly ArtifactKind[], input: ArtifactInput): ArtifactFile[] {
  const containers = unique(input.images.map((image) => image.container))
  const files: ArtifactFile[] = []
  if (kinds.includes('imagedefinitions')) {
    const definitions = imageDefinitions(input.taskDefinition, containers)
    files.push({ name: IMAGE_DEFINITIONS_FILE, content: serializeImageDefinitions(definitions) })
  }
  if (kinds.includes('imagedetail')) files.push(...imageDetailFiles(input.taskDefinition, containers))
  if (kinds.includes('codedeploy')) files.push(...codeDeployFiles(input, containers))
  return files
}

function imageDetailFiles(taskDefinition: TaskDefinitionJson, containers: string[]): ArtifactFile[] {
  const definitions = imageDefinitions(taskDefinition, containers)
  const [first] = definitions
  const files = [{ name: IMAGE_DETAIL_FILE, content: serializeImageDetail(imageDetail(first.imageUri)) }]
  if (definitions.length > 1) {
    for (const { name, imageUri } of definitions) {
      files.push({ name: `${name}/${IMAGE_DETAIL_FILE}`, content: serializeImageDetail(imageDetail(imageUri)) })
    }
  }
  return files
}

function codeDeployFiles(input: ArtifactInput, containers: string[]): ArtifactFile[] {
  if (containers.length > MAX_IMAGE_PLACEHOLDERS) {
    throw new UserError(
      `--artifacts codedeploy: CodeDeployToECS fills in at most ${MAX_IMAGE_PLACEHOLDERS} images ` +
        `(Image1 to Image4), but ${containers.length} containers get a new image: ${containers.join(', ')}.`,
    )
  }
  const placeholders = containers.map((container, i) => ({ container, placeholder: `IMAGE${i + 1}_NAME` }))
  const target = loadBalancedContainer(input.taskDefinition, input.appSpec?.containerName, input.appSpec?.containerPort)
  return [
    { name: TASKDEF_FILE, content: codeDeployTaskdef(input.taskDefinition, placeholders) },
    {
      name: APPSPEC_FILE,
      content: appSpecYaml({
        taskDefinition: TASK_DEFINITION_PLACEHOLDER,
        ...target,
        hooks: input.appSpec?.hooks ?? [],
      }),
    },
  ]
}

/** The container and port behind the load balancer: as given, else the first container with a port mapping. */
function loadBalancedContainer(
  taskDefinition: TaskDefinitionJson,
  name: string | undefined,
  port: number | undefined,
): { containerName: string; containerPort: number } {
  const withPorts = containersOf(taskDefinition).flatMap(({ container }) => {
    const mappings = Array.isArray(container.portMappings) ? container.portMappings.filter(isObject) : []
    const firstPort = mappings.map((mapping) => mapping.containerPort).find((value) => typeof value === 'number')
    const own = containerName(container)
    return own === undefined ? [] : [{ name: own, port: firstPort as number | undefined }]
  })
  const chosen =
    name === undefined
      ? withPorts.find((entry) => entry.port !== undefined)
      : withPorts.find((entry) => entry.name === name)
  if (name !== undefined && !chosen) {
    throw new UserError(
      `--artifacts codedeploy: no container named "${name}" for the AppSpec's LoadBalancerInfo; ` +
        `the task definition's containers are ${withPorts.map((entry) => `"${entry.name}"`).join(', ')}.`,
    )
  }
  const containerPort = port ?? chosen?.port
  if (!chosen || containerPort === undefined) {
    const which = name === undefined ? 'no container has a' : `container "${name}" has no`
    throw new UserError(
      `--artifacts codedeploy: the AppSpec needs the container and port behind the load balancer, but ${which} ` +
        'portMapping with a containerPort; add one to the task definition.',
    )
  }
  return { containerName: chosen.name, containerPort }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
