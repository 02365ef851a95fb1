import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths.js';

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The built service (dist/) as its own process, the way a user starts it. Run `npm run build` first. */
export async function startService(env: Record<string, string | undefined>, options: { waitForHealth?: boolean } = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, LOG_LEVEL: 'info', ...env, PORT: String(port), HOST: '127.0.0.1' })) {
    if (v !== undefined) childEnv[k] = v;
  }
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/main.js')], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  const service: ServiceProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
  if (options.waitForHealth !== false) await waitForHealth(service, 30_000);
  return service;
}

export async function waitForHealth(service: ServiceProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (service.child.exitCode !== null) throw new Error(`service exited (${service.child.exitCode}):\n${service.output()}`);
    try {
      const res = await fetch(`${service.url}/health`);
      if (res.status === 200) return Date.now() - started;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms:\n${service.output()}`);
}

export function exited(service: ServiceProcess): Promise<number | null> {
  // A process killed by a signal keeps exitCode null: signalCode says it has gone.
  if (service.child.exitCode !== null || service.child.signalCode !== null) return Promise.resolve(service.child.exitCode);
  return once(service.child, 'exit').then(([code]) => code as number | null);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}
