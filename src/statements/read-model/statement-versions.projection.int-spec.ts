import { createEventStoreFixture, type EventStoreFixture } from '../../../test/support/event-store-fixture.js';
import { STATEMENT_FIELDS } from '../../../test/support/statement-fields.js';
import type { RecordedOf } from '../../event-store/inline-projections/projection.js';
import { LOG_START } from '../../event-store/recorded-event.js';
import { statementStream, type StatementEvent, type StatementFields } from '../statement.events.js';
import { StatementVersionsProjection } from './statement-versions.projection.js';

/**
 * A new statement's first version is written by `applySql` in the append's own statement; every other
 * version, and the rebuild, by `apply`. Both must give the same rows, to the millisecond of each time.
 */
describe('statement_versions: the version a new statement opens in its append equals what apply writes from the log', () => {
  let fx: EventStoreFixture;
  const projection = new StatementVersionsProjection();

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    fx.registry.register(projection);
  });
  afterAll(async () => { await fx.db.drop(); });

  // As JSON, so times keep their microseconds (a Date would hide a difference below the millisecond).
  const versions = () => fx.db.dataSource.query(`SELECT to_jsonb(v) AS row FROM statement_versions v ORDER BY statement_id, version`)
    .then((rows: { row: { statement_id: string; version: number } }[]) => rows.map((r) => r.row));
  const record = (id: string, fields: Partial<StatementFields>) =>
    fx.store.append(statementStream(id), [{ type: 'StatementRecorded', data: { id, ...STATEMENT_FIELDS, ...fields } }], { expectedVersion: 'no_stream' });

  it('given new statements of every shape, one then corrected and retracted, when the table is written again by apply from the log, then it is the same', async () => {
    await record('plain', {});
    await record('full', {
      stance: 'strongly_oppose', conditions: [' if b ', 'if a', 'if a'], quote: 'the words', form: 'direct_quote', statedAt: '2025-02-04',
      reportedIn: 'an-article', locator: 'p. 3',
    });
    await record('month', { statedAt: '2024-11', stance: 'support' });
    await fx.store.append(statementStream('month'), [{ type: 'StatementCorrected', data: { id: 'month', changes: { stance: 'oppose' }, reason: 'misheard' } }], { expectedVersion: 1 });
    await fx.store.append(statementStream('month'), [{ type: 'StatementRetracted', data: { id: 'month', reason: 'duplicate' } }], { expectedVersion: 2 });
    // The same key again: a replay, which writes no second version.
    await fx.store.append(statementStream('keyed'), [{ type: 'StatementRecorded', data: { id: 'keyed', ...STATEMENT_FIELDS } }], { idempotencyKey: 'k' });
    await fx.store.append(statementStream('keyed'), [{ type: 'StatementRecorded', data: { id: 'keyed', ...STATEMENT_FIELDS } }], { idempotencyKey: 'k' });
    const live = await versions();
    expect(live.map((v) => `${v.statement_id}@${v.version}`))
      .toEqual(['full@1', 'keyed@1', 'month@1', 'month@2', 'month@3', 'plain@1']);

    const { events: log } = await fx.reader.readAfter(LOG_START, 100);
    await fx.db.dataSource.transaction(async (db) => {
      await db.query('DELETE FROM statement_versions');
      await projection.apply(log as RecordedOf<StatementEvent>[], db);
    });

    expect(await versions()).toEqual(live);
  });
});
