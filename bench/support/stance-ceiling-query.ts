import pg from 'pg';
import { parsePartialDate } from '../../src/common/dates/partial-date.js';
import { prepared } from '../../src/database/prepared.js';
import { NOW } from '../../src/statements/read-model/as-of.js';
import { stanceOnDateQuery } from '../../src/stances/stance-on-date/stance-on-date.query.js';

/**
 * The work every stance ceiling does (stance-ceiling.ts): a pool sized as the service's (DATABASE_POOL_SIZE's
 * default, 10 connections) that, like it, keeps idle connections 30 s, so the other sides' turns do not
 * close them; and the service's prepared stance statement run for one question, its rows as they come.
 */
export function ceilingPool(name: string): pg.Pool {
  return new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 30_000, application_name: name });
}

/** The statement's rows for the question, or undefined when `on` is not a date (the caller answers 400). */
export async function stanceRows(pool: pg.Pool, actor: string, topic: string, onText: string): Promise<unknown[] | undefined> {
  const on = parsePartialDate(onText);
  if (!on) return undefined;
  const { sql, values } = stanceOnDateQuery(actor, topic, on, NOW);
  return (await pool.query(prepared(sql) as unknown as pg.QueryConfig, values)).rows;
}
