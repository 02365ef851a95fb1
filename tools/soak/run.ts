import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { lastPosition, positionsAfter } from '../../src/event-store/log-facts.js';
import type { SoakOptions } from './args.js';
import { auditStatements, compareWithRebuild, type Query } from './consistency.js';
import { call } from './http.js';
import { LoadStats, runMixedLoad } from './load.js';
import { residentMiB } from '../service/rss.js';
import { secondHalf, slopePerMinute, type Sample } from './rss-trend.js';
import { createSoakDatabase, startBuiltService } from './service.js';
import { EventStreamClient } from './sse.js';
import { registerReferences, StatementLedger } from './workload.js';

export interface SoakReport {
  readonly ok: boolean;
  readonly problems: string[];
}

/**
 * The soak: the built service on a scratch database on this machine, mixed load for a fixed time with
 * live event-stream readers attached, RSS sampled throughout; then the checks. Everything it starts, it
 * stops, and the scratch database is dropped, also when the run is interrupted.
 */
export async function runSoak(options: SoakOptions, print: (line: string) => void, interrupted = new AbortController().signal): Promise<SoakReport> {
  const keys = { editor: `soak-editor-${randomBytes(12).toString('hex')}`, admin: `soak-admin-${randomBytes(12).toString('hex')}` };
  const database = await createSoakDatabase(options.serverUrl);
  const client = new pg.Client({ connectionString: database.url });
  const service = await startBuiltService({
    DATABASE_URL: database.url, API_KEYS: `${keys.editor}:editor,${keys.admin}:admin`, LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true',
  }, print).catch(async (error: Error) => {
    await database.drop();
    throw error;
  });
  const streams: EventStreamClient[] = [];
  try {
    await client.connect();
    const query: Query = (sql, params) => client.query(sql, params as unknown[]).then((r) => r.rows);
    const refs = await registerReferences(service.url, keys.editor, 'soak');
    const eventLog = (await call(service.url, 'GET', '/v1/events?limit=1')).status === 200;
    const streamsFrom = await lastPosition(query);
    for (let i = 0; i < options.sseClients; i++) {
      const stream = new EventStreamClient(`${service.url}/v1/events/stream`);
      const status = await stream.open();
      if (status === 404) {
        print('note: the service has no GET /v1/events/stream (404): the run goes on without event-stream clients');
        break;
      }
      if (status !== 200) throw new Error(`GET /v1/events/stream answered ${status}`);
      streams.push(stream);
    }
    if (!eventLog) print('note: the service has no GET /v1/events: the raw event log is left out of the read mix');

    const ledger = new StatementLedger();
    const stats = new LoadStats();
    const samples: Sample[] = [];
    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    const sample = () => samples.push({ at: elapsed(), mib: residentMiB(service.pid) });
    sample();
    const sampler = setInterval(sample, options.sampleEveryS * 1000);
    let lastRequests = 0;
    const progress = setInterval(() => {
      const rate = (stats.requests - lastRequests) / 5;
      lastRequests = stats.requests;
      print(`[${elapsed().toFixed(0).padStart(4)} s] ${stats.requests} requests (${rate.toFixed(0)}/s), ${stats.errors.length} errors, `
        + `${ledger.acknowledged.size} statements acknowledged, RSS ${samples.at(-1)!.mib.toFixed(1)} MiB`
        + (streams.length > 0 ? `, event-stream messages ${streams.map((s) => s.messages).join('/')}` : ''));
    }, 5_000);
    print(`soak: ${options.durationS} s, ${options.workers} workers, ${streams.length} event-stream clients, RSS every ${options.sampleEveryS} s`);
    await runMixedLoad({
      base: service.url, editorKey: keys.editor, refs, ledger, workers: options.workers, prefix: 'soak', eventLog,
      stop: () => interrupted.aborted || elapsed() >= options.durationS,
    }, stats);
    clearInterval(progress);
    clearInterval(sampler);
    sample();
    const loadSeconds = elapsed();

    return await check({ options, print, query, stats, ledger, samples, streams, streamsFrom, loadSeconds, base: service.url, adminKey: keys.admin });
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    await client.end().catch(() => undefined);
    await service.stop();
    await database.drop();
  }
}

interface CheckInput {
  options: SoakOptions;
  print: (line: string) => void;
  query: Query;
  stats: LoadStats;
  ledger: StatementLedger;
  samples: Sample[];
  streams: EventStreamClient[];
  streamsFrom: number;
  loadSeconds: number;
  base: string;
  adminKey: string;
}

async function check({ options, print, query, stats, ledger, samples, streams, streamsFrom, loadSeconds, base, adminKey }: CheckInput): Promise<SoakReport> {
  const problems: string[] = [];
  print(`load: ${stats.requests} requests in ${loadSeconds.toFixed(1)} s (${(stats.requests / loadSeconds).toFixed(0)}/s), ${stats.errors.length} error responses`);
  for (const [operation, figures] of Object.entries(stats.summary())) {
    print(`  ${operation.padEnd(20)} ${String(figures.count).padStart(7)}  p50 ${figures.p50} ms  p95 ${figures.p95} ms  p99 ${figures.p99} ms  max ${figures.max} ms`);
  }
  if (stats.errors.length > 0) {
    problems.push(`${stats.errors.length} error responses`);
    for (const error of stats.errors.slice(0, 10)) print(`  error: ${error.operation} -> ${error.status} ${error.detail}`);
  }

  const half = secondHalf(samples);
  const slope = slopePerMinute(half);
  const mib = samples.map((s) => s.mib);
  print(`RSS: start ${mib[0].toFixed(1)} MiB, max ${Math.max(...mib).toFixed(1)} MiB, end ${mib.at(-1)!.toFixed(1)} MiB; `
    + `second-half trend ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MiB/min over ${half.length} samples`);
  if (loadSeconds >= 60 && slope > options.maxRssSlope) problems.push(`RSS grows ${slope.toFixed(2)} MiB/min over the second half (limit ${options.maxRssSlope})`);
  if (loadSeconds < 60) print('  (runs shorter than a minute report the trend without judging it)');

  const audit = await auditStatements(base, query, ledger.acknowledged);
  print(`statements: ${audit.acknowledged} acknowledged, ${audit.found} found at their acknowledged version, `
    + `${audit.missing.length} missing, ${audit.wrongVersion.length} at another version, ${audit.duplicated.length} recorded twice`);
  if (audit.found !== audit.acknowledged || audit.duplicated.length > 0) problems.push('acknowledged statements missing, changed or duplicated');

  if (streams.length > 0) {
    // Every event of the log must reach every client once (they connected before the load began).
    const positions = await positionsAfter(query, streamsFrom);
    const unseen = (s: EventStreamClient) => positions.filter((p) => !s.seen.has(p)).length;
    const deadline = Date.now() + 15_000;
    while (streams.some((s) => unseen(s) > 0 && !s.failure) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    for (const [i, s] of streams.entries()) {
      const missing = unseen(s);
      print(`event stream ${i + 1}: ${s.messages} messages, ${positions.length - missing} of the ${positions.length} events since it connected, `
        + `${missing} missing, ${s.repeated} repeated${s.failure ? `, failed: ${s.failure}` : ''}`);
      if (missing > 0 || s.repeated > 0 || s.failure) problems.push(`event stream client ${i + 1} did not get every event exactly once`);
    }
  }

  const rebuild = await compareWithRebuild(base, adminKey, query);
  print(`read models vs rebuild: ${rebuild.rebuilt.length} tables rebuilt, ${rebuild.differing.length} differ${rebuild.differing.length ? `: ${rebuild.differing.join(', ')}` : ''}`);
  if (rebuild.differing.length > 0 || rebuild.uncovered.length > 0) problems.push('the read models differ from a rebuild from the log');

  print(problems.length === 0 ? 'soak passed' : `soak FAILED: ${problems.join('; ')}`);
  return { ok: problems.length === 0, problems };
}
