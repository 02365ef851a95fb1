import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths.js';

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process printed (all of it, or the last `keepOutput` characters). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  waitForHealth?: boolean;
  healthTimeoutMs?: number;
  /** Keep only the tail of the output, for long runs (the soak) whose logs would otherwise pile up. */
  keepOutput?: number;
  /** The service's entry point: dist/src/main.js unless a caller built its own copy (the benchmark). */
  main?: string;
  /** Options for node itself, before the entry point (the benchmark's --cpu-prof). */
  nodeArgs?: string[];
  /** Run as this user (the tests that start it as a non-root user); default: as this process. */
  user?: { uid: number; gid: number };
}

/**
 * The built service (dist/src/main.js) as its own process on a free loopback port, the way a user starts
 * it: for the tests that kill or cut it, the soak and the benchmark. Run `npm run build` first.
 */
export async function startService(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, LOG_LEVEL: 'info', ...env, PORT: String(port), HOST: '127.0.0.1' })) {
    if (v !== undefined) childEnv[k] = v;
  }
  const child = spawn(process.execPath, [...options.nodeArgs ?? [], options.main ?? join(PROJECT_ROOT, 'dist/src/main.js')],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], ...options.user });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.keepOutput !== undefined && output.length > options.keepOutput) output = output.slice(-options.keepOutput);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
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
  if (options.waitForHealth !== false) await waitForHealth(service, options.healthTimeoutMs ?? 30_000);
  return service;
}

/** Milliseconds until `/health` answered 200; throws with the process's output if it exits or never does. */
export async function waitForHealth(service: ServiceProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (service.child.exitCode !== null) throw new Error(`service exited (${service.child.exitCode}):\n${service.output()}`);
    const healthy = await fetch(`${service.url}/health`).then((res) => res.status === 200, () => false);
    if (healthy) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
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
