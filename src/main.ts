import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { InvalidEnvironmentError, loadEnvironment } from './config/environment.js';
import { EmbeddedStartRefused } from './database/embedded/errors.js';
import { readyLine } from './ready-line.js';

async function main(): Promise<void> {
  const env = loadEnvironment();
  const app = await createApp(env);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    await app.close(); // lets go of the embedded database, which stops if nothing else uses it
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new InvalidEnvironmentError(`${env.HOST}:${env.PORT} is in use by another program: stop it, or set PORT (or HOST) to another`);
    }
    throw error;
  }
  const ready = readyLine(app, env);
  new Logger('Stanceline').log(ready.fields, ready.message);
}

main().catch((error: unknown) => {
  // Known start-up refusals get a plain sentence for the person at the terminal, not a stack trace.
  const known = error instanceof InvalidEnvironmentError || error instanceof EmbeddedStartRefused;
  process.stderr.write(`stanceline: ${known ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
