import { Injectable } from '@nestjs/common';
import type { PartialDate } from '../common/dates/partial-date.js';
import { ReadRouter } from '../database/read-routing/read-router.js';
import { knownColumn, Names, readNames } from '../names/names.js';
import { prepared } from '../database/prepared.js';
import { SqlParams } from '../database/sql-params.js';
import { type AsOf } from '../statements/read-model/as-of.js';
import { latestPer, standing, standingCandidates, uncertain, type StandingScope } from '../stances/standing.query.js';

/** The names a grid asks about: checked in the grid's own round trip. */
const gridNames = (scope: StandingScope) => readNames({ actor: scope.actors, topic: scope.topic });

/**
 * The grid in one round trip, written by PostgreSQL as the JSON text of a PositionsView: its cells, per
 * actor and topic the standing statement exactly as /v1/stance computes it (the same candidates and the
 * same pick, standing.query.ts), else the latest statement whose partial date covers the date (uncertain),
 * else nothing; the topics of the cells in tree order (a topic before its subtopics, compared segment by
 * segment), the actors asked for (else those of the cells) by name, ties by id; and beside it the asked
 * names that name records (the knownColumn arrays Names.confirm reads). The service sends the text as it
 * comes, so a cell never becomes an object in Node, however large the grid. The text varies only with
 * the shape of the scope and the kind of `asOf` (a dozen texts at most), so the service prepares it.
 */
export function positionsQuery(scope: StandingScope, on: PartialDate, asOf: AsOf): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const { cte, end } = standingCandidates(scope, on, asOf, params);
  const cell = (alias: string, isUncertain: boolean) => `SELECT ${alias}.actor_id AS "actorId", ${alias}.topic_id AS "topicId", ${alias}.stance,
           ${alias}.stance_score AS "stanceScore", ${alias}.statement_id AS "statementId", ${alias}.stated_at AS "statedAt", ${isUncertain} AS uncertain`;
  const topic = scope.topic === undefined ? undefined : params.add(scope.topic);
  const topicIds = topic === undefined ? `SELECT "topicId" FROM cells` : `SELECT "topicId" FROM cells UNION ALL SELECT ${topic}::text`;
  const actorIds = scope.actors === undefined ? `SELECT "actorId" FROM cells` : `SELECT unnest(${params.add(scope.actors)}::text[])`;
  const knownAt = asOf.kind === 'known-at' ? `${params.add(asOf.knownAt.toISOString())}::text` : 'NULL::text';
  // The asked topic and actors are among the grid's own rows when they exist (knownColumn, for Names.confirm).
  const known = [
    ...topic === undefined ? [] : [`ARRAY(SELECT n.id FROM named n WHERE n.id = ${topic}) AS "${knownColumn('topic')}"`],
    ...scope.actors === undefined ? [] : [`ARRAY(SELECT l.id FROM listed l) AS "${knownColumn('actor')}"`],
  ];
  const sql = `
    WITH ${cte},
         standing AS (${standing(end)}),
         maybe AS (${latestPer(uncertain(end))}),
         cells AS (
           ${cell('s', false)} FROM standing s
           UNION ALL
           ${cell('m', true)} FROM maybe m
            WHERE NOT EXISTS (SELECT FROM standing s WHERE s.actor_id = m.actor_id AND s.topic_id = m.topic_id)),
         named AS (
           SELECT t.id, json_build_object('id', t.id, 'title', t.title, 'proposition', t.proposition) AS topic
             FROM topics t WHERE t.id IN (${topicIds})),
         listed AS (SELECT a.id, a.name FROM actors a WHERE a.id IN (${actorIds}))
    SELECT ${known.map((column) => `${column}, `).join('')}json_build_object(
             'topic', ${topic === undefined ? 'NULL::json' : `(SELECT n.topic FROM named n WHERE n.id = ${topic})`},
             'on', ${params.add(on.text)}::text,
             'knownAt', ${knownAt},
             'topics', (SELECT coalesce(json_agg(n.topic ORDER BY string_to_array(n.id, '/') COLLATE "C"), '[]')
                          FROM named n WHERE n.id IN (SELECT "topicId" FROM cells)),
             'actors', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name) ORDER BY l.name COLLATE "C", l.id COLLATE "C"), '[]')
                          FROM listed l),
             'cells', (SELECT coalesce(json_agg(c ORDER BY c."actorId", c."topicId"), '[]') FROM cells c))::text AS grid`;
  return { sql, values: params.values };
}

@Injectable()
export class Positions {
  constructor(private readonly reads: ReadRouter, private readonly names: Names) {}

  /** The grid as the JSON text of a PositionsView; the 404 with suggestions when the topic or an actor names nothing recorded. */
  async grid(scope: StandingScope, on: PartialDate, knownAt: Date | undefined): Promise<string> {
    const asOf: AsOf = knownAt ? { kind: 'known-at', knownAt } : { kind: 'now' };
    const { sql, values } = positionsQuery(scope, on, asOf);
    const [row]: (Record<string, string[]> & { grid: string })[] = await this.reads.query(prepared(sql), values);
    await this.names.confirm(gridNames(scope), (field) => row[knownColumn(field)]);
    return row.grid;
  }
}
