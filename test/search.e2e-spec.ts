import { auth, startTestApp, type TestApp } from './support/test-app.js';

type Item = { id: string; highlight?: string; statedAt: string };
type Page = { items: Item[]; nextCursor: string | null };

const OKAFOR = 'amara-okafor';
const RAMIREZ = 'jose-ramirez';

describe('full-text search of what was said', () => {
  let t: TestApp;
  const editor = auth('editor');
  let n = 0;
  const record = async (fields: Record<string, unknown>): Promise<string> => (await t.http.post('/v1/statements').set(editor).send({
    id: `s-${++n}`, actorId: OKAFOR, topicId: 'water-policy', stance: 'support', form: 'paraphrase', statedAt: '2024-01-10', sourceId: 'harbour-radio', ...fields,
  }).expect(201)).body.id;
  const search = async (query: Record<string, unknown>, path = '/v1/statements'): Promise<Page> => (await t.http.get(path).query(query).expect(200)).body;
  const ids = (page: Page) => page.items.map((i) => i.id);

  let negotiating: string, rationing: string, treaty: string, dams: string, later: string;
  beforeAll(async () => {
    t = await startTestApp();
    const post = (path: string, body: object) => t.http.post(path).set(editor).send(body).expect(201);
    await post('/v1/actors', { id: OKAFOR, name: 'Amara Okafor', kind: 'person' });
    await post('/v1/actors', { id: RAMIREZ, name: 'José Ramírez', kind: 'person' });
    await post('/v1/topics', { id: 'water-policy', title: 'Water policy', proposition: 'The region should ration water' });
    await post('/v1/topics', { id: 'water-policy/reservoirs', title: 'Reservoirs and dams', proposition: 'The region should build reservoirs' });
    await post('/v1/sources', { id: 'harbour-radio', kind: 'interview', title: 'Harbour Radio' });
    negotiating = await record({ summary: 'Okafor says negotiations with the farmers must go on', quote: 'We are negotiating in good faith', statedAt: '2024-02' });
    rationing = await record({ summary: 'Okafor rejects rationing', conditions: ['unless the reservoir falls below forty percent'], stance: 'oppose', statedAt: '2023' });
    treaty = await record({ actorId: RAMIREZ, summary: 'Ramírez praises the water treaty', quote: 'This treaty is a <script>alert(1)</script> triumph & "more"', statedAt: '2024-05-01' });
    dams = await record({ actorId: RAMIREZ, topicId: 'water-policy/reservoirs', summary: 'Ramírez wants more storage', statedAt: '2022' });
    later = await record({ summary: 'Okafor again calls for negotiations, negotiations and more negotiations', statedAt: '2025' });
  });
  afterAll(async () => { await t.close(); });

  it('finds by English stem: negotiation finds negotiations and negotiating, best match first, each with a highlight', async () => {
    const page = await search({ q: 'negotiation' });
    expect(ids(page)).toEqual([later, negotiating]);
    expect(page.items[1].highlight).toContain('<mark>negotiating</mark>');
    expect(page.items[1].highlight).toContain('<mark>negotiations</mark>');
  });

  it('keeps the timeline order with sort=statedAt', async () => {
    expect(ids(await search({ q: 'negotiation', sort: 'statedAt' }))).toEqual([negotiating, later]);
  });

  it('finds a phrase in double quotes, and not the same words in another order', async () => {
    expect(ids(await search({ q: '"good faith"' }))).toEqual([negotiating]);
    expect(ids(await search({ q: '"faith good"' }))).toEqual([]);
  });

  it('searches conditions and the topic title too', async () => {
    expect(ids(await search({ q: 'reservoir below forty' }))).toEqual([rationing]);
    expect(ids(await search({ q: 'dams' }))).toEqual([dams]);
  });

  it('escapes everything in a highlight but its marks: a <script> in a quote comes back as text', async () => {
    const [item] = (await search({ q: 'treaty' })).items;
    expect(item.id).toBe(treaty);
    expect(item.highlight).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item.highlight).toContain('&amp; &quot;more&quot;');
    expect(item.highlight).toContain('<mark>treaty</mark>');
    expect(item.highlight!.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
  });

  it('combines with every filter: actor, topic, from, to', async () => {
    expect(ids(await search({ q: 'treaty OR negotiations', actor: RAMIREZ }))).toEqual([treaty]);
    expect(ids(await search({ q: 'negotiations', from: '2025' }))).toEqual([later]);
    expect(ids(await search({ q: 'negotiations', to: '2024' }))).toEqual([negotiating]);
    expect(ids(await search({ q: 'storage OR negotiations', topic: 'water-policy/reservoirs' }))).toEqual([dams]);
  });

  it('answers an empty result with 200 when nothing matches', async () => {
    expect(await search({ q: 'volcano' })).toEqual({ items: [], nextCursor: null });
  });

  it('follows corrections and retractions, and answers knownAt as the timeline does', async () => {
    const id = await record({ summary: 'Okafor backs desalination' });
    const before = new Date().toISOString();
    await t.http.post(`/v1/statements/${id}/corrections`).set(editor).send({ changes: { summary: 'Okafor backs recycling' }, reason: 'misheard' }).expect(200);
    expect(ids(await search({ q: 'desalination' }))).toEqual([]);
    expect(ids(await search({ q: 'recycling' }))).toEqual([id]);
    expect(ids(await search({ q: 'desalination', knownAt: before }))).toEqual([id]);

    const beforeRetraction = new Date().toISOString();
    await t.http.post(`/v1/statements/${id}/retraction`).set(editor).send({ reason: 'misattributed' }).expect(200);
    expect(ids(await search({ q: 'recycling' }))).toEqual([]);
    expect(ids(await search({ q: 'recycling', knownAt: beforeRetraction }))).toEqual([id]);
    // The same as the timeline at that instant.
    const timeline = await search({ knownAt: beforeRetraction, actor: OKAFOR, from: '2024-01-10', to: '2024-01-10' });
    expect(ids(timeline)).toContain(id);
  });

  it('searches claims by measure and quote, and the timeline exports by what was said', async () => {
    await t.http.post('/v1/claims').set(editor).send({ actorId: OKAFOR, measure: 'reservoir/levels', value: { exact: 40 }, qualifier: 'approx', unit: 'percent', statedAt: '2024-03', sourceId: 'harbour-radio', quote: 'the lakes are dangerously low' }).expect(201);
    const claims = async (q: string) => (await search({ q }, '/v1/claims')).items as unknown as { measure: string }[];
    expect((await claims('reservoir')).map((g) => g.measure)).toEqual(['reservoir/levels']);
    expect((await claims('dangerously')).map((g) => g.measure)).toEqual(['reservoir/levels']);
    expect(await claims('volcano')).toEqual([]);
    const exported = (await t.http.get('/v1/timeline').query({ q: 'treaty' }).expect(200)).body as { events: { unique_id: string }[]; title: { text: { headline: string } } };
    expect(exported.events.map((e) => e.unique_id)).toEqual([treaty]);
    expect(exported.title.text.headline).toContain('treaty');
  });

  it('keeps searching right after a rebuild of the read models (the rebuilt table has its document and index)', async () => {
    const beforeRebuild = ids(await search({ q: 'negotiation' }));
    await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(200);
    expect(ids(await search({ q: 'negotiation' }))).toEqual(beforeRebuild);
    const indexes: { indexname: string }[] = await t.db.dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'statement_versions' AND indexname LIKE '%document%'`);
    expect(indexes.map((i) => i.indexname)).toEqual(['statement_versions_document']);
  });

  it('pages a relevance-ordered search without repeating or skipping while statements are written, corrected and retracted', async () => {
    const words = ['harvest', 'harvest harvest', 'harvest harvest harvest'];
    const original: string[] = [];
    for (let i = 0; i < 24; i++) original.push(await record({ summary: `Okafor on the ${words[i % 3]} number ${i}`, statedAt: `20${10 + (i % 7)}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    let writes = 0;
    do {
      const page = await search({ q: 'harvest', limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      // Between pages: a new match, a correction that changes a rank, a retraction of one not yet seen.
      await Promise.all([
        record({ summary: `Late harvest harvest harvest harvest news ${writes}` }),
        t.http.post(`/v1/statements/${original[writes]}/corrections`).set(editor).send({ changes: { summary: 'harvest '.repeat(5) + writes }, reason: 'r' }).expect(200),
        t.http.post(`/v1/statements/${original[23 - writes]}/retraction`).set(editor).send({ reason: 'r' }).expect(200),
      ]);
      writes++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...original].sort());
  });
});
