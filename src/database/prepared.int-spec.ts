import { createEventStoreFixture, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';

/**
 * The write path's fixed statements go to PostgreSQL as named prepared statements through TypeORM (see
 * prepared.ts): parsed and planned once per connection, then only bound and executed. One pooled
 * connection here, so every call below runs on the backend whose pg_prepared_statements is read.
 */
describe('prepared statements on the write path', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => { fx = await createEventStoreFixture({ poolSize: 1 }); });
  afterAll(async () => { await fx.db.drop(); });

  const preparedAppends = async () => (await fx.db.dataSource.query(
    `SELECT name, statement FROM pg_prepared_statements WHERE statement ~ 'append_events?\\(' ORDER BY statement`)) as { name: string; statement: string }[];

  it('when appends of one and of several events run again and again, then each call is prepared once under one name and every append is written', async () => {
    for (let n = 1; n <= 5; n++) {
      expect((await fx.store.append(`statement-single-${n}`, [statementRecorded(n)])).version).toBe(1);
      expect((await fx.store.append(`statement-batch-${n}`, [statementRecorded(n), statementRecorded(n + 1)])).version).toBe(2);
    }
    const statements = await preparedAppends();
    expect(statements).toHaveLength(2);
    expect(statements.map((s) => s.name)).toEqual([expect.stringMatching(/^sl_/), expect.stringMatching(/^sl_/)]);
    const [{ count }] = await fx.db.dataSource.query(`SELECT count(*)::int AS count FROM events WHERE stream_id LIKE 'statement-%'`);
    expect(count).toBe(15);
  });
});
