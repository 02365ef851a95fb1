import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { createEventStoreFixture, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import { failingOnce } from '../../test/support/failing-projection.js';
import { STATEMENT_FIELDS } from '../../test/support/statement-fields.js';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import type { Projection } from '../event-store/inline-projections/projection.js';
import type { RecordedEvent } from '../event-store/recorded-event.js';
import { StatementVersionsProjection } from '../statements/read-model/statement-versions.projection.js';
import { FORMS, STANCES, statementStream, type StatementEvent, type StatementFields } from '../statements/statement.events.js';
import { RebuildLock, RebuildRunningError } from './rebuild-lock.js';
import { RebuildService } from './rebuild.service.js';

/** A second projection beside the statements' one: counts statement events by type. */
const countsProjection: Projection = {
  name: 'statement-event-counts',
  handles: ['StatementRecorded', 'StatementCorrected', 'StatementRetracted'],
  tables: ['statement_event_counts'],
  async apply(events: readonly RecordedEvent[], db: EntityManager) {
    for (const e of events) {
      await db.query(`INSERT INTO statement_event_counts (type, n) VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET n = statement_event_counts.n + 1`, [e.type]);
    }
  },
};

// A history: groups of operations; one group's operations on one statement are one append (one
// transaction), different statements' appends in a group run concurrently.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '"', "'", '😀'), maxLength: 12 });
const fields: fc.Arbitrary<Partial<StatementFields>> = fc.record({
  actorId: fc.constantFrom('volodymyr-zelensky', 'donald-trump'),
  topicId: fc.constantFrom('ukraine-war', 'ukraine-war/negotiations', 'nato'),
  stance: fc.constantFrom(...STANCES),
  conditions: fc.subarray(['if it is the only path to peace', 'if NATO stays out of reach', 'if']),
  summary: text,
  quote: fc.option(text, { nil: null }),
  form: fc.constantFrom(...FORMS),
  statedAt: fc.constantFrom('2022', '2022-10', '2022-10-04', '2024-02-29', '2025', '2025-02-04'),
  sourceId: fc.constantFrom('interview', 'decree'),
}, { requiredKeys: [] });
interface Operation { statement: number; kind: string; fields: Partial<StatementFields>; reason: string }
const operation: fc.Arbitrary<Operation> = fc.record({
  statement: fc.integer({ min: 0, max: 4 }),
  kind: fc.constantFrom('record', 'record', 'correct', 'correct', 'retract'),
  fields,
  reason: text,
});
const history = fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

describe('rebuilding the read models from the log', () => {
  let fx: EventStoreFixture;
  let rebuilds: RebuildService;
  const state = new Map<string, 'open' | 'retracted'>();
  let run = 0;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    fx = await createEventStoreFixture({ poolSize: 8 });
    await fx.db.dataSource.query(`CREATE TABLE statement_event_counts (type text PRIMARY KEY, n integer NOT NULL)`);
    // An index for reads only, as the real read models have, on the table rebuilt after statement_versions.
    await fx.db.dataSource.query(`CREATE INDEX statement_event_counts_by_n ON statement_event_counts (n DESC) WHERE n > 0`);
    fx.registry.register(new StatementVersionsProjection());
    fx.registry.register(countsProjection);
    rebuilds = new RebuildService(fx.db.dataSource, fx.reader, fx.registry, new RebuildLock(fx.db.dataSource));
  });
  afterAll(async () => { await fx.db.drop(); });

  /** Appends a generated history, skipping what the statement decider would refuse. */
  async function given(groups: Operation[][]): Promise<void> {
    run++;
    for (const group of groups) {
      const appends = new Map<string, StatementEvent[]>();
      for (const op of group) {
        const id = `run-${run}-statement-${op.statement}`;
        const events = appends.get(id) ?? [];
        const now = state.get(id);
        if (op.kind === 'record' && !now) {
          events.push({ type: 'StatementRecorded', data: { id, ...STATEMENT_FIELDS, ...op.fields } });
          state.set(id, 'open');
        } else if (op.kind === 'correct' && now === 'open') {
          events.push({ type: 'StatementCorrected', data: { id, changes: op.fields, reason: op.reason } });
        } else if (op.kind === 'retract' && now === 'open') {
          events.push({ type: 'StatementRetracted', data: { id, reason: op.reason } });
          state.set(id, 'retracted');
        }
        appends.set(id, events);
      }
      await Promise.all([...appends].filter(([, events]) => events.length > 0).map(([id, events]) => fx.store.append(statementStream(id), events)));
    }
  }

  const tables = () => fx.db.dataSource.query(`
    SELECT json_build_object('versions', (SELECT coalesce(json_agg(v ORDER BY statement_id, version), '[]') FROM statement_versions v),
                             'counts', (SELECT coalesce(json_agg(c ORDER BY type), '[]') FROM statement_event_counts c)) AS t`)
    .then(([row]: { t: object }[]) => row.t);
  const TABLES = ['statement_versions', 'statement_event_counts'];
  /** Every index of the read-model tables in `schema`, by name. */
  const indexes = (schema = 'public') => fx.db.dataSource.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2) ORDER BY indexname`, [schema, TABLES]);
  const versions = () => fx.db.dataSource.query(`SELECT coalesce(json_agg(v ORDER BY statement_id, version), '[]') AS t FROM statement_versions v`)
    .then(([row]: { t: object[] }[]) => row.t);
  const leftoverSchemas = () => fx.db.dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^(rebuild|retired)_'`);

  it('given any history of records, corrections and retractions, the rebuilt tables equal those kept live', async () => {
    await fc.assert(fc.asyncProperty(history, fc.integer({ min: 1, max: 20 }), async (groups, batchSize) => {
      await given(groups);
      const live = await tables();
      await rebuilds.rebuild({ batchSize });
      expect(await tables()).toEqual(live);
    }), { numRuns: 25 });
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('given a projector killed mid-way, the old tables keep answering, and the next rebuild resumes from its checkpoint and ends in the same state', async () => {
    const ops = (kind: string) => [0, 1, 2, 3].map((statement) => ({ statement, kind, fields: { summary: `${kind} ${statement}` }, reason: kind }));
    await given([ops('record'), ops('correct'), ops('correct'), ops('retract')]);
    const live = await tables();
    const [{ n: total }] = await fx.db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const crashing = new ProjectionRegistry();
    crashing.register(failingOnce(new StatementVersionsProjection(), 12));
    crashing.register(countsProjection);
    const crashed = new RebuildService(fx.db.dataSource, fx.reader, crashing, new RebuildLock(fx.db.dataSource));

    const indexesBefore = await indexes();

    await expect(crashed.rebuild({ batchSize: 5 })).rejects.toThrow('projector killed');
    expect(await tables()).toEqual(live);
    const [schema] = await leftoverSchemas();
    const [progress] = await fx.db.dataSource.query(`SELECT applied::int AS applied FROM ${schema.nspname}.rebuild_progress`);
    expect(progress.applied).toBeGreaterThan(0);
    expect(progress.applied).toBeLessThan(total);
    expect(progress.applied % 5).toBe(0);
    // Mid-replay the copies carry only their keys and unique indexes: the resumed run has the rest to build.
    expect((await indexes(schema.nspname)).map((i: { indexname: string }) => i.indexname))
      .toEqual(['statement_event_counts_pkey', 'statement_versions_one_current', 'statement_versions_pkey']);

    const report = await rebuilds.rebuild({ batchSize: 5 });
    expect(report.resumedAfter).toBe(progress.applied);
    expect(report.events).toBe(total - progress.applied);
    expect(await tables()).toEqual(live);
    expect(await indexes()).toEqual(indexesBefore);
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('given any history, rebuilt two pages at a time by projections that read only their own streams, the versions equal those kept live', async () => {
    // The statements' projection alone reads only its own streams, so its rebuild writes two pages at a time.
    const versionsOnly = new ProjectionRegistry();
    versionsOnly.register(new StatementVersionsProjection());
    const twoAtATime = new RebuildService(fx.db.dataSource, fx.reader, versionsOnly, new RebuildLock(fx.db.dataSource));
    await fc.assert(fc.asyncProperty(history, fc.integer({ min: 1, max: 20 }), async (groups, batchSize) => {
      await given(groups);
      const live = await versions();
      await twoAtATime.rebuild({ batchSize });
      expect(await versions()).toEqual(live);
    }), { numRuns: 25 });
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('given a rebuild, every index of the read models is back under its own name and definition, and the planner has statistics on the tables', async () => {
    await given([[0, 1, 2].map((statement) => ({ statement, kind: 'record', fields: {}, reason: '' }))]);
    const before = await indexes();
    expect(before.map((i: { indexname: string }) => i.indexname)).toEqual(expect.arrayContaining(
      ['statement_versions_pkey', 'statement_versions_one_current', 'statement_versions_actor_topic_current', 'statement_event_counts_by_n']));

    await rebuilds.rebuild();

    expect(await indexes()).toEqual(before);
    const analyzed = await fx.db.dataSource.query(
      `SELECT relname AS table, last_analyze IS NOT NULL AS analyzed,
              (SELECT count(*)::int FROM pg_stats s WHERE s.schemaname = 'public' AND s.tablename = t.relname) AS "columnStatistics"
         FROM pg_stat_user_tables t WHERE schemaname = 'public' AND relname = ANY($1) ORDER BY relname`, [TABLES]);
    expect(analyzed).toEqual([
      { table: 'statement_event_counts', analyzed: true, columnStatistics: expect.any(Number) },
      { table: 'statement_versions', analyzed: true, columnStatistics: expect.any(Number) },
    ]);
    for (const table of analyzed) expect(table.columnStatistics).toBeGreaterThan(0);
  });

  it('given a rebuild killed while it builds the indexes, the next one builds only what is missing and ends with every index once', async () => {
    await given([[0, 1, 2, 3].map((statement) => ({ statement, kind: 'record', fields: {}, reason: '' }))]);
    const live = await tables();
    const before = await indexes();
    const crashing = new ProjectionRegistry();
    crashing.register(failingOnce(new StatementVersionsProjection(), 2));
    crashing.register(countsProjection);
    await expect(new RebuildService(fx.db.dataSource, fx.reader, crashing, new RebuildLock(fx.db.dataSource)).rebuild({ batchSize: 5 }))
      .rejects.toThrow('projector killed');
    const [{ nspname: schema }] = await leftoverSchemas();

    // Holding back index builds on the second table (its rows still get written) stops the resumed run
    // after statement_versions' indexes are built; cancelling the waiting build kills it there.
    const gate = new pg.Client({ connectionString: fx.db.url });
    const watcher = new pg.Client({ connectionString: fx.db.url });
    await gate.connect();
    await watcher.connect();
    try {
      await gate.query('BEGIN');
      await gate.query(`LOCK TABLE "${schema}".statement_event_counts IN SHARE UPDATE EXCLUSIVE MODE`);
      let settled = false;
      const resumed = rebuilds.rebuild({ batchSize: 5 }).finally(() => { settled = true; });
      resumed.catch(() => undefined); // awaited below
      let cancelled = false;
      while (!settled && !cancelled) {
        const { rows } = await watcher.query(
          `SELECT pg_cancel_backend(pid) AS cancelled FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'CREATE INDEX statement_event_counts_by_n %'`);
        cancelled = rows.length > 0;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await expect(resumed).rejects.toThrow(/canceling statement/);
    } finally {
      await gate.end();
      await watcher.end();
    }
    const built = (await indexes(schema)).map((i: { indexname: string }) => i.indexname);
    expect(built).toEqual(expect.arrayContaining(['statement_versions_timeline', 'statement_versions_actor_topic_current']));
    expect(built).not.toContain('statement_event_counts_by_n');

    await rebuilds.rebuild({ batchSize: 5 });
    expect(await indexes()).toEqual(before);
    expect(await tables()).toEqual(live);
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('refuses a second rebuild while one runs, in this process or another', async () => {
    const first = rebuilds.rebuild();
    await expect(rebuilds.rebuild()).rejects.toBeInstanceOf(RebuildRunningError);
    await first;

    const other = new pg.Client({ connectionString: fx.db.url });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1)`, [0x534c5242]);
      await expect(rebuilds.rebuild()).rejects.toBeInstanceOf(RebuildRunningError);
      await other.query(`SELECT pg_advisory_unlock($1)`, [0x534c5242]);
      await expect(rebuilds.rebuild()).resolves.toMatchObject({ projections: ['statement-versions', 'statement-event-counts'] });
    } finally {
      await other.end();
    }
  });
});
