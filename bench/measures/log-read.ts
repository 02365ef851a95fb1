import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { EventLogReader } from '../../src/event-store/event-log-reader.js';
import { EVENT_COLUMNS, LOG_START } from '../../src/event-store/recorded-event.js';

export const PAGE = 1_000;

export interface ReadResult {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Raw side: the plainest way to read a whole table in order, keyset pagination on the primary key,
 * pages of 1,000, the same columns as the log reader selects (jsonb parsed by the driver), one
 * connection, each page awaited before the next is asked for.
 */
export async function keysetRead(pool: pg.Pool): Promise<ReadResult> {
  const client = await pool.connect();
  const started = performance.now();
  let events = 0;
  try {
    let after = 0;
    for (;;) {
      const { rows } = await client.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT ${PAGE}`, [after]);
      if (rows.length === 0) break;
      events += rows.length;
      after = Number(rows.at(-1).position);
    }
  } finally {
    client.release();
  }
  return result(events, started);
}

/** Stanceline side: EventLogReader.readAfter, the reader behind GET /v1/events, from the start to the end. */
export async function safeOrderRead(dataSource: DataSource): Promise<ReadResult> {
  const reader = new EventLogReader(dataSource);
  const started = performance.now();
  let events = 0;
  let checkpoint = LOG_START;
  for (;;) {
    const page = await reader.readAfter(checkpoint, PAGE);
    if (page.events.length === 0) break;
    events += page.events.length;
    checkpoint = page.checkpoint;
  }
  return result(events, started);
}

function result(events: number, started: number): ReadResult {
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, perSecond: events / seconds };
}
