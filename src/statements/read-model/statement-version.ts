import { parsePartialDate, type DatePrecision } from '../../common/dates/partial-date.js';
import { normalizeConditions } from '../conditions.js';
import { STANCE_SCORE, type StatementFields } from '../statement.events.js';

/** The columns of statement_versions that follow from a statement's fields alone. */
export interface DerivedColumns {
  stanceScore: number;
  conditions: string[];
  quote: string | null;
  precision: DatePrecision;
  statedStart: string;
  statedEnd: string;
}

/**
 * What a version row stores besides the fields as given: the stance's score and the statedAt period
 * (first and last day it may mean), so that both time axes are plain comparisons in SQL. Normalised as
 * the statement decider does, so the read model and the write side's view agree on every field.
 */
export function derivedColumns(fields: StatementFields): DerivedColumns {
  const period = parsePartialDate(fields.statedAt);
  if (!period) throw new Error(`statedAt ${JSON.stringify(fields.statedAt)} in the log is not a partial date`);
  return {
    stanceScore: STANCE_SCORE[fields.stance],
    conditions: normalizeConditions(fields.conditions ?? []),
    quote: fields.quote ?? null,
    precision: period.precision,
    statedStart: period.start,
    statedEnd: period.end,
  };
}

/** A version row as the reads select it (see STATEMENT_COLUMNS). */
export interface StatementRow {
  statement_id: string;
  version: number;
  actor_id: string;
  topic_id: string;
  stance: StatementFields['stance'];
  stance_score: number;
  conditions: string[];
  summary: string;
  quote: string | null;
  form: StatementFields['form'];
  source_id: string;
  reported_in: string | null;
  locator: string | null;
  stated_at: string;
  stated_precision: DatePrecision;
  stated_start: string;
  stated_end: string;
  corrections: number;
  first_position: string;
  first_recorded_at: Date;
  recorded_from: Date;
  recorded_to: Date | null;
  source_kind: string | null;
  source_title: string | null;
  source_publisher: string | null;
  source_url: string | null;
  source_published_at: string | null;
  reported_in_kind: string | null;
  reported_in_title: string | null;
  reported_in_publisher: string | null;
  reported_in_url: string | null;
  reported_in_published_at: string | null;
}

/** The columns of STATEMENT_COLUMNS that come from the version itself (`statement_versions v`). */
export const VERSION_COLUMNS = `
  v.statement_id, v.version, v.actor_id, v.topic_id, v.stance, v.stance_score, v.conditions, v.summary, v.quote,
  v.form, v.source_id, v.reported_in, v.locator, v.stated_at, v.stated_precision, v.stated_start::text AS stated_start,
  v.stated_end::text AS stated_end, v.corrections, v.first_position, v.first_recorded_at, v.recorded_from, v.recorded_to`;

/** The columns of STATEMENT_COLUMNS that come from the sources joined by SOURCE_JOINS (`s` the source, `r` reportedIn). */
export const SOURCE_COLUMNS = `
  s.kind AS source_kind, s.title AS source_title, s.publisher AS source_publisher,
  s.url AS source_url, s.published_at AS source_published_at, r.kind AS reported_in_kind, r.title AS reported_in_title,
  r.publisher AS reported_in_publisher, r.url AS reported_in_url, r.published_at AS reported_in_published_at`;

/** Columns every statement read selects, from `statement_versions v` joined with `sources s` (the source) and `r` (reportedIn). */
export const STATEMENT_COLUMNS = `${VERSION_COLUMNS}, ${SOURCE_COLUMNS}`;

/** The sources of the versions (or rows with their columns) named `alias`, as SOURCE_COLUMNS reads them. */
export const sourceJoins = (alias: string): string =>
  `LEFT JOIN sources s ON s.id = ${alias}.source_id LEFT JOIN sources r ON r.id = ${alias}.reported_in`;

export const FROM_VERSIONS = `statement_versions v ${sourceJoins('v')}`;
