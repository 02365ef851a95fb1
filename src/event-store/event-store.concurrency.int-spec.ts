import { createEventStoreFixture, rejectionOf, statementRecorded, withWritesHeldUntilQueued, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { WrongExpectedVersionError } from './event-store.errors.js';

const WRITERS = 50;

describe('EventStore: concurrent appends to one stream', () => {
  let fx: EventStoreFixture;

  // A connection per writer, so all 50 really are in flight at once.
  beforeAll(async () => { fx = await createEventStoreFixture({ poolSize: WRITERS }); });
  afterAll(async () => { await fx.db.drop(); });

  async function versionsOf(streamId: string): Promise<number[]> {
    const rows: { version: number }[] = await fx.db.dataSource.query(
      `SELECT version FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);
    return rows.map((r) => r.version);
  }

  it('given a stream at version 2, when 50 writers append expecting version 2 at once, then exactly one wins and 49 are told the actual version', async () => {
    const streamId = 'statement-contended';
    await fx.store.append(streamId, [statementRecorded(1), statementRecorded(2)]);

    const outcomes = await withWritesHeldUntilQueued(fx.db, WRITERS, () => Promise.allSettled(Array.from({ length: WRITERS }, (_, i) =>
      fx.store.append(streamId, [statementRecorded(100 + i), statementRecorded(200 + i)], { expectedVersion: 2 }))));

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(WRITERS - 1);
    for (const error of lost) {
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId, expected: 2, actual: 4 });
    }
    expect(await versionsOf(streamId)).toEqual([1, 2, 3, 4]);
  });

  it('given no stream, when 50 writers append expecting no_stream at once, then exactly one creates it', async () => {
    const streamId = 'statement-created-once';
    const outcomes = await withWritesHeldUntilQueued(fx.db, WRITERS, () => Promise.allSettled(Array.from({ length: WRITERS }, (_, i) =>
      fx.store.append(streamId, [statementRecorded(i)], { expectedVersion: 'no_stream' }))));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(lost.every((e) => e instanceof WrongExpectedVersionError && e.actual === 1)).toBe(true);
    expect(await versionsOf(streamId)).toEqual([1]);
  });

  it('given a stream, when 50 writers append with any at once, then all succeed and versions stay gapless', async () => {
    const streamId = 'statement-busy';
    await fx.store.append(streamId, [statementRecorded(0)]);

    // Half single events, half pairs: 75 events after the first one.
    const results = await withWritesHeldUntilQueued(fx.db, WRITERS, () => Promise.all(Array.from({ length: WRITERS }, (_, i) =>
      fx.store.append(streamId, i % 2 === 0 ? [statementRecorded(i)] : [statementRecorded(i), statementRecorded(i + 1000)]))));

    const total = 1 + WRITERS / 2 + WRITERS;
    expect(await versionsOf(streamId)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Every writer got back its own consecutive versions, and no two writers share one.
    const handedOut = results.flatMap((r) => r.events.map((e) => e.version)).sort((a, b) => a - b);
    expect(handedOut).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 2));
    for (const r of results) expect(r.version).toBe(r.events.at(-1)!.version);
  });

  it('given a writer that lost a race, when it retries with the actual version it was told, then it succeeds', async () => {
    const streamId = 'statement-retried';
    await fx.store.append(streamId, [statementRecorded(1)]);
    await fx.store.append(streamId, [statementRecorded(2)], { expectedVersion: 1 });

    const error = await rejectionOf(fx.store.append(streamId, [statementRecorded(3)], { expectedVersion: 1 }));
    const actual = (error as WrongExpectedVersionError).actual!;

    expect((await fx.store.append(streamId, [statementRecorded(3)], { expectedVersion: actual })).version).toBe(3);
  });
});
