import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, linkSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresBinaries } from './binaries.js';
import { EmbeddedStartRefused } from './errors.js';
import type { ServerAccount } from './server-account.js';

/** Where the PostgreSQL cluster lives inside DATA_DIR, its password file, and the superuser's name. */
export const CLUSTER_DIR = 'postgres';
export const PASSWORD_FILE = 'postgres-password';
export const SUPERUSER = 'stanceline';
const MAJOR = '18';

/** What the earlier embedded engine (PGlite) left in DATA_DIR. */
const PGLITE_DIR = 'pgdata';

/** Refuses, in one sentence, a DATA_DIR this engine cannot open, instead of a crash or a new database beside it. */
export function refuseUnreadableData(dataDir: string): void {
  if (existsSync(join(dataDir, PGLITE_DIR))) {
    throw new EmbeddedStartRefused(`DATA_DIR ${dataDir} holds a database of the earlier embedded engine (PGlite, in ` +
      `${join(dataDir, PGLITE_DIR)}), which embedded PostgreSQL ${MAJOR} cannot read: to start afresh, move that directory ` +
      'away or set DATA_DIR to another directory; to carry your records over, load your NDJSON files again with npm run import');
  }
  const versionFile = join(dataDir, CLUSTER_DIR, 'PG_VERSION');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
  if (version !== undefined && version !== MAJOR) {
    throw new EmbeddedStartRefused(`DATA_DIR ${dataDir} holds a PostgreSQL ${version} database, which PostgreSQL ${MAJOR} ` +
      'cannot open: export its log with the version that wrote it (npm run export), then import it into a fresh DATA_DIR');
  }
  if (version !== undefined && !existsSync(join(dataDir, PASSWORD_FILE))) {
    throw new EmbeddedStartRefused(`DATA_DIR ${dataDir} holds a database but not its password file ${PASSWORD_FILE}: ` +
      'restore that file, or move the directory away to start afresh');
  }
}

/**
 * The server's password: generated once, kept in DATA_DIR/postgres-password readable by its owner only.
 * Written to a file of its own and then linked into place, so two processes starting together agree on
 * one password and neither reads a half-written file.
 */
export function loadOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, PASSWORD_FILE);
  if (!existsSync(file)) {
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process was first: use its
    } finally {
      unlinkSync(temp);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Creates the cluster on first use: initdb into a scratch folder, then one rename into place, so a start
 * that dies half-way leaves no half-made cluster, and of two processes initialising at once one wins and
 * the other uses its cluster. Durability is PostgreSQL's default (fsync, full_page_writes and
 * synchronous_commit on); the server listens on 127.0.0.1 only, no Unix socket, password (SCRAM) auth.
 * The builtin C.UTF-8 locale sorts and cases text the same on every machine the folder moves to.
 * Answers whether it created the cluster.
 */
export async function ensureCluster(dataDir: string, password: string, binaries: PostgresBinaries, account?: ServerAccount): Promise<boolean> {
  const target = join(dataDir, CLUSTER_DIR);
  if (existsSync(join(target, 'PG_VERSION'))) return false;
  const work = mkdtempSync(join(dataDir, '.initdb-'));
  try {
    const passwordFile = join(work, 'password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (account) {
      chownSync(work, account.uid, account.gid);
      chownSync(passwordFile, account.uid, account.gid);
    }
    const cluster = join(work, 'cluster');
    await run(binaries.initdb, [
      '-D', cluster, '-U', SUPERUSER, `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8',
      '--set', 'listen_addresses=127.0.0.1', '--set', 'unix_socket_directories=',
    ], account);
    try {
      renameSync(cluster, target);
      return true;
    } catch (error) {
      if (existsSync(join(target, 'PG_VERSION'))) return false; // another process initialised it meanwhile
      throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a PostgreSQL program (as the server's account when root); rejects with its output when it fails. */
export function run(program: string, args: string[], account?: ServerAccount): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      // initdb and pg_ctl look for a home and a locale; neither should come from root's environment.
      env: { ...process.env, LC_ALL: 'C', ...(account ? { HOME: '/' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${program.split('/').at(-1)} failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}
