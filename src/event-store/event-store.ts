import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './event-store.errors.js';
import {
  EVENT_COLUMNS, parseAsJsonb, toRecordedEvent,
  type DomainEvent, type EventMetadata, type EventRow, type ExpectedVersion, type RecordedEvent,
} from './recorded-event.js';
import { EVENT_VERSIONS } from './event-versions.js';
import { ProjectionRegistry } from './inline-projections/projection-registry.js';
import { APPENDED_COLUMNS, type Projection } from './inline-projections/projection.js';
import { prepared } from '../database/prepared.js';
import { queryOnPool } from '../database/pool-query.js';
import { SqlParams } from '../database/sql-params.js';
import { logIsEmpty } from './log-facts.js';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** A retry with the same key returns the first append's events and writes nothing. */
  idempotencyKey?: string;
  /** What "the same content" means for the key; by default, the stream and the events' types and data. */
  fingerprint?: string;
  metadata?: EventMetadata;
  /** What must hold for the append to go ahead, checked in the append's own statement where it can be. */
  condition?: AppendCondition;
}

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

export interface AppendResult<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly events: RecordedEvent<E>[];
  /** True when an idempotency key answered with an earlier append. */
  readonly replayed: boolean;
  /** The stream's version after this append: the expected version for the next one. */
  readonly version: number;
}

/** A new stream and its first events, with the options `append` would take for it. */
export interface StreamCreation<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly events: readonly E[];
  readonly idempotencyKey?: string;
  readonly fingerprint?: string;
  readonly metadata?: EventMetadata;
}

/** The only code that writes the event log. */
@Injectable()
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRegistry,
  ) {}

  /** Whether nothing was ever appended (a new database, which the seed may fill). */
  isEmpty(): Promise<boolean> {
    return logIsEmpty((sql, params) => this.dataSource.query(sql, params));
  }

  async append<E extends DomainEvent>(
    streamId: string, events: readonly E[], options: AppendOptions = {},
  ): Promise<AppendResult<E>> {
    if (events.length === 0) throw new Error(`append to ${streamId} needs at least one event`);
    const expected = options.expectedVersion ?? 'any';
    // No retry loop: the append functions queue concurrent appends to a stream (and with a key) behind
    // each other, so a conflict here is a real one.
    try {
      return await this.tryAppend(streamId, events, expected, options);
    } catch (error) {
      throw this.translate(error, streamId, expected, options.idempotencyKey);
    }
  }

  /**
   * Creates many new streams in one transaction and one round trip (a bulk import's page): each as
   * `append(streamId, events, { expectedVersion: 'no_stream', ... })` would, through the same append
   * function, and the inline projections see them all in the same transaction. All or nothing: if any
   * stream exists already, nothing is written and the error says so.
   */
  async createStreams<E extends DomainEvent>(creations: readonly StreamCreation<E>[]): Promise<AppendResult<E>[]> {
    if (creations.length === 0) return [];
    const sent = creations.map((c) => {
      if (c.events.length === 0) throw new Error(`creating ${c.streamId} needs at least one event`);
      return sentAppend(c.streamId, c.events, c);
    });
    // The events of all creations in one list, each creation's a slice [first, last] of it (1-based).
    let last = 0;
    const slices = sent.map((append) => [last + 1, (last += append.types.length)]);
    const params = [
      sent.map((append) => append.streamId),
      sent.map((append) => append.key),
      sent.map((append) => append.fingerprint),
      sent.map((append) => append.metadata),
      slices.map(([first]) => first),
      slices.map(([, end]) => end),
      sent.flatMap((append) => append.eventIds),
      sent.flatMap((append) => append.types),
      // The events' data as one JSON array, their texts joined as they are: a jsonb[] parameter would
      // have the driver escape every quote of every event into an array literal, and the server undo it.
      `[${sent.flatMap((append) => append.data).join(',')}]`,
      sent.flatMap((append) => append.schemaVersions),
    ];
    // One append_events call per new stream, in the order given, each with its slice of the events.
    const sql = `
      SELECT creation, replayed, ${EVENT_COLUMNS} FROM (
        SELECT c.n AS creation, r.*
          FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::int[], $6::int[])
               WITH ORDINALITY AS c(stream_id, key, fingerprint, metadata, first, last, n)
          CROSS JOIN LATERAL append_events(c.stream_id, 0, ($7::uuid[])[c.first:c.last], ($8::text[])[c.first:c.last],
                   ($10::smallint[])[c.first:c.last], ARRAY(SELECT $9::jsonb -> i FROM generate_series(c.first - 1, c.last - 1) AS i),
                   c.metadata, c.key, c.fingerprint) r
      ) appended ORDER BY creation, version`;
    try {
      return await this.dataSource.transaction(async (db) => {
        const rows: (AppendedRow & { creation: number })[] = await db.query(sql, params);
        const rowsOf = sent.map(() => [] as AppendedRow[]);
        for (const row of rows) rowsOf[row.creation - 1].push(row);
        const results = sent.map((append, i) => appendResult<E>(append, rowsOf[i]));
        const fresh = results.filter((r) => !r.replayed).flatMap((r) => r.events);
        for (const projection of this.projections.inlineFor(fresh.map((e) => e.type))) await projection.apply(fresh, db);
        return results;
      });
    } catch (error) {
      throw this.translate(error, `one of ${creations.length} new streams`, 'no_stream');
    }
  }

  /** Checks a condition alone (see AppendCondition), for a write that fails before it could append. */
  async check(condition: AppendCondition, db: EntityManager = this.dataSource.manager): Promise<void> {
    const params = new SqlParams();
    const rows: Record<string, unknown>[] = await db.query(prepared(condition.objections(params)), params.values);
    if (rows.length > 0) throw condition.refusal(rows);
  }

  async readStream<E extends DomainEvent = DomainEvent>(
    streamId: string, range: { fromVersion?: number; toVersion?: number } = {}, db: EntityManager = this.dataSource.manager,
  ): Promise<RecordedEvent<E>[]> {
    const rows: EventRow[] = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE stream_id = $1 AND version >= $2 AND version <= $3 ORDER BY version`,
      [streamId, range.fromVersion ?? 1, range.toVersion ?? 2147483647],
    );
    return rows.map((row) => toRecordedEvent(row) as RecordedEvent<E>);
  }

  /** The number of events in the stream; 0 when it does not exist. */
  async streamVersion(streamId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await db.query(`SELECT coalesce(max(version), 0) AS version FROM events WHERE stream_id = $1`, [streamId]);
    return Number(row.version);
  }

  /**
   * The earlier append made under this idempotency key, if any. A different fingerprint means the key is
   * being reused for other content, which is refused rather than answered with the wrong result.
   */
  async findIdempotentAppend(key: string, fingerprint?: string): Promise<{ streamId: string; lastVersion: number } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT stream_id, fingerprint, last_version FROM event_idempotency_keys WHERE key = $1`, [key]);
    if (!row) return undefined;
    if (fingerprint !== undefined && row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
    return { streamId: row.stream_id, lastVersion: row.last_version };
  }

  /** Of these idempotency keys, the ones already used, each with the fingerprint of what it was used for. */
  async usedIdempotencyKeys(keys: readonly string[]): Promise<Map<string, string>> {
    const rows: { key: string; fingerprint: string }[] = await this.dataSource.query(
      `SELECT key, fingerprint FROM event_idempotency_keys WHERE key = ANY($1::text[])`, [keys]);
    return new Map(rows.map((row) => [row.key, row.fingerprint]));
  }

  /** Of these streams, the ones that exist. */
  async existingStreams(streamIds: readonly string[]): Promise<Set<string>> {
    const rows: { stream_id: string }[] = await this.dataSource.query(
      `SELECT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND version = 1`, [streamIds]);
    return new Set(rows.map((row) => row.stream_id));
  }

  private async tryAppend<E extends DomainEvent>(
    streamId: string, events: readonly E[], expected: ExpectedVersion, options: AppendOptions,
  ): Promise<AppendResult<E>> {
    const sent = sentAppend(streamId, events, options);
    const inline = this.projections.inlineFor(sent.types);
    const single = singleStatement(sent, encodeExpected(expected), inline, options.condition);
    if (single) {
      const [row, ...rest] = await queryOnPool<AppendedRow & { objections?: Record<string, unknown>[] | null }>(this.dataSource, single.sql, single.params);
      if (row?.objections) throw options.condition!.refusal(row.objections);
      // Without objections, the answer's rows are the append's (the condition's column aside).
      return appendResult<E>(sent, row && row.version !== null ? [row, ...rest] : []);
    }

    const [sql, params] = appendCall(sent, encodeExpected(expected));
    const run = async (db: EntityManager) => {
      if (options.condition) await this.check(options.condition, db);
      const result = appendResult<E>(sent, await db.query(sql, params));
      // Inline projections share the append's transaction: a 2xx means the read models have it too.
      if (!result.replayed) for (const projection of inline) await projection.apply(result.events, db);
      return result;
    };
    return inline.length === 0 ? run(this.dataSource.manager) : this.dataSource.transaction(run);
  }

  private translate(error: unknown, streamId: string, expected: ExpectedVersion, key?: string): unknown {
    const { code, detail, constraint } = pgError(error);
    if (code === 'SLVER') return new WrongExpectedVersionError(streamId, expected, Number(detail));
    if (constraint === 'events_stream_version_unique') return new WrongExpectedVersionError(streamId, expected, undefined);
    if (code === 'SLIDK' && key) return new IdempotencyKeyReusedError(key);
    return error;
  }
}

/** What an append sends, kept to rebuild the recorded events from the database's answer. */
interface SentAppend {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly types: readonly string[];
  /** Each event's schema version: the current one of its type. */
  readonly schemaVersions: readonly number[];
  /** Each event's data as JSON, exactly the text sent. */
  readonly data: readonly string[];
  readonly metadata: string;
  readonly key: string | null;
  /** What "the same content" means for the key; by default, the stream and the events' types and data. */
  readonly fingerprint: string | null;
}

function sentAppend(streamId: string, events: readonly DomainEvent[], options: Omit<AppendOptions, 'expectedVersion'>): SentAppend {
  const key = options.idempotencyKey ?? null;
  return {
    streamId,
    eventIds: events.map(() => randomUUID()),
    types: events.map((e) => e.type),
    schemaVersions: events.map((e) => EVENT_VERSIONS.current(e.type)),
    data: events.map((e) => JSON.stringify(e.data)),
    metadata: JSON.stringify({ ...options.metadata, ...(key ? { idempotencyKey: key } : {}) }),
    key,
    fingerprint: key ? options.fingerprint ?? fingerprintOf(streamId, events) : null,
  };
}

/**
 * A row of append_event / append_events: for a fresh append only what the database chose (position,
 * transaction, version, time), with the rest NULL since the caller sent it; for a replay, the event in full.
 */
type AppendedRow = Pick<EventRow, 'position' | 'transaction_id' | 'version' | 'recorded_at'> & Nullable<Omit<EventRow,
  'position' | 'transaction_id' | 'version' | 'recorded_at'>> & { replayed: boolean };
type Nullable<T> = { [K in keyof T]: T[K] | null };


// Every write runs one of these: prepared once per connection (see prepared()).
const APPEND_EVENT = prepared(`SELECT replayed, ${EVENT_COLUMNS} FROM append_event($1, $2, $3, $4, $5, $6, $7, $8, $9)`);
const APPEND_EVENTS = prepared(`SELECT replayed, ${EVENT_COLUMNS} FROM append_events($1, $2, $3::uuid[], $4::text[], $5::smallint[], $6::jsonb[], $7, $8, $9)`);

/** One event, the common case, goes as plain parameters: no array literals for either side to build or parse. */
function appendCall(sent: SentAppend, expected: number | null): [string, unknown[]] {
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
function singleStatement(
  sent: SentAppend, expected: number | null, inline: readonly Projection[], condition: AppendCondition | undefined,
): { sql: string; params: unknown[] } | undefined {
  if (sent.types.length !== 1 || (inline.length === 0 && !condition)) return undefined;
  const params = new SqlParams();
  const objections = condition?.objections(params);
  const [stream, eventId, type] = [params.add(sent.streamId), params.add(sent.eventIds[0]), params.add(sent.types[0])];
  const call = `append_event(${stream}::text, ${params.add(expected)}::integer, ${eventId}::uuid, ${type}::text,
    ${params.add(sent.schemaVersions[0])}::smallint, ${params.add(sent.data[0])}::jsonb, ${params.add(sent.metadata)}::jsonb,
    ${params.add(sent.key)}::text, ${params.add(sent.fingerprint)}::text)`;
  const event = {
    streamId: sent.streamId, eventId: sent.eventIds[0], type: sent.types[0],
    data: parseAsJsonb(sent.data[0]) as object, metadata: parseAsJsonb(sent.metadata) as EventMetadata,
  };
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
function appendResult<E extends DomainEvent>(sent: SentAppend, rows: readonly AppendedRow[]): AppendResult<E> {
  const replayed = rows[0]?.replayed ?? false;
  const events = (replayed ? rows.map((row) => toRecordedEvent(row as EventRow)) : recordedFromSent(sent, rows)) as RecordedEvent<E>[];
  // A replay answers with the first append's stream, which a retry without an id of its own may not name.
  return { streamId: events[0]?.streamId ?? sent.streamId, events, replayed, version: events.at(-1)?.version ?? 0 };
}

/**
 * The freshly appended events, rebuilt from what was sent and what the database chose, equal to a read of
 * the log: data and metadata are parsed from the JSON sent as a jsonb column reads back, never taken from
 * the caller's objects (which may hold Dates, undefined, or keys in another order). Rows are matched to
 * events by version, which the database gives in the order the events were sent.
 */
function recordedFromSent(sent: SentAppend, rows: readonly AppendedRow[]): RecordedEvent[] {
  if (rows.length !== sent.types.length) throw new Error(`append to ${sent.streamId} wrote ${rows.length} of ${sent.types.length} events`);
  const first = rows.reduce((least, row) => Math.min(least, row.version), Infinity);
  const recorded = new Array<RecordedEvent>(rows.length);
  for (const row of rows) {
    const i = row.version - first;
    recorded[i] = toRecordedEvent({
      ...row, stream_id: sent.streamId, event_id: sent.eventIds[i], type: sent.types[i], schema_version: sent.schemaVersions[i],
      data: parseAsJsonb(sent.data[i]) as object, metadata: parseAsJsonb(sent.metadata) as EventMetadata,
    });
  }
  return recorded;
}

function encodeExpected(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'exists') return -1;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) throw new Error(`invalid expected version ${expected}`);
  return expected;
}

function fingerprintOf(streamId: string, events: readonly DomainEvent[]): string {
  return createHash('sha256').update(JSON.stringify([streamId, events.map((e) => [e.type, e.data])])).digest('base64url');
}

/** The PostgreSQL error fields, whether TypeORM wrapped the driver's error or not. */
export function pgError(error: unknown): { code?: string; detail?: string; constraint?: string } {
  const e = error as { code?: string; detail?: string; constraint?: string; driverError?: { code?: string; detail?: string; constraint?: string } };
  return e?.driverError ?? e ?? {};
}
