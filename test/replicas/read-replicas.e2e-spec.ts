import pg from 'pg';
import { FENCE } from '../../src/event-store/event-log-reader.js';
import type { ReplicaCluster } from '../../tools/postgres/replica-cluster.js';
import { actor, withReplicatedService, type ReplicatedService } from '../support/replicated-service.js';

// A guard against a hang, not a timing: waiting on lag takes seconds, more on a loaded CI machine.
const TEST_MS = 180_000;
const ACTOR_READ = 'FROM actors WHERE id = $1';
const TIMELINE_READ = 'ORDER BY v.stated_start, v.first_position';

describe('read replicas: a real primary and a hot-standby replica', () => {
  const setup = withReplicatedService();
  let cluster: ReplicaCluster;
  let service: ReplicatedService;
  beforeAll(() => ({ cluster, service } = setup));

  it('answers reads from the replica, as the replica itself counts them; a write\'s token makes its own write visible there', async () => {
    const written = await service.post('/v1/actors', actor('served-by-replica'));
    expect(written.status).toBe(201);
    expect(written.token).toMatch(/^1\.[0-9a-f]{16}$/);
    const [replicaBefore, primaryBefore] = [await service.statementCalls('replica', ACTOR_READ), await service.statementCalls('primary', ACTOR_READ)];

    for (let i = 0; i < 10; i++) {
      expect((await service.get('/v1/actors/served-by-replica', { 'Stanceline-Token': written.token! })).body.name).toBe('Actor served-by-replica');
      expect((await service.get(`/v1/actors/served-by-replica?afterToken=${written.token}`)).body.name).toBe('Actor served-by-replica');
      expect((await service.get('/v1/actors/served-by-replica')).status).toBe(200);
    }

    expect(await service.statementCalls('replica', ACTOR_READ)).toBe(replicaBefore + 30);
    expect(await service.statementCalls('primary', ACTOR_READ)).toBe(primaryBefore);
    const health = await service.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', database: 'up', replicas: [{ up: true, inRotation: true, lagMs: expect.any(Number) }] });
  }, TEST_MS);

  it('refuses a token it did not give out, naming where it came from', async () => {
    const header = await service.get('/v1/actors/served-by-replica', { 'Stanceline-Token': '0/16B3748' });
    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual([expect.objectContaining({ field: 'Stanceline-Token' })]);
    const query = await service.get('/v1/actors/served-by-replica?afterToken=nonsense');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ field: 'afterToken' })]);
  }, TEST_MS);

  it('describes the token in the OpenAPI document: reads take it, writes answer with it', async () => {
    const { body } = await service.get('/docs-json');
    expect(body.paths['/v1/actors/{id}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Stanceline-Token', 'afterToken']));
    expect(body.paths['/v1/actors'].post.responses['201'].headers).toHaveProperty('Stanceline-Token');
  }, TEST_MS);

  it('keeps the event log on the primary: on a hot standby the safe-order fence passes a transaction still running on the primary', async () => {
    await cluster.sql('primary', 'CREATE TABLE IF NOT EXISTS fence_probe (x int)');
    const holder = new pg.Client(cluster.primaryUrl);
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const [{ xid }] = (await holder.query(`INSERT INTO fence_probe VALUES (1) RETURNING pg_current_xact_id()::text AS xid`)).rows;
      const after = await service.post('/v1/actors', actor('after-the-open-transaction'));
      expect((await service.get('/v1/actors/after-the-open-transaction', { 'Stanceline-Token': after.token! })).status).toBe(200);
      await waitForReplay(after.token!);

      const fenceOn = async (server: 'primary' | 'replica') => BigInt((await cluster.sql<{ fence: string }>(server, `SELECT (${FENCE})::text AS fence`))[0].fence);
      expect(await fenceOn('primary')).toBeLessThanOrEqual(BigInt(xid)); // holds readers back until it commits
      expect(await fenceOn('replica')).toBeGreaterThan(BigInt(xid)); // would let them pass it, and skip its events
      // Why: the standby's snapshot keeps the primary's running transactions out of pg_current_snapshot()'s list.
      const snapshotOn = async (server: 'primary' | 'replica') => (await cluster.sql<{ s: string }>(server, 'SELECT pg_current_snapshot()::text AS s'))[0].s;
      expect((await snapshotOn('primary')).split(':')[2].split(',')).toContain(xid);
      expect((await snapshotOn('replica')).split(':')[2]).toBe('');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }

    const replicaBefore = await service.statementCalls('replica', 'FROM events');
    const page = await service.get('/v1/events?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(await service.statementCalls('replica', 'FROM events')).toBe(replicaBefore);
  }, TEST_MS);

  it('serves a paged timeline so that no page comes from a server behind its first page\'s, and pages neither skip nor repeat', async () => {
    for (const [path, body] of [
      ['/v1/actors', actor('pager')],
      ['/v1/topics', { id: 'paging', title: 'Paging', proposition: 'Pages should not skip' }],
      ['/v1/sources', { id: 'paging-source', kind: 'interview', title: 'An interview' }],
    ] as const) expect((await service.post(path, body)).status).toBe(201);
    const statement = (statedAt: string) => ({
      actorId: 'pager', topicId: 'paging', stance: 'support', summary: `Said on ${statedAt}`, form: 'paraphrase', statedAt, sourceId: 'paging-source',
    });
    let token = '';
    for (const day of ['2024-01-01', '2024-01-02', '2024-01-03']) token = (await service.post('/v1/statements', statement(day))).token!;
    await service.replicaBecomes((replica) => replica.inRotation);

    // The replica stops replaying; what the primary writes now, the first page sees and the replica lacks.
    await cluster.sql('replica', 'SELECT pg_wal_replay_pause()');
    try {
      token = (await service.post('/v1/statements', statement('2024-01-04'))).token!;
      const first = await service.get(`/v1/statements?actor=pager&limit=2&afterToken=${token}`);
      expect(first.body.items.map((s: { statedAt: string }) => s.statedAt)).toEqual(['2024-01-01', '2024-01-02']);
      const replicaBefore = await service.statementCalls('replica', TIMELINE_READ);
      const second = await service.get(`/v1/statements?actor=pager&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.body.items.map((s: { statedAt: string }) => s.statedAt)).toEqual(['2024-01-03', '2024-01-04']);
      expect(await service.statementCalls('replica', TIMELINE_READ)).toBe(replicaBefore); // the replica was behind the first page

      await cluster.sql('replica', 'SELECT pg_wal_replay_resume()');
      await service.replicaBecomes((replica) => replica.inRotation);
      const again = await service.get(`/v1/statements?actor=pager&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(again.body).toEqual(second.body);
      expect(await service.statementCalls('replica', TIMELINE_READ)).toBe(replicaBefore + 1); // caught up: it may serve the page

      // A first page read on the standby cannot pin its later pages (its snapshot omits the primary's running
      // transactions, see the fence test), so when there is a next page the primary reads it again.
      const [onReplica, onPrimary] = [await service.statementCalls('replica', TIMELINE_READ), await service.statementCalls('primary', TIMELINE_READ)];
      const fresh = await service.get('/v1/statements?actor=pager&limit=2');
      expect(fresh.body.items).toEqual(first.body.items);
      expect(await service.statementCalls('replica', TIMELINE_READ)).toBe(onReplica + 1);
      expect(await service.statementCalls('primary', TIMELINE_READ)).toBe(onPrimary + 1);

      // knownAt: only the primary's answer is final (records carry their transaction's start time).
      const asOfNow = await service.get(`/v1/statements?actor=pager&knownAt=${encodeURIComponent(new Date().toISOString())}`);
      expect(asOfNow.body.items).toHaveLength(4);
      expect(await service.statementCalls('replica', TIMELINE_READ)).toBe(onReplica + 1);
      expect(await service.statementCalls('primary', TIMELINE_READ)).toBe(onPrimary + 2);
    } finally {
      await cluster.sql('replica', 'SELECT pg_wal_replay_resume()');
    }
  }, TEST_MS);

  it('given replay paused on the replica, token reads fall back to the primary and tokenless reads leave the lagging replica until it catches up', async () => {
    expect((await service.post('/v1/actors', actor('before-the-pause'))).status).toBe(201);
    await service.replicaBecomes((replica) => replica.inRotation);
    await cluster.sql('replica', 'SELECT pg_wal_replay_pause()');
    try {
      const written = await service.post('/v1/actors', actor('written-during-the-pause'));
      const [replicaBefore, primaryBefore] = [await service.statementCalls('replica', ACTOR_READ), await service.statementCalls('primary', ACTOR_READ)];
      const mine = await service.get('/v1/actors/written-during-the-pause', { 'Stanceline-Token': written.token! });
      expect(mine.status).toBe(200); // never older than the client's own write
      expect(await service.statementCalls('replica', ACTOR_READ)).toBe(replicaBefore);
      expect(await service.statementCalls('primary', ACTOR_READ)).toBe(primaryBefore + 1);

      // The primary keeps writing, so the replica falls behind by more than the bound and leaves the rotation.
      let n = 0;
      await service.replicaBecomes((replica) => replica.up && !replica.inRotation, () => service.post('/v1/actors', actor(`pause-load-${n++}`)));
      const replicaOut = await service.statementCalls('replica', ACTOR_READ);
      for (let i = 0; i < 10; i++) expect((await service.get('/v1/actors/before-the-pause')).status).toBe(200);
      expect(await service.statementCalls('replica', ACTOR_READ)).toBe(replicaOut);
      expect((await service.get('/health')).status).toBe(200);
    } finally {
      await cluster.sql('replica', 'SELECT pg_wal_replay_resume()');
    }

    await service.replicaBecomes((replica) => replica.inRotation);
    const replicaBack = await service.statementCalls('replica', ACTOR_READ);
    for (let i = 0; i < 5; i++) expect((await service.get('/v1/actors/written-during-the-pause')).status).toBe(200);
    expect(await service.statementCalls('replica', ACTOR_READ)).toBe(replicaBack + 5);
  }, TEST_MS);

  async function waitForReplay(token: string): Promise<void> {
    const lsn = `${token.slice(2, 10)}/${token.slice(10)}`;
    const deadline = Date.now() + TEST_MS / 2;
    while (!(await cluster.sql<{ ok: boolean }>('replica', 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]))[0].ok) {
      if (Date.now() > deadline) throw new Error('the replica never replayed the write');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
