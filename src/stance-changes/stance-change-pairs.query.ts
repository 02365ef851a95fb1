import { SqlParams } from '../database/sql-params.js';
import { asOfCondition, pinOf, type AsOf, type PinColumns } from '../statements/read-model/as-of.js';
import { topicSubtreeCondition } from '../statements/read-model/topic-subtree.js';
import type { ChangeEvidence } from './stance-change.view.js';

/** Where a change sits in report order; the later statement's place in its actor's timeline on the topic. */
export interface ChangeKey {
  readonly actorId: string;
  readonly topicId: string;
  readonly statedStart: string;
  readonly statedEnd: string;
  readonly firstPosition: string;
}

export interface PairFilters {
  readonly actors?: readonly string[];
  /** A topic id; its subtopics are included. */
  readonly topic?: string;
  /** First and last day (`YYYY-MM-DD`) the later statement's period must overlap. */
  readonly from?: string;
  readonly to?: string;
}

/** A pair of consecutive statements as the database pairs them, not yet classified. */
export interface PairRow extends PinColumns {
  actorId: string;
  actorName: string | null;
  topicId: string;
  topicTitle: string | null;
  topicProposition: string | null;
  from: ChangeEvidence;
  to: ChangeEvidence;
  key_start: string;
  key_end: string;
  key_position: string;
}

// What each side of a change shows; the earlier statement's columns are carried on the later one's row as `prev_*`.
const EVIDENCE_COLUMNS = ['statement_id', 'stated_at', 'stance', 'stance_score', 'conditions', 'summary', 'quote', 'form', 'source_id', 'reported_in', 'locator'] as const;

const evidence = (column: (name: string) => string, s: string, r: string) => `json_build_object(
  'id', ${column('statement_id')}, 'statedAt', ${column('stated_at')}, 'stance', ${column('stance')}, 'stanceScore', ${column('stance_score')},
  'conditions', ${column('conditions')}, 'summary', ${column('summary')}, 'quote', ${column('quote')}, 'form', ${column('form')},
  'sourceId', ${column('source_id')}, 'sourceTitle', ${s}.title, 'sourcePublisher', ${s}.publisher, 'sourceUrl', ${s}.url,
  'reportedIn', ${column('reported_in')}, 'reportedInTitle', ${r}.title, 'reportedInUrl', ${r}.url, 'locator', ${column('locator')})`;

const REPORT_ORDER = 'actor_id COLLATE "C", topic_id, stated_start, stated_end, first_position';

/**
 * Consecutive statements of each actor on each topic, as the records stood per `asOf`, in report order
 * (actor, topic, then the later statement's place in time), after `after`, at most `limit`.
 *
 * LAG carries the previous statement of the same (actor, topic) partition onto each row, ordered by the
 * start of the statedAt period, then its end, then first recording; the window sorts in report order, so
 * the page is cut right after it and only the page's rows are joined with names and sources. Filters
 * that keep or drop whole partitions (recorded time, actor, topic subtree, partitions before the cursor's)
 * run before the window; the date filter and the cursor's place inside a partition run after it, or a
 * statement would lose the predecessor it is compared with.
 */
export function pairsQuery(filters: PairFilters, asOf: AsOf, after: ChangeKey | undefined, limit: number): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const snapshot = [`(${asOfCondition(asOf, params)})`];
  if (filters.actors?.length) snapshot.push(`v.actor_id = ANY(${params.add(filters.actors)}::text[])`);
  if (filters.topic) snapshot.push(`(${topicSubtreeCondition(filters.topic, params)})`);
  if (after) snapshot.push(`(v.actor_id COLLATE "C", v.topic_id) >= (${params.add(after.actorId)}::text, ${params.add(after.topicId)}::text)`);

  const pairs = ['prev_statement_id IS NOT NULL'];
  if (filters.from) pairs.push(`stated_end >= ${params.add(filters.from)}::date`);
  if (filters.to) pairs.push(`stated_start <= ${params.add(filters.to)}::date`);
  if (after) {
    pairs.push(`(${REPORT_ORDER}) > (${params.add(after.actorId)}::text, ${params.add(after.topicId)}::text, ${params.add(after.statedStart)}::date,
      ${params.add(after.statedEnd)}::date, ${params.add(after.firstPosition)}::bigint)`);
  }

  const sql = `
    WITH paired AS (
      SELECT v.actor_id, v.topic_id, v.stated_start, v.stated_end, v.first_position,
             ${EVIDENCE_COLUMNS.map((c) => `v.${c}, lag(v.${c}) OVER by_time AS prev_${c}`).join(',\n             ')}
        FROM statement_versions v
       WHERE ${snapshot.join(' AND ')}
      WINDOW by_time AS (PARTITION BY v.actor_id COLLATE "C", v.topic_id ORDER BY v.stated_start, v.stated_end, v.first_position)
    ),
    page AS (
      SELECT * FROM paired WHERE ${pairs.join(' AND ')} ORDER BY ${REPORT_ORDER} LIMIT ${params.add(limit)}
    )
    SELECT p.actor_id AS "actorId", a.name AS "actorName",
           p.topic_id AS "topicId", t.title AS "topicTitle", t.proposition AS "topicProposition",
           ${evidence((c) => `p.prev_${c}`, 'es', 'er')} AS "from", ${evidence((c) => `p.${c}`, 'ls', 'lr')} AS "to",
           p.stated_start::text AS key_start, p.stated_end::text AS key_end, p.first_position::text AS key_position,
           ${pinOf(asOf)}
      FROM page p
      LEFT JOIN sources es ON es.id = p.prev_source_id
      LEFT JOIN sources ls ON ls.id = p.source_id
      LEFT JOIN sources er ON er.id = p.prev_reported_in
      LEFT JOIN sources lr ON lr.id = p.reported_in
      LEFT JOIN actors a ON a.id = p.actor_id
      LEFT JOIN topics t ON t.id = p.topic_id
     ORDER BY p.${REPORT_ORDER.replaceAll(', ', ', p.')}`;
  return { sql, values: params.values };
}

export function keyOf(row: PairRow): ChangeKey {
  return { actorId: row.actorId, topicId: row.topicId, statedStart: row.key_start, statedEnd: row.key_end, firstPosition: row.key_position };
}
