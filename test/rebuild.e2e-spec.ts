import pg from 'pg';
import { ProjectionRegistry } from '../src/event-store/inline-projections/projection-registry.js';
import { DIRECT_TALKS, TALKS_2025, ZELENSKY } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

const REBUILD_LOCK = 0x534c5242;

describe('POST /v1/admin/projections/rebuild', () => {
  let t: TestApp;
  let tables: string[];

  beforeAll(async () => {
    t = await startTestApp({ SEED_ON_EMPTY: 'true' });
    tables = [...new Set(t.app.get(ProjectionRegistry).all().flatMap((p) => p.tables))];
    // Some history beyond the seed: a correction and a retraction.
    await t.http.post(`/v1/statements/${TALKS_2025}/corrections`).set(auth('editor'))
      .send({ changes: { summary: 'Zelensky said he would negotiate directly with Putin if it were the only path to peace.' }, reason: 'tighter wording' }).expect(200);
    await t.http.post('/v1/statements/zelensky-2025-02-04-ending-the-war/retraction').set(auth('editor')).send({ reason: 'duplicate' }).expect(200);
  });
  afterAll(async () => { await t.close(); });

  /** Every registered read-model table, whole, in a stable order; and their indexes by name. */
  async function readModels(): Promise<Record<string, unknown>> {
    const contents: Record<string, unknown> = {};
    for (const table of tables) {
      const [{ rows }] = await t.db.dataSource.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM "${table}" t`);
      contents[table] = rows;
    }
    contents.indexes = await t.db.dataSource.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY indexname`, [tables]);
    return contents;
  }
  const stanceOn = (on: string) => t.http.get('/v1/stance').query({ actor: ZELENSKY, topic: DIRECT_TALKS, on });

  it('needs an admin key: 401 without a key, 403 with an editor key', async () => {
    await t.http.post('/v1/admin/projections/rebuild').expect(401);
    await t.http.post('/v1/admin/projections/rebuild').set(auth('editor')).expect(403);
  });

  it('rebuilds every registered read model from the log into exactly what the live projections hold, while reads keep answering', async () => {
    const before = await readModels();
    const answer = (await stanceOn('2025-02-04').expect(200)).body;

    const rebuild = t.http.post('/v1/admin/projections/rebuild').set(auth('admin'));
    const reads = Array.from({ length: 10 }, () => stanceOn('2025-02-04'));
    const [done, ...answers] = await Promise.all([rebuild, ...reads]);

    expect(done.status).toBe(200);
    expect(done.body.projections).toEqual(expect.arrayContaining(['actors', 'topics', 'sources', 'statement-versions']));
    expect(done.body.tables).toEqual(expect.arrayContaining(tables));
    expect(done.body.events).toBe(await t.eventCount());
    for (const read of answers) expect(read.status === 200 && read.body).toEqual(answer);
    expect(await readModels()).toEqual(before);
    expect((await stanceOn('2025-02-04').expect(200)).body).toEqual(answer);
  });

  it('keeps read-your-writes on the rebuilt tables', async () => {
    await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(200);
    const created = await t.http.post('/v1/statements').set(auth('editor')).send({
      actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'oppose', summary: 'After the rebuild', form: 'paraphrase', statedAt: '2025-03',
      sourceId: 'piers-morgan-interview-zelensky-2025-02-04',
    }).expect(201);
    expect((await t.http.get(`/v1/statements/${created.body.id}`).expect(200)).body.summary).toBe('After the rebuild');
    expect((await stanceOn('2025-04-01').expect(200)).body.standing[0].statement.id).toBe(created.body.id);
  });

  it('answers 409 while another rebuild holds the lock, and writes nothing', async () => {
    const other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [REBUILD_LOCK]);
      const before = await readModels();
      const res = await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await readModels()).toEqual(before);
    } finally {
      await other.end();
    }
    await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(200);
  });
});
