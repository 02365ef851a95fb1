import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/bootstrap.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const KEYS = {
  editor: 'test-editor-key-0123456789',
  admin: 'test-admin-key-0123456789',
  reader: 'test-reader-key-0123456789',
} as const;

export const auth = (role: keyof typeof KEYS) => ({ Authorization: `Bearer ${KEYS[role]}` });

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: TestAgent;
  readonly db: TestDatabase;
  /** Number of events in the log: what "nothing was written" is checked against. */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** The whole service, as main.ts builds it, on a fresh real PostgreSQL database of its own. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase({ poolSize: 2 });
  const app = await createApp(loadEnvironment({
    DATABASE_URL: db.url,
    API_KEYS: `${KEYS.editor}:editor,${KEYS.admin}:admin,${KEYS.reader}:reader`,
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY: 'false',
    ...env,
  }));
  await app.init();
  // Fastify loads its plugins and routes when it is ready, which listen() waits for and supertest does not.
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    http: request(app.getHttpServer()),
    async eventCount() {
      const [row] = await db.dataSource.query('SELECT count(*)::int AS n FROM events');
      return row.n;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
