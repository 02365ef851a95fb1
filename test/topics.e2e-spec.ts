import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

const ukraineWar = { id: 'ukraine-war', title: 'The war in Ukraine', proposition: 'The war in Ukraine should end by negotiation' };
const negotiations = { id: 'ukraine-war/negotiations', title: 'Negotiations', proposition: 'Ukraine should negotiate with Russia' };
const directTalks = {
  id: 'ukraine-war/negotiations/direct-talks-with-putin', title: 'Direct talks with Putin',
  proposition: "Ukraine's president should negotiate directly with Putin",
};
const nato = { id: 'nato-membership', title: 'NATO membership', proposition: 'Ukraine should join NATO' };

// Each field once, however many of its rules it broke.

describe('topics over HTTP', () => {
  let t: TestApp;
  const define = (body: object) => t.http.post('/v1/topics').set(auth('editor')).send(body);

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('defines a root topic, then subtopics under it, and reads one back by its path', async () => {
    const created = await define(ukraineWar).expect(201);
    expect(created.body).toEqual({ ...ukraineWar, parentId: null, recordedAt: expect.any(String) });
    await define(negotiations).expect(201);
    const sub = await define(directTalks).expect(201);
    expect(sub.body).toMatchObject({ ...directTalks, parentId: 'ukraine-war/negotiations' });

    const read = await t.http.get('/v1/topics/ukraine-war/negotiations/direct-talks-with-putin').expect(200);
    expect(read.body).toEqual(sub.body);
  });

  it('lists a topic with all its subtopics under it, by id, and every topic without `under`', async () => {
    await define(nato).expect(201);
    // A sibling whose id merely starts with the same letters is not a subtopic.
    await define({ id: 'ukraine-war-crimes', title: 'War crimes', proposition: 'War crimes in Ukraine should be tried' }).expect(201);

    const under = await t.http.get('/v1/topics').query({ under: 'ukraine-war' }).expect(200);
    expect(under.body.items.map((i: { id: string }) => i.id))
      .toEqual(['ukraine-war', 'ukraine-war/negotiations', 'ukraine-war/negotiations/direct-talks-with-putin']);
    expect(under.body.nextCursor).toBeNull();

    const leaf = await t.http.get('/v1/topics').query({ under: 'ukraine-war/negotiations/direct-talks-with-putin' }).expect(200);
    expect(leaf.body.items).toEqual([expect.objectContaining(directTalks)]);

    const all = await t.http.get('/v1/topics').expect(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([
      'nato-membership', 'ukraine-war', 'ukraine-war-crimes', 'ukraine-war/negotiations', 'ukraine-war/negotiations/direct-talks-with-putin',
    ]);
  });

  it('pages the list with an opaque cursor', async () => {
    const first = await t.http.get('/v1/topics').query({ under: 'ukraine-war', limit: 2 }).expect(200);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(['ukraine-war', 'ukraine-war/negotiations']);
    const second = await t.http.get('/v1/topics').query({ under: 'ukraine-war', limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: directTalks.id })], nextCursor: null });
    const bad = await t.http.get('/v1/topics').query({ cursor: 'forged' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['cursor']);
  });

  it('answers 404 for an unknown topic, by id or as `under`', async () => {
    await t.http.get('/v1/topics/ukraine-war/nothing-here').expect(404);
    const res = await t.http.get('/v1/topics').query({ under: 'nothing-here' }).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses a malformed `under`, limit or topic path with 400 naming it; a name of any other form is looked up (404)', async () => {
    expect(fieldsOf((await t.http.get('/v1/topics').query({ under: 'Ukraine War' }).expect(404)).body)).toEqual(['under']);
    expect(fieldsOf((await t.http.get('/v1/topics').query({ under: 'a//b' }).expect(404)).body)).toEqual(['under']);
    expect(fieldsOf((await t.http.get('/v1/topics').query({ under: 'x'.repeat(201) }).expect(400)).body)).toEqual(['under']);
    expect(fieldsOf((await t.http.get('/v1/topics').query({ limit: 0 }).expect(400)).body)).toEqual(['limit']);
    expect(fieldsOf((await t.http.get('/v1/topics').query({ sort: 'id' }).expect(400)).body)).toEqual(['sort']);
    expect(fieldsOf((await t.http.get('/v1/topics/Ukraine%00').expect(400)).body)).toEqual(['id']);
  });

  it('refuses an id that exists with 409, and writes nothing', async () => {
    const before = await t.eventCount();
    const res = await define({ ...ukraineWar, title: 'Another war' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses a topic whose parent is missing with 422 naming `id` and the missing parent', async () => {
    const before = await t.eventCount();
    const res = await define({ id: 'middle-east/gaza/ceasefire', title: 'Ceasefire', proposition: 'There should be a ceasefire in Gaza' }).expect(422);
    expect(res.body.errors).toEqual([{ field: 'id', message: expect.stringContaining('middle-east/gaza') }]);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses bad input with 400 naming every field, and writes nothing', async () => {
    const before = await t.eventCount();
    const res = await define({ id: 'Ukraine War/', title: '', extra: 1 }).expect(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['id', 'title', 'proposition', 'extra']));
    const blank = await define({ id: 'blank', title: 'Blank', proposition: '   ' }).expect(400);
    expect(fieldsOf(blank.body)).toEqual(['proposition']);
    const deep = await define({ ...nato, id: Array.from({ length: 11 }, (_, i) => `level-${i}`).join('/') }).expect(400);
    expect(fieldsOf(deep.body)).toEqual(['id']);
    expect(await t.eventCount()).toBe(before);
  });

  it('needs an editor key to write: 401 without or with an unknown key, 403 with a reader key', async () => {
    const body = { id: 'sanctions', title: 'Sanctions', proposition: 'Sanctions on Russia should stay' };
    await t.http.post('/v1/topics').send(body).expect(401);
    await t.http.post('/v1/topics').set({ Authorization: 'Bearer not-a-key' }).send(body).expect(401);
    await t.http.post('/v1/topics').set(auth('reader')).send(body).expect(403);
    await t.http.get('/v1/topics/sanctions').expect(404);
  });

  it('answers a retry with the same Idempotency-Key with the first response and writes nothing', async () => {
    const body = { id: 'ukraine-war/security-guarantees', title: 'Security guarantees', proposition: 'The West should guarantee Ukraine\'s security' };
    const first = await define(body).set('Idempotency-Key', 'topic-1').expect(201);
    const count = await t.eventCount();
    const retry = await define(body).set('Idempotency-Key', 'topic-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.eventCount()).toBe(count);
    await define({ ...body, title: 'Guarantees' }).set('Idempotency-Key', 'topic-1').expect(422);
    expect(await t.eventCount()).toBe(count);
  });
});
