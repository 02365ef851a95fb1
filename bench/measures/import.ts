import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import type { StatementBody } from '../history/statements.js';
import { builtFile } from '../support/built.js';

export interface ImportFile {
  readonly path: string;
  readonly lines: number;
  readonly records: { id: string; body: StatementBody }[];
}

/** An NDJSON file of statements (`{"statement": {...}}` per line), each with an id of its own. */
export async function writeImportFile(path: string, bodies: readonly StatementBody[], prefix: string): Promise<ImportFile> {
  const records = bodies.map((body, n) => ({ id: `${prefix}-${n}`, body }));
  const out = createWriteStream(path);
  for (const { id, body } of records) {
    if (!out.write(JSON.stringify({ statement: { id, ...body } }) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, lines: records.length, records };
}

/**
 * Stanceline side: `npm run import -- FILE` as a user runs it (node dist/bench/src/cli/import.js FILE), timed
 * from spawn to exit, application start-up included. It must exit 0: every line recorded.
 */
export async function runImport(databaseUrl: string, file: ImportFile, pids: number[] = []): Promise<{ seconds: number; perSecond: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [builtFile('cli/import.js'), file.path], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  pids.push(child.pid!);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-4_000); });
  child.stderr!.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-4_000); });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`the import exited with ${code}:\n${output}`);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: file.lines / seconds };
}

/** Raw side: the same records as events, multi-row INSERTs of 100 rows, one writer, each autocommitted. */
export async function rawBatchInsert(pool: pg.Pool, table: string, file: ImportFile, prefix: string): Promise<{ seconds: number; perSecond: number }> {
  const started = performance.now();
  for (let i = 0; i < file.records.length; i += 100) {
    const batch = file.records.slice(i, i + 100);
    const values = batch.flatMap(({ id, body }) => [`statement-${prefix}-${id}`, JSON.stringify({ id, ...body })]);
    await pool.query(
      `INSERT INTO ${table} (stream_id, version, type, data) VALUES ${batch.map((_, k) => `($${2 * k + 1}, 1, 'StatementRecorded', $${2 * k + 2})`).join(', ')}`,
      values);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: file.lines / seconds };
}
