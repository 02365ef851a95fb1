import {
  appliedEventIds, countEvents, createAppliedEventsTable, createEventStoreFixture, recordingProjection, statementRecorded,
  type EventStoreFixture,
} from '../../../test/support/event-store-fixture.js';

/** An event only the failing projection handles, so the other tests' appends are unaffected by it. */
const statementRejected = (n: number) => ({ type: 'StatementRejectedByReadModel', data: { n } });

describe('inline projections run inside the append transaction', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    await createAppliedEventsTable(fx.db, 'timeline');
    await createAppliedEventsTable(fx.db, 'audit');
    fx.registry.register(recordingProjection('timeline', 'timeline'));
    fx.registry.register(recordingProjection('audit', 'audit', {
      handles: ['StatementRecorded', 'StatementRejectedByReadModel'], failAt: () => 13,
    }));
  });
  afterAll(async () => { await fx.db.drop(); });

  it('given an inline projection, when events are appended, then its rows exist on return, written by the same transaction', async () => {
    const result = await fx.store.append('statement-1', [statementRecorded(1), statementRecorded(2)]);

    expect(await appliedEventIds(fx.db, 'timeline')).toEqual(result.events.map((e) => e.eventId));
    const writers: { xid: string }[] = await fx.db.dataSource.query(`SELECT DISTINCT xmin::text AS xid FROM timeline`);
    expect(writers.map((w) => w.xid)).toEqual([result.events[0].transactionId]);
  });

  it('given a batch with several event types, when appended, then each inline projection gets only the types it handles', async () => {
    const result = await fx.store.append('statement-3', [statementRecorded(4), statementRejected(5), statementRecorded(6)]);
    const [recorded4, rejected5, recorded6] = result.events.map((e) => e.eventId);

    expect((await appliedEventIds(fx.db, 'timeline')).slice(-2)).toEqual([recorded4, recorded6]);
    expect((await appliedEventIds(fx.db, 'audit')).slice(-3)).toEqual([recorded4, rejected5, recorded6]);
  });

  it('given an inline projection that throws, when an append reaches it, then the append fails and leaves no event and no read-model row', async () => {
    const eventsBefore = await countEvents(fx.db);
    const timelineBefore = await appliedEventIds(fx.db, 'timeline');
    const auditBefore = await appliedEventIds(fx.db, 'audit');

    // "audit" writes its row for statement 12, then throws on 13; "timeline" ran first and wrote both.
    await expect(fx.store.append('statement-4', [statementRecorded(12), statementRecorded(13)], { expectedVersion: 'no_stream' }))
      .rejects.toThrow('audit cannot apply statement 13');

    expect(await countEvents(fx.db)).toBe(eventsBefore);
    expect(await fx.store.streamVersion('statement-4')).toBe(0);
    expect(await appliedEventIds(fx.db, 'timeline')).toEqual(timelineBefore);
    expect(await appliedEventIds(fx.db, 'audit')).toEqual(auditBefore);
  });

  it('given an idempotent append applied inline, when it is retried with the same key, then the projections are not applied again', async () => {
    const first = await fx.store.append('statement-5', [statementRecorded(20)], { idempotencyKey: 'req-inline' });
    const timelineAfterFirst = await appliedEventIds(fx.db, 'timeline');

    const retry = await fx.store.append('statement-5', [statementRecorded(20)], { idempotencyKey: 'req-inline' });

    expect(retry.replayed).toBe(true);
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await appliedEventIds(fx.db, 'timeline')).toEqual(timelineAfterFirst);
    expect(timelineAfterFirst.filter((id) => id === first.events[0].eventId)).toHaveLength(1);
  });

  it('given an idempotency key whose first append failed in a projection, when retried after the fix, then it is written once', async () => {
    await expect(fx.store.append('statement-6', [statementRecorded(13)], { idempotencyKey: 'req-failed' })).rejects.toThrow();

    // The key was rolled back with the events, so a corrected request under it is a first append.
    const retry = await fx.store.append('statement-6', [statementRecorded(14)], { idempotencyKey: 'req-failed' });

    expect(retry.replayed).toBe(false);
    expect(await appliedEventIds(fx.db, 'timeline')).toContain(retry.events[0].eventId);
  });
});
