import {
  countEvents, createEventStoreFixture, rawEvents, rejectionOf, statementRecorded, withWritesHeldUntilQueued, type EventStoreFixture,
} from '../../test/support/event-store-fixture.js';
import { IdempotencyKeyReusedError } from './event-store.errors.js';
import type { ExpectedVersion } from './recorded-event.js';

describe('EventStore: idempotent appends', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => { fx = await createEventStoreFixture(); });
  afterAll(async () => { await fx.db.drop(); });

  const batch = () => [statementRecorded(1, { quote: 'We will talk' }), statementRecorded(2, { quote: 'Under conditions' })];
  const identity = (r: { events: { eventId: string; position: number; version: number; transactionId: string }[] }) =>
    r.events.map((e) => [e.eventId, e.position, e.version, e.transactionId]);

  async function eventsWithKey(key: string): Promise<number> {
    const [row] = await fx.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'idempotencyKey' = $1`, [key]);
    return row.n;
  }

  describe('given an append made with key "req-1"', () => {
    let first: Awaited<ReturnType<typeof fx.store.append>>;
    beforeAll(async () => {
      first = await fx.store.append('statement-a', batch(), { idempotencyKey: 'req-1', expectedVersion: 'no_stream' });
    });

    it('then the first append is not a replay and records the key in its metadata', () => {
      expect(first.replayed).toBe(false);
      expect(first.events.map((e) => e.metadata.idempotencyKey)).toEqual(['req-1', 'req-1']);
    });

    it('when retried with the same key and content, then it returns the first result and writes nothing', async () => {
      const before = await rawEvents(fx.db);

      const retry = await fx.store.append('statement-a', batch(), { idempotencyKey: 'req-1', expectedVersion: 'no_stream' });

      expect(retry.replayed).toBe(true);
      expect(identity(retry)).toEqual(identity(first));
      expect(retry.version).toBe(first.version);
      expect(await rawEvents(fx.db)).toEqual(before);
    });

    it('when retried after the stream moved on, then it still returns the first result, not the newer events', async () => {
      await fx.store.append('statement-a', [statementRecorded(3)]);

      const retry = await fx.store.append('statement-a', batch(), { idempotencyKey: 'req-1', expectedVersion: 'no_stream' });

      expect(retry.replayed).toBe(true);
      expect(identity(retry)).toEqual(identity(first));
    });

    it('when the same key comes with different content, then IdempotencyKeyReusedError and nothing is written', async () => {
      const before = await rawEvents(fx.db);
      const changed = [statementRecorded(1, { quote: 'We will never talk' })];

      const error = await rejectionOf(fx.store.append('statement-a', changed, { idempotencyKey: 'req-1' }));

      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(error).toMatchObject({ code: 'idempotency-key-reused', status: 422 });
      expect(await rawEvents(fx.db)).toEqual(before);
    });

    it('when the same key and events come for another stream, then IdempotencyKeyReusedError', async () => {
      await expect(fx.store.append('statement-b', batch(), { idempotencyKey: 'req-1' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await fx.store.streamVersion('statement-b')).toBe(0);
    });
  });

  it('given appends under keys, when looking a key up before deciding, then it names the earlier append or refuses other content', async () => {
    const first = await fx.store.append('statement-lookup', batch(), { idempotencyKey: 'req-lookup', fingerprint: 'body-1' });

    expect(await fx.store.findIdempotentAppend('req-lookup', 'body-1')).toEqual({ streamId: 'statement-lookup', lastVersion: first.version });
    expect(await fx.store.findIdempotentAppend('req-lookup')).toEqual({ streamId: 'statement-lookup', lastVersion: first.version });
    await expect(fx.store.findIdempotentAppend('req-lookup', 'body-2')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await fx.store.findIdempotentAppend('req-never-used', 'body-1')).toBeUndefined();
  });

  it('given a caller-supplied fingerprint, when the retry has the same fingerprint, then it is a replay', async () => {
    const first = await fx.store.append('statement-c', batch(), { idempotencyKey: 'req-fp', fingerprint: 'body-sha-1' });
    const retry = await fx.store.append('statement-c', [statementRecorded(7)], { idempotencyKey: 'req-fp', fingerprint: 'body-sha-1' });
    expect(retry.replayed).toBe(true);
    expect(identity(retry)).toEqual(identity(first));
  });

  it('given an append refused for its expected version, when retried correctly with the same key, then it is written', async () => {
    await fx.store.append('statement-d', [statementRecorded(1)]);
    await expect(fx.store.append('statement-d', batch(), { idempotencyKey: 'req-d', expectedVersion: 0 })).rejects.toThrow();

    const retry = await fx.store.append('statement-d', batch(), { idempotencyKey: 'req-d', expectedVersion: 1 });

    expect(retry.replayed).toBe(false);
    expect(retry.events.map((e) => e.version)).toEqual([2, 3]);
  });

  describe.each<[string, ExpectedVersion]>([
    ['with any', 'any'],
    ['expecting no_stream', 'no_stream'],
  ])('given 10 identical requests %s sent at once with one key', (_, expectedVersion) => {
    it('then exactly one batch is written and all 10 get its events', async () => {
      const key = `req-concurrent-${expectedVersion}`;
      const streamId = `statement-concurrent-${expectedVersion}`;
      const countBefore = await countEvents(fx.db);

      const results = await withWritesHeldUntilQueued(fx.db, 10, () => Promise.all(Array.from({ length: 10 }, () =>
        fx.store.append(streamId, batch(), { idempotencyKey: key, expectedVersion }))));

      expect(await countEvents(fx.db)).toBe(countBefore + 2);
      expect(await eventsWithKey(key)).toBe(2);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const written = results.find((r) => !r.replayed)!;
      for (const r of results) expect(identity(r)).toEqual(identity(written));
    });
  });
});
