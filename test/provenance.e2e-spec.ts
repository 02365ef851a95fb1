import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonImporter } from '../src/import/ndjson-importer.js';
import { claimBody } from './support/claim-fixtures.js';
import { DIRECT_TALKS, INTERVIEW, registerStatementReferences, statementBody, ZELENSKY } from './support/statement-fixtures.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

const ARTICLE = 'article-reporting-the-interview';
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('provenance of statements and claims (v1.1)', () => {
  let t: TestApp;
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body);
  const reported = { reportedIn: ARTICLE, locator: 'paragraph 3' };

  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
    await post('/v1/sources', { id: ARTICLE, kind: 'article', title: 'Zelensky willing to negotiate', url: 'https://example.org/article' }).expect(201);
    // A 2022 statement, so the reported one below makes a stance change to report.
    await post('/v1/statements', statementBody({ id: 'decree', stance: 'strongly_oppose', form: 'official_act', quote: undefined, statedAt: '2022-10-04' })).expect(201);
    await post('/v1/statements', statementBody({ id: 'reported', ...reported })).expect(201);
  });
  afterAll(() => t.close());

  it('returns reportedIn and locator from every read of a statement, with the publication named', async () => {
    const get = async (path: string) => (await t.http.get(path).expect(200)).body;
    const expected = { id: 'reported', sourceId: INTERVIEW, ...reported };
    expect(await get('/v1/statements/reported')).toMatchObject({ ...expected, reportedInSource: { id: ARTICLE, title: 'Zelensky willing to negotiate' } });
    expect((await get(`/v1/statements?actor=${ZELENSKY}`)).items).toContainEqual(expect.objectContaining(expected));
    expect(JSON.stringify(await get('/v1/statements/reported/history'))).toContain('"locator":"paragraph 3"');
    expect((await get(`/v1/stance?actor=${ZELENSKY}&topic=${DIRECT_TALKS}&on=2025-02-04`)).saidOn).toContainEqual(expect.objectContaining(expected));
  });

  it('shows the chain in the reports: JSON, CSV and Markdown', async () => {
    const query = `/v1/stance-changes?actor=${ZELENSKY}`;
    const [change] = (await t.http.get(query).expect(200)).body.items;
    expect(change.to).toMatchObject({ id: 'reported', reportedIn: ARTICLE, reportedInTitle: 'Zelensky willing to negotiate', locator: 'paragraph 3' });
    expect(change.from).toMatchObject({ id: 'decree', reportedIn: null, locator: null });
    const csv = (await t.http.get(`${query}&format=csv`).expect(200)).text;
    expect(csv.split('\r\n')[0]).toContain('toReportedIn,toReportedInTitle,toReportedInUrl,toLocator');
    expect(csv.split('\r\n')[1]).toContain(`${ARTICLE},Zelensky willing to negotiate,https://example.org/article,paragraph 3`);
    expect((await t.http.get(`${query}&format=markdown`).expect(200)).text)
      .toContain(`reported in [Zelensky willing to negotiate](<https://example.org/article>) (\`${ARTICLE}\`), at paragraph 3`);
  });

  it('shows the chain in the timeline exports: the TimelineJS credit and source line, the vis tooltip', async () => {
    const slides = (await t.http.get('/v1/timeline?format=timelinejs').expect(200)).body.events;
    const slide = slides.find((s: { unique_id: string }) => s.unique_id === 'reported');
    expect(slide.media.credit).toBe('Zelensky on Piers Morgan Uncensored, reported in <a href="https://example.org/article">Zelensky willing to negotiate</a>, paragraph 3');
    expect(slide.text.text).toContain('reported in <a href="https://example.org/article">Zelensky willing to negotiate</a>, paragraph 3</p>');
    const { items } = (await t.http.get('/v1/timeline?format=vis').expect(200)).body;
    expect(items.find((i: { id: string }) => i.id === 'reported').title)
      .toContain('Source: Zelensky on Piers Morgan Uncensored, reported in Zelensky willing to negotiate, paragraph 3.');
  });

  it.each([
    ['a locator over 200 characters', { locator: 'x'.repeat(201) }, 'locator'],
    ['a blank locator', { locator: '  ' }, 'locator'],
    ['a reportedIn that is not a source id', { reportedIn: 'Not An Id' }, 'reportedIn'],
    ['a direct quote without its quote', { quote: undefined }, 'quote'],
    ['a direct quote with a null quote', { quote: null }, 'quote'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_what, overrides, field) => {
    const before = await t.eventCount();
    expect(fieldsOf((await post('/v1/statements', statementBody(overrides)).expect(400)).body)).toContain(field);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses an unknown reportedIn with 422 naming it, with the other unknown references in the same answer', async () => {
    const before = await t.eventCount();
    const res = await post('/v1/statements', statementBody({ reportedIn: 'no-such-article', sourceId: 'no-such-interview' })).expect(422);
    expect(fieldsOf(res.body).sort()).toEqual(['reportedIn', 'sourceId']);
    expect(fieldsOf((await post('/v1/claims', claimBody({ reportedIn: 'no-such-article' })).expect(422)).body)).toEqual(['reportedIn']);
    expect(fieldsOf((await post('/v1/statements/reported/corrections', { changes: { reportedIn: 'no-such-article' }, reason: 'r' }).expect(422)).body))
      .toEqual(['changes.reportedIn']);
    expect(await t.eventCount()).toBe(before);
  });

  it('corrects provenance: a new locator, then null removes the publication', async () => {
    const moved = await post('/v1/statements/reported/corrections', { changes: { locator: '00:41:10' }, reason: 'the clip' }).expect(200);
    expect(moved.body).toMatchObject({ reportedIn: ARTICLE, locator: '00:41:10', corrections: 1 });
    const firstHand = await post('/v1/statements/reported/corrections', { changes: { reportedIn: null }, reason: 'watched it' }).expect(200);
    expect(firstHand.body).toMatchObject({ reportedIn: null, locator: '00:41:10' });
    expect((await t.http.get('/v1/statements/reported').expect(200)).body).toMatchObject({ reportedIn: null, reportedInSource: null });
  });

  it('refuses a correction that leaves a direct quote without its quote, naming changes.quote', async () => {
    const res = await post('/v1/statements/reported/corrections', { changes: { quote: null }, reason: 'r' }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['changes.quote']);
    await post('/v1/statements/reported/corrections', { changes: { quote: null, form: 'paraphrase' }, reason: 'not verbatim' }).expect(200);
  });

  it('states, returns and corrects a claim with reportedIn and locator', async () => {
    const stated = await post('/v1/claims', claimBody({ id: 'reported-figure', ...reported })).expect(201);
    expect(stated.body).toMatchObject({ id: 'reported-figure', ...reported });
    const { items } = (await t.http.get('/v1/claims').expect(200)).body;
    expect(JSON.stringify(items)).toContain(`"reportedIn":"${ARTICLE}","locator":"paragraph 3"`);
    expect((await post('/v1/claims/reported-figure/corrections', { changes: { locator: null }, reason: 'r' }).expect(200)).body)
      .toMatchObject({ reportedIn: ARTICLE, locator: null });
    expect(fieldsOf((await post('/v1/claims', claimBody({ locator: 'x'.repeat(201) })).expect(400)).body)).toContain('locator');
  });

  it('imports reportedIn and locator from NDJSON, a publication defined earlier in the file included, and names an unknown one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stanceline-provenance-')), 'reported.ndjson');
    writeFileSync(file, [
      { source: { id: 'later-article', kind: 'article', title: 'A later article' } },
      { statement: statementBody({ id: 'imported', reportedIn: 'later-article', locator: 'paragraph 2' }) },
      { claim: claimBody({ id: 'imported-figure', reportedIn: 'later-article', locator: 'paragraph 4' }) },
      { statement: statementBody({ id: 'imported-unknown', reportedIn: 'never-registered' }) },
    ].map((line) => JSON.stringify(line)).join('\n'));
    const report = await t.app.get(NdjsonImporter).importFile(file);
    expect(report.recorded).toBe(3);
    expect(report.failed).toEqual([expect.objectContaining({ line: 4, problem: expect.stringContaining('No source never-registered') })]);
    expect((await t.http.get('/v1/statements/imported').expect(200)).body).toMatchObject({ reportedIn: 'later-article', locator: 'paragraph 2' });
  });
});
