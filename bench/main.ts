import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseConfig, type BenchConfig } from './config.js';
import { prepareHistories } from './phases/history-phase.js';
import { measureAnswers } from './phases/answers-phase.js';
import { measureLog } from './phases/log-phase.js';
import { measureReads, startReadServices } from './phases/read-phase.js';
import { measureEmbedded, prepareEmbedded, releaseEmbedded } from './phases/embedded-phase.js';
import { measureReplicaRouting, prepareReplicaPair, releaseReplicaPair } from './phases/replica-phase.js';
import { measureWrites } from './phases/write-phase.js';
import { markdownTable } from './report.js';
import { ahead } from './support/ahead.js';
import { dropAllBenchDatabases } from './support/bench-database.js';
import { elapsedSeconds, phase, phaseTimes, progress } from './support/progress.js';
import { serviceStarts } from './support/service.js';

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

// Setup that waits on other processes for seconds and needs nothing measured meanwhile runs beside the
// histories' writing: the replica pair (initdb, base backup, load, rebuild) and the embedded default
// (initdb, start, load, rebuild). Both are ready before the first measurement, and wait idle till their phase.
const replicaPair = ahead(prepareReplicaPair(config), releaseReplicaPair);
const embedded = ahead(prepareEmbedded(config), releaseEmbedded);
try {
  const startedAt = new Date();
  progress(`${config.quick ? 'quick' : 'full'} run: ${config.largeStatements.toLocaleString('en')} and ${config.smallStatements.toLocaleString('en')} statements, ${config.repetitions} repetitions`);
  const context = await phase('histories, the replica pair and the embedded default', async () => {
    const histories = await prepareHistories(config);
    await Promise.all([replicaPair.ready, embedded.ready]);
    return histories;
  });
  const [{ version }] = (await context.small.db.pool.query('SHOW server_version')).rows.map((r) => ({ version: r.server_version as string }));
  await phase('log', () => measureLog(context));
  // One service on each history for both read phases, the small one also the embedded row's server side:
  // each start is seconds of a --quick run.
  const [smallService, largeService] = await phase('read services started', () => startReadServices(context));
  try {
    await phase('reads', () => measureReads(context, [smallService, largeService]));
    await phase('answers', () => measureAnswers(context, [smallService, largeService]));
    await largeService.stop();
    await phase('replica routing and CPU split', async () => measureReplicaRouting(context, await replicaPair.ready));
    await replicaPair.release();
    await phase('embedded', async () => measureEmbedded(context, await embedded.ready, smallService));
    await embedded.release();
  } finally {
    await Promise.all([smallService.stop(), largeService.stop()]);
  }
  await phase('writes', () => measureWrites(context));
  context.notes.push(`Where the run's time went: ${phaseTimes()}; ${serviceStarts()}.`);

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
  await Promise.all([replicaPair.release(), embedded.release()]);
  progress('dropping the bench databases');
  await dropAllBenchDatabases().catch((e) => process.stderr.write(`could not drop a bench database: ${e}\n`));
}
