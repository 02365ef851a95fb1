import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { createDataSource, migrate } from './data-source.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

/**
 * The service's database: the server named by DATABASE_URL, or embedded PostgreSQL under DATA_DIR.
 * Either way the same migrations run and the same code talks to it; the embedded one is served over a
 * single connection, so its pool is 1.
 */
export class Database implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly dataSource: DataSource,
    readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(env: Pick<Environment, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR' | 'DATABASE_QUERY_TIMEOUT_MS'>): Promise<Database> {
    const log = Database.logger;
    const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({
      dataDir: env.DATA_DIR,
      logger: { info: (obj, msg) => log.log(obj, msg), warn: (obj, msg) => log.warn(obj, msg) },
    });
    const dataSource = createDataSource({
      url: env.DATABASE_URL ?? embedded!.url,
      poolSize: embedded ? 1 : env.DATABASE_POOL_SIZE,
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    });
    try {
      await dataSource.initialize();
      const applied = await migrate(dataSource, { exclusive: !embedded });
      if (applied.length > 0) log.log({ migrations: applied }, 'migrations applied');
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      throw error;
    }
    log.log({ embedded: Boolean(embedded) }, 'database ready');
    return new Database(dataSource, embedded);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
