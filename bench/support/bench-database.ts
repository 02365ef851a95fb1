import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { createScratchDatabase } from '../../src/database/scratch-database.js';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** The service's own data source shape (TypeORM, same pool options), migrated. */
  readonly dataSource: DataSource;
  /** A plain node-postgres pool on the same database: the raw side of every comparison. */
  readonly pool: pg.Pool;
  drop(): Promise<void>;
}

const created = new Set<BenchDatabase>();

/** Drops every database this process created and has not dropped yet (at the end, on failure, on Ctrl-C). */
export async function dropAllBenchDatabases(): Promise<void> {
  await Promise.all([...created].map((db) => db.drop()));
}

/** Never create or drop a database unless its name says it belongs to the benchmark. */
function requireBenchName(name: string): void {
  if (!/^bench_[a-z0-9_]+$/.test(name) || !name.includes('bench')) throw new Error(`refusing database ${name}: not a bench_ database`);
}

/** A fresh, migrated database `bench_<random>_<label>` on the server of `serverUrl`, dropped afterwards. */
export async function createBenchDatabase(serverUrl: string, label: string, poolSize = 20): Promise<BenchDatabase> {
  requireBenchName(`bench_${label}`);
  const scratch = await createScratchDatabase(serverUrl, 'bench', label);
  const { name, url } = scratch;
  // The bench's own long reads (a whole-log scan) need more than the service's 30 s statement timeout.
  const dataSource = createDataSource({ url, poolSize, queryTimeoutMs: 3_600_000 });
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'bench-raw' });
  // An idle connection cut by DROP DATABASE ... WITH (FORCE) reports an error nobody is waiting for.
  pool.on('error', () => undefined);
  const db: BenchDatabase = {
    name, url, dataSource, pool,
    async drop() {
      created.delete(db);
      await pool.end().catch(() => undefined);
      if (dataSource.isInitialized) await dataSource.destroy();
      requireBenchName(name);
      await scratch.drop();
    },
  };
  created.add(db);
  await dataSource.initialize();
  await migrate(dataSource);
  return db;
}

/** An events-shaped table for the raw side: same columns, defaults, identity, keys and indexes, no trigger. */
export async function createRawEventsTable(pool: pg.Pool, table = 'raw_events'): Promise<string> {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
  await pool.query(`CREATE TABLE ${table} (LIKE events INCLUDING ALL)`);
  return table;
}
