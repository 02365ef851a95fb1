import {
  appliedEventIds, createAppliedEventsTable, createEventStoreFixture, readToEnd, recordingProjection, statementRecorded,
  type EventStoreFixture,
} from '../../../test/support/event-store-fixture.js';
import { createDataSource } from '../../database/data-source.js';
import { EventLogReader } from '../event-log-reader.js';
import { LOG_START, type LogCheckpoint, type RecordedEvent } from '../recorded-event.js';
import { ProjectionRunner } from './projection-runner.js';

describe('ProjectionRunner: async projections from the log', () => {
  let fx: EventStoreFixture;
  let runner: ProjectionRunner;
  let tableNo = 0;

  beforeAll(async () => {
    fx = await createEventStoreFixture();
    runner = new ProjectionRunner(fx.db.dataSource, new EventLogReader(fx.db.dataSource), fx.registry);
  });
  afterAll(async () => { await fx.db.drop(); });

  async function newTable(): Promise<string> {
    const table = `applied_${++tableNo}`;
    await createAppliedEventsTable(fx.db, table);
    return table;
  }

  async function checkpointOf(projection: string): Promise<LogCheckpoint | undefined> {
    const [row] = await fx.db.dataSource.query(
      `SELECT transaction_id::text AS "transactionId", position::int8 AS position FROM projection_checkpoints WHERE projection = $1`, [projection]);
    return row && { transactionId: row.transactionId, position: Number(row.position) };
  }

  const at = (e: RecordedEvent): LogCheckpoint => ({ transactionId: e.transactionId, position: e.position });
  const handledIds = (events: RecordedEvent[]) => events.filter((e) => e.type === 'StatementRecorded').map((e) => e.eventId);

  /** Appends statements n = from..to in a mix of streams and batches, with an event the projections ignore. */
  async function givenStatements(from: number, to: number): Promise<void> {
    for (let n = from; n <= to; n += 3) {
      const batch = [n, n + 1, n + 2].filter((k) => k <= to).map((k) => statementRecorded(k));
      await fx.store.append(`statement-${n % 4}`, batch);
    }
    await fx.store.append('actor-1', [{ type: 'ActorRegistered', data: { name: 'Ignored by these projections' } }]);
  }

  it('given events in the log, when a projection catches up, then it applies each handled event once, in log order, and its checkpoint reaches the end', async () => {
    const table = await newTable();
    const projection = recordingProjection('timeline-catch-up', table);
    await givenStatements(1, 20);
    const { events: log, checkpoint: end } = await readToEnd(fx.reader, LOG_START);

    expect(await runner.catchUp(projection)).toBe(log.length);

    expect(await appliedEventIds(fx.db, table)).toEqual(handledIds(log));
    expect(await checkpointOf(projection.name)).toEqual(end);
    expect(end).toEqual(at(log.at(-1)!)); // the ignored last event moved the checkpoint too
  });

  it('given a projection that caught up, when new events arrive and it catches up again, then only the new ones are applied', async () => {
    const table = await newTable();
    const projection = recordingProjection('timeline-incremental', table);
    await runner.catchUp(projection);
    const { checkpoint: before } = await readToEnd(fx.reader, LOG_START);

    expect(await runner.catchUp(projection)).toBe(0);
    await givenStatements(101, 105);
    await runner.catchUp(projection);

    const { events: fresh, checkpoint: end } = await readToEnd(fx.reader, before);
    const applied = await appliedEventIds(fx.db, table);
    expect(applied.slice(-5)).toEqual(handledIds(fresh));
    expect(new Set(applied).size).toBe(applied.length);
    expect(await checkpointOf(projection.name)).toEqual(end);
  });

  describe('given a projection that throws in the middle of its second batch', () => {
    it('then that batch leaves neither rows nor a moved checkpoint, and a rerun ends where an uninterrupted run does', async () => {
      const log = (await readToEnd(fx.reader, LOG_START)).events;
      const failing = { at: undefined as number | undefined };
      const table = await newTable();
      const projection = recordingProjection('timeline-crashy', table, { failAt: () => failing.at });
      const reference = recordingProjection('timeline-reference', await newTable());

      // Batches of 5: the first goes through; the second writes rows for its first events, then throws.
      const sixth = log[5];
      failing.at = (log.slice(6, 10).find((e) => e.type === 'StatementRecorded')!.data as { n: number }).n;
      expect(await runner.runBatch(projection, 5)).toBe(5);
      await expect(runner.runBatch(projection, 5)).rejects.toThrow(`cannot apply statement ${failing.at}`);

      expect(await appliedEventIds(fx.db, table)).toEqual(handledIds(log.slice(0, 5)));
      expect(await checkpointOf(projection.name)).toEqual(at(log[4]));
      expect(sixth.type).toBe('StatementRecorded'); // so the rolled-back batch did write a row before throwing

      failing.at = undefined;
      await runner.catchUp(projection);
      await runner.catchUp(reference);

      expect(await appliedEventIds(fx.db, table)).toEqual(await appliedEventIds(fx.db, reference.tables[0]));
      expect(await checkpointOf(projection.name)).toEqual(await checkpointOf(reference.name));
    });
  });

  describe('given two runners on one projection at once', () => {
    it('when both drain the log in small batches, on two connection pools and on one, then no event is applied twice', async () => {
      await givenStatements(1001, 1600);
      const table = await newTable();
      const projection = recordingProjection('timeline-contended', table);
      const second = createDataSource({ url: fx.db.url, poolSize: 4 });
      await second.initialize();
      try {
        const runners = [
          runner,
          new ProjectionRunner(second, new EventLogReader(second), fx.registry),
          new ProjectionRunner(fx.db.dataSource, new EventLogReader(fx.db.dataSource), fx.registry),
          new ProjectionRunner(second, new EventLogReader(second), fx.registry),
        ];
        // Each drains until it gets nothing: another holding the lock counts as nothing, as in production.
        const drain = async (r: ProjectionRunner) => { while ((await r.runBatch(projection, 20)) > 0); };
        await Promise.all(runners.map(drain));
        await runner.catchUp(projection);
      } finally {
        await second.destroy();
      }

      const { events: log, checkpoint: end } = await readToEnd(fx.reader, LOG_START);
      expect(await appliedEventIds(fx.db, table)).toEqual(handledIds(log));
      expect(await checkpointOf(projection.name)).toEqual(end);
    });
  });
});
