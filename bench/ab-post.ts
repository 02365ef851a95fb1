import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { startService as startBuiltService } from '../tools/service/built-service.js';
import { historySize } from './history/history-size.js';
import { loadHistory } from './history/load-history.js';
import { syntheticHistory } from './history/synthetic-history.js';
import { recordOverHttp } from './measures/record-statement.js';
import { runRebuild } from './measures/rebuild.js';
import { interleaved, metered } from './phases/context.js';
import { createBenchDatabase, dropAllBenchDatabases } from './support/bench-database.js';
import { progress } from './support/progress.js';
import { ADMIN_KEY, EDITOR_KEY } from './support/service.js';

// node dist/bench/bench/ab-post.js BUILD_A BUILD_B [seconds] [repetitions]: two builds of the service (each a
// copy of dist/bench, e.g. dist/ab-before and dist/ab-after) on one small history, POST /v1/statements with 16
// connections, A, B, A, B, ...; prints statements/s and CPU per statement (bench, service, PostgreSQL) per run.
const [a, b, seconds = '5', repetitions = '5'] = process.argv.slice(2);
if (!a || !b || !process.env.DATABASE_URL) {
  process.stderr.write('usage: DATABASE_URL=... node dist/bench/bench/ab-post.js BUILD_A BUILD_B [seconds] [repetitions]\n');
  process.exit(2);
}
try {
  const db = await createBenchDatabase(process.env.DATABASE_URL, 'ab');
  const history = syntheticHistory(historySize(2_000, true));
  await loadHistory(db.pool, history, '2k');
  await runRebuild(db.url);
  const services = await Promise.all([a, b].map((dir) => startBuiltService({
    DATABASE_URL: db.url, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', API_KEYS: `${EDITOR_KEY}:editor,${ADMIN_KEY}:admin`, WRITE_RATE_LIMIT: '0',
  }, { main: join(resolve(dir), 'src/main.js'), healthTimeoutMs: 60_000, keepOutput: 8_000 })));
  try {
    const bodies = Array.from({ length: 5_000 }, () => history.writer.next());
    for (const [i, s] of services.entries()) await recordOverHttp(s.url, bodies, 16, 1_000, `warm-${i}`);
    const runs = await interleaved(Number(repetitions), services.map((s, i) => async (rep: number) => {
      const r = await metered(db, [s.child.pid!], () => recordOverHttp(s.url, bodies, 16, Number(seconds) * 1000, `ab-${i}-${rep}`));
      const us = (ms: number) => Math.round((ms * 1000) / r.result.operations);
      const line = { build: i === 0 ? 'A' : 'B', rep, perSecond: Math.round(r.result.perSecond), benchUs: us(r.cpu.benchMs), serviceUs: us(r.cpu.processMs), postgresUs: us(r.cpu.postgresMs) };
      progress(JSON.stringify(line));
      return line;
    }));
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    for (const [i, side] of runs.entries()) {
      process.stdout.write(`${i === 0 ? 'A' : 'B'} ${[a, b][i]}: median ${median(side.map((r) => r.perSecond))}/s, service ${median(side.map((r) => r.serviceUs))} us, `
        + `PostgreSQL ${median(side.map((r) => r.postgresUs))} us, bench ${median(side.map((r) => r.benchUs))} us per statement `
        + `(service ${side.map((r) => r.serviceUs).join('/')}, PostgreSQL ${side.map((r) => r.postgresUs).join('/')})\n`);
    }
  } finally {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
  }
} finally {
  await dropAllBenchDatabases();
}
