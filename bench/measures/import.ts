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
export async function runImport(
  databaseUrl: string, file: ImportFile, pids: number[] = [], script = builtFile('cli/import.js'), nodeArgs: readonly string[] = [],
): Promise<{ seconds: number; perSecond: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script, file.path], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  pids.push(child.pid!);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-4_000); });
  child.stderr!.on('data', (c: Buffer) => { output = (output + c.toString()).slice(-4_000); });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${output}`);
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

/**
 * What the import writes, per table: how to find a file's rows, and the columns the database fills itself
 * (identity, defaults taken at write time, generated) which the ceiling leaves to it too.
 */
const WRITTEN = [
  { table: 'events', streamOf: 't.stream_id', filled: ['position', 'transaction_id', 'recorded_at'] },
  { table: 'event_idempotency_keys', streamOf: 't.stream_id', filled: ['recorded_at'] },
  { table: 'statement_versions', streamOf: `'statement-' || t.statement_id`, filled: ['document'] },
] as const;

export interface CeilingTables {
  /** `ceiling_<table>` for each table the import writes, with the columns sent to it. */
  readonly tables: { table: string; copy: string; columns: string[]; streamOf: string }[];
}

/**
 * The ceiling's tables: a copy of each table the import writes (events, idempotency keys, the statement
 * read model), with the same columns, defaults, generated columns, keys and indexes (GIN included), and
 * the rows it holds now, so both sides write into tables of the same size. No triggers: the log's only
 * refuse updates and deletes.
 */
export async function createCeilingTables(pool: pg.Pool): Promise<CeilingTables> {
  const tables: CeilingTables['tables'] = [];
  for (const { table, streamOf, filled } of WRITTEN) {
    const copy = `ceiling_${table}`;
    const { rows } = await pool.query(`SELECT column_name, is_identity = 'YES' AS identity FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table]);
    const all = rows.map((r: { column_name: string }) => r.column_name);
    await pool.query(`DROP TABLE IF EXISTS ${copy}`);
    await pool.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL)`);
    await pool.query(`INSERT INTO ${copy} (${all.join(', ')}) OVERRIDING SYSTEM VALUE SELECT ${all.join(', ')} FROM ${table}`);
    // The copy's identity goes on from the rows copied, as the table's does.
    for (const { column_name: column } of rows.filter((r: { identity: boolean }) => r.identity)) {
      await pool.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT max(${column}) FROM ${copy}))`, [copy, column]);
    }
    await pool.query(`ANALYZE ${copy}`);
    tables.push({ table, copy, columns: all.filter((c: string) => !(filled as readonly string[]).includes(c)), streamOf });
  }
  return { tables };
}

/**
 * The rows an import of `file` wrote, per table, one per line of the file in the file's order, each as
 * the JSON of its columns (read after it ran, for the ceiling to write again).
 */
export async function writtenRows(pool: pg.Pool, ceiling: CeilingTables, file: ImportFile): Promise<string[][]> {
  const streams = file.records.map(({ id }) => `statement-${id}`);
  return Promise.all(ceiling.tables.map(async ({ table, columns, streamOf }) => {
    const { rows } = await pool.query(`SELECT to_json(r)::text AS json FROM (
        SELECT ${columns.map((c) => `t.${c}`).join(', ')} FROM ${table} t JOIN unnest($1::text[]) WITH ORDINALITY AS f(stream, n) ON ${streamOf} = f.stream
         ORDER BY f.n) r`, [streams]);
    if (rows.length !== file.lines) throw new Error(`${table} holds ${rows.length} rows of the ${file.lines} lines of ${file.path}`);
    return rows.map((r: { json: string }) => r.json);
  }));
}

/**
 * Ceiling: the import's writes done by PostgreSQL alone. The very rows the import wrote (`rows`, from
 * writtenRows) go into the ceiling tables, a page of 500 lines a transaction as the import's pages: one
 * INSERT per table, its rows as one JSON parameter. What is left out is everything else the import
 * does: reading and validating the file, the page's checks, the append function's locks and version
 * lookup, the command's start-up.
 */
export async function ceilingInsert(pool: pg.Pool, ceiling: CeilingTables, file: ImportFile, rows: string[][]): Promise<{ seconds: number; perSecond: number }> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    for (let line = 0; line < file.lines; line += 500) {
      await client.query('BEGIN');
      for (const [t, { copy, columns }] of ceiling.tables.entries()) {
        await client.query(`INSERT INTO ${copy} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${copy}, $1)`,
          [`[${rows[t].slice(line, line + 500).join(',')}]`]);
      }
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: file.lines / seconds };
}
