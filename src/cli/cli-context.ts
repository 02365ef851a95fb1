import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import { InvalidEnvironmentError, loadEnvironment } from '../config/environment.js';

/** The command-line tools' exit codes (README: "Commands"). */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A failure the tool explains itself; its message is the whole story (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failed) {
    super(message);
  }
}

const VERBOSE = ['debug', 'trace'];

/**
 * Runs a command-line job inside the application (same config, database, commands) without HTTP and
 * without the seed-on-start, then closes it; with the embedded database it shares the server with a
 * running service (or starts one for its own run). The person at the terminal sees the job's own output
 * and, on failure, one line on stderr: no framework start-up logs, no API_KEYS notice (logs below warn
 * are off unless LOG_LEVEL is debug or trace, which also adds stack traces). Ctrl-C lets go of the
 * database cleanly and exits 130.
 */
export async function runCli(command: string, job: (app: INestApplicationContext) => Promise<number | void>): Promise<void> {
  const requested = process.env.LOG_LEVEL ?? '';
  const verbose = VERBOSE.includes(requested);
  let app: INestApplicationContext | undefined;
  let interrupted = false;
  // Closing the application gives the embedded database back (stopped if nothing else uses it).
  const stop = () => void (app?.close() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(EXIT.interrupted));
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`stanceline ${command}: interrupted (${signal}), stopping\n`);
    if (app) stop(); // else once the start has finished, below
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const level = verbose || ['error', 'fatal', 'silent'].includes(requested) ? requested : 'warn';
    const env = loadEnvironment({ ...process.env, SEED_ON_EMPTY: 'false', LOG_LEVEL: level });
    app = await NestFactory.createApplicationContext(AppModule.forRoot(env, 'tool'),
      { bufferLogs: true, abortOnError: false, autoFlushLogs: false });
    if (interrupted) return stop();
    app.useLogger(app.get(Logger));
    app.flushLogs();
    process.exitCode = (await job(app)) ?? EXIT.ok;
  } catch (error) {
    if (interrupted) return;
    process.stderr.write(`stanceline ${command}: ${describe(error, verbose)}\n`);
    process.exitCode = exitCodeOf(error);
  } finally {
    if (!interrupted) await app?.close().catch((error: unknown) => {
      process.stderr.write(`stanceline ${command}: closing: ${describe(error, verbose)}\n`);
    });
  }
}

function describe(error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  if (verbose && error instanceof Error && error.stack) return error.stack;
  // One line: a multi-line message (configuration problems) is joined.
  return message.replace(/:\n\s*/g, ': ').split('\n').map((line) => line.trim()).filter(Boolean).join('; ');
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof InvalidEnvironmentError) return EXIT.usage;
  return EXIT.failed;
}
