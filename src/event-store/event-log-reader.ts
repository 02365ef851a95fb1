import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_COLUMNS, LOG_START, toRecordedEvent, toStoredEvent, type EventRow, type LogCheckpoint, type RecordedEvent } from './recorded-event.js';

export interface LogPage {
  readonly events: RecordedEvent[];
  /** Where the next page starts; unchanged when the page is empty. */
  readonly checkpoint: LogCheckpoint;
}

/**
 * The fence: the oldest transaction that may still write this log. That is pg_snapshot_xmin of the
 * statement's snapshot, except that transaction ids are server-wide, and a transaction open in another
 * database (another service, another test) can never write here, so it must not stall our readers. An
 * id is skipped only when pg_stat_activity shows it running in another database; an id it no longer
 * shows (it ended since the snapshot) still fences, for this one read. Our own id, if any, fences too.
 */
export const FENCE = `
  SELECT least(pg_snapshot_xmax(snap), pg_current_xact_id_if_assigned(),
               (SELECT min(running) FROM pg_snapshot_xip(snap) AS running
                 WHERE NOT EXISTS (SELECT FROM pg_stat_activity a
                                    WHERE a.backend_xid = running::xid AND a.datname <> current_database())))
    FROM pg_current_snapshot() AS snap`;

/**
 * Reads the whole log in its safe global order: (transaction id, position), and only events written by
 * transactions older than the oldest one still running here. A transaction that took a lower position
 * but commits later is still running when a reader passes its neighbours, so the fence holds the reader
 * back until it commits instead of skipping it. Order and checkpoint use the same key, so pages never
 * overlap or leave gaps.
 */
@Injectable()
export class EventLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async readAfter(after: LogCheckpoint, limit: number, db: EntityManager = this.dataSource.manager): Promise<LogPage> {
    return this.read(after, limit, db, toRecordedEvent);
  }

  /** As readAfter, but each event exactly as stored, at the schema version it was written in: for a backup of the log. */
  async readStoredAfter(after: LogCheckpoint, limit: number, db: EntityManager = this.dataSource.manager): Promise<LogPage> {
    return this.read(after, limit, db, toStoredEvent);
  }

  private async read(after: LogCheckpoint, limit: number, db: EntityManager, shape: (row: EventRow) => RecordedEvent): Promise<LogPage> {
    // The fence is computed once (an InitPlan) from the statement's own snapshot, so it bounds the index
    // range instead of filtering rows, and it agrees with what the statement can see. ORDER BY names the
    // table's columns: a bare transaction_id would mean the text alias of the select list, and sort
    // '10000' before '9999'.
    const rows: EventRow[] = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < (${FENCE})
        ORDER BY events.transaction_id, events.position
        LIMIT $3`,
      [after.transactionId, after.position, limit],
    );
    const events = rows.map(shape);
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
