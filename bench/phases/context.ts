import type { BenchConfig } from '../config.js';
import type { SyntheticHistory } from '../history/synthetic-history.js';
import type { Row } from '../report.js';
import type { BenchDatabase } from '../support/bench-database.js';
import { CpuMeter, type CpuSplit } from '../support/cpu-meter.js';

/** What the phases share: the two histories and their databases, and what has been measured so far. */
export interface BenchContext {
  readonly config: BenchConfig;
  readonly small: { readonly db: BenchDatabase; readonly history: SyntheticHistory; events: number };
  readonly large: { readonly db: BenchDatabase; readonly history: SyntheticHistory; events: number };
  readonly rows: Row[];
  /** Figures that are no target's but explain one (latencies, sizes, timings), printed under the table. */
  readonly notes: string[];
  /** Further Markdown tables (the CPU split per operation), printed under the notes. */
  readonly sections: string[];
  /** Every measured value, for the JSON output. */
  readonly raw: Record<string, unknown>;
}

export const label = (statements: number): string =>
  statements >= 1_000_000 && statements % 1_000_000 === 0 ? `${statements / 1_000_000}M`
    : statements >= 1_000 && statements % 1_000 === 0 ? `${statements / 1_000}k` : String(statements);

/** Runs `measure` for each repetition in turn: A, B, A, B, ... so drift in the machine's load hits both sides. */
export async function interleaved<T>(repetitions: number, steps: readonly ((rep: number) => Promise<T>)[]): Promise<T[][]> {
  const results: T[][] = steps.map(() => []);
  for (let rep = 0; rep < repetitions; rep++) {
    for (let s = 0; s < steps.length; s++) results[s].push(await steps[s](rep));
  }
  return results;
}

/**
 * Runs one side with its CPU counted per process (see CpuMeter). `pids` may grow while it runs: a
 * child process spawned by the side is added when it starts.
 */
export async function metered<T>(db: Pick<BenchDatabase, 'name' | 'pool'>, pids: number[], run: () => Promise<T>): Promise<{ result: T; cpu: CpuSplit }> {
  const meter = await new CpuMeter(db.pool, [db.name], () => pids).start();
  try {
    const result = await run();
    return { result, cpu: await meter.stop() };
  } catch (error) {
    await meter.stop().catch(() => undefined);
    throw error;
  }
}

/** The median CPU per operation of each process group over the repetitions, as a phrase for the notes. */
export function cpuPerOperation(runs: readonly { cpu: CpuSplit; operations: number }[], processLabel = 'service'): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const us = (pick: (c: CpuSplit) => number) => Math.round(median(runs.map((r) => (pick(r.cpu) * 1000) / r.operations)));
  const service = us((c) => c.processMs);
  return `bench ${us((c) => c.benchMs)} µs${service > 0 ? `, ${processLabel} ${service} µs` : ''}, PostgreSQL ${us((c) => c.postgresMs)} µs`;
}
