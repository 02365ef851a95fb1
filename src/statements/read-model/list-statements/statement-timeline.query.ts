import { Injectable } from '@nestjs/common';
import type { PartialDate } from '../../../common/dates/partial-date.js';
import { ReadRouter } from '../../../database/read-routing/read-router.js';
import { SqlParams } from '../../../database/sql-params.js';
import { asOfCondition, needsPrimaryPin, pinFrom, pinOf, type AsOf, type PinColumns } from '../as-of.js';
import { statementReadView, type StatementReadView } from '../statement-read.view.js';
import { highlightHtml, RANKED_MATCHES_CAP, textSearch } from './statement-search.js';
import { topicsTitled } from '../../../topics/topics.query.js';
import { FROM_VERSIONS, SOURCE_COLUMNS, sourceJoins, STATEMENT_COLUMNS, VERSION_COLUMNS, type StatementRow } from '../statement-version.js';
import { topicSubtreeCondition } from '../topic-subtree.js';
import type { StatementPage } from './statement-page.view.js';
import { CursorSecret, queryDigest } from '../../../common/cursors/signed-cursor.js';
import { Names, readNames } from '../../../names/names.js';
import { TimelineCursorCodec, type TimelinePosition } from './timeline-cursor.js';

export interface TimelineFilters {
  readonly actors?: readonly string[];
  readonly topic?: string;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  /** Only statements reported in this source (their `reportedIn`). */
  readonly reportedIn?: string;
  /** Words to search for (see statement-search.ts). */
  readonly text?: string;
  /** With `text`: the topics whose title it matches (topicsTitled). */
  readonly titled?: readonly string[];
}

/** statedAt: the timeline's order; relevance: a search's best matches first (ties in timeline order). */
export type TimelineOrder = 'statedAt' | 'relevance';

type PinnedRow = StatementRow & PinColumns & { highlight?: string; rank?: string };
type After = Pick<TimelinePosition, 'statedStart' | 'firstPosition' | 'rank'>;

/**
 * The timeline: statements in statedAt order (the first day their date may mean), ties in the order
 * they were first recorded (the log position of their first event, unique per statement, so the order
 * is total and a cursor needs no statement id). A statement is in [from, to] when its period overlaps it.
 * With words to search, only matching statements, each with its highlight; in relevance order, ranked
 * within the newest RANKED_MATCHES_CAP matches, so that a common word costs a bounded sort.
 */
export function timelineQuery(
  filters: TimelineFilters, asOf: AsOf, after: After | undefined, limit: number, order: TimelineOrder = 'statedAt',
): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const where = [asOfCondition(asOf, params)];
  // One actor is an equality, so that its timeline index can also give the order (no sort of all its statements).
  if (filters.actors?.length === 1) where.push(`v.actor_id = ${params.add(filters.actors[0])}`);
  else if (filters.actors?.length) where.push(`v.actor_id = ANY(${params.add(filters.actors)}::text[])`);
  if (filters.topic) where.push(topicSubtreeCondition(filters.topic, params));
  if (filters.from) where.push(`v.stated_end >= ${params.add(filters.from.start)}::date`);
  if (filters.to) where.push(`v.stated_start <= ${params.add(filters.to.end)}::date`);
  if (filters.reportedIn !== undefined) where.push(`v.reported_in = ${params.add(filters.reportedIn)}`);
  const search = filters.text === undefined ? undefined : textSearch(filters.text, filters.titled ?? [], params);
  if (search) where.push(search.condition);
  const conditions = () => where.join('\n                  AND ');
  if (order === 'relevance' && search) {
    const keyset = after ? `WHERE m.rank < ${params.add(after.rank ?? '0')}::numeric OR (m.rank = ${params.add(after.rank ?? '0')}::numeric
                    AND (m.stated_start::date, m.first_position) > (${params.add(after.statedStart)}::date, ${params.add(after.firstPosition)}::bigint))` : '';
    // The sources are joined to the page's rows only: joined to every match, they made the planner, which
    // cannot know how few matches a rare word has, hash all the sources (in parallel workers, at 1M).
    const sql = `WITH matches AS MATERIALIZED (
                   SELECT ${VERSION_COLUMNS}, ${search.rank} AS rank
                     FROM statement_versions v
                    WHERE ${conditions()}
                    ORDER BY v.stated_start DESC, v.first_position DESC
                    LIMIT ${RANKED_MATCHES_CAP}),
                 page AS (
                   SELECT m.* FROM matches m ${keyset}
                    ORDER BY m.rank DESC, m.stated_start, m.first_position
                    LIMIT ${params.add(limit)})
                 SELECT m.*, ${SOURCE_COLUMNS}, ${search.highlight('m')} AS highlight, ${pinOf(asOf)}
                   FROM page m ${sourceJoins('m')}
                  ORDER BY m.rank DESC, m.stated_start, m.first_position`;
    return { sql, values: params.values };
  }
  if (after) where.push(`(v.stated_start, v.first_position) > (${params.add(after.statedStart)}::date, ${params.add(after.firstPosition)}::bigint)`);
  const sql = `SELECT ${STATEMENT_COLUMNS}${search ? `, ${search.highlight('v')} AS highlight` : ''}, ${pinOf(asOf)}
                 FROM ${FROM_VERSIONS}
                WHERE ${conditions()}
                ORDER BY v.stated_start, v.first_position
                LIMIT ${params.add(limit)}`;
  return { sql, values: params.values };
}

@Injectable()
export class StatementTimeline {
  constructor(private readonly reads: ReadRouter, private readonly cursorSecret: CursorSecret, private readonly names: Names) {}

  async page(filters: TimelineFilters, request: { knownAt?: Date; cursor?: string; limit: number; order?: TimelineOrder }): Promise<StatementPage> {
    const order = filters.text === undefined ? 'statedAt' : request.order ?? 'relevance';
    const query = queryDigest({
      actors: filters.actors ? [...new Set(filters.actors)].sort() : null,
      topic: filters.topic, from: filters.from?.text, to: filters.to?.text, reportedIn: filters.reportedIn, knownAt: request.knownAt?.toISOString(),
      text: filters.text, order,
    });
    const codec = new TimelineCursorCodec(await this.cursorSecret.get());
    const after = request.cursor === undefined ? undefined : codec.decode(request.cursor, query);
    const asOf: AsOf = after ? { kind: 'page', ...after.pin }
      : request.knownAt ? { kind: 'known-at', knownAt: request.knownAt } : { kind: 'now' };

    const titled = filters.text === undefined ? [] : await topicsTitled(this.reads, filters.text);
    // One row more than asked says whether there is a next page.
    const { sql, values } = timelineQuery({ ...filters, titled }, asOf, after, request.limit + 1, order);
    // After the cursor (when a request has both a bad cursor and an unknown name, the 400 wins), and side by
    // side with the page, which is thrown away when a name is unknown.
    let [, rows] = await Promise.all([
      this.names.require(readNames({ actor: filters.actors, topic: filters.topic, reportedIn: filters.reportedIn })),
      this.reads.query(sql, values) as Promise<PinnedRow[]>,
    ]);
    if (rows.length > request.limit && needsPrimaryPin(asOf, rows[0])) rows = await this.reads.query(sql, values, { primary: true });
    const items = rows.slice(0, request.limit).map(itemOf);
    const last = rows.at(request.limit - 1);
    if (rows.length <= request.limit || !last) return { items, nextCursor: null };

    // Later pages see the records exactly as this first page did: same instant, same snapshot.
    const pin = pinFrom(asOf, last, after?.pin);
    const nextCursor = codec.encode({
      query, pin, statedStart: last.stated_start, firstPosition: String(last.first_position),
      ...(order === 'relevance' ? { rank: String(last.rank) } : {}),
    });
    return { items, nextCursor };
  }
}

function itemOf(row: PinnedRow): StatementReadView {
  const view = statementReadView(row);
  return row.highlight === undefined ? view : { ...view, highlight: highlightHtml(row.highlight) };
}
