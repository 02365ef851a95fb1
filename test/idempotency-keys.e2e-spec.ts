import { fieldsOf } from './support/problem.js';
import { registerStatementReferences, statementBody, statementEvents } from './support/statement-fixtures.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

describe('Idempotency-Key on the statement writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
  });
  afterAll(async () => { await t.close(); });

  it('is scoped to the caller\'s API key: two keys sending the same Idempotency-Key with different bodies each record their own', async () => {
    const editors = await t.http.post('/v1/statements').set(auth('editor')).set('Idempotency-Key', 'shared-key')
      .send(statementBody({ id: 'editors-statement' })).expect(201);
    const admins = await t.http.post('/v1/statements').set(auth('admin')).set('Idempotency-Key', 'shared-key')
      .send(statementBody({ id: 'admins-statement', stance: 'oppose' })).expect(201);

    expect([editors.body.id, admins.body.id]).toEqual(['editors-statement', 'admins-statement']);
    expect(await statementEvents(t, 'editors-statement')).toHaveLength(1);
    expect(await statementEvents(t, 'admins-statement')).toHaveLength(1);
  });

  it('refuses a correction that reuses a key with another body with 422 naming Idempotency-Key, and records nothing', async () => {
    await t.http.post('/v1/statements').set(auth('editor')).send(statementBody({ id: 'corrected-once' })).expect(201);
    const correct = (body: object) => t.http.post('/v1/statements/corrected-once/corrections').set(auth('editor')).set('Idempotency-Key', 'correction-key').send(body);
    await correct({ changes: { stance: 'oppose' }, reason: 'misheard' }).expect(200);

    const reused = await correct({ changes: { stance: 'neutral' }, reason: 'misheard again' }).expect(422);
    expect(fieldsOf(reused.body)).toEqual(['Idempotency-Key']);
    expect((await statementEvents(t, 'corrected-once')).map((e) => e.type)).toEqual(['StatementRecorded', 'StatementCorrected']);
  });

  it('refuses a retraction that reuses a key with another body with 422 naming Idempotency-Key, not 409 for the retracted statement', async () => {
    await t.http.post('/v1/statements').set(auth('editor')).send(statementBody({ id: 'retracted-once' })).expect(201);
    const retract = (reason: string) => t.http.post('/v1/statements/retracted-once/retraction').set(auth('editor')).set('Idempotency-Key', 'retraction-key').send({ reason });
    await retract('misattributed').expect(200);

    const reused = await retract('duplicate').expect(422);
    expect(fieldsOf(reused.body)).toEqual(['Idempotency-Key']);
    expect((await statementEvents(t, 'retracted-once')).map((e) => e.type)).toEqual(['StatementRecorded', 'StatementRetracted']);
  });
});
