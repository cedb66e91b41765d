/** A time as the status shows it: ISO 8601 in UTC, to the second. */
export function iso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}
