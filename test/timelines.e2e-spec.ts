import { DECREE_2022, DIRECT_TALKS, SEED_STATEMENTS, TALKS_2025, TRUMP, ZELENSKY } from './support/references.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';
import { fieldsOf } from './support/problem.js';


// TimelineJS 3's JSON format (https://timeline.knightlab.com/docs/json-format.html): the keys it defines.
const TIMELINEJS_SLIDE_KEYS = ['start_date', 'end_date', 'text', 'media', 'group', 'display_date', 'background', 'autolink', 'unique_id'];
const TIMELINEJS_DATE_KEYS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'display_date'];
const TIMELINEJS_MEDIA_KEYS = ['url', 'caption', 'credit', 'thumbnail', 'alt', 'title', 'link', 'link_target'];
// vis-timeline's items and groups (https://visjs.github.io/vis-timeline/docs/timeline/#items, #groups).
const VIS_ITEM_TYPES = ['box', 'point', 'range', 'background'];

type TlDate = { year: number; month?: number; day?: number };
type Slide = { start_date: TlDate; end_date?: TlDate; text: { headline: string; text: string }; group: string; unique_id: string; display_date?: string;
  media?: { url: string; credit: string; caption: string; link?: string } };
type VisItem = { id: string; start: string; end?: string; type: string; content: string; group: string; title: string; className: string };

/** A TimelineJS date as TimelineJS reads it: year required, month 1-12, day valid for the month, only after month. */
function checkTimelineJsDate(date: TlDate): number {
  expect(Object.keys(date).every((k) => TIMELINEJS_DATE_KEYS.includes(k))).toBe(true);
  expect(Number.isInteger(date.year)).toBe(true);
  if (date.month !== undefined) expect(date.month >= 1 && date.month <= 12).toBe(true);
  if (date.day !== undefined) {
    expect(date.month).toBeDefined();
    expect(new Date(Date.UTC(date.year, date.month! - 1, date.day)).getUTCDate()).toBe(date.day);
  }
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

function checkSlide(slide: Slide): void {
  expect(Object.keys(slide).every((k) => TIMELINEJS_SLIDE_KEYS.includes(k))).toBe(true);
  const start = checkTimelineJsDate(slide.start_date);
  if (slide.end_date) expect(checkTimelineJsDate(slide.end_date)).toBeGreaterThanOrEqual(start);
  expect(typeof slide.text.headline).toBe('string');
  expect(typeof slide.text.text).toBe('string');
  expect(typeof slide.group).toBe('string');
  expect(typeof slide.unique_id).toBe('string');
  if (slide.media) {
    expect(Object.keys(slide.media).every((k) => TIMELINEJS_MEDIA_KEYS.includes(k))).toBe(true);
    expect(typeof slide.media.url).toBe('string');
  }
}

function checkVisItem(item: VisItem, groupIds: Set<string>): void {
  expect(typeof item.id).toBe('string');
  expect(typeof item.content).toBe('string');
  expect(VIS_ITEM_TYPES).toContain(item.type);
  expect(Number.isNaN(Date.parse(item.start))).toBe(false);
  if (item.type === 'range') expect(Date.parse(item.end!)).toBeGreaterThan(Date.parse(item.start));
  else expect(item.end).toBeUndefined();
  expect(groupIds.has(item.group)).toBe(true);
  expect(typeof item.title).toBe('string');
  expect(item.className).toMatch(/^stance-(strongly_oppose|oppose|neutral|support|strongly_support)( [a-z_-]+)*$/);
}

describe('GET /v1/timeline: exports for timeline libraries', () => {
  let t: TestApp;
  let beforeRetraction: string;
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body).expect((res) => {
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const timeline = async (query: Record<string, string | string[]>) => (await t.http.get('/v1/timeline').query(query).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ SEED_ON_EMPTY: 'true' });
    await post('/v1/sources', { id: 'white-house-remarks', kind: 'press_conference', title: 'Remarks by President Trump', publisher: 'The White House',
      url: 'https://www.whitehouse.gov/remarks/2025/02/remarks' });
    await post('/v1/sources', { id: 'trump-video', kind: 'interview', title: 'Interview video', url: 'https://www.youtube.com/watch?v=abc123' });
    await post('/v1/statements', { id: 'trump-2025-02-remarks', actorId: TRUMP, topicId: 'ukraine-war/ending-the-war', stance: 'strongly_support',
      summary: 'Trump said the war must end <soon>.', quote: 'This war has to end', form: 'direct_quote', statedAt: '2025-02', sourceId: 'white-house-remarks' });
    await post('/v1/statements', { id: 'trump-2025-03-video', actorId: TRUMP, topicId: 'ukraine-war/ending-the-war', stance: 'support',
      summary: 'Trump repeated it in an interview.', form: 'paraphrase', statedAt: '2025-03-01', sourceId: 'trump-video' });
    await post('/v1/statements', { id: 'trump-to-retract', actorId: TRUMP, topicId: 'ukraine-war/ending-the-war', stance: 'oppose',
      summary: 'Misattributed.', form: 'reported', statedAt: '2024', sourceId: 'trump-video' });
    beforeRetraction = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await post('/v1/statements/trump-to-retract/retraction', { reason: 'misattributed' });
  });
  afterAll(() => t.close());

  describe('format=timelinejs', () => {
    it('gives TimelineJS 3 JSON: a title slide, and one slide per statement with only the fields TimelineJS defines', async () => {
      const doc = await timeline({ format: 'timelinejs' });
      expect(Object.keys(doc).sort()).toEqual(['events', 'title']);
      expect(doc.title.text.headline).toBe('Every actor on every topic');
      expect(doc.events).toHaveLength(SEED_STATEMENTS + 2);
      doc.events.forEach(checkSlide);
      expect(new Set(doc.events.map((s: Slide) => s.unique_id)).size).toBe(doc.events.length);
      expect(await timeline({})).toEqual(doc);
    });

    it('spans partial dates: a year statement covers its year, a month statement its month; a day (the decree of 2022-10-04) has no end', async () => {
      const { events } = await timeline({ format: 'timelinejs', actor: [ZELENSKY, TRUMP], knownAt: beforeRetraction });
      const byId = new Map<string, Slide>(events.map((s: Slide) => [s.unique_id, s]));
      expect(byId.get('trump-to-retract')).toMatchObject({ start_date: { year: 2024 }, end_date: { year: 2024, month: 12, day: 31 }, display_date: '2024' });
      expect(byId.get(DECREE_2022)!.start_date).toEqual({ year: 2022, month: 10, day: 4 });
      expect(byId.get(DECREE_2022)!.end_date).toBeUndefined();
      expect(byId.get('trump-2025-02-remarks')).toMatchObject({ start_date: { year: 2025, month: 2 }, end_date: { year: 2025, month: 2, day: 28 }, display_date: 'February 2025' });
      expect(byId.get(TALKS_2025)!.start_date).toEqual({ year: 2025, month: 2, day: 4 });
      expect(byId.get(TALKS_2025)!.end_date).toBeUndefined();
    });

    it('groups by actor, names the stance towards the proposition, the conditions and the stance change, and escapes text', async () => {
      const { events } = await timeline({ format: 'timelinejs', topic: DIRECT_TALKS, groupBy: 'actor' });
      expect(events.map((s: Slide) => [s.unique_id, s.group])).toEqual([[DECREE_2022, 'Volodymyr Zelensky'], [TALKS_2025, 'Volodymyr Zelensky'],
        ['zelensky-2025-02-04-talks-preserving-sovereignty', 'Volodymyr Zelensky']]);
      const talks = events[1] as Slide;
      expect(talks.text.headline).toBe('Volodymyr Zelensky: support (Direct talks with Putin)');
      expect(talks.text.text).toContain('towards “Ukraine&#39;s president should negotiate directly with Putin.”');
      expect(talks.text.text).toContain('<li>if it is the only viable path to securing peace and preventing further loss of life in Ukraine</li>');
      expect(talks.text.text).toContain('Stance change: reversal (full flop) from strongly oppose (2022-10-04)');
      expect(talks.text.text).toContain('<p>Source: Piers Morgan interview with Volodymyr Zelensky, 2025-02-04, reported in '
        + 'News article (untitled, undated) on Zelensky&#39;s interview with Piers Morgan and Trump&#39;s press conference with Netanyahu, paragraphs 1-3</p>');
      const remarks = (await timeline({ actor: TRUMP })).events.find((s: Slide) => s.unique_id === 'trump-2025-02-remarks');
      expect(remarks.text.text).toContain('Trump said the war must end &lt;soon&gt;.');
    });

    it('gives the source as media where it has a link: a quote as a quotation card crediting it, a video as itself', async () => {
      const { events } = await timeline({ actor: TRUMP });
      const byId = new Map<string, Slide>(events.map((s: Slide) => [s.unique_id, s]));
      expect(byId.get('trump-2025-02-remarks')!.media).toEqual({
        url: '<blockquote>This war has to end</blockquote>', credit: '<a href="https://www.whitehouse.gov/remarks/2025/02/remarks">The White House</a>',
        caption: 'Remarks by President Trump', link: 'https://www.whitehouse.gov/remarks/2025/02/remarks',
      });
      expect(byId.get('trump-2025-03-video')!.media!.url).toBe('https://www.youtube.com/watch?v=abc123');
      expect(byId.get('trump-2025-02-04-ending-the-war')!.media).toBeUndefined();
      // One actor: the rows are topics.
      expect(byId.get('trump-2025-03-video')!.group).toBe('Ending the war');
    });
  });

  describe('format=vis', () => {
    it('gives vis-timeline items and groups with the fields vis-timeline documents, each item in a group', async () => {
      const { items, groups } = await timeline({ format: 'vis' });
      expect(groups).toEqual([{ id: TRUMP, content: 'Donald Trump' }, { id: ZELENSKY, content: 'Volodymyr Zelensky' }]);
      expect(items).toHaveLength(SEED_STATEMENTS + 2);
      items.forEach((item: VisItem) => checkVisItem(item, new Set(groups.map((g: { id: string }) => g.id))));
    });

    it('makes a day a point and a partial date a range over its period, coloured by stance, the change marked', async () => {
      const { items } = await timeline({ format: 'vis', actor: [ZELENSKY, TRUMP] });
      const byId = new Map<string, VisItem>(items.map((i: VisItem) => [i.id, i]));
      const known = (await timeline({ format: 'vis', actor: TRUMP, knownAt: beforeRetraction })).items;
      expect(known.find((i: VisItem) => i.id === 'trump-to-retract'))
        .toMatchObject({ type: 'range', start: '2024-01-01', end: '2025-01-01', className: 'stance-oppose precision-year' });
      expect(byId.get(DECREE_2022)).toMatchObject({ type: 'point', start: '2022-10-04', className: 'stance-strongly_oppose precision-day' });
      expect(byId.get('trump-2025-02-remarks')).toMatchObject({ type: 'range', start: '2025-02-01', end: '2025-03-01', className: 'stance-strongly_support precision-month' });
      expect(byId.get(TALKS_2025)).toMatchObject({
        type: 'point', start: '2025-02-04', className: 'stance-support precision-day stance-change change-reversal',
        change: { kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: 3, from: { id: DECREE_2022, stance: 'strongly_oppose', statedAt: '2022-10-04' } },
      });
      expect(byId.get(TALKS_2025)!.end).toBeUndefined();
    });

    it('groups one actor by topic, each item naming the actor', async () => {
      const { items, groups } = await timeline({ format: 'vis', actor: ZELENSKY, topic: 'ukraine-war/negotiations' });
      expect(groups.map((g: { id: string }) => g.id).sort()).toEqual([DIRECT_TALKS, 'ukraine-war/negotiations/leadership-control-of-diplomacy']);
      expect(items.map((i: VisItem) => i.content)).toEqual(expect.arrayContaining(['support · Volodymyr Zelensky (reversal)']));
      expect(items.every((i: VisItem) => / · Volodymyr Zelensky( \([\w ]+\))?$/.test(i.content))).toBe(true);
    });
  });

  describe('filters', () => {
    const ids = async (query: Record<string, string | string[]>) => (await timeline({ format: 'vis', ...query })).items.map((i: VisItem) => i.id);

    it('takes the statements whose date may fall in [from, to]: the 2022 decree is in 2022-10, not in 2023', async () => {
      expect(await ids({ actor: ZELENSKY, from: '2022-10', to: '2022-10' })).toEqual([DECREE_2022]);
      expect(await ids({ actor: ZELENSKY, from: '2023', to: '2024' })).toEqual([]);
      expect(await ids({ topic: DIRECT_TALKS, from: '2025' })).toEqual([TALKS_2025, 'zelensky-2025-02-04-talks-preserving-sovereignty']);
    });

    it('leaves out a retracted statement, and shows it as known before its retraction', async () => {
      expect(await ids({ actor: TRUMP })).not.toContain('trump-to-retract');
      expect(await ids({ actor: TRUMP, knownAt: beforeRetraction })).toContain('trump-to-retract');
    });

    it('answers an empty timeline for an actor without statements', async () => {
      expect(await timeline({ format: 'timelinejs', actor: 'piers-morgan' }))
        .toEqual({ title: { text: { headline: 'Piers Morgan on every topic', text: '<p>0 statements, as recorded now.</p>' } }, events: [] });
    });

    it.each([
      [{ format: 'xml' }, 'format'], [{ actor: 'Not\u0001A Slug' }, 'actor'], [{ topic: 'x'.repeat(201) }, 'topic'], [{ from: '2025-13' }, 'from'],
      [{ to: '2025-02-30' }, 'to'], [{ from: '2025', to: '2024' }, 'to'], [{ knownAt: 'yesterday' }, 'knownAt'], [{ groupBy: 'source' }, 'groupBy'],
      [{ color: 'red' }, 'color'],
    ])('refuses %j naming %s', async (query, field) => {
      const res = await t.http.get('/v1/timeline').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });
});

describe('the OpenAPI description', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(() => t.close());

  it('describes the timeline exports, the actor list and the event log', async () => {
    const { paths } = (await t.http.get('/docs-json').expect(200)).body;
    expect(paths['/v1/timeline'].get.parameters.map((p: { name: string }) => p.name).sort())
      .toEqual(['Stanceline-Token', 'actor', 'afterToken', 'format', 'from', 'groupBy', 'knownAt', 'q', 'to', 'topic']);
    expect(Object.keys(paths['/v1/events/stream'].get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(paths['/v1/events'].get).toBeDefined();
    expect(paths['/v1/actors'].get).toBeDefined();
  });
});

describe('GET /v1/actors: the actors to choose from', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ SEED_ON_EMPTY: 'true' }); });
  afterAll(() => t.close());

  it('lists every actor by id, page by page', async () => {
    const first = (await t.http.get('/v1/actors').query({ limit: 3 }).expect(200)).body;
    expect(first.items.map((a: { id: string }) => a.id)).toEqual(['benjamin-netanyahu', 'donald-trump', 'piers-morgan']);
    expect(first.items[1]).toMatchObject({ id: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: [], roles: expect.any(Array) });
    const second = (await t.http.get('/v1/actors').query({ limit: 3, cursor: first.nextCursor }).expect(200)).body;
    expect(second.items.map((a: { id: string }) => a.id)).toEqual(['vladimir-putin', 'volodymyr-zelensky']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([[{ cursor: 'made-up' }, 'cursor'], [{ limit: '0' }, 'limit'], [{ limit: '501' }, 'limit'], [{ under: 'x' }, 'under']])(
    'refuses %j naming %s', async (query, field) => {
      const res = await t.http.get('/v1/actors').query(query).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
});
