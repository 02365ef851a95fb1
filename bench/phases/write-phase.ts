import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileArgs } from '../config.js';
import { appendCeiling, rawInserts, storeAppends } from '../measures/append.js';
import { ceilingInsert, createCeilingTables, rawBatchInsert, runImport, writeImportFile, writtenRows, type ImportFile } from '../measures/import.js';
import { recordCeiling, recordOverHttp, recordRaw } from '../measures/record-statement.js';
import { atLeast, pairedRow } from '../report.js';
import { createRawEventsTable } from '../support/bench-database.js';
import type { LoopResult } from '../support/closed-loop.js';
import { progress } from '../support/progress.js';
import { RssSampler } from '../../tools/service/rss.js';
import { startService } from '../support/service.js';
import { quantile } from '../support/stats.js';
import { summarize } from './read-phase.js';
import { cpuPerOperation, interleaved, label, metered, type BenchContext } from './context.js';

const rate = (r: { perSecond: number }) => Math.round(r.perSecond).toLocaleString('en');
const lat = (r: LoopResult) => `p50 ${quantile(r.latenciesMs, 0.5).toFixed(2)} ms, p99 ${quantile(r.latenciesMs, 0.99).toFixed(2)} ms`;
const loops = (runs: { result: LoopResult }[]) => runs.map((r) => r.result);
const perOp = (runs: { result: LoopResult; cpu: import('../support/cpu-meter.js').CpuSplit }[], who?: string) =>
  cpuPerOperation(runs.map((r) => ({ cpu: r.cpu, operations: r.result.operations })), who);

/**
 * Writes, on the small history's database (its reads have been measured): event-store appends with 1
 * and 16 writers, POST /v1/statements with 16 connections, and the NDJSON import, each against raw
 * inserts into an events-shaped table of the same database, with the CPU each process spent. The appends
 * and POST are also measured against their ceilings: the SQL the store or the service sends for them,
 * from a raw client (appendCeiling, recordCeiling).
 */
export async function measureWrites(context: BenchContext): Promise<void> {
  const { config, small } = context;
  const { db, history } = small;
  const table = await createRawEventsTable(db.pool);
  const seconds = config.appendSeconds * 1000;

  // The three sides warm at once: warming is connections, prepared statements and JIT, not a figure.
  await Promise.all([storeAppends(db.dataSource, 16, 500), rawInserts(db.pool, table, 16, 500), appendCeiling(db.pool, 16, 500)]);
  for (const writers of [1, 16]) {
    const [store, raw, ceiling] = await interleaved(config.repetitions, [
      () => metered(db, [], () => storeAppends(db.dataSource, writers, seconds)),
      async (rep) => {
        const r = await metered(db, [], () => rawInserts(db.pool, table, writers, seconds));
        progress(`append, ${writers} writer(s), rep ${rep + 1}: raw INSERT ${rate(r.result)}/s`);
        return r;
      },
      async (rep) => {
        const r = await metered(db, [], () => appendCeiling(db.pool, writers, seconds));
        progress(`append, ${writers} writer(s), rep ${rep + 1}: append_event from a raw client ${rate(r.result)}/s`);
        return r;
      },
    ]);
    progress(`append, ${writers} writer(s): event store ${loops(store).map(rate).join(', ')}/s`);
    const what = `append, 1 event per command, new streams, ${writers} writer${writers > 1 ? 's' : ''}`;
    context.rows.push(pairedRow(what, 'events/s', loops(store).map((r) => r.perSecond), loops(raw).map((r) => r.perSecond), atLeast(0.7)));
    // No target: how far the store is from its own statement sent by a bare client, next to the ratio to a bare INSERT above.
    context.rows.push(pairedRow(`${what}, against the same append_event call from a raw client (the ceiling)`, 'events/s',
      loops(store).map((r) => r.perSecond), loops(ceiling).map((r) => r.perSecond)));
    context.notes.push(`Append, ${writers} writer(s): latency, event store ${loops(store).map(lat).join('; ')}; raw ${loops(raw).map(lat).join('; ')}; `
      + `ceiling ${loops(ceiling).map(lat).join('; ')}. CPU per event: event store ${perOp(store)}; raw ${perOp(raw)}; `
      + `ceiling (append_event from a raw client) ${perOp(ceiling)}.`);
    context.raw[`append${writers}`] = {
      store: summarize(loops(store)), raw: summarize(loops(raw)), ceiling: summarize(loops(ceiling)),
      cpu: { store: store.map((r) => r.cpu), raw: raw.map((r) => r.cpu), ceiling: ceiling.map((r) => r.cpu) },
    };
  }

  const service = await startService(db.url, {}, profileArgs(config, 'service-record-statement'));
  const rss = new RssSampler(service.pid).start();
  try {
    const bodies = Array.from({ length: 5_000 }, () => history.writer.next());
    const warm = Math.min(1_000, config.httpSeconds * 1000);
    await recordOverHttp(service.url, bodies, 16, warm, 'warm-http');
    await recordRaw(db.pool, table, bodies, 16, warm, 'warm-raw');
    await recordCeiling(db.pool, bodies, 16, warm, 'warm-ceiling');
    const peaks: number[] = [];
    const [http, raw, ceiling] = await interleaved(config.repetitions, [
      async (rep) => {
        rss.resetPeak();
        const r = await metered(db, [service.pid], () => recordOverHttp(service.url, bodies, 16, config.httpSeconds * 1000, `http-${rep}`));
        peaks.push(rss.current());
        return r;
      },
      async (rep) => {
        const r = await metered(db, [], () => recordRaw(db.pool, table, bodies, 16, config.httpSeconds * 1000, `raw-${rep}`));
        progress(`record statement rep ${rep + 1}: raw ${rate(r.result)}/s`);
        return r;
      },
      async (rep) => {
        const r = await metered(db, [], () => recordCeiling(db.pool, bodies, 16, config.httpSeconds * 1000, `ceiling-${rep}`));
        progress(`record statement rep ${rep + 1}: its SQL from a raw client ${rate(r.result)}/s`);
        return r;
      },
    ]);
    progress(`record statement: HTTP ${loops(http).map(rate).join(', ')}/s`);
    context.rows.push(pairedRow('record a statement end to end: POST /v1/statements, 16 connections', 'statements/s',
      loops(http).map((r) => r.perSecond), loops(raw).map((r) => r.perSecond), atLeast(0.4)));
    // No target: how far the service is from what its own SQL allows, next to the ratio to a bare INSERT above.
    context.rows.push(pairedRow('record a statement: POST /v1/statements against its own SQL from a raw client (the ceiling), 16 connections', 'statements/s',
      loops(http).map((r) => r.perSecond), loops(ceiling).map((r) => r.perSecond)));
    context.notes.push(`POST /v1/statements, 16 connections: latency ${loops(http).map(lat).join('; ')}; service peak RSS ${peaks.map((x) => x.toFixed(0)).join(', ')} MiB. `
      + `CPU per statement: HTTP ${perOp(http)}; raw ${perOp(raw)}; ceiling (the service's SQL from a raw client) ${perOp(ceiling)}. `
      + `Ceiling latency ${loops(ceiling).map(lat).join('; ')}.`);
    context.raw.recordStatement = {
      http: summarize(loops(http)), raw: summarize(loops(raw)), ceiling: summarize(loops(ceiling)), peaks,
      cpu: { http: http.map((r) => r.cpu), raw: raw.map((r) => r.cpu), ceiling: ceiling.map((r) => r.cpu) },
    };
  } finally {
    rss.stop();
    await service.stop();
  }

  const files = await Promise.all(Array.from({ length: config.repetitions }, (_, rep) =>
    writeImportFile(join(tmpdir(), `${db.name}-import-${rep}.ndjson`), Array.from({ length: config.importLines }, () => history.writer.next()), `import-${rep}`)));
  // The command's start-up alone (an empty file), so the per-statement figures can be read without it.
  const emptyFile = await writeImportFile(join(tmpdir(), `${db.name}-import-empty.ndjson`), [], 'empty');
  try {
    await measureImport(context, files, emptyFile, table);
  } finally {
    await Promise.all([...files, emptyFile].map((f) => rm(f.path, { force: true })));
  }
}

async function measureImport(context: BenchContext, files: ImportFile[], emptyFile: ImportFile, table: string): Promise<void> {
  const { config, small: { db } } = context;
  const ceilingTables = await createCeilingTables(db.pool);
  const startupPids: number[] = [];
  const startup = await metered(db, startupPids, () => runImport(db.url, emptyFile, startupPids));
  const [imported, ceiling, batched] = await interleaved(config.repetitions, [
    (rep) => {
      const pids: number[] = [];
      return metered(db, pids, () => runImport(db.url, files[rep], pids));
    },
    // Right after the import of the same file: its rows, written again by PostgreSQL alone.
    async (rep) => {
      const rows = await writtenRows(db.pool, ceilingTables, files[rep]);
      return metered(db, [], () => ceilingInsert(db.pool, ceilingTables, files[rep], rows));
    },
    async (rep) => {
      const r = await metered(db, [], () => rawBatchInsert(db.pool, table, files[rep], `raw-${rep}`));
      progress(`import rep ${rep + 1} (${config.importLines} lines): raw 100-row INSERTs ${rate(r.result)}/s`);
      return r;
    },
  ]);
  progress(`import: npm run import ${imported.map((r) => rate(r.result)).join(', ')}/s; the same writes by PostgreSQL alone ${ceiling.map((r) => rate(r.result)).join(', ')}/s`);
  const lines = (runs: typeof imported) => runs.map((r) => ({ cpu: r.cpu, operations: config.importLines }));
  const what = `bulk import of ${config.importLines.toLocaleString('en')} statements (NDJSON, ${label(config.smallStatements)} history)`;
  context.rows.push(pairedRow(what, 'statements/s', imported.map((r) => r.result.perSecond), batched.map((r) => r.result.perSecond), atLeast(0.5)));
  context.rows.push(pairedRow(`${what}, against its own writes by PostgreSQL alone (ceiling)`, 'statements/s',
    imported.map((r) => r.result.perSecond), ceiling.map((r) => r.result.perSecond)));
  context.notes.push(`Import: ${imported.map((r) => r.result.seconds.toFixed(1)).join(', ')} s per file, start-up included `
    + `(an empty file takes ${startup.result.seconds.toFixed(1)} s and ${Math.round(startup.cpu.processMs)} ms of the import process's CPU). `
    + `CPU per statement: import ${cpuPerOperation(lines(imported), 'import process')}; ceiling (the import's rows into copies of its tables, `
    + `500 lines a transaction) ${cpuPerOperation(lines(ceiling))}; raw ${cpuPerOperation(lines(batched))}.`);
  context.raw.import = { imported, ceiling, batched };
}
