import { parse } from 'csv-parse/sync';
import { DECREE_2022, DIRECT_TALKS, NEGOTIATIONS, registerSpeakers, TALKS_2025, TRUMP, ZELENSKY } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';

const NATO = 'ukraine-war/security-guarantees/nato-membership';
// A root topic whose id starts like ukraine-war's: asking about ukraine-war must not take it for a subtopic.
const WAR_CRIMES = 'ukraine-war-crimes';
const DECREE_URL = 'https://www.president.gov.ua/documents/6792022-44249';
const INTERVIEW_URL = 'https://www.youtube.com/watch?v=piers-morgan-zelensky';
const INTERVIEW_QUOTE = 'If that is the only setup in which we will bring peace, we will do it.\nI said "peace", not surrender.';
const FORMULA_SUMMARY = '=HYPERLINK("https://example.com","click")';

type Change = { actorId: string; topicId: string; kind: string; flipOMeter: string; scoreDelta: number; orderUncertain: boolean; from: { id: string }; to: { id: string } };
const pairs = (items: Change[]) => items.map((c) => `${c.from.id}>${c.to.id}:${c.kind}`);

/** RFC 4180 as a spreadsheet reads it (csv-parse): every row, the last included, ends in CRLF. */
function parseCsv(text: string): string[][] {
  if (!text.endsWith('\r\n')) throw new Error('CSV does not end with a complete CRLF-terminated row');
  return parse(text, { record_delimiter: '\r\n' });
}

describe('GET /v1/stance-changes: how positions moved', () => {
  let t: TestApp;
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect((res) => {
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const say = (id: string, fields: Record<string, unknown>) => post('/v1/statements', {
    id, form: 'paraphrase', sourceId: 'piers-morgan-interview', summary: `Summary of ${id}`, ...fields,
  });
  const changes = async (query: Record<string, string | string[]> = {}) => (await t.http.get('/v1/stance-changes').query(query).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await registerSpeakers(t);
    for (const [id, title] of [['ukraine-war', "Russia's war against Ukraine"], [NEGOTIATIONS, 'Negotiations'], [DIRECT_TALKS, 'Direct talks with Putin'],
      ['ukraine-war/security-guarantees', 'Security guarantees'], [NATO, 'NATO membership'], [WAR_CRIMES, 'War crimes tribunal']]) {
      await post('/v1/topics', { id, title, proposition: id === DIRECT_TALKS ? "Ukraine's president should negotiate directly with Putin." : `Proposition of ${title}.` });
    }
    await post('/v1/sources', { id: 'ukraine-decree-2022', kind: 'decree', title: 'Decree on the impossibility of negotiations with Putin', publisher: 'President of Ukraine', url: DECREE_URL });
    await post('/v1/sources', { id: 'piers-morgan-interview', kind: 'interview', title: 'Piers Morgan interview with Volodymyr Zelensky', publisher: 'Piers Morgan Uncensored', url: INTERVIEW_URL });

    await say('z-decree-2022', { actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'strongly_oppose', statedAt: '2022', form: 'official_act', sourceId: 'ukraine-decree-2022' });
    await say('z-talks-2025', { actorId: ZELENSKY, topicId: DIRECT_TALKS, stance: 'support', statedAt: '2025-02-04', form: 'direct_quote', quote: INTERVIEW_QUOTE,
      conditions: ['if it is the only viable path to peace', 'if it prevents further loss of life in Ukraine'] });
    await say('z-nato-2023', { actorId: ZELENSKY, topicId: NATO, stance: 'support', statedAt: '2023-07', conditions: ['if the war ends'], summary: 'Membership after the war [click](javascript:alert(1))' });
    await say('z-nato-2024', { actorId: ZELENSKY, topicId: NATO, stance: 'support', statedAt: '2024-06-01', conditions: ['  If the war   ENDS '] });
    await say('z-nato-2025', { actorId: ZELENSKY, topicId: NATO, stance: 'support', statedAt: '2025-02-04', conditions: ['if the US is unwilling to expedite membership'] });
    await say('t-talks-2024', { actorId: TRUMP, topicId: NEGOTIATIONS, stance: 'neutral', statedAt: '2024' });
    await say('t-talks-2025', { actorId: TRUMP, topicId: NEGOTIATIONS, stance: 'strongly_support', statedAt: '2025-02-04' });
    // Recorded out of order: the report orders by the start of the statedAt period, not by recording.
    await say('t-crimes-2025-02-04', { actorId: TRUMP, topicId: WAR_CRIMES, stance: 'oppose', statedAt: '2025-02-04', summary: FORMULA_SUMMARY });
    await say('t-crimes-2025', { actorId: TRUMP, topicId: WAR_CRIMES, stance: 'neutral', statedAt: '2025' });
  });
  afterAll(async () => { await t.close(); });

  const ALL = [
    't-crimes-2025>t-crimes-2025-02-04:shift',
    't-talks-2024>t-talks-2025:shift',
    'z-decree-2022>z-talks-2025:reversal',
    'z-nato-2023>z-nato-2024:unchanged',
    'z-nato-2024>z-nato-2025:conditions_changed',
  ];

  describe('as JSON', () => {
    it('given Zelensky opposed talks in 2022, when he states conditional support in 2025, the report shows a reversal, full_flop, with both statements as evidence', async () => {
      const body = await changes({ actor: ZELENSKY, topic: DIRECT_TALKS });
      expect(body.nextCursor).toBeNull();
      expect(body.items).toEqual([{
        actorId: ZELENSKY, actorName: 'Volodymyr Zelensky', topicId: DIRECT_TALKS, topicTitle: 'Direct talks with Putin',
        topicProposition: "Ukraine's president should negotiate directly with Putin.",
        kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: 3, orderUncertain: false,
        from: {
          id: 'z-decree-2022', statedAt: '2022', stance: 'strongly_oppose', stanceScore: -2, conditions: [], summary: 'Summary of z-decree-2022', quote: null,
          form: 'official_act', sourceId: 'ukraine-decree-2022', sourceTitle: 'Decree on the impossibility of negotiations with Putin',
          sourcePublisher: 'President of Ukraine', sourceUrl: DECREE_URL, reportedIn: null, reportedInTitle: null, reportedInUrl: null, locator: null,
        },
        to: {
          id: 'z-talks-2025', statedAt: '2025-02-04', stance: 'support', stanceScore: 1,
          conditions: ['if it is the only viable path to peace', 'if it prevents further loss of life in Ukraine'], summary: 'Summary of z-talks-2025',
          quote: INTERVIEW_QUOTE, form: 'direct_quote', sourceId: 'piers-morgan-interview', sourceTitle: 'Piers Morgan interview with Volodymyr Zelensky',
          sourcePublisher: 'Piers Morgan Uncensored', sourceUrl: INTERVIEW_URL, reportedIn: null, reportedInTitle: null, reportedInUrl: null, locator: null,
        },
      }]);
    });

    it('compares each actor\'s consecutive statements per topic: unchanged (conditions as sets), conditions_changed, shift, in actor, topic, time order', async () => {
      const { items } = await changes();
      expect(pairs(items)).toEqual(ALL);
      expect(items.map((c: Change) => [c.flipOMeter, c.scoreDelta])).toEqual([['half_flip', -1], ['half_flip', 2], ['full_flop', 3], ['no_flip', 0], ['half_flip', 0]]);
    });

    it('marks a change whose dates overlap (2025 and 2025-02-04) as of uncertain order, ordering by the start of the period', async () => {
      const { items } = await changes({ topic: WAR_CRIMES });
      expect(items).toMatchObject([{ from: { id: 't-crimes-2025' }, to: { id: 't-crimes-2025-02-04' }, orderUncertain: true }]);
      expect((await changes({ topic: DIRECT_TALKS })).items[0].orderUncertain).toBe(false);
    });
  });

  describe('filters', () => {
    it('by actor, repeatable', async () => {
      expect(pairs((await changes({ actor: TRUMP })).items)).toEqual(ALL.slice(0, 2));
      expect(pairs((await changes({ actor: [TRUMP, ZELENSKY] })).items)).toEqual(ALL);
      await t.http.get('/v1/stance-changes').query({ actor: 'nobody' }).expect(404);
    });

    it('by topic, its subtopics included, a sibling whose id merely starts alike excluded', async () => {
      expect(pairs((await changes({ topic: 'ukraine-war' })).items)).toEqual(ALL.slice(1));
      expect(pairs((await changes({ topic: NEGOTIATIONS })).items)).toEqual([ALL[1], ALL[2]]);
      expect(pairs((await changes({ topic: 'ukraine-war/security-guarantees' })).items)).toEqual(ALL.slice(3));
    });

    it('by from/to on the date of the later statement, which is still compared with an earlier one outside the range', async () => {
      expect(pairs((await changes({ from: '2025-02' })).items)).toEqual([ALL[0], ALL[1], ALL[2], ALL[4]]);
      expect(pairs((await changes({ to: '2024' })).items)).toEqual([ALL[3]]);
      expect(pairs((await changes({ from: '2024-06-01', to: '2024-06-01' })).items)).toEqual([ALL[3]]);
      expect(pairs((await changes({ from: '2022', to: '2023' })).items)).toEqual([]);
    });

    it('by kind, repeated or comma-separated', async () => {
      expect(pairs((await changes({ kind: 'reversal' })).items)).toEqual([ALL[2]]);
      expect(pairs((await changes({ kind: ['unchanged', 'reversal'] })).items)).toEqual([ALL[2], ALL[3]]);
      expect(pairs((await changes({ kind: 'shift,conditions_changed' })).items)).toEqual([ALL[0], ALL[1], ALL[4]]);
    });

    it('pages with an opaque cursor: the pages together are the whole report, also under a kind filter', async () => {
      for (const query of [{}, { kind: 'shift,unchanged' }] as Record<string, string>[]) {
        const seen: Change[] = [];
        let cursor: string | undefined;
        let pagesLeft = 10;
        do {
          const page = await changes({ ...query, limit: '2', ...(cursor ? { cursor } : {}) });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor && --pagesLeft > 0);
        expect(pairs(seen)).toEqual(pairs((await changes(query)).items));
      }
      expect((await changes({ limit: '5' })).nextCursor).toBeNull();
    });

    it('answers the extremes of the calendar and of recorded time without error', async () => {
      for (const query of [{ from: '0001', to: '9999-12-31' }, { knownAt: '0001-01-01T00:00:00Z' }, { knownAt: '9999-12-31T23:59:59.999+14:00' }]) {
        await t.http.get('/v1/stance-changes').query(query).expect(200);
      }
    });

    it('refuses an altered cursor, or one sent with other filters, with 400 naming cursor', async () => {
      const { nextCursor } = await changes({ limit: '1' });
      const [payload, signature] = nextCursor.split('.');
      const altered = JSON.parse(Buffer.from(payload, 'base64url').toString());
      altered.a = 'volodymyr-zelensky';
      for (const [cursor, extra] of [[`${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`, {}], ['garbage', {}], [nextCursor, { actor: TRUMP }]] as const) {
        const res = await t.http.get('/v1/stance-changes').query({ limit: '1', cursor, ...extra }).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
      }
    });

    it.each([
      [{ actor: 'Not\tA Slug' }, 'actor'],
      [{ topic: 'x'.repeat(201) }, 'topic'],
      [{ from: '2025-02-30' }, 'from'],
      [{ to: '2025-13' }, 'to'],
      [{ from: '2025', to: '2024' }, 'to'],
      [{ kind: 'flip' }, 'kind'],
      [{ kind: 'reversal,' }, 'kind'],
      [{ knownAt: '2025-02-05' }, 'knownAt'],
      [{ format: 'xml' }, 'format'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '501' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ format: 'csv', limit: '10' }, 'limit'],
      [{ format: 'markdown', cursor: 'x' }, 'cursor'],
      [{ topic: ['a', 'b'] }, 'topic'],
      [{ colour: 'red' }, 'colour'],
      [{ 'kind[]': 'shift' }, 'kind[]'],
      [{ limit: ['1', '2'] }, 'limit'],
      [{ format: ['csv', 'json'] }, 'format'],
    ])('refuses %j with 400 problem+json naming %s', async (query, field) => {
      const res = await t.http.get('/v1/stance-changes').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  it('is described in the OpenAPI document with every filter and the three formats', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const read = doc.paths['/v1/stance-changes'].get;
    expect(read.parameters.map((p: { name: string }) => p.name))
      .toEqual(expect.arrayContaining(['actor', 'topic', 'from', 'to', 'kind', 'knownAt', 'format', 'limit', 'cursor']));
    expect(Object.keys(read.responses['200'].content)).toEqual(expect.arrayContaining(['application/json', 'text/csv', 'text/markdown']));
  });

  describe('as CSV', () => {
    it('is one header row and one row per change, quotes with commas, quotes and line breaks intact, formulas defused, numbers numeric', async () => {
      const res = await t.http.get('/v1/stance-changes').query({ format: 'csv' }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, ...rows] = parseCsv(res.text);
      expect(rows).toHaveLength(ALL.length);
      expect(rows.every((row) => row.length === header.length)).toBe(true);
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      expect(rows.map((r) => `${cell(r, 'fromId')}>${cell(r, 'toId')}:${cell(r, 'kind')}`)).toEqual(ALL);
      const reversal = rows[2];
      expect(cell(reversal, 'toQuote')).toBe(INTERVIEW_QUOTE);
      expect(cell(reversal, 'toConditions')).toBe('if it is the only viable path to peace; if it prevents further loss of life in Ukraine');
      expect([cell(reversal, 'flipOMeter'), cell(reversal, 'scoreDelta'), cell(reversal, 'fromSourceUrl')]).toEqual(['full_flop', '3', DECREE_URL]);
      expect(cell(rows[0], 'toSummary')).toBe(`'${FORMULA_SUMMARY}`);
      expect([cell(rows[0], 'scoreDelta'), cell(rows[0], 'toStanceScore'), cell(rows[0], 'orderUncertain')]).toEqual(['-1', '-1', 'true']);
    });

    it('applies the filters, and is a lone header row when nothing matches', async () => {
      const res = await t.http.get('/v1/stance-changes').query({ format: 'csv', kind: 'reversal', actor: ZELENSKY }).expect(200);
      expect(parseCsv(res.text)).toHaveLength(2);
      const none = await t.http.get('/v1/stance-changes').query({ format: 'csv', kind: 'reversal', topic: NEGOTIATIONS, from: '2030' }).expect(200);
      expect(parseCsv(none.text)).toHaveLength(1);
    });
  });

  describe('as Markdown', () => {
    it('is a document: filters in the title, counts per kind, grouped by actor name then topic, quotes and sources as evidence', async () => {
      const res = await t.http.get('/v1/stance-changes').query({ format: 'markdown', topic: 'ukraine-war' }).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      const md = res.text;
      expect(md.split('\n')[0]).toBe("# Stance changes: all actors · Russia's war against Ukraine");
      expect(md).toContain('| Reversal | full flop | 1 |');
      expect(md).toContain('| Shift | half flip | 1 |');
      expect(md).toContain('| Conditions changed | half flip | 1 |');
      expect(md).toContain('| Unchanged | no flip | 1 |');
      expect(md).toContain('| **All** | | **4** |');
      expect(md.indexOf('## Donald Trump')).toBeGreaterThan(0);
      expect(md.indexOf('## Donald Trump')).toBeLessThan(md.indexOf('## Volodymyr Zelensky'));
      expect(md.indexOf('### Direct talks with Putin')).toBeLessThan(md.indexOf('### NATO membership'));
      expect(md).toContain("*Ukraine's president should negotiate directly with Putin.*");
      expect(md).toContain('#### 2022 → 2025-02-04: reversal (full flop)');
      expect(md).toContain('**Strongly oppose → support**: score -2 → +1, a change of +3.');
      expect(md).toContain('> If that is the only setup in which we will bring peace, we will do it.\n> I said "peace", not surrender.');
      expect(md).toContain(`[Decree on the impossibility of negotiations with Putin](<${DECREE_URL}>), President of Ukraine`);
      expect(md).toContain('- if it is the only viable path to peace');
      // Text from the records cannot turn into a link.
      expect(md).toContain('Membership after the war \\[click\\](javascript:alert(1))');
      expect(md).not.toMatch(/[^\\]\]\(javascript/);
    });

    it('says so when nothing matches', async () => {
      const res = await t.http.get('/v1/stance-changes').query({ format: 'markdown', kind: 'reversal', actor: TRUMP }).expect(200);
      expect(res.text).toContain('No stance changes match these filters.');
      expect(res.text).toContain('| **All** | | **0** |');
    });
  });

  describe('as the records stood (knownAt)', () => {
    it('a correction re-classifies the pair today, while knownAt before it answers the old classification', async () => {
      const corrected = await post('/v1/statements/z-talks-2025/corrections', { changes: { stance: 'oppose', conditions: [] }, reason: 'stance misread' });
      const before = new Date(new Date(corrected.body.recordedAt).getTime() - 1).toISOString();
      expect((await changes({ topic: DIRECT_TALKS })).items).toMatchObject([{ kind: 'shift', flipOMeter: 'half_flip', scoreDelta: 1, to: { stance: 'oppose', conditions: [] } }]);
      expect((await changes({ topic: DIRECT_TALKS, knownAt: before })).items).toMatchObject([{ kind: 'reversal', scoreDelta: 3, to: { stance: 'support' } }]);
      const md = (await t.http.get('/v1/stance-changes').query({ format: 'markdown', topic: DIRECT_TALKS, knownAt: before }).expect(200)).text;
      expect(md).toContain(`- **Records as known at:** ${before}\n`);
      expect(md).toContain('reversal (full flop)');
    });

    it('a correction of statedAt re-pairs the statement with its new neighbours', async () => {
      await post('/v1/statements/z-nato-2023/corrections', { changes: { statedAt: '2025-03' }, reason: 'misdated' });
      expect(pairs((await changes({ topic: NATO })).items)).toEqual(['z-nato-2024>z-nato-2025:conditions_changed', 'z-nato-2025>z-nato-2023:conditions_changed']);
    });

    it('a retraction removes its pairs: its neighbours become consecutive; knownAt before it still shows the old pairs', async () => {
      const retracted = await post('/v1/statements/z-nato-2025/retraction', { reason: 'misattributed' });
      const before = new Date(new Date(retracted.body.recordedAt).getTime() - 1).toISOString();
      expect(pairs((await changes({ topic: NATO })).items)).toEqual(['z-nato-2024>z-nato-2023:unchanged']);
      expect(pairs((await changes({ topic: NATO, knownAt: before })).items))
        .toEqual(['z-nato-2024>z-nato-2025:conditions_changed', 'z-nato-2025>z-nato-2023:conditions_changed']);
    });

    it('answers as of a time before anything was recorded with no changes', async () => {
      expect((await changes({ knownAt: '2000-01-01T00:00:00Z' })).items).toEqual([]);
    });
  });
});

describe('the seed article\'s stance changes', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ SEED_ON_EMPTY: 'true' }); });
  afterAll(async () => { await t.close(); });

  it('holds Zelensky\'s reversal on direct talks with Putin: the decree of 2022-10-04 against the 2025-02-04 interview, a full flop', async () => {
    const res = await t.http.get('/v1/stance-changes').query({ actor: ZELENSKY, topic: 'ukraine-war', from: '2022', to: '2025', kind: 'reversal' }).expect(200);
    expect(res.body.items).toMatchObject([{
      topicId: DIRECT_TALKS, kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: 3, orderUncertain: false,
      from: { id: 'zelensky-2022-decree-banning-talks-with-putin', statedAt: '2022-10-04', stance: 'strongly_oppose',
        sourceId: 'ukraine-decree-2022-10-04-negotiations-with-putin', reportedIn: 'article-zelensky-willing-to-negotiate-with-putin', locator: 'paragraph 17' },
      to: { id: 'zelensky-2025-02-04-direct-talks-with-putin', statedAt: '2025-02-04', stance: 'support',
        reportedIn: 'article-zelensky-willing-to-negotiate-with-putin', locator: 'paragraphs 1-3' },
    }]);
  });

  it('reports the same reversal for Zelensky alone, as the README shows it', async () => {
    const { items } = (await t.http.get('/v1/stance-changes').query({ actor: ZELENSKY }).expect(200)).body;
    expect(items.filter((c: { kind: string }) => c.kind === 'reversal').map((c: { from: { statedAt: string }; to: { statedAt: string } }) =>
      `${c.from.statedAt} -> ${c.to.statedAt}`)).toEqual(['2022-10-04 -> 2025-02-04']);
  });
});
