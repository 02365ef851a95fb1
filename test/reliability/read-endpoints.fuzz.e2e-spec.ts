import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { documentedReads, encode, KNOWN_READS, VALID, type ReadEndpoint } from './support/read-endpoints.js';

/**
 * Every read endpoint the service documents (its OpenAPI document, so endpoints added later are driven
 * too; the live event stream excepted, it never ends) gets random query strings and path segments:
 * known parameters with wrong, hostile and borderline values, unknown and repeated parameters, broken
 * percent-encodings, tampered cursors. Whatever comes, the answer is never a 5xx, and every refusal is
 * problem+json.
 */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

// Values as they appear in a URL: already percent-encoded (ASCII), some of them deliberately broken.
const hostile = [
  '', ' ', '%00', 'a%00b', '%ED%A0%80', '%ED%BF%BF', '%E0%A4%A', '%FF', '%C0%AF', '%', '%%', '%zz', '%2', '..%2F..%2Fetc%2Fpasswd', '%2F', '%5C',
  encode("' OR '1'='1"), encode("1; DROP TABLE events; --"), encode("x' UNION SELECT * FROM pg_shadow --"), encode('$1'), encode("'); SELECT pg_sleep(10); --"),
  encode('\\x00'), encode('null'), encode('undefined'), encode('[]'), encode('{}'), encode('{"$gt":""}'), encode('__proto__'),
  '-1', '0', '1', '500', '501', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '-0', '0x10', '9999999999999999999999', encode('١٢'), encode('２０２５'),
  '2025', '2025-02', '2025-02-04', '2025-02-30', '2025-13', '0000', '9999-12-31', '2025-02-04T10%3A00%3A00Z', '2025-02-04T25%3A00%3A00Z', '2025-02-04T10%3A00%3A00',
  '275760-09-13T00%3A00%3A00Z', encode('+275760-09-13T00:00:00.000Z'), '1970-01-01T00%3A00%3A00Z', '0001-01-01T00%3A00%3A00%2B14%3A00',
  'volodymyr-zelensky', 'donald-trump', 'ukraine-war', encode('ukraine-war/negotiations'), 'ukraine-war%2F', '%2Fukraine-war',
  'json', 'csv', 'markdown', 'timelinejs', 'vis', 'xml', 'reversal', encode('reversal,shift'), 'shift,', encode('😀'), encode('\u202Eevil'), encode('e\u0301'),
  'x'.repeat(5_000), encode('\u00e9'.repeat(3_000)), 'a'.repeat(201),
];
const value = fc.oneof(
  { arbitrary: fc.constantFrom(...hostile), weight: 6 },
  { arbitrary: fc.string({ maxLength: 40 }).map(encode), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(encode), weight: 1 },
  { arbitrary: fc.integer({ min: -10, max: 2_000 }).map(String), weight: 1 },
);

const validFor = (name: string) => fc.constantFrom(...(VALID[name] ?? ['1']));

describe('every read endpoint, given random query strings and path segments', () => {
  let t: TestApp;
  let endpoints: ReadEndpoint[];
  const cursors: string[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SEED_ON_EMPTY: 'true' });
    endpoints = await documentedReads(t.http);
    // Ids that exist, so that path ids reach the queries behind them too.
    for (const table of ['actors', 'topics', 'sources', 'statement_versions']) {
      const rows: { id: string }[] = await t.db.dataSource.query(`SELECT DISTINCT ${table === 'statement_versions' ? 'statement_id' : 'id'} AS id FROM ${table} LIMIT 5`);
      ids.push(...rows.map((r) => r.id.split('/').map(encode).join('/')));
    }
    // Real cursors, so tampered ones are near-misses rather than noise.
    for (const { path, query } of endpoints) {
      if (!query.includes('cursor') || path.includes('{')) continue;
      const next = (await t.http.get(`${path}?limit=1`)).body?.nextCursor;
      if (typeof next === 'string') cursors.push(next);
    }
  });
  afterAll(async () => { await t.close(); });

  it('covers the documented read endpoints', () => {
    expect(endpoints.map((e) => e.path)).toEqual(expect.arrayContaining(KNOWN_READS));
    expect(cursors.length).toBeGreaterThan(0);
  });

  it('never answers 5xx, and refuses with problem+json', async () => {
    const statuses = new Map<number, number>();
    const tampered = fc.tuple(fc.constantFrom(...cursors), fc.nat(), fc.constantFrom('flip', 'cut', 'append', 'swap', 'as-is'))
      .map(([cursor, at, how]) => {
        const i = at % cursor.length;
        const changed = how === 'flip' ? cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1)
          : how === 'cut' ? cursor.slice(0, i) : how === 'append' ? `${cursor}.x` : how === 'swap' ? cursor.split('.').reverse().join('.') : cursor;
        return encode(changed);
      });
    const odd = fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: tampered, weight: 1 });
    const request = fc.constantFrom(...endpoints).chain((endpoint) => fc.record({
      endpoint: fc.constant(endpoint),
      segments: fc.oneof(
        { arbitrary: fc.constantFrom(...ids).map((id) => [id]), weight: 2 },
        { arbitrary: fc.array(fc.oneof(value, fc.constantFrom('a', 'ukraine-war', '..', '.')), { minLength: 1, maxLength: 3 }), weight: 1 },
      ),
      // Each documented parameter: absent, plausible, or odd; then unknown or repeated ones.
      params: fc.tuple(
        fc.tuple(...endpoint.query.map((name) => fc.option(
          fc.oneof({ arbitrary: validFor(name), weight: 8 }, { arbitrary: odd, weight: 1 }).map((v) => [name, v] as const), { nil: undefined }))),
        fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(endpoint.query.length ? endpoint.query : ['limit'])),
          fc.constantFrom('__proto__', 'constructor', 'limit[]', 'actor[0]', 'a[b][c]', '%00', '', 'unknown')), odd), { minLength: 1, maxLength: 3 }), weight: 1 }),
      ).map(([known, extra]) => [...known.filter((p) => p !== undefined), ...extra] as [string, string][]),
    }));

    await fc.assert(fc.asyncProperty(request, async ({ endpoint, segments, params }) => {
      const path = endpoint.path.replace('{id}', segments.join(endpoint.path === '/v1/topics/{id}' ? '/' : ''));
      const query = params.map(([name, v]) => `${name}=${v}`);
      const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
      const res = await t.http.get(url);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
      if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }), { numRuns: NUM_RUNS });
    process.stdout.write(`read endpoints fuzz: ${NUM_RUNS} requests over ${endpoints.length} endpoints, answers by status: `
      + `${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(', ')}\n`);
  });
});
