import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

const interview = {
  id: 'piers-morgan-zelensky-2025-02-04', kind: 'interview', title: 'Zelensky on Piers Morgan Uncensored',
  publisher: 'Piers Morgan Uncensored', url: 'https://www.youtube.com/@PiersMorganUncensored', publishedAt: '2025-02-04',
};

// Each field once, however many of its rules it broke.

describe('sources over HTTP', () => {
  let t: TestApp;
  const register = (body: object) => t.http.post('/v1/sources').set(auth('editor')).send(body);

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('registers a source and reads it back', async () => {
    const created = await register(interview).expect(201);
    expect(created.body).toEqual({ ...interview, recordedAt: expect.any(String) });
    const read = await t.http.get(`/v1/sources/${interview.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('registers a source with only the required fields and a year-precision date, the rest null', async () => {
    const decree = { id: 'decree-679-2022', kind: 'decree', title: 'Decree on the decision of the security council', publishedAt: '2022' };
    const created = await register(decree).expect(201);
    expect(created.body).toEqual({ ...decree, publisher: null, url: null, recordedAt: expect.any(String) });
    expect((await t.http.get('/v1/sources/decree-679-2022').expect(200)).body).toEqual(created.body);
  });

  it('refuses an id that exists with 409, and writes nothing', async () => {
    const before = await t.eventCount();
    const res = await register({ ...interview, title: 'Another interview' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.eventCount()).toBe(before);
  });

  it('answers 404 for an unknown source, and 400 for an id with a NUL byte (it never reaches the database)', async () => {
    await t.http.get('/v1/sources/no-such-source').expect(404);
    await t.http.get('/v1/sources/Bad%00Id').expect(400);
  });

  it('refuses bad input with 400 naming every field, and writes nothing', async () => {
    const before = await t.eventCount();
    const res = await register({ id: 'Bad Id', kind: 'podcast', title: ' ', url: 'ftp://example.org/x', publishedAt: '2023-02-30', extra: true }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'url', 'publishedAt', 'extra']));
    for (const url of ['not a url', 'javascript:alert(1)', 'www.example.org/no-protocol']) {
      expect(fieldsOf((await register({ ...interview, id: 'other', url }).expect(400)).body)).toEqual(['url']);
    }
    expect(fieldsOf((await register({ id: 'no-title', kind: 'speech' }).expect(400)).body)).toEqual(['title']);
    expect(await t.eventCount()).toBe(before);
  });

  it('needs an editor key to write: 401 without or with an unknown key, 403 with a reader key', async () => {
    const body = { id: 'trump-netanyahu-press-conference', kind: 'press_conference', title: 'Trump and Netanyahu press conference' };
    await t.http.post('/v1/sources').send(body).expect(401);
    await t.http.post('/v1/sources').set({ Authorization: 'Bearer not-a-key' }).send(body).expect(401);
    await t.http.post('/v1/sources').set(auth('reader')).send(body).expect(403);
    await t.http.get(`/v1/sources/${body.id}`).expect(404);
  });

  it('answers a retry with the same Idempotency-Key with the first response and writes nothing', async () => {
    const body = { id: 'press-conference-2025-02-04', kind: 'press_conference', title: 'Trump and Netanyahu at the White House', publishedAt: '2025-02' };
    const first = await register(body).set('Idempotency-Key', 'source-1').expect(201);
    const count = await t.eventCount();
    const retry = await register(body).set('Idempotency-Key', 'source-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.eventCount()).toBe(count);
    await register({ ...body, title: 'Another title' }).set('Idempotency-Key', 'source-1').expect(422);
    expect(await t.eventCount()).toBe(count);
  });
});
