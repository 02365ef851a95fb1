import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { displayPath } from '../common/paths.js';
import { createDataSource, migrate } from './data-source.js';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.js';
import type { Role } from './embedded/lease.js';

type DatabaseEnvironment = Pick<Environment, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR' | 'DATABASE_QUERY_TIMEOUT_MS'>;

/**
 * The service's database: the server named by DATABASE_URL, or embedded PostgreSQL 18 under DATA_DIR.
 * Either way the same migrations run and the same code talks to it with the same pool. `role` says
 * whether this process is the service or a command-line tool: both share one embedded server.
 */
export class Database implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly dataSource: DataSource,
    readonly embedded: EmbeddedPostgres | undefined,
    /** For people: "embedded PostgreSQL 18 in ./data" or the server's host and database, never a password. */
    readonly description: string,
    /** The migrations this opening applied (none when the schema was current). */
    readonly migrationsApplied: readonly string[],
  ) {}

  static async open(env: DatabaseEnvironment, role: Role = 'service'): Promise<Database> {
    const log = Database.logger;
    const embedded = env.DATABASE_URL ? undefined : await openEmbeddedPostgres({
      dataDir: env.DATA_DIR,
      role,
      logger: { info: (obj, msg) => log.log(obj, msg), warn: (obj, msg) => log.warn(obj, msg) },
    });
    const dataSource = createDataSource({
      url: env.DATABASE_URL ?? embedded!.url,
      poolSize: env.DATABASE_POOL_SIZE,
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    });
    let applied: string[];
    try {
      await dataSource.initialize();
      applied = await migrate(dataSource);
      if (applied.length > 0) log.log({ migrations: applied }, 'migrations applied');
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
      throw error;
    }
    const description = embedded ? `embedded PostgreSQL 18 in ${displayPath(embedded.dataDir)}` : describeServer(env.DATABASE_URL!);
    log.log({ database: description }, 'database ready');
    return new Database(dataSource, embedded, description, applied);
  }

  async close(): Promise<void> {
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    } finally {
      await this.embedded?.close();
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

/** "PostgreSQL at db.example.org:5432, database stanceline": host, port and name only. */
function describeServer(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}, database ${decodeURIComponent(parsed.pathname.slice(1)) || '(default)'}`;
}
