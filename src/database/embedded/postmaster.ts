import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresBinaries } from './binaries.js';
import { run } from './cluster.js';
import type { ServerAccount } from './server-account.js';

/** What postmaster.pid says about the server running on a cluster (PostgreSQL's own lock file). */
export interface Postmaster {
  readonly pid: number;
  readonly port: number;
  /** `starting`, `ready`, `stopping` (PostgreSQL 10+ keep it up to date). */
  readonly status: string;
  readonly alive: boolean;
}

export function readPostmaster(cluster: string): Postmaster | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!(pid > 0) || !(port > 0)) return undefined; // being written: read again shortly
  return { pid, port, status: (lines[7] ?? '').trim(), alive: isAlive(pid) };
}

/**
 * Starts the server with pg_ctl on a free loopback port and waits until it accepts connections. pg_ctl
 * puts the server in a session of its own, so it outlives this process and a Ctrl-C at the terminal does
 * not reach it: it is stopped by whoever is last to use it (lease.ts). PostgreSQL's own lock file
 * (postmaster.pid) keeps a second server off the same directory, however the starts interleave.
 */
export async function startServer(cluster: string, binaries: PostgresBinaries, account?: ServerAccount): Promise<void> {
  const port = await freePort();
  const log = join(cluster, 'server.log');
  try {
    await run(binaries.pg_ctl, ['start', '-D', cluster, '-l', log, '-o', `-p ${port}`, '-w', '-t', '300', '-s'], account);
  } catch (error) {
    throw new Error(`${(error as Error).message} (server log: ${logTail(log)})`);
  }
}

/**
 * Fast shutdown (SIGINT, what `pg_ctl stop -m fast` sends): open sessions are ended, the server writes a
 * checkpoint and exits. Waits until it has gone; with a hang guard far above a normal shutdown.
 */
export async function stopServer(cluster: string, pid: number, timeoutMs = 120_000): Promise<boolean> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return true; // already gone
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || !existsSync(join(cluster, 'postmaster.pid'))) return true;
    await sleep(50);
  }
  return false;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' / ');
  } catch {
    return 'none';
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
