import { keyIdOf } from '../src/auth/api-keys.js';
import { exited, startService, type ServiceProcess } from './support/service-process.js';
import { KEYS } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * What an operator reads on the built service's stdout: no framework chatter at info, one short line per
 * request, JSON lines when stdout is not a terminal (here a pipe) unless LOG_FORMAT says otherwise.
 */
describe('service logs', () => {
  let db: TestDatabase;
  const running: ServiceProcess[] = [];
  const start = async (env: Record<string, string>, options?: { waitForHealth?: boolean }) => {
    const service = await startService({
      DATABASE_URL: db.url, API_KEYS: `${KEYS.reader}:reader`, READS_REQUIRE_KEY: 'true', SEED_ON_EMPTY: 'false', LOG_FORMAT: undefined, ...env,
    }, options);
    running.push(service);
    return service;
  };
  const read = (service: ServiceProcess, path: string) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${KEYS.reader}` } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const jsonLines = (service: ServiceProcess) => service.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => { db = await createTestDatabase({ poolSize: 2 }); });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await db.drop();
  });

  it('at info, on a pipe: JSON lines, no route mappings or module initialisation, one request line with its fields', async () => {
    const service = await start({ LOG_LEVEL: 'info' });
    expect((await read(service, '/v1/topics?limit=5')).status).toBe(200);
    expect((await fetch(`${service.url}/v1/topics`)).status).toBe(401);
    await settle();

    const lines = jsonLines(service);
    const messages = lines.map((line) => String(line.msg));
    expect(messages.filter((m) => /Mapped \{|dependencies initialized|Starting Nest application/.test(m))).toEqual([]);
    expect(messages.length).toBeLessThan(10);

    const request = lines.find((line) => line.path === '/v1/topics' && line.status === 200);
    expect(request).toMatchObject({ method: 'GET', path: '/v1/topics', status: 200, durationMs: expect.any(Number), key: keyIdOf(KEYS.reader) });
    expect(request).not.toHaveProperty('req');
    expect(request).not.toHaveProperty('res');
    expect(lines.find((line) => line.status === 401)).toMatchObject({ method: 'GET', path: '/v1/topics', level: 40 });
    expect(service.output()).not.toMatch(/authorization|user-agent/i);
  });

  it('at debug the route mappings are still there', async () => {
    const service = await start({ LOG_LEVEL: 'debug' });
    await settle();
    expect(jsonLines(service).some((line) => /Mapped \{\/v1\/topics, GET\} route/.test(String(line.msg)))).toBe(true);
  });

  it('LOG_FORMAT=pretty gives readable lines instead of JSON', async () => {
    const service = await start({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' });
    expect((await read(service, '/v1/topics')).status).toBe(200);
    await settle();
    const line = service.output().split('\n').find((l) => l.includes('GET /v1/topics 200'));
    expect(line).toMatch(new RegExp(`INFO.*GET /v1/topics 200 \\d+ ms ${keyIdOf(KEYS.reader)}$`));
    expect(() => JSON.parse(line!)).toThrow();
  });

  it('refuses to start with an unknown LOG_FORMAT, naming it', async () => {
    const service = await start({ LOG_FORMAT: 'yaml' }, { waitForHealth: false });
    expect(await exited(service)).toBe(1);
    expect(service.output()).toMatch(/LOG_FORMAT must be pretty or json/);
  });
});
