/** What one closed-loop run did: operations completed, how long it ran, and each operation's latency. */
export interface LoopResult {
  readonly operations: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly perSecond: number;
}

export interface LoopOptions {
  /** Concurrent workers; each waits for its operation's answer before it sends the next (closed loop). */
  readonly workers: number;
  readonly durationMs: number;
  /** One operation; `n` is unique across the run's workers. A rejection fails the run. */
  readonly operation: (n: number, worker: number) => Promise<void>;
}

/**
 * Runs `operation` from `workers` loops until `durationMs` has passed, and counts only what completed
 * within it. Both sides of every comparison go through this same harness, so its own cost (a promise
 * and a clock read per operation) falls on both alike.
 */
export async function closedLoop({ workers, durationMs, operation }: LoopOptions): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  let next = 0;
  const worker = async (id: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await operation(next++, id);
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, id) => worker(id)));
  const seconds = (performance.now() - started) / 1000;
  return { operations: latenciesMs.length, seconds, latenciesMs, perSecond: latenciesMs.length / seconds };
}
