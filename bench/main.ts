import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseConfig, type BenchConfig } from './config.js';
import type { BenchContext } from './phases/context.js';
import { prepareHistories } from './phases/history-phase.js';
import { measureAnswers } from './phases/answers-phase.js';
import { measureLog } from './phases/log-phase.js';
import { measureReads, startReadServices } from './phases/read-phase.js';
import { measureEmbedded } from './phases/embedded-phase.js';
import { measureReplicaRouting } from './phases/replica-phase.js';
import { measureWrites } from './phases/write-phase.js';
import { markdownTable } from './report.js';
import { dropAllBenchDatabases } from './support/bench-database.js';
import { elapsedSeconds, progress } from './support/progress.js';

// npm run bench [-- --quick]: Stanceline against raw PostgreSQL, side by side in one run (BENCHMARKS.md).
let config: BenchConfig;
try {
  config = parseConfig(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

// Ctrl-C: the databases go too (child processes get the signal from the terminal themselves).
process.once('SIGINT', () => {
  progress('interrupted: dropping the bench databases');
  void dropAllBenchDatabases().finally(() => process.exit(130));
});

let context: BenchContext | undefined;
try {
  const startedAt = new Date();
  progress(`${config.quick ? 'quick' : 'full'} run: ${config.largeStatements.toLocaleString('en')} and ${config.smallStatements.toLocaleString('en')} statements, ${config.repetitions} repetitions`);
  context = await prepareHistories(config);
  const [{ version }] = (await context.small.db.pool.query('SHOW server_version')).rows.map((r) => ({ version: r.server_version as string }));
  await measureLog(context);
  // One service on each history for both read phases: each start is seconds of a --quick run.
  const readServices = await startReadServices(context);
  try {
    await measureReads(context, readServices);
    await measureAnswers(context, readServices);
  } finally {
    await Promise.all(readServices.map((s) => s.stop()));
  }
  await measureReplicaRouting(context);
  await measureEmbedded(context);
  await measureWrites(context);

  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; node ${process.version}; PostgreSQL ${version}`;
  const command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
  const text = [
    `Run of ${startedAt.toISOString()} (${Math.round(elapsedSeconds())} s): \`${command}\``,
    `Machine: ${machine}`,
    '',
    markdownTable(context.rows),
    '',
    ...context.notes.map((n) => `- ${n}`),
    ...context.sections.flatMap((s) => ['', s]),
  ].join('\n');
  process.stdout.write(text + '\n');
  if (config.out) {
    writeFileSync(config.out, text + '\n');
    writeFileSync(config.out.replace(/\.md$/, '') + '.json', JSON.stringify({ startedAt, command, machine, rows: context.rows, raw: context.raw }, null, 1));
  }
  progress(`finished in ${Math.round(elapsedSeconds())} s`);
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
} finally {
  progress('dropping the bench databases');
  await dropAllBenchDatabases().catch((e) => process.stderr.write(`could not drop a bench database: ${e}\n`));
}
