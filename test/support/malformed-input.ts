import fc from 'fast-check';

/**
 * Generators for fuzzing write endpoints with malformed input, and the assertion every refusal must pass.
 * The specs differ in their field limits and fields, so those come in as parameters.
 */

/** Strings that trip naive handling: NUL, lone surrogates, BOM, bidi override, encodings, traversal, SQL. */
export const NASTY = ['\u0000', '\uD800', '\uDFFF', '\uDC00x\uD800', 'a\u0000b', '\uFEFF', '\u202E', '%00', '../..', "'; DROP TABLE events; --"];

export const RECORD_ID = /^([a-z0-9]+(-[a-z0-9]+)*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const ifMatch = fc.constantFrom(undefined, '1', '"1"', 'W/"1"', '"2"', '999', 'garbage', '"-1"', '*');

export const wrongType = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), fc.constant({}), fc.constant([]),
);

export interface MalformedInputOptions {
  /** The nasty strings to splice into arbitrary text; NASTY unless given. */
  nasty?: readonly string[];
  /** Lengths past the field limits (`min` to `max`), and sometimes past the 256kb body limit (300 000 to `bodyMax`). */
  huge: { min: number; max: number; bodyMax?: number; weights?: readonly [number, number] };
  /** Nesting depths of the deep values; a number is the maximum, from a minimum of 50. */
  depth: number | fc.Arbitrary<number>;
  /** What the deep values are built around; the string 'bottom' unless given. */
  bottom?: () => unknown;
  /** Give deep values a short fast-check description, so a counterexample stays readable and printable. */
  printable?: boolean;
}

export function malformedInput(options: MalformedInputOptions) {
  const nastyString = fc.tuple(fc.string(), fc.constantFrom(...(options.nasty ?? NASTY)), fc.string()).map(([a, b, c]) => a + b + c);
  const { min, max, bodyMax = 400_000, weights: [fieldWeight, bodyWeight] = [1, 1] } = options.huge;
  const hugeString = fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: fieldWeight }, { arbitrary: fc.integer({ min: 300_000, max: bodyMax }), weight: bodyWeight },
  ).map((n) => 'x'.repeat(n));
  const depth = typeof options.depth === 'number' ? fc.integer({ min: 50, max: options.depth }) : options.depth;
  const bottom = options.bottom ?? (() => 'bottom');
  const deep = fc.tuple(depth, fc.boolean()).map(([n, asArray]) => {
    let value: unknown = bottom();
    for (let i = 0; i < n; i++) value = asArray ? [value] : { a: value };
    if (!options.printable) return value;
    return Object.defineProperty(value, fc.toStringMethod, { value: () => `nested(${n}, ${asArray ? 'arrays' : 'objects'})` }) as unknown;
  });
  const badValue = fc.oneof(wrongType, nastyString, hugeString, deep, fc.constantFrom('', ' ', 'Bad Id', 'a//b', 'A', '-a', 'a-'));
  return { nastyString, hugeString, deep, badValue };
}

/** Any value that breaks a field, and the field names a body may carry: those of `broken` and `extraFieldNames`. */
export function brokenFields(badValue: fc.Arbitrary<unknown>, broken: Record<string, fc.Arbitrary<unknown>>, extraFieldNames: string[]) {
  return {
    anyBroken: fc.oneof(badValue, ...Object.values(broken)),
    fieldName: fc.constantFrom(...Object.keys(broken), ...extraFieldNames),
  };
}

export interface OneFieldBrokenOptions {
  /** The field given a bad value (and, unless `remove` or `unknown` say otherwise, removed or prefixed with `unknown-`). */
  field: fc.Arbitrary<string>;
  value: fc.Arbitrary<unknown>;
  /** The field removed; `field` unless given. */
  remove?: fc.Arbitrary<string>;
  /** The name after `unknown-` of the field added; `field` unless given. */
  unknown?: fc.Arbitrary<string>;
}

/** A valid body with one field broken: given a bad value, removed, or an unknown field added. */
export function oneFieldBroken(valid: fc.Arbitrary<Record<string, unknown>>, options: OneFieldBrokenOptions): fc.Arbitrary<unknown> {
  const toRemove = options.remove ?? fc.constant(undefined);
  const unknownName = options.unknown ?? fc.constant(undefined);
  return fc.tuple(valid, options.field, options.value, fc.nat(2), toRemove, unknownName).map(([body, field, value, how, remove, unknown]) => {
    if (how === 0) return { ...body, [field]: value };
    if (how === 1) return Object.fromEntries(Object.entries(body).filter(([key]) => key !== (remove ?? field)));
    return { ...body, [`unknown-${unknown ?? field}`]: value };
  });
}

export interface MalformedOptions {
  /** Objects made of arbitrary fields. */
  dictionary: fc.Arbitrary<unknown>;
  deep: fc.Arbitrary<unknown>;
  oneFieldBroken: fc.Arbitrary<unknown>;
  /** Further cases, after the deep values. */
  extra?: fc.Arbitrary<unknown>[];
  /** Whether the valid bodies themselves are among the cases; they are unless false. */
  withValid?: boolean;
}

/** Bodies of every kind: anything at all, arbitrary fields, arrays, deep nesting, and valid bodies with one field broken. */
export function malformed(valid: fc.Arbitrary<Record<string, unknown>>, options: MalformedOptions): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true, maxDepth: 4 }),
    options.dictionary,
    fc.array(valid, { maxLength: 3 }),
    options.deep,
    ...(options.extra ?? []),
    ...(options.withValid === false ? [] : [valid]),
    options.oneFieldBroken,
    options.oneFieldBroken,
  );
}

/** A body sent as written, for nesting far deeper than JSON.stringify goes (up to the body limit). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const deepJson = fc.tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.boolean())
  .map(([depth, asArray]) => (asArray ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** The text sent for a body: serialised here, so strings, numbers and null go out as JSON rather than as form data. */
export function jsonText(body: unknown): string {
  return body instanceof RawJson ? body.text : JSON.stringify(body) ?? 'null';
}

/** A plain object whose id is absent, null or well-formed gets the taken id instead, so it can never write. */
export function withTakenId(body: object, taken: string): object {
  const { id } = body as { id?: unknown };
  return id === undefined || id === null || (typeof id === 'string' && RECORD_ID.test(id)) ? { ...body, id: taken } : body;
}

interface Response {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A 4xx answer in problem+json. */
export function expectClientError(res: Response): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** A 4xx problem+json answer with its type, title, status and detail. */
export function expectProblem(res: Response): void {
  expectClientError(res);
  expect(res.body).toMatchObject({ status: res.status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}
