import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export class DataDirectoryLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `Data directory ${dataDir} is in use by another Stanceline process (pid ${pid}). ` +
        `Stop that process or choose another DATA_DIR.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

const LOCK_FILE = 'stanceline.lock';
const silent: Logger = { info: () => undefined, warn: () => undefined };

/**
 * PGlite served over the PostgreSQL wire protocol on 127.0.0.1, so `pg`/TypeORM use it like a real server.
 *
 * Durability: PGlite on Node writes its files through Emscripten NODEFS, i.e. synchronous write(2) into the
 * real data directory before a commit is acknowledged, so an acknowledged commit survives `kill -9` (the
 * kernel page cache outlives the process). It does NOT survive power loss / OS crash: PGlite starts
 * postgres with `-F` (fsync off) and NODEFS has no fsync anyway. `relaxedDurability` only defers the
 * IndexedDB-style sync of browser filesystems; it is set to false so that stays true if the fs ever changes.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; logger?: Logger }): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const logger = options.logger ?? silent;
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir, logger);
  // A crashed start must not leave the directory locked for the rest of this process.
  const onExit = () => releaseLock();
  process.once('exit', onExit);

  const startedAt = Date.now();
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    // pg_trgm and unaccent: the extensions migration 1764300000000 creates (likeness of names).
    db = await PGlite.create(join(dataDir, 'pgdata'), { relaxedDurability: false, extensions: { pg_trgm, unaccent } });
    // maxConnections 1 (the default) on purpose: PGlite is a single backend, so a second client would
    // share its session state and interleave protocol messages with the first.
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    let port = 0;
    server.addEventListener('listening', (e) => { port = (e as CustomEvent<{ port: number }>).detail.port; });
    await server.start();
    if (!port) throw new Error(`embedded PostgreSQL did not report its port (${server.getServerConn()})`);

    logger.info({ port, dataDir, startMs: Date.now() - startedAt }, 'embedded PostgreSQL ready');
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= (async () => {
      try {
        await server!.stop();
        await db!.close();
      } finally {
        releaseLock();
        process.removeListener('exit', onExit);
        logger.info({ dataDir }, 'embedded PostgreSQL stopped');
      }
    })());
    return { url, dataDir, stop };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    releaseLock();
    process.removeListener('exit', onExit);
    throw error;
  }
}

/** Takes `<dataDir>/stanceline.lock` (PGlite has no lock of its own); returns a sync, idempotent release. */
function acquireLock(dataDir: string, logger: Logger): () => void {
  const path = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx'); // O_CREAT|O_EXCL: exactly one process wins
      try { writeSync(fd, mine); } finally { closeSync(fd); }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(path);
      if (holder !== undefined && isAlive(holder)) throw new DataDirectoryLockedError(dataDir, holder);
      // A second EEXIST means another process took the stale lock between our unlink and open.
      if (attempt > 0) throw new DataDirectoryLockedError(dataDir, holder ?? readPid(path) ?? -1);
      logger.warn({ dataDir, stalePid: holder ?? null }, 'taking over stale embedded PostgreSQL lock');
      try { unlinkSync(path); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
    }
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    try {
      // Only remove the file if it is still ours (someone may have taken over a lock they judged stale).
      if (readPid(path) === process.pid) unlinkSync(path);
    } catch { /* best effort: a leftover lock is detected as stale next start */ }
  };
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // vanished or unreadable: treated as stale
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}
