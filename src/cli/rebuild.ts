import 'reflect-metadata';
import { RebuildService } from '../projections/rebuild.service.js';
import { runCli } from './cli-context.js';
import { startProgress } from './progress.js';

// npm run rebuild: every read model rebuilt from the event log and swapped in, with progress on stderr.
await runCli('rebuild', async (app) => {
  const progress = startProgress('rebuild', 'events', 0);
  const report = await app.get(RebuildService).rebuild({ onProgress: (applied, total) => progress.update(applied, total) })
    .finally(() => progress.stop());
  process.stdout.write(`rebuilt ${report.tables.length} read-model tables from ${report.events} events in ${(report.durationMs / 1000).toFixed(1)} s\n`);
});
