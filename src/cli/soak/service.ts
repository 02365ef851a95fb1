import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startService } from '../support/built-service.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** A database of its own on a PostgreSQL server on this machine, dropped afterwards. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** The soak stays on this machine: it refuses a server that is not on the loopback interface. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const server = new URL(serverUrl);
  if (!LOOPBACK.has(server.hostname)) throw new Error(`the soak runs on loopback only; ${server.hostname} is not a loopback address`);
  const name = `soak_stanceline_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
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
