import type { Config } from '../config/types.js'
import { UserError } from '../errors.js'
import { editedContainers } from '../render.js'
import type { Preflight } from '../steps.js'

// What a run over several services checks once every service's preflight is done, before anything changes.

/** A service's name and what its preflight learned. */
export interface Prepared {
  name: string
  pre: Preflight
}

/** The services of each family, in the order given: each family is registered once, for all of them. */
export function byFamily(services: readonly Prepared[]): Map<string, Prepared[]> {
  const families = new Map<string, Prepared[]>()
  for (const service of services)
    families.set(service.pre.family, [...(families.get(service.pre.family) ?? []), service])
  return families
}

/**
 * Every check of the run as a whole: each container an edit names is in some service's task definition, the
 * services of one family render the same task definition, and files that describe one task definition (`--out`,
 * `--artifacts-dir`) are asked for only when there is one family.
 */
export function checkServices(config: Config, services: readonly Prepared[]): void {
  checkContainers(config, services)
  const families = byFamily(services)
  for (const [family, members] of families) checkOneRendering(family, members, config)
  if (families.size === 1) return
  const names = [...families.keys()].join(', ')
  for (const [flag, given] of [
    ['--out', config.out],
    ['--artifacts-dir', config.artifactsDir],
  ] as const) {
    if (given === undefined) continue
    throw new UserError(
      `${flag} ${given}: the services run ${families.size} task definition families (${names}), and ${flag} ` +
        'writes one task definition; deploy one family per run to write it.',
      { input: flag },
    )
  }
}

function checkContainers(config: Config, services: readonly Prepared[]): void {
  const known = new Set(services.flatMap((service) => service.pre.rendered.containers))
  const missing = editedContainers(config).find((edit) => !known.has(edit.container))
  if (!missing) return
  throw new UserError(
    `${missing.flag}: no container named "${missing.container}" in the task definitions of ` +
      `${services.map((service) => service.name).join(', ')}; their containers are ` +
      `${[...known].map((name) => `"${name}"`).join(', ')}.`,
    { input: missing.flag },
  )
}

function checkOneRendering(family: string, members: readonly Prepared[], config: Config): void {
  const [first, ...others] = members
  const different = others.find(
    (other) => JSON.stringify(other.pre.rendered.input) !== JSON.stringify(first.pre.rendered.input),
  )
  if (!different) return
  const source = config.taskDefinition ? '' : ` (${first.pre.rendered.label} and ${different.pre.rendered.label})`
  throw new UserError(
    `--service: services ${first.name} and ${different.name} both run family ${family} but render different task ` +
      `definitions${source}; give --task-definition to deploy the same one to both, or deploy them in separate runs.`,
    { input: '--service' },
  )
}
