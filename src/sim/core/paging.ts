import { AwsError } from './errors.js'

/** Serves one page of `items` from an opaque token; tokens are base64 offsets, as opaque to clients as AWS's. */
export function page<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  limit: { default: number; max: number },
): { items: T[]; nextToken?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit.max)) {
    throw new AwsError('InvalidParameterException', `maxResults must be between 1 and ${limit.max}.`)
  }
  const size = maxResults ?? limit.default
  let start = 0
  if (nextToken !== undefined && nextToken !== '') {
    const decoded = decodeToken(nextToken)
    if (decoded === undefined) throw new AwsError('InvalidParameterException', 'Invalid nextToken.')
    start = decoded
  }
  const slice = items.slice(start, start + size)
  const end = start + slice.length
  return { items: slice, nextToken: end < items.length ? encodeToken(end) : undefined }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, v: 1 })).toString('base64')
}

function decodeToken(token: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown }
    return Number.isInteger(parsed.o) && (parsed.o as number) >= 0 ? (parsed.o as number) : undefined
  } catch {
    return undefined
  }
}
