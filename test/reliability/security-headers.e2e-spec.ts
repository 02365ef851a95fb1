import { auth, KEYS, startTestApp, type TestApp } from '../support/test-app.js';

/** What a browser and a reverse proxy see: security headers, CORS for configured UI origins only, and keys for reads when asked. */
describe('security headers (helmet)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it.each(['/health', '/v1/topics', '/v1/actors/no-such-actor'])('are on every answer, errors included: %s', async (path) => {
    const res = await t.http.get(path);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-dns-prefetch-control': 'off',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers a request whose headers pass Node\'s 16 KB limit with 431 problem+json, not a bare status line', async () => {
    const res = await t.http.get('/v1/topics').set('X-Padding', 'x'.repeat(20_000));
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 431, title: 'Request header fields too large' });
  });

  it('without CORS_ORIGINS, no origin is allowed', async () => {
    const res = await t.http.get('/v1/topics').set('Origin', 'https://ui.example.org').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ CORS_ORIGINS: 'https://ui.example.org, http://localhost:5173' }); });
  afterAll(async () => { await t.close(); });

  it('allows a configured origin to read, and says the answer varies by origin', async () => {
    const res = await t.http.get('/v1/topics').set('Origin', 'http://localhost:5173').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers.vary).toMatch(/Origin/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a preflight for a write with the headers the API takes', async () => {
    const res = await t.http.options('/v1/statements').set({
      Origin: 'https://ui.example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key,if-match',
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://ui.example.org');
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-headers'].toLowerCase().split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']));
    expect(res.headers['access-control-expose-headers']).toMatch(/ETag/);
  });

  it('gives another origin no CORS header, so the browser keeps it out', async () => {
    const read = await t.http.get('/v1/topics').set('Origin', 'https://evil.example.com');
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http.options('/v1/statements').set({ Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('READS_REQUIRE_KEY', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ READS_REQUIRE_KEY: 'true' }); });
  afterAll(async () => { await t.close(); });

  it.each(['/v1/topics', '/v1/statements', '/v1/stance-changes', '/v1/claims', '/v1/actors/volodymyr-zelensky'])('%s needs a key: 401 without one or with an unknown one', async (path) => {
    const res = await t.http.get(path).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http.get(path).set('Authorization', 'Bearer not-a-key-of-this-service').expect(401);
  });

  it('answers a reader key, and every stronger role', async () => {
    for (const role of ['reader', 'editor', 'admin'] as const) await t.http.get('/v1/topics').set(auth(role)).expect(200);
    await t.http.get('/v1/statements').set('Authorization', `bearer ${KEYS.reader}`).expect(200);
  });

  it('keeps /health and the API description open, for probes and client generators', async () => {
    await t.http.get('/health').expect(200);
    await t.http.get('/docs-json').expect(200);
  });
});
