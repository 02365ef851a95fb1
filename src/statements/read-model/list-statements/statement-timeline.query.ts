import { Injectable } from '@nestjs/common';
import type { PartialDate } from '../../../common/dates/partial-date.js';
import { ReadRouter } from '../../../database/read-routing/read-router.js';
import { asOfCondition, needsPrimaryPin, pinFrom, pinOf, SqlParams, type AsOf, type PinColumns } from '../as-of.js';
import { statementReadView } from '../statement-read.view.js';
import { FROM_VERSIONS, STATEMENT_COLUMNS, type StatementRow } from '../statement-version.js';
import { topicSubtreeCondition } from '../topic-subtree.js';
import type { StatementPage } from './statement-page.view.js';
import { CursorSecret, queryDigest } from '../../../common/cursors/signed-cursor.js';
import { TimelineCursorCodec, type TimelinePosition } from './timeline-cursor.js';

export interface TimelineFilters {
  readonly actors?: readonly string[];
  readonly topic?: string;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
}

type PinnedRow = StatementRow & PinColumns;

/**
 * The timeline: statements in statedAt order (the first day their date may mean), ties in the order
 * they were first recorded (the log position of their first event, unique per statement, so the order
 * is total and a cursor needs no statement id). A statement is in [from, to] when its period overlaps it.
 */
export function timelineQuery(
  filters: TimelineFilters, asOf: AsOf, after: Pick<TimelinePosition, 'statedStart' | 'firstPosition'> | undefined, limit: number,
): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const where = [asOfCondition(asOf, params)];
  // One actor is an equality, so that its timeline index can also give the order (no sort of all its statements).
  if (filters.actors?.length === 1) where.push(`v.actor_id = ${params.add(filters.actors[0])}`);
  else if (filters.actors?.length) where.push(`v.actor_id = ANY(${params.add(filters.actors)}::text[])`);
  if (filters.topic) where.push(topicSubtreeCondition(filters.topic, params));
  if (filters.from) where.push(`v.stated_end >= ${params.add(filters.from.start)}::date`);
  if (filters.to) where.push(`v.stated_start <= ${params.add(filters.to.end)}::date`);
  if (after) where.push(`(v.stated_start, v.first_position) > (${params.add(after.statedStart)}::date, ${params.add(after.firstPosition)}::bigint)`);
  const sql = `SELECT ${STATEMENT_COLUMNS}, ${pinOf(asOf)}
                 FROM ${FROM_VERSIONS}
                WHERE ${where.join('\n                  AND ')}
                ORDER BY v.stated_start, v.first_position
                LIMIT ${params.add(limit)}`;
  return { sql, values: params.values };
}

@Injectable()
export class StatementTimeline {
  constructor(private readonly reads: ReadRouter, private readonly cursorSecret: CursorSecret) {}

  async page(filters: TimelineFilters, request: { knownAt?: Date; cursor?: string; limit: number }): Promise<StatementPage> {
    const query = queryDigest({
      actors: filters.actors ? [...new Set(filters.actors)].sort() : null,
      topic: filters.topic, from: filters.from?.text, to: filters.to?.text, knownAt: request.knownAt?.toISOString(),
    });
    const codec = new TimelineCursorCodec(await this.cursorSecret.get());
    const after = request.cursor === undefined ? undefined : codec.decode(request.cursor, query);
    const asOf: AsOf = after ? { kind: 'page', ...after.pin }
      : request.knownAt ? { kind: 'known-at', knownAt: request.knownAt } : { kind: 'now' };

    // One row more than asked says whether there is a next page.
    const { sql, values } = timelineQuery(filters, asOf, after, request.limit + 1);
    let rows: PinnedRow[] = await this.reads.query(sql, values);
    if (rows.length > request.limit && needsPrimaryPin(asOf, rows[0])) rows = await this.reads.query(sql, values, { primary: true });
    const items = rows.slice(0, request.limit);
    const last = items.at(-1);
    if (rows.length <= request.limit || !last) return { items: items.map(statementReadView), nextCursor: null };

    // Later pages see the records exactly as this first page did: same instant, same snapshot.
    const pin = pinFrom(asOf, last, after?.pin);
    const nextCursor = codec.encode({ query, pin, statedStart: last.stated_start, firstPosition: String(last.first_position) });
    return { items: items.map(statementReadView), nextCursor };
  }
}
