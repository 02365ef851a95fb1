import type { ReplicaCluster } from '../../tools/postgres/replica-cluster.js';
import { actor, TEST_MAX_LAG_MS as MAX_LAG_MS, withReplicatedService, type ReplicatedService } from '../support/replicated-service.js';

// A guard against a hang, not a timing.
const TEST_MS = 400_000;
const ACTOR_READ = 'FROM actors WHERE id = $1';
/**
 * A tokenless read may be behind by REPLICA_MAX_LAG_MS (plus a check): things acknowledged longer ago
 * than this (a margin of 4 s over the bound, so that a loaded CI machine cannot fail it) must be there.
 */
const STALENESS_GUARD_MS = MAX_LAG_MS + 4_000;

interface Acked { id: string; token: string; at: number }

describe('read replicas under load: a real primary and a hot-standby replica', () => {
  const setup = withReplicatedService();
  let cluster: ReplicaCluster;
  let service: ReplicatedService;
  beforeAll(() => ({ cluster, service } = setup));

  it('given 16 writers each reading its own write at once with its token, then not one read misses its write', async () => {
    const replicaBefore = await service.statementCalls('replica', ACTOR_READ);
    const outcomes = await Promise.all(Array.from({ length: 16 }, async (_, writer) => {
      let misses = 0;
      for (let i = 0; i < 130; i++) {
        const id = `ryw-${writer}-${i}`;
        const written = await service.post('/v1/actors', actor(id));
        if (written.status !== 201 || !written.token) throw new Error(`write ${id}: ${written.status}`);
        const read = await service.get(`/v1/actors/${id}`, { 'Stanceline-Token': written.token });
        if (read.status !== 200 || read.body.id !== id) misses++;
      }
      return misses;
    }));

    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(0);
    expect(outcomes).toHaveLength(16); // 2080 writes, each read back with its token
    // Not all on the primary: the replica answered token reads once it had replayed them (pg_stat_statements there counts).
    expect(await service.statementCalls('replica', ACTOR_READ)).toBeGreaterThan(replicaBefore);
  }, TEST_MS);

  it('given the replica stopped and started again under load, then no read fails, none misses its own write, none is stale past the bound', async () => {
    const acked: Acked[] = [];
    const problems: string[] = [];
    const counts = { tokenReads: 0, misses: 0, tokenlessReads: 0, stale: 0, unhealthy: 0 };
    let running = true;
    const guarded = async (what: string, work: () => Promise<void>) => {
      try { await work(); } catch (error) { problems.push(`${what}: ${(error as Error).message}`); }
    };
    const writer = async (w: number) => {
      for (let i = 0; running; i++) {
        await guarded('write', async () => {
          const id = `load-${w}-${i}`;
          const written = await service.post('/v1/actors', actor(id));
          if (written.status !== 201) throw new Error(`status ${written.status}`);
          acked.push({ id, token: written.token!, at: Date.now() });
        });
      }
    };
    const reader = async () => {
      while (running) {
        if (acked.length === 0) { await new Promise((resolve) => setTimeout(resolve, 10)); continue; }
        await guarded('token read', async () => {
          const mine = acked[acked.length - 1 - Math.floor(Math.random() * Math.min(16, acked.length))];
          const read = await service.get(`/v1/actors/${mine.id}`, { 'Stanceline-Token': mine.token });
          counts.tokenReads++;
          if (read.status === 404) counts.misses++;
          else if (read.status !== 200) throw new Error(`status ${read.status}`);
        });
        const settled = acked.filter((a) => a.at < Date.now() - STALENESS_GUARD_MS);
        if (settled.length === 0) continue;
        await guarded('tokenless read', async () => {
          const old = settled[settled.length - 1 - Math.floor(Math.random() * Math.min(16, settled.length))];
          const read = await service.get(`/v1/actors/${old.id}`);
          counts.tokenlessReads++;
          if (read.status === 404) counts.stale++;
          else if (read.status !== 200) throw new Error(`status ${read.status}`);
        });
      }
    };
    const healthWatch = async () => {
      while (running) {
        if ((await service.get('/health')).status !== 200) counts.unhealthy++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const grown = async (more: number) => {
      const target = acked.length + more;
      await service.replicaBecomes(() => acked.length >= target);
    };

    const load = [...[0, 1, 2, 3].map(writer), reader(), reader(), reader(), reader(), healthWatch()];
    try {
      await grown(100);
      await new Promise((resolve) => setTimeout(resolve, STALENESS_GUARD_MS)); // so that tokenless reads have settled writes to check
      await grown(50);
      await cluster.stopReplica();
      await service.replicaBecomes((replica) => !replica.up);
      await grown(100);
      await cluster.startReplica();
      await service.replicaBecomes((replica) => replica.inRotation);
      const replicaBack = await service.statementCalls('replica', ACTOR_READ);
      await grown(100);
      expect(await service.statementCalls('replica', ACTOR_READ)).toBeGreaterThan(replicaBack); // back in rotation, no restart
    } finally {
      running = false;
      await Promise.all(load);
    }

    expect(problems).toEqual([]);
    expect(counts).toMatchObject({ misses: 0, stale: 0, unhealthy: 0 });
    expect(counts.tokenReads).toBeGreaterThan(0);
    expect(counts.tokenlessReads).toBeGreaterThan(0);
  }, TEST_MS);
});
