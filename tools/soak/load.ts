import { answered, attempt, isSuccess, percentiles, type Outcome } from './http.js';
import { correctStatement, recordStatement, type References, type StatementLedger } from './workload.js';

export interface LoadOptions {
  readonly base: string;
  readonly editorKey: string;
  readonly refs: References;
  readonly ledger: StatementLedger;
  readonly workers: number;
  /** Statement ids start with this, so several runs can share a database. */
  readonly prefix: string;
  readonly stop: () => boolean;
  /** Whether the service serves GET /v1/events (the raw log), which then joins the mix. */
  readonly eventLog: boolean;
}

export interface LoadError {
  readonly operation: string;
  readonly status: number | string;
  readonly detail: string;
}

/** Counts and latencies per operation, and every answer that was not a 2xx. */
export class LoadStats {
  readonly operations = new Map<string, number[]>();
  readonly errors: LoadError[] = [];

  get requests(): number {
    let n = 0;
    for (const latencies of this.operations.values()) n += latencies.length;
    return n;
  }

  note(operation: string, outcome: Outcome): void {
    if (!answered(outcome)) {
      this.errors.push({ operation, status: 'no answer', detail: outcome.failure });
      return;
    }
    const latencies = this.operations.get(operation) ?? [];
    latencies.push(outcome.ms);
    this.operations.set(operation, latencies);
    if (!isSuccess(outcome)) this.errors.push({ operation, status: outcome.status, detail: JSON.stringify(outcome.body).slice(0, 300) });
  }

  summary(): Record<string, { count: number; p50: number; p95: number; p99: number; max: number }> {
    return Object.fromEntries([...this.operations].sort().map(([op, ms]) => [op, { count: ms.length, ...percentiles(ms) }]));
  }
}

type Operation = (worker: Worker) => Promise<[string, Outcome]>;

interface Worker {
  readonly id: number;
  readonly own: string[];
  n: number;
}

/**
 * Mixed reads and writes, as editors and readers use the service: about a third writes (record,
 * correct, state a claim), the rest reads of every kind. Each worker corrects only its own statements,
 * so every request is one that must succeed: any answer other than a 2xx is an error of the service.
 */
export async function runMixedLoad(options: LoadOptions, stats = new LoadStats()): Promise<LoadStats> {
  const { base, editorKey, refs, ledger, prefix } = options;
  const get = (path: string) => attempt(base, 'GET', path);
  const any = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
  const encodeTopic = (topic: string) => topic.split('/').map(encodeURIComponent).join('/');
  // Measures a claim was acknowledged for: only those are asked about (an unknown measure is a 404).
  const measures: string[] = [];

  const mix: [number, Operation][] = [
    [20, async (w) => {
      const id = `${prefix}-w${w.id}-${w.n++}`;
      const outcome = await recordStatement(base, editorKey, refs, ledger, id, w.n);
      if (isSuccess(outcome)) w.own.push(id);
      return ['record statement', outcome];
    }],
    [6, async (w) => (w.own.length === 0 ? ['topics', await get('/v1/topics')]
      : ['correct statement', await correctStatement(base, editorKey, ledger, any(w.own), w.n++)])],
    [4, async (w) => {
      const measure = `${refs.measure}/m${w.n % 20}`;
      const outcome = await attempt(base, 'POST', '/v1/claims', {
        key: editorKey,
        headers: { 'Idempotency-Key': `${prefix}-claim-${w.id}-${w.n++}` },
        body: { actorId: any(refs.actors), measure, value: { low: 1000 + w.n, high: 2000 + w.n }, qualifier: 'approx', unit: 'soldiers', statedAt: '2025-02', sourceId: refs.source },
      });
      if (isSuccess(outcome)) measures.push(measure);
      return ['state claim', outcome];
    }],
    [15, async (w) => (w.own.length === 0 ? ['topics', await get('/v1/topics')] : ['get statement', await get(`/v1/statements/${any(w.own)}`)])],
    [4, async (w) => (w.own.length === 0 ? ['topics', await get('/v1/topics')] : ['statement history', await get(`/v1/statements/${any(w.own)}/history`)])],
    [14, async () => {
      // A first page and, when there is one, the next: the cursor must carry the same filters.
      const filters = `actor=${any(refs.actors)}&limit=20`;
      const first = await get(`/v1/statements?${filters}`);
      const cursor = !isSuccess(first) || !answered(first) ? null : (first.body as { nextCursor: string | null }).nextCursor;
      if (!cursor) return ['timeline page', first];
      return ['timeline page', await get(`/v1/statements?${filters}&cursor=${encodeURIComponent(cursor)}`)];
    }],
    [10, async () => ['stance on date', await get(`/v1/stance?actor=${any(refs.actors)}&topic=${encodeTopic(any(refs.topics))}&on=${any(['2022-06-01', '2025-02-04', '2025'])}`)]],
    [7, async () => ['stance changes', await get(`/v1/stance-changes?actor=${any(refs.actors)}&limit=50`)]],
    [5, async () => ['claims side by side', await get(measures.length === 0 ? '/v1/claims' : `/v1/claims?measure=${encodeTopic(any(measures))}`)]],
    [5, async () => ['actor', await get(`/v1/actors/${any(refs.actors)}`)]],
    [4, async () => ['topic', await get(`/v1/topics/${encodeTopic(any(refs.topics))}`)]],
  ];
  if (options.eventLog) mix.push([6, async () => ['event log page', await get(`/v1/events?after=${Math.floor(Math.random() * 50)}&limit=100`)]]);
  const total = mix.reduce((s, [weight]) => s + weight, 0);
  const pick = (): Operation => {
    let r = Math.random() * total;
    for (const [weight, op] of mix) if ((r -= weight) < 0) return op;
    return mix[0][1];
  };

  await Promise.all(Array.from({ length: options.workers }, async (_, id) => {
    const worker: Worker = { id, own: [], n: 0 };
    while (!options.stop()) {
      const [operation, outcome] = await pick()(worker);
      stats.note(operation, outcome);
    }
  }));
  return stats;
}
