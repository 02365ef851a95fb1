import { keysetRead, safeOrderRead, type ReadResult } from '../measures/log-read.js';
import { runRebuild, type RebuildRun } from '../measures/rebuild.js';
import { atLeast, pairedRow } from '../report.js';
import { progress } from '../support/progress.js';
import { spread } from '../support/stats.js';
import { analyzeReadModels } from './history-phase.js';
import type { CpuSplit } from '../support/cpu-meter.js';
import { cpuPerOperation, interleaved, label, metered, type BenchContext } from './context.js';

/**
 * The whole large log three ways per repetition, back to back: a raw keyset read (the baseline of
 * both rows), the safe-order reader behind /v1/events, and a full rebuild of every read model.
 */
export async function measureLog(context: BenchContext): Promise<void> {
  const { config, large } = context;
  const size = label(config.largeStatements);
  // One untimed pass of each read, so the first timed one does not pay for a cold cache alone.
  await keysetRead(large.db.pool);
  await safeOrderRead(large.db.dataSource);
  const keyset: ReadResult[] = [];
  const safe: ReadResult[] = [];
  const rebuild: RebuildRun[] = [];
  const cpu: { keyset: CpuSplit[]; safe: CpuSplit[]; rebuild: CpuSplit[] } = { keyset: [], safe: [], rebuild: [] };
  await interleaved<unknown>(config.repetitions, [
    async (rep) => {
      const { result: r, cpu: used } = await metered(large.db, [], () => keysetRead(large.db.pool));
      keyset.push(r);
      cpu.keyset.push(used);
      progress(`log ${size} rep ${rep + 1}: keyset read ${r.events.toLocaleString('en')} events, ${Math.round(r.perSecond).toLocaleString('en')}/s`);
    },
    async (rep) => {
      const { result: r, cpu: used } = await metered(large.db, [], () => safeOrderRead(large.db.dataSource));
      safe.push(r);
      cpu.safe.push(used);
      progress(`log ${size} rep ${rep + 1}: safe-order read ${Math.round(r.perSecond).toLocaleString('en')}/s`);
    },
    async (rep) => {
      let shown = 0;
      const pids: number[] = [];
      const { result: r, cpu: used } = await metered(large.db, pids, () => runRebuild(large.db.url, (applied) => {
        if (applied - shown >= 100_000) progress(`log ${size} rep ${rep + 1}: rebuild applied ${(shown = applied).toLocaleString('en')} events`);
      }, pids));
      rebuild.push(r);
      cpu.rebuild.push(used);
      progress(`log ${size} rep ${rep + 1}: rebuild ${r.events.toLocaleString('en')} events in ${r.seconds.toFixed(1)} s (${Math.round(r.perSecond).toLocaleString('en')}/s), peak RSS ${r.peakRssMiB.toFixed(0)} MiB`);
    },
  ]);
  await analyzeReadModels(large.db.pool);
  await checkReadModels(context);
  const ceiling = await serverSideCopy(context);
  context.raw.log = { keyset, safe, rebuild, ceiling, cpu };
  const keysetRates = keyset.map((r) => r.perSecond);
  context.rows.push(pairedRow(`read the whole log in safe order (${size} statements, ${keyset[0].events.toLocaleString('en')} events), pages of 1,000`,
    'events/s', safe.map((r) => r.perSecond), keysetRates, atLeast(0.8)));
  context.rows.push(pairedRow(`rebuild all read models, ${size} statements`, 'events/s', rebuild.map((r) => r.perSecond), keysetRates, atLeast(0.3)));
  const rss = spread(rebuild.map((r) => r.peakRssMiB));
  const small = context.raw.smallRebuild as { peakRssMiB: number };
  context.rows.push({
    what: `memory: peak RSS of rebuild at ${size} (baseline column: at ${label(config.smallStatements)})`, unit: 'MiB',
    stanceline: rss, raw: spread([small.peakRssMiB]), ratio: spread(rebuild.map((r) => r.peakRssMiB / small.peakRssMiB)),
    target: { text: '<= 300 MB', met: () => rss.median * 2 ** 20 <= 300e6 }, metAbsolute: rss.max * 2 ** 20 <= 300e6,
  });
  const perEvent = (splits: CpuSplit[], runs: { events: number }[], who?: string) => cpuPerOperation(splits.map((c, i) => ({ cpu: c, operations: runs[i].events })), who);
  context.notes.push(`Rebuild wall time incl. start-up and swap: ${rebuild.map((r) => r.wallSeconds.toFixed(1)).join(', ')} s. CPU per event: `
    + `rebuild ${perEvent(cpu.rebuild, rebuild, 'rebuild process')}; safe-order read ${perEvent(cpu.safe, safe)}; keyset read ${perEvent(cpu.keyset, keyset)}.`);
  context.notes.push(`Rebuild ceiling: the server alone copies statement_versions (${ceiling.rows.toLocaleString('en')} rows) into a table with the same `
    + `indexes at ${Math.round(ceiling.withIndexes).toLocaleString('en')} rows/s, into one without indexes at ${Math.round(ceiling.withoutIndexes).toLocaleString('en')} rows/s `
    + `(INSERT ... SELECT, no client, no parsing).`);
}

/** A benchmark of wrong results measures nothing: the rebuilt read models must hold every record of the log. */
async function checkReadModels({ large }: BenchContext): Promise<void> {
  const [row] = (await large.db.pool.query(`
    SELECT (SELECT count(*) FROM events WHERE type LIKE 'Statement%')::int AS statement_events,
           (SELECT count(*) FROM statement_versions)::int AS versions,
           (SELECT count(*) FROM events WHERE type = 'ActorRegistered')::int AS actor_events,
           (SELECT count(*) FROM actors)::int AS actors`)).rows;
  if (row.statement_events !== row.versions || row.actor_events !== row.actors) {
    throw new Error(`the rebuilt read models do not match the log: ${JSON.stringify(row)}`);
  }
}

/**
 * What bounds any rebuild that writes into indexed tables: the server copying the finished read model
 * into an empty table of the same shape, with and without its indexes (no client, no parameters).
 */
async function serverSideCopy({ large }: BenchContext): Promise<{ rows: number; withIndexes: number; withoutIndexes: number }> {
  const pool = large.db.pool;
  const timed = async (sql: string) => {
    const started = performance.now();
    const { rowCount } = await pool.query(sql);
    return { rows: rowCount ?? 0, seconds: (performance.now() - started) / 1000 };
  };
  await pool.query('CREATE TABLE bench_copy_indexed (LIKE statement_versions INCLUDING ALL)');
  await pool.query('CREATE TABLE bench_copy_bare (LIKE statement_versions)');
  try {
    // Generated columns (the search document) are computed by the server as the rebuild's inserts compute them.
    const { rows: [{ columns }] } = await pool.query(`SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS columns
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'statement_versions' AND is_generated = 'NEVER'`);
    const indexed = await timed(`INSERT INTO bench_copy_indexed (${columns}) SELECT ${columns} FROM statement_versions`);
    const bare = await timed(`INSERT INTO bench_copy_bare (${columns}) SELECT ${columns} FROM statement_versions`);
    return { rows: indexed.rows, withIndexes: indexed.rows / indexed.seconds, withoutIndexes: bare.rows / bare.seconds };
  } finally {
    await pool.query('DROP TABLE bench_copy_indexed, bench_copy_bare');
  }
}
