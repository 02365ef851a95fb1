import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { profileFlags } from './config.js';
import { historySize } from './history/history-size.js';
import { loadHistory } from './history/load-history.js';
import { syntheticHistory } from './history/synthetic-history.js';
import { runRebuild } from './measures/rebuild.js';
import { runImport, writeImportFile, type ImportFile } from './measures/import.js';
import { interleaved, metered } from './phases/context.js';
import { createBenchDatabase, dropAllBenchDatabases } from './support/bench-database.js';
import { progress } from './support/progress.js';

// node dist/bench/bench/ab-import.js BUILD_A BUILD_B [lines] [repetitions]: two builds of the service (each a
// copy of dist/bench, e.g. dist/ab-before and dist/ab-after) on one small history, `npm run import` of a file of
// `lines` new statements with each, A, B, A, B, ...; prints lines/s and the import process's CPU per line, with
// and without its start-up (an empty file's import, measured once per build first), and PostgreSQL's.
// With PROFILE_DIR set, each import writes a CPU profile there (node --cpu-prof).
const [a, b, lineCount = '20000', repetitions = '3'] = process.argv.slice(2);
if (!a || !b || !process.env.DATABASE_URL) {
  process.stderr.write('usage: DATABASE_URL=... node dist/bench/bench/ab-import.js BUILD_A BUILD_B [lines] [repetitions]\n');
  process.exit(2);
}

/** `npm run import -- FILE` with the build in `dir`, timed from spawn to exit; it must record every line. */
async function importWith(dir: string, databaseUrl: string, file: ImportFile, pids: number[]): Promise<number> {
  return (await runImport(databaseUrl, file, pids, join(resolve(dir), 'src/cli/import.js'), profileFlags(process.env.PROFILE_DIR))).seconds;
}

const files: ImportFile[] = [];
try {
  const db = await createBenchDatabase(process.env.DATABASE_URL, 'abimport');
  const history = syntheticHistory(historySize(2_000, true));
  await loadHistory(db.pool, history, '2k');
  await runRebuild(db.url);
  const lines = Number(lineCount);
  const builds = [a, b];
  const empty = await writeImportFile(join(tmpdir(), `${db.name}-empty.ndjson`), [], 'empty');
  files.push(empty);
  for (const [i, side] of builds.entries()) {
    for (let rep = 0; rep < Number(repetitions); rep++) {
      files.push(await writeImportFile(join(tmpdir(), `${db.name}-${i}-${rep}.ndjson`),
        Array.from({ length: lines }, () => history.writer.next()), `ab-${i}-${rep}`));
    }
    await importWith(side, db.url, empty, []);
  }
  const startupMs = await Promise.all(builds.map(async (side) => {
    const pids: number[] = [];
    return (await metered(db, pids, () => importWith(side, db.url, empty, pids))).cpu.processMs;
  }));
  const runs = await interleaved(Number(repetitions), builds.map((side, i) => async (rep: number) => {
    const pids: number[] = [];
    const file = files[1 + i * Number(repetitions) + rep];
    const r = await metered(db, pids, () => importWith(side, db.url, file, pids));
    const us = (ms: number) => Math.round((ms * 1000) / lines);
    const line = {
      build: i === 0 ? 'A' : 'B', rep, perSecond: Math.round(lines / r.result), importUs: us(r.cpu.processMs),
      importUsWithoutStartup: us(r.cpu.processMs - startupMs[i]), postgresUs: us(r.cpu.postgresMs),
    };
    progress(JSON.stringify(line));
    return line;
  }));
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const [i, side] of runs.entries()) {
    process.stdout.write(`${i === 0 ? 'A' : 'B'} ${builds[i]}: median ${median(side.map((r) => r.perSecond))} lines/s, import process `
      + `${median(side.map((r) => r.importUs))} us per line (${median(side.map((r) => r.importUsWithoutStartup))} us without its `
      + `${Math.round(startupMs[i])} ms start-up), PostgreSQL ${median(side.map((r) => r.postgresUs))} us `
      + `(import ${side.map((r) => r.importUs).join('/')}, lines/s ${side.map((r) => r.perSecond).join('/')})\n`);
  }
} finally {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
  await dropAllBenchDatabases();
}
