import { answered, attempt, call, type Outcome } from '../../tools/soak/http.js';
import { registerReferences, statementBody, type References } from '../../tools/soak/workload.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { KEYS } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const LIMIT = 12;
const UNKNOWN_KEY = 'made-up-key-that-nobody-was-given-0123';

/**
 * The built service with a low write limit and the most verbose logs: writes beyond the limit per key
 * are refused with 429 and Retry-After, nothing else is limited, and no key (known or not) ever reaches
 * the log, whatever the request and its outcome. (A child process: @nestjs/throttler needs Node's own
 * module loader, see src/security/security.module.ts.)
 */
describe('write rate limit per key, and keys kept out of logs', () => {
  let db: TestDatabase;
  let service: ServiceProcess;
  let refs: References;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 2 });
    service = await startService({
      DATABASE_URL: db.url, API_KEYS: `${KEYS.editor}:editor,${KEYS.admin}:admin,${KEYS.reader}:reader`, SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'trace', READS_REQUIRE_KEY: 'true', WRITE_RATE_LIMIT: String(LIMIT), WRITE_RATE_WINDOW_MS: '3000',
    });
    refs = await registerReferences(service.url, KEYS.admin, 'limits');
  });
  afterAll(async () => {
    await service?.stop();
    await db.drop();
  });

  const events = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n as number;
  const record = (key: string, headers: Record<string, string> = {}) => attempt(service.url, 'POST', '/v1/statements', {
    key, body: statementBody(refs, `limited-${n}`, n++), headers,
  });
  const status = (o: Outcome) => (answered(o) ? o.status : o.failure);

  it('refuses an editor\'s writes beyond the limit with 429 problem+json and Retry-After, writing nothing', async () => {
    const accepted: Outcome[] = [];
    for (let i = 0; i < LIMIT; i++) accepted.push(await record(KEYS.editor));
    expect(accepted.map(status)).toEqual(Array(LIMIT).fill(201));
    // Each accepted write tells the client its budget.
    const last = accepted.at(-1)!;
    expect(answered(last) && [last.headers.get('x-ratelimit-limit'), last.headers.get('x-ratelimit-remaining')]).toEqual([String(LIMIT), '0']);
    const before = await events();
    const refused = await record(KEYS.editor);
    expect(answered(refused) && refused.status).toBe(429);
    if (!answered(refused)) return;
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    expect(refused.body).toMatchObject({ status: 429, retryAfter });
    expect(await events()).toBe(before);
  });

  it('counts each key on its own, never limits reads, and answers a missing key 401 before counting', async () => {
    expect(status(await record(KEYS.admin))).toBe(201);
    for (let i = 0; i < 30; i++) expect((await call(service.url, 'GET', '/v1/topics', { key: KEYS.editor })).status).toBe(200);
    for (let i = 0; i < LIMIT + 5; i++) expect(status(await record(''))).toBe(401);
  });

  it('lets the key write again once Retry-After has passed', async () => {
    const refused = await record(KEYS.editor);
    const wait = answered(refused) && refused.status === 429 ? Number(refused.headers.get('retry-after')) : 0;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
    expect(status(await record(KEYS.editor))).toBe(201);
  });

  it('never writes a key to the log: not on success, refusal, error, or with an unknown key', async () => {
    const requests: [string, string, Record<string, string>, unknown?][] = [
      ['GET', '/v1/topics', { Authorization: `Bearer ${KEYS.reader}` }],
      ['GET', '/v1/statements/limited-0', { Authorization: `bearer ${KEYS.reader}` }],
      ['GET', '/v1/topics', { Authorization: `Bearer ${UNKNOWN_KEY}` }],
      ['GET', '/v1/topics', { 'X-Api-Key': KEYS.admin }],
      ['POST', '/v1/admin/projections/rebuild', { Authorization: `Bearer ${KEYS.editor}` }],
      ['POST', '/v1/admin/projections/rebuild', { Authorization: `Bearer ${KEYS.admin}` }],
      ['POST', '/v1/statements', { Authorization: `Bearer ${KEYS.editor}` }, { summary: 'no other field' }],
      ['POST', '/v1/statements', { Authorization: `Bearer ${UNKNOWN_KEY}` }, statementBody(refs, 'unknown-key', 1)],
      ['POST', '/v1/statements', { Authorization: `Basic ${Buffer.from(`user:${KEYS.editor}`).toString('base64')}` }, {}],
    ];
    for (const [method, path, headers, body] of requests) await call(service.url, method, path, { headers, body });
    for (let i = 0; i < LIMIT + 2; i++) await record(KEYS.editor); // some of them 429
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the logger flush
    const log = service.output();
    expect(log).toMatch(/"status":429/); // the requests above were logged, refusals included
    expect(log).toMatch(/"status":401/);
    expect(log).not.toMatch(/"authorization"|"x-api-key"/i); // request lines carry no headers
    for (const secret of [...Object.values(KEYS), UNKNOWN_KEY, Buffer.from(`user:${KEYS.editor}`).toString('base64')]) {
      expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
    }
  });
});
