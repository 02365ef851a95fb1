import {
  claimBody, INTERVIEW, PRESS_CONFERENCE, registerClaimReferences, TRUMP, UKRAINE_KILLED, ZELENSKY,
} from './support/claim-fixtures.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);
const PROBLEM = /^application\/problem\+json/;

describe('claims over HTTP', () => {
  let t: TestApp;
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body);
  const claims = (query: string) => t.http.get(`/v1/claims${query}`);

  /** Waits until the database clock is past `iso` by a millisecond, so the next write is recorded strictly later. */
  async function clockPasses(iso: string): Promise<void> {
    for (;;) {
      const [row] = await t.db.dataSource.query(`SELECT clock_timestamp() > $1::timestamptz + interval '1 ms' AS passed`, [iso]);
      if (row.passed) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    await registerClaimReferences(t);
  });
  afterAll(async () => { await t.close(); });

  describe('stating a claim', () => {
    it('states an exact figure and returns it with its bounds, version 1 and no corrections', async () => {
      const res = await post('/v1/claims', claimBody({ id: 'zelensky-ukraine-killed' })).expect(201);
      expect(res.body).toEqual({
        id: 'zelensky-ukraine-killed', actorId: ZELENSKY, measure: UKRAINE_KILLED, value: { exact: 45100 }, low: 45100, high: 45100,
        qualifier: 'exact', unit: 'soldiers', refersTo: null, statedAt: '2025-02-04', sourceId: INTERVIEW,
        quote: '45,100 soldiers have been killed', reportedIn: null, locator: null, recordedAt: expect.any(String), version: 1, corrections: 0,
      });
    });

    it('states a range, non-integer bounds included, and keeps it a range', async () => {
      const res = await post('/v1/claims', claimBody({
        id: 'zelensky-russia-wounded', measure: 'casualties/russia/military/wounded', value: { low: 600000, high: 700000.5 },
        qualifier: 'approx', refersTo: '2025-02', quote: undefined,
      })).expect(201);
      expect(res.body).toMatchObject({ value: { low: 600000, high: 700000.5 }, low: 600000, high: 700000.5, refersTo: '2025-02', quote: null });
    });

    it('assigns a UUID when no id is given', async () => {
      const res = await post('/v1/claims', claimBody({ measure: 'casualties/ukraine/military/wounded', value: { exact: 390000 }, qualifier: 'approx' }))
        .expect(201);
      expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it('refuses a value with both forms naming value, a backwards range naming value.low, and other bad fields; writes nothing', async () => {
      const before = await t.eventCount();
      const both = await post('/v1/claims', claimBody({ value: { exact: 1, low: 1 } })).expect(400);
      expect(both.headers['content-type']).toMatch(PROBLEM);
      expect(fields(both)).toContain('value');
      expect(fields(await post('/v1/claims', claimBody({ value: { low: 700000, high: 600000 } })).expect(400))).toEqual(['value.low']);
      expect(fields(await post('/v1/claims', claimBody({ value: { exact: 1e16 } })).expect(400))).toEqual(['value.exact']);
      const many = await post('/v1/claims', claimBody({
        id: 'Bad Id', measure: 'casualties//killed', qualifier: 'roughly', unit: ' ', statedAt: '2025-02-30', refersTo: 'soon', value: { low: 1 }, extra: 1,
      })).expect(400);
      expect(fields(many)).toEqual(expect.arrayContaining(['id', 'measure', 'qualifier', 'unit', 'statedAt', 'refersTo', 'value.high', 'extra']));
      expect(await t.eventCount()).toBe(before);
    });

    it('needs an editor key: 401 without or with an unknown key, 403 with a reader key', async () => {
      await t.http.post('/v1/claims').send(claimBody()).expect(401);
      await t.http.post('/v1/claims').set({ Authorization: 'Bearer not-a-known-key-at-all' }).send(claimBody()).expect(401);
      const res = await t.http.post('/v1/claims').set(auth('reader')).send(claimBody()).expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it('refuses an unknown actor or source with 422 naming the field', async () => {
      const before = await t.eventCount();
      expect(fields(await post('/v1/claims', claimBody({ actorId: 'nobody' })).expect(422))).toEqual(['actorId']);
      expect(fields(await post('/v1/claims', claimBody({ sourceId: 'no-such-source' })).expect(422))).toEqual(['sourceId']);
      // Both at once: one answer names both, so the client fixes them in one round trip.
      expect(fields(await post('/v1/claims', claimBody({ actorId: 'nobody', sourceId: 'no-such-source' })).expect(422))).toEqual(['actorId', 'sourceId']);
      expect(await t.eventCount()).toBe(before);
    });

    it('refuses an id that exists with 409', async () => {
      const res = await post('/v1/claims', claimBody({ id: 'zelensky-ukraine-killed', value: { exact: 1 } })).expect(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers a retry with the same Idempotency-Key with the first response, and another body with 422', async () => {
      const body = claimBody({ measure: 'casualties/russia/military/missing', value: { low: 50000, high: 70000 }, qualifier: 'approx' });
      const send = (b: object) => t.http.post('/v1/claims').set(auth('editor')).set('Idempotency-Key', 'claim-retry-1').send(b);
      const first = await send(body).expect(201);
      const count = await t.eventCount();
      const retry = await send(body).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await t.eventCount()).toBe(count);
      await send({ ...body, unit: 'troops' }).expect(422);
      expect(await t.eventCount()).toBe(count);
    });
  });

  describe('correcting and retracting', () => {
    beforeAll(async () => {
      await post('/v1/claims', claimBody({ id: 'to-correct', measure: 'fuel/ukraine/imports', value: { exact: 10 }, unit: 'tonnes' })).expect(201);
    });

    it('corrects a claim: 200 with the corrected claim, its version and corrections counted; a stale If-Match is 412', async () => {
      const corrected = await t.http.post('/v1/claims/to-correct/corrections').set(auth('editor')).set('If-Match', '1')
        .send({ changes: { value: { low: 10, high: 12 }, qualifier: 'approx' }, reason: 'misread the transcript' }).expect(200);
      expect(corrected.body).toMatchObject({ id: 'to-correct', value: { low: 10, high: 12 }, low: 10, high: 12, qualifier: 'approx', unit: 'tonnes', version: 2, corrections: 1 });
      const stale = await t.http.post('/v1/claims/to-correct/corrections').set(auth('editor')).set('If-Match', '1')
        .send({ changes: { unit: 'kilotonnes' }, reason: 'unit' }).expect(412);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
    });

    it('refuses corrections that are malformed (400), name unknown references or change nothing (422), or target no claim (404)', async () => {
      const before = await t.eventCount();
      expect(fields(await post('/v1/claims/to-correct/corrections', { changes: {}, reason: 'r' }).expect(400))).toEqual(['changes']);
      expect(fields(await post('/v1/claims/to-correct/corrections', { changes: { value: { low: 3, high: 2 } }, reason: 'r' }).expect(400)))
        .toEqual(['changes.value.low']);
      expect(fields(await post('/v1/claims/to-correct/corrections', { changes: { id: 'x', actorId: null }, reason: '' }).expect(400)))
        .toEqual(expect.arrayContaining(['changes.id', 'changes.actorId', 'reason']));
      expect(fields(await post('/v1/claims/to-correct/corrections', { changes: { actorId: 'nobody' }, reason: 'r' }).expect(422))).toEqual(['changes.actorId']);
      expect(fields(await post('/v1/claims/to-correct/corrections', { changes: { unit: 'tonnes' }, reason: 'r' }).expect(422))).toEqual(['changes']);
      await post('/v1/claims/never-stated/corrections', { changes: { unit: 'x' }, reason: 'r' }).expect(404);
      // The record must exist before what its correction names matters: 404, not 422, as for statements.
      await post('/v1/claims/never-stated/corrections', { changes: { actorId: 'nobody' }, reason: 'r' }).expect(404);
      await t.http.post('/v1/claims/never-stated/corrections').set(auth('editor')).set('If-Match', '3').send({ changes: { unit: 'x' }, reason: 'r' }).expect(404);
      await post('/v1/claims/Not%20An%20Id/retraction', { reason: 'r' }).expect(404);
      await t.http.post('/v1/claims/to-correct/corrections').set(auth('reader')).send({ changes: { unit: 'x' }, reason: 'r' }).expect(403);
      expect(await t.eventCount()).toBe(before);
    });

    it('retracts a claim once: 200 with the reason, 409 for a second retraction or a correction; a keyed retry answers as first', async () => {
      await post('/v1/claims', claimBody({ id: 'to-retract', measure: 'fuel/ukraine/exports' })).expect(201);
      const send = () => t.http.post('/v1/claims/to-retract/retraction').set(auth('editor')).set('Idempotency-Key', 'retract-1').send({ reason: 'misattributed' });
      const first = await send().expect(200);
      expect(first.body).toEqual({ id: 'to-retract', retracted: true, reason: 'misattributed', version: 2, recordedAt: expect.any(String) });
      expect((await send().expect(200)).body).toEqual(first.body);
      const before = await t.eventCount();
      await post('/v1/claims/to-retract/retraction', { reason: 'duplicate' }).expect(409);
      await post('/v1/claims/to-retract/corrections', { changes: { unit: 'barrels' }, reason: 'r' }).expect(409);
      await post('/v1/claims/never-stated/retraction', { reason: 'duplicate' }).expect(404);
      await post('/v1/claims', claimBody({ id: 'to-retract' })).expect(409);
      expect(await t.eventCount()).toBe(before);
    });
  });

  describe('setting claims side by side', () => {
    beforeAll(async () => {
      await post('/v1/claims', claimBody({ actorId: TRUMP, measure: UKRAINE_KILLED, value: { exact: 700000 }, qualifier: 'approx', sourceId: PRESS_CONFERENCE, quote: undefined })).expect(201);
      await post('/v1/claims', claimBody({ actorId: TRUMP, measure: 'casualties/russia/military/killed', value: { exact: 800000 }, qualifier: 'at_least', sourceId: PRESS_CONFERENCE })).expect(201);
      // A sibling whose name merely starts like the prefix: it is not a sub-measure.
      await post('/v1/claims', claimBody({ measure: 'casualties/ukraine-civilians/killed', value: { exact: 12000 } })).expect(201);
    });

    it("sets Zelensky's 45,100 beside Trump's roughly 700,000, ordered by statedAt then actor, with actor names", async () => {
      const res = await claims(`?measure=${UKRAINE_KILLED}`).expect(200);
      expect(res.body.items).toEqual([{
        measure: UKRAINE_KILLED,
        claims: [
          expect.objectContaining({ actorId: TRUMP, actorName: 'Donald Trump', value: { exact: 700000 }, low: 700000, high: 700000, qualifier: 'approx', sourceId: PRESS_CONFERENCE }),
          expect.objectContaining({ id: 'zelensky-ukraine-killed', actorId: ZELENSKY, actorName: 'Volodymyr Zelensky', value: { exact: 45100 }, qualifier: 'exact', version: 1 }),
        ],
      }]);
      expect(res.body.nextCursor).toBeNull();
    });

    it('includes sub-measures of a measure, groups in measure order, and never siblings sharing a name prefix', async () => {
      const res = await claims('?measure=casualties/ukraine').expect(200);
      expect(res.body.items.map((g: { measure: string }) => g.measure)).toEqual(['casualties/ukraine/military/killed', 'casualties/ukraine/military/wounded']);
      const russia = await claims('?measure=casualties/russia').expect(200);
      const wounded = russia.body.items.find((g: { measure: string }) => g.measure === 'casualties/russia/military/wounded');
      expect(wounded.claims[0]).toMatchObject({ value: { low: 600000, high: 700000.5 }, low: 600000, high: 700000.5 });
    });

    it('filters by actor, repeated or single', async () => {
      const one = await claims(`?measure=casualties&actor=${TRUMP}`).expect(200);
      expect(one.body.items.flatMap((g: { claims: { actorId: string }[] }) => g.claims.map((c) => c.actorId))).toEqual([TRUMP, TRUMP]);
      const both = await claims(`?measure=${UKRAINE_KILLED}&actor=${TRUMP}&actor=${ZELENSKY}`).expect(200);
      expect(both.body.items[0].claims).toHaveLength(2);
      expect((await claims('?actor=nobody-at-all').expect(404)).body.errors[0]).toMatchObject({ field: 'actor', value: 'nobody-at-all' });
    });

    it('pages by measure with an opaque cursor', async () => {
      const first = await claims('?measure=casualties&limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await claims(`?measure=casualties&limit=2&cursor=${first.body.nextCursor}`).expect(200);
      const all = await claims('?measure=casualties').expect(200);
      expect([...first.body.items, ...second.body.items]).toEqual(all.body.items.slice(0, first.body.items.length + second.body.items.length));
    });

    it('refuses bad query parameters with 400 naming each', async () => {
      const bad = async (query: string, field: string) => {
        const res = await claims(query).expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(fields(res)).toContain(field);
      };
      await bad(`?measure=${'x'.repeat(201)}`, 'measure');
      await bad('?measure=casualties%01', 'measure');
      await bad('?knownAt=2025-02-04', 'knownAt');
      await bad('?knownAt=2025-02-30T10:00:00Z', 'knownAt');
      await bad('?actor=Donald%09Trump', 'actor');
      await bad(`?actor=${TRUMP}&actor=`, 'actor');
      await bad('?limit=0', 'limit');
      await bad('?cursor=forged', 'cursor');
      await bad('?topic=x', 'topic');
    });
  });

  it('describes the claim endpoints in the OpenAPI document, the value as one of its two forms', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/claims', '/v1/claims/{id}/corrections', '/v1/claims/{id}/retraction']));
    expect(doc.paths['/v1/claims'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['measure', 'actor', 'knownAt']));
    expect(doc.components.schemas.StateClaimRequest.properties.value.oneOf).toHaveLength(2);
  });

  describe('as the records stood (knownAt)', () => {
    it('shows the version current at knownAt: before the claim nothing, then the original, then the correction, and nothing once retracted', async () => {
      const body = claimBody({ id: 'as-known', measure: 'casualties/ukraine/civilian/killed', value: { exact: 12000 } });
      const stated = await post('/v1/claims', body).expect(201);
      await clockPasses(stated.body.recordedAt);
      const corrected = await post('/v1/claims/as-known/corrections', { changes: { value: { low: 12000, high: 12500 } }, reason: 'a range' }).expect(200);
      await clockPasses(corrected.body.recordedAt);
      const retracted = await post('/v1/claims/as-known/retraction', { reason: 'withdrawn by the source' }).expect(200);

      const at = async (knownAt?: string) => {
        const res = await claims(`?measure=casualties/ukraine/civilian${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`).expect(200);
        return res.body.items.flatMap((g: { claims: object[] }) => g.claims);
      };
      const justBefore = new Date(new Date(stated.body.recordedAt).getTime() - 1).toISOString();
      expect(await at(justBefore)).toEqual([]);
      expect(await at(stated.body.recordedAt)).toEqual([expect.objectContaining({ id: 'as-known', value: { exact: 12000 }, version: 1, corrections: 0 })]);
      const beforeCorrection = new Date(new Date(corrected.body.recordedAt).getTime() - 1).toISOString();
      expect(await at(beforeCorrection)).toEqual([expect.objectContaining({ value: { exact: 12000 }, version: 1 })]);
      expect(await at(corrected.body.recordedAt)).toEqual([expect.objectContaining({ value: { low: 12000, high: 12500 }, low: 12000, high: 12500, version: 2, corrections: 1 })]);
      const beforeRetraction = new Date(new Date(retracted.body.recordedAt).getTime() - 1).toISOString().replace('Z', '+00:00');
      expect(await at(beforeRetraction)).toEqual([expect.objectContaining({ version: 2 })]);
      expect(await at(retracted.body.recordedAt)).toEqual([]);
      expect(await at()).toEqual([]);
    });
  });
});
