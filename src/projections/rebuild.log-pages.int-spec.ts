import { Logger } from '@nestjs/common';
import { createEventStoreFixture, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { failingOnce } from '../../test/support/failing-projection.js';
import { STATEMENT_FIELDS } from '../../test/support/statement-fields.js';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import type { Projection } from '../event-store/inline-projections/projection.js';
import { StatementVersionsProjection } from '../statements/read-model/statement-versions.projection.js';
import { statementStream } from '../statements/statement.events.js';
import { RebuildLock } from './rebuild-lock.js';
import { RebuildService } from './rebuild.service.js';

/** `count` statements, one append each, every other one corrected by a later append. */
async function givenStatements(fx: EventStoreFixture, prefix: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const id = `${prefix}-${n}`;
    await fx.store.append(statementStream(id), [{ type: 'StatementRecorded', data: { id, ...STATEMENT_FIELDS, summary: `s${n}` } }]);
    if (n % 2 === 0) await fx.store.append(statementStream(id), [{ type: 'StatementCorrected', data: { id, changes: { stance: 'support' }, reason: 'r' } }]);
  }
}

/** Every row of statement_versions, in key order: what a rebuild must leave as the live writes left it. */
function versionsOf(fx: EventStoreFixture): Promise<object[]> {
  return fx.db.dataSource.query(`SELECT * FROM statement_versions ORDER BY statement_id, version`);
}

beforeAll(() => { Logger.overrideLogger(false); });

describe('rebuilding while the next page of the log is read ahead', () => {
  let fx: EventStoreFixture;
  beforeAll(async () => { fx = await createEventStoreFixture({ poolSize: 8 }); });
  afterAll(async () => { await fx.db.drop(); });

  it('given reads running ahead of slow writes, every event is applied once, in the order of the log', async () => {
    await givenStatements(fx, 'ahead', 12);
    await fx.db.dataSource.query(`CREATE TABLE applied_positions (position bigint PRIMARY KEY)`);
    const seen: number[] = [];
    let calls = 0;
    // Slower than a read, so the next pages are read while this one is written; and each call quicker
    // than the one before, so pages written side by side would land out of order.
    const slow: Projection = {
      name: 'applied-positions', handles: ['StatementRecorded', 'StatementCorrected', 'StatementRetracted'], tables: ['applied_positions'],
      async apply(events, db) {
        await db.query(`SELECT pg_sleep($1)`, [0.03 / ++calls]);
        for (const e of events) seen.push(e.position);
        await db.query(`INSERT INTO applied_positions SELECT unnest($1::bigint[])`, [events.map((e) => e.position)]);
      },
    };
    const registry = new ProjectionRegistry();
    registry.register(slow);
    await new RebuildService(fx.db.dataSource, fx.reader, registry, new RebuildLock(fx.db.dataSource)).rebuild({ batchSize: 3 });

    const log = await fx.db.dataSource.query(
      `SELECT position::int AS position FROM events WHERE type = ANY($1) ORDER BY transaction_id, position`, [slow.handles]);
    expect(seen).toEqual(log.map((e: { position: number }) => e.position));
    const [{ n }] = await fx.db.dataSource.query(`SELECT count(*)::int AS n FROM applied_positions`);
    expect(n).toBe(log.length);
  });
});

describe('rebuilding with a pool of one connection (DATABASE_POOL_SIZE=1)', () => {
  let fx: EventStoreFixture;
  beforeAll(async () => {
    fx = await createEventStoreFixture({ poolSize: 1 });
    fx.registry.register(new StatementVersionsProjection());
  });
  afterAll(async () => { await fx.db.drop(); });

  it('given a history of several pages, the rebuild ends and the rebuilt table equals the live one', async () => {
    await givenStatements(fx, 'solo', 7);
    const versions = () => versionsOf(fx);
    const live = await versions();
    const report = await new RebuildService(fx.db.dataSource, fx.reader, fx.registry, new RebuildLock(fx.db.dataSource)).rebuild({ batchSize: 2 });
    expect(report.events).toBe(11);
    expect(await versions()).toEqual(live);
  });
});

describe('rebuilding two pages at a time', () => {
  let fx: EventStoreFixture;
  beforeAll(async () => {
    fx = await createEventStoreFixture({ poolSize: 8 });
    fx.registry.register(new StatementVersionsProjection());
  });
  afterAll(async () => { await fx.db.drop(); });

  it('given a page that fails while the pages around it are written beside it, the progress saved stops before it and the resumed rebuild ends in the same state', async () => {
    // Eight new statements, no corrections: pages of two share no stream, so each is written beside the one before.
    for (let n = 0; n < 8; n++) {
      await fx.store.append(statementStream(`beside-${n}`), [{ type: 'StatementRecorded', data: { id: `beside-${n}`, ...STATEMENT_FIELDS } }]);
    }
    const versions = () => versionsOf(fx);
    const live = await versions();
    // What each call was given: a page's events (a page comes shorter than two when another database's transaction ends as it is read).
    const given: number[] = [];
    const statements = new StatementVersionsProjection();
    const counted: Projection = {
      name: statements.name, handles: statements.handles, tables: statements.tables, readsOwnStreamsOnly: statements.readsOwnStreamsOnly,
      apply: (events, db) => {
        given.push(events.length);
        return statements.apply(events as Parameters<typeof statements.apply>[0], db);
      },
    };
    const crashing = new ProjectionRegistry();
    crashing.register(failingOnce(counted, 3));

    await expect(new RebuildService(fx.db.dataSource, fx.reader, crashing, new RebuildLock(fx.db.dataSource)).rebuild({ batchSize: 2 }))
      .rejects.toThrow('projector killed');
    expect(await versions()).toEqual(live);
    const [{ nspname: schema }] = await fx.db.dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'`);
    const [progress] = await fx.db.dataSource.query(`SELECT applied::int AS applied FROM ${schema}.rebuild_progress`);
    // Whole pages before the failed third: the first two, or fewer when a read came back empty at the fence and
    // the frozen step, one transaction, was left the rest. Never the fourth, which was written beside the third.
    expect([0, given[0], given[0] + given[1]]).toContain(progress.applied);

    const report = await new RebuildService(fx.db.dataSource, fx.reader, fx.registry, new RebuildLock(fx.db.dataSource)).rebuild({ batchSize: 2 });
    expect(report.resumedAfter).toBe(progress.applied);
    expect(report.events).toBe(8 - progress.applied);
    expect(await versions()).toEqual(live);
  });
});
