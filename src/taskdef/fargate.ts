/** The cpu/memory pairs Fargate offers (MiB), per cpu units. */
const FARGATE_SIZES: Record<string, { from: number; to: number; step: number } | number[]> = {
  '256': [512, 1024, 2048],
  '512': { from: 1024, to: 4096, step: 1024 },
  '1024': { from: 2048, to: 8192, step: 1024 },
  '2048': { from: 4096, to: 16384, step: 1024 },
  '4096': { from: 8192, to: 30720, step: 1024 },
  '8192': { from: 16384, to: 61440, step: 4096 },
  '16384': { from: 32768, to: 122880, step: 8192 },
}

export const FARGATE_CPUS = Object.keys(FARGATE_SIZES)

/** The memory values Fargate accepts with this cpu, or undefined when Fargate has no such cpu size. */
export function fargateMemoryFor(cpu: string): number[] | undefined {
  const sizes = FARGATE_SIZES[cpu]
  if (sizes === undefined) return undefined
  if (Array.isArray(sizes)) return sizes
  const values: number[] = []
  for (let memory = sizes.from; memory <= sizes.to; memory += sizes.step) values.push(memory)
  return values
}

/** `512, 1024, 2048` or, for long ranges, `2048-8192 in steps of 1024`. */
export function describeMemoryChoices(cpu: string): string {
  const sizes = FARGATE_SIZES[cpu]
  if (sizes === undefined) return ''
  if (Array.isArray(sizes)) return sizes.join(', ')
  const count = (sizes.to - sizes.from) / sizes.step + 1
  if (count <= 4) return (fargateMemoryFor(cpu) ?? []).join(', ')
  return `${sizes.from}-${sizes.to} in steps of ${sizes.step}`
}
