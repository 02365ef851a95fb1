import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import type { PartialDate } from '../../common/dates/partial-date.js';
import { SqlParams } from '../../database/sql-params.js';
import { type AsOf } from '../../statements/read-model/as-of.js';
import { statementReadView } from '../../statements/read-model/statement-read.view.js';
import type { StatementRow } from '../../statements/read-model/statement-version.js';
import { standing, standingCandidates, uncertain } from '../standing.query.js';
import type { StanceOnDateView } from './stance-on-date.view.js';

type Part = 'said_on' | 'standing' | 'uncertain';

/** The three answers to "what did X say about Y on D", from one snapshot (the rule: standing.query.ts). */
export function stanceOnDateQuery(actor: string, topic: string, on: PartialDate, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const { cte, start: startOf, end } = standingCandidates({ actors: [actor], topic }, on, asOf, params);
  const start = startOf();
  const sql = `
    WITH ${cte}
    SELECT 'said_on' AS part, c.* FROM candidates c WHERE c.start_day >= ${start} AND c.end_day <= ${end}
    UNION ALL
    SELECT 'uncertain' AS part, c.* FROM candidates c WHERE ${uncertain(end)}
    UNION ALL
    SELECT 'standing' AS part, latest.* FROM (${standing(end)}) latest
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
