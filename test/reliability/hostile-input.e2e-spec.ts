import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { registerStatementReferences, statementBody } from '../support/statement-fixtures.js';
import { auth, startTestApp, type TestApp } from '../support/test-app.js';
import { documentedReads, encode, KNOWN_READS, queryWith, type ReadEndpoint } from './support/read-endpoints.js';
import { fieldsOf } from '../support/problem.js';

const SQL = ["' OR '1'='1", "x'; DROP TABLE events; --", "1) UNION SELECT key, fingerprint FROM event_idempotency_keys --", '$1', "'); SELECT pg_sleep(5); --", '\\"'];

function expectStatusIn(res: Response, statuses: number[], what: string): void {
  if (!statuses.includes(res.status)) throw new Error(`${what}: expected ${statuses.join(' or ')}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Hostile input by class, through HTTP on the whole app: every refusal a 4xx problem+json, and the log
 * untouched. Free text is the exception that proves the rule: SQL and unusual (valid) Unicode in a
 * summary are data, stored and read back verbatim.
 */
describe('hostile input', () => {
  let t: TestApp;
  let reads: ReadEndpoint[];
  const refused = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
    reads = await documentedReads(t.http);
  });
  afterAll(async () => {
    process.stdout.write(`hostile input refused (4xx problem+json, nothing written), by class: ${[...refused].map(([c, n]) => `${c} ${n}`).join(', ')}\n`);
    await t.close();
  });

  /** Sends a write; expects one of `statuses`, problem+json naming `field` when given, and no new event. */
  async function refusedWrite(kind: string, send: () => Promise<Response>, statuses: number[], field?: string): Promise<void> {
    const before = await t.eventCount();
    const res = await send();
    expectStatusIn(res, statuses, kind);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field) expect(fieldsOf(res.body)).toContain(field);
    expect(await t.eventCount()).toBe(before);
    refused.set(kind, (refused.get(kind) ?? 0) + 1);
  }
  const post = (path: string) => t.http.post(path).set(auth('editor'));
  const raw = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    post(path).set({ 'Content-Type': 'application/json', ...headers }).send(body);

  it('refuses bodies over the limit with 413, compressed or not', async () => {
    const big = JSON.stringify(statementBody({ summary: 'x'.repeat(300_000) }));
    await refusedWrite('body size', () => raw('/v1/statements', big), [413], 'body');
    // A 20 MB body in 20 kB of gzip: the limit counts what it inflates to. (Sent with fetch: supertest mangles a gzip body.)
    const bomb = gzipSync(Buffer.from(JSON.stringify(statementBody({ summary: ' '.repeat(20_000_000) }))));
    expect(bomb.length).toBeLessThan(100_000);
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const before = await t.eventCount();
    const res = await fetch(`http://127.0.0.1:${port}/v1/statements`, {
      method: 'POST', body: bomb, headers: { ...auth('editor'), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    });
    expect([res.status, res.headers.get('content-type'), ((await res.json()) as { errors: unknown }).errors]).toEqual([413, expect.stringMatching(/^application\/problem\+json/), [expect.objectContaining({ field: 'body' })]]);
    expect(await t.eventCount()).toBe(before);
    refused.set('body size', (refused.get('body size') ?? 0) + 1);
  });

  it('names the limit when it refuses a body as too large', async () => {
    const res = await raw('/v1/statements', JSON.stringify(statementBody({ summary: 'x'.repeat(300_000) })));
    expect([res.status, res.body.detail]).toEqual([413, expect.stringContaining('at most 262144 bytes (256 KiB)')]);
  });

  it('refuses a body not sent as JSON with 415, saying to send JSON, and writes nothing', async () => {
    const json = JSON.stringify(statementBody());
    const sends: [string, () => Promise<Response>][] = [
      ['text/plain', () => post('/v1/statements').set('Content-Type', 'text/plain').send(json)],
      ['a form', () => post('/v1/statements').type('form').send('actorId=volodymyr-zelensky')],
      ['XML', () => post('/v1/actors').set('Content-Type', 'application/xml').send('<actor id="a"/>')],
      ['no Content-Type', () => post('/v1/statements').set('Content-Type', '').send(Buffer.from(json))],
    ];
    for (const [kind, send] of sends) {
      await refusedWrite('not JSON', send, [415], 'content-type');
      const res = await send();
      expect({ kind, status: res.status, detail: res.body.detail }).toEqual({ kind, status: 415, detail: expect.stringContaining('send JSON with "Content-Type: application/json"') });
    }
    // A write that takes no body is not asked for one.
    expect((await t.http.post('/v1/admin/projections/rebuild').set(auth('admin'))).status).toBe(200);
  });

  it('refuses JSON nested deeper than any body needs, at any depth', async () => {
    // Up to the body limit: 40,000 levels of {"a": fill 240 kB.
    for (const depth of [40, 1_000, 40_000]) {
      await refusedWrite('deep nesting', () => raw('/v1/statements', '['.repeat(depth) + ']'.repeat(depth)), [400]);
      await refusedWrite('deep nesting', () => raw('/v1/actors', `{"id":"a","name":"n","kind":"person","roles":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`), [400]);
    }
  });

  it('refuses what is not a JSON object: malformed, other types and charsets, the wrong shape', async () => {
    const bodies = ['{', '{"id": }', '{"a":1}x', 'null', '[]', '5', '"text"', '', '\uFEFF{"a":1}'];
    for (const body of bodies) await refusedWrite('malformed body', () => raw('/v1/statements', body), [400]);
    await refusedWrite('malformed body', () => raw('/v1/statements', '{"summary": "unterminated'), [400], 'body');
    await refusedWrite('malformed body', () => raw('/v1/statements', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), [400]);
    await refusedWrite('malformed body', () => raw('/v1/statements', JSON.stringify(statementBody()), { 'Content-Type': 'application/json; charset=utf-16' }), [400, 415]);
  });

  it('refuses NUL characters and unpaired surrogates in every text field, naming the field', async () => {
    const fields = { summary: 'summary', quote: 'quote', conditions: 'conditions' } as const;
    for (const bad of ['a\u0000b', '\uD800', 'x\uDC00', '\uDFFF\uD800']) {
      for (const [field, name] of Object.entries(fields)) {
        const value = field === 'conditions' ? [bad] : bad;
        await refusedWrite('NUL / lone surrogate', () => raw('/v1/statements', JSON.stringify(statementBody({ [field]: value }))), [400], name);
      }
      await refusedWrite('NUL / lone surrogate', () => raw('/v1/actors', JSON.stringify({ id: 'a-b', name: bad, kind: 'person' })), [400], 'name');
      await refusedWrite('NUL / lone surrogate', () => raw('/v1/statements', JSON.stringify(statementBody({ id: `x${bad}` }))), [400], 'id');
    }
  });

  it('keeps unusual but valid Unicode exactly as sent', async () => {
    const summary = '\uFEFFZelensky 🇺🇦👩🏽‍⚖️ said \u202Ethis\u202C, e\u0301, 中文, \u{1F600}, ⁦RTL⁩';
    const res = await post('/v1/statements').send(statementBody({ id: 'unicode-kept', summary })).expect(201);
    expect(res.body.summary).toBe(summary);
    expect((await t.http.get('/v1/statements/unicode-kept').expect(200)).body.summary).toBe(summary);
  });

  it('refuses huge strings and lists field by field, and oversized headers', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/v1/statements', statementBody({ summary: 'x'.repeat(100_000) }), 'summary'],
      ['/v1/statements', statementBody({ quote: 'x'.repeat(100_000) }), 'quote'],
      ['/v1/statements', statementBody({ id: 'a'.repeat(201) }), 'id'],
      ['/v1/statements', statementBody({ conditions: Array(5_000).fill('if') }), 'conditions'],
      ['/v1/actors', { id: 'huge-aliases', name: 'n', kind: 'person', aliases: Array(10_000).fill('alias') }, 'aliases'],
      ['/v1/topics', { id: 'ukraine-war/x', title: 'x'.repeat(100_000), proposition: 'p' }, 'title'],
    ];
    for (const [path, body, field] of cases) await refusedWrite('huge string / list', () => raw(path, JSON.stringify(body)), [400], field);
    await refusedWrite('huge string / list', () => post('/v1/statements').set('Idempotency-Key', 'k'.repeat(201)).send(statementBody()), [400], 'Idempotency-Key');
    await refusedWrite('huge string / list', () => post('/v1/statements/x/corrections').set('If-Match', '"9'.repeat(50)).send({ changes: { summary: 's' }, reason: 'r' }), [400], 'If-Match');
  });

  it('refuses prototype-polluting keys and leaves Object.prototype alone', async () => {
    const bodies = ['{"__proto__":{"polluted":true},"actorId":"volodymyr-zelensky"}', '{"constructor":{"prototype":{"polluted":true}}}'];
    for (const body of bodies) await refusedWrite('prototype pollution', () => raw('/v1/statements', body), [400]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('takes SQL in ids and references as malformed ids, and SQL in free text as text', async () => {
    for (const sql of SQL) {
      await refusedWrite('SQL injection', () => raw('/v1/statements', JSON.stringify(statementBody({ id: `a${sql}` }))), [400], 'id');
      for (const field of ['actorId', 'topicId', 'sourceId']) {
        await refusedWrite('SQL injection', () => raw('/v1/statements', JSON.stringify(statementBody({ [field]: sql }))), [400, 422], field);
      }
      await refusedWrite('SQL injection', () => post(`/v1/statements/${encode(sql)}/retraction`).send({ reason: 'duplicate' }), [400, 404]);
    }
    const summary = SQL.join(' ');
    await post('/v1/statements').send(statementBody({ id: 'sql-as-text', summary, quote: SQL[1], conditions: SQL.slice(0, 3) })).expect(201);
    const read = (await t.http.get('/v1/statements/sql-as-text').expect(200)).body;
    expect([read.summary, read.quote, read.conditions]).toEqual([summary, SQL[1], SQL.slice(0, 3)]);
  });

  it('refuses out-of-range limits, impossible dates and instants, and tampered cursors on every read, naming the parameter', async () => {
    const bad: Record<string, string[]> = {
      limit: ['0', '-1', '501', '1.5', 'ten', '', '%20', '5&limit=6', '99999999999'],
      from: ['2025-13', '2025-02-30', '25-02-04', 'yesterday', '2025-02-04T00%3A00%3A00Z'],
      to: ['2025-00', '2023-02-29', '2025-1-1'],
      on: ['2025-13-01', '2025%2F02%2F04', 'today'],
      knownAt: ['2025-02-05', '2025-02-05T10%3A00%3A00', 'now', '2025-02-30T00%3A00%3A00Z', '2025-02-05T24%3A00%3A00Z'],
      after: ['-1', 'x', '1.5'],
    };
    let requests = 0;
    const accepted: string[] = [];
    const tried = new Set<string>();
    const realCursors: string[] = [];
    for (const endpoint of reads.filter((e) => !e.path.includes('{id}'))) {
      const cursor = endpoint.query.includes('cursor') ? (await t.http.get(queryWith(endpoint, { limit: '1' }))).body?.nextCursor : undefined;
      if (typeof cursor === 'string') realCursors.push(endpoint.path);
      // Cursors changed so that they are no longer what the service gave out (some cursors are signed, some are not).
      const tampered = typeof cursor === 'string'
        ? [cursor.slice(0, -2), cursor.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), cursor.split('.').reverse().join('.'), 'eyJxIjoiYSJ9.AAAAAAAAAAAAAAAAAAAAAA', 'not-a-cursor']
          .filter((c) => c !== cursor)
        : ['not-a-cursor'];
      const cases = Object.entries({ ...bad, cursor: tampered }).filter(([name]) => endpoint.query.includes(name));
      for (const [name, values] of cases) {
        tried.add(name);
        for (const v of values) {
          const url = queryWith(endpoint, { [name]: name === 'cursor' ? encode(v) : v });
          const res = await t.http.get(url);
          requests++;
          if (res.status !== 400 || !res.body.errors?.some((e: { field: string }) => e.field === name)) accepted.push(`GET ${url} -> ${res.status}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    // Every kind of bad value reached at least one documented read, and some cursors were real ones, tampered.
    expect([...tried].sort()).toEqual([...Object.keys(bad), 'cursor'].sort());
    expect(realCursors).not.toEqual([]);
    refused.set('query parameters out of range, malformed or tampered', requests);
  });

  it('answers SQL in every read parameter and path id with a 4xx or an empty answer, never a 5xx, and nothing changes', async () => {
    const [{ n: tablesBefore }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    const events = await t.eventCount();
    let requests = 0;
    const tried = new Set<string>();
    for (const endpoint of reads) {
      for (const sql of SQL) {
        const urls = endpoint.query.map((name) => ({ name, url: queryWith(endpoint, { [name]: encode(sql) }).replace('{id}', 'volodymyr-zelensky') }));
        if (endpoint.path.includes('{id}')) urls.push({ name: 'id', url: queryWith(endpoint, {}).replace('{id}', encode(sql)) });
        for (const { name, url } of urls) {
          const res = await t.http.get(url);
          requests++;
          tried.add(endpoint.path);
          expectStatusIn(res, [200, 400, 404], `GET ${url}`);
          if (res.status !== 200 || res.type !== 'application/json' || !Array.isArray(res.body.items)) continue;
          // `q` searches words: the statement recorded above with this very SQL as its text is a true match, shown as text.
          if (name === 'q') for (const item of res.body.items) expect({ url, item: matchEvidence(item) }).toEqual({ url, item: 'matched' });
          else expect({ url, items: res.body.items }).toEqual({ url, items: [] });
        }
      }
    }
    // documentedReads refuses a document without the known reads; each of them got SQL somewhere.
    expect([...tried]).toEqual(expect.arrayContaining(KNOWN_READS));
    expect(await t.eventCount()).toBe(events);
    const [{ n: tablesAfter }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tablesAfter).toBe(tablesBefore);
    refused.set('SQL in read parameters (requests, none 5xx)', requests);
  });
});

/** A search hit says why it was found: a highlight with marked words (statements), a likeness (registries), a claim's words. */
function matchEvidence(item: { highlight?: string; match?: number; claims?: unknown[] }): string {
  if (typeof item.highlight === 'string' && item.highlight.includes('<mark>') && !/<(?!\/?mark>)/.test(item.highlight)) return 'matched';
  if (typeof item.match === 'number' && item.match > 0) return 'matched';
  if (Array.isArray(item.claims) && item.claims.length > 0) return 'matched';
  return JSON.stringify(item);
}
