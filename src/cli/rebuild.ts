import 'reflect-metadata';
import { RebuildService } from '../projections/rebuild.service.js';
import { runCli } from './cli-context.js';

// npm run rebuild: every read model rebuilt from the event log and swapped in; progress goes to the log.
await runCli(async (app) => {
  await app.get(RebuildService).rebuild();
});
