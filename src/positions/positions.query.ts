import { Injectable } from '@nestjs/common';
import type { PartialDate } from '../common/dates/partial-date.js';
import { ReadRouter } from '../database/read-routing/read-router.js';
import { Names, readNames } from '../names/names.js';
import { prepared } from '../database/prepared.js';
import { SqlParams } from '../database/sql-params.js';
import { type AsOf } from '../statements/read-model/as-of.js';
import { latestPer, standing, standingCandidates, uncertain, type StandingScope } from '../stances/standing.query.js';
import type { GridActor, GridTopic, PositionCell, PositionsView } from './positions.view.js';

/**
 * The grid in one round trip: its cells, per actor and topic the standing statement exactly as
 * /v1/stance computes it (the same candidates and the same pick, standing.query.ts), else the latest
 * statement whose partial date covers the date (uncertain), else nothing; and the topics and actors
 * the grid names (those of the cells, and those asked for, which is how the service learns whether they
 * exist). One row of three JSON arrays. The text varies only with the shape of the scope and the kind of
 * `asOf` (a dozen texts at most), so the service prepares it.
 */
export function positionsQuery(scope: StandingScope, on: PartialDate, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const { cte, end } = standingCandidates(scope, on, asOf, params);
  const cell = (alias: string, isUncertain: boolean) => `SELECT ${alias}.actor_id AS "actorId", ${alias}.topic_id AS "topicId", ${alias}.stance,
           ${alias}.stance_score AS "stanceScore", ${alias}.statement_id AS "statementId", ${alias}.stated_at AS "statedAt", ${isUncertain} AS uncertain`;
  const topicIds = scope.topic === undefined ? `SELECT "topicId" FROM cells` : `SELECT "topicId" FROM cells UNION ALL SELECT ${params.add(scope.topic)}::text`;
  const actorIds = scope.actors === undefined ? `SELECT "actorId" FROM cells` : `SELECT unnest(${params.add(scope.actors)}::text[])`;
  const sql = `
    WITH ${cte},
         standing AS (${standing(end)}),
         maybe AS (${latestPer(uncertain(end))}),
         cells AS (
           ${cell('s', false)} FROM standing s
           UNION ALL
           ${cell('m', true)} FROM maybe m
            WHERE NOT EXISTS (SELECT FROM standing s WHERE s.actor_id = m.actor_id AND s.topic_id = m.topic_id))
    SELECT (SELECT coalesce(json_agg(c ORDER BY c."actorId", c."topicId"), '[]') FROM cells c) AS cells,
           (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'proposition', t.proposition)), '[]')
              FROM topics t WHERE t.id IN (${topicIds})) AS topics,
           (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)), '[]')
              FROM actors a WHERE a.id IN (${actorIds})) AS actors`;
  return { sql, values: params.values };
}

@Injectable()
export class Positions {
  constructor(private readonly reads: ReadRouter, private readonly names: Names) {}

  async grid(scope: StandingScope, on: PartialDate, knownAt: Date | undefined): Promise<PositionsView> {
    const asOf: AsOf = knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' };
    const { sql, values } = positionsQuery(scope, on, asOf);
    const [{ cells, topics, actors }]: { cells: PositionCell[]; topics: GridTopic[]; actors: GridActor[] }[] = await this.reads.query(prepared(sql), values);
    // The asked topic and actors are among the rows when they exist: the names are checked without a query of their own.
    await this.names.confirm(readNames({ actor: scope.actors, topic: scope.topic }), (field) => (field === 'actor' ? actors : topics).map((row) => row.id));
    const withCell = new Set(cells.map((c) => c.topicId));
    return {
      topic: scope.topic === undefined ? null : topics.find((t) => t.id === scope.topic) ?? null,
      on: on.text,
      knownAt: knownAt?.toISOString() ?? null,
      topics: topics.filter((t) => withCell.has(t.id)).sort(byTreeOrder),
      actors: actors.sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)),
      cells,
    };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A topic before its subtopics, siblings by id: compared segment by segment. */
function byTreeOrder(a: GridTopic, b: GridTopic): number {
  const x = a.id.split('/');
  const y = b.id.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return compare(x[i], y[i]);
  return x.length - y.length;
}
