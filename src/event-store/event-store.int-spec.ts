import { createEventStoreFixture, rawEvents, rejectionOf, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { WrongExpectedVersionError } from './event-store.errors.js';
import type { ExpectedVersion } from './recorded-event.js';

describe('EventStore: appending with an expected version, reading a stream', () => {
  let fx: EventStoreFixture;
  let streamNo = 0;
  const newStream = () => `statement-${++streamNo}`;

  beforeAll(async () => { fx = await createEventStoreFixture(); });
  afterAll(async () => { await fx.db.drop(); });

  /** A stream that already holds `count` events. */
  async function givenStreamWith(count: number): Promise<string> {
    const streamId = newStream();
    if (count > 0) await fx.store.append(streamId, Array.from({ length: count }, (_, i) => statementRecorded(i + 1)));
    return streamId;
  }

  /** Refused alike whether one event comes (the store's single-event path) or a batch. */
  async function expectRefused(streamId: string, expected: ExpectedVersion, actual: number): Promise<void> {
    for (const events of [[statementRecorded(99)], [statementRecorded(99), statementRecorded(100)]]) {
      const before = await rawEvents(fx.db);
      const error = await rejectionOf(fx.store.append(streamId, events, { expectedVersion: expected }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId, expected, actual, code: 'concurrency-conflict', status: 409 });
      expect(await rawEvents(fx.db)).toEqual(before);
    }
  }

  describe('given no stream yet', () => {
    it('when appending with no_stream, then the events get versions 1..n', async () => {
      const streamId = newStream();
      const result = await fx.store.append(streamId, [statementRecorded(1), statementRecorded(2)], { expectedVersion: 'no_stream' });
      expect(result).toMatchObject({ streamId, replayed: false, version: 2 });
      expect(result.events.map((e) => e.version)).toEqual([1, 2]);
    });

    it('when appending with expected version 0, then it is accepted like no_stream', async () => {
      const result = await fx.store.append(newStream(), [statementRecorded(1)], { expectedVersion: 0 });
      expect(result.version).toBe(1);
    });

    it('when appending with any, then it is accepted', async () => {
      const result = await fx.store.append(newStream(), [statementRecorded(1)], { expectedVersion: 'any' });
      expect(result.version).toBe(1);
    });

    it('when appending with exists, then it is refused with actual version 0 and nothing is written', async () => {
      await expectRefused(newStream(), 'exists', 0);
    });

    it('when appending with an exact version 3, then it is refused with actual version 0', async () => {
      await expectRefused(newStream(), 3, 0);
    });
  });

  describe('given a stream with 3 events', () => {
    it('when appending with no_stream, then it is refused with actual version 3 and nothing is written', async () => {
      await expectRefused(await givenStreamWith(3), 'no_stream', 3);
    });

    it('when appending with exists, then the events follow on at 4 and 5', async () => {
      const streamId = await givenStreamWith(3);
      const result = await fx.store.append(streamId, [statementRecorded(4), statementRecorded(5)], { expectedVersion: 'exists' });
      expect(result.events.map((e) => e.version)).toEqual([4, 5]);
      expect(result.version).toBe(5);
    });

    it('when appending with exactly 3, then it is accepted', async () => {
      const streamId = await givenStreamWith(3);
      expect((await fx.store.append(streamId, [statementRecorded(4)], { expectedVersion: 3 })).version).toBe(4);
    });

    it.each([2, 4])('when appending with exactly %i, then it is refused with actual version 3', async (expected) => {
      await expectRefused(await givenStreamWith(3), expected, 3);
    });

    it('when appending with any, then it is accepted at version 4', async () => {
      const streamId = await givenStreamWith(3);
      expect((await fx.store.append(streamId, [statementRecorded(4)])).version).toBe(4);
    });
  });

  describe('given a database that refuses one event of a batch after storing the ones before it', () => {
    beforeAll(async () => {
      // A row trigger fires per row, so the first two rows of the batch are already inserted when it raises.
      await fx.db.dataSource.query(`
        CREATE FUNCTION refuse_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.data ? 'refuse' THEN RAISE EXCEPTION 'event % refused', NEW.version USING ERRCODE = 'P0099'; END IF;
          RETURN NEW;
        END $$`);
      await fx.db.dataSource.query(`CREATE TRIGGER refuse_marked_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()`);
    });

    it('when a batch of three fails on its third event, then none of its events is written', async () => {
      const streamId = await givenStreamWith(1);
      const before = await rawEvents(fx.db);

      const error = await rejectionOf(fx.store.append(streamId,
        [statementRecorded(2), statementRecorded(3), statementRecorded(4, { refuse: true })], { expectedVersion: 1 }));

      expect((error as Error).message).toContain('event 4 refused');
      expect(await rawEvents(fx.db)).toEqual(before);
      expect(await fx.store.streamVersion(streamId)).toBe(1);
      expect((await fx.store.append(streamId, [statementRecorded(2)], { expectedVersion: 1 })).version).toBe(2);
    });
  });

  describe('reading a stream', () => {
    it('given a stream of 5 events, when read whole, then they come back in version order with their data', async () => {
      const streamId = await givenStreamWith(5);
      const events = await fx.store.readStream(streamId);
      expect(events.map((e) => [e.version, e.data])).toEqual([1, 2, 3, 4, 5].map((n) => [n, { n }]));
      expect(events.every((e) => e.streamId === streamId && e.type === 'StatementRecorded')).toBe(true);
    });

    it('given a stream of 5 events, when read from version 2 to 4, then exactly those come back', async () => {
      const streamId = await givenStreamWith(5);
      expect((await fx.store.readStream(streamId, { fromVersion: 2, toVersion: 4 })).map((e) => e.version)).toEqual([2, 3, 4]);
      expect((await fx.store.readStream(streamId, { fromVersion: 4 })).map((e) => e.version)).toEqual([4, 5]);
      expect((await fx.store.readStream(streamId, { toVersion: 2 })).map((e) => e.version)).toEqual([1, 2]);
      expect(await fx.store.readStream(streamId, { fromVersion: 6 })).toEqual([]);
    });

    it('given a stream of 5 events, when asking its version, then it is 5', async () => {
      expect(await fx.store.streamVersion(await givenStreamWith(5))).toBe(5);
    });

    it('given no stream, when asking its version, then it is 0, and reading it gives no events', async () => {
      expect(await fx.store.streamVersion('statement-never-written')).toBe(0);
      expect(await fx.store.readStream('statement-never-written')).toEqual([]);
    });

    it('given events appended with metadata, when read back, then they carry it and an event id each', async () => {
      const streamId = newStream();
      await fx.store.append(streamId, [statementRecorded(1)], { metadata: { correlationId: 'req-1', recordedBy: 'editor' } });
      const [event] = await fx.store.readStream(streamId);
      expect(event.metadata).toEqual({ correlationId: 'req-1', recordedBy: 'editor' });
      expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(event.recordedAt).toBeInstanceOf(Date);
    });
  });
});
