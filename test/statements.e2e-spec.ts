import {
  DIRECT_TALKS, INTERVIEW, NEGOTIATIONS, PRESS_CONFERENCE, registerStatementReferences, statementBody, statementEvents, TRUMP, ZELENSKY,
} from './support/statement-fixtures.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

describe('statements over HTTP', () => {
  let t: TestApp;
  const record = (body: object) => t.http.post('/v1/statements').set(auth('editor')).send(body);
  const correct = (id: string, body: object) => t.http.post(`/v1/statements/${id}/corrections`).set(auth('editor')).send(body);
  const retract = (id: string, body: object) => t.http.post(`/v1/statements/${id}/retraction`).set(auth('editor')).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
  });
  afterAll(async () => { await t.close(); });

  describe('recording', () => {
    it('records a statement with every field and returns it with version 1', async () => {
      const body = statementBody({ id: 'zelensky-direct-talks', conditions: ['  if it is the only path to peace ', 'if it is the only path to peace', 'if Europe is at the table'] });
      const res = await record(body).expect(201);
      expect(res.body).toEqual({
        id: 'zelensky-direct-talks', actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'support', stanceScore: 1,
        conditions: ['if it is the only path to peace', 'if Europe is at the table'], summary: body.summary, quote: body.quote,
        form: 'direct_quote', statedAt: '2025-02-04', sourceId: INTERVIEW, reportedIn: null, locator: null, recordedAt: expect.any(String),
        version: 1, corrections: 0,
      });
      expect(res.headers.etag).toBe('"1"');
      const [event] = await statementEvents(t, 'zelensky-direct-talks');
      expect(event).toMatchObject({ type: 'StatementRecorded', version: 1, data: { id: 'zelensky-direct-talks', conditions: res.body.conditions } });
    });

    it('assigns a UUID when the id is left out, and a null quote and no conditions when those are', async () => {
      const res = await record(statementBody({ conditions: undefined, quote: undefined, form: 'paraphrase', statedAt: '2022' })).expect(201);
      expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.body).toMatchObject({ conditions: [], quote: null, statedAt: '2022' });
      expect(await statementEvents(t, res.body.id)).toHaveLength(1);
    });

    it.each([
      ['a stance off the scale', { stance: 'mildly_support' }, 'stance'],
      ['an impossible day', { statedAt: '2023-02-30' }, 'statedAt'],
      ['an impossible month', { statedAt: '2024-13' }, 'statedAt'],
      ['a timestamp for a date', { statedAt: '2025-02-04T10:00:00Z' }, 'statedAt'],
      ['an unknown form', { form: 'rumour' }, 'form'],
      ['a blank condition', { conditions: ['if', '   '] }, 'conditions'],
      ['a missing summary', { summary: undefined }, 'summary'],
      ['a NUL in the quote', { quote: 'a\u0000b' }, 'quote'],
      ['an id that is neither slug nor UUID', { id: 'Not An Id' }, 'id'],
      ['an unknown field', { mood: 'happy' }, 'mood'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_what, overrides, field) => {
      const before = await t.eventCount();
      const res = await record(statementBody(overrides)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await t.eventCount()).toBe(before);
    });

    it('refuses unknown references with 422 naming each field', async () => {
      const before = await t.eventCount();
      const res = await record(statementBody({ actorId: 'nobody', topicId: 'no/such-topic', sourceId: 'no-source' })).expect(422);
      expect(fieldsOf(res.body).sort()).toEqual(['actorId', 'sourceId', 'topicId']);
      for (const field of ['actorId', 'topicId', 'sourceId']) {
        const one = await record(statementBody({ [field]: 'unknown-thing' })).expect(422);
        expect(fieldsOf(one.body)).toEqual([field]);
      }
      expect(await t.eventCount()).toBe(before);
    });

    it('refuses an id that exists with 409', async () => {
      await record(statementBody({ id: 'taken-id' })).expect(201);
      const res = await record(statementBody({ id: 'taken-id', stance: 'oppose' })).expect(409);
      expect(res.body.type).toMatch(/already-exists$/);
      expect(await statementEvents(t, 'taken-id')).toHaveLength(1);
    });

    it('needs an editor key: 401 without or with an unknown key, 403 with a reader key', async () => {
      const before = await t.eventCount();
      await t.http.post('/v1/statements').send(statementBody()).expect(401);
      await t.http.post('/v1/statements').set({ Authorization: 'Bearer not-a-known-key' }).send(statementBody()).expect(401);
      await t.http.post('/v1/statements').set(auth('reader')).send(statementBody()).expect(403);
      await t.http.post('/v1/statements/x/corrections').set(auth('reader')).send({ changes: { stance: 'oppose' }, reason: 'r' }).expect(403);
      await t.http.post('/v1/statements/x/retraction').send({ reason: 'r' }).expect(401);
      expect(await t.eventCount()).toBe(before);
    });

    it('answers a retry with the same Idempotency-Key byte for byte, recording nothing; another body under the key is 422', async () => {
      const body = statementBody({ actorId: TRUMP, sourceId: PRESS_CONFERENCE, stance: 'neutral', quote: undefined, form: 'paraphrase' });
      const first = await record(body).set('Idempotency-Key', 'record-1').expect(201);
      const count = await t.eventCount();
      const retry = await record(body).set('Idempotency-Key', 'record-1').expect(201);
      expect(retry.text).toBe(first.text);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await t.eventCount()).toBe(count);
      const reused = await record({ ...body, stance: 'oppose' }).set('Idempotency-Key', 'record-1').expect(422);
      expect(fieldsOf(reused.body)).toContain('Idempotency-Key');
      expect(await t.eventCount()).toBe(count);
    });
  });

  describe('correcting', () => {
    it('records only the changed fields and returns the next version', async () => {
      await record(statementBody({ id: 'to-correct' })).expect(201);
      const res = await correct('to-correct', { changes: { topicId: NEGOTIATIONS, stance: 'support', quote: null, form: 'paraphrase', conditions: ['if Europe is at the table'] }, reason: 'Paraphrase, not a quote' })
        .set('If-Match', '"1"').expect(200);
      expect(res.body).toMatchObject({ id: 'to-correct', topicId: NEGOTIATIONS, stance: 'support', quote: null, form: 'paraphrase', conditions: ['if Europe is at the table'], version: 2, corrections: 1 });
      expect(res.headers.etag).toBe('"2"');
      const events = await statementEvents(t, 'to-correct');
      expect(events[1]).toEqual({ type: 'StatementCorrected', version: 2, data: {
        id: 'to-correct', reason: 'Paraphrase, not a quote',
        changes: { topicId: NEGOTIATIONS, conditions: ['if Europe is at the table'], quote: null, form: 'paraphrase' } } });
    });

    it('can re-attribute a statement to another actor and source', async () => {
      await record(statementBody({ id: 'misattributed' })).expect(201);
      const res = await correct('misattributed', { changes: { actorId: TRUMP, sourceId: PRESS_CONFERENCE, statedAt: '2025-02' }, reason: 'Trump said it' }).expect(200);
      expect(res.body).toMatchObject({ actorId: TRUMP, sourceId: PRESS_CONFERENCE, statedAt: '2025-02', version: 2 });
    });

    it.each([
      ['empty changes', { changes: {}, reason: 'r' }, 'changes'],
      ['changes that are not an object', { changes: ['stance'], reason: 'r' }, 'changes'],
      ['no reason', { changes: { stance: 'oppose' } }, 'reason'],
      ['an unknown field in changes', { changes: { stance: 'oppose', mood: 'x' }, reason: 'r' }, 'changes.mood'],
      ['a null stance', { changes: { stance: null }, reason: 'r' }, 'changes.stance'],
      ['an impossible date', { changes: { statedAt: '2023-02-30' }, reason: 'r' }, 'changes.statedAt'],
      ['a bad stance', { changes: { stance: 'very' }, reason: 'r' }, 'changes.stance'],
      ['an id among the changes', { changes: { id: 'other' }, reason: 'r' }, 'changes.id'],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      await record(statementBody({ id: 'stays-put' })).expect((res) => expect([201, 409]).toContain(res.status));
      const before = await t.eventCount();
      const res = await correct('stays-put', body).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await t.eventCount()).toBe(before);
    });

    it('refuses unknown references among the changes with 422 naming changes.<field>', async () => {
      await record(statementBody({ id: 'refs-checked' })).expect(201);
      const res = await correct('refs-checked', { changes: { actorId: 'nobody', topicId: 'no/topic', sourceId: 'nothing' }, reason: 'r' }).expect(422);
      expect(fieldsOf(res.body).sort()).toEqual(['changes.actorId', 'changes.sourceId', 'changes.topicId']);
      expect(await statementEvents(t, 'refs-checked')).toHaveLength(1);
    });

    it('refuses a correction that changes nothing with 422 nothing-to-correct', async () => {
      await record(statementBody({ id: 'unchanged', conditions: ['a', 'b'] })).expect(201);
      const res = await correct('unchanged', { changes: { stance: 'support', conditions: ['b', ' a '] }, reason: 'r' }).expect(422);
      expect(res.body.type).toMatch(/nothing-to-correct$/);
      expect(await statementEvents(t, 'unchanged')).toHaveLength(1);
    });

    it('answers 404 for an unknown statement and 412 for a stale If-Match', async () => {
      await correct('never-recorded', { changes: { stance: 'oppose' }, reason: 'r' }).expect(404);
      // The record must exist before what its correction names matters: 404, not 422, as for claims.
      await correct('never-recorded', { changes: { actorId: 'nobody' }, reason: 'r' }).expect(404);
      await record(statementBody({ id: 'moved-on' })).expect(201);
      await correct('moved-on', { changes: { stance: 'oppose' }, reason: 'first' }).set('If-Match', '1').expect(200);
      const stale = await correct('moved-on', { changes: { stance: 'neutral' }, reason: 'second' }).set('If-Match', '1').expect(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await statementEvents(t, 'moved-on')).toHaveLength(2);
    });

    it('answers a retried correction with the first response even though its If-Match is stale by then', async () => {
      await record(statementBody({ id: 'retried-correction' })).expect(201);
      const body = { changes: { stance: 'strongly_support' }, reason: 'stronger words' };
      const first = await correct('retried-correction', body).set('If-Match', '1').set('Idempotency-Key', 'correct-1').expect(200);
      const retry = await correct('retried-correction', body).set('If-Match', '1').set('Idempotency-Key', 'correct-1').expect(200);
      expect(retry.text).toBe(first.text);
      expect(await statementEvents(t, 'retried-correction')).toHaveLength(2);
    });
  });

  it('describes the three writes in the OpenAPI document', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/v1/statements', '/v1/statements/{id}/corrections', '/v1/statements/{id}/retraction']));
    expect(body.components.schemas.StatementChanges.properties).toHaveProperty('quote');
  });

  describe('retracting', () => {
    it('retracts, answers a retry with the same key with the first 200, and refuses corrections and retractions after', async () => {
      await record(statementBody({ id: 'to-retract' })).expect(201);
      const first = await retract('to-retract', { reason: 'misattributed' }).set('Idempotency-Key', 'retract-1').expect(200);
      expect(first.body).toEqual({ id: 'to-retract', retracted: true, reason: 'misattributed', version: 2, recordedAt: expect.any(String) });
      const count = await t.eventCount();
      const retry = await retract('to-retract', { reason: 'misattributed' }).set('Idempotency-Key', 'retract-1').expect(200);
      expect(retry.text).toBe(first.text);
      expect(await t.eventCount()).toBe(count);
      await retract('to-retract', { reason: 'duplicate' }).expect(409);
      const corrected = await correct('to-retract', { changes: { stance: 'oppose' }, reason: 'r' }).expect(409);
      expect(corrected.body.type).toMatch(/statement-retracted$/);
      expect((await statementEvents(t, 'to-retract')).map((e) => e.type)).toEqual(['StatementRecorded', 'StatementRetracted']);
    });

    it('answers 404 for an unknown or impossible id, and 400 without a reason', async () => {
      await retract('never-recorded', { reason: 'duplicate' }).expect(404);
      await retract('Not%20An%20Id', { reason: 'duplicate' }).expect(404);
      await record(statementBody({ id: 'needs-reason' })).expect(201);
      const res = await retract('needs-reason', { reason: '  ' }).expect(400);
      expect(fieldsOf(res.body)).toContain('reason');
    });
  });
});
