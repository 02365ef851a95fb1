import { keysetRead, safeOrderRead, type ReadResult } from '../measures/log-read.js';
import { runRebuild, serverSideRebuild, type RebuildRun } from '../measures/rebuild.js';
import { atLeast, pairedRow } from '../report.js';
import { progress } from '../support/progress.js';
import { spread } from '../support/stats.js';
import { vacuumReadModels } from './history-phase.js';
import type { CpuSplit } from '../support/cpu-meter.js';
import { cpuPerOperation, interleaved, label, metered, type BenchContext } from './context.js';

/**
 * The whole large log four ways per repetition, back to back: a raw keyset read (the baseline of the
 * read and rebuild rows), the safe-order reader behind /v1/events, a full rebuild of every read model,
 * and PostgreSQL alone producing the same read-model tables (the rebuild's ceiling).
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
  const ceiling: { rows: number; seconds: number; events: number }[] = [];
  const cpu: { keyset: CpuSplit[]; safe: CpuSplit[]; rebuild: CpuSplit[]; ceiling: CpuSplit[] } = { keyset: [], safe: [], rebuild: [], ceiling: [] };
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
    async (rep) => {
      // The tables the rebuild just filled, as it named them; it always runs first in a repetition.
      const { result: r, cpu: used } = await metered(large.db, [], () => serverSideRebuild(large.db.pool, rebuild[rep].tables));
      ceiling.push({ ...r, events: rebuild[rep].events });
      cpu.ceiling.push(used);
      progress(`log ${size} rep ${rep + 1}: PostgreSQL alone made the same tables (${r.rows.toLocaleString('en')} rows, indexes included) in ${r.seconds.toFixed(1)} s`);
    },
  ]);
  await vacuumReadModels(large.db.pool);
  await checkReadModels(context);
  context.raw.log = { keyset, safe, rebuild, ceiling, cpu };
  const keysetRates = keyset.map((r) => r.perSecond);
  context.rows.push(pairedRow(`read the whole log in safe order (${size} statements, ${keyset[0].events.toLocaleString('en')} events), pages of 1,000`,
    'events/s', safe.map((r) => r.perSecond), keysetRates, atLeast(0.8)));
  context.rows.push(pairedRow(`rebuild all read models, ${size} statements`, 'events/s', rebuild.map((r) => r.perSecond), keysetRates, atLeast(0.3)));
  context.rows.push(pairedRow(`rebuild all read models, ${size} statements, against PostgreSQL alone producing the same tables (INSERT ... SELECT of the final rows, then the same indexes)`,
    'events/s', rebuild.map((r) => r.perSecond), ceiling.map((c) => c.events / c.seconds)));
  const rss = spread(rebuild.map((r) => r.peakRssMiB));
  const small = context.raw.smallRebuild as { peakRssMiB: number };
  context.rows.push({
    what: `memory: peak RSS of rebuild at ${size} (baseline column: at ${label(config.smallStatements)})`, unit: 'MiB',
    stanceline: rss, raw: spread([small.peakRssMiB]), ratio: spread(rebuild.map((r) => r.peakRssMiB / small.peakRssMiB)),
    target: { text: '<= 300 MB', met: () => rss.median * 2 ** 20 <= 300e6 }, metAbsolute: rss.max * 2 ** 20 <= 300e6,
  });
  const perEvent = (splits: CpuSplit[], runs: { events: number }[], who?: string) => cpuPerOperation(splits.map((c, i) => ({ cpu: c, operations: runs[i].events })), who);
  context.notes.push(`Rebuild wall time incl. start-up and swap: ${rebuild.map((r) => r.wallSeconds.toFixed(1)).join(', ')} s. CPU per event: `
    + `rebuild ${perEvent(cpu.rebuild, rebuild, 'rebuild process')}; PostgreSQL alone producing the same tables ${perEvent(cpu.ceiling, ceiling)}; `
    + `safe-order read ${perEvent(cpu.safe, safe)}; keyset read ${perEvent(cpu.keyset, keyset)}.`);
  context.notes.push(`Rebuild ceiling: PostgreSQL alone made the same ${rebuild[0].tables.length} read-model tables (${ceiling[0].rows.toLocaleString('en')} rows) `
    + `in ${ceiling.map((c) => c.seconds.toFixed(1)).join(', ')} s: empty copies without indexes, INSERT ... SELECT of the final rows (no client, no parsing, `
    + `the search document computed as the rebuild computes it), every index built afterwards, ANALYZE.`);
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
