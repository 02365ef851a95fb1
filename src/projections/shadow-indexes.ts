import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ident, inSchema, standaloneIndexes, type IndexDefinition } from './shadow-tables.js';

// Lets a build sort a 1M-row table's keys in memory rather than in temporary files (the server's default
// is 64MB). At most BUILDS_AT_ONCE builds run together, so this is asked for twice at most, each for the
// length of one CREATE INDEX.
export const BUILD_MEMORY = '256MB';
/**
 * B-tree builds already spread over the server's parallel maintenance workers; a GIN build (the search
 * documents', the longest of all) runs on one core. Two builds at once keep a second core busy beside it.
 */
const BUILDS_AT_ONCE = 2;

/**
 * Builds, on the filled copies, every index of public's tables that the copies still lack: the ones
 * the replay went without (prepareShadow leaves out all but keys and unique indexes), one sorted build
 * each instead of row-by-row upkeep, two at a time. The list is read from public at this point, never
 * kept, and each build is a transaction of its own: a rebuild that died half-way builds what is missing,
 * once.
 */
export async function buildDeferredIndexes(dataSource: DataSource, schema: string, tables: readonly string[], logger: Logger): Promise<void> {
  const started = Date.now();
  const missing: { table: string; index: IndexDefinition }[] = [];
  let present = 0;
  for (const table of tables) {
    const existing: { name: string }[] = await dataSource.query(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [schema, table]);
    const names = new Set(existing.map((e) => e.name));
    for (const index of await standaloneIndexes(dataSource.manager, table)) {
      if (names.has(index.name)) present++;
      else missing.push({ table, index });
    }
  }
  // The builds that run on one core first (GIN), so that the B-tree builds run beside them, not after.
  const queue = [...missing].sort((a, b) => Number(isBtree(a.index)) - Number(isBtree(b.index)));
  let failed = false;
  const builder = async () => {
    for (let next = queue.shift(); next && !failed; next = queue.shift()) {
      const indexStarted = Date.now();
      try {
        await dataSource.transaction(async (db) => {
          await db.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
          await db.query(inSchema(next.index.def, schema));
        });
      } catch (error) {
        // The other builder ends the build it is on and starts no other.
        failed = true;
        throw error;
      }
      logger.log({ schema, table: next.table, index: next.index.name, durationMs: Date.now() - indexStarted }, 'index built on the rebuilt table');
    }
  };
  const builders = await Promise.allSettled(Array.from({ length: BUILDS_AT_ONCE }, builder));
  for (const b of builders) if (b.status === 'rejected') throw b.reason;
  logger.log({ schema, built: missing.length, alreadyThere: present, durationMs: Date.now() - started }, 'indexes of the rebuilt tables in place');
}

const isBtree = (index: IndexDefinition) => / USING btree /.test(index.def);

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
