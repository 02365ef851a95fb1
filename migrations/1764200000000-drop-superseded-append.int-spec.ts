import { createEventStoreFixture, type EventStoreFixture } from '../test/support/event-store-fixture.js';

describe('migration 1764200000000: the superseded append machinery is gone', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => { fx = await createEventStoreFixture(); });
  afterAll(async () => { await fx.db.drop(); });

  it('given a migrated database, append_to_stream and projection_checkpoints no longer exist, the current append functions do', async () => {
    const [found] = await fx.db.dataSource.query(`
      SELECT array(SELECT proname::text FROM pg_proc WHERE proname LIKE 'append\\_%' ORDER BY proname) AS functions,
             to_regclass('public.projection_checkpoints') IS NOT NULL AS "checkpointsTable"`);
    expect(found).toEqual({ functions: ['append_event', 'append_events'], checkpointsTable: false });
  });
});
