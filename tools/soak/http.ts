/** A small HTTP client for driving a running service from outside, as its clients do (fetch, keep-alive). */

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly ms: number;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  key?: string;
  timeoutMs?: number;
}

/** One request; a network failure (refused, reset, timed out) rejects, any HTTP status resolves. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text);
    } catch { /* left as text: the caller sees what came */ }
  }
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
}

/** A request that got no HTTP answer at all: refused, reset, timed out. */
export interface NoAnswer {
  readonly failure: string;
}

export type Outcome = Answer | NoAnswer;

export const answered = (outcome: Outcome): outcome is Answer => !('failure' in outcome);

export const isSuccess = (outcome: Outcome): boolean => answered(outcome) && outcome.status >= 200 && outcome.status < 300;

/** `call`, with a missing answer as a value rather than a rejection (checked by shape: errors may come from another realm). */
export function attempt(base: string, method: string, path: string, options: CallOptions = {}): Promise<Outcome> {
  return call(base, method, path, options).catch((error: { message?: string; cause?: { code?: string } }) => ({
    failure: [error?.message, error?.cause?.code].filter(Boolean).join(': ') || String(error),
  }));
}

/** Latency figures of a set of answers, in milliseconds. */
export function percentiles(samples: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted.at(-1)!) };
}
