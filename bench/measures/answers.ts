import type pg from 'pg';
import { parsePartialDate } from '../../src/common/dates/partial-date.js';
import { prepared } from '../../src/database/prepared.js';
import { positionsQuery } from '../../src/positions/positions.query.js';
import { timelineQuery } from '../../src/statements/read-model/list-statements/statement-timeline.query.js';
import { TOPICS_TITLED } from '../../src/topics/topics.query.js';
import { closedLoop, type LoopResult } from '../support/closed-loop.js';

/** A search of what was said, as GET /v1/statements?q= asks it (first page of 50, relevance order). */
export const searchPath = (q: string) => `/v1/statements?q=${encodeURIComponent(q)}&limit=50`;

/** Raw side of a search: the SQL the service runs for a first page (the topics titled so, then timelineQuery), on a plain pool. */
export function searchDirect(pool: pg.Pool, q: string, connections: number, durationMs: number): Promise<LoopResult> {
  return closedLoop({
    workers: connections, durationMs,
    operation: async () => {
      const { rows } = await pool.query(TOPICS_TITLED, [q]);
      const { sql, values } = timelineQuery({ text: q, titled: rows.map((r: { id: string }) => r.id) }, { kind: 'now' }, undefined, 51, 'relevance');
      await pool.query(sql, values);
    },
  });
}

export interface GridQuestion { readonly topic: string; readonly actors: readonly string[]; readonly on: string }

export const positionsPath = (g: GridQuestion) =>
  `/v1/positions?topic=${encodeURIComponent(g.topic)}&on=${g.on}${g.actors.map((a) => `&actor=${encodeURIComponent(a)}`).join('')}`;

/** Raw side of the grid: the cells' SQL (positionsQuery), as the service runs it: the same prepared statement. */
export function positionsDirect(pool: pg.Pool, g: GridQuestion, connections: number, durationMs: number): Promise<LoopResult> {
  const { sql, values } = positionsQuery({ topic: g.topic, actors: g.actors }, parsePartialDate(g.on)!, { kind: 'now' });
  const statement = prepared(sql);
  return closedLoop({ workers: connections, durationMs, operation: async () => { await pool.query(statement, values); } });
}

/** How many current statements a search matches, for the notes. */
export async function matchCount(pool: pg.Pool, q: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM statement_versions WHERE recorded_to IS NULL AND document @@ websearch_to_tsquery('pg_catalog.english', $1)`, [q]);
  return rows[0].n;
}
