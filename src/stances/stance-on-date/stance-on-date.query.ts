import { Injectable } from '@nestjs/common';
import { ReadRouter } from '../../database/read-routing/read-router.js';
import type { PartialDate } from '../../common/dates/partial-date.js';
import { prepared } from '../../database/prepared.js';
import { SqlParams } from '../../database/sql-params.js';
import { knownNames, knownColumn, Names, readNames } from '../../names/names.js';
import { type AsOf } from '../../statements/read-model/as-of.js';
import { statementReadView } from '../../statements/read-model/statement-read.view.js';
import { SOURCE_COLUMNS, sourceJoins, type StatementRow } from '../../statements/read-model/statement-version.js';
import { standing, standingCandidates, uncertain } from '../standing.query.js';
import type { StanceOnDateView } from './stance-on-date.view.js';

type Part = 'said_on' | 'standing' | 'uncertain';

/** The names a stance question asks about: checked in the answer's own round trip. */
export const stanceNames = (actor: string, topic: string) => readNames({ actor, topic });

/**
 * The three answers to "what did X say about Y on D", from one snapshot (the rule: standing.query.ts),
 * and beside them whether X and Y name records (knownNames): one row at least, whose `part` is null when
 * there is nothing to answer. The sources are joined to the answer's rows only: in the bench's 1M history
 * an actor has a dozen or more candidates on a topic for the one or two rows answered. The text varies
 * only with the kind of `asOf`, so the service prepares it.
 */
export function stanceOnDateQuery(actor: string, topic: string, on: PartialDate, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const { cte, start: startOf, end } = standingCandidates({ actors: [actor], topic }, on, asOf, params);
  const start = startOf();
  const known = knownNames(stanceNames(actor, topic), params)!;
  const sql = `
    WITH ${cte},
    answer AS (
      SELECT 'said_on' AS part, c.* FROM candidates c WHERE c.start_day >= ${start} AND c.end_day <= ${end}
      UNION ALL
      SELECT 'uncertain' AS part, c.* FROM candidates c WHERE ${uncertain(end)}
      UNION ALL
      SELECT 'standing' AS part, latest.* FROM (${standing(end)}) latest)
    SELECT a.*, ${SOURCE_COLUMNS}, known.* FROM (SELECT ${known}) known LEFT JOIN answer a ON true ${sourceJoins('a')}
    ORDER BY a.part, a.start_day, a.first_position`;
  return { sql, values: params.values };
}

@Injectable()
export class StanceOnDate {
  constructor(private readonly reads: ReadRouter, private readonly names: Names) {}

  /** The answer; the 404 with suggestions when the actor or the topic names nothing recorded. */
  async answer(actor: string, topic: string, on: PartialDate, knownAt: Date | undefined): Promise<StanceOnDateView> {
    const asOf: AsOf = knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' };
    const { sql, values } = stanceOnDateQuery(actor, topic, on, asOf);
    const rows: (StatementRow & { part: Part | null } & Record<string, string[]>)[] = await this.reads.query(prepared(sql), values);
    await this.names.confirm(stanceNames(actor, topic), (field) => rows[0][knownColumn(field)]);
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
