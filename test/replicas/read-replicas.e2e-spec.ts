import pg from 'pg';
import { FENCE } from '../../src/event-store/event-log-reader.js';
import { startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster.js';
import { startReplicatedService, type ReplicatedService } from '../support/replicated-service.js';

// Guards against a hang, not timings: making a cluster and waiting on lag take seconds, more on a loaded CI.
const SETUP_MS = 300_000;
const TEST_MS = 180_000;
const ACTOR_READ = 'FROM actors WHERE id = $1';
const MAX_LAG_MS = 1_000;

describe('read replicas: a real primary and a hot-standby replica', () => {
  let cluster: ReplicaCluster | undefined;
  let service: ReplicatedService;
  const actor = (id: string) => ({ id, name: `Actor ${id}`, kind: 'person' });

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    service = await startReplicatedService(cluster, { REPLICA_CHECK_MS: '50', REPLICA_MAX_LAG_MS: String(MAX_LAG_MS), REPLICA_WAIT_MS: '2000' });
    await service.replicaBecomes((replica) => replica.inRotation);
  }, SETUP_MS);

  afterAll(async () => {
    await service?.close();
    await cluster?.destroy();
  }, SETUP_MS);

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

  it('keeps the event log on the primary: on a hot standby the safe-order fence passes a transaction still running on the primary', async () => {
    await cluster!.sql('primary', 'CREATE TABLE IF NOT EXISTS fence_probe (x int)');
    const holder = new pg.Client(cluster!.primaryUrl);
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const [{ xid }] = (await holder.query(`INSERT INTO fence_probe VALUES (1) RETURNING pg_current_xact_id()::text AS xid`)).rows;
      const after = await service.post('/v1/actors', actor('after-the-open-transaction'));
      expect((await service.get('/v1/actors/after-the-open-transaction', { 'Stanceline-Token': after.token! })).status).toBe(200);
      await waitForReplay(after.token!);

      const fenceOn = async (server: 'primary' | 'replica') => BigInt((await cluster!.sql<{ fence: string }>(server, `SELECT (${FENCE})::text AS fence`))[0].fence);
      expect(await fenceOn('primary')).toBeLessThanOrEqual(BigInt(xid)); // holds readers back until it commits
      expect(await fenceOn('replica')).toBeGreaterThan(BigInt(xid)); // would let them pass it, and skip its events
      // Why: the standby's snapshot keeps the primary's running transactions out of pg_current_snapshot()'s list.
      const snapshotOn = async (server: 'primary' | 'replica') => (await cluster!.sql<{ s: string }>(server, 'SELECT pg_current_snapshot()::text AS s'))[0].s;
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

  it('given replay paused on the replica, token reads fall back to the primary and tokenless reads leave the lagging replica until it catches up', async () => {
    expect((await service.post('/v1/actors', actor('before-the-pause'))).status).toBe(201);
    await service.replicaBecomes((replica) => replica.inRotation);
    await cluster!.sql('replica', 'SELECT pg_wal_replay_pause()');
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
      await cluster!.sql('replica', 'SELECT pg_wal_replay_resume()');
    }

    await service.replicaBecomes((replica) => replica.inRotation);
    const replicaBack = await service.statementCalls('replica', ACTOR_READ);
    for (let i = 0; i < 5; i++) expect((await service.get('/v1/actors/written-during-the-pause')).status).toBe(200);
    expect(await service.statementCalls('replica', ACTOR_READ)).toBe(replicaBack + 5);
  }, TEST_MS);

  async function waitForReplay(token: string): Promise<void> {
    const lsn = `${token.slice(2, 10)}/${token.slice(10)}`;
    const deadline = Date.now() + TEST_MS / 2;
    while (!(await cluster!.sql<{ ok: boolean }>('replica', 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]))[0].ok) {
      if (Date.now() > deadline) throw new Error('the replica never replayed the write');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
