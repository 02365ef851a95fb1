import {
  appliedEventIds, createAppliedEventsTable, createEventStoreFixture, rawEvents, recordingProjection, rejectionOf, statementRecorded,
  type EventStoreFixture,
} from '../../test/support/event-store-fixture.js';
import { WrongExpectedVersionError } from './event-store.errors.js';

describe('EventStore.createStreams: many new streams in one transaction (a bulk import page)', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    await createAppliedEventsTable(fx.db, 'timeline');
    fx.registry.register(recordingProjection('timeline', 'timeline'));
  });
  afterAll(async () => { await fx.db.drop(); });

  it('given new streams, when created together, then each gets its events as versions 1..n, in the order given, in one transaction', async () => {
    const results = await fx.store.createStreams([
      { streamId: 'statement-b', events: [statementRecorded(1)] },
      { streamId: 'statement-a', events: [statementRecorded(2), statementRecorded(3), statementRecorded(4)] },
      { streamId: 'statement-c', events: [statementRecorded(5)], metadata: { recordedBy: 'import' } },
    ]);
    expect(results.map((r) => [r.streamId, r.version, r.replayed])).toEqual([['statement-b', 1, false], ['statement-a', 3, false], ['statement-c', 1, false]]);
    expect(results[1].events.map((e) => [e.version, (e.data as { n: number }).n])).toEqual([[1, 2], [2, 3], [3, 4]]);
    expect(results[2].events[0].metadata).toEqual({ recordedBy: 'import' });
    const all = results.flatMap((r) => r.events);
    expect(new Set(all.map((e) => e.transactionId)).size).toBe(1);
    expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort((x, y) => x - y));
    // What append() returns is what the log holds.
    const log = await fx.store.readStream('statement-a');
    expect(log).toEqual(results[1].events);
    // Inline projections saw every event, in the same transaction.
    expect(await appliedEventIds(fx.db, 'timeline')).toEqual(all.map((e) => e.eventId));
  });

  it('given one stream that exists already, when created with others, then nothing is written and the conflict is typed', async () => {
    await fx.store.append('statement-taken', [statementRecorded(6)]);
    const before = await rawEvents(fx.db);
    const applied = await appliedEventIds(fx.db, 'timeline');
    const error = await rejectionOf(fx.store.createStreams([
      { streamId: 'statement-free-1', events: [statementRecorded(7)] },
      { streamId: 'statement-taken', events: [statementRecorded(8)] },
      { streamId: 'statement-free-2', events: [statementRecorded(9)] },
    ]));
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ expected: 'no_stream', actual: 1 });
    expect(await rawEvents(fx.db)).toEqual(before);
    expect(await appliedEventIds(fx.db, 'timeline')).toEqual(applied);
  });

  it('given an idempotency key used before for the same content, when created again, then the first result answers and nothing is written', async () => {
    const creation = { streamId: 'statement-keyed', events: [statementRecorded(10)], idempotencyKey: 'import:abc', fingerprint: 'abc' };
    const [first] = await fx.store.createStreams([creation]);
    const before = await rawEvents(fx.db);
    const [again, fresh] = await fx.store.createStreams([creation, { streamId: 'statement-after-key', events: [statementRecorded(11)] }]);
    expect(again).toMatchObject({ streamId: 'statement-keyed', replayed: true, version: 1 });
    expect(again.events).toEqual(first.events);
    expect(fresh).toMatchObject({ replayed: false, version: 1 });
    expect((await rawEvents(fx.db)).length).toBe(before.length + 1);
    expect(await fx.store.usedIdempotencyKeys(['import:abc', 'import:never'])).toEqual(new Map([['import:abc', 'abc']]));
    expect(await fx.store.existingStreams(['statement-keyed', 'statement-nowhere'])).toEqual(new Set(['statement-keyed']));
  });
});
