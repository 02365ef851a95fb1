import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './event-store.errors.js';
import {
  EVENT_COLUMNS, toRecordedEvent, type DomainEvent, type EventMetadata, type EventRow, type ExpectedVersion, type RecordedEvent,
} from './recorded-event.js';
import {
  appendCall, appendResult, encodeExpected, sentAppend, singleStatement, type AppendCondition, type AppendedRow,
} from './append-statements.js';
import { ProjectionRegistry } from './inline-projections/projection-registry.js';
import { prepared } from '../database/prepared.js';
import { queryOnPool } from '../database/pool-query.js';
import { SqlParams } from '../database/sql-params.js';
import { logIsEmpty } from './log-facts.js';

export type { AppendCondition } from './append-statements.js';

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
    // Nothing to do beside the append: one statement, on the pool like the single statement above.
    if (inline.length === 0 && !options.condition) return appendResult<E>(sent, await queryOnPool(this.dataSource, sql, params));
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

/** The PostgreSQL error fields, whether TypeORM wrapped the driver's error or not. */
export function pgError(error: unknown): { code?: string; detail?: string; constraint?: string } {
  const e = error as { code?: string; detail?: string; constraint?: string; driverError?: { code?: string; detail?: string; constraint?: string } };
  return e?.driverError ?? e ?? {};
}
