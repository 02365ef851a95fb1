import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { EventLogTransfer } from '../event-store/log-transfer.js';
import { checkLogFile, fileLines, logChunks } from '../import/log-file.js';
import { NdjsonImporter } from '../import/ndjson-importer.js';
import { RebuildService } from '../projections/rebuild.service.js';
import { CliError, EXIT, runCli } from './cli-context.js';
import { startProgress } from './progress.js';

// npm run import -- FILE [FILE...]: load NDJSON records (README: "Import format").
// npm run import -- --log FILE: load an exported event log into an empty database (README: "Moving the data").
const USAGE = 'usage: npm run import -- FILE.ndjson [FILE.ndjson ...]\n       npm run import -- --log EXPORT.ndjson\n';
const args = process.argv.slice(2);
const logMode = args[0] === '--log';
const files = logMode ? args.slice(1) : args;
if (files.length === 0 || (logMode && files.length !== 1) || files.some((f) => f.startsWith('-'))) {
  process.stderr.write(USAGE);
  process.exit(EXIT.usage);
}

await runCli('import', (app) => (logMode ? importLog(app, files[0]) : importRecords(app, files)));

async function importRecords(app: INestApplicationContext, paths: string[]): Promise<number> {
  const importer = app.get(NdjsonImporter);
  let failed = 0;
  for (const path of paths) {
    let total = 0;
    for await (const _ of fileLines(path)) total++;
    const progress = startProgress(`import ${path}`, 'lines', total);
    try {
      const report = await importer.importFile(path, (lines) => progress.update(lines));
      progress.update(total);
      progress.stop();
      process.stdout.write(`${path}: ${report.recorded} recorded, ${report.unchanged} unchanged, ${report.failed.length} refused\n`);
      for (const { line, problem } of report.failed.slice(0, 20)) process.stderr.write(`${path}:${line}: ${problem}\n`);
      failed += report.failed.length;
    } finally {
      progress.stop();
    }
  }
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

async function importLog(app: INestApplicationContext, path: string): Promise<number> {
  const transfer = app.get(EventLogTransfer);
  const { events, problems } = await checkLogFile(path);
  if (problems.length > 0) throw new CliError(`${path} is not an exported log, nothing imported: ${problems.slice(0, 3).join('; ')}`);
  if (!(await transfer.isEmpty())) {
    throw new CliError('the database already holds events: a log is imported into an empty database only (a fresh DATA_DIR, or a new server database)');
  }
  const progress = startProgress('import log', 'events', events);
  let imported = 0;
  try {
    let previous: string[] | undefined;
    for await (const chunk of logChunks(path)) {
      if (previous) await transfer.importLines(previous, false);
      imported += previous?.length ?? 0;
      progress.update(imported);
      previous = chunk;
    }
    if (previous) await transfer.importLines(previous, true);
    imported += previous?.length ?? 0;
    progress.update(imported);
  } finally {
    progress.stop();
  }
  if ((await transfer.count()) !== events) throw new CliError('something else wrote to the log during the import: start again on an empty database');
  process.stdout.write(`imported ${events} events from ${path}; rebuilding the read models\n`);
  const rebuildProgress = startProgress('rebuild', 'events', events);
  const rebuilt = await app.get(RebuildService).rebuild({ onProgress: (applied, total) => rebuildProgress.update(applied, total) })
    .finally(() => rebuildProgress.stop());
  process.stdout.write(`rebuilt ${rebuilt.tables.length} read-model tables from ${rebuilt.events} events\n`);
  return EXIT.ok;
}
