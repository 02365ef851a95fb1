import { answered, attempt, call, type Outcome } from '../../tools/soak/http.js';
import { EventStreamClient } from '../../tools/soak/sse.js';
import { registerReferences, statementBody, type References } from '../../tools/soak/workload.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { KEYS } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Far above what the service needs (see the figures it prints), far below "hangs". */
const BOUND_MS = 10_000;
const PROBLEM_JSON = /^application\/problem\+json/;

/**
 * The service reaches PostgreSQL through a TCP proxy the test can cut (connections reset, new ones
 * refused: the server is down) or stall (connections open but silent: a dead host or a partition).
 * Either way health, writes and reads must answer 503 within a bound, not hang; when the database is
 * back, the service must recover on its own, and the writes refused meanwhile can be retried.
 */
describe('a database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let service: ServiceProcess;
  let refs: References;
  let stream: EventStreamClient;
  const figures: string[] = [];
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
    proxy = await startTcpProxy();
    service = await startService({
      DATABASE_URL: proxy.via(db.url), API_KEYS: `${KEYS.editor}:editor`, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn',
      // Statements get 2 s on the server; a silent connection is given up 2 s after that.
      DATABASE_QUERY_TIMEOUT_MS: '2000',
    });
    refs = await registerReferences(service.url, KEYS.editor, 'outage');
    stream = new EventStreamClient(`${service.url}/v1/events/stream`);
    await stream.open();
  });
  afterAll(async () => {
    process.stdout.write(`database outage: ${figures.join('; ')}\n`);
    await stream?.close();
    await service?.stop();
    await proxy?.close();
    await db?.drop();
  });

  const record = (id: string) => attempt(service.url, 'POST', '/v1/statements', {
    key: KEYS.editor, body: statementBody(refs, id, n++), headers: { 'Idempotency-Key': `outage-${id}` }, timeoutMs: 60_000,
  });
  const get = (path: string) => attempt(service.url, 'GET', path, { timeoutMs: 60_000 });

  /** What the service answers while the database is away: each request, its status and how long it took. */
  async function duringOutage(label: string, pendingWrites: string[]): Promise<void> {
    const probes: [string, Promise<Outcome>][] = [
      ['health', get('/health')],
      ['write', record(pendingWrites[0])],
      ['write', record(pendingWrites[1])],
      ['read one', get(`/v1/statements/${label}-before`)],
      ['timeline', get(`/v1/statements?actor=${refs.actors[0]}`)],
      ['stance', get(`/v1/stance?actor=${refs.actors[0]}&topic=${refs.topics[0]}&on=2025`)],
    ];
    const answers = await Promise.all(probes.map(([, p]) => p));
    for (const [i, [what]] of probes.entries()) {
      const answer = answers[i];
      expect(answered(answer) && answer.status).toBe(503);
      if (!answered(answer)) continue;
      expect(answer.ms).toBeLessThan(BOUND_MS);
      if (what !== 'health') expect(answer.headers.get('content-type')).toMatch(PROBLEM_JSON);
    }
    const ms = (what: string) => Math.max(...probes.flatMap(([w], i) => (w === what && answered(answers[i]) ? [Math.round(answers[i].ms)] : [])));
    figures.push(`${label}: health 503 in ${ms('health')} ms, writes 503 in ${ms('write')} ms, reads 503 in ${Math.max(ms('read one'), ms('timeline'), ms('stance'))} ms`);
  }

  /** From the database's return to a healthy answer and a successful write, without a restart. */
  async function recovery(label: string, pendingWrites: string[]): Promise<void> {
    const restored = Date.now();
    proxy.restore();
    let healthy: number | undefined;
    while (healthy === undefined && Date.now() - restored < 30_000) {
      if ((await call(service.url, 'GET', '/health')).status === 200) healthy = Date.now() - restored;
    }
    expect(healthy).toBeDefined();
    const written = await record(`${label}-after`);
    expect(answered(written) && written.status).toBe(201);
    const writable = Date.now() - restored;
    // The writes refused during the outage never reached the log; retried under their keys, each is written once.
    for (const id of pendingWrites) {
      expect((await get(`/v1/statements/${id}`)) as { status: number }).toMatchObject({ status: 404 });
      const retried = await record(id);
      expect(answered(retried) && retried.status).toBe(201);
    }
    expect((await get(`/v1/statements/${label}-before`)) as { status: number }).toMatchObject({ status: 200 });
    const [{ n: events }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = ANY($1)`, [pendingWrites.map((id) => `statement-${id}`)]);
    expect(events).toBe(pendingWrites.length);
    figures.push(`${label}: healthy ${healthy} ms after the database returned, first write 201 after ${writable} ms`);
  }

  it('given the database cut off (connections reset and refused), answers 503 at once and recovers when it returns', async () => {
    expect(await record('cut-before').then((a) => answered(a) && a.status)).toBe(201);
    proxy.cut();
    await duringOutage('cut', ['cut-during-1', 'cut-during-2']);
    await recovery('cut', ['cut-during-1', 'cut-during-2']);
  });

  it('given the database silent on open connections (half-open), answers 503 within the bound and recovers', async () => {
    expect(await record('stall-before').then((a) => answered(a) && a.status)).toBe(201);
    proxy.stall();
    await duringOutage('stall', ['stall-during-1', 'stall-during-2']);
    await recovery('stall', ['stall-during-1', 'stall-during-2']);
  });

  it('then a live event-stream reader connected before both outages has every event once', async () => {
    const [{ n: total }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const deadline = Date.now() + 15_000;
    while (stream.seen.size < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect({ seen: stream.seen.size, repeated: stream.repeated }).toEqual({ seen: total, repeated: 0 });
  });
});
