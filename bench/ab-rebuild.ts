import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { historySize } from './history/history-size.js';
import { loadHistory } from './history/load-history.js';
import { syntheticHistory } from './history/synthetic-history.js';
import { runRebuild } from './measures/rebuild.js';
import { interleaved, metered } from './phases/context.js';
import { createBenchDatabase, dropAllBenchDatabases } from './support/bench-database.js';
import { progress } from './support/progress.js';

// node dist/bench/bench/ab-rebuild.js BUILD_A BUILD_B [statements] [repetitions]: two builds of the service (each a
// copy of dist/bench, e.g. dist/ab-before and dist/ab-after) rebuilding the read models of one synthetic history,
// A, B, A, B, ...; prints events/s, peak RSS and CPU per event (the rebuild process, PostgreSQL) per run.
const [a, b, statements = '150000', repetitions = '3'] = process.argv.slice(2);
if (!a || !b || !process.env.DATABASE_URL) {
  process.stderr.write('usage: DATABASE_URL=... node dist/bench/bench/ab-rebuild.js BUILD_A BUILD_B [statements] [repetitions]\n');
  process.exit(2);
}
try {
  const db = await createBenchDatabase(process.env.DATABASE_URL, 'ab');
  await loadHistory(db.pool, syntheticHistory(historySize(Number(statements), false)), 'history');
  const scripts = [a, b].map((dir) => join(resolve(dir), 'src/cli/rebuild.js'));
  const runs = await interleaved(Number(repetitions), scripts.map((script, i) => async (rep: number) => {
    const pids: number[] = [];
    const { result: r, cpu } = await metered(db, pids, () => runRebuild(db.url, undefined, pids, script));
    const us = (ms: number) => Math.round((ms * 1000) / r.events);
    const line = { build: i === 0 ? 'A' : 'B', rep, perSecond: Math.round(r.perSecond), peakRssMiB: Math.round(r.peakRssMiB),
      processUs: us(cpu.processMs), postgresUs: us(cpu.postgresMs) };
    progress(JSON.stringify(line));
    return line;
  }));
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const [i, side] of runs.entries()) {
    process.stdout.write(`${i === 0 ? 'A' : 'B'} ${[a, b][i]}: median ${median(side.map((r) => r.perSecond))} events/s `
      + `(${side.map((r) => r.perSecond).join('/')}), peak RSS ${median(side.map((r) => r.peakRssMiB))} MiB, `
      + `rebuild process ${median(side.map((r) => r.processUs))} us, PostgreSQL ${median(side.map((r) => r.postgresUs))} us per event `
      + `(process ${side.map((r) => r.processUs).join('/')}, PostgreSQL ${side.map((r) => r.postgresUs).join('/')})\n`);
  }
} finally {
  await dropAllBenchDatabases();
}
