import { startService as startBuiltService } from '../../tools/service/built-service.js';
import { builtFile } from './built.js';

export interface BenchService {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export const EDITOR_KEY = 'bench-editor-key-0123456789abcdef';
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

const startSeconds: number[] = [];

/** How many services this run started and how long they took to answer /health, for the notes. */
export function serviceStarts(): string {
  const total = startSeconds.reduce((sum, s) => sum + s, 0);
  return `${startSeconds.length} service starts took ${total.toFixed(1)} s (${startSeconds.map((s) => s.toFixed(1)).join(', ')} s)`;
}

/**
 * The benchmark's own build of the service (dist/bench/src/main.js), started by the shared launcher.
 * LOG_LEVEL=warn: pino's per-request info lines would otherwise be written to a pipe this process has
 * to drain, which costs the shared CPU on both sides of no comparison.
 */
export async function startService(databaseUrl: string, extraEnv: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<BenchService> {
  const started = performance.now();
  const service = await startBuiltService({
    DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false',
    API_KEYS: `${EDITOR_KEY}:editor,${ADMIN_KEY}:admin`, WRITE_RATE_LIMIT: '0', ...extraEnv,
  }, { main: builtFile('main.js'), nodeArgs, healthTimeoutMs: 60_000, keepOutput: 8_000 });
  startSeconds.push((performance.now() - started) / 1000);
  return { url: service.url, pid: service.child.pid!, stop: async () => { await service.stop('SIGTERM'); } };
}

/** The same build on the embedded default: no DATABASE_URL, its own PostgreSQL under `dataDir`. */
export function startEmbeddedService(dataDir: string, nodeArgs: string[] = []): Promise<BenchService> {
  return startService('', { DATABASE_URL: undefined, DATA_DIR: dataDir }, nodeArgs);
}

/**
 * Several services started at once (each start is mostly one core's work for a second or more, and the
 * machine has two): all of them, or none left running and the first failure thrown.
 */
export async function startServices(starts: readonly (() => Promise<BenchService>)[]): Promise<BenchService[]> {
  const results = await Promise.allSettled(starts.map((start) => start()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const services = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (!failed) return services;
  await Promise.all(services.map((s) => s.stop()));
  throw failed.reason;
}
