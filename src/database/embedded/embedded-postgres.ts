import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { postgresBinaries } from './binaries.js';
import { CLUSTER_DIR, ensureCluster, loadOrCreatePassword, refuseUnreadableData, SUPERUSER } from './cluster.js';
import { EmbeddedStartRefused } from './errors.js';
import { Lease, type Role } from './lease.js';
import { readPostmaster, startServer, stopServer } from './postmaster.js';
import { checkReachable, reachableBinaries, serverAccount } from './server-account.js';

export interface EmbeddedPostgres {
  readonly url: string;
  readonly dataDir: string;
  /** Gives this process's lease back, stopping the server if no other process uses it. */
  close(): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A hang guard: a start normally takes well under a second (a fresh cluster, a few). */
const ATTACH_TIMEOUT_MS = 300_000;

/**
 * Embedded PostgreSQL 18 under DATA_DIR: the same server program as production, with its own cluster in
 * DATA_DIR/postgres. One server per directory, shared by the service and any command-line tool: the
 * first process that needs it starts it (pg_ctl), later ones connect to it, the last one to let go
 * stops it (lease.ts explains why that is safe). A server left running by a process that was killed
 * (kill -9) is found through its postmaster.pid and adopted by the next process.
 */
export async function openEmbeddedPostgres(options: { dataDir: string; role: Role; logger: Logger }): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const { logger, role } = options;
  const startedAt = Date.now();
  mkdirSync(dataDir, { recursive: true });
  refuseUnreadableData(dataDir);
  const account = serverAccount();
  if (account) checkReachable(account, dataDir);
  const installed = await postgresBinaries();
  const { binaries, copiedTo } = account ? reachableBinaries(account, installed) : { binaries: installed, copiedTo: undefined };
  if (copiedTo) logger.info({ from: installed.root, to: copiedTo }, `copied the PostgreSQL programs where the user ${account!.name} can run them`);
  const password = loadOrCreatePassword(dataDir);
  const created = await ensureCluster(dataDir, password, binaries, account);
  const cluster = join(dataDir, CLUSTER_DIR);

  const deadline = Date.now() + ATTACH_TIMEOUT_MS;
  let lastError: unknown;
  const refusals = new Map<number, number>();
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const running = readPostmaster(cluster);
    let started = false;
    if (!running?.alive) {
      try {
        await startServer(cluster, binaries, account);
        started = true;
      } catch (error) {
        // Lost a race (another process started it, or took the port): look again. Anything else repeats.
        lastError = error;
        if (attempt >= 5 && !readPostmaster(cluster)?.alive) {
          throw new EmbeddedStartRefused(`embedded PostgreSQL in ${cluster} could not start: ${(error as Error).message}`);
        }
        continue;
      }
    } else if (running.status !== 'ready') {
      await sleep(50); // starting or stopping: look again
      continue;
    }
    const postmaster = readPostmaster(cluster);
    if (!postmaster?.alive) continue;
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/postgres`;
    let lease: Lease;
    try {
      lease = await Lease.take(url, role, dataDir);
    } catch (error) {
      if (error instanceof EmbeddedStartRefused) throw error;
      // Usually the server stopped between our look and our lease: start over. A postmaster.pid whose pid
      // lives on but never answers names another program (a pid reused after a crash or reboot).
      lastError = error;
      const refused = (refusals.get(postmaster.pid) ?? 0) + 1;
      refusals.set(postmaster.pid, refused);
      if (refused >= 40) {
        throw new EmbeddedStartRefused(`${join(cluster, 'postmaster.pid')} names pid ${postmaster.pid}, which does not answer as ` +
          `PostgreSQL on port ${postmaster.port} (${(error as Error).message}): if no PostgreSQL runs on DATA_DIR, remove that file`);
      }
      await sleep(250);
      continue;
    }
    const how = started ? 'started' : lease.users > 0 ? 'joined (in use by another process)' : 'adopted (left running by a process that ended without stopping it)';
    logger.info({ dataDir, port: postmaster.port, pid: postmaster.pid, created, how, startMs: Date.now() - startedAt },
      `embedded PostgreSQL 18 ${how}`);
    return {
      url,
      dataDir,
      close: async () => {
        if (!(await lease.release())) return;
        // The last user: nobody can take a lease until the server has gone.
        const stopped = await stopServer(cluster, postmaster.pid);
        await lease.close();
        if (stopped) logger.info({ dataDir }, 'embedded PostgreSQL stopped');
        else logger.warn({ dataDir, pid: postmaster.pid }, 'embedded PostgreSQL did not stop in time; the next start adopts it');
      },
    };
  }
  throw new Error(`embedded PostgreSQL in ${cluster} did not become available: ${(lastError as Error)?.message ?? 'timed out'}`);
}
