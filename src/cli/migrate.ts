import 'reflect-metadata';
import { runCli } from './cli-context.js';

// Opening the application runs pending migrations (Database.open), which is all this command needs.
await runCli('migration:run', async () => undefined);
