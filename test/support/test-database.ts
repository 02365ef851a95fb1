import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { createScratchDatabase } from '../../src/database/scratch-database.js';

/** The server tests run against: a real PostgreSQL, never a fake. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file, so files run in parallel and the append-only
 * log never needs cleaning. Refuses any server database whose name lacks "test".
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const base = new URL(TEST_SERVER_URL);
  if (!base.pathname.includes('test')) {
    throw new Error(`Refusing to run tests against ${base.pathname.slice(1)}: its name lacks "test"`);
  }
  const { name, url, drop } = await createScratchDatabase(base.toString(), 'test_stanceline');
  const dataSource = createDataSource({ url, poolSize: options.poolSize ?? 20 });
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    url,
    name,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await drop();
    },
  };
}
