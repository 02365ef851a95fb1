import { createEventStoreFixture, rejectionOf, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { pgError } from './event-store.js';

describe('the event log is append-only in the database itself', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    await fx.store.append('statement-1', [statementRecorded(1), statementRecorded(2)], { idempotencyKey: 'req-1' });
    await fx.store.append('statement-2', [statementRecorded(3)], { idempotencyKey: 'req-2' });
  });
  afterAll(async () => { await fx.db.drop(); });

  const snapshot = async (table: string) => fx.db.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);

  async function expectRefused(table: string, sql: string): Promise<void> {
    const before = await snapshot(table);
    expect(before.length).toBeGreaterThan(0);

    const error = await rejectionOf(fx.db.dataSource.query(sql));

    expect(pgError(error).code).toBe('SLIMM');
    expect((error as Error).message).toContain('append-only');
    expect(await snapshot(table)).toEqual(before);
  }

  describe.each([
    ['events', `UPDATE events SET data = '{"n": 0}'::jsonb WHERE stream_id = 'statement-1'`, `DELETE FROM events WHERE stream_id = 'statement-1'`],
    ['event_idempotency_keys', `UPDATE event_idempotency_keys SET fingerprint = 'forged' WHERE key = 'req-1'`, `DELETE FROM event_idempotency_keys WHERE key = 'req-1'`],
  ])('given rows in %s', (table, update, remove) => {
    it('when a statement updates one, then the database refuses it and the rows are unchanged', async () => {
      await expectRefused(table, update);
    });

    it('when a statement updates every row, then it is refused', async () => {
      await expectRefused(table, `UPDATE ${table} SET stream_id = stream_id`);
    });

    it('when an update matches no row at all, then it is still refused', async () => {
      await expectRefused(table, `UPDATE ${table} SET stream_id = 'x' WHERE stream_id = 'no-such-stream'`);
    });

    it('when a statement deletes one, then it is refused', async () => {
      await expectRefused(table, remove);
    });

    it('when a statement deletes every row, then it is refused', async () => {
      await expectRefused(table, `DELETE FROM ${table}`);
    });

    it('when the table is truncated, then it is refused', async () => {
      await expectRefused(table, `TRUNCATE ${table}`);
    });
  });

  it('given a refused change, when the store appends afterwards, then the log carries on as before', async () => {
    const version = await fx.store.streamVersion('statement-1');
    await rejectionOf(fx.db.dataSource.query(`DELETE FROM events`));
    const result = await fx.store.append('statement-1', [statementRecorded(4)], { expectedVersion: version });
    expect(result.version).toBe(version + 1);
  });
});
