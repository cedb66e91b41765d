/** ECS accepts `1 vCPU` / `2GB` and stores integer strings; berth does the same conversion up front. */
export function normaliseUnits(what: 'cpu' | 'memory', value: string): string | undefined {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return String(Number(trimmed))
  const match = what === 'cpu' ? /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(trimmed) : /^(\d+(?:\.\d+)?)\s*gb$/i.exec(trimmed)
  if (!match) return undefined
  const units = Number(match[1]) * 1024
  return Number.isInteger(units) ? String(units) : undefined
}
