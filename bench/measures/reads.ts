import pg from 'pg';
import { parsePartialDate } from '../../src/common/dates/partial-date.js';
import { prepared } from '../../src/database/prepared.js';
import { stanceOnDateQuery } from '../../src/stances/stance-on-date/stance-on-date.query.js';
import { Random } from '../history/random.js';
import { randomDay } from '../history/registries.js';
import type { SyntheticHistory } from '../history/synthetic-history.js';
import { closedLoop, type LoopResult } from '../support/closed-loop.js';
import { HttpClient } from '../support/http-client.js';
import { quantile } from '../support/stats.js';

export interface StanceQuestion { readonly actor: string; readonly topic: string; readonly on: string }

/**
 * "What did X say about Y on D", asked the way users ask it: X any actor, Y one of the topics X speaks
 * on or the branch above it (subtopics included), D a day, month or year between 2015 and 2025.
 * `actors` limits X to the first n actors (the probe actors, whose statements are the same at every size).
 */
export function stanceQuestions(history: SyntheticHistory, count: number, seed: number, actors?: number): StanceQuestion[] {
  const random = new Random(seed);
  const { actorIds } = history.registries;
  return Array.from({ length: count }, () => {
    const a = actors === undefined ? random.int(0, actorIds.length - 1) : random.int(0, actors - 1);
    const leaf = random.pick(history.writer.topicsOf(a));
    const topic = random.chance(0.25) ? leaf.split('/').slice(0, -1).join('/') || leaf : leaf;
    const day = randomDay(random, 2015, 2025);
    const p = random.next();
    return { actor: actorIds[a], topic, on: p < 0.7 ? day : p < 0.9 ? day.slice(0, 7) : day.slice(0, 4) };
  });
}

const stancePath = (q: StanceQuestion) =>
  `/v1/stance?actor=${encodeURIComponent(q.actor)}&topic=${encodeURIComponent(q.topic)}&on=${q.on}`;

/** Stanceline side: GET /v1/stance over `connections` keep-alive connections, cycling through the questions. */
export async function stanceOverHttp(base: string, questions: readonly StanceQuestion[], connections: number, durationMs: number): Promise<LoopResult> {
  return getLoop(base, questions.map(stancePath), connections, durationMs);
}

/**
 * Raw side: the very SQL the service runs for each question (stanceOnDateQuery, which checks the names
 * too), sent on a plain pg pool as the same prepared statement.
 */
export function stanceDirect(pool: pg.Pool, questions: readonly StanceQuestion[], connections: number, durationMs: number): Promise<LoopResult> {
  const queries = questions.map((q) => stanceOnDateQuery(q.actor, q.topic, parsePartialDate(q.on)!, { kind: 'now' }));
  return closedLoop({
    workers: connections, durationMs,
    operation: async (n) => {
      const { sql, values } = queries[n % queries.length];
      await pool.query(prepared(sql), values);
    },
  });
}

/** A timeline page: the first 50 statements of an actor, GET /v1/statements?actor=X&limit=50. */
export function timelinePaths(actors: readonly string[]): string[] {
  return actors.map((actor) => `/v1/statements?actor=${encodeURIComponent(actor)}&limit=50`);
}

export async function getLoop(base: string, paths: readonly string[], connections: number, durationMs: number): Promise<LoopResult> {
  const http = new HttpClient(base, connections);
  try {
    return await closedLoop({ workers: connections, durationMs, operation: async (n) => { await http.expect(200, 'GET', paths[n % paths.length]); } });
  } finally {
    http.close();
  }
}

/**
 * The database's own share of a stance answer: EXPLAIN (ANALYZE) of the service's SQL for each
 * question, one at a time, as the service runs it: prepared once on one connection, then executed with
 * each question's values, so PostgreSQL plans as it does for the service (a plan for the values the
 * first five times, then the generic plan when it is estimated no dearer). Median planning and
 * execution time in ms, how many executions used the generic plan, and the plan of the last.
 */
export async function explainStance(pool: pg.Pool, questions: readonly StanceQuestion[]): Promise<{ planningMs: number; executionMs: number; genericPlans: number; plan: string }> {
  const planning: number[] = [];
  const execution: number[] = [];
  const queries = questions.map((q) => stanceOnDateQuery(q.actor, q.topic, parsePartialDate(q.on)!, { kind: 'now' }));
  const client = await pool.connect();
  try {
    await client.query(`PREPARE explained_stance AS ${queries[0].sql}`);
    // EXECUTE takes no bind parameters: the values (text, and arrays of text) go as literals.
    const literal = (v: unknown): string => (Array.isArray(v) ? `ARRAY[${v.map(literal).join(', ')}]` : pg.escapeLiteral(String(v)));
    const execute = (values: readonly unknown[]) => `EXECUTE explained_stance(${values.map(literal).join(', ')})`;
    for (const { sql, values } of queries) {
      if (sql !== queries[0].sql) throw new Error('the stance questions should share one SQL text');
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute(values)}`);
      const [result] = rows[0]['QUERY PLAN'] as { 'Planning Time': number; 'Execution Time': number }[];
      planning.push(result['Planning Time']);
      execution.push(result['Execution Time']);
    }
    const [{ generic_plans: genericPlans }] = (await client.query(`SELECT generic_plans FROM pg_prepared_statements WHERE name = 'explained_stance'`)).rows;
    const plan = (await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${execute(queries.at(-1)!.values)}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
    return { planningMs: quantile(planning, 0.5), executionMs: quantile(execution, 0.5), genericPlans: Number(genericPlans), plan };
  } finally {
    await client.query('DEALLOCATE explained_stance').catch(() => undefined);
    client.release();
  }
}
