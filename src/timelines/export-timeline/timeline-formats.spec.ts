import type { StatementReadView } from '../../statements/read-model/statement-read.view.js';
import { toTimelineJs } from './timelinejs.format.js';
import type { TimelineContents, TimelineEntry } from './timeline-entry.js';
import { toVisTimeline } from './vis-timeline.format.js';

const DIRECT_TALKS = 'ukraine-war/negotiations/direct-talks-with-putin';

function entry(overrides: Partial<StatementReadView>, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  const statement: StatementReadView = {
    id: 'z-2025', actorId: 'volodymyr-zelensky', topicId: DIRECT_TALKS, stance: 'support', stanceScore: 1, conditions: [],
    summary: 'Willing to negotiate directly with Putin.', quote: null, form: 'paraphrase', statedAt: '2025-02-04', sourceId: 'interview', reportedIn: null, locator: null,
    recordedAt: '2025-02-05T10:00:00.000Z', version: 1, corrections: 0, precision: 'day', statedStart: '2025-02-04', statedEnd: '2025-02-04',
    firstRecordedAt: '2025-02-05T10:00:00.000Z',
    source: { id: 'interview', kind: 'interview', title: 'Piers Morgan interview', publisher: 'Piers Morgan Uncensored', url: null, publishedAt: '2025-02-04' },
    reportedInSource: null,
    ...overrides,
  };
  return { statement, actorName: 'Volodymyr Zelensky', topicTitle: 'Direct talks with Putin', proposition: 'Talk to Putin.', ...extra };
}

const contents = (entries: TimelineEntry[], groupBy: 'actor' | 'topic' = 'actor'): TimelineContents =>
  ({ title: 'Zelensky on <talks>', description: '2 statements', groupBy, entries, capped: false });

const decree = entry({ id: 'z-2022', stance: 'strongly_oppose', stanceScore: -2, statedAt: '2022', precision: 'year', statedStart: '2022-01-01', statedEnd: '2022-12-31' });
const reversal = entry({}, { change: { kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: 3, orderUncertain: false, from: { id: 'z-2022', stance: 'strongly_oppose', statedAt: '2022' } } });

describe('the TimelineJS export', () => {
  it('given statements, when exported, then each is a slide with its id, group, dates and a title slide leads', () => {
    const doc = toTimelineJs(contents([decree, reversal]));
    expect(doc.title.text.headline).toBe('Zelensky on &lt;talks&gt;');
    expect(doc.events.map((e) => [e.unique_id, e.group, e.start_date, e.end_date])).toEqual([
      ['z-2022', 'Volodymyr Zelensky', { year: 2022 }, { year: 2022, month: 12, day: 31 }],
      ['z-2025', 'Volodymyr Zelensky', { year: 2025, month: 2, day: 4 }, undefined],
    ]);
    expect(doc.events[1].text.text).toContain('Stance change: reversal (full flop) from strongly oppose (2022)');
  });

  it('given a summary with markup, when exported, then the markup is text, not HTML', () => {
    const doc = toTimelineJs(contents([entry({ summary: '<img src=x onerror=alert(1)>' })]));
    expect(doc.events[0].text.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc.events[0].text.text).not.toContain('<img');
  });

  it('given a quote from a source with a link, when exported, then the quote is the media, crediting and linking the source', () => {
    const doc = toTimelineJs(contents([entry({ quote: 'very constructive talks', source: {
      id: 's', kind: 'interview', title: 'Press conference', publisher: 'The White House', url: 'https://example.org/pc', publishedAt: null } })]));
    expect(doc.events[0].media).toEqual({
      url: '<blockquote>very constructive talks</blockquote>', credit: '<a href="https://example.org/pc">The White House</a>',
      caption: 'Press conference', link: 'https://example.org/pc',
    });
  });

  it('given a source without a link, or with a page TimelineJS cannot embed and no quote, when exported, then there is no media', () => {
    const page = entry({ source: { id: 's', kind: 'article', title: 'Article', publisher: null, url: 'https://example.org/a', publishedAt: null } });
    expect(toTimelineJs(contents([entry({}), page])).events.map((e) => e.media)).toEqual([undefined, undefined]);
  });

  it('given a video source and no quote, when exported, then the video is the media', () => {
    const video = entry({ source: { id: 's', kind: 'interview', title: 'Interview', publisher: null, url: 'https://www.youtube.com/watch?v=abc', publishedAt: null } });
    expect(toTimelineJs(contents([video])).events[0].media?.url).toBe('https://www.youtube.com/watch?v=abc');
  });

  it('given a source link that is not a web link, when exported, then it is never a link', () => {
    const bad = entry({ quote: 'q', source: { id: 's', kind: 'other', title: 'T', publisher: null, url: 'javascript:alert(1)', publishedAt: null } });
    const doc = toTimelineJs(contents([bad]));
    expect(doc.events[0].media).toEqual({ url: '<blockquote>q</blockquote>', credit: 'T', caption: 'T' });
    expect(JSON.stringify(doc)).not.toContain('javascript:');
  });

  const article = { id: 'article', kind: 'article', title: 'Zelensky <willing> to talk', publisher: null, url: 'https://example.org/a', publishedAt: null };
  const reported = entry({ quote: 'very constructive talks', reportedIn: 'article', locator: 'paragraph 9', reportedInSource: article });

  it('given a quote known through a publication, when exported, then the credit names the original source, then "reported in" the publication and where', () => {
    expect(toTimelineJs(contents([reported])).events[0].media).toEqual({
      url: '<blockquote>very constructive talks</blockquote>',
      credit: 'Piers Morgan Uncensored, reported in <a href="https://example.org/a">Zelensky &lt;willing&gt; to talk</a>, paragraph 9',
      caption: 'Piers Morgan interview',
    });
  });

  it('given a statement known through a publication, when exported, then its source line and the vis tooltip show the same chain', () => {
    const paraphrase = entry({ reportedIn: 'article', locator: 'paragraph 9', reportedInSource: article });
    expect(toTimelineJs(contents([paraphrase])).events[0].text.text).toContain(
      '<p>Source: Piers Morgan interview, Piers Morgan Uncensored, 2025-02-04, reported in <a href="https://example.org/a">Zelensky &lt;willing&gt; to talk</a>, paragraph 9</p>');
    expect(toVisTimeline(contents([paraphrase])).items[0].title)
      .toContain('Source: Piers Morgan interview, reported in Zelensky &lt;willing&gt; to talk, paragraph 9.');
    expect(toVisTimeline(contents([entry({})])).items[0].title).toMatch(/Source: Piers Morgan interview\.$/);
  });
});

describe('the vis-timeline export', () => {
  it('given a year and a day, when exported, then the year is a range over the year and the day a point, coloured by stance', () => {
    const { items, groups } = toVisTimeline(contents([decree, reversal]));
    expect(items.map(({ id, start, end, type, className, group }) => ({ id, start, end, type, className, group }))).toEqual([
      { id: 'z-2022', start: '2022-01-01', end: '2023-01-01', type: 'range', className: 'stance-strongly_oppose precision-year', group: 'volodymyr-zelensky' },
      { id: 'z-2025', start: '2025-02-04', end: undefined, type: 'point', className: 'stance-support precision-day stance-change change-reversal', group: 'volodymyr-zelensky' },
    ]);
    expect(groups).toEqual([{ id: 'volodymyr-zelensky', content: 'Volodymyr Zelensky' }]);
    expect(items[1].content).toBe('support · Direct talks with Putin (reversal)');
  });

  it('given grouping by topic, when exported, then groups are topics and items name the actor', () => {
    const { items, groups } = toVisTimeline(contents([reversal], 'topic'));
    expect(groups).toEqual([{ id: DIRECT_TALKS, content: 'Direct talks with Putin' }]);
    expect(items[0].content).toBe('support · Volodymyr Zelensky (reversal)');
  });
});
