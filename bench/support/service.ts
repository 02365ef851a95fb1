import { startService as startBuiltService } from '../../tools/service/built-service.js';
import { builtFile } from './built.js';

export interface BenchService {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export const EDITOR_KEY = 'bench-editor-key-0123456789abcdef';
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/**
 * The benchmark's own build of the service (dist/bench/src/main.js), started by the shared launcher.
 * LOG_LEVEL=warn: pino's per-request info lines would otherwise be written to a pipe this process has
 * to drain, which costs the shared CPU on both sides of no comparison.
 */
export async function startService(databaseUrl: string, extraEnv: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<BenchService> {
  const service = await startBuiltService({
    DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false',
    API_KEYS: `${EDITOR_KEY}:editor,${ADMIN_KEY}:admin`, WRITE_RATE_LIMIT: '0', ...extraEnv,
  }, { main: builtFile('main.js'), nodeArgs, healthTimeoutMs: 60_000, keepOutput: 8_000 });
  return { url: service.url, pid: service.child.pid!, stop: async () => { await service.stop('SIGTERM'); } };
}

/** The same build on the embedded default: no DATABASE_URL, its own PostgreSQL under `dataDir`. */
export function startEmbeddedService(dataDir: string, nodeArgs: string[] = []): Promise<BenchService> {
  return startService('', { DATABASE_URL: undefined, DATA_DIR: dataDir }, nodeArgs);
}
