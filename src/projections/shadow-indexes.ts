import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ident, inSchema, standaloneIndexes } from './shadow-tables.js';

// Lets a build sort a 1M-row table's keys in memory rather than in temporary files (the server's default
// is 64MB). Builds run one at a time, so this is asked for once, for the length of one CREATE INDEX.
export const BUILD_MEMORY = '256MB';

/**
 * Builds, on the filled copies, every index of public's tables that the copies still lack: the ones
 * the replay went without (prepareShadow leaves out all but keys and unique indexes), one sorted build
 * each instead of row-by-row upkeep. The list is read from public at this point, never kept, and each
 * build is a transaction of its own: a rebuild that died half-way builds what is missing, once. A build
 * has no time limit: it is the rebuild's own work, not a request's query.
 */
export async function buildDeferredIndexes(dataSource: DataSource, schema: string, tables: readonly string[], logger: Logger): Promise<void> {
  const started = Date.now();
  let built = 0;
  let present = 0;
  for (const table of tables) {
    const existing: { name: string }[] = await dataSource.query(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table]);
    const names = new Set(existing.map((e) => e.name));
    for (const index of await standaloneIndexes(dataSource.manager, table)) {
      if (names.has(index.name)) {
        present++;
        continue;
      }
      const indexStarted = Date.now();
      await dataSource.transaction(async (db) => {
        await db.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
        // The pool's statement_timeout (DATABASE_QUERY_TIMEOUT_MS, 30 s by default) bounds a request's
        // query; the search documents' GIN index at 1M statements takes close to that on two busy cores.
        await db.query('SET LOCAL statement_timeout = 0');
        await db.query(inSchema(index.def, schema));
      });
      built++;
      logger.log({ schema, table, index: index.name, durationMs: Date.now() - indexStarted }, 'index built on the rebuilt table');
    }
  }
  logger.log({ schema, built, alreadyThere: present, durationMs: Date.now() - started }, 'indexes of the rebuilt tables in place');
}

/**
 * Gives the planner statistics on the rebuilt tables before they are swapped in: otherwise the first
 * queries on a freshly filled 1M-row table are planned blind until autovacuum gets to it. Runs outside
 * the frozen step, so appends are not held up by it.
 */
export async function analyzeShadow(dataSource: DataSource, schema: string, tables: readonly string[], logger: Logger): Promise<void> {
  for (const table of tables) {
    const started = Date.now();
    await dataSource.query(`ANALYZE ${ident(schema)}.${ident(table)}`);
    logger.log({ schema, table, durationMs: Date.now() - started }, 'rebuilt table analyzed');
  }
}
