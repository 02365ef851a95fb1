import { DECREE_2022, DIRECT_TALKS, SEED_ARTICLE, SOVEREIGNTY_2025, TALKS_2025, ZELENSKY } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

// The seed (seed/article.ndjson) holds the 2022 decree (statedAt `2022-10-04`, strongly_oppose) and two
// statements of the 2025-02-04 interview (support, each with its condition) on this topic.
// The later one ("Despite this, he signaled openness to talks ...") is the latest word of the day.

describe('GET /v1/stance: what did X say about Y on D', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ SEED_ON_EMPTY: 'true' }); });
  afterAll(async () => { await t.close(); });

  const stance = (query: Record<string, string>) => t.http.get('/v1/stance').query(query);
  const ask = async (on: string, extra: Record<string, string> = {}) =>
    (await stance({ actor: ZELENSKY, topic: DIRECT_TALKS, on, ...extra }).expect(200)).body;
  const ids = (statements: { id: string }[]) => statements.map((s) => s.id);

  it('answers what Zelensky said about direct talks with Putin on 2025-02-04: the statements, their conditions, summaries and provenance', async () => {
    const answer = await ask('2025-02-04');
    expect(answer).toMatchObject({ actorId: ZELENSKY, topicId: DIRECT_TALKS, on: '2025-02-04', uncertain: [] });
    expect(ids(answer.saidOn)).toEqual([TALKS_2025, SOVEREIGNTY_2025]);
    const [said, later] = answer.saidOn;
    expect(said).toMatchObject({
      stance: 'support', stanceScore: 1, statedAt: '2025-02-04', precision: 'day', version: 1, corrections: 0,
      conditions: ['if it is the only viable path to securing peace and preventing further loss of life in Ukraine'],
      summary: expect.stringContaining('willing to negotiate directly with Putin'),
      source: { id: 'piers-morgan-interview-zelensky-2025-02-04', title: 'Piers Morgan interview with Volodymyr Zelensky', publisher: null },
      reportedIn: SEED_ARTICLE, locator: 'paragraphs 1-3', reportedInSource: { id: SEED_ARTICLE, kind: 'article' },
    });
    // The later statement of the interview is the latest certain word on the topic: it stands, the decree no longer does.
    expect(answer.standing).toEqual([{ topicId: DIRECT_TALKS, statement: later }]);
  });

  it('answers for 2023-06-01 that the decree of 2022-10-04 stood', async () => {
    const answer = await ask('2023-06-01');
    expect(answer.saidOn).toEqual([]);
    expect(answer.uncertain).toEqual([]);
    expect(answer.standing.map((s: { statement: { id: string } }) => s.statement.id)).toEqual([DECREE_2022]);
    expect(answer.standing[0].statement).toMatchObject({
      stance: 'strongly_oppose', statedAt: '2022-10-04', precision: 'day', source: { kind: 'decree', publishedAt: '2022-10-04' }, reportedIn: SEED_ARTICLE,
    });
  });

  it('answers for 2022-06-01 that nothing stood yet and nothing is uncertain: the decree is dated to the day, 2022-10-04', async () => {
    expect(await ask('2022-06-01')).toMatchObject({ saidOn: [], standing: [], uncertain: [] });
    expect(ids((await ask('2022-10-04')).saidOn)).toEqual([DECREE_2022]);
  });

  it('answers for the year 2022 that the decree was said then, and stands at its end', async () => {
    const answer = await ask('2022');
    expect(ids(answer.saidOn)).toEqual([DECREE_2022]);
    expect(answer.standing.map((s: { statement: { id: string } }) => s.statement.id)).toEqual([DECREE_2022]);
    expect(answer.uncertain).toEqual([]);
  });

  it('given two statements ending the same day, the finer one recorded first (2022-12-31, then 2022), asked about 2023, the finer one stands', async () => {
    const editor = auth('editor');
    await t.http.post('/v1/topics').set(editor).send({ id: 'year-end', title: 'Year end', proposition: 'The year ends well.' }).expect(201);
    const say = (id: string, statedAt: string, stance: string) => t.http.post('/v1/statements').set(editor).send({
      id, actorId: ZELENSKY, topicId: 'year-end', stance, statedAt, summary: id, form: 'paraphrase', sourceId: 'piers-morgan-interview-zelensky-2025-02-04',
    }).expect(201);
    await say('year-end-on-the-day', '2022-12-31', 'oppose');
    await say('year-end-some-day', '2022', 'support');
    // Both may be the last word of 2022; the one said on its last day is at least as late as one said some day of it.
    const answer = (await stance({ actor: ZELENSKY, topic: 'year-end', on: '2023' }).expect(200)).body;
    expect(answer.standing.map((s: { statement: { id: string } }) => s.statement.id)).toEqual(['year-end-on-the-day']);
  });

  it('answers for a parent topic with the standing position on each subtopic', async () => {
    const answer = (await stance({ actor: ZELENSKY, topic: 'ukraine-war/negotiations', on: '2025-02-04' }).expect(200)).body;
    const topics = answer.standing.map((s: { topicId: string }) => s.topicId);
    expect(topics.sort()).toEqual([DIRECT_TALKS, 'ukraine-war/negotiations/leadership-control-of-diplomacy']);
    expect(new Set(topics).size).toBe(topics.length);
    for (const { topicId, statement } of answer.standing) expect(statement.topicId).toBe(topicId);
    expect(answer.saidOn.every((s: { statedAt: string }) => s.statedAt === '2025-02-04')).toBe(true);
  });

  it('a correction changes today\'s answer but not the answer knownAt a time before it', async () => {
    const corrected = await t.http.post(`/v1/statements/${SOVEREIGNTY_2025}/corrections`).set(auth('editor'))
      .send({ changes: { stance: 'neutral', conditions: ['if they lead to a genuine resolution'] }, reason: 'stance misread' }).expect(200);
    const before = new Date(new Date(corrected.body.recordedAt).getTime() - 1).toISOString();

    const today = await ask('2025-02-04');
    expect(today.saidOn[1]).toMatchObject({ id: SOVEREIGNTY_2025, stance: 'neutral', version: 2, corrections: 1, conditions: ['if they lead to a genuine resolution'] });
    expect(today.standing[0].statement).toMatchObject({ id: SOVEREIGNTY_2025, stance: 'neutral' });

    const earlier = await ask('2025-02-04', { knownAt: before });
    expect(earlier.knownAt).toBe(before);
    expect(earlier.saidOn[1]).toMatchObject({ id: SOVEREIGNTY_2025, stance: 'support', version: 1, corrections: 0 });
    expect(earlier.saidOn[1].conditions).toEqual(['if they could lead to a genuine resolution that preserves Ukraine’s sovereignty and prevents further bloodshed']);
  });

  it('a retraction removes a statement from today\'s answers only', async () => {
    await t.http.post(`/v1/statements/${DECREE_2022}/retraction`).set(auth('editor')).send({ reason: 'duplicate' }).expect(200);
    const history = (await t.http.get(`/v1/statements/${DECREE_2022}/history`).expect(200)).body;
    const retractedAt = history.versions.at(-1).recordedFrom;
    const justBefore = new Date(new Date(retractedAt).getTime() - 1).toISOString();
    expect(history.versions.at(-1).event).toMatchObject({ type: 'StatementRetracted', reason: 'duplicate' });

    const today = await ask('2023-06-01');
    expect(today.standing).toEqual([]);
    expect((await ask('2022-10-04')).saidOn).toEqual([]);

    const then = await ask('2023-06-01', { knownAt: justBefore });
    expect(then.standing.map((s: { statement: { id: string } }) => s.statement.id)).toEqual([DECREE_2022]);
    expect(ids((await ask('2022-10-04', { knownAt: justBefore })).saidOn)).toEqual([DECREE_2022]);
  });

  it('answers that a statement dated only by its year is uncertain within that year, not standing, and stands from its end', async () => {
    const res = await t.http.post('/v1/statements').set(auth('editor')).send({
      id: 'zelensky-2022-year-only', actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'oppose', summary: 'Dated only 2022',
      form: 'paraphrase', statedAt: '2022', sourceId: 'piers-morgan-interview-zelensky-2025-02-04',
    }).expect(201);
    const answer = await ask('2022-06-01');
    expect(ids(answer.uncertain)).toEqual([res.body.id]);
    expect(answer.standing).toEqual([]);
    expect(ids((await ask('2023-06-01')).standing.map((s: { statement: { id: string } }) => s.statement))).toEqual([res.body.id]);
  });

  it('answers as of a time before anything was recorded with nothing at all', async () => {
    const answer = await ask('2025-02-04', { knownAt: '2000-01-01T00:00:00Z' });
    expect(answer).toMatchObject({ saidOn: [], standing: [], uncertain: [] });
  });

  it.each([
    [{ topic: DIRECT_TALKS, on: '2025-02-04' }, 'actor'],
    [{ actor: 'Volodymyr\u0007Zelensky', topic: DIRECT_TALKS, on: '2025-02-04' }, 'actor'],
    [{ actor: ZELENSKY, topic: 'x'.repeat(201), on: '2025-02-04' }, 'topic'],
    [{ actor: 'Volodymyr Zelensky', topic: DIRECT_TALKS, on: '2025-02-30' }, 'on'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS }, 'on'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS, on: '2025-02-30' }, 'on'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS, on: '04.02.2025' }, 'on'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS, on: '2025-02-04', knownAt: '2025-02-05' }, 'knownAt'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS, on: '2025-02-04', knownAt: '2025-02-05T25:00:00Z' }, 'knownAt'],
    [{ actor: ZELENSKY, topic: DIRECT_TALKS, on: '2025-02-04', since: '2020' }, 'since'],
  ])('refuses %j with a 400 problem naming %s', async (query, field) => {
    const res = await stance(query as Record<string, string>).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('refuses a repeated actor: the stance is asked of one actor', async () => {
    await t.http.get(`/v1/stance?actor=${ZELENSKY}&actor=donald-trump&topic=${DIRECT_TALKS}&on=2025-02-04`).expect(400);
  });
});
