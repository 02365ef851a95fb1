import pg from 'pg';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { ServerBinariesMissingError, startReplicaCluster, type ReplicaCluster } from '../../tools/postgres/replica-cluster.js';
import { profileArgs, type BenchConfig } from '../config.js';
import { historySize } from '../history/history-size.js';
import { loadHistory } from '../history/load-history.js';
import { syntheticHistory } from '../history/synthetic-history.js';
import { getLoop, stanceQuestions } from '../measures/reads.js';
import { runRebuild } from '../measures/rebuild.js';
import { pairedRow } from '../report.js';
import type { LoopResult } from '../support/closed-loop.js';
import { progress } from '../support/progress.js';
import { EDITOR_KEY, startService, startServices, type BenchService } from '../support/service.js';
import { quantile } from '../support/stats.js';
import { vacuumReadModels } from './history-phase.js';
import { summarize } from './read-phase.js';
import { interleaved, label, type BenchContext } from './context.js';
import { costTable, measureCpuSplit } from './split-phase.js';

const CONNECTIONS = 16;
// In the stance query's text as pg_stat_statements keeps it (literals there become $n): counts where it ran.
const STANCE_SQL = 'v.stated_end AS end_day';

/** The pair the routing is measured on, made ahead of its phase (see main.ts), or why there is none. */
export type ReplicaPair = { readonly cluster: ReplicaCluster } | { readonly missing: string };

/**
 * A primary and a hot-standby replica made for the run (as the replica tests make them), with the small
 * history written into the primary and its read models rebuilt. Nothing is measured while it is made
 * (an initdb, a base backup, a load, a rebuild), so the run makes it while it writes the histories.
 */
export async function prepareReplicaPair(config: BenchConfig): Promise<ReplicaPair> {
  let cluster: ReplicaCluster;
  try {
    cluster = await startReplicaCluster();
  } catch (error) {
    if (!(error instanceof ServerBinariesMissingError)) throw error;
    return { missing: error.message };
  }
  try {
    // Its own copy of the small history (the same events): the context's is being written meanwhile, and its writer has state.
    await loadInto(cluster.primaryUrl, syntheticHistory(historySize(config.smallStatements, config.quick)), label(config.smallStatements));
    return { cluster };
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
}

export async function releaseReplicaPair(pair: ReplicaPair): Promise<void> {
  if ('cluster' in pair) await pair.cluster.destroy();
}

/**
 * What routing a read through a replica costs, on this one machine: the replica pair's primary holds the
 * small history, one service runs on the primary alone and one is given the replica, GET /v1/stance with
 * a write's consistency token on both. Both servers share the same cores, so this is the price of the
 * routing (the token check, the replica's pool), never a capacity figure; BENCHMARKS.md reasons about
 * replicas on their own hosts.
 */
export async function measureReplicaRouting(context: BenchContext, pair: ReplicaPair): Promise<void> {
  const { config, small } = context;
  const name = label(config.smallStatements);
  if (!('cluster' in pair)) {
    context.notes.push(`Replica routing: not measured: ${pair.missing}.`);
    return;
  }
  const { cluster } = pair;
  const services = await startServices([
    () => startService(cluster.primaryUrl, {}, profileArgs(config, 'service-primary-only')),
    () => startService(cluster.primaryUrl, { DATABASE_READ_URL: cluster.replicaUrl }, profileArgs(config, 'service-with-replica')),
  ]);
  try {
    const [primaryOnly, routed] = services;
    const token = await tokenOfAWrite(routed.url);
    await replicaInRotation(routed.url);

    const paths = stanceQuestions(small.history, 2_000, 13)
      .map((q) => `/v1/stance?actor=${q.actor}&topic=${encodeURIComponent(q.topic)}&on=${q.on}&afterToken=${token}`);
    const warm = Math.min(2_000, config.readSeconds * 500);
    await getLoop(primaryOnly.url, paths, CONNECTIONS, warm);
    await getLoop(routed.url, paths, CONNECTIONS, warm);
    const replicaCallsBefore = await stanceCalls(cluster, 'replica');
    const run = (service: BenchService, side: string) => async (rep: number) => {
      const r = await getLoop(service.url, paths, CONNECTIONS, config.readSeconds * 1000);
      progress(`replica routing rep ${rep + 1}: ${side} ${Math.round(r.perSecond)}/s p50 ${quantile(r.latenciesMs, 0.5).toFixed(2)} ms`);
      return r;
    };
    const [viaReplica, alone] = await interleaved<LoopResult>(config.repetitions, [run(routed, 'via the replica'), run(primaryOnly, 'primary alone')]);
    const answeredByReplica = (await stanceCalls(cluster, 'replica')) - replicaCallsBefore;
    const total = viaReplica.reduce((n, r) => n + r.operations, 0);

    const p = (rs: LoopResult[], q: number) => rs.map((r) => quantile(r.latenciesMs, q));
    context.rows.push(pairedRow(`replica routing: GET /v1/stance with a token p50, via a replica vs the primary alone, ${CONNECTIONS} connections, one machine`,
      'ms', p(viaReplica, 0.5), p(alone, 0.5)));
    context.rows.push(pairedRow(`replica routing: the same, requests/s (the two servers share the machine's cores)`,
      '/s', viaReplica.map((r) => r.perSecond), alone.map((r) => r.perSecond)));
    context.notes.push(`Replica routing at ${name}: via the replica ${viaReplica.map((r) => Math.round(r.perSecond)).join(', ')} requests/s, `
      + `p99 ${p(viaReplica, 0.99).map((x) => x.toFixed(2)).join(', ')} ms; primary alone ${alone.map((r) => Math.round(r.perSecond)).join(', ')} requests/s, `
      + `p99 ${p(alone, 0.99).map((x) => x.toFixed(2)).join(', ')} ms. The replica itself counted ${answeredByReplica.toLocaleString('en')} of the `
      + `${total.toLocaleString('en')} routed stance queries (pg_stat_statements there).`);
    context.raw.replicaRouting = { viaReplica: summarize(viaReplica), alone: summarize(alone), answeredByReplica, total };

    // The primary has pg_stat_statements: the CPU split per operation is measured there, by the service on
    // the primary alone once the other one is gone (a start saved; that service only ever read).
    await routed.stop();
    const costs = await measureCpuSplit(context, cluster, primaryOnly);
    context.raw.cpuSplit = costs;
    context.sections.push(`CPU per operation (${name} history, on the bench's own server; the command's and the rebuild's start-up subtracted):\n\n${costTable(costs)}`);
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}

async function loadInto(url: string, history: BenchContext['small']['history'], name: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2, queryTimeoutMs: 3_600_000 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    await loadHistory(pool, history, name);
    await runRebuild(url);
    await vacuumReadModels(pool);
  } finally {
    await pool.end();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

async function tokenOfAWrite(base: string): Promise<string> {
  const response = await fetch(`${base}/v1/actors`, {
    method: 'POST', headers: { Authorization: `Bearer ${EDITOR_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'replica-bench-writer', name: 'Replica bench writer', kind: 'person' }),
  });
  const token = response.headers.get('stanceline-token');
  if (response.status !== 201 || !token) throw new Error(`the write answered ${response.status} with token ${token}`);
  return token;
}

/** Once the replica has replayed the loaded history it is in rotation (a guard against a hang, not a timing). */
async function replicaInRotation(base: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const health = await (await fetch(`${base}/health`)).json() as { replicas?: { inRotation: boolean }[] };
    if (health.replicas?.[0]?.inRotation) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the replica never came into rotation');
}

async function stanceCalls(cluster: ReplicaCluster, server: 'primary' | 'replica'): Promise<number> {
  const [row] = await cluster.sql<{ n: number }>(server,
    `SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements WHERE strpos(query, $1) > 0 AND strpos(query, 'pg_stat_statements') = 0`, [STANCE_SQL]);
  return row.n;
}
