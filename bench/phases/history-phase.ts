import type { BenchConfig } from '../config.js';
import { historySize } from '../history/history-size.js';
import { loadHistory } from '../history/load-history.js';
import { syntheticHistory } from '../history/synthetic-history.js';
import { runRebuild } from '../measures/rebuild.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { progress } from '../support/progress.js';
import { label, type BenchContext } from './context.js';

/**
 * Two databases, each with a synthetic history written straight into the log: the small one (10k
 * statements) and the large one (1M). The small one's read models are rebuilt here; the large one's
 * by the first rebuild the log phase measures.
 */
export async function prepareHistories(config: BenchConfig): Promise<BenchContext> {
  const small = { db: await createBenchDatabase(config.serverUrl, label(config.smallStatements).toLowerCase()), history: syntheticHistory(historySize(config.smallStatements, config.quick)), events: 0 };
  const large = { db: await createBenchDatabase(config.serverUrl, label(config.largeStatements).toLowerCase()), history: syntheticHistory(historySize(config.largeStatements, config.quick)), events: 0 };
  const context: BenchContext = { config, small, large, rows: [], notes: [], sections: [], raw: {} };

  for (const [name, side] of [[label(config.smallStatements), small], [label(config.largeStatements), large]] as const) {
    progress(`writing the ${name}-statement history into ${side.db.name}`);
    const loaded = await loadHistory(side.db.pool, side.history, name);
    side.events = loaded.events;
    await side.db.pool.query('ANALYZE events');
    const [{ bytes }] = (await side.db.pool.query(`SELECT pg_total_relation_size('events') AS bytes`)).rows;
    context.notes.push(`History ${name}: ${loaded.events.toLocaleString('en')} events written in ${loaded.seconds.toFixed(1)} s `
      + `(${Math.round(loaded.events / loaded.seconds).toLocaleString('en')} events/s); events table with indexes ${(Number(bytes) / 2 ** 20).toFixed(0)} MiB.`);
    progress(`${name}: ${loaded.events.toLocaleString('en')} events in ${loaded.seconds.toFixed(1)} s`);
    context.notes.push(`History ${name} by type: ${await describeLog(side.db.pool)}.`);
  }

  progress(`rebuilding the ${label(config.smallStatements)} read models`);
  const rebuilt = await runRebuild(small.db.url);
  await vacuumReadModels(small.db.pool);
  context.raw.smallRebuild = rebuilt;
  context.notes.push(`Rebuild at ${label(config.smallStatements)}: ${rebuilt.events.toLocaleString('en')} events in ${rebuilt.seconds.toFixed(1)} s, peak RSS ${rebuilt.peakRssMiB.toFixed(0)} MiB.`);
  return context;
}

/**
 * A rebuild swaps in fresh tables without statistics, whose rows no reader has yet marked as committed
 * (hint bits) or visible to all (the visibility map): the reads measured next should not depend on when
 * autovacuum gets to them, nor pay, on whichever side happens to run first, for setting those marks on
 * every page they touch. VACUUM (ANALYZE) does what autovacuum would after such a load.
 */
export async function vacuumReadModels(pool: import('pg').Pool): Promise<void> {
  await pool.query('VACUUM (ANALYZE) statement_versions, actors, topics, sources');
}

/** What the log holds, for the record: events per type, and the length of the quotes. */
async function describeLog(pool: import('pg').Pool): Promise<string> {
  const { rows } = await pool.query(`
    SELECT type, count(*)::int AS n,
           min(length(data->>'quote')) AS min_quote, max(length(data->>'quote')) AS max_quote,
           round(avg(length(data->>'quote')))::int AS avg_quote, count(data->>'quote')::int AS quoted
      FROM events GROUP BY type ORDER BY count(*) DESC`);
  return rows.map((r) => `${r.type} ${r.n.toLocaleString('en')}`
    + (r.type === 'StatementRecorded' ? ` (${r.quoted.toLocaleString('en')} with a quote of ${r.min_quote}-${r.max_quote} characters, ${r.avg_quote} on average)` : '')).join(', ');
}
