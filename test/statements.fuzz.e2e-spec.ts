import fc from 'fast-check';
import { DIRECT_TALKS, INTERVIEW, registerStatementReferences, statementBody, ZELENSKY } from './support/statement-fixtures.js';
import {
  brokenFields, deepJson, expectProblem, ifMatch, jsonText, malformed, malformedInput, oneFieldBroken, RawJson, withTakenId,
} from './support/malformed-input.js';
import { auth, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Whatever a client sends to the statement write endpoints, the answer is a 4xx problem+json and the log
 * is untouched. Generated bodies that happen to be valid can still never write: a record gets the id of
 * a statement recorded beforehand (409 at worst); malformed corrections and retractions target a
 * statement already retracted (409 at worst) or none (404), while corrections of the live statement
 * only restate its current values (422 nothing-to-correct at worst). Validation and reference checks
 * run before any of those refusals, so every kind of malformation is still exercised.
 */
const NUM_RUNS = 500;
const TAKEN = 'fuzz-taken';
const RETRACTED = 'fuzz-retracted';
const CURRENT = statementBody();

// Past the field limits (500 to 5000 characters), and some past the 256kb body limit; nested values inside
// otherwise plausible bodies kept shallow enough for the client's JSON.stringify.
const { nastyString, deep, badValue } = malformedInput({ huge: { min: 501, max: 6_000 }, depth: 1_000 });

/** Values that break one field on their own; the references name nothing registered (422). */
const broken: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom('Not An Id', 'a_b', `${'a'.repeat(201)}`, '{uuid}', 42),
  actorId: fc.constantFrom('unknown-actor', 'Volodymyr Zelensky', 'a/b', ''),
  topicId: fc.constantFrom('no/such-topic', 'ukraine-war/', '/ukraine-war', 'Ukraine'),
  sourceId: fc.constantFrom('unknown-source', 'a/b', 'x_y'),
  stance: fc.constantFrom('mildly_support', 'SUPPORT', 1, -2, ''),
  form: fc.constantFrom('rumour', 'Direct_Quote', ''),
  statedAt: fc.constantFrom('2023-02-30', '2024-13', '0000', '25-02-04', '2025-02-04T10:00:00Z', '2025/02/04', 20250204),
  conditions: fc.constantFrom([''], ['  '], [1], 'if peace', [['nested']], Array(21).fill('if'), ['a'.repeat(501)], ['a\u0000']),
  summary: fc.constantFrom('', '   ', 'a'.repeat(2001), '\uD800'),
  quote: fc.constantFrom('', 'a'.repeat(5001), '\uDFFF', 7),
  reason: fc.constantFrom('', '  ', 'a'.repeat(1001), '\u0000', null),
};
const { anyBroken, fieldName } = brokenFields(badValue, broken, ['__proto__', 'constructor', 'changes', 'unknown']);

function malformedBody(valid: fc.Arbitrary<Record<string, unknown>>, required: string[]): fc.Arbitrary<unknown> {
  return malformed(valid, {
    dictionary: fc.dictionary(fieldName, anyBroken),
    deep,
    extra: [deepJson.map((text) => new RawJson(text)), deepJson.map((text) => new RawJson(`{"reason":"r","id":${text}}`))],
    oneFieldBroken: oneFieldBroken(valid, { field: fieldName, value: anyBroken, remove: fc.constantFrom(...required) }),
  });
}

const validRecord = fc.record({
  id: fc.constantFrom(undefined, TAKEN), stance: fc.constantFrom('support', 'oppose'), statedAt: fc.constantFrom('2025-02-04', '2025-02', '2022'),
}).map((overrides) => statementBody(overrides));
/** Well-formed ids that name nothing registered: a 422 naming the field. */
const unknownReference = fc.tuple(fc.constantFrom('actorId', 'topicId', 'sourceId'), fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,8}){1,2}$/))
  .map(([field, id]) => ({ [field]: `unknown-${id}` }));
/** A record body that could pass validation is pointed at the taken id, so it cannot write. */
const recordBodies = fc.oneof(
  malformedBody(validRecord, ['actorId', 'topicId', 'stance', 'summary', 'form', 'statedAt', 'sourceId']),
  fc.tuple(validRecord, unknownReference).map(([body, reference]) => ({ ...body, ...reference })),
).map((body) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || body instanceof RawJson) return body;
  return withTakenId(body, TAKEN);
});

// Changes restating current values: valid in form, but they change nothing.
const restating = fc.subarray(['actorId', 'topicId', 'stance', 'conditions', 'summary', 'quote', 'form', 'statedAt', 'sourceId'], { minLength: 1 })
  .map((keys) => Object.fromEntries(keys.map((key) => [key, CURRENT[key]])));
const validCorrection = fc.record({ changes: restating, reason: fc.constantFrom('typo', 'checked the tape') });
const correctionBodies = fc.oneof(
  malformedBody(validCorrection, ['changes', 'reason']),
  fc.tuple(restating, fieldName, anyBroken).map(([changes, field, value]) => ({ changes: { ...changes, [field]: value }, reason: 'r' })),
  deepJson.map((text) => new RawJson(`{"changes":{"summary":"s","stance":${text}},"reason":"r"}`)),
  fc.tuple(restating, unknownReference).map(([changes, reference]) => ({ changes: { ...changes, ...reference }, reason: 'r' })),
);
const retractionBodies = malformedBody(fc.record({ reason: fc.constantFrom('misattributed', 'duplicate') }), ['reason']);

/** The statement a path names: the fuzz targets, ids no statement has, and ids no statement can have. */
const pathId = (target: string) => fc.oneof(
  { arbitrary: fc.constant(target), weight: 4 },
  { arbitrary: fc.oneof(fc.constant('never-recorded'), fc.uuid(), fc.string({ maxLength: 300 }), nastyString)
    .map((id) => encodeURIComponent(id.toWellFormed())), weight: 1 },
  // Percent-encodings that decode to no valid text: an encoded lone surrogate, a truncated sequence, NUL.
  { arbitrary: fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%FF', '%00', 'a%2Fb', '%', '..%2F..'), weight: 1 },
);

describe('statement writes refuse malformed bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await registerStatementReferences(t);
    const post = (path: string, body: object) => t.http.post(path).set(auth('editor')).send(body);
    await post('/v1/statements', statementBody({ id: TAKEN })).expect(201);
    await post('/v1/statements', statementBody({ id: RETRACTED })).expect(201);
    await post(`/v1/statements/${RETRACTED}/retraction`, { reason: 'duplicate' }).expect(200);
    expect(CURRENT).toMatchObject({ actorId: ZELENSKY, topicId: DIRECT_TALKS, sourceId: INTERVIEW });
  });
  afterAll(async () => { await t.close(); });

  const endpoints = [
    { name: 'POST /v1/statements', requests: fc.tuple(fc.constant('/v1/statements'), recordBodies), expects: [400, 409, 422] },
    { name: 'POST /v1/statements/{id}/corrections', requests: fc.oneof(
      fc.tuple(pathId(RETRACTED).map((id) => `/v1/statements/${id}/corrections`), correctionBodies),
      fc.tuple(fc.constant(`/v1/statements/${TAKEN}/corrections`), validCorrection),
      // A valid correction of the retracted statement (409): the branches above reach it only when a valid
      // body, the retracted path and no (or the right) If-Match come together, which 500 runs once missed.
      fc.tuple(fc.constant(`/v1/statements/${RETRACTED}/corrections`), validCorrection),
    ), expects: [400, 404, 409, 412, 422] },
    { name: 'POST /v1/statements/{id}/retraction',
      requests: fc.tuple(pathId(RETRACTED).map((id) => `/v1/statements/${id}/retraction`), retractionBodies), expects: [400, 404, 409] },
  ];

  it.each(endpoints.map((e) => [e.name, e] as const))('%s answers 4xx problem+json and writes nothing', async (_name, endpoint) => {
    const before = await t.eventCount();
    const seen = new Set<number>();
    await fc.assert(fc.asyncProperty(endpoint.requests, ifMatch, async ([path, body], version) => {
      let req = t.http.post(path).set(auth('editor')).set('Content-Type', 'application/json');
      if (version !== undefined) req = req.set('If-Match', version);
      const res = await req.send(jsonText(body));
      seen.add(res.status);
      expectProblem(res);
    }), { numRuns: NUM_RUNS });
    expect(await t.eventCount()).toBe(before);
    // The generators reach every refusal, not just the validation pipe.
    expect([...seen].sort()).toEqual(expect.arrayContaining(endpoint.expects));
  });
});
