import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_COLUMNS, LOG_START, toRecordedEvent, type EventRow, type LogCheckpoint, type RecordedEvent } from './recorded-event.js';

export interface LogPage {
  readonly events: RecordedEvent[];
  /** Where the next page starts; unchanged when the page is empty. */
  readonly checkpoint: LogCheckpoint;
}

/**
 * Reads the whole log in its safe global order: (transaction id, position), and only events written by
 * transactions older than the oldest one still running. A transaction that took a lower position but
 * commits later is still running when a reader passes its neighbours, so the fence holds the reader
 * back until it commits instead of skipping it. Order and checkpoint use the same key, so pages never
 * overlap or leave gaps.
 */
@Injectable()
export class EventLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async readAfter(after: LogCheckpoint, limit: number, db: EntityManager = this.dataSource.manager): Promise<LogPage> {
    // The fence is computed once (an InitPlan), so it bounds the index range instead of filtering rows.
    const rows: EventRow[] = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
        ORDER BY transaction_id, position
        LIMIT $3`,
      [after.transactionId, after.position, limit],
    );
    const events = rows.map(toRecordedEvent);
    const last = events.at(-1);
    return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after };
  }

  /**
   * The checkpoint just after the event at `position`: every event has one fixed place in the safe order,
   * so a bare position is enough for clients to resume from. Undefined when no event has that position.
   */
  async checkpointAt(position: number, db: EntityManager = this.dataSource.manager): Promise<LogCheckpoint | undefined> {
    if (position === 0) return LOG_START;
    const [row] = await db.query(`SELECT transaction_id::text AS transaction_id FROM events WHERE position = $1`, [position]);
    return row ? { transactionId: row.transaction_id, position } : undefined;
  }
}
