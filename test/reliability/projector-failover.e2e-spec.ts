import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/common/paths.js';
import { ProjectionRegistry } from '../../src/event-store/projections/projection-registry.js';
import { EventStore } from '../../src/event-store/event-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const FIXTURE = join(PROJECT_ROOT, 'test/reliability/fixtures/projector-process.mjs');

interface Projector {
  readonly child: ChildProcess;
  readonly batches: { pid: number; events: string[] }[];
}

/** A projector process (the built ProjectionRunner) on the database; resolves once it runs. */
async function startProjector(url: string): Promise<Projector> {
  const child = spawn(process.execPath, [FIXTURE, url, '0.15'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const projector: Projector = { child, batches: [] };
  let ready!: () => void;
  const started = new Promise<void>((resolve) => { ready = resolve; });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'ready') ready();
    if (line.startsWith('batch ')) projector.batches.push(JSON.parse(line.slice(6)));
  });
  await Promise.race([started, once(child, 'exit').then(() => { throw new Error('the projector process exited'); })]);
  return projector;
}

/**
 * Log-driven projections with several service processes on one database: two projector processes run
 * the same async projection while events are appended. Each batch holds the projection's checkpoint row
 * (FOR UPDATE SKIP LOCKED) for its whole transaction, so at any moment at most one process applies it.
 * The one applying is killed with SIGKILL in the middle of a batch: that batch rolls back with its
 * connection, the other process takes over from the checkpoint, and every event ends applied once.
 */
describe('async projections across processes', () => {
  let db: TestDatabase;
  const projectors: Projector[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    await db.dataSource.query(`CREATE TABLE applied_by_process (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, pid int NOT NULL)`);
    await db.dataSource.query(`CREATE TABLE projector_batches (pid int NOT NULL, started timestamptz NOT NULL, ended timestamptz NOT NULL, events int NOT NULL)`);
  });
  afterAll(async () => {
    for (const { child } of projectors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(projectors.map(({ child }) => (child.exitCode === null && child.signalCode === null ? once(child, 'exit') : undefined)));
    await db.drop();
  });

  it('runs in one process at a time, fails over when that process dies mid-batch, and applies every event once', async () => {
    projectors.push(await startProjector(db.url), await startProjector(db.url));
    const store = new EventStore(db.dataSource, new ProjectionRegistry());
    let appended = 0;
    const append = async (count: number) => {
      await Promise.all(Array.from({ length: count }, () => {
        const n = appended++;
        return store.append(`statement-failover-${n}`, [{ type: 'StatementRecorded', data: { n } }]);
      }));
    };

    // Events keep arriving while the projectors work; once a few batches are done, kill whichever begins the next.
    const allBatches = () => projectors.flatMap((p) => p.batches);
    while (allBatches().length < 4) {
      await append(10);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const counts = projectors.map((p) => p.batches.length);
    let victim: Projector | undefined;
    while (!victim) {
      await append(10);
      await new Promise((resolve) => setTimeout(resolve, 20));
      victim = projectors.find((p, i) => p.batches.length > counts[i]);
    }
    victim.child.kill('SIGKILL'); // it has just begun a batch and sleeps inside it, holding the checkpoint
    const interrupted = victim.batches.at(-1)!.events;
    const survivor = projectors.find((p) => p !== victim)!;
    await once(victim.child, 'exit');
    await append(100);

    const [{ n: total }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    expect(total).toBe(appended);
    const deadline = Date.now() + 30_000;
    let applied: { event_id: string; pid: number }[] = [];
    while (Date.now() < deadline) {
      applied = await db.dataSource.query(`SELECT event_id, pid FROM applied_by_process ORDER BY seq`);
      if (applied.length >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Every event applied exactly once; the interrupted batch left nothing and was redone by the survivor.
    const [{ events: logIds }] = await db.dataSource.query(`SELECT array_agg(event_id::text ORDER BY event_id) AS events FROM events`);
    expect(applied.map((a) => a.event_id).sort()).toEqual(logIds);
    const byEvent = new Map(applied.map((a) => [a.event_id, a.pid]));
    expect(interrupted.length).toBeGreaterThan(0);
    expect(interrupted.map((id) => byEvent.get(id))).toEqual(interrupted.map(() => survivor.child.pid));
    const [{ caughtUp }] = await db.dataSource.query(
      `SELECT c.position = (SELECT max(position) FROM events) AS "caughtUp" FROM projection_checkpoints c WHERE projection = 'applied-by-process'`);
    expect(caughtUp).toBe(true);

    // One process at a time: each committed batch began after the one before it had ended.
    const batches: { pid: number; started: Date; ended: Date }[] = await db.dataSource.query(
      `SELECT pid, started, ended FROM projector_batches ORDER BY started`);
    const overlaps = batches.slice(1).filter((b, i) => b.started < batches[i].ended);
    expect(overlaps).toEqual([]);
    const pids = new Set(batches.map((b) => b.pid));
    process.stdout.write(`projector failover: ${appended} events, ${batches.length} committed batches by ${pids.size} processes, `
      + `0 overlapping; killed pid ${victim.child.pid} mid-batch (${interrupted.length} events rolled back), `
      + `pid ${survivor.child.pid} took over and applied them; every event applied once\n`);
  });
});
