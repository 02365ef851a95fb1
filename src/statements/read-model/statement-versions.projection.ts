import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, RecordedOf } from '../../event-store/inline-projections/projection.js';
import type { RecordedEvent } from '../../event-store/recorded-event.js';
import type { StatementEvent, StatementFields } from '../statement.events.js';
import { prepared } from '../../database/prepared.js';
import { derivedColumns } from './statement-version.js';

/** What a new version carries over from the one it follows. */
interface Predecessor {
  fields: StatementFields;
  corrections: number;
  firstPosition: string;
  firstRecordedAt: Date;
  /** When the closed version stopped being the record: the new one starts there. */
  closedAt: Date;
}

/**
 * Keeps statement_versions: every version of every statement on both time axes. Inline, so a write that
 * got its 2xx is visible to the next read. Every value comes from the events (times included), so a
 * rebuild from the log yields the same rows. A version's recorded period never runs backwards: should a
 * later event carry an earlier timestamp (two transactions racing on one stream), the period is clamped
 * to zero length rather than inverted.
 */
@Injectable()
export class StatementVersionsProjection implements Projection<StatementEvent> {
  readonly name = 'statement-versions';
  readonly handles: readonly StatementEvent['type'][] = ['StatementRecorded', 'StatementCorrected', 'StatementRetracted'];
  readonly tables = ['statement_versions'];

  async apply(events: readonly RecordedOf<StatementEvent>[], db: EntityManager): Promise<void> {
    // A run of new statements is one multi-row INSERT: they open versions of distinct statements, so no
    // row of the run depends on another. A rebuild replays whole pages, where this is most of the work.
    let opened: unknown[][] = [];
    const flush = async () => {
      if (opened.length > 0) await insertVersions(db, opened);
      opened = [];
    };
    for (const event of events) {
      switch (event.type) {
        case 'StatementRecorded': {
          const { id, ...fields } = event.data;
          opened.push(versionRow(id, event, {
            fields, corrections: 0, firstPosition: String(event.position), firstRecordedAt: event.recordedAt, closedAt: event.recordedAt,
          }, { from: event.recordedAt, reason: null }));
          if (opened.length >= MAX_ROWS_PER_INSERT) await flush();
          break;
        }
        case 'StatementCorrected': {
          await flush();
          const current = await this.close(db, event);
          const next = { ...current, fields: { ...current.fields, ...event.data.changes }, corrections: current.corrections + 1 };
          await insertVersions(db, [versionRow(event.data.id, event, next, { from: current.closedAt, reason: event.data.reason })]);
          break;
        }
        case 'StatementRetracted': {
          await flush();
          // The retraction stays in the history as a version that was never the record: its period is empty.
          const current = await this.close(db, event);
          await insertVersions(db, [versionRow(event.data.id, event, current, { from: current.closedAt, to: current.closedAt, reason: event.data.reason })]);
          break;
        }
      }
    }
    await flush();
  }

  /** Ends the current version at this event and returns what the next version builds on. */
  private async close(db: EntityManager, event: RecordedEvent<StatementEvent>): Promise<Predecessor> {
    const [rows] = await db.query(CLOSE_VERSION, [event.data.id, event.recordedAt, event.transactionId]);
    const row = rows?.[0];
    if (!row) throw new Error(`${event.type} for statement ${event.data.id}, which has no current version`);
    return {
      fields: {
        actorId: row.actor_id, topicId: row.topic_id, stance: row.stance, conditions: row.conditions, summary: row.summary,
        quote: row.quote, form: row.form, statedAt: row.stated_at, sourceId: row.source_id, reportedIn: row.reported_in, locator: row.locator,
      },
      corrections: row.corrections,
      firstPosition: row.first_position,
      firstRecordedAt: row.first_recorded_at,
      closedAt: row.recorded_to,
    };
  }
}

const CLOSE_VERSION = prepared(`UPDATE statement_versions SET recorded_to = greatest($2::timestamptz, recorded_from), closed_xid = $3::xid8
  WHERE statement_id = $1 AND recorded_to IS NULL
  RETURNING actor_id, topic_id, stance, conditions, summary, quote, form, stated_at, source_id, reported_in, locator,
            corrections, first_position, first_recorded_at, recorded_to`);

const COLUMNS = `statement_id, version, actor_id, topic_id, stance, stance_score, conditions, summary, quote, form, source_id,
  stated_at, stated_precision, stated_start, stated_end, corrections, first_position, first_recorded_at,
  recorded_from, recorded_to, made_xid, closed_xid, event_type, event_position, event_id, reason, reported_in, locator`;
// The type of each column, in COLUMNS order: rows go in as one array per column, so a statement has 28
// parameters and one text whatever the number of rows, instead of a VALUES list of 28 parameters a row
// that both this process and the server spend most of a rebuild's time building and parsing.
const TYPES = ['text', 'integer', 'text', 'text', 'text', 'smallint', 'jsonb', 'text', 'text', 'text', 'text',
  'text', 'text', 'date', 'date', 'integer', 'bigint', 'timestamptz',
  'timestamptz', 'timestamptz', 'xid8', 'xid8', 'text', 'bigint', 'uuid', 'text', 'text', 'text'];
// Prepared once per connection: every new statement and every rebuilt page runs it.
const INSERT_VERSIONS = prepared(`INSERT INTO statement_versions (${COLUMNS})
  SELECT * FROM unnest(${TYPES.map((type, c) => `$${c + 1}::${type}[]`).join(', ')})`);
// Bounds the arrays a page of new statements makes (and the memory they take) as the VALUES list did.
const MAX_ROWS_PER_INSERT = 2_000;

/** The parameters of one version row, in COLUMNS order. */
function versionRow(id: string, event: RecordedEvent, base: Predecessor, period: { from: Date; to?: Date; reason: string | null }): unknown[] {
  const f = base.fields;
  const d = derivedColumns(f);
  const closed = period.to !== undefined;
  return [id, event.version, f.actorId, f.topicId, f.stance, d.stanceScore, JSON.stringify(d.conditions), f.summary, d.quote,
    f.form, f.sourceId, f.statedAt, d.precision, d.statedStart, d.statedEnd, base.corrections, base.firstPosition,
    base.firstRecordedAt, period.from, closed ? period.to : null, event.transactionId, closed ? event.transactionId : null,
    event.type, event.position, event.eventId, period.reason, f.reportedIn ?? null, f.locator ?? null];
}

async function insertVersions(db: EntityManager, rows: readonly unknown[][]): Promise<void> {
  await db.query(INSERT_VERSIONS, TYPES.map((_, c) => rows.map((row) => row[c])));
}
