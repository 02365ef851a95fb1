import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import { BUILD_MEMORY } from '../../src/projections/shadow-indexes.js';
import { ident, inSchema } from '../../src/projections/shadow-tables.js';
import { RssSampler } from '../../tools/service/rss.js';
import { builtFile } from '../support/built.js';

export interface RebuildRun {
  readonly events: number;
  /** The rebuild's own duration, as it reports it (application start-up excluded). */
  readonly seconds: number;
  readonly perSecond: number;
  /** From spawn to exit: start-up, rebuild, swap, shutdown. */
  readonly wallSeconds: number;
  readonly peakRssMiB: number;
  /** The read-model tables it rebuilt, as its report names them. */
  readonly tables: readonly string[];
}

/**
 * `npm run rebuild` (node <its options> dist/bench/src/cli/rebuild.js) as its own process: every read model
 * replayed from the log into shadow tables and swapped in. Its RSS is sampled every 100 ms; its duration is
 * the one its final log line reports. `script`: another build's cli/rebuild.js (an A/B of two builds).
 */
export async function runRebuild(databaseUrl: string, onProgress?: (applied: number) => void, pids: number[] = [],
  script = builtFile('cli/rebuild.js')): Promise<RebuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [...rebuildNodeOptions(), script], {
    // The command keeps its logs below warn to itself unless LOG_LEVEL is debug: the report and the
    // progress are read from those JSON lines.
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'debug', LOG_FORMAT: 'json', DATABASE_QUERY_TIMEOUT_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pids.push(child.pid!);
  const rss = new RssSampler(child.pid!).start();
  let report: { events: number; durationMs: number; tables: string[] } | undefined;
  let tail = '';
  child.stderr!.on('data', (c: Buffer) => { tail = (tail + c.toString()).slice(-4_000); });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    tail = (tail + line + '\n').slice(-4_000);
    try {
      const entry = JSON.parse(line) as { msg?: string; events?: number; durationMs?: number; tables?: string[]; applied?: number };
      if (entry.msg === 'read models rebuilt and swapped in') report = { events: entry.events!, durationMs: entry.durationMs!, tables: entry.tables! };
      else if (entry.applied !== undefined) onProgress?.(entry.applied);
    } catch { /* not a log line */ }
  });
  const [code] = await once(child, 'exit');
  const peakRssMiB = rss.stop();
  if (code !== 0 || !report) throw new Error(`the rebuild exited with ${code} without its report:\n${tail}`);
  const seconds = report.durationMs / 1000;
  return { events: report.events, seconds, perSecond: report.events / seconds, wallSeconds: (performance.now() - started) / 1000, peakRssMiB, tables: report.tables };
}

/**
 * The options `npm run rebuild` starts Node with (package.json: `node <options> dist/src/cli/rebuild.js`):
 * they shape the command's memory, so the benchmark starts it the same way.
 */
function rebuildNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { scripts: { rebuild: string } };
  const words = scripts.rebuild.split(/\s+/);
  return words.slice(1, words.findIndex((word) => word.endsWith('rebuild.js')));
}

const CEILING_SCHEMA = 'bench_ceiling';

/**
 * The rebuild's ceiling: PostgreSQL alone producing the same read-model tables from their final rows, with
 * no client and no log to replay. For each table: an empty copy as the rebuild makes it (columns, defaults,
 * checks, generated columns; no index), INSERT ... SELECT of every row (the search document computed as the
 * rebuild's inserts compute it), then every index the table has, keys included, built with the memory the
 * rebuild gives its deferred builds, and ANALYZE, as the rebuild does before its swap.
 */
export async function serverSideRebuild(pool: pg.Pool, tables: readonly string[]): Promise<{ rows: number; seconds: number }> {
  const client = await pool.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${CEILING_SCHEMA} CASCADE`);
    await client.query(`SET maintenance_work_mem = '${BUILD_MEMORY}'`);
    const started = performance.now();
    await client.query(`CREATE SCHEMA ${CEILING_SCHEMA}`);
    let rows = 0;
    for (const table of tables) {
      const source = `public.${ident(table)}`;
      const target = `${CEILING_SCHEMA}.${ident(table)}`;
      await client.query(`CREATE TABLE ${target} (LIKE ${source} INCLUDING ALL EXCLUDING INDEXES)`);
      const { rows: [{ columns }] } = await client.query(`SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`, [table]);
      rows += (await client.query(`INSERT INTO ${target} (${columns}) SELECT ${columns} FROM ${source}`)).rowCount ?? 0;
      const { rows: indexes } = await client.query(`SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = $1::regclass ORDER BY indexrelid`, [source]);
      for (const { def } of indexes) await client.query(inSchema(def, CEILING_SCHEMA));
      await client.query(`ANALYZE ${target}`);
    }
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${CEILING_SCHEMA} CASCADE`).finally(() => client.release());
  }
}
