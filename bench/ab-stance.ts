import 'reflect-metadata';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startService as startBuiltService } from '../tools/service/built-service.js';
import { profileFlags } from './config.js';
import { historySize } from './history/history-size.js';
import { loadHistory } from './history/load-history.js';
import { syntheticHistory } from './history/synthetic-history.js';
import { stanceDirect, stanceOverHttp, stanceQuestions } from './measures/reads.js';
import { runRebuild } from './measures/rebuild.js';
import { interleaved, metered } from './phases/context.js';
import { vacuumReadModels } from './phases/history-phase.js';
import { createBenchDatabase } from './support/bench-database.js';
import type { LoopResult } from './support/closed-loop.js';
import { progress } from './support/progress.js';
import { ADMIN_KEY, EDITOR_KEY } from './support/service.js';
import { startStanceCeiling } from './support/stance-ceiling.js';
import { quantile } from './support/stats.js';

// node dist/bench/bench/ab-stance.js BUILD_A BUILD_B [seconds] [repetitions]: GET /v1/stance, 16 connections,
// A, B, the direct SQL, the bare node:http and bare Nest ceilings (stance-ceiling.ts), A, B, ...; prints p50 and CPU per
// answer (bench, service or server, PostgreSQL) per run.
// STATEMENTS (default 1,000,000) sizes the history; STANCE_DB=<url> reuses a database an earlier run kept
// (KEEP=1 keeps the one it makes). With PROFILE_DIR set, each service writes a CPU profile there (node --cpu-prof).
const [a, b, seconds = '5', repetitions = '5'] = process.argv.slice(2);
if (!a || !b || !process.env.DATABASE_URL) {
  process.stderr.write('usage: DATABASE_URL=... node dist/bench/bench/ab-stance.js BUILD_A BUILD_B [seconds] [repetitions]\n');
  process.exit(2);
}
const statements = Number(process.env.STATEMENTS ?? 1_000_000);
const history = syntheticHistory(historySize(statements, false));
const made = process.env.STANCE_DB ? undefined : await createBenchDatabase(process.env.DATABASE_URL, 'abstance');
if (made) {
  await loadHistory(made.pool, history, String(statements));
  await made.pool.query('ANALYZE events');
  await runRebuild(made.url);
  await vacuumReadModels(made.pool);
  progress(`history in ${made.url}`);
}
const url = made?.url ?? process.env.STANCE_DB!;
const db = made ?? { name: new URL(url).pathname.slice(1), url, pool: new pg.Pool({ connectionString: url, max: 20 }) };
const profile = profileFlags(process.env.PROFILE_DIR);
const services = await Promise.all([a, b].map((dir) => startBuiltService({
  DATABASE_URL: db.url, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', API_KEYS: `${EDITOR_KEY}:editor,${ADMIN_KEY}:admin`, WRITE_RATE_LIMIT: '0',
}, { main: join(resolve(dir), 'src/main.js'), nodeArgs: profile, healthTimeoutMs: 60_000, keepOutput: 8_000 })));
const [ceiling, nest] = await Promise.all([startStanceCeiling(db.url), startStanceCeiling(db.url, 'nest')]);
try {
  const questions = stanceQuestions(history, 2_000, 11);
  // Every side warms as long as it is then measured: new processes and new PostgreSQL sessions take
  // seconds of load to reach their pace (JIT; each backend's first touch of the shared buffers).
  const ms = Number(seconds) * 1000;
  for (const s of services) await stanceOverHttp(s.url, questions, 16, ms);
  await stanceDirect(db.pool, questions, 16, ms);
  await stanceOverHttp(ceiling.url, questions, 16, ms);
  await stanceOverHttp(nest.url, questions, 16, ms);
  const sides: { name: string; pid?: number; run: () => Promise<LoopResult> }[] = [
    ...services.map((s, i) => ({ name: i === 0 ? 'A' : 'B', pid: s.child.pid!, run: () => stanceOverHttp(s.url, questions, 16, ms) })),
    { name: 'direct', run: () => stanceDirect(db.pool, questions, 16, ms) },
    { name: 'ceiling', pid: ceiling.pid, run: () => stanceOverHttp(ceiling.url, questions, 16, ms) },
    { name: 'nest', pid: nest.pid, run: () => stanceOverHttp(nest.url, questions, 16, ms) },
  ];
  const runs = await interleaved(Number(repetitions), sides.map((side) => async (rep: number) => {
    const r = await metered(db, side.pid ? [side.pid] : [], side.run);
    const us = (x: number) => Math.round((x * 1000) / r.result.operations);
    const line = { side: side.name, rep, perSecond: Math.round(r.result.perSecond), p50: +quantile(r.result.latenciesMs, 0.5).toFixed(2),
      benchUs: us(r.cpu.benchMs), serviceUs: us(r.cpu.processMs), postgresUs: us(r.cpu.postgresMs) };
    progress(JSON.stringify(line));
    return line;
  }));
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const [i, side] of runs.entries()) {
    const ratios = side.map((r, rep) => r.p50 / runs[2][rep].p50);
    process.stdout.write(`${sides[i].name} ${[a, b, 'pg', 'node:http', 'bare Nest'][i]}: median ${median(side.map((r) => r.perSecond))}/s, p50 ${median(side.map((r) => r.p50))} ms `
      + `(x direct ${median(ratios).toFixed(2)}: ${ratios.map((x) => x.toFixed(2)).join('/')}), service ${median(side.map((r) => r.serviceUs))} us, `
      + `PostgreSQL ${median(side.map((r) => r.postgresUs))} us, bench ${median(side.map((r) => r.benchUs))} us per answer `
      + `(service ${side.map((r) => r.serviceUs).join('/')}, PostgreSQL ${side.map((r) => r.postgresUs).join('/')})\n`);
  }
} finally {
  await Promise.all([...services.map((s) => s.stop('SIGTERM')), ceiling.stop(), nest.stop()]);
  if (made && process.env.KEEP !== '1') await made.drop();
  else await Promise.all([db.pool.end(), made?.dataSource.destroy()]);
}
