import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
}

/**
 * The one DataSource shape for the service, the CLI and the tests. Timeouts keep a request from hanging
 * when the server is gone: acquiring a connection gives up after 5 s, a statement after 30 s.
 */
export function createDataSource({ url, poolSize }: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    installExtensions: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      application_name: 'stanceline',
    },
  });
}

const MIGRATION_LOCK = 0x5354414e; // "STAN": one migrator at a time across processes

/**
 * Applies pending migrations. On a shared server several instances may start together, so they take
 * turns under an advisory lock; the embedded database has one process and a single connection, so the
 * lock (which would hold that connection) is skipped there.
 */
export async function migrate(dataSource: DataSource, { exclusive }: { exclusive: boolean }): Promise<string[]> {
  if (!exclusive) return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
