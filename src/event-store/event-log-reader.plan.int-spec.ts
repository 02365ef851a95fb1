import type { EntityManager } from 'typeorm';
import { createEventStoreFixture, readToEnd, statementRecorded, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { LOG_START, type LogCheckpoint } from './recorded-event.js';

const EVENTS = 20_000;
const BATCH = 100;

/** The SQL and parameters readAfter sends, captured without running it. */
async function queryOfReadAfter(fx: EventStoreFixture, after: LogCheckpoint, limit: number): Promise<string> {
  let sent: { sql: string; params: unknown[] } | undefined;
  const recorder = { query: async (sql: string, params: unknown[]) => { sent = { sql, params }; return []; } };
  await fx.reader.readAfter(after, limit, recorder as unknown as EntityManager);
  const { sql, params } = sent!;
  // Inlined as literals, as a client without bind parameters would send it.
  return sql.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);
}

async function planOf(fx: EventStoreFixture, sql: string): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await fx.db.dataSource.query(`EXPLAIN ${sql}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('EventLogReader: each page is an index range scan', () => {
  let fx: EventStoreFixture;

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    // Many transactions over many streams, like a real log, then fresh statistics.
    for (let i = 0; i < EVENTS / BATCH; i++) {
      await fx.store.append(`statement-${i % 50}`, Array.from({ length: BATCH }, (_, j) => statementRecorded(i * BATCH + j)));
    }
    await fx.db.dataSource.query('ANALYZE events');
  });
  afterAll(async () => { await fx.db.drop(); });

  async function expectIndexRangeScan(after: LogCheckpoint): Promise<string> {
    const plan = await planOf(fx, await queryOfReadAfter(fx, after, 100));

    expect(plan).toMatch(/Index Scan using events_transaction_position on events/);
    expect(plan).not.toMatch(/\bSort\b/);
    expect(plan).not.toMatch(/Seq Scan on events/);
    // The fence bounds the range inside the index condition rather than filtering rows after it.
    expect(plan).toMatch(/Index Cond: .*transaction_id < /);
    return plan;
  }

  it(`given ${EVENTS} events, when the first page is read from the log start, then the plan is an index scan with no sort`, async () => {
    await expectIndexRangeScan(LOG_START);
  });

  it(`given ${EVENTS} events, when a page is read from the middle of the log, then the plan is the same`, async () => {
    const { events } = await readToEnd(fx.reader, LOG_START, 1000);
    expect(events).toHaveLength(EVENTS);
    const middle = events[EVENTS / 2];
    await expectIndexRangeScan({ transactionId: middle.transactionId, position: middle.position });
  });
});
