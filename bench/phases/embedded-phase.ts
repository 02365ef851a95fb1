import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchConfig } from '../config.js';
import { CLUSTER_DIR, loadOrCreatePassword, SUPERUSER } from '../../src/database/embedded/cluster.js';
import { readPostmaster } from '../../src/database/embedded/postmaster.js';
import { historySize } from '../history/history-size.js';
import { loadHistory } from '../history/load-history.js';
import { syntheticHistory, type SyntheticHistory } from '../history/synthetic-history.js';
import { stanceOverHttp, stanceQuestions } from '../measures/reads.js';
import { recordOverHttp } from '../measures/record-statement.js';
import { atLeast, pairedRow } from '../report.js';
import type { LoopResult } from '../support/closed-loop.js';
import { HttpClient } from '../support/http-client.js';
import { progress } from '../support/progress.js';
import { ADMIN_KEY, startEmbeddedService, type BenchService } from '../support/service.js';
import { quantile } from '../support/stats.js';
import { interleaved, label, type BenchContext } from './context.js';
import { vacuumReadModels } from './history-phase.js';
import { summarize } from './read-phase.js';

const CONNECTIONS = 16;
const rate = (r: LoopResult) => Math.round(r.perSecond).toLocaleString('en');
const p50 = (r: LoopResult) => `${quantile(r.latenciesMs, 0.5).toFixed(2)} ms`;

/** The embedded default, started ahead of its phase (see main.ts) with the small history in its own PostgreSQL. */
export interface EmbeddedSide {
  readonly service: BenchService;
  readonly dataDir: string;
  readonly history: SyntheticHistory;
  /** What went into it, for the notes: events, seconds, and the embedded server's version. */
  readonly loaded: { readonly events: number; readonly seconds: number; readonly version: string };
}

/**
 * The same service build with no DATABASE_URL (its own PostgreSQL 18 under a fresh DATA_DIR, as `npm
 * start` runs on a bare machine), the small history written into it and its read models rebuilt by the
 * service itself. Nothing is measured while that happens (an initdb, a start, a load, a rebuild), so the
 * run does it while it writes the histories; the service then waits, idle, for its phase.
 */
export async function prepareEmbedded(config: BenchConfig): Promise<EmbeddedSide> {
  // The same events as the server's small history: a copy of its own, since a history's writer has state.
  const history = syntheticHistory(historySize(config.smallStatements, config.quick));
  // The server the embedded service starts runs as an unprivileged user when this process is root: the
  // directory must be one that user can reach (a temp directory is; mkdtemp makes it 0700).
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-embedded-'));
  await chmod(dataDir, 0o755);
  let service: BenchService | undefined;
  try {
    progress(`embedded default: starting the service on a fresh DATA_DIR and writing the ${label(config.smallStatements)}-statement history into it`);
    service = await startEmbeddedService(dataDir);
    const pool = new pg.Pool({ connectionString: embeddedUrl(dataDir), max: 2 });
    try {
      const loaded = await loadHistory(pool, history, `embedded ${label(config.smallStatements)}`);
      await rebuildThrough(service);
      await vacuumReadModels(pool);
      const version = (await pool.query('SHOW server_version')).rows[0].server_version as string;
      return { service, dataDir, history, loaded: { ...loaded, version } };
    } finally {
      await pool.end();
    }
  } catch (error) {
    await releaseEmbedded({ service, dataDir });
    throw error;
  }
}

export async function releaseEmbedded({ service, dataDir }: { service?: BenchService; dataDir: string }): Promise<void> {
  await service?.stop(); // the last process using the embedded server stops it
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * The embedded default against a PostgreSQL server: the same service build, on its own PostgreSQL
 * (`embedded`) and on the small history's database on the server (`server`, the small read service:
 * a start saved), both holding the same history. GET /v1/stance and POST /v1/statements with 16
 * connections, the two services interleaved. Run before the write phase, so the server's database holds
 * the history and nothing else.
 */
export async function measureEmbedded(context: BenchContext, { service: embedded, history, loaded }: EmbeddedSide, server: BenchService): Promise<void> {
  const { config, small } = context;
  context.notes.push(`Embedded default: ${loaded.events.toLocaleString('en')} events written into its own PostgreSQL in ${loaded.seconds.toFixed(1)} s `
    + `(while the other histories were written); server ${loaded.version}, the server's ${(await small.db.pool.query('SHOW server_version')).rows[0].server_version}.`);

  const questions = stanceQuestions(history, 2_000, 21);
  const duration = config.httpSeconds * 1000;
  for (const s of [embedded, server]) await stanceOverHttp(s.url, questions, CONNECTIONS, Math.min(2_000, duration));
  const [onEmbedded, onServer] = await interleaved(config.repetitions, [embedded, server].map((s) => () => stanceOverHttp(s.url, questions, CONNECTIONS, duration)));
  progress(`stance, embedded vs server: ${onEmbedded.map(rate).join(', ')} vs ${onServer.map(rate).join(', ')} /s`);
  context.rows.push(pairedRow(`embedded default vs a PostgreSQL server: GET /v1/stance, ${label(config.smallStatements)} statements, ${CONNECTIONS} connections`, 'requests/s',
    onEmbedded.map((r) => r.perSecond), onServer.map((r) => r.perSecond), atLeast(0.8)));

  const bodies = Array.from({ length: 5_000 }, () => history.writer.next());
  for (const [i, s] of [embedded, server].entries()) await recordOverHttp(s.url, bodies, CONNECTIONS, Math.min(1_000, duration), `warm-${i}`);
  const [postEmbedded, postServer] = await interleaved(config.repetitions, [embedded, server].map((s, i) =>
    (rep: number) => recordOverHttp(s.url, bodies, CONNECTIONS, duration, `embedded-phase-${i}-${rep}`)));
  progress(`POST, embedded vs server: ${postEmbedded.map(rate).join(', ')} vs ${postServer.map(rate).join(', ')} /s`);
  context.rows.push(pairedRow(`embedded default vs a PostgreSQL server: POST /v1/statements, ${CONNECTIONS} connections`, 'statements/s',
    postEmbedded.map((r) => r.perSecond), postServer.map((r) => r.perSecond), atLeast(0.8)));

  context.notes.push(`Embedded vs server, ${CONNECTIONS} connections: stance p50 ${onEmbedded.map(p50).join(', ')} vs ${onServer.map(p50).join(', ')}; `
    + `POST p50 ${postEmbedded.map(p50).join(', ')} vs ${postServer.map(p50).join(', ')}. Both servers run on this machine with their default `
    + 'settings (fsync on); the embedded one is the PostgreSQL 18 the service ships with.');
  context.raw.embedded = { stance: { embedded: summarize(onEmbedded), server: summarize(onServer) }, post: { embedded: summarize(postEmbedded), server: summarize(postServer) } };
}

/** The embedded server's address, as the service's own tools find it: the port in postmaster.pid, the password beside it. */
function embeddedUrl(dataDir: string): string {
  const postmaster = readPostmaster(join(dataDir, CLUSTER_DIR));
  if (!postmaster?.alive) throw new Error(`no embedded PostgreSQL running in ${dataDir}`);
  const password = loadOrCreatePassword(dataDir);
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/postgres`;
}

/** The read models of the history just written, rebuilt by the service itself (the admin endpoint). */
async function rebuildThrough(service: BenchService): Promise<void> {
  const http = new HttpClient(service.url, 1);
  try {
    await http.expect(200, 'POST', '/v1/admin/projections/rebuild', undefined, { authorization: `Bearer ${ADMIN_KEY}` });
  } finally {
    http.close();
  }
}
