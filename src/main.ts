import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { InvalidEnvironmentError, loadEnvironment } from './config/environment.js';
import { DataDirectoryLockedError } from './database/embedded-postgres.js';

async function main(): Promise<void> {
  const env = loadEnvironment();
  const app = await createApp(env);
  await app.listen(env.PORT, env.HOST);
}

main().catch((error: unknown) => {
  // Known start-up refusals get a plain sentence for the person at the terminal, not a stack trace.
  const known = error instanceof InvalidEnvironmentError || error instanceof DataDirectoryLockedError;
  process.stderr.write(`stanceline: ${known ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
