import { auth, startTestApp, type TestApp } from './support/test-app.js';

type Page = { items: { id: string; highlight?: string }[]; nextCursor: string | null };
type Groups = { items: { measure: string; claims: { id: string }[] }[]; nextCursor: string | null };

const OKAFOR = 'amara-okafor';
const RADIO = 'harbour-radio';
const GAZETTE = 'harbour-gazette';
const BULLETIN = 'coastal-bulletin';

describe('searching provenance: words of the locator, and the publication a record was reported in', () => {
  let t: TestApp;
  const editor = auth('editor');
  const post = (path: string, body: object) => t.http.post(path).set(editor).send(body).expect(201);
  const statement = async (id: string, fields: Record<string, unknown>) => post('/v1/statements', {
    id, actorId: OKAFOR, topicId: 'water-policy', stance: 'support', form: 'paraphrase', statedAt: '2024-01-10', sourceId: RADIO, ...fields,
  });
  const claim = async (id: string, fields: Record<string, unknown>) => post('/v1/claims', {
    id, actorId: OKAFOR, measure: 'reservoir/levels', value: { exact: 40 }, qualifier: 'approx', unit: 'percent', statedAt: '2024-03', sourceId: RADIO, ...fields,
  });
  const statements = async (query: Record<string, unknown>) => ((await t.http.get('/v1/statements').query(query).expect(200)).body as Page);
  const ids = (page: Page) => page.items.map((i) => i.id);
  const claimIds = async (query: Record<string, unknown>) =>
    ((await t.http.get('/v1/claims').query(query).expect(200)).body as Groups).items.flatMap((g) => g.claims.map((c) => c.id));

  beforeAll(async () => {
    t = await startTestApp();
    await post('/v1/actors', { id: OKAFOR, name: 'Amara Okafor', kind: 'person' });
    await post('/v1/topics', { id: 'water-policy', title: 'Water policy', proposition: 'The region should ration water' });
    await post('/v1/sources', { id: RADIO, kind: 'interview', title: 'Harbour Radio' });
    await post('/v1/sources', { id: GAZETTE, kind: 'article', title: 'The Harbour Gazette' });
    await post('/v1/sources', { id: BULLETIN, kind: 'article', title: 'Coastal Bulletin' });
    await statement('in-gazette', { summary: 'Okafor backs the pipeline', reportedIn: GAZETTE, locator: 'sidebar beside the crossword', statedAt: '2024-02' });
    await statement('in-gazette-too', { summary: 'Okafor rejects rationing', reportedIn: GAZETTE, locator: 'paragraph 4', statedAt: '2024-05' });
    await statement('in-bulletin', { summary: 'Okafor backs the pipeline again', reportedIn: BULLETIN, locator: 'paragraph 9' });
    await statement('first-hand', { summary: 'Okafor backs the pipeline, first hand' });
    await claim('figure-in-gazette', { reportedIn: GAZETTE, locator: 'chart under the masthead' });
    await claim('figure-first-hand', {});
  });
  afterAll(async () => { await t.close(); });

  it('finds a statement by a word only its locator has, highlighted, and ranks a summary match above a locator match', async () => {
    const page = await statements({ q: 'crossword' });
    expect(ids(page)).toEqual(['in-gazette']);
    expect(page.items[0].highlight).toContain('<mark>crossword</mark>');
    await statement('summary-crossword', { summary: 'Okafor solves the crossword' });
    expect(ids(await statements({ q: 'crossword' }))).toEqual(['summary-crossword', 'in-gazette']);
  });

  it('finds a claim by a word only its locator has', async () => {
    expect(await claimIds({ q: 'masthead' })).toEqual(['figure-in-gazette']);
  });

  it('follows a correction of the locator: the old words no longer match, and knownAt still finds them', async () => {
    await statement('moved', { summary: 'Okafor on tariffs', locator: 'footnote about lighthouses' });
    const before = new Date().toISOString();
    await t.http.post('/v1/statements/moved/corrections').set(editor).send({ changes: { locator: 'paragraph 2' }, reason: 'wrong place' }).expect(200);
    expect(ids(await statements({ q: 'lighthouses' }))).toEqual([]);
    expect(ids(await statements({ q: 'lighthouses', knownAt: before }))).toEqual(['moved']);
  });

  it('lists the statements reported in a publication, alone or with q, paged and as known earlier', async () => {
    expect(ids(await statements({ reportedIn: GAZETTE }))).toEqual(['in-gazette', 'in-gazette-too']);
    expect(ids(await statements({ reportedIn: GAZETTE, q: 'pipeline' }))).toEqual(['in-gazette']);
    expect(ids(await statements({ reportedIn: BULLETIN, q: 'pipeline' }))).toEqual(['in-bulletin']);

    const first = await statements({ reportedIn: GAZETTE, limit: 1 });
    expect(ids(first)).toEqual(['in-gazette']);
    const second = await statements({ reportedIn: GAZETTE, limit: 1, cursor: first.nextCursor });
    expect(ids(second)).toEqual(['in-gazette-too']);
    expect(second.nextCursor).toBeNull();
    // A cursor belongs to its filters: the same cursor with another publication is refused.
    await t.http.get('/v1/statements').query({ reportedIn: BULLETIN, limit: 1, cursor: first.nextCursor }).expect(400);

    const before = new Date().toISOString();
    await t.http.post('/v1/statements/in-gazette-too/corrections').set(editor).send({ changes: { reportedIn: BULLETIN }, reason: 'other paper' }).expect(200);
    expect(ids(await statements({ reportedIn: GAZETTE }))).toEqual(['in-gazette']);
    expect(ids(await statements({ reportedIn: GAZETTE, knownAt: before }))).toEqual(['in-gazette', 'in-gazette-too']);
  });

  it('lists the claims reported in a publication, with and without q', async () => {
    expect(await claimIds({ reportedIn: GAZETTE })).toEqual(['figure-in-gazette']);
    expect(await claimIds({ reportedIn: GAZETTE, q: 'reservoir' })).toEqual(['figure-in-gazette']);
    expect(await claimIds({ reportedIn: BULLETIN })).toEqual([]);
  });

  it.each(['/v1/statements', '/v1/claims'])('answers an unknown reportedIn on %s with 404 naming it, with the source most like it', async (path) => {
    const res = await t.http.get(path).query({ reportedIn: 'harbour-gazete', q: 'pipeline' }).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reportedIn', value: 'harbour-gazete', suggestions: expect.arrayContaining([GAZETTE]) })]);
    expect(res.body.errors[0].suggestions[0]).toBe(GAZETTE);
  });

  it('refuses an over-long or control-character reportedIn with 400 naming it, before any lookup', async () => {
    for (const path of ['/v1/statements', '/v1/claims']) {
      for (const reportedIn of ['x'.repeat(201), 'harbour\ngazette']) {
        const res = await t.http.get(path).query({ reportedIn }).expect(400);
        expect(JSON.stringify(res.body)).toContain('reportedIn');
      }
    }
  });
});
