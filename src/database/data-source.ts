import { DataSource, MigrationExecutor } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  /** statement_timeout on the server; default 30 s. */
  queryTimeoutMs?: number;
}

/**
 * The one DataSource shape for the service, the CLI and the tests. Timeouts keep a request from hanging
 * when the server is gone: acquiring a connection gives up after 5 s; the server cancels a statement after
 * `queryTimeoutMs`, and when no answer comes at all (a half-open connection: the server or the network
 * vanished without closing it) the client gives up a little later, so a request ends in a 503, not a hang.
 * TCP keep-alive lets the OS notice such dead connections while idle in the pool. A session that stops
 * talking inside a transaction (its process frozen or cut off) is ended by the server, so the row and
 * advisory locks it holds (a projection's checkpoint, a stream's write lock) pass to another process.
 */
export function createDataSource({ url, poolSize, queryTimeoutMs = 30_000 }: DatabaseOptions): DataSource {
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
      statement_timeout: queryTimeoutMs,
      query_timeout: queryTimeoutMs + 2_000,
      idle_in_transaction_session_timeout: Math.max(60_000, queryTimeoutMs),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: 'stanceline',
    },
  });
}

/** Whether the database answers at all: the health check's probe. */
export async function ping(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}

/** The size of a data source's pool: what createDataSource set, or pg's default of 10. */
export function poolSizeOf(dataSource: DataSource): number {
  return (dataSource.options.extra as { max?: number } | undefined)?.max ?? 10;
}

const MIGRATION_LOCK = 0x5354414e; // "STAN": one migrator at a time across processes

/**
 * Applies pending migrations. Several processes may start together (instances on a shared server, or the
 * service and a command-line tool on one embedded server), so they take turns under an advisory lock.
 * The migrations run on the connection that holds the lock, so a pool of one connection is enough.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    return (await executor.executePendingMigrations()).map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
