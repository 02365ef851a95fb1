import { createHash, randomUUID } from 'node:crypto';
import { prepared } from '../database/prepared.js';
import { SqlParams } from '../database/sql-params.js';
import { EVENT_VERSIONS } from './event-versions.js';
import type { AppendResult } from './event-store.js';
import { APPENDED_COLUMNS, type Projection } from './inline-projections/projection.js';
import {
  EVENT_COLUMNS, parseAsJsonb, toRecordedEvent,
  type DomainEvent, type EventMetadata, type EventRow, type ExpectedVersion, type RecordedEvent,
} from './recorded-event.js';

/**
 * The SQL of an append and the recorded events rebuilt from its answer: what EventStore sends for
 * `append` and `createStreams`, kept apart from the store's transactions and error handling.
 */

/**
 * A check of what an append depends on outside its stream (e.g. that the records it names exist), made
 * by the database with the append: if it objects, nothing is written and `refusal` is thrown. For
 * conditions that cannot turn false once true (registry records are never removed), so that checking
 * first and appending after is as good as one lock over both.
 */
export interface AppendCondition {
  /** A query of the objections, its parameters added to `params`: the append goes ahead only if it returns no row. A fixed text for a given shape, so it can be prepared. */
  objections(params: SqlParams): string;
  /** The error for the objections (the query's rows). */
  refusal(objections: readonly Record<string, unknown>[]): Error;
}

/** What of an append's options goes into what it sends. */
export interface SentOptions {
  readonly idempotencyKey?: string;
  readonly fingerprint?: string;
  readonly metadata?: EventMetadata;
}

/** What an append sends, kept to rebuild the recorded events from the database's answer. */
export interface SentAppend {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly types: readonly string[];
  /** Each event's schema version: the current one of its type. */
  readonly schemaVersions: readonly number[];
  /** Each event's data as JSON, exactly the text sent. */
  readonly data: readonly string[];
  readonly metadata: string;
  /**
   * The data and metadata as a jsonb column reads them back, parsed once from the texts sent (never the
   * caller's objects, which may hold Dates, undefined, or keys in another order): what the recorded events
   * and the inline projections' SQL see.
   */
  readonly dataRead: readonly object[];
  readonly metadataRead: EventMetadata;
  readonly key: string | null;
  /** What "the same content" means for the key; by default, the stream and the events' types and data. */
  readonly fingerprint: string | null;
}

export function sentAppend(streamId: string, events: readonly DomainEvent[], options: SentOptions): SentAppend {
  const key = options.idempotencyKey ?? null;
  const data = events.map((e) => JSON.stringify(e.data));
  const metadata = JSON.stringify({ ...options.metadata, ...(key ? { idempotencyKey: key } : {}) });
  return {
    streamId,
    eventIds: events.map(() => randomUUID()),
    types: events.map((e) => e.type),
    schemaVersions: events.map((e) => EVENT_VERSIONS.current(e.type)),
    data,
    metadata,
    dataRead: data.map((text) => parseAsJsonb(text) as object),
    metadataRead: parseAsJsonb(metadata) as EventMetadata,
    key,
    fingerprint: key ? options.fingerprint ?? fingerprintOf(streamId, events) : null,
  };
}

/**
 * A row of append_event / append_events: for a fresh append only what the database chose (position,
 * transaction, version, time), with the rest NULL since the caller sent it; for a replay, the event in full.
 */
export type AppendedRow = Pick<EventRow, 'position' | 'transaction_id' | 'version' | 'recorded_at'> & Nullable<Omit<EventRow,
  'position' | 'transaction_id' | 'version' | 'recorded_at'>> & { replayed: boolean };
type Nullable<T> = { [K in keyof T]: T[K] | null };


// Every write runs one of these: prepared once per connection (see prepared()).
const APPEND_EVENT = prepared(`SELECT replayed, ${EVENT_COLUMNS} FROM append_event($1, $2, $3, $4, $5, $6, $7, $8, $9)`);
const APPEND_EVENTS = prepared(`SELECT replayed, ${EVENT_COLUMNS} FROM append_events($1, $2, $3::uuid[], $4::text[], $5::smallint[], $6::jsonb[], $7, $8, $9)`);

/** One event, the common case, goes as plain parameters: no array literals for either side to build or parse. */
export function appendCall(sent: SentAppend, expected: number | null): [string, unknown[]] {
  if (sent.types.length === 1) {
    return [APPEND_EVENT,
      [sent.streamId, expected, sent.eventIds[0], sent.types[0], sent.schemaVersions[0], sent.data[0], sent.metadata, sent.key, sent.fingerprint]];
  }
  return [APPEND_EVENTS,
    [sent.streamId, expected, sent.eventIds, sent.types, sent.schemaVersions, sent.data, sent.metadata, sent.key, sent.fingerprint]];
}

/**
 * One event, its inline projections' writes and the append's condition as one SQL statement, so one
 * round trip and an implicit transaction (no BEGIN, no COMMIT): the condition's objections first (an
 * InitPlan gating the append: if there are any, append_event never runs), then the append, then each
 * projection's `applySql` over the appended row unless it was a replay. undefined when that is not
 * possible (several events, a projection without SQL for this event) or not needed (nothing besides the
 * append): then `appendCall` in a transaction with `apply`. With a condition, the answer has an
 * `objections` column: null, or the objections (and no event row) when the append did not run.
 */
export function singleStatement(
  sent: SentAppend, expected: number | null, inline: readonly Projection[], condition: AppendCondition | undefined,
): { sql: string; params: unknown[] } | undefined {
  if (sent.types.length !== 1 || (inline.length === 0 && !condition)) return undefined;
  const params = new SqlParams();
  const objections = condition?.objections(params);
  const [stream, eventId, type] = [params.add(sent.streamId), params.add(sent.eventIds[0]), params.add(sent.types[0])];
  const call = `append_event(${stream}::text, ${params.add(expected)}::integer, ${eventId}::uuid, ${type}::text,
    ${params.add(sent.schemaVersions[0])}::smallint, ${params.add(sent.data[0])}::jsonb, ${params.add(sent.metadata)}::jsonb,
    ${params.add(sent.key)}::text, ${params.add(sent.fingerprint)}::text)`;
  const event = { streamId: sent.streamId, eventId: sent.eventIds[0], type: sent.types[0], data: sent.dataRead[0], metadata: sent.metadataRead };
  const writes: string[] = [];
  for (const projection of inline) {
    const write = projection.applySql?.(event, params, 'fresh');
    if (write === undefined) return undefined;
    writes.push(write);
  }
  // A fresh append's row lacks what the caller sent (see AppendedRow): the parameters fill it in.
  // recorded_at to the millisecond, as a RecordedEvent's Date has it and as a rebuild's `apply` sees it.
  const fresh = `SELECT ${stream}::text AS stream_id, ${eventId}::uuid AS event_id, ${type}::text AS type, a.version, a.position,
    a.transaction_id, date_trunc('milliseconds', a.recorded_at) AS recorded_at FROM appended a WHERE NOT a.replayed`;
  const sql = `WITH ${objections ? `objections AS MATERIALIZED (${objections}),` : ''}
    appended AS MATERIALIZED (SELECT * FROM ${call}${objections ? ' WHERE NOT EXISTS (SELECT FROM objections)' : ''}),
    fresh (${APPENDED_COLUMNS.join(', ')}) AS (${fresh})
    ${writes.map((write, i) => `, write_${i} AS (${write})`).join('\n    ')}
    ${objections
    ? `SELECT o.objections, replayed, ${EVENT_COLUMNS} FROM (SELECT json_agg(x) AS objections FROM objections x) o LEFT JOIN appended a ON true`
    : `SELECT replayed, ${EVENT_COLUMNS} FROM appended a`} ORDER BY a.version`;
  return { sql: prepared(sql), params: params.values };
}

/** One append's outcome from its rows: a replay brings the first append's events in full, a fresh one only what the database chose. */
export function appendResult<E extends DomainEvent>(sent: SentAppend, rows: readonly AppendedRow[]): AppendResult<E> {
  const replayed = rows[0]?.replayed ?? false;
  const events = (replayed ? rows.map((row) => toRecordedEvent(row as EventRow)) : recordedFromSent(sent, rows)) as RecordedEvent<E>[];
  // A replay answers with the first append's stream, which a retry without an id of its own may not name.
  return { streamId: events[0]?.streamId ?? sent.streamId, events, replayed, version: events.at(-1)?.version ?? 0 };
}

/**
 * The freshly appended events, rebuilt from what was sent and what the database chose, equal to a read of
 * the log (data and metadata as SentAppend read them). Rows are matched to events by version, which the
 * database gives in the order the events were sent.
 */
function recordedFromSent(sent: SentAppend, rows: readonly AppendedRow[]): RecordedEvent[] {
  if (rows.length !== sent.types.length) throw new Error(`append to ${sent.streamId} wrote ${rows.length} of ${sent.types.length} events`);
  const first = rows.reduce((least, row) => Math.min(least, row.version), Infinity);
  const recorded = new Array<RecordedEvent>(rows.length);
  for (const row of rows) {
    const i = row.version - first;
    recorded[i] = toRecordedEvent({
      ...row, stream_id: sent.streamId, event_id: sent.eventIds[i], type: sent.types[i], schema_version: sent.schemaVersions[i],
      data: sent.dataRead[i], metadata: sent.metadataRead,
    });
  }
  return recorded;
}

export function encodeExpected(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'exists') return -1;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) throw new Error(`invalid expected version ${expected}`);
  return expected;
}

function fingerprintOf(streamId: string, events: readonly DomainEvent[]): string {
  return createHash('sha256').update(JSON.stringify([streamId, events.map((e) => [e.type, e.data])])).digest('base64url');
}
