import fc from 'fast-check';
import { claimBody, registerClaimReferences, TRUMP, UKRAINE_KILLED } from './support/claim-fixtures.js';
import {
  brokenFields, expectClientError, expectProblem, ifMatch, jsonText, malformed, malformedInput, oneFieldBroken, withTakenId,
} from './support/malformed-input.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Whatever a client sends to the claim endpoints, the answer is a 4xx problem+json (or, for a valid read,
 * 200) and the log is untouched. Generated bodies that happen to be valid still cannot write: a new
 * claim gets the id of one stated beforehand (409 at worst), a correction only restates current values
 * (422 nothing-to-correct at worst), and a retraction targets a claim already retracted (409) or none (404).
 */
const NUM_RUNS = 500;
const QUERY_RUNS = 300;
const TAKEN = 'fuzz-taken';
const RETRACTED = 'fuzz-retracted';
const CURRENT = claimBody();
/** encodeURIComponent refuses lone surrogates; those go out as the bytes of U+FFFD instead. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

// Past the field limits (50 to 5000 characters), and now and then past the 256kb body limit.
const { nastyString, deep, badValue } = malformedInput({
  nasty: ['\u0000', '\uD800', '\uDFFF', 'a\u0000b', '\uFEFF', '\u202E', '%00', '../..', "'; DROP TABLE claim_versions; --", '%', '_'],
  huge: { min: 51, max: 6_000, bodyMax: 350_000, weights: [9, 1] },
  depth: 3_000,
});

/** Figures that are not `{exact}` xor an ordered `{low, high}` within ±1e15. */
const brokenFigure = fc.oneof(
  fc.constantFrom<unknown>({ exact: 1, low: 1 }, { exact: 1, high: 2 }, { exact: 1, low: 0, high: 2 }, { low: 1 }, { high: 1 }, {}, [], [{ exact: 1 }],
    { exact: '45100' }, { exact: null }, { low: null, high: 1 }, { exact: 1e16 }, { exact: -1e16 }, { low: -1e16, high: 0 }, { low: 0, high: 1e16 },
    { exact: 1, unit: 'x' }, { value: 1 }, 45100, '45100', '600000..700000', true),
  fc.tuple(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.double({ min: -1e15, max: 1e15, noNaN: true }))
    .filter(([a, b]) => a > b).map(([low, high]) => ({ low, high })),
  fc.double({ noNaN: true }).filter((x) => Math.abs(x) > 1e15).map((exact) => ({ exact })),
  fc.record({ exact: badValue.filter((v) => typeof v !== 'number') }),
  fc.record({ low: badValue.filter((v) => typeof v !== 'number'), high: fc.integer() }),
);

/** Values that break one field on their own; the references name nothing registered (422). */
const broken: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom('Not An Id', 'a_b', 'a'.repeat(201), '{uuid}', 42),
  actorId: fc.constantFrom('unknown-actor', 'Volodymyr Zelensky', 'a/b', ''),
  measure: fc.constantFrom('casualties/', '/casualties', 'Casualties', 'casualties//killed', 'casualties/ukraine/%', '', 'a'.repeat(201)),
  value: brokenFigure,
  qualifier: fc.constantFrom('roughly', 'EXACT', 'at least', '', 0),
  unit: fc.constantFrom('', '   ', 'u'.repeat(51), '\uD800', 7),
  refersTo: fc.constantFrom('2023-02-30', '2024-13', '0000', 'soon', 2025, ''),
  statedAt: fc.constantFrom('2023-02-30', '2024-13', '0000', '25-02-04', '2025-02-04T10:00:00Z', '2025/02/04', 20250204, null),
  sourceId: fc.constantFrom('unknown-source', 'a/b', 'x_y'),
  quote: fc.constantFrom('', ' ', 'a'.repeat(5001), '\uDFFF', 7),
  reason: fc.constantFrom('', '  ', 'a'.repeat(1001), '\u0000', null, 3),
};
const { anyBroken, fieldName } = brokenFields(
  badValue, broken, ['__proto__', 'constructor', 'changes', 'low', 'high', 'exact', 'recordedAt', 'version'],
);
/** A field and a value that is wrong for that field in particular. */
const brokenField = fc.constantFrom(...Object.keys(broken)).chain((field) => broken[field].map((value) => [field, value] as const));

function malformedBody(valid: fc.Arbitrary<Record<string, unknown>>, required: string[]): fc.Arbitrary<unknown> {
  return malformed(valid, {
    dictionary: fc.dictionary(fieldName, anyBroken),
    deep,
    oneFieldBroken: oneFieldBroken(valid, {
      field: fc.constantFrom(...Object.keys(broken)), value: anyBroken, remove: fc.constantFrom(...required), unknown: fieldName,
    }),
  });
}

/** Text that is not JSON, or JSON that JavaScript cannot hold (1e400 parses to Infinity). */
const rawText = fc.oneof(
  fc.string(),
  fc.constantFrom('{', '{"value":', 'null', '"x"', '[]', '{"actorId":"volodymyr-zelensky",}', '\u0000'),
  fc.constantFrom('{"exact":1e400}', '{"low":-1e400,"high":0}', '{"exact":1e-400}').map((value) =>
    JSON.stringify({ ...claimBody({ id: TAKEN }), value: 0 }).replace('"value":0', `"value":${value}`)),
).map((text) => ({ raw: text }));

const validState = fc.record({
  id: fc.constantFrom(undefined, TAKEN), qualifier: fc.constantFrom('exact', 'approx'),
  value: fc.constantFrom({ exact: 45100 }, { low: 600000, high: 700000 }), statedAt: fc.constantFrom('2025-02-04', '2025-02', '2022'),
}).map((overrides) => claimBody(overrides));
/** A body that could pass validation is pointed at the taken id, so it cannot write. */
const stateBodies = fc.oneof(malformedBody(validState, ['actorId', 'measure', 'value', 'qualifier', 'unit', 'statedAt', 'sourceId']), rawText)
  .map((body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body) || 'raw' in body) return body;
    return withTakenId(body, TAKEN);
  });

// Changes restating current values: valid in form, but they change nothing.
const restating = fc.subarray(['actorId', 'measure', 'value', 'qualifier', 'unit', 'statedAt', 'sourceId', 'quote'], { minLength: 1 })
  .map((keys) => Object.fromEntries(keys.map((key) => [key, CURRENT[key]])));
const validCorrection = fc.record({ changes: restating, reason: fc.constantFrom('typo', 'checked the tape') });
const correctionBodies = fc.oneof(
  malformedBody(validCorrection, ['changes', 'reason']),
  fc.tuple(restating, brokenField).map(([changes, [field, value]]) => ({ changes: { ...changes, [field]: value }, reason: 'r' })),
  fc.tuple(restating, fieldName, anyBroken).map(([changes, field, value]) => ({ changes: { ...changes, [`x-${field}`]: value }, reason: 'r' })),
  brokenFigure.map((value) => ({ changes: { value }, reason: 'r' })),
  rawText,
);
const retractionBodies = fc.oneof(malformedBody(fc.record({ reason: fc.constantFrom('misattributed', 'duplicate') }), ['reason']), rawText);

/** The claim a path names: the fuzz target, ids no claim has, and ids no claim can have. */
const pathId = (target: string) => fc.oneof(
  { arbitrary: fc.constant(target), weight: 4 },
  { arbitrary: fc.oneof(fc.constant(RETRACTED), fc.constant('never-stated'), fc.uuid(), fc.string({ maxLength: 300 }), nastyString), weight: 1 },
).map((id) => encode(id));

describe('claim endpoints refuse malformed input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await registerClaimReferences(t);
    const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body);
    await post('/v1/claims', claimBody({ id: TAKEN })).expect(201);
    await post('/v1/claims', claimBody({ id: RETRACTED, actorId: TRUMP, value: { exact: 700000 }, qualifier: 'approx' })).expect(201);
    await post(`/v1/claims/${RETRACTED}/retraction`, { reason: 'duplicate' }).expect(200);
  });
  afterAll(async () => { await t.close(); });

  const endpoints = [
    { name: 'POST /v1/claims', path: fc.constant('/v1/claims'), bodies: stateBodies },
    { name: 'POST /v1/claims/{id}/corrections', path: pathId(TAKEN).map((id) => `/v1/claims/${id}/corrections`), bodies: correctionBodies },
    { name: 'POST /v1/claims/{id}/retraction', path: pathId(RETRACTED).map((id) => `/v1/claims/${id}/retraction`), bodies: retractionBodies },
  ];

  it.each(endpoints.map((e) => [e.name, e] as const))('%s answers 4xx problem+json and writes nothing', async (_name, endpoint) => {
    const before = await t.eventCount();
    await fc.assert(fc.asyncProperty(endpoint.path, endpoint.bodies, ifMatch, async (path, body, version) => {
      let req = t.http.post(path).set(auth('editor')).set('Content-Type', 'application/json');
      if (version !== undefined) req = req.set('If-Match', version);
      // Serialised here, so strings, numbers and null go out as JSON rather than as form data.
      const isRaw = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 && 'raw' in body;
      const res = await req.send(isRaw ? (body as { raw: string }).raw : jsonText(body));
      expectProblem(res);
    }), { numRuns: NUM_RUNS });
    expect(await t.eventCount()).toBe(before);
  });

  const paramName = fc.oneof(
    { arbitrary: fc.constantFrom('measure', 'actor', 'knownAt', 'limit', 'cursor'), weight: 6 },
    { arbitrary: fc.constantFrom('actor[]', 'actor[0]', 'measure[a]', 'topic', '__proto__', 'constructor', 'knownAt[]', ''), weight: 1 },
    { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
  );
  const paramValue = fc.oneof(
    fc.constantFrom('casualties', UKRAINE_KILLED, 'casualties/ukraine', 'volodymyr-zelensky', TRUMP, '2025-02-05T10:00:00Z',
      '2025-02-05T11:00:00.123456+01:00', '2999-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1', '50', '500', '501', '0', '-1', '1e3',
      'eyJhZnRlciI6ImNhc3VhbHRpZXMifQ', 'casualties/', 'Casualties', '2025-02-30T00:00:00Z', '2025-02-05', 'now', ''),
    fc.string({ maxLength: 40 }), nastyString, fc.integer().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    // Long, but short enough that the whole request line stays within Node's 16 KB header limit.
    fc.integer({ min: 201, max: 2_000 }).map((n) => 'x'.repeat(n)),
  );
  const queryString = fc.oneof(
    fc.array(fc.tuple(paramName, paramValue), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
    // Raw fragments the query parser itself must survive.
    fc.array(fc.constantFrom('%', '%zz', '&&', '=', '==', 'measure', 'actor=%E0%A4%A', 'knownAt=%00', 'measure=a%2F%2Fb', 'limit=%2B1'), { maxLength: 4 })
      .map((parts) => parts.join('&')),
  );

  it('GET /v1/claims answers 200 or 4xx problem+json to any query string, and writes nothing', async () => {
    const before = await t.eventCount();
    await fc.assert(fc.asyncProperty(queryString, async (query) => {
      const res = await t.http.get(`/v1/claims?${query}`);
      if (res.status === 200) {
        expect(res.body).toEqual({ items: expect.any(Array), nextCursor: res.body.nextCursor === null ? null : expect.any(String) });
        return;
      }
      expectClientError(res);
    }), { numRuns: QUERY_RUNS });
    expect(await t.eventCount()).toBe(before);
  });
});
