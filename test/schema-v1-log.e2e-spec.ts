import { parse } from 'csv-parse/sync';
import { EventLogReader } from '../src/event-store/event-log-reader.js';
import { LOG_START } from '../src/event-store/recorded-event.js';
import { SCHEMA_V1_LOG, restoreSchemaV1Log } from './fixtures/schema-v1-log/schema-v1-log.js';
import { listening } from './support/event-log-fixtures.js';
import { SseClient } from './support/sse-client.js';
import { auth, type TestApp } from './support/test-app.js';

const ARTICLE = 'article-zelensky-willing-to-negotiate-with-putin';
const PROVENANCE_KEYS = ['reportedIn', 'locator', 'reportedInSource', 'reportedInTitle', 'reportedInUrl'];

/** The answer without the provenance fields v1.1 added, after checking each is null: the old records name no publication. */
function withoutProvenance(value: unknown, path = '$'): unknown {
  if (Array.isArray(value)) return value.map((item, i) => withoutProvenance(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (PROVENANCE_KEYS.includes(key)) {
      if (member !== null) throw new Error(`${path}.${key} is ${JSON.stringify(member)}, not null`);
    } else kept[key] = withoutProvenance(member, `${path}.${key}`);
  }
  return kept;
}

/** RFC 4180 rows, as a spreadsheet reads them. */
const csvRows = (text: string): string[][] => parse(text);

/** The CSV without the provenance columns v1.1 added, after checking they are empty. */
function csvWithoutProvenance(text: string): string[][] {
  const [header, ...rows] = csvRows(text);
  const added = header.map((name, i) => (/(ReportedIn|Locator)/.test(name) ? i : -1)).filter((i) => i >= 0);
  for (const row of rows) for (const i of added) expect(row[i]).toBe('');
  return [header, ...rows].map((row) => row.filter((_, i) => !added.includes(i)));
}

/** What the markdown report says about its own time of reading differs between any two readings. */
const withoutReadingTime = (markdown: string) => markdown.replace(/\*\*Records as known at:\*\* .*/, '');

describe('a log written before event versions (schema version 1, by main at 79bda2a)', () => {
  let t: TestApp;
  let url: string;
  const get = (path: string) => t.http.get(path);
  const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body);

  beforeAll(async () => {
    ({ t, url } = await listening());
    await restoreSchemaV1Log(t.db);
    await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(200);
  });
  afterAll(() => t.close());

  it('holds only version-1 events, as they were stored', async () => {
    const rows = await t.db.dataSource.query(`SELECT DISTINCT schema_version FROM events`);
    expect(rows).toEqual([{ schema_version: 1 }]);
    expect(await t.eventCount()).toBe(SCHEMA_V1_LOG.events.length);
  });

  it('rebuilds to the answers the earlier code gave: JSON reads, with reportedIn and locator null on every record', async () => {
    const json = Object.entries(SCHEMA_V1_LOG.answers).filter(([path]) => !/format=(csv|markdown|timelinejs|vis)/.test(path));
    expect(json.length).toBeGreaterThanOrEqual(8);
    for (const [path, answer] of json) {
      const res = await get(path);
      expect({ path, status: res.status, body: withoutProvenance(res.body) }).toEqual({ path, ...answer });
    }
  });

  it('rebuilds to the same reports: CSV (the added provenance columns empty) and Markdown', async () => {
    const csv = '/v1/stance-changes?format=csv';
    expect(csvWithoutProvenance((await get(csv).expect(200)).text)).toEqual(csvRows(SCHEMA_V1_LOG.answers[csv].body as string));
    const md = '/v1/stance-changes?format=markdown';
    expect(withoutReadingTime((await get(md).expect(200)).text)).toBe(withoutReadingTime(SCHEMA_V1_LOG.answers[md].body as string));
  });

  it('rebuilds to the same timelines; the exports only add the source line of the vis tooltip and the quote card', async () => {
    type Slide = { media?: { credit: string } } & Record<string, unknown>;
    const slides = (await get('/v1/timeline?format=timelinejs').expect(200)).body.events as Slide[];
    const before = (SCHEMA_V1_LOG.answers['/v1/timeline?format=timelinejs'].body as { events: Slide[] }).events;
    expect(slides.map(({ media: _, ...slide }) => slide)).toEqual(before);
    expect(slides.filter((s) => s.media).map((s) => s.media!.credit)).toEqual(['The White House']);

    type Item = { title: string } & Record<string, unknown>;
    const vis = (await get('/v1/timeline?format=vis').expect(200)).body as { items: Item[] };
    const visBefore = SCHEMA_V1_LOG.answers['/v1/timeline?format=vis'].body as { items: Item[] };
    expect(vis.items.map((item) => ({ ...item, title: item.title.replace(/ Source: [^]*\.$/, '') }))).toEqual(visBefore.items);
  });

  it('shows old events upcast in /v1/events, with schemaVersion 2 and null provenance; the stored rows are unchanged', async () => {
    const { items } = (await get('/v1/events?limit=500').expect(200)).body as { items: { type: string; schemaVersion: number; data: object }[] };
    const statements = items.filter((e) => e.type === 'StatementRecorded' || e.type === 'ClaimStated');
    expect(statements.length).toBeGreaterThan(10);
    for (const event of statements) expect(event).toMatchObject({ schemaVersion: 2, data: { reportedIn: null, locator: null } });
    expect(items.find((e) => e.type === 'ActorRegistered')?.schemaVersion).toBe(1);
    const [stored] = await t.db.dataSource.query(`SELECT schema_version, data ? 'reportedIn' AS has FROM events WHERE type = 'StatementRecorded' LIMIT 1`);
    expect(stored).toEqual({ schema_version: 1, has: false });
  });

  it('reads the log exactly as stored for a backup: version 1, the data as written', async () => {
    const { events } = await t.app.get(EventLogReader).readStoredAfter(LOG_START, 500);
    expect(events.map((e) => ({ streamId: e.streamId, version: e.version, type: e.type, schemaVersion: e.schemaVersion, data: e.data })))
      .toEqual(SCHEMA_V1_LOG.events.map((e) => ({ streamId: e.streamId, version: e.version, type: e.type, schemaVersion: 1, data: e.data })));
  });

  it('shows old events upcast in the live stream too', async () => {
    const client = await SseClient.open(`${url}/v1/events/stream?after=0`);
    try {
      await client.waitFor((c) => c.messages.length >= SCHEMA_V1_LOG.events.length, 'the whole log');
      const claim = client.messages.map((m) => JSON.parse(m.data)).find((e) => e.type === 'ClaimStated');
      expect(claim).toMatchObject({ schemaVersion: 2, data: { reportedIn: null, locator: null } });
    } finally {
      client.drop();
    }
  });

  it('corrects old records through their upcast form: provenance added, a null that is already null is nothing to correct', async () => {
    const statement = 'zelensky-2025-02-04-nato-membership';
    await post(`/v1/statements/${statement}/corrections`, { changes: { reportedIn: null }, reason: 'r' }).expect(422);
    const corrected = await post(`/v1/statements/${statement}/corrections`, { changes: { reportedIn: ARTICLE, locator: 'paragraph 11' }, reason: 'the article reports it' }).expect(200);
    expect(corrected.body).toMatchObject({ reportedIn: ARTICLE, locator: 'paragraph 11', version: 2, corrections: 1 });
    expect((await get(`/v1/statements/${statement}`).expect(200)).body).toMatchObject({ reportedIn: ARTICLE, locator: 'paragraph 11', reportedInSource: { id: ARTICLE } });

    const claim = 'zelensky-2025-02-04-russia-military-missing';
    const unknown = await post(`/v1/claims/${claim}/corrections`, { changes: { reportedIn: 'no-such-article' }, reason: 'r' }).expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'changes.reportedIn' })]);
    expect((await post(`/v1/claims/${claim}/corrections`, { changes: { reportedIn: ARTICLE }, reason: 'r' }).expect(200)).body)
      .toMatchObject({ reportedIn: ARTICLE, locator: null, version: 3, qualifier: 'approx' });
  });

  it('refuses to carry on an old direct quote without its quote: corrected by adding the quote', async () => {
    const path = '/v1/statements/fixture-direct-quote-without-quote/corrections';
    const refused = await post(path, { changes: { summary: 'Other words' }, reason: 'r' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'changes.quote' })]);
    expect((await post(path, { changes: { quote: 'the words' }, reason: 'r' }).expect(200)).body).toMatchObject({ form: 'direct_quote', quote: 'the words' });
  });

  it('rebuilds the mixed log (version-1 and version-2 events) into what the live projections hold', async () => {
    const tables = ['statement_versions', 'claim_versions'];
    const contents = async () => Promise.all(tables.map(async (table) =>
      (await t.db.dataSource.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM "${table}" t`))[0].rows));
    const before = await contents();
    const versions = await t.db.dataSource.query(`SELECT DISTINCT schema_version FROM events ORDER BY 1`);
    expect(versions).toEqual([{ schema_version: 1 }, { schema_version: 2 }]);
    await t.http.post('/v1/admin/projections/rebuild').set(auth('admin')).expect(200);
    expect(await contents()).toEqual(before);
  });
});
