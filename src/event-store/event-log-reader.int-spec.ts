import pg from 'pg';
import { createEventStoreFixture, readToEnd, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { TEST_SERVER_URL } from '../../test/support/test-database.js';
import { LOG_START, type LogCheckpoint } from './recorded-event.js';

/** Appends one event through the SQL function on a connection of its own, leaving its transaction open. */
async function beginSlowAppend(url: string, streamId: string): Promise<{ client: pg.Client; position: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    `SELECT position FROM append_event($1, NULL, gen_random_uuid(), 'StatementRecorded', 1::smallint, '{"n": "slow"}'::jsonb,
       '{}'::jsonb, NULL, NULL)`, [streamId]);
  return { client, position: Number(rows[0].position) };
}

async function finish(client: pg.Client, how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  try {
    await client.query(how);
  } finally {
    await client.end();
  }
}

describe('EventLogReader: reading the whole log in its safe order', () => {
  let fx: EventStoreFixture;
  let open: pg.Client | undefined;

  beforeAll(async () => { fx = await createEventStoreFixture(); });
  afterEach(async () => { if (open) await finish(open, 'ROLLBACK').catch(() => undefined); open = undefined; });
  afterAll(async () => { await fx.db.drop(); });

  it('given events in several streams, when read in pages of 2, then every event comes once, in position order within a transaction', async () => {
    const start = (await readToEnd(fx.reader, LOG_START)).checkpoint;
    const a = await fx.store.append('statement-a', [statementRecorded(1), statementRecorded(2), statementRecorded(3)]);
    const b = await fx.store.append('statement-b', [statementRecorded(4)]);
    const c = await fx.store.append('statement-a', [statementRecorded(5)]);

    const { events, checkpoint } = await readToEnd(fx.reader, start, 2);

    expect(events.map((e) => e.eventId)).toEqual([...a.events, ...b.events, ...c.events].map((e) => e.eventId));
    expect(checkpoint).toEqual({ transactionId: c.events[0].transactionId, position: c.events[0].position });
    expect(new Set(a.events.map((e) => e.transactionId)).size).toBe(1);
  });

  it('given the reader is at the end, when it reads again, then the page is empty and the checkpoint unchanged', async () => {
    const { checkpoint } = await readToEnd(fx.reader, LOG_START);
    const page = await fx.reader.readAfter(checkpoint, 100);
    expect(page).toEqual({ events: [], checkpoint });
  });

  describe('given a slow transaction that took a lower position and has not committed', () => {
    it('when a fast append commits with a higher position, then the reader holds it back until the slow one commits, then yields both once, slow first', async () => {
      const { checkpoint: start } = await readToEnd(fx.reader, LOG_START);
      const slow = await beginSlowAppend(fx.db.url, 'statement-slow');
      open = slow.client;
      const fast = (await fx.store.append('statement-fast', [statementRecorded(1)])).events[0];
      expect(fast.position).toBeGreaterThan(slow.position);

      const whileSlowIsOpen = await readToEnd(fx.reader, start);

      // Passing the fast event now would move the checkpoint beyond the slow one's place for good.
      expect(whileSlowIsOpen.events).toEqual([]);
      expect(whileSlowIsOpen.checkpoint).toEqual(start);

      await finish(slow.client, 'COMMIT');
      open = undefined;
      const afterCommit = await readToEnd(fx.reader, whileSlowIsOpen.checkpoint);

      expect(afterCommit.events.map((e) => [e.streamId, e.position])).toEqual([
        ['statement-slow', slow.position],
        ['statement-fast', fast.position],
      ]);
      expect((await readToEnd(fx.reader, afterCommit.checkpoint)).events).toEqual([]);
    });

    it('when events committed before it are read, then they are not held back', async () => {
      const { checkpoint: start } = await readToEnd(fx.reader, LOG_START);
      const earlier = (await fx.store.append('statement-earlier', [statementRecorded(1)])).events[0];
      const slow = await beginSlowAppend(fx.db.url, 'statement-slow-2');
      open = slow.client;

      const page = await readToEnd(fx.reader, start);

      expect(page.events.map((e) => e.eventId)).toEqual([earlier.eventId]);
    });
  });

  describe('given a transaction that appended and rolled back', () => {
    it('when a later append commits, then its position gap does not stall the reader', async () => {
      const { checkpoint: start } = await readToEnd(fx.reader, LOG_START);
      const doomed = await beginSlowAppend(fx.db.url, 'statement-doomed');
      await finish(doomed.client, 'ROLLBACK');

      const after = (await fx.store.append('statement-after', [statementRecorded(1)])).events[0];
      expect(after.position).toBeGreaterThan(doomed.position);

      const { events } = await readToEnd(fx.reader, start);
      expect(events.map((e) => e.eventId)).toEqual([after.eventId]);
      expect(await fx.store.streamVersion('statement-doomed')).toBe(0);
    });
  });

  describe('given a write transaction left open in another database on the same server', () => {
    it('when an append commits here, then the reader is not held back by it', async () => {
      const { checkpoint: start } = await readToEnd(fx.reader, LOG_START);
      open = new pg.Client({ connectionString: TEST_SERVER_URL });
      await open.connect();
      await open.query('BEGIN');
      await open.query('SELECT pg_current_xact_id()'); // takes a transaction id, as any write would

      const here = (await fx.store.append('statement-here', [statementRecorded(1)])).events[0];

      // Transaction ids are server-wide, but only this database's transactions can write this log.
      expect((await readToEnd(fx.reader, start)).events.map((e) => e.eventId)).toEqual([here.eventId]);
    });
  });

  describe('given transaction ids of different lengths (99 and 100)', () => {
    it('when read in pages of 1, then they come in numeric order, not text order, and none is skipped', async () => {
      // Written with explicit ids, as only an import could: the store always uses the current one.
      await fx.db.dataSource.query(
        `INSERT INTO events (transaction_id, stream_id, version, type, data)
         VALUES ('100', 'statement-imported', 2, 'StatementRecorded', '{}'), ('99', 'statement-imported', 1, 'StatementRecorded', '{}')`);
      const [{ n }] = await fx.db.dataSource.query(`SELECT count(*)::int AS n FROM events`);

      const { events } = await readToEnd(fx.reader, LOG_START, 1);

      expect(events.slice(0, 2).map((e) => e.transactionId)).toEqual(['99', '100']);
      expect(events).toHaveLength(n);
    });
  });

  describe('resuming from a bare position', () => {
    it('given an event at position p, when asking for the checkpoint at p, then reading after it yields exactly the events after it', async () => {
      const { events: all } = await readToEnd(fx.reader, LOG_START);
      const middle = all[Math.floor(all.length / 2)];

      const checkpoint = (await fx.reader.checkpointAt(middle.position)) as LogCheckpoint;

      expect((await readToEnd(fx.reader, checkpoint)).events).toEqual(all.slice(all.indexOf(middle) + 1));
      expect(await fx.reader.checkpointAt(0)).toEqual(LOG_START);
      expect(await fx.reader.checkpointAt(10_000_000)).toBeUndefined();
    });
  });
});
