import { compareLogOrder, countEvents, createEventStoreFixture, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { LOG_START, type RecordedEvent } from './recorded-event.js';

const TOTAL_EVENTS = 10_000;
const WRITERS = 6;
const STREAMS = 200;
const PAGE_SIZE = 100;

describe('EventLogReader: following the log while it is being written', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => { fx = await createEventStoreFixture({ poolSize: WRITERS + 2 }); });
  afterAll(async () => { await fx.db.drop(); });

  /** Claims events from a shared budget and appends them as singles or small batches across many streams. */
  function startWriters(): Promise<void[]> {
    let budget = TOTAL_EVENTS;
    let seq = 0;
    const writer = async (w: number) => {
      for (let i = 0; budget > 0; i++) {
        const size = Math.min(budget, [1, 1, 2, 3, 5][(w + i) % 5]);
        budget -= size;
        const streamId = `statement-${(w * 7919 + i * 31) % STREAMS}`;
        await fx.store.append(streamId, Array.from({ length: size }, () => statementRecorded(++seq)));
      }
    };
    return Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  }

  it(`given ${WRITERS} writers appending ${TOTAL_EVENTS} events, when a reader pages through the log meanwhile, then it sees each event exactly once, in safe order`, async () => {
    let writersDone = false;
    const writing = startWriters().finally(() => { writersDone = true; });

    const seen: RecordedEvent[] = [];
    let checkpoint = LOG_START;
    let readWhileWriting = 0;
    // Poll until the writers have finished and a page after that comes back empty: the log is drained.
    for (;;) {
      const finishedBeforeRead = writersDone;
      const page = await fx.reader.readAfter(checkpoint, PAGE_SIZE);
      if (!finishedBeforeRead) readWhileWriting += page.events.length;
      seen.push(...page.events);
      if (page.events.length > 0) expect(page.checkpoint).toEqual({ transactionId: page.events.at(-1)!.transactionId, position: page.events.at(-1)!.position });
      checkpoint = page.checkpoint;
      if (page.events.length === 0) {
        if (finishedBeforeRead) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await writing;

    const inLog: { event_id: string }[] = await fx.db.dataSource.query(`SELECT event_id FROM events`);
    expect(await countEvents(fx.db)).toBe(TOTAL_EVENTS);
    expect(seen).toHaveLength(TOTAL_EVENTS);
    expect(new Set(seen.map((e) => e.eventId))).toEqual(new Set(inLog.map((r) => r.event_id)));
    const outOfOrder = seen.findIndex((e, i) => i > 0 && compareLogOrder(seen[i - 1], e) >= 0);
    expect(outOfOrder).toBe(-1);
    // The reader really did run alongside the writers, not only after them.
    expect(readWhileWriting).toBeGreaterThan(0);
  });
});
