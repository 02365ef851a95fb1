import { EventStore } from '../src/event-store/event-store.js';
import { ProjectionRegistry } from '../src/event-store/inline-projections/projection-registry.js';
import { statementStream } from '../src/statements/statement.events.js';
import { TRUMP, ZELENSKY, registerSpeakers } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';


describe('reading statements over HTTP: timeline, one statement, history', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const editor = auth('editor');
    await registerSpeakers(t);
    for (const [id, title] of [['nato', 'NATO'], ['nato/membership', 'NATO membership'], ['nato-expansion', 'NATO expansion'], ['paging', 'Paging']]) {
      await t.http.post('/v1/topics').set(editor).send({ id, title, proposition: `${title} is good.` }).expect(201);
    }
    await t.http.post('/v1/sources').set(editor)
      .send({ id: 'interview', kind: 'interview', title: 'An interview', publisher: 'A broadcaster', url: 'https://example.org/interview' }).expect(201);
  });
  afterAll(async () => { await t.close(); });

  async function record(fields: { actorId?: string; topicId: string; statedAt: string; stance?: string; id?: string }) {
    const body = { actorId: ZELENSKY, stance: 'support', summary: `statement ${++n}`, form: 'paraphrase', sourceId: 'interview', ...fields };
    return (await t.http.post('/v1/statements').set(auth('editor')).send(body).expect(201)).body;
  }
  const timeline = (query: Record<string, unknown>) => t.http.get('/v1/statements').query(query);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);

  describe('the timeline', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      ids = {
        y2022: (await record({ topicId: 'nato', statedAt: '2022' })).id,
        feb2025: (await record({ topicId: 'nato/membership', statedAt: '2025-02' })).id,
        day2025: (await record({ topicId: 'nato/membership', statedAt: '2025-02-04' })).id,
        jan2022: (await record({ topicId: 'nato', statedAt: '2022-01-01' })).id,
        trump: (await record({ actorId: TRUMP, topicId: 'nato', statedAt: '2024-07' })).id,
        sibling: (await record({ topicId: 'nato-expansion', statedAt: '2023' })).id,
      };
    });

    it('lists statements in statedAt order, ties (same first day) in the order they were recorded', async () => {
      const body = (await timeline({ topic: 'nato' }).expect(200)).body;
      expect(idsOf(body)).toEqual([ids.y2022, ids.jan2022, ids.trump, ids.feb2025, ids.day2025]);
      expect(body.nextCursor).toBeNull();
      expect(body.items[0]).toMatchObject({
        actorId: ZELENSKY, topicId: 'nato', stance: 'support', stanceScore: 1, statedAt: '2022', precision: 'year', version: 1, corrections: 0,
        source: { id: 'interview', title: 'An interview', publisher: 'A broadcaster', url: 'https://example.org/interview' },
      });
    });

    it('includes subtopics under a topic, but not a sibling whose id merely starts the same', async () => {
      expect(idsOf((await timeline({ topic: 'nato/membership' }).expect(200)).body)).toEqual([ids.feb2025, ids.day2025]);
      expect(idsOf((await timeline({ topic: 'nato-expansion' }).expect(200)).body)).toEqual([ids.sibling]);
      // A prefix of a topic id names no topic: an unknown name, not an empty timeline.
      expect((await timeline({ topic: 'nat' }).expect(404)).body.errors[0]).toMatchObject({ field: 'topic', value: 'nat', suggestions: expect.arrayContaining(['nato']) });
    });

    it('filters by one or several actors', async () => {
      expect(idsOf((await timeline({ topic: 'nato', actor: TRUMP }).expect(200)).body)).toEqual([ids.trump]);
      const both = await t.http.get(`/v1/statements?topic=nato&actor=${TRUMP}&actor=${ZELENSKY}`).expect(200);
      expect(idsOf(both.body)).toHaveLength(5);
    });

    it('keeps a statement whose period overlaps [from, to]: `2022` is in from=2022-06, a day in 2025-02 is in to=2025-02', async () => {
      expect(idsOf((await timeline({ topic: 'nato', from: '2022-06', to: '2024' }).expect(200)).body)).toEqual([ids.y2022, ids.trump]);
      expect(idsOf((await timeline({ topic: 'nato', from: '2025-02-04', to: '2025-02' }).expect(200)).body)).toEqual([ids.feb2025, ids.day2025]);
    });

    it('pages with an opaque cursor, limit by limit, without repeats or gaps', async () => {
      const first = (await timeline({ topic: 'nato', limit: 2 }).expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await timeline({ topic: 'nato', limit: 2, cursor: first.nextCursor }).expect(200)).body;
      const third = (await timeline({ topic: 'nato', limit: 2, cursor: second.nextCursor }).expect(200)).body;
      expect(third.nextCursor).toBeNull();
      expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual([ids.y2022, ids.jan2022, ids.trump, ids.feb2025, ids.day2025]);
    });

    it.each([
      [{ limit: '0' }, 'limit'], [{ limit: '501' }, 'limit'], [{ limit: 'ten' }, 'limit'], [{ limit: '2.5' }, 'limit'],
      [{ actor: 'Donald\u0000Trump' }, 'actor'], [{ topic: 'x'.repeat(201) }, 'topic'], [{ topic: 'NATO\n' }, 'topic'], [{ q: '' }, 'q'],
      [{ from: '2025-13' }, 'from'], [{ to: '2025-02-29' }, 'to'], [{ from: '2025', to: '2024' }, 'to'],
      [{ knownAt: 'yesterday' }, 'knownAt'], [{ knownAt: '2025-02-05T10:00:00' }, 'knownAt'],
      [{ cursor: 'not-a-cursor' }, 'cursor'], [{ sort: 'desc' }, 'sort'],
    ])('refuses %j with a 400 problem naming %s', async (query, field) => {
      const res = await timeline(query).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });

    it('refuses a tampered cursor, and a cursor sent with other filters, with 400 naming cursor', async () => {
      const { nextCursor } = (await timeline({ topic: 'nato', limit: 1 }).expect(200)).body;
      const [payload, signature] = nextCursor.split('.');
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...decoded, d: '1900-01-01' })).toString('base64url');
      for (const [query, cursor] of [[{ topic: 'nato' }, `${forged}.${signature}`], [{ topic: 'nato/membership' }, nextCursor]] as const) {
        const res = await timeline({ ...query, limit: 1, cursor }).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
      }
    });

    it('answers for knownAt at the edges of time without failing', async () => {
      expect((await timeline({ knownAt: '0001-01-01T00:00:00Z' }).expect(200)).body.items).toEqual([]);
      expect((await timeline({ topic: 'nato', knownAt: '9999-12-31T23:59:59.999+14:00' }).expect(200)).body.items).toHaveLength(5);
    });
  });

  describe('one statement and its history', () => {
    it('carries the version it answers as its ETag, which a correction takes back as If-Match', async () => {
      const recorded = await record({ topicId: 'nato', statedAt: '2022' });
      const read = await t.http.get(`/v1/statements/${recorded.id}`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      await t.http.post(`/v1/statements/${recorded.id}/corrections`).set(auth('editor')).set('If-Match', read.headers.etag)
        .send({ changes: { stance: 'oppose' }, reason: 'misheard' }).expect(200);
      expect((await t.http.get(`/v1/statements/${recorded.id}`).expect(200)).headers.etag).toBe('"2"');
      const before = new Date(new Date(recorded.recordedAt).getTime()).toISOString();
      expect((await t.http.get(`/v1/statements/${recorded.id}`).query({ knownAt: before }).expect(200)).headers.etag).toBe('"1"');
      await t.http.post(`/v1/statements/${recorded.id}/corrections`).set(auth('editor')).set('If-Match', read.headers.etag)
        .send({ changes: { stance: 'neutral' }, reason: 'stale' }).expect(412);
    });

    it('answers the statement as it stood at knownAt; 404 before it was recorded, after it was retracted, and for unknown ids', async () => {
      const recorded = await record({ topicId: 'nato', statedAt: '2021' });
      const corrected = (await t.http.post(`/v1/statements/${recorded.id}/corrections`).set(auth('editor'))
        .send({ changes: { stance: 'oppose', statedAt: '2021-03' }, reason: 'misheard' }).expect(200)).body;
      await t.http.post(`/v1/statements/${recorded.id}/retraction`).set(auth('editor')).send({ reason: 'misattributed' }).expect(200);
      const at = (ms: number) => new Date(ms).toISOString();
      const recordedMs = new Date(recorded.recordedAt).getTime();
      const correctedMs = new Date(corrected.recordedAt).getTime();

      await t.http.get(`/v1/statements/${recorded.id}`).expect(404);
      await t.http.get(`/v1/statements/${recorded.id}`).query({ knownAt: at(recordedMs - 1) }).expect(404);
      expect((await t.http.get(`/v1/statements/${recorded.id}`).query({ knownAt: at(recordedMs) }).expect(200)).body)
        .toMatchObject({ id: recorded.id, stance: 'support', statedAt: '2021', version: 1, corrections: 0 });
      expect((await t.http.get(`/v1/statements/${recorded.id}`).query({ knownAt: at(correctedMs) }).expect(200)).body)
        .toMatchObject({ id: recorded.id, stance: 'oppose', stanceScore: -1, statedAt: '2021-03', precision: 'month', version: 2, corrections: 1 });
      await t.http.get('/v1/statements/no-such-statement').expect(404);
      await t.http.get('/v1/statements/Not An Id').expect(404);
      await t.http.get(`/v1/statements/${recorded.id}`).query({ knownAt: 'now' }).expect(400);

      const history = (await t.http.get(`/v1/statements/${recorded.id}/history`).expect(200)).body;
      expect(history).toMatchObject({ id: recorded.id, retracted: true });
      expect(history.versions.map((v: { version: number; event: { type: string; reason: string | null } }) => [v.version, v.event.type, v.event.reason])).toEqual([
        [1, 'StatementRecorded', null], [2, 'StatementCorrected', 'misheard'], [3, 'StatementRetracted', 'misattributed'],
      ]);
      const [v1, v2, v3] = history.versions;
      expect(v1.recordedTo).toBe(v2.recordedFrom);
      expect(v2.recordedTo).toBe(v3.recordedFrom);
      expect(v3.recordedTo).toBe(v3.recordedFrom);
      expect(v3.statement).toMatchObject({ stance: 'oppose', statedAt: '2021-03' });
      await t.http.get('/v1/statements/no-such-statement/history').expect(404);
    });

    it('shows a write that got its 2xx in the very next read', async () => {
      for (let i = 0; i < 5; i++) {
        const created = await record({ topicId: 'nato-expansion', statedAt: `201${i}` });
        expect((await t.http.get(`/v1/statements/${created.id}`).expect(200)).body.summary).toBe(created.summary);
        const fix = await t.http.post(`/v1/statements/${created.id}/corrections`).set(auth('editor'))
          .send({ changes: { summary: `fixed ${i}` }, reason: 'typo' }).expect(200);
        expect(idsOf((await timeline({ topic: 'nato-expansion', from: `201${i}`, to: `201${i}` }).expect(200)).body)).toEqual([created.id]);
        expect((await t.http.get(`/v1/statements/${created.id}`).expect(200)).body).toMatchObject({ summary: `fixed ${i}`, version: fix.body.version });
      }
    });
  });

  describe('paging while others write', () => {
    it('never repeats or skips a statement that existed when paging began, whatever is recorded, corrected or retracted meanwhile', async () => {
      const existing: string[] = [];
      for (let year = 2001; year <= 2012; year++) existing.push((await record({ topicId: 'paging', statedAt: String(year) })).id);
      const query = { topic: 'paging', limit: 3 };
      const seen: string[] = [];
      let page = (await timeline(query).expect(200)).body;
      seen.push(...idsOf(page));
      for (let round = 0; page.nextCursor; round++) {
        // Meanwhile: a statement dated before everything, one not yet seen moved before the cursor, one
        // already seen moved after it, and one not yet seen retracted.
        await record({ topicId: 'paging', statedAt: '1999' });
        const unseen = existing.filter((id) => !seen.includes(id));
        if (unseen[0]) await t.http.post(`/v1/statements/${unseen[0]}/corrections`).set(auth('editor')).send({ changes: { statedAt: '1990' }, reason: 'earlier' }).expect(200);
        await t.http.post(`/v1/statements/${seen[round]}/corrections`).set(auth('editor')).send({ changes: { statedAt: '2030' }, reason: 'later' }).expect(200);
        if (unseen[1]) await t.http.post(`/v1/statements/${unseen[1]}/retraction`).set(auth('editor')).send({ reason: 'duplicate' }).expect(200);
        page = (await timeline({ ...query, cursor: page.nextCursor }).expect(200)).body;
        seen.push(...idsOf(page));
      }
      expect(seen).toEqual(existing);
    });

    /** Begins a correction of `id` and holds its transaction open (an inline projection waits) until `commit`. */
    async function correctionHeldOpen(id: string, changes: Record<string, unknown>): Promise<{ commit(): Promise<void> }> {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => { entered = resolve; });
      t.app.get(ProjectionRegistry).register({
        name: `test-gate-${id}`, handles: ['StatementCorrected'], tables: [],
        apply: async (events) => { if (events.some((e) => (e.data as { id: string }).id === id)) { entered(); await gate; } },
      });
      const correction = t.app.get(EventStore).append(statementStream(id), [{ type: 'StatementCorrected', data: { id, changes, reason: 'later' } }]);
      await inside;
      return { commit: async () => { release(); await correction; } };
    }

    it('is not disturbed by a correction whose transaction began before the first page and committed after it', async () => {
      const ids: string[] = [];
      for (const year of ['1801', '1802', '1803', '1804']) ids.push((await record({ topicId: 'paging', statedAt: year, actorId: TRUMP })).id);
      const correction = await correctionHeldOpen(ids[0], { statedAt: '1899' });
      const first = (await timeline({ topic: 'paging', actor: TRUMP, limit: 2 }).expect(200)).body;
      await correction.commit();
      const seen = idsOf(first);
      for (let page = first; page.nextCursor;) {
        page = (await timeline({ topic: 'paging', actor: TRUMP, limit: 2, cursor: page.nextCursor }).expect(200)).body;
        seen.push(...idsOf(page));
      }
      expect(seen).toEqual(ids);
      // A new first page sees the correction.
      expect(idsOf((await timeline({ topic: 'paging', actor: TRUMP }).expect(200)).body)).toEqual([...ids.slice(1), ids[0]]);
    });

    it('shows a statement on a later page as the first page knew it, when its correction began before that page and committed after it', async () => {
      const recorded = [];
      for (const year of ['1701', '1702', '1703', '1704']) recorded.push(await record({ topicId: 'paging', statedAt: year, actorId: TRUMP }));
      const onLaterPage = recorded[3];
      const correction = await correctionHeldOpen(onLaterPage.id, { summary: 'corrected while the pages were read' });
      const first = (await timeline({ topic: 'paging', actor: TRUMP, to: '1799', limit: 2 }).expect(200)).body;
      await correction.commit();

      const second = (await timeline({ topic: 'paging', actor: TRUMP, to: '1799', limit: 2, cursor: first.nextCursor }).expect(200)).body;
      expect(second.items.map((s: { id: string; version: number; summary: string }) => [s.id, s.version, s.summary]))
        .toEqual(recorded.slice(2).map((s) => [s.id, 1, s.summary]));
      // A new first read sees the correction.
      const now = (await timeline({ topic: 'paging', actor: TRUMP, to: '1799' }).expect(200)).body;
      expect(now.items.at(-1)).toMatchObject({ id: onLaterPage.id, version: 2, summary: 'corrected while the pages were read' });
    });
  });
});
