import { createScratchDatabase, type ScratchDatabase } from '../../src/database/scratch-database.js';
import { startService } from '../service/built-service.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The soak stays on this machine: it refuses a server that is not on the loopback interface. */
export async function createSoakDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const { hostname } = new URL(serverUrl);
  if (!LOOPBACK.has(hostname)) throw new Error(`the soak runs on loopback only; ${hostname} is not a loopback address`);
  return createScratchDatabase(serverUrl, 'soak_stanceline');
}

export interface RunningService {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The built service on a free loopback port, answering /health. */
export async function startBuiltService(env: Record<string, string>, log: (line: string) => void): Promise<RunningService> {
  const started = Date.now();
  const service = await startService(env, { healthTimeoutMs: 60_000, keepOutput: 20_000 });
  log(`service started (pid ${service.child.pid}) at ${service.url} in ${Date.now() - started} ms`);
  return { url: service.url, pid: service.child.pid!, stop: async () => { await service.stop('SIGTERM'); } };
}
