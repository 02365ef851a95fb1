import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historySize } from './history/history-size.js';
import { syntheticHistory } from './history/synthetic-history.js';

// node dist/bench/bench/ab-validation.js BUILD_A BUILD_B [bodies] [repetitions]: the validation of a statement
// body alone, in two builds of the service (copies of dist/bench), A, B, A, B, ... each in a fresh process:
// the import's (plainToInstance, then its validate call) and the HTTP API's (the global ValidationPipe), in
// CPU µs per body (JSON.parse of it included), the best of three passes over `bodies` statements after a warm-up pass.
const [first, ...rest] = process.argv.slice(2);
if (first === '--measure') {
  const [build, count] = rest;
  process.stdout.write(JSON.stringify(await measure(resolve(build), Number(count))) + '\n');
} else {
  const [a, b, bodies = '20000', repetitions = '5'] = process.argv.slice(2);
  if (!a || !b) {
    process.stderr.write('usage: node dist/bench/bench/ab-validation.js BUILD_A BUILD_B [bodies] [repetitions]\n');
    process.exit(2);
  }
  const runs: { import: number; pipe: number }[][] = [[], []];
  for (let rep = 0; rep < Number(repetitions); rep++) {
    for (const [i, build] of [a, b].entries()) {
      const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', build, bodies], { encoding: 'utf8' });
      runs[i].push(JSON.parse(output));
      process.stderr.write(`${i === 0 ? 'A' : 'B'} ${output}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const [i, side] of runs.entries()) {
    process.stdout.write(`${i === 0 ? 'A' : 'B'} ${[a, b][i]}: median per statement body: import ${median(side.map((r) => r.import))} us, `
      + `HTTP pipe ${median(side.map((r) => r.pipe))} us (import ${side.map((r) => r.import).join('/')}, pipe ${side.map((r) => r.pipe).join('/')})\n`);
  }
}

async function measure(build: string, count: number): Promise<{ import: number; pipe: number }> {
  const load = (path: string) => import(join(build, path));
  await load('src/app.module.js'); // every request class of the service registered, as when it runs
  const { IMPORT_KINDS } = await load('src/import/import-kinds.js');
  const { createValidationPipe } = await load('src/common/validation.js');
  const { plainToInstance } = await import('class-transformer');
  // The import's own call: validateSyncPlanned where the build has it, class-validator's validateSync before.
  const planned = await load('src/common/validation-plan.js').catch(() => undefined);
  const validate = planned?.validateSyncPlanned ?? (await import('class-validator')).validateSync;
  const history = syntheticHistory(historySize(2_000, true));
  const texts = Array.from({ length: count }, (_, n) => JSON.stringify({ id: `v-${n}`, ...history.writer.next() }));
  const kind = IMPORT_KINDS.statement;
  const pipe = createValidationPipe();
  const metadata = { type: 'body', metatype: kind.request, data: undefined };
  const viaImport = async () => {
    for (const text of texts) {
      if (validate(plainToInstance(kind.request, JSON.parse(text)), { whitelist: true, forbidNonWhitelisted: true }).length > 0) throw new Error(`refused: ${text}`);
    }
  };
  const viaPipe = async () => {
    for (const text of texts) await pipe.transform(JSON.parse(text), metadata);
  };
  const best = async (run: () => Promise<void>) => {
    await run();
    let least = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const started = process.cpuUsage();
      await run();
      const used = process.cpuUsage(started);
      least = Math.min(least, (used.user + used.system) / count);
    }
    return Math.round(least * 10) / 10;
  };
  return { import: await best(viaImport), pipe: await best(viaPipe) };
}
