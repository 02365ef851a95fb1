import { auth, startTestApp, type TestApp } from './support/test-app.js';

// Invented registry: names with accents, an alias, look-alike ids.
const OKAFOR = 'amara-okafor';
const RAMIREZ = 'jose-ramirez';
const WATER = 'water-policy';
const DAMS = 'water-policy/dams';
const LEVELS = 'reservoir/levels';

type Problem = { type: string; status: number; errors: { field: string; value: string; message: string; suggestions: string[] }[] };

describe('unknown names are 404 with suggestions, never an empty answer', () => {
  let t: TestApp;
  const editor = auth('editor');

  beforeAll(async () => {
    t = await startTestApp();
    const post = (path: string, body: object) => t.http.post(path).set(editor).send(body).expect(201);
    await post('/v1/actors', { id: OKAFOR, name: 'Amara Okafor', kind: 'person', aliases: ['Okafor-Nwosu'] });
    await post('/v1/actors', { id: RAMIREZ, name: 'José Ramírez', kind: 'person' });
    await post('/v1/actors', { id: 'lindqvist-council', name: 'Lindqvist Council', kind: 'organization' });
    await post('/v1/topics', { id: WATER, title: 'Water policy', proposition: 'The region should ration water' });
    await post('/v1/topics', { id: DAMS, title: 'Dams', proposition: 'The region should build dams' });
    await post('/v1/sources', { id: 'harbour-radio', kind: 'interview', title: 'Harbour Radio morning show' });
    await post('/v1/statements', { actorId: OKAFOR, topicId: DAMS, stance: 'oppose', summary: 'Okafor opposes the dam', form: 'paraphrase', statedAt: '2024-03', sourceId: 'harbour-radio' });
    await post('/v1/claims', { actorId: OKAFOR, measure: LEVELS, value: { exact: 40 }, qualifier: 'approx', unit: 'percent', statedAt: '2024-03', sourceId: 'harbour-radio' });
  });
  afterAll(async () => { await t.close(); });

  // Every read that takes an actor, asked with `actor` set to the value.
  const READS: [string, Record<string, string>][] = [
    ['/v1/statements', {}],
    ['/v1/stance', { topic: WATER, on: '2024' }],
    ['/v1/positions', { topic: WATER, on: '2024' }],
    ['/v1/stance-changes', {}],
    ['/v1/stance-changes', { format: 'csv' }],
    ['/v1/stance-changes', { format: 'markdown' }],
    ['/v1/claims', {}],
    ['/v1/timeline', {}],
    ['/v1/timeline', { format: 'vis' }],
  ];
  const unknown = async (path: string, query: Record<string, string | string[]>): Promise<Problem> => {
    const res = await t.http.get(path).query(query).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toMatch(/unknown-reference$/);
    return res.body;
  };

  describe.each(READS)('%s %j', (path, extra) => {
    it.each([
      ['a typo', 'amara-okafro', OKAFOR],
      ['an alias', 'Okafor-Nwosu', OKAFOR],
      ['a name in other case', 'AMARA OKAFOR', OKAFOR],
      ['a name with accents', 'José Ramírez', RAMIREZ],
      ['a name without its accents', 'jose ramirez', RAMIREZ],
    ])('answers %s (%s) with 404 suggesting %s first', async (_what, value, expected) => {
      const problem = await unknown(path, { ...extra, actor: value });
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'actor', value, suggestions: expect.any(Array) })]);
      expect(problem.errors[0].suggestions[0]).toBe(expected);
      expect(problem.errors[0].suggestions.length).toBeLessThanOrEqual(5);
    });

    it('answers an actor that exists but said nothing with 200', async () => {
      await t.http.get(path).query({ ...extra, actor: 'lindqvist-council' }).expect(200);
    });
  });

  it('names every unknown value of a repeated actor, each with its own suggestions, and nothing alike gets none', async () => {
    const problem = await unknown('/v1/statements', { actor: [OKAFOR, 'ramirez', 'qqqqxxxx'] });
    expect(problem.errors.map((e) => [e.value, e.suggestions[0]])).toEqual([['ramirez', RAMIREZ], ['qqqqxxxx', undefined]]);
    expect(problem.errors[1].suggestions).toEqual([]);
  });

  it.each([
    ['/v1/statements', { topic: 'water-polcy' }, 'topic', WATER],
    ['/v1/stance', { actor: OKAFOR, topic: 'Dams', on: '2024' }, 'topic', DAMS],
    ['/v1/positions', { topic: 'water policy' }, 'topic', WATER],
    ['/v1/stance-changes', { topic: 'water-policy/dam' }, 'topic', DAMS],
    ['/v1/timeline', { topic: 'waterpolicy' }, 'topic', WATER],
    ['/v1/claims', { measure: 'reservoir/levles' }, 'measure', LEVELS],
    ['/v1/topics', { under: 'Water Policy' }, 'under', WATER],
  ])('%s %j: an unknown %s is 404 suggesting %s first', async (path, query, field, expected) => {
    const problem = await unknown(path, query);
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0]).toMatchObject({ field, value: Object.values(query).find((v) => v === problem.errors[0].value) });
    expect(problem.errors[0].suggestions[0]).toBe(expected);
  });

  it.each([
    ['/v1/actors/Okafor-Nwosu', OKAFOR],
    ['/v1/actors/amara%20okafor', OKAFOR],
    ['/v1/topics/water-policy/dam', DAMS],
    ['/v1/sources/harbor-radio', 'harbour-radio'],
  ])('the registry path %s is 404 suggesting %s (an alias is not an id: no redirect)', async (path, expected) => {
    const problem = await unknown(path, {});
    expect(problem.errors[0]).toMatchObject({ field: 'id' });
    expect(problem.errors[0].suggestions[0]).toBe(expected);
  });

  it('keeps 400, before any lookup, for a malformed parameter: it wins over an unknown name', async () => {
    const fields = async (path: string, query: Record<string, unknown>) => (await t.http.get(path).query(query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await fields('/v1/stance', { actor: 'nobody', topic: 'nothing', on: '2024-13-40' })).toEqual(['on']);
    expect(await fields('/v1/statements', { actor: 'nobody', cursor: 'forged' })).toEqual(['cursor']);
    expect(await fields('/v1/statements', { actor: 'x'.repeat(201) })).toEqual(['actor']);
    expect(await fields('/v1/statements', { actor: 'a\u0001b' })).toEqual(['actor']);
    expect(await fields('/v1/statements', { actor: Array.from({ length: 51 }, () => OKAFOR) })).toEqual(['actor']);
    expect(await fields('/v1/positions', { actor: 'nobody', format: 'xlsx' })).toEqual(['format']);
  });

  it('judges existence now, whatever knownAt says: a name recorded later is not unknown before', async () => {
    await t.http.get('/v1/statements').query({ actor: OKAFOR, knownAt: '2000-01-01T00:00:00Z' }).expect(200, { items: [], nextCursor: null });
  });
});
