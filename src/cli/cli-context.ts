import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import { InvalidEnvironmentError, loadEnvironment } from '../config/environment.js';
import { DataDirectoryLockedError } from '../database/embedded-postgres.js';

/**
 * Runs a command-line job inside the application (same config, database, commands) without HTTP and
 * without the seed-on-start, then closes it. Exit code 1 on failure, with a plain message.
 */
export async function runCli(job: (app: INestApplicationContext) => Promise<number | void>): Promise<void> {
  let app: INestApplicationContext | undefined;
  try {
    const env = loadEnvironment({ ...process.env, SEED_ON_EMPTY: 'false' });
    app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    process.exitCode = (await job(app)) ?? 0;
  } catch (error) {
    const known = error instanceof InvalidEnvironmentError || error instanceof DataDirectoryLockedError;
    process.stderr.write(`stanceline: ${known ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await app?.close();
  }
}
