import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBinaries } from './binaries.js';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { DataDirectoryInUseError, EmbeddedStartRefused } from './errors.js';
import type { Role } from './lease.js';
import { reachableBinaries, serverAccount } from './server-account.js';

const quiet = { info: () => undefined, warn: () => undefined };

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const serverRuns = (dataDir: string) => existsSync(join(dataDir, 'postgres', 'postmaster.pid'));

/**
 * One embedded server per DATA_DIR, shared by the service and the command-line tools in any start and
 * stop order. Here the "processes" are openings in this one test process: each holds its lease on a
 * session of its own, exactly as separate processes do. Timeouts are hang guards.
 */
describe('openEmbeddedPostgres: one shared server per data directory', () => {
  const dirs: string[] = [];
  const opened: EmbeddedPostgres[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stanceline-lease-'));
    chmodSync(dir, 0o755); // reachable by the server's user when the tests run as root
    dirs.push(dir);
    return dir;
  };
  const open = async (dataDir: string, role: Role) => {
    const db = await openEmbeddedPostgres({ dataDir, role, logger: quiet });
    opened.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of opened) await db.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('a tool that started the server leaves it to the service that joined, and the service, last, stops it', async () => {
    const dataDir = freshDir();
    const tool = await open(dataDir, 'tool');
    const service = await open(dataDir, 'service');
    expect(service.url).toBe(tool.url); // the same server

    await tool.close();
    expect(await query(service.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await service.close();
    expect(serverRuns(dataDir)).toBe(false);
  }, 240_000);

  it('a tool that joins a service\'s server lets go without stopping it; a second service is refused', async () => {
    const dataDir = freshDir();
    const service = await open(dataDir, 'service');
    const tool = await open(dataDir, 'tool');
    await expect(openEmbeddedPostgres({ dataDir, role: 'service', logger: quiet })).rejects.toThrow(DataDirectoryInUseError);
    await tool.close();
    expect(await query(service.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await service.close();
    expect(serverRuns(dataDir)).toBe(false);
  }, 240_000);

  it('a service whose lease session was cut takes the lease again, so a tool finishing later does not stop the server', async () => {
    const dataDir = freshDir();
    const service = await open(dataDir, 'service');
    const leaseSessions = async () => (await query(service.url,
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'stanceline service pid=${process.pid}'`)) as { pid: number }[];
    const [cut] = await leaseSessions();
    await query(service.url, `SELECT pg_terminate_backend(${cut.pid})`);
    // Polling until the lease is back is a wait, not a timing: the test's own guard bounds it.
    for (let renewed = await leaseSessions(); !(renewed.length === 1 && renewed[0].pid !== cut.pid); renewed = await leaseSessions()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const tool = await open(dataDir, 'tool');
    await tool.close();
    expect(await query(service.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await service.close();
    expect(serverRuns(dataDir)).toBe(false);
  }, 240_000);

  it('several tools starting at once on a fresh directory end up on one server with one password', async () => {
    const dataDir = freshDir();
    const tools = await Promise.all([open(dataDir, 'tool'), open(dataDir, 'tool'), open(dataDir, 'tool')]);
    expect(new Set(tools.map((t) => t.url)).size).toBe(1);
    await tools[0].close();
    await tools[1].close();
    expect(await query(tools[2].url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await tools[2].close();
    expect(serverRuns(dataDir)).toBe(false);
  }, 240_000);

  it('refuses a directory written by the earlier PGlite engine, saying what to do, and creates nothing beside it', async () => {
    const dataDir = freshDir();
    mkdirSync(join(dataDir, 'pgdata'));
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '17\n');
    const attempt = openEmbeddedPostgres({ dataDir, role: 'service', logger: quiet });
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedStartRefused);
    await expect(attempt).rejects.toThrow(/earlier embedded engine \(PGlite.*move that directory away.*npm run import/);
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('as root, refuses in one sentence a DATA_DIR the server\'s user cannot reach', async () => {
    const closed = freshDir();
    chmodSync(closed, 0o700);
    const attempt = openEmbeddedPostgres({ dataDir: join(closed, 'data'), role: 'service', logger: quiet });
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedStartRefused);
    await expect(attempt).rejects.toThrow(`runs as the user "postgres", which cannot reach DATA_DIR ${join(closed, 'data')}`);
  });

  asRoot('as root, copies the programs to where the server\'s user can run them when the checkout is out of its reach', async () => {
    const closed = freshDir();
    chmodSync(closed, 0o700); // like a checkout under /root
    const installed = await postgresBinaries();
    const pkg = join(closed, 'package');
    cpSync(join(installed.root, '..', 'package.json'), join(pkg, 'package.json'));
    cpSync(installed.root, join(pkg, 'native'), { recursive: true, verbatimSymlinks: true });
    const bin = (name: string) => join(pkg, 'native', 'bin', name);
    const account = serverAccount()!;

    const { binaries } = reachableBinaries(account, { root: join(pkg, 'native'), initdb: bin('initdb'), pg_ctl: bin('pg_ctl'), postgres: bin('postgres') });
    expect(binaries.root.startsWith(join(tmpdir(), 'stanceline-postgres-'))).toBe(true);
    const version = spawnSync(binaries.postgres, ['--version'], { uid: account.uid, gid: account.gid, encoding: 'utf8' });
    expect(version.stdout).toMatch(/\(PostgreSQL\) 18\./);
  }, 120_000);
});

