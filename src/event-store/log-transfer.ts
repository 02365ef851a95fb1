import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One event as an export file holds it: one JSON object per line, in log order. */
export interface ExportedEvent {
  readonly position: number;
  /** The original writing transaction (as text): which events were one append. */
  readonly transactionId: string;
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
  readonly metadata: object;
  /** ISO 8601 in UTC, to the microsecond, as stored. */
  readonly recordedAt: string;
}

/** The export line of an event, built by PostgreSQL so data keeps its exact numbers and time its microseconds. */
const LINE = `json_build_object(
    'position', position, 'transactionId', transaction_id::text, 'streamId', stream_id, 'version', version,
    'eventId', event_id, 'type', type, 'schemaVersion', schema_version, 'data', data, 'metadata', metadata,
    'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text`;

/**
 * Moving a whole log between databases (npm run export / npm run import -- --log): the event store's
 * own way in and out of the events table, beside appends.
 */
@Injectable()
export class EventLogTransfer {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The whole log in log order, a page of lines at a time, from one snapshot: everything committed when
   * the export began, nothing half-written, even while the service goes on appending.
   */
  async *exportLines(pageSize = 1000): AsyncGenerator<{ lines: string[]; total: number }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ total }] = await runner.query('SELECT count(*)::int AS total FROM events');
      let after = { transactionId: '0', position: '0' };
      for (;;) {
        const rows: { transaction_id: string; position: string; line: string }[] = await runner.query(
          `SELECT transaction_id::text AS transaction_id, position::text AS position, ${LINE} AS line FROM events
            WHERE (transaction_id, position) > ($1::xid8, $2::bigint) ORDER BY transaction_id, position LIMIT $3`,
          [after.transactionId, after.position, pageSize]);
        if (rows.length === 0) break;
        const last = rows.at(-1)!;
        after = { transactionId: last.transaction_id, position: last.position };
        yield { lines: rows.map((r) => r.line), total };
      }
      await runner.query('COMMIT');
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  async isEmpty(): Promise<boolean> {
    const [{ empty }] = await this.dataSource.query('SELECT NOT EXISTS (SELECT FROM events) AS empty');
    return empty;
  }

  /**
   * Appends exported events as they were (position, ids, versions, times), each original append as one
   * transaction (see migration ImportLog). A call must hold whole appends; `last` marks the final call,
   * which makes the import durable and moves the position sequence past it.
   */
  async importLines(lines: readonly string[], last: boolean): Promise<void> {
    await this.dataSource.query('CALL import_log_events($1::jsonb[], $2)', [lines, last]);
  }

  async count(): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM events');
    return n;
  }
}
