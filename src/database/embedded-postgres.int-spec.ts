import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataDirectoryLockedError, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

// The kill -9 child is plain JS: a spawned `node` gets no Jest/SWC transform and Node 20 cannot strip types.
const WRITER = fileURLToPath(new URL('./__fixtures__/embedded-writer.mjs', import.meta.url));

function recordingLogger() {
  const lines: { level: 'info' | 'warn'; obj: object; msg?: string }[] = [];
  return {
    lines,
    info: (obj: object, msg?: string) => { lines.push({ level: 'info', obj, msg }); },
    warn: (obj: object, msg?: string) => { lines.push({ level: 'warn', obj, msg }); },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try { return await work(client); } finally { await client.end(); }
}

/** A pid that certainly belongs to no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

/**
 * A guard against a hang, not a timing: creating a fresh embedded database takes seconds, and several
 * times longer when other suites load the machine (one CI run took 60 s for this test's two starts).
 */
const EMBEDDED_TIMEOUT_MS = 240_000;

describe('startEmbeddedPostgres', () => {
  const dirs: string[] = [];
  const running: EmbeddedPostgres[] = [];
  const freshDir = () => { const d = mkdtempSync(join(tmpdir(), 'stanceline-embedded-')); dirs.push(d); return d; };
  const start = async (dataDir: string, logger = recordingLogger()) => {
    const db = await startEmbeddedPostgres({ dataDir, logger });
    running.push(db);
    return db;
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((db) => db.stop()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('serves PostgreSQL with xid8 support and keeps data across a restart', async () => {
    const dataDir = join(freshDir(), 'nested', 'data'); // also checks the directory is created
    const logger = recordingLogger();
    const first = await start(dataDir, logger);
    expect(first.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'embedded PostgreSQL ready' }));
    expect(readFileSync(join(dataDir, 'stanceline.lock'), 'utf8')).toBe(String(process.pid));

    await withClient(first.url, async (c) => {
      const { rows } = await c.query(
        'select pg_current_xact_id()::text as xid, pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
      );
      expect(BigInt(rows[0].xid)).toBeGreaterThan(0n);
      expect(BigInt(rows[0].xmin)).toBeGreaterThan(0n);
      await c.query('create table notes (id int primary key, body text not null)');
      await c.query(`insert into notes values (1, 'kept')`);
    });
    await first.stop();
    await first.stop(); // idempotent
    expect(existsSync(join(dataDir, 'stanceline.lock'))).toBe(false);

    const second = await start(dataDir);
    expect(second.url).not.toBe('');
    const rows = await withClient(second.url, async (c) => (await c.query('select id, body from notes')).rows);
    expect(rows).toEqual([{ id: 1, body: 'kept' }]);
  }, EMBEDDED_TIMEOUT_MS);

  it('refuses a second instance on a directory that is in use, without disturbing the first', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);

    // If the lock is broken this resolves; register it so cleanup stops it and the test fails instead of hanging.
    const attempt = start(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(DataDirectoryLockedError);
    await expect(attempt).rejects.toThrow(dataDir);
    await expect(attempt).rejects.toThrow(`pid ${process.pid}`);

    expect(readFileSync(join(dataDir, 'stanceline.lock'), 'utf8')).toBe(String(process.pid));
    expect(await withClient(first.url, async (c) => (await c.query('select 1 as ok')).rows)).toEqual([{ ok: 1 }]);
  }, EMBEDDED_TIMEOUT_MS);

  it('takes over a stale lock left by a process that no longer exists', async () => {
    const dataDir = freshDir();
    const stalePid = await deadPid();
    writeFileSync(join(dataDir, 'stanceline.lock'), String(stalePid));
    const logger = recordingLogger();

    const db = await start(dataDir, logger);

    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ stalePid }) }));
    expect(readFileSync(join(dataDir, 'stanceline.lock'), 'utf8')).toBe(String(process.pid));
    await db.stop();
    expect(existsSync(join(dataDir, 'stanceline.lock'))).toBe(false);
  }, EMBEDDED_TIMEOUT_MS);

  it('keeps an acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir, { recursive: true });
    const child = spawn(process.execPath, [WRITER, dataDir, 'survives-kill-9'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('written')) done(); });
      child.once('exit', (code) => fail(new Error(`writer exited early (${code}): ${stderr}`)));
    });

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(join(dataDir, 'stanceline.lock'), 'utf8')).toBe(String(child.pid)); // left behind

    const db = await start(dataDir);
    const rows = await withClient(db.url, async (c) => (await c.query('select v from durable')).rows);
    expect(rows).toEqual([{ v: 'survives-kill-9' }]);
  }, EMBEDDED_TIMEOUT_MS);
});
