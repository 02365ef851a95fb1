import { createEventStoreFixture, rawEvents, rejectionOf, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import type { AppendOptions } from './event-store.js';
import type { DomainEvent, RecordedEvent } from './recorded-event.js';

/**
 * Data that JSON and jsonb treat differently: keys jsonb reorders (by UTF-8 length, then bytes, where
 * UTF-16 order would differ), integer-like and "__proto__" keys, numbers written in exponent form,
 * values JSON.stringify changes or drops.
 */
function awkwardData(n: number): object {
  return {
    zebra: n, a: { yy: true, b: [{ long: 1, s: 2 }] }, 10: 'ten', 2: 'two', '': 'empty key',
    '\uE000a': 'private use, 4 bytes', '😀': 'emoji, 4 bytes', é: 'two bytes', ab: 'two ASCII bytes',
    negativeZero: -0, big: 1e21, tiny: 1e-7, twoTo64: 2 ** 64, sum: 0.1 + 0.2, max: Number.MAX_VALUE, min: Number.MIN_VALUE,
    notANumber: NaN, infinite: -Infinity, missing: undefined, when: new Date('2025-02-04T10:00:00.123Z'),
    text: 'quote " backslash \\ newline \n separator \u2028 tab \t',
    own: JSON.parse('{"__proto__": {"x": 1}, "b": 2}'),
    nested: [[], {}, null, [1, { z: 0, y: 1, xx: [{ d: 1, c: 2 }] }]],
  };
}

const awkwardEvent = (n: number): DomainEvent => ({ type: 'AwkwardRecorded', data: awkwardData(n) });
const awkwardOptions: AppendOptions = { metadata: { recordedBy: 'editor', correlationId: 'req-1', zz: { b: 1, a: 2 }, 1: 'one' } };

/** toStrictEqual ignores key order, which a projection serialising the data would see; compare the JSON too. */
function expectSameAsLog(seen: readonly RecordedEvent[], log: readonly RecordedEvent[]): void {
  expect(seen).toStrictEqual(log);
  expect(seen.map((e) => JSON.stringify(e))).toEqual(log.map((e) => JSON.stringify(e)));
}

describe('EventStore: an appended event is the event the log holds', () => {
  let fx: EventStoreFixture;
  const projected: RecordedEvent[] = [];

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    fx.registry.register({
      name: 'awkward', handles: ['AwkwardRecorded'], tables: [],
      async apply(events) { projected.push(...events); },
    });
  });
  afterAll(async () => { await fx.db.drop(); });
  beforeEach(() => { projected.length = 0; });

  it('given awkward data, when one event is appended, then the inline projection and the caller get what a read of the log gives', async () => {
    const result = await fx.store.append('awkward-1', [awkwardEvent(1)], { ...awkwardOptions, expectedVersion: 'no_stream' });

    const log = await fx.store.readStream('awkward-1');
    // The log's order, not the order sent: what a projection serialising the data would write.
    expect(Object.keys(log[0].data)).toEqual(['2', '10', '', 'a', 'ab', 'é', 'big', 'max', 'min', 'own', 'sum',
      'text', 'tiny', 'when', '\uE000a', '😀', 'zebra', 'nested', 'twoTo64', 'infinite', 'notANumber', 'negativeZero']);
    expectSameAsLog(projected, log);
    expectSameAsLog(result.events, log);
  });

  it('given awkward data, when a batch of three is appended to a stream, then each event is what the log holds', async () => {
    await fx.store.append('awkward-2', [{ type: 'Other', data: { first: true } }]);

    const result = await fx.store.append('awkward-2', [awkwardEvent(2), awkwardEvent(3), awkwardEvent(4)], { ...awkwardOptions, expectedVersion: 1 });

    const log = await fx.store.readStream('awkward-2', { fromVersion: 2 });
    expect(log.map((e) => (e.data as { zebra: number }).zebra)).toEqual([2, 3, 4]);
    expectSameAsLog(projected, log);
    expectSameAsLog(result.events, log);
  });

  it('given an event no inline projection handles, when appended outside a transaction, then the caller still gets what the log holds', async () => {
    const result = await fx.store.append('awkward-3', [{ type: 'Other', data: awkwardData(5) }], awkwardOptions);

    expect(projected).toEqual([]);
    expectSameAsLog(result.events, await fx.store.readStream('awkward-3'));
  });

  it.each([1, 3])('given an append of %i event(s), the last holding text jsonb cannot store, when appended, then it is refused and nothing is written', async (count) => {
    const before = await rawEvents(fx.db);
    const events = Array.from({ length: count }, (_, i) => (i === count - 1 ? { type: 'AwkwardRecorded', data: { text: 'nul \u0000' } } : awkwardEvent(i)));

    const error = await rejectionOf(fx.store.append(`awkward-refused-${count}`, events));

    expect((error as Error).message).toContain('unsupported Unicode escape sequence');
    expect(await rawEvents(fx.db)).toEqual(before);
    expect(projected).toEqual([]);
  });

  it.each([1, 2])('given %i awkward event(s) appended under a key, when retried, then both answers are what the log holds', async (count) => {
    const events = Array.from({ length: count }, (_, i) => awkwardEvent(10 + i));
    const options: AppendOptions = { ...awkwardOptions, idempotencyKey: `req-awkward-${count}` };
    const first = await fx.store.append(`awkward-key-${count}`, events, options);

    const retry = await fx.store.append(`awkward-key-${count}`, events, options);

    const log = await fx.store.readStream(`awkward-key-${count}`);
    expect(retry.replayed).toBe(true);
    expect(log.map((e) => e.metadata.idempotencyKey)).toEqual(events.map(() => `req-awkward-${count}`));
    expectSameAsLog(first.events, log);
    expectSameAsLog(retry.events, log);
    expectSameAsLog(projected, log);
  });
});
