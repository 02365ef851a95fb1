import 'reflect-metadata';
import { Database } from '../database/database.js';
import { runCli } from './cli-context.js';

// npm run migration:run: opening the application runs pending migrations (Database.open); this says which.
await runCli('migration:run', async (app) => {
  const database = app.get(Database);
  const applied = database.migrationsApplied;
  process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')} to ${database.description}\n` : `${database.description}: up to date\n`);
});
