import type pg from 'pg';
import { progress } from '../support/progress.js';
import type { SyntheticHistory } from './synthetic-history.js';

export const HISTORY_METADATA = JSON.stringify({ recordedBy: 'bench-history' });
const EVENTS_PER_ROUND_TRIP = 500;

/**
 * Writes the history straight into the log, bypassing the append functions and the inline projections (a
 * rebuild fills the read models afterwards), yet shaped like a log the service wrote: one transaction
 * per event, so every event has a transaction id of its own, as one append per command gives. That
 * matters to whatever groups the log by transaction (the rebuild does). To make that fast, 500
 * `BEGIN; INSERT; COMMIT;` go in one simple-query round trip, with synchronous_commit off for this
 * session only, and the next batch is prepared while the server runs the previous one. One connection,
 * so log order is generation order: a correction always follows the statement it corrects.
 */
export async function loadHistory(pool: pg.Pool, history: SyntheticHistory, label: string): Promise<{ events: number; seconds: number }> {
  const client = await pool.connect();
  const started = performance.now();
  let events = 0;
  let lastReport = started;
  try {
    await client.query('SET synchronous_commit = off');
    const literal = (text: string) => client.escapeLiteral(text);
    const metadata = literal(HISTORY_METADATA);
    let pending: Promise<unknown> = Promise.resolve();
    for (const chunk of history.chunks(EVENTS_PER_ROUND_TRIP)) {
      const sql = chunk.map((e) => `BEGIN; INSERT INTO events (stream_id, version, type, data, metadata) VALUES `
        + `(${literal(e.streamId)}, ${e.version}, ${literal(e.type)}, ${literal(JSON.stringify(e.data))}, ${metadata}); COMMIT;`).join('\n');
      await pending;
      pending = client.query(sql);
      events += chunk.length;
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(`${label}: ${events.toLocaleString('en')} events written (${Math.round(events / ((lastReport - started) / 1000)).toLocaleString('en')}/s)`);
      }
    }
    await pending;
    await client.query('RESET synchronous_commit');
  } finally {
    client.release();
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}
