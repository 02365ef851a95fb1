import fc from 'fast-check';
import { expectProblem, jsonText, malformed, malformedInput, oneFieldBroken } from './support/malformed-input.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Whatever a client sends to a registry, the answer is a 4xx problem+json and the log is untouched.
 * A generated body could in principle be valid; `guard` gives every object with a well-formed id the id of
 * an entry registered beforehand, so such a body is at worst a 409 and can never write.
 */
const NUM_RUNS = 500;
const SLUG_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PATH_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

// Past the 200-character limits, and some past the 256kb body limit. Nesting around the 32-level limit, and far
// past it (class-transformer exhausted the stack on 3000 nested arrays); deeper would overflow JSON.stringify in
// this test before the service saw it.
const { deep, badValue } = malformedInput({
  huge: { min: 201, max: 5_000 },
  depth: fc.oneof(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1_000, max: 3_000 })),
  bottom: () => ({ bottom: true }),
  printable: true,
});

interface Endpoint {
  path: string;
  takenId: string;
  idPattern: RegExp;
  valid: fc.Arbitrary<Record<string, unknown>>;
  /** Values that break a field on their own, beyond the generic ones. */
  broken: Record<string, fc.Arbitrary<unknown>>;
}

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,2}$/);
const endpoints: Endpoint[] = [
  {
    path: '/v1/actors', takenId: 'fuzz-taken', idPattern: SLUG_ID,
    valid: fc.record({ id: slug, name: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''), kind: fc.constantFrom('person', 'organization', 'state'),
      aliases: fc.array(fc.constantFrom('Zelenskyy', 'Zelenskiy'), { maxLength: 2 }), roles: fc.constant([{ title: 'President', from: '2019-05-20' }]) }),
    broken: {
      kind: fc.constantFrom('alien', 'PERSON', ''), aliases: fc.constantFrom([''], [1], 'Zelenskyy', ['\u0000']),
      roles: fc.constantFrom([{ title: 'x', from: '2023-02-30' }], [{ title: 'x' }], [{ title: 'x', from: '2020', extra: 1 }], [{ title: 'x', from: '2020', to: '2019' }], {}),
    },
  },
  {
    path: '/v1/topics', takenId: 'fuzz-taken', idPattern: PATH_ID,
    valid: fc.record({ id: fc.array(slug, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')), title: fc.constant('A topic'), proposition: fc.constant('Something should happen') }),
    broken: { id: fc.constantFrom('a/', '/a', Array.from({ length: 11 }, (_, i) => `l${i}`).join('/'), `${'a/'.repeat(120)}a`) },
  },
  {
    path: '/v1/sources', takenId: 'fuzz-taken', idPattern: SLUG_ID,
    valid: fc.record({ id: slug, kind: fc.constantFrom('interview', 'decree', 'other'), title: fc.constant('A source'),
      publisher: fc.constant('An outlet'), url: fc.constant('https://example.org/a'), publishedAt: fc.constantFrom('2025-02-04', '2025-02', '2022') }),
    broken: {
      kind: fc.constantFrom('podcast', 'Interview', ''), url: fc.constantFrom('ftp://example.org', 'javascript:alert(1)', 'example.org', 'http://', 'https://exa mple.org'),
      publishedAt: fc.constantFrom('2023-02-30', '2025-13', '0000', '25-02-04', '2025-02-04T10:00:00Z', '2025/02/04'),
    },
  },
];

function malformedBodies(endpoint: Endpoint): fc.Arbitrary<unknown> {
  const fields = Object.keys(endpoint.broken).concat(['id', 'title', 'name', 'proposition']);
  return malformed(endpoint.valid, {
    dictionary: fc.dictionary(fc.constantFrom('id', 'name', 'kind', 'title', 'proposition', 'url', 'publishedAt', 'roles', 'aliases', '__proto__', 'constructor'), badValue),
    deep,
    oneFieldBroken: oneFieldBroken(endpoint.valid, { field: fc.constantFrom(...new Set(fields)), value: fc.oneof(badValue, ...Object.values(endpoint.broken)) }),
    withValid: false,
  }).map((body) => guard(body, endpoint));
}

function guard(body: unknown, endpoint: Endpoint): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { id } = body as { id?: unknown };
  return typeof id === 'string' && endpoint.idPattern.test(id) ? { ...body, id: endpoint.takenId } : body;
}

describe('registries refuse malformed bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const editor = t.http.post.bind(t.http);
    await editor('/v1/actors').set(auth('editor')).send({ id: 'fuzz-taken', name: 'Taken', kind: 'person' }).expect(201);
    await editor('/v1/topics').set(auth('editor')).send({ id: 'fuzz-taken', title: 'Taken', proposition: 'Taken is taken' }).expect(201);
    await editor('/v1/sources').set(auth('editor')).send({ id: 'fuzz-taken', kind: 'other', title: 'Taken' }).expect(201);
  });
  afterAll(async () => { await t.close(); });

  it.each(endpoints.map((e) => [e.path, e] as const))('POST %s answers 4xx problem+json and writes nothing', async (_path, endpoint) => {
    const before = await t.eventCount();
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(malformedBodies(endpoint), async (body) => {
      const res = await t.http.post(endpoint.path).set(auth('editor')).set('Content-Type', 'application/json').send(jsonText(body));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expectProblem(res);
    }), { numRuns: NUM_RUNS });
    expect(await t.eventCount()).toBe(before);
    // Not vacuous: the bodies reached validation (no 401/403 for all), and most were refused there.
    expect([...statuses.keys()].filter((s) => s === 401 || s === 403)).toEqual([]);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(NUM_RUNS / 2);
  });
});
