import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { NOW } from '../as-of.js';
import { timelineQuery } from './statement-timeline.query.js';

const STATEMENTS = 60_000;

/**
 * A history written straight into the table (the projection is tested elsewhere; this is about plans):
 * every summary says "negotiations", one in 6,000 also says "quartzite quarry".
 */
async function givenAHistory(db: TestDatabase): Promise<void> {
  await db.dataSource.query(`
    INSERT INTO statement_versions (statement_id, version, actor_id, topic_id, stance, stance_score, conditions, summary, form,
      source_id, stated_at, stated_precision, stated_start, stated_end, corrections, first_position, first_recorded_at,
      recorded_from, made_xid, event_type, event_position, event_id)
    SELECT 's-' || i, 1, 'actor-' || (i % 200), 'topic-' || (i % 20), 'support', 1, '[]',
           'The negotiations on ' || (ARRAY['grain', 'energy', 'borders', 'prisoners', 'sanctions'])[i % 5 + 1] || ' went on, number ' || i
             || CASE WHEN i % 6000 = 0 THEN ', at the quartzite quarry' ELSE '' END,
           'paraphrase', 'source-1', d::text, 'day', d, d, 0, i, t, t, (1000 + i)::text::xid8, 'StatementRecorded', i, gen_random_uuid()
      FROM generate_series(1, ${STATEMENTS}) AS i,
           LATERAL (SELECT date '2000-01-01' + (i * 7919 % 9000) AS d, timestamptz '2024-01-01' + i * interval '1 minute' AS t) AS x`);
  await db.dataSource.query(`INSERT INTO topics (id, title, proposition, recorded_at) SELECT 'topic-' || i, 'Topic ' || i, 'On topic ' || i, now() FROM generate_series(0, 19) i`);
  await db.dataSource.query('ANALYZE statement_versions');
  await db.dataSource.query('ANALYZE topics');
}

describe('statement search: found through the GIN index, ranked within a bounded set', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
    await givenAHistory(db);
  }, 60_000);
  afterAll(async () => { await db.drop(); });

  const plan = async (text: string, order: 'relevance' | 'statedAt') => {
    const { sql, values } = timelineQuery({ text }, NOW, undefined, 51, order);
    const rows: { 'QUERY PLAN': string }[] = await db.dataSource.query(`EXPLAIN ANALYZE ${sql}`, values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it.each(['quartzite', '"quartzite quarry"'])('finds %s through statement_versions_document, and ranks only its matches', async (q) => {
    const explained = await plan(q, 'relevance');
    expect(explained).toContain('statement_versions_document');
    const { sql, values } = timelineQuery({ text: q }, NOW, undefined, 51, 'relevance');
    expect(await db.dataSource.query(sql, values)).toHaveLength(STATEMENTS / 6000);
  });

  it('ranks a word every statement holds within the newest 10,000 matches: a page is 50 of them', async () => {
    const { sql, values } = timelineQuery({ text: 'negotiations' }, NOW, undefined, 51, 'relevance');
    const rows: { stated_start: string }[] = await db.dataSource.query(sql, values);
    expect(rows).toHaveLength(51);
    const [{ oldest }] = await db.dataSource.query(
      `SELECT min(stated_start)::text AS oldest FROM (SELECT stated_start FROM statement_versions ORDER BY stated_start DESC, first_position DESC LIMIT 10000) newest`);
    for (const row of rows) expect(row.stated_start >= oldest).toBe(true);
  });
});
