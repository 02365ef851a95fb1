import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths.js';
import { startService, type ServiceProcess } from './service-process.js';
import { KEYS } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface SeededService {
  readonly service: ServiceProcess;
  readonly url: string;
  /** A write through the API, with the editor key; throws unless it answers 2xx. */
  post(path: string, body: object): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The built service (dist/, page included) as its own process on a fresh PostgreSQL database, loaded with
 * the seed article at start, as a new user first meets it.
 */
export async function startSeededService(): Promise<SeededService> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  const db: TestDatabase = await createTestDatabase({ poolSize: 1 });
  const service = await startService({
    DATABASE_URL: db.url,
    SEED_ON_EMPTY: 'true',
    API_KEYS: `${KEYS.editor}:editor,${KEYS.reader}:reader`,
    LOG_LEVEL: 'warn',
  });
  return {
    service,
    url: service.url,
    async post(path, body) {
      const res = await fetch(`${service.url}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.editor}` }, body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
