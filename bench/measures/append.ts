import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { appendCall, encodeExpected, sentAppend } from '../../src/event-store/append-statements.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { ProjectionRegistry } from '../../src/event-store/inline-projections/projection-registry.js';
import { closedLoop, type LoopResult } from '../support/closed-loop.js';

/** The event both sides write: a statement-sized payload, on a stream no one has written before. */
export function appendPayload(n: number): { type: string; data: object } {
  return {
    type: 'BenchEventAppended',
    data: {
      id: `bench-${n}`, actorId: 'actor-00042-peace', topicId: 'peace-0/talks-1/ceasefire-2', stance: 'support', conditions: [],
      summary: 'Supports a ceasefire along the current front line if security guarantees are signed first.',
      quote: 'We will never accept a frozen conflict, but a ceasefire that holds, with guarantees that are signed and ratified, is something our people could live with today.',
      form: 'direct_quote', statedAt: '2025-02-04', sourceId: 'source-00042',
    },
  };
}

const METADATA = JSON.stringify({ recordedBy: 'bench' });

/**
 * Stanceline side: EventStore.append of one event to a new stream (expected version "no stream"),
 * through append_event, with no inline projection registered for the type, so the figure is the
 * store's own. `writers` appends at a time on the service's data-source shape.
 */
export function storeAppends(dataSource: DataSource, writers: number, durationMs: number): Promise<LoopResult> {
  const store = new EventStore(dataSource, new ProjectionRegistry());
  const run = randomUUID().slice(0, 8);
  return closedLoop({
    workers: writers, durationMs,
    operation: async (n) => {
      await store.append(`bench-${run}-${n}`, [appendPayload(n)], { expectedVersion: 'no_stream', metadata: { recordedBy: 'bench' } });
    },
  });
}

/** Raw side: one autocommitted single-row INSERT per event into an events-shaped table. */
export function rawInserts(pool: pg.Pool, table: string, writers: number, durationMs: number): Promise<LoopResult> {
  const run = randomUUID().slice(0, 8);
  return closedLoop({
    workers: writers, durationMs,
    operation: async (n) => {
      const event = appendPayload(n);
      await pool.query(
        `INSERT INTO ${table} (stream_id, version, event_id, type, data, metadata) VALUES ($1, 1, $2, $3, $4, $5)`,
        [`raw-${run}-${n}`, randomUUID(), event.type, JSON.stringify(event.data), METADATA]);
    },
  });
}

/**
 * The ceiling: the same work done by PostgreSQL alone. The statement EventStore.append sends for one
 * event on a new stream (append_event with the stream's lock, version check and idempotency branch,
 * prepared by name, its parameters made by the store's own code), from a plain node-postgres pool:
 * without TypeORM's query path and the recorded events the store rebuilds from the answer. Against the
 * raw INSERT, it is what append_event costs the server; against the store, what the store's Node side adds.
 */
export function appendCeiling(pool: pg.Pool, writers: number, durationMs: number): Promise<LoopResult> {
  const run = randomUUID().slice(0, 8);
  const expected = encodeExpected('no_stream');
  return closedLoop({
    workers: writers, durationMs,
    operation: async (n) => {
      const [sql, params] = appendCall(sentAppend(`ceiling-${run}-${n}`, [appendPayload(n)], { metadata: { recordedBy: 'bench' } }), expected);
      // A prepared() config: pg takes it where the text goes.
      await pool.query(sql as unknown as pg.QueryConfig, params);
    },
  });
}
