import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

const zelensky = {
  id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', aliases: ['Zelenskyy', 'Zelenskiy'],
  roles: [{ title: 'President of Ukraine', from: '2019-05-20' }],
};

describe('actors over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('registers an actor and reads it back', async () => {
    const created = await t.http.post('/v1/actors').set(auth('editor')).send(zelensky).expect(201);
    expect(created.body).toMatchObject(zelensky);
    const read = await t.http.get('/v1/actors/volodymyr-zelensky').expect(200);
    expect(read.body).toMatchObject(zelensky);
  });

  it('refuses an id that exists with 409', async () => {
    const res = await t.http.post('/v1/actors').set(auth('editor')).send({ ...zelensky, name: 'Someone else' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers 404 for an unknown actor, and 400 for an id holding a control character (it never reaches the database)', async () => {
    await t.http.get('/v1/actors/nobody').expect(404);
    expect((await t.http.get('/v1/actors/a%00b').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    // Not valid UTF-8 once decoded (a lone surrogate): the router refuses to decode it.
    const undecodable = await t.http.get('/v1/actors/%ED%A0%80').expect(400);
    expect(undecodable.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await t.eventCount();
    const res = await t.http.post('/v1/actors').set(auth('editor'))
      .send({ id: 'Bad Id', name: '', kind: 'alien', roles: [{ title: 'x', from: '2023-02-30' }], extra: 1 }).expect(400);
    const fields = fieldsOf(res.body);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'roles[0].from', 'extra']));
    expect(await t.eventCount()).toBe(before);
  });

  it('needs an editor key to write: 401 without or with an unknown key, 403 with a reader key', async () => {
    const body = { id: 'donald-trump', name: 'Donald Trump', kind: 'person' };
    await t.http.post('/v1/actors').send(body).expect(401);
    await t.http.post('/v1/actors').set({ Authorization: 'Bearer not-a-key' }).send(body).expect(401);
    await t.http.post('/v1/actors').set(auth('reader')).send(body).expect(403);
    await t.http.post('/v1/actors').set(auth('admin')).send(body).expect(201);
  });

  it('answers a retry with the same Idempotency-Key with the first response, and a different body with 422', async () => {
    const body = { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' };
    const first = await t.http.post('/v1/actors').set(auth('editor')).set('Idempotency-Key', 'k-1').send(body).expect(201);
    const count = await t.eventCount();
    const retry = await t.http.post('/v1/actors').set(auth('editor')).set('Idempotency-Key', 'k-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.eventCount()).toBe(count);
    await t.http.post('/v1/actors').set(auth('editor')).set('Idempotency-Key', 'k-1').send({ ...body, name: 'V. Putin' }).expect(422);
  });
});
