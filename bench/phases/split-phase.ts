import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { createScratchDatabase } from '../../src/database/scratch-database.js';
import type { ReplicaCluster } from '../../tools/postgres/replica-cluster.js';
import { ceilingInsert, createCeilingTables, runImport, writeImportFile, writtenRows } from '../measures/import.js';
import { runRebuild } from '../measures/rebuild.js';
import { stanceQuestions } from '../measures/reads.js';
import type { CpuSplit } from '../support/cpu-meter.js';
import { HttpClient } from '../support/http-client.js';
import { progress } from '../support/progress.js';
import { EDITOR_KEY, type BenchService } from '../support/service.js';
import { metered, type BenchContext } from './context.js';

/** What one operation costs on each side: CPU per process group, and what the service sent the server. */
export interface OperationCost {
  readonly what: string;
  readonly operations: number;
  readonly benchUs: number;
  readonly processUs: number;
  readonly postgresUs: number;
  /** Top-level statements the server ran (pg_stat_statements calls), transaction control included: one round trip each. */
  readonly roundTrips: number;
  /** The same without BEGIN, COMMIT, ROLLBACK, SAVEPOINT and RELEASE. */
  readonly statements: number;
}

interface Measured { cpu: CpuSplit; calls: { all: number; statements: number } }

// The meter's own polls and these counts are left out of the counts.
const OWN = `query NOT LIKE '%pg_stat_activity%' AND query NOT LIKE '%pg_stat_statements%'`;
const CONTROL = `^\\s*(BEGIN|COMMIT|ROLLBACK|START|SAVEPOINT|RELEASE)\\y`; // \y: a word boundary in PostgreSQL regular expressions

/**
 * Where the CPU of one POST /v1/statements, one import line, one rebuilt event and one stance answer
 * goes, on the replica row's primary (a server of the bench's own, with pg_stat_statements loaded, so
 * the shared server's settings stay untouched): the service's (or command's) CPU and the server
 * backends' from /proc, and the statements the server ran per operation from pg_stat_statements.
 * Counts are exact; CPU is per process, so other work on the machine is left out, though not its
 * effect on caches and clocks. `service` runs on the primary (the routing row's, reused: a start saved).
 */
export async function measureCpuSplit(context: BenchContext, cluster: ReplicaCluster, service: BenchService): Promise<OperationCost[]> {
  const { config, small } = context;
  const url = cluster.primaryUrl;
  const db = { name: new URL(url).pathname.slice(1), pool: new pg.Pool({ connectionString: url, max: 2 }) };
  const measure = async (pids: number[], run: () => Promise<unknown>): Promise<Measured> => {
    await db.pool.query('SELECT pg_stat_statements_reset()');
    const { cpu } = await metered(db, pids, run);
    const [row] = (await db.pool.query(`
      SELECT coalesce(sum(calls), 0)::int AS all, coalesce(sum(calls) FILTER (WHERE query !~* $1), 0)::int AS statements
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel AND ${OWN}`, [CONTROL])).rows;
    return { cpu, calls: row };
  };
  const per = (what: string, m: Measured, n: number, base?: Measured): OperationCost => {
    const d = (pick: (x: Measured) => number) => (pick(m) - (base ? pick(base) : 0)) / n;
    return {
      what, operations: n,
      benchUs: d((x) => x.cpu.benchMs) * 1000, processUs: d((x) => x.cpu.processMs) * 1000, postgresUs: d((x) => x.cpu.postgresMs) * 1000,
      roundTrips: d((x) => x.calls.all), statements: d((x) => x.calls.statements),
    };
  };
  const costs: OperationCost[] = [];
  const count = config.quick ? 300 : 2_000;
  try {
    const http = new HttpClient(service.url, 8);
    try {
      const headers = { authorization: `Bearer ${EDITOR_KEY}` };
      const bodies = Array.from({ length: count + 50 }, () => small.history.writer.next());
      const post = (from: number, n: number) => inParallel(n, 8, (i) => http.expect(201, 'POST', '/v1/statements', { id: `split-${from + i}`, ...bodies[from + i] }, headers));
      await post(0, 50);
      costs.push(per('POST /v1/statements (one new statement)', await measure([service.pid], () => post(50, count)), count));
      const paths = stanceQuestions(small.history, count, 17).map((q) => `/v1/stance?actor=${q.actor}&topic=${encodeURIComponent(q.topic)}&on=${q.on}`);
      await inParallel(50, 8, (i) => http.expect(200, 'GET', paths[i]));
      costs.push(per('GET /v1/stance (one answer)', await measure([service.pid], () => inParallel(count, 8, (i) => http.expect(200, 'GET', paths[i]))), count));
    } finally {
      http.close();
    }

    const lines = config.quick ? 500 : 10_000;
    const file = await writeImportFile(join(tmpdir(), `split-import-${process.pid}.ndjson`), Array.from({ length: lines }, () => small.history.writer.next()), 'split-import');
    const empty = await writeImportFile(join(tmpdir(), `split-import-${process.pid}-empty.ndjson`), [], 'split-empty');
    try {
      const ceiling = await createCeilingTables(db.pool);
      const [startupPids, pids]: number[][] = [[], []];
      const startup = await measure(startupPids, () => runImport(url, empty, startupPids));
      const full = await measure(pids, () => runImport(url, file, pids));
      costs.push(per(`import line (${lines} lines, the command's start-up subtracted)`, full, lines, startup));
      const rows = await writtenRows(db.pool, ceiling, file);
      costs.push(per('the same line written by PostgreSQL alone (import ceiling)', await measure([], () => ceilingInsert(db.pool, ceiling, file, rows)), lines));
    } finally {
      await Promise.all([file, empty].map((f) => rm(f.path, { force: true })));
    }

    // The rebuild's start-up, measured on an empty database of the same server, is subtracted too.
    const emptyDb = await createScratchDatabase(url, 'split', 'empty');
    try {
      const dataSource = createDataSource({ url: emptyDb.url, poolSize: 1 });
      await dataSource.initialize();
      await migrate(dataSource);
      await dataSource.destroy();
      const [startupPids, pids]: number[][] = [[], []];
      const startup = await metered({ name: emptyDb.name, pool: db.pool }, startupPids, () => runRebuild(emptyDb.url, undefined, startupPids));
      const rebuilt: { events: number } = { events: 0 };
      const full = await measure(pids, async () => { rebuilt.events = (await runRebuild(url, undefined, pids)).events; });
      costs.push(per(`rebuilt event (${rebuilt.events} events, start-up subtracted)`, full, rebuilt.events, { cpu: startup.cpu, calls: { all: 0, statements: 0 } }));
    } finally {
      await emptyDb.drop();
    }
  } finally {
    await db.pool.end();
  }
  progress(`CPU split: ${costs.map((c) => `${c.what}: service ${Math.round(c.processUs)} µs, PostgreSQL ${Math.round(c.postgresUs)} µs, ${c.roundTrips.toFixed(1)} round trips`).join('; ')}`);
  return costs;
}

/** Runs `operation(0..n-1)` with at most `width` in flight. */
async function inParallel(n: number, width: number, operation: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await operation(next++);
  }));
}

/** The split as a Markdown table, printed under the main one. */
export function costTable(costs: readonly OperationCost[]): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    '| one operation | service / command CPU, µs | PostgreSQL CPU, µs | bench CPU, µs | round trips | statements |',
    '|---|---|---|---|---|---|',
    ...costs.map((c) => `| ${c.what} | ${n(c.processUs)} | ${n(c.postgresUs)} | ${n(c.benchUs)} | ${c.roundTrips.toFixed(2)} | ${c.statements.toFixed(2)} |`),
  ].join('\n');
}
