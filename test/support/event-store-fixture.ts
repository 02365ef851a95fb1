import pg from 'pg';
import { EventLogReader } from '../../src/event-store/event-log-reader.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { ProjectionRegistry } from '../../src/event-store/inline-projections/projection-registry.js';
import type { Projection } from '../../src/event-store/inline-projections/projection.js';
import type { DomainEvent, LogCheckpoint, RecordedEvent } from '../../src/event-store/recorded-event.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The event store wired by hand on a fresh database: no Nest app, real PostgreSQL. */
export interface EventStoreFixture {
  readonly db: TestDatabase;
  readonly registry: ProjectionRegistry;
  readonly store: EventStore;
  readonly reader: EventLogReader;
}

export async function createEventStoreFixture(options: { poolSize?: number } = {}): Promise<EventStoreFixture> {
  const db = await createTestDatabase(options);
  const registry = new ProjectionRegistry();
  return { db, registry, store: new EventStore(db.dataSource, registry), reader: new EventLogReader(db.dataSource) };
}

/** A statement-stream-like event; `n` makes each one distinguishable. */
export function statementRecorded(n: number, extra: object = {}): DomainEvent<'StatementRecorded', object> {
  return { type: 'StatementRecorded', data: { n, ...extra } };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/**
 * Starts `work` while inserts into the log are held back by a table lock, and lets them go only once
 * `waiters` connections are queued on a lock: every writer has then done all it can before writing, so
 * a race between them really happens instead of depending on how fast connections open.
 */
export async function withWritesHeldUntilQueued<T>(db: TestDatabase, waiters: number, work: () => Promise<T>): Promise<T> {
  const gate = new pg.Client({ connectionString: db.url });
  const watcher = new pg.Client({ connectionString: db.url });
  await gate.connect();
  await watcher.connect();
  let settled = false;
  try {
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE events IN EXCLUSIVE MODE'); // reads go on, inserts wait
    const running = work().finally(() => { settled = true; });
    running.catch(() => undefined); // awaited below; this only stops an early rejection being "unhandled"
    for (;;) {
      const { rows } = await watcher.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n >= waiters || settled) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await gate.query('COMMIT');
    return await running;
  } finally {
    await gate.end();
    await watcher.end();
  }
}

/** Every row of the log as the database holds it, in position order. */
export async function rawEvents(db: TestDatabase): Promise<{ position: string; stream_id: string; version: number; event_id: string }[]> {
  return db.dataSource.query(`SELECT position, stream_id, version, event_id FROM events ORDER BY position`);
}

export async function countEvents(db: TestDatabase): Promise<number> {
  const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
  return row.n;
}

/** Reads the log from `from` until a page comes back empty; returns what it saw and where it stopped. */
export async function readToEnd(
  reader: EventLogReader, from: LogCheckpoint, pageSize = 100,
): Promise<{ events: RecordedEvent[]; checkpoint: LogCheckpoint }> {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await reader.readAfter(checkpoint, pageSize);
    if (page.events.length === 0) return { events, checkpoint };
    events.push(...page.events);
    checkpoint = page.checkpoint;
  }
}

/** Compares two events by the safe log order: (transaction id as a 64-bit number, position). */
export function compareLogOrder(a: RecordedEvent, b: RecordedEvent): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return a.position - b.position;
}

/** A read-model table for test projections: one row per applied event, duplicates allowed so they show. */
export async function createAppliedEventsTable(db: TestDatabase, table: string): Promise<void> {
  await db.dataSource.query(
    `CREATE TABLE ${table} (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL, n int)`);
}

export async function appliedEventIds(db: TestDatabase, table: string): Promise<string[]> {
  const rows: { event_id: string }[] = await db.dataSource.query(`SELECT event_id FROM ${table} ORDER BY seq`);
  return rows.map((r) => r.event_id);
}

/**
 * A projection writing one row per event into `table`. `failAt` makes it throw on the event whose data
 * has that `n`, after the rows of the events before it in the same batch were written.
 */
export function recordingProjection(
  name: string, table: string, options: { handles?: string[]; failAt?: () => number | undefined } = {},
): Projection {
  return {
    name,
    handles: options.handles ?? ['StatementRecorded'],
    tables: [table],
    async apply(events, db) {
      for (const event of events) {
        const n = (event.data as { n?: number }).n ?? null;
        if (n !== null && n === options.failAt?.()) throw new Error(`${name} cannot apply statement ${n}`);
        await db.query(`INSERT INTO ${table} (event_id, stream_id, n) VALUES ($1, $2, $3)`, [event.eventId, event.streamId, n]);
      }
    },
  };
}
