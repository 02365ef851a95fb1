import { startSeededService, type SeededService } from './support/seeded-service.js';
import { ResponseValidator, type OpenApiDocument, type Operation } from './support/openapi-responses.js';
import { KEYS } from './support/test-app.js';

// Path parameters and required query parameters from the seed article; a read added without a sample here fails below.
const PATH_SAMPLES: Record<string, string> = {
  '/v1/actors/{id}': 'volodymyr-zelensky',
  '/v1/topics/{id}': 'ukraine-war/negotiations',
  '/v1/sources/{id}': 'piers-morgan-interview-zelensky-2025-02-04',
  '/v1/statements/{id}': 'zelensky-2025-02-04-direct-talks-with-putin',
  '/v1/statements/{id}/history': 'zelensky-2025-02-04-direct-talks-with-putin',
};
const QUERY_SAMPLES: Record<string, string> = { actor: 'volodymyr-zelensky', topic: 'ukraine-war', on: '2025-02-04' };

/** One request per read: the required parameters, then once per value of each enumerated one (format, groupBy). */
function readRequests(path: string, operation: Operation): string[] {
  const id = PATH_SAMPLES[path];
  if (path.includes('{') && id === undefined) throw new Error(`no sample id for ${path}: add one to PATH_SAMPLES`);
  const base = path.replace(/\{[^}]+\}/, id ?? '');
  const query = operation.parameters?.filter((p) => p.in === 'query') ?? [];
  const required = new URLSearchParams();
  for (const p of query.filter((q) => q.required)) {
    if (QUERY_SAMPLES[p.name] === undefined) throw new Error(`no sample for the required ?${p.name} of ${path}: add one to QUERY_SAMPLES`);
    required.set(p.name, QUERY_SAMPLES[p.name]);
  }
  const urls = [`${base}${required.size ? `?${required}` : ''}`];
  for (const p of query) {
    for (const value of (p.schema?.enum as string[] | undefined) ?? []) urls.push(`${base}?${new URLSearchParams([...required, [p.name, value]])}`);
  }
  return urls;
}

/**
 * The OpenAPI document as a client generator reads it (/docs-json), held against the built service on the
 * seed article: every operation says in one line what it does, and what every read really answers fits
 * the schema the document declares for that status and media type, errors included.
 */
describe('OpenAPI document', () => {
  let seeded: SeededService;
  let document: OpenApiDocument;
  let validator: ResponseValidator;
  const operations = () => Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  beforeAll(async () => {
    seeded = await startSeededService();
    document = (await (await fetch(`${seeded.url}/docs-json`)).json()) as OpenApiDocument;
    validator = new ResponseValidator(document);
  });
  afterAll(async () => { await seeded?.stop(); });

  async function check(operation: Operation, url: string): Promise<{ url: string; status: number; problems: string[] }> {
    const res = await fetch(`${seeded.url}${url}`, { headers: { authorization: `Bearer ${KEYS.reader}` } });
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!;
    if (!/json$/.test(mediaType)) {
      // A text answer (CSV, Markdown, an event stream that never ends): declared, as a string.
      await res.body?.cancel();
      const declared = operation.responses[String(res.status)]?.content?.[mediaType]?.schema;
      return { url, status: res.status, problems: declared?.type === 'string' ? [] : [`${mediaType} is not declared as a string`] };
    }
    return { url, status: res.status, problems: validator.problems(operation, res.status, mediaType, await res.json()) };
  }

  it('gives every operation a one-line summary', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    const lacking = all.filter(({ op }) => !op.summary?.trim() || op.summary.includes('\n')).map(({ path, method }) => `${method} ${path}`);
    expect(lacking).toEqual([]);
  });

  it('declares a schema for every response of every operation', () => {
    const lacking = operations().flatMap(({ path, method, op }) => Object.entries(op.responses)
      .filter(([, response]) => !response.content || Object.values(response.content).some((c) => !c.schema))
      .map(([status]) => `${method} ${path} ${status}`));
    expect(lacking).toEqual([]);
  });

  it('answers every read on the seed with a body that fits its declared schema', async () => {
    const reads = operations().filter(({ method }) => method === 'get');
    expect(reads.length).toBeGreaterThan(10);
    const results = [];
    for (const { path, op } of reads) for (const url of readRequests(path, op)) results.push(await check(op, url));
    expect(results.filter((r) => r.status !== 200 || r.problems.length > 0)).toEqual([]);
    // Every read answered at least once, so a read the loop skipped cannot pass unseen.
    expect(new Set(results.map((r) => r.url.split('?')[0]))).toHaveProperty('size', reads.length);
  });

  it('answers writes, and their refusals, with bodies that fit their declared schemas', async () => {
    const send = async (path: string, body: object, status: number) => {
      const res = await fetch(`${seeded.url}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.editor}` }, body: JSON.stringify(body),
      });
      const template = Object.keys(document.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))!;
      const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!;
      return { path, status: res.status, expected: status, problems: validator.problems(document.paths[template]!.post!, res.status, mediaType, await res.json()) };
    };
    const source = { id: 'bbc-starmer-2025-03-02', kind: 'interview', title: 'Interview with Keir Starmer' };
    const statement = { id: 'starmer-2025-03-02-ukraine', actorId: 'keir-starmer', topicId: 'ukraine-war', stance: 'strongly_support',
      summary: 'Starmer said the UK would stand with Ukraine.', form: 'paraphrase', statedAt: '2025-03', sourceId: source.id };
    const claim = { id: 'starmer-2025-03-02-uk-aid', actorId: 'keir-starmer', measure: 'aid/uk/military', value: { low: 2, high: 3 },
      qualifier: 'approx', unit: 'billion GBP', statedAt: '2025-03', sourceId: source.id };
    const results = [
      await send('/v1/actors', { id: 'keir-starmer', name: 'Keir Starmer', kind: 'person', roles: [{ title: 'Prime Minister', from: '2024-07-05' }] }, 201),
      await send('/v1/actors', { id: 'keir-starmer', name: 'Keir Starmer', kind: 'person' }, 409),
      await send('/v1/topics', { id: 'ukraine-war/uk-aid', title: 'UK aid', proposition: 'The UK should arm Ukraine.' }, 201),
      await send('/v1/sources', source, 201),
      await send('/v1/statements', statement, 201),
      await send('/v1/statements', { ...statement, id: 'starmer-other', actorId: 'keir-starmr' }, 422),
      await send(`/v1/statements/${statement.id}/corrections`, { changes: { quote: 'We stand with Ukraine.' }, reason: 'the quote was found' }, 200),
      await send(`/v1/statements/${statement.id}/retraction`, { reason: 'duplicate' }, 200),
      await send('/v1/claims', claim, 201),
      await send(`/v1/claims/${claim.id}/corrections`, { changes: { unit: 'billion pounds' }, reason: 'the unit as said' }, 200),
      await send(`/v1/claims/${claim.id}/retraction`, { reason: 'withdrawn by the source' }, 200),
      await send('/v1/admin/projections/rebuild', {}, 403),
    ];
    expect(results.filter((r) => r.status !== r.expected || r.problems.length > 0)).toEqual([]);
  });

  it('answers an unknown id and a bad parameter with a problem that fits the declared error schema', async () => {
    const results = [];
    for (const { path, op } of operations().filter(({ method }) => method === 'get')) {
      if (path.includes('{')) results.push(await check(op, path.replace(/\{[^}]+\}/, 'no-such-thing')));
      if (op.parameters?.some((p) => p.name === 'limit')) results.push(await check(op, `${path}?limit=0`));
    }
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((r) => ![400, 404].includes(r.status) || r.problems.length > 0)).toEqual([]);
  });
});
