import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * One statement on the data source's own pg pool, without a TypeORM query runner (made, connected,
 * broadcast to and released on every call): for the write path's single statement, where that was a
 * measurable share of a request. The same pool, so the same size, limits and timeouts; errors are pg's
 * own rather than TypeORM's wrapper, which pgError and the problem filter read alike. A data source
 * without a pg pool (not initialised, or a stand-in) is asked as usual.
 */
export async function queryOnPool<Row>(dataSource: DataSource, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as { master?: pg.Pool } | undefined)?.master;
  if (!pool) return dataSource.query(sql, params as unknown[]);
  // `sql` may be a prepared() config, which pg takes where the text goes.
  return (await pool.query(sql as unknown as pg.QueryConfig, params as unknown[])).rows as Row[];
}
