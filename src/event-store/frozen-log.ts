import type { EntityManager } from 'typeorm';
import type { LogPage } from './event-log-reader.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow, type LogCheckpoint } from './recorded-event.js';

/**
 * The log held still, for the final step of a projection rebuild. EXCLUSIVE mode waits for every
 * transaction that has appended to end, then holds new appends back until this transaction ends; reads
 * of the log go on. Call it inside a transaction.
 */
export async function freezeLog(db: EntityManager): Promise<void> {
  await db.query(`LOCK TABLE events IN EXCLUSIVE MODE`);
}

/**
 * Reads on from `after` while the log is frozen (after freezeLog, in the same transaction). No append
 * can still be in flight, so the reader's fence, which would also wait for unrelated transactions, is
 * not needed: everything committed is everything there is.
 */
export async function readFrozenLogAfter(db: EntityManager, after: LogCheckpoint, limit: number): Promise<LogPage> {
  const rows: EventRow[] = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
      ORDER BY transaction_id, position LIMIT $3`,
    [after.transactionId, after.position, limit]);
  const events = rows.map(toRecordedEvent);
  const last = events.at(-1);
  return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after };
}

/** About how many events the log holds (its highest position: an index lookup, not a count). */
export async function approximateLogSize(db: EntityManager): Promise<number> {
  const [row] = await db.query(`SELECT coalesce(max(position), 0) AS n FROM events`);
  return Number(row.n);
}
