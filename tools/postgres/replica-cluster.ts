import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL primary and a hot-standby streaming replica of it, made by the test in a temporary
 * directory (initdb, then pg_basebackup) on free ports, and removed afterwards. Debian's PostgreSQL 15
 * server binaries are used (PG_BIN overrides): present on this machine and on CI, and they include
 * pg_basebackup and pg_stat_statements, which the replica tests need. Run as root, the servers run as
 * the unprivileged `postgres` user (PostgreSQL refuses root). The machine's own server is never touched.
 */
export interface ReplicaCluster {
  readonly primaryUrl: string;
  readonly replicaUrl: string;
  /** Runs SQL on the primary or the replica, in the cluster's database. */
  sql<T = Record<string, unknown>>(server: 'primary' | 'replica', text: string, values?: unknown[]): Promise<T[]>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  destroy(): Promise<void>;
}

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export class ServerBinariesMissingError extends Error {
  constructor(bin: string) {
    super(`PostgreSQL server binaries not found in ${bin} (apt-get install postgresql-15, or set PG_BIN)`);
  }
}
const DATABASE = 'stanceline_replicas';

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  if (!existsSync(join(BIN, 'pg_basebackup'))) throw new ServerBinariesMissingError(BIN);
  const owner = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'stanceline-replicas-'));
  chmodSync(dir, 0o755);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (tool: string, args: string[]) => new Promise<void>((resolve, reject) => {
    // cwd: the servers' user may not enter the test's working directory (a checkout under /root).
    execFile(join(BIN, tool), args, { ...owner, cwd: dir, env: { ...process.env, HOME: dir }, timeout: 180_000 }, (error, _out, stderr) =>
      (error ? reject(new Error(`${tool} failed: ${error.message}\n${stderr}`)) : resolve()));
  });
  const primaryPort = await freePort();
  let replicaPort = await freePort();
  while (replicaPort === primaryPort) replicaPort = await freePort();
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const pgCtl = (data: string, action: string[]) => run('pg_ctl', ['-D', data, '-l', `${data}.log`, '-w', '-t', '180', ...action]);
  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
  const running = new Set<string>();

  const destroy = async () => {
    for (const data of [replicaDir, primaryDir]) {
      if (running.has(data)) await pgCtl(data, ['-m', 'immediate', 'stop']).catch(() => undefined);
      running.delete(data);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    appendFileSync(join(primaryDir, 'postgresql.conf'), [
      `port = ${primaryPort}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`,
      'wal_level = replica', 'max_wal_senders = 4', 'wal_keep_size = 512MB', 'hot_standby = on', 'hot_standby_feedback = on',
      // A test cluster: losing it on a power cut costs nothing, and fsync is slow on a loaded CI disk.
      'fsync = off', 'synchronous_commit = on', 'max_connections = 200',
      `shared_preload_libraries = 'pg_stat_statements'`, '',
    ].join('\n'));
    await pgCtl(primaryDir, ['start']);
    running.add(primaryDir);
    await run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    appendFileSync(join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await onServer(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, `CREATE DATABASE ${DATABASE}`);
    await onServer(url(primaryPort), 'CREATE EXTENSION pg_stat_statements');
    await pgCtl(replicaDir, ['start']);
    running.add(replicaDir);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    sql: (server, text, values) => onServer(url(server === 'primary' ? primaryPort : replicaPort), text, values),
    stopReplica: async () => { await pgCtl(replicaDir, ['-m', 'fast', 'stop']); running.delete(replicaDir); },
    startReplica: async () => { await pgCtl(replicaDir, ['start']); running.add(replicaDir); },
    destroy,
  };
}

async function onServer<T>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
