import { EventLogReader } from '../../src/event-store/event-log-reader.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { ProjectionRegistry } from '../../src/event-store/projections/projection-registry.js';
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
