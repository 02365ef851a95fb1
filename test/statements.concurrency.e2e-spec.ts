import { registerStatementReferences, statementBody, statementEvents } from './support/statement-fixtures.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

describe('statements under concurrent writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
  });
  afterAll(async () => { await t.close(); });

  it('records 40 statements of one actor sent at once, each as its own statement', async () => {
    const before = await t.eventCount();
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      t.http.post('/v1/statements').set(auth('editor')).send(statementBody({ summary: `Statement number ${i}` }))));
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(40);
    expect(await t.eventCount()).toBe(before + 40);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE type = 'StatementRecorded' AND data->>'summary' LIKE 'Statement number %'`);
    expect(n).toBe(40);
  });

  it('lets exactly one of 10 corrections carrying the same If-Match through; the nine others get 412', async () => {
    await t.http.post('/v1/statements').set(auth('editor')).send(statementBody({ id: 'contested' })).expect(201);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      t.http.post('/v1/statements/contested/corrections').set(auth('editor')).set('If-Match', '"1"')
        .send({ changes: { summary: `Correction number ${i}` }, reason: `editor ${i} fixed the summary` })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(412)]);
    const winner = responses.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ version: 2, corrections: 1 });
    const events = await statementEvents(t, 'contested');
    expect(events.map((e) => e.type)).toEqual(['StatementRecorded', 'StatementCorrected']);
    expect(events[1].data).toMatchObject({ changes: { summary: winner.body.summary } });
  });
});
