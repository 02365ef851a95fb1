import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import type { PartialDate } from '../../common/dates/partial-date.js';
import { asOfCondition, SqlParams, type AsOf } from '../../statements/read-model/as-of.js';
import { statementReadView } from '../../statements/read-model/statement-read.view.js';
import { FROM_VERSIONS, STATEMENT_COLUMNS, type StatementRow } from '../../statements/read-model/statement-version.js';
import { topicSubtreeCondition } from '../../statements/read-model/topic-subtree.js';
import type { StanceOnDateView } from './stance-on-date.view.js';

type Part = 'said_on' | 'standing' | 'uncertain';

/**
 * The three answers to "what did X say about Y on D", from one snapshot. Calendar dates nest (a day lies
 * in one month, a month in one year), so a statement made no later than D's last day either ends by then
 * (certainly made by D: it may stand; if it also starts within D, it was said on D) or covers D's last
 * day with a coarser date (it may have come after D: uncertain, never guessed into the standing).
 * Standing, per topic: the latest such statement by its last possible day, then first possible day,
 * then the order it was recorded in.
 */
export function stanceOnDateQuery(actor: string, topic: string, on: PartialDate, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const start = `${params.add(on.start)}::date`;
  const end = `${params.add(on.end)}::date`;
  const sql = `
    WITH candidates AS MATERIALIZED (
      SELECT ${STATEMENT_COLUMNS}, v.stated_start AS start_day, v.stated_end AS end_day
        FROM ${FROM_VERSIONS}
       WHERE v.actor_id = ${params.add(actor)} AND ${topicSubtreeCondition(topic, params)}
         AND ${asOfCondition(asOf, params)} AND v.stated_start <= ${end})
    SELECT 'said_on' AS part, c.* FROM candidates c WHERE c.start_day >= ${start} AND c.end_day <= ${end}
    UNION ALL
    SELECT 'uncertain' AS part, c.* FROM candidates c WHERE c.end_day > ${end}
    UNION ALL
    SELECT * FROM (
      SELECT DISTINCT ON (c.topic_id) 'standing' AS part, c.* FROM candidates c WHERE c.end_day <= ${end}
       ORDER BY c.topic_id, c.end_day DESC, c.start_day DESC, c.first_position DESC) latest
    ORDER BY part, start_day, first_position`;
  return { sql, values: params.values };
}

@Injectable()
export class StanceOnDate {
  constructor(private readonly reads: ReadRouter) {}

  async answer(actor: string, topic: string, on: PartialDate, knownAt: Date | undefined): Promise<StanceOnDateView> {
    const asOf: AsOf = knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' };
    const { sql, values } = stanceOnDateQuery(actor, topic, on, asOf);
    const rows: (StatementRow & { part: Part })[] = await this.reads.query(sql, values);
    const of = (part: Part) => rows.filter((r) => r.part === part).map(statementReadView);
    return {
      actorId: actor,
      topicId: topic,
      on: on.text,
      knownAt: knownAt?.toISOString() ?? null,
      saidOn: of('said_on'),
      standing: of('standing').map((statement) => ({ topicId: statement.topicId, statement })),
      uncertain: of('uncertain'),
    };
  }
}
