import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { builtFile } from './built.js';

export interface BenchService {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export const EDITOR_KEY = 'bench-editor-key-0123456789abcdef';
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/**
 * The built service (dist/bench/src/main.js) as its own process, as it runs in production, on a free
 * loopback port. LOG_LEVEL=warn: pino's per-request info lines would otherwise be written to a pipe this
 * process has to drain, which costs the shared CPU on both sides of no comparison.
 */
export async function startService(databaseUrl: string, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchService> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, builtFile('main.js')], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false', API_KEYS: `${EDITOR_KEY}:editor,${ADMIN_KEY}:admin`, WRITE_RATE_LIMIT: '0', ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-8_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${tail}`);
    if (Date.now() - started > 60_000) throw new Error(`the service did not answer /health within 60 s:\n${tail}`);
    if (await fetch(`${url}/health`).then((r) => r.status === 200, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}
