import { ACTORS } from '../src/actors/actors.query.js';
import { BAD_CURSOR } from '../src/common/cursors/signed-cursor.js';
import { LIKENESS_SETTING, LIKENESS_THRESHOLD, nameSearchQuery } from '../src/names/named-records.js';
import { SOURCES } from '../src/sources/sources.query.js';
import { TOPICS } from '../src/topics/topics.query.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

type Page = { items: { id: string; match?: number }[]; nextCursor: string | null };

describe('finding actors, topics and sources by name', () => {
  let t: TestApp;
  const list = async (path: string, query: Record<string, unknown>): Promise<Page> => (await t.http.get(path).query(query).expect(200)).body;
  const ids = (page: Page) => page.items.map((i) => i.id);

  beforeAll(async () => {
    t = await startTestApp();
    const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect(201);
    await post('/v1/actors', { id: 'amara-okafor', name: 'Amara Okafor', kind: 'person', aliases: ['Okafor-Nwosu'] });
    await post('/v1/actors', { id: 'ben-okafor', name: 'Ben Okafor', kind: 'person' });
    await post('/v1/actors', { id: 'jose-ramirez', name: 'José Ramírez', kind: 'person' });
    await post('/v1/actors', { id: 'lindqvist-council', name: 'Lindqvist Council', kind: 'organization' });
    await post('/v1/topics', { id: 'water-policy', title: 'Water policy', proposition: 'The region should ration water' });
    await post('/v1/topics', { id: 'water-policy/dams', title: 'Dams', proposition: 'The region should build dams' });
    await post('/v1/topics', { id: 'energy', title: 'Energy', proposition: 'The region should build hydroelectric dams' });
    await post('/v1/sources', { id: 'harbour-radio', kind: 'interview', title: 'Harbour Radio morning show', publisher: 'Harbour Media' });
    await post('/v1/sources', { id: 'council-minutes', kind: 'decree', title: 'Council minutes' });
  });
  afterAll(async () => { await t.close(); });

  it('ranks actors by likeness of id, name or alias, best first, each with a match between 0 and 1', async () => {
    const page = await list('/v1/actors', { q: 'amara okafor' });
    expect(ids(page)[0]).toBe('amara-okafor');
    expect(page.items[0].match).toBe(1);
    expect(ids(page)).toContain('ben-okafor');
    expect(ids(page)).not.toContain('lindqvist-council');
    const matches = page.items.map((i) => i.match!);
    expect(matches).toEqual([...matches].sort((a, b) => b - a));
    for (const m of matches) expect(m).toBeGreaterThan(0);
  });

  it.each([
    ['an alias', 'Nwosu', 'amara-okafor'],
    ['a partial word', 'ramir', 'jose-ramirez'],
    ['other case and accents', 'JOSÉ RAMIREZ', 'jose-ramirez'],
    ['a typo', 'Lindqvst', 'lindqvist-council'],
  ])('finds an actor by %s (%s)', async (_what, q, expected) => {
    expect(ids(await list('/v1/actors', { q }))[0]).toBe(expected);
  });

  it('lists actors by id without q, as before', async () => {
    expect(ids(await list('/v1/actors', {}))).toEqual(['amara-okafor', 'ben-okafor', 'jose-ramirez', 'lindqvist-council']);
  });

  it('pages a ranked list with signed cursors, never repeating or skipping, and refuses a cursor of the other order or another q', async () => {
    const all = ids(await list('/v1/actors', { q: 'okafor' }));
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list('/v1/actors', { q: 'okafor', limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      if (cursor) {
        for (const other of [{ cursor }, { q: 'amara', cursor }]) {
          const res = await t.http.get('/v1/actors').query(other).expect(400);
          expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
        }
        // A cursor of the actor list means nothing to the source list.
        await t.http.get('/v1/sources').query({ q: 'okafor', cursor }).expect(400);
      }
    } while (cursor);
    expect(seen).toEqual(all);
    const byId = await list('/v1/actors', { limit: 2 });
    await t.http.get('/v1/actors').query({ q: 'okafor', cursor: byId.nextCursor }).expect(400);
    expect(ids(await list('/v1/actors', { limit: 2, cursor: byId.nextCursor }))).toEqual(['jose-ramirez', 'lindqvist-council']);
  });

  it('refuses a cursor it did not give, on every paged read, with the same 400', async () => {
    const forged = `${Buffer.from('{"id":"amara-okafor"}').toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`;
    for (const cursor of ['garbage', forged]) {
      const bodies = [];
      for (const [path, query] of [['/v1/statements', {}], ['/v1/stance-changes', {}], ['/v1/claims', {}], ['/v1/actors', {}], ['/v1/actors', { q: 'okafor' }],
        ['/v1/topics', {}], ['/v1/sources', {}], ['/v1/sources', { q: 'radio' }]] as const) {
        bodies.push((await t.http.get(path).query({ ...query, cursor }).expect(400)).body);
      }
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(bodies[0].errors).toEqual([{ field: 'cursor', message: BAD_CURSOR }]);
    }
  });

  it('refuses an empty or over-long q with 400 naming q', async () => {
    for (const q of ['', 'x'.repeat(201)]) {
      for (const path of ['/v1/actors', '/v1/topics', '/v1/sources']) {
        const res = await t.http.get(path).query({ q }).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
      }
    }
  });

  it('finds topics by title or proposition, within `under` when given', async () => {
    expect(ids(await list('/v1/topics', { q: 'dams' }))).toEqual(expect.arrayContaining(['water-policy/dams', 'energy']));
    expect(ids(await list('/v1/topics', { q: 'dams', under: 'water-policy' }))).not.toContain('energy');
    expect(ids(await list('/v1/topics', { q: 'ration' }))[0]).toBe('water-policy');
  });

  it('lists sources by id without q, and finds them by title or publisher with q', async () => {
    expect(ids(await list('/v1/sources', {}))).toEqual(['council-minutes', 'harbour-radio']);
    const found = await list('/v1/sources', { q: 'harbor media' });
    expect(ids(found)[0]).toBe('harbour-radio');
    expect(found.items[0]).toMatchObject({ kind: 'interview', title: 'Harbour Radio morning show', match: expect.any(Number) });
  });

  it.each([
    ['actors', 'actors_names', ACTORS],
    ['topics', 'topics_names', TOPICS],
    ['sources', 'sources_names', SOURCES],
  ])('searches %s through the trigram index (the plan, with sequential scans off, uses %s)', async (_what, index, records) => {
    const { sql, values } = nameSearchQuery(records, { q: 'okafr', limit: 10 });
    const plan: { 'QUERY PLAN': string }[] = await t.db.dataSource.transaction(async (db) => {
      await db.query(`SET LOCAL enable_seqscan = off`);
      await db.query(LIKENESS_SETTING, [String(LIKENESS_THRESHOLD)]);
      return db.query(`EXPLAIN ${sql}`, values);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(index);
  });
});
