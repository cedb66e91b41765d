import type {
  DescribeLogGroupsRequest,
  DescribeLogStreamsRequest,
  FilterLogEventsRequest,
  FilteredLogEvent,
  GetLogEventsRequest,
  LogGroup,
  LogStream,
  OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs'
import { AwsError } from './core/errors.js'
import { page } from './core/paging.js'
import type { ServiceDefinition } from './core/server.js'
import type { World } from './core/state.js'
import type { LogGroupState, LogStreamState } from './core/types.js'

// CloudWatch Logs speaks epoch milliseconds (timestamp, ingestionTime, startTime, endTime, creationTime).

function group(world: World, name: string | undefined, identifier: string | undefined): LogGroupState {
  const ref = name ?? identifier?.replace(/^arn:aws[\w-]*:logs:[^:]+:\d{12}:log-group:/, '').replace(/:\*$/, '')
  if (name !== undefined && identifier !== undefined) {
    throw new AwsError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.')
  }
  if (!ref) throw new AwsError('InvalidParameterException', 'Either LogGroup name or LogGroup ARN must be provided.')
  const found = identifier !== undefined && world.isForeign(identifier) ? undefined : world.logGroups.get(ref)
  if (!found) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
  return found
}

function limitOf(limit: number | undefined, max: number): number {
  if (limit === undefined) return max
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    )
  }
  return limit
}

/**
 * GetLogEvents with CloudWatch's token rules: `f/<n>` reads forward from event n, `b/<n>` backward from n; at the end
 * of the stream the same forward token comes back, which is how clients know to stop.
 */
export function getLogEvents(world: World, input: GetLogEventsRequest): object {
  const stream = group(world, input.logGroupName, input.logGroupIdentifier).streams.get(input.logStreamName ?? '')
  if (!stream) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.')
  const limit = limitOf(input.limit, 10000)
  const events = stream.events.filter(
    (e) =>
      (input.startTime === undefined || e.timestamp >= input.startTime) &&
      (input.endTime === undefined || e.timestamp < input.endTime),
  )
  let start: number
  let end: number
  const token = input.nextToken
  if (token) {
    const match = /^([fb])\/(\d+)(?:\/s)?$/.exec(token)
    if (!match) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.')
    const position = Math.min(Number(match[2]), events.length)
    if (match[1] === 'f') {
      start = position
      end = Math.min(events.length, position + limit)
    } else {
      end = position
      start = Math.max(0, position - limit)
    }
  } else if (input.startFromHead) {
    start = 0
    end = Math.min(events.length, limit)
  } else {
    end = events.length
    start = Math.max(0, end - limit)
  }
  const out: OutputLogEvent[] = events
    .slice(start, end)
    .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime }))
  return { events: out, nextForwardToken: tokenFor('f', end), nextBackwardToken: tokenFor('b', start) }
}

function tokenFor(direction: 'f' | 'b', position: number): string {
  return `${direction}/${String(position).padStart(56, '0')}/s`
}

/** Matches CloudWatch's plain-text filter patterns: terms (all must match), `?term` (any), `-term`, "quoted phrases". */
export function matchesFilter(pattern: string | undefined, message: string): boolean {
  if (!pattern || pattern.trim() === '') return true
  const terms = [...pattern.matchAll(/([?-]?)(?:"([^"]*)"|(\S+))/g)].map((m) => ({ mode: m[1], text: m[2] ?? m[3] }))
  const required = terms.filter((t) => t.mode === '')
  const optional = terms.filter((t) => t.mode === '?')
  const excluded = terms.filter((t) => t.mode === '-')
  if (!required.every((t) => message.includes(t.text))) return false
  if (excluded.some((t) => message.includes(t.text))) return false
  return optional.length === 0 || optional.some((t) => message.includes(t.text))
}

export function filterLogEvents(world: World, input: FilterLogEventsRequest): object {
  const logGroup = group(world, input.logGroupName, input.logGroupIdentifier)
  if (input.logStreamNames && input.logStreamNamePrefix) {
    throw new AwsError('InvalidParameterException', 'Cannot specify both logStreamNames and logStreamNamePrefix.')
  }
  const limit = limitOf(input.limit, 10000)
  const streams = [...logGroup.streams.values()].filter(
    (s) =>
      (input.logStreamNames === undefined || input.logStreamNames.includes(s.name)) &&
      (input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix)),
  )
  const events: FilteredLogEvent[] = streams
    .flatMap((s) => s.events.map((e) => ({ stream: s.name, e })))
    .filter(
      ({ e }) =>
        (input.startTime === undefined || e.timestamp >= input.startTime) &&
        (input.endTime === undefined || e.timestamp <= input.endTime),
    )
    .filter(({ e }) => matchesFilter(input.filterPattern, e.message))
    .sort((a, b) => a.e.timestamp - b.e.timestamp || a.e.eventId.localeCompare(b.e.eventId))
    .map(({ stream, e }) => ({
      logStreamName: stream,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: e.eventId,
    }))
  const { items, nextToken } = page(events, limit, input.nextToken, { default: 10000, max: 10000 })
  return {
    events: items,
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: nextToken === undefined })),
    nextToken,
  }
}

export function describeLogStreams(world: World, input: DescribeLogStreamsRequest): object {
  const logGroup = group(world, input.logGroupName, input.logGroupIdentifier)
  if (input.orderBy === 'LastEventTime' && input.logStreamNamePrefix) {
    throw new AwsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.')
  }
  const lastEvent = (s: LogStreamState): number => s.events[s.events.length - 1]?.timestamp ?? s.createdAt
  const streams = [...logGroup.streams.values()]
    .filter((s) => input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix))
    .sort((a, b) => (input.orderBy === 'LastEventTime' ? lastEvent(a) - lastEvent(b) : a.name.localeCompare(b.name)))
  if (input.descending) streams.reverse()
  const { items, nextToken } = page(streams, limitOf(input.limit, 50), input.nextToken, { default: 50, max: 50 })
  const rendered: LogStream[] = items.map((s) => ({
    logStreamName: s.name,
    creationTime: Math.floor(s.createdAt),
    firstEventTimestamp: s.events[0]?.timestamp,
    lastEventTimestamp: s.events[s.events.length - 1]?.timestamp,
    lastIngestionTime: s.events[s.events.length - 1]?.ingestionTime,
    arn: `${logGroup.arn.replace(/:\*$/, '')}:log-stream:${s.name}`,
    storedBytes: 0,
  }))
  return { logStreams: rendered, nextToken }
}

export function describeLogGroups(world: World, input: DescribeLogGroupsRequest): object {
  const groups = [...world.logGroups.values()]
    .filter((g) => input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix))
    .filter((g) => input.logGroupNamePattern === undefined || g.name.includes(input.logGroupNamePattern))
    .sort((a, b) => a.name.localeCompare(b.name))
  const { items, nextToken } = page(groups, limitOf(input.limit, 50), input.nextToken, { default: 50, max: 50 })
  const rendered: LogGroup[] = items.map((g) => ({
    logGroupName: g.name,
    creationTime: Math.floor(g.createdAt),
    metricFilterCount: 0,
    arn: g.arn,
    logGroupArn: g.arn.replace(/:\*$/, ''),
    storedBytes: 0,
    logGroupClass: 'STANDARD',
  }))
  return { logGroups: rendered, nextToken }
}

export function logsDefinition(world: World): ServiceDefinition {
  return {
    id: 'logs',
    targetPrefix: 'Logs_20140328',
    operations: {
      GetLogEvents: (input) => getLogEvents(world, input),
      FilterLogEvents: (input) => filterLogEvents(world, input),
      DescribeLogStreams: (input) => describeLogStreams(world, input),
      DescribeLogGroups: (input) => describeLogGroups(world, input),
    },
  }
}
