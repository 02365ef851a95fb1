import { parsePartialDate } from '../../common/dates/partial-date.js';
import { stanceOnDateQuery } from '../../stances/stance-on-date/stance-on-date.query.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { NOW, type AsOf } from './as-of.js';
import { statementAsOfQuery } from './get-statement/statement-lookup.query.js';
import { timelineQuery } from './list-statements/statement-timeline.query.js';

const STATEMENTS = 30_000;
const ACTORS = 200;

/**
 * A history shaped like a real one, written straight into the table (the projection is tested
 * elsewhere; this is about plans): 30,000 statements by 200 actors over 140 topics and 25 years of
 * statedAt, a third of them corrected once (40,000 versions), recorded over a year.
 */
async function givenAHistory(db: TestDatabase): Promise<void> {
  const insert = (version: 1 | 2, step: number, period: string) => db.dataSource.query(`
    INSERT INTO statement_versions (statement_id, version, actor_id, topic_id, stance, stance_score, conditions, summary, form,
      source_id, stated_at, stated_precision, stated_start, stated_end, corrections, first_position, first_recorded_at,
      recorded_from, recorded_to, made_xid, closed_xid, event_type, event_position, event_id)
    SELECT 's-' || i, ${version}, 'actor-' || (i % ${ACTORS}), 'topic-' || (i % 20) || '/sub-' || (i % 7), 'support', 1, '[]',
           'summary ' || i, 'paraphrase', 'source-' || (i % 100), d::text, 'day', d, d, ${version - 1}, i, t, ${period},
           (1000 + i)::text::xid8, ${version === 1 ? `CASE WHEN i % 3 = 0 THEN (100000 + i)::text::xid8 END` : 'NULL'},
           ${version === 1 ? `'StatementRecorded'` : `'StatementCorrected'`}, i, gen_random_uuid()
      FROM generate_series(${step}, ${STATEMENTS}, ${step}) AS i,
           LATERAL (SELECT date '2000-01-01' + (i * 7919 % 9000) AS d, timestamptz '2024-01-01' + i * interval '17 minutes' AS t) AS x`);
  await insert(1, 1, `t, CASE WHEN i % 3 = 0 THEN t + interval '1 day' END`);
  await insert(2, 3, `t + interval '1 day', NULL`);
  await db.dataSource.query(`INSERT INTO sources (id, kind, title, recorded_at) SELECT 'source-' || i, 'interview', 'Source ' || i, now() FROM generate_series(0, 99) i`);
  await db.dataSource.query('ANALYZE statement_versions');
  await db.dataSource.query('ANALYZE sources');
}

describe('statement_versions: the timeline and as-of reads are index scans, whatever the size of the history', () => {
  let db: TestDatabase;
  let snapshot: string;
  const knownAt = new Date('2024-06-01T00:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
    await givenAHistory(db);
    [{ snapshot }] = await db.dataSource.query(`SELECT pg_current_snapshot()::text AS snapshot`);
  });
  afterAll(async () => { await db.drop(); });

  async function planOf({ sql, values }: { sql: string; values: unknown[] }): Promise<string> {
    const rows: { 'QUERY PLAN': string }[] = await db.dataSource.query(`EXPLAIN ${sql}`, values);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    if (process.env.SHOW_PLAN) process.stdout.write(`${plan}\n\n`);
    return plan;
  }

  function expectIndexScan(plan: string): void {
    expect(plan).not.toMatch(/Seq Scan on statement_versions/);
    expect(plan).toMatch(/Index (Only )?Scan( Backward)? using statement_versions_\w+ on statement_versions|Bitmap Index Scan on statement_versions_\w+/);
  }

  const asOfs: [string, AsOf][] = [
    ['now', NOW],
    ['known at a past instant', { kind: 'known-at', knownAt }],
    ['on a later page, pinned to the first', { kind: 'page', knownAt, snapshot: '' }],
  ];

  describe.each(asOfs)('as of %s', (_, given) => {
    const asOf = (): AsOf => (given.kind === 'page' ? { ...given, snapshot } : given);

    it('an actor\'s timeline, first page and a page further on', async () => {
      expectIndexScan(await planOf(timelineQuery({ actors: ['actor-7'] }, asOf(), undefined, 51)));
      expectIndexScan(await planOf(timelineQuery({ actors: ['actor-7'] }, asOf(), { statedStart: '2010-01-01', firstPosition: '5000' }, 51)));
    });

    it('the whole timeline, and a date range of it', async () => {
      expectIndexScan(await planOf(timelineQuery({}, asOf(), { statedStart: '2012-03-04', firstPosition: '100' }, 51)));
      expectIndexScan(await planOf(timelineQuery({ from: parsePartialDate('2019')!, to: parsePartialDate('2020-06')! }, asOf(), undefined, 51)));
    });

    it('a topic with its subtopics, for one actor and for all', async () => {
      expectIndexScan(await planOf(timelineQuery({ topic: 'topic-3' }, asOf(), undefined, 51)));
      expectIndexScan(await planOf(timelineQuery({ topic: 'topic-3', actors: ['actor-23'] }, asOf(), undefined, 51)));
    });

    it('one statement', async () => {
      expectIndexScan(await planOf(statementAsOfQuery('s-300', asOf())));
    });

    it('what an actor said about a topic on a date', async () => {
      expectIndexScan(await planOf(stanceOnDateQuery('actor-7', 'topic-7', parsePartialDate('2015-06-01')!, asOf())));
    });
  });
});
