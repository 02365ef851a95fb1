import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppendingEvent, Projection, RecordedOf } from '../../event-store/inline-projections/projection.js';
import type { RecordedEvent } from '../../event-store/recorded-event.js';
import type { StatementEvent, StatementFields } from '../statement.events.js';
import { prepared } from '../../database/prepared.js';
import type { SqlParams } from '../../database/sql-params.js';
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
  readonly readsOwnStreamsOnly = true;

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

  /**
   * A new statement's first version, as `apply` writes it for StatementRecorded, in the append's own
   * statement: the columns that follow from the fields as parameters, those of the event as recorded
   * from `appended` (each as `apply` takes it from the RecordedEvent; see FIRST_VERSION_FROM_EVENT).
   * A correction or a retraction closes the version before it, so it stays with `apply`.
   */
  applySql(event: AppendingEvent<StatementEvent>, params: SqlParams, appended: string): string | undefined {
    if (event.type !== 'StatementRecorded') return undefined;
    const { id, ...fields } = event.data;
    const values = fieldColumns(id, fields).map((value, c) => `${params.add(value)}::${FIELD_COLUMNS[c][1]}`);
    return `INSERT INTO statement_versions (${COLUMNS}) SELECT ${values.join(', ')}, ${FIRST_VERSION_FROM_EVENT} FROM ${appended} a`;
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

/** The columns that follow from a statement's fields alone, and their types. */
const FIELD_COLUMNS = [['statement_id', 'text'], ['actor_id', 'text'], ['topic_id', 'text'], ['stance', 'text'], ['stance_score', 'smallint'],
  ['conditions', 'jsonb'], ['summary', 'text'], ['quote', 'text'], ['form', 'text'], ['source_id', 'text'], ['stated_at', 'text'],
  ['stated_precision', 'text'], ['stated_start', 'date'], ['stated_end', 'date'], ['reported_in', 'text'], ['locator', 'text']] as const;
/** The columns of the version itself: its event, its periods, its history. */
const VERSION_COLUMNS = [['version', 'integer'], ['corrections', 'integer'], ['first_position', 'bigint'], ['first_recorded_at', 'timestamptz'],
  ['recorded_from', 'timestamptz'], ['recorded_to', 'timestamptz'], ['made_xid', 'xid8'], ['closed_xid', 'xid8'], ['event_type', 'text'],
  ['event_position', 'bigint'], ['event_id', 'uuid'], ['reason', 'text']] as const;
const COLUMNS = [...FIELD_COLUMNS, ...VERSION_COLUMNS].map(([column]) => column).join(', ');
// The type of each column, in COLUMNS order: rows go in as one array per column, so a statement has 28
// parameters and one text whatever the number of rows, instead of a VALUES list of 28 parameters a row
// that both this process and the server spend most of a rebuild's time building and parsing.
const TYPES = [...FIELD_COLUMNS, ...VERSION_COLUMNS].map(([, type]) => type);
/**
 * VERSION_COLUMNS of a statement's first version (`versionRow` for StatementRecorded in `apply`), from the
 * appended event `a`: version, no correction, first and made by this event, open from its time on.
 */
const FIRST_VERSION_FROM_EVENT = 'a.version, 0, a.position, a.recorded_at, a.recorded_at, NULL, a.transaction_id, NULL, a.type, a.position, a.event_id, NULL';
// Prepared once per connection: every new statement and every rebuilt page runs it.
const INSERT_VERSIONS = prepared(`INSERT INTO statement_versions (${COLUMNS})
  SELECT * FROM unnest(${TYPES.map((type, c) => `$${c + 1}::${type}[]`).join(', ')})`);
// Bounds the arrays a page of new statements makes (and the memory they take) as the VALUES list did.
const MAX_ROWS_PER_INSERT = 2_000;

/** The parameters of one version row, in COLUMNS order. */
function versionRow(id: string, event: RecordedEvent, base: Predecessor, period: { from: Date; to?: Date; reason: string | null }): unknown[] {
  const closed = period.to !== undefined;
  return [...fieldColumns(id, base.fields), event.version, base.corrections, base.firstPosition, base.firstRecordedAt, period.from,
    closed ? period.to : null, event.transactionId, closed ? event.transactionId : null, event.type, event.position, event.eventId, period.reason];
}

/** The values of FIELD_COLUMNS for a statement with these fields. */
function fieldColumns(id: string, f: StatementFields): unknown[] {
  const d = derivedColumns(f);
  return [id, f.actorId, f.topicId, f.stance, d.stanceScore, JSON.stringify(d.conditions), f.summary, d.quote, f.form, f.sourceId,
    f.statedAt, d.precision, d.statedStart, d.statedEnd, f.reportedIn ?? null, f.locator ?? null];
}

async function insertVersions(db: EntityManager, rows: readonly unknown[][]): Promise<void> {
  await db.query(INSERT_VERSIONS, TYPES.map((_, c) => rows.map((row) => row[c])));
}
