import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedServer, embeddedUrl, runCliTool } from './support/cli-process.js';
import { exited, startService, type ServiceProcess } from './support/service-process.js';

/**
 * The embedded default as a new user meets it: no DATABASE_URL, embedded PostgreSQL 18 under DATA_DIR,
 * the built service and tools as real processes. DATA_DIR is under the system's temporary directory:
 * run as root, the server runs as the user postgres, which must be able to reach it. The steps build on
 * each other (one DATA_DIR), in order.
 */
describe('embedded default (no DATABASE_URL)', () => {
  let dataDir: string;
  const running: ServiceProcess[] = [];
  const env = () => ({ DATABASE_URL: undefined, API_KEYS: undefined, DATA_DIR: dataDir, SEED_ON_EMPTY: 'true' });
  // Hang guards, not timings: a fresh cluster takes a few seconds, many more on a loaded CI machine.
  const start = async (options?: { waitForHealth?: boolean }) => {
    const service = await startService(env(), { healthTimeoutMs: 180_000, ...options });
    running.push(service);
    return service;
  };
  const alive = () => running.find((s) => s.child.exitCode === null && s.child.signalCode === null)!;
  const key = () => readFileSync(join(dataDir, 'api-key'), 'utf8').trim();

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stanceline-embedded-'));
    chmodSync(dataDir, 0o755); // mkdtemp makes it 700: out of reach of the server's user when root
  });
  afterAll(async () => {
    for (const service of running) await service.stop('SIGTERM');
    // Whatever a failed step left running must not outlive the test.
    const server = embeddedServer(dataDir);
    if (server) process.kill(server.pid, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh directory: one ready line, the seed, a generated key, a private password, PostgreSQL durability', async () => {
    const service = await start();
    await expect(fetch(`${service.url}/v1/actors/volodymyr-zelensky`).then((r) => r.json())).resolves
      .toEqual(expect.objectContaining({ name: 'Volodymyr Zelensky' }));
    const ready = service.output().split('\n').filter((line) => line.includes('Stanceline ready at'));
    expect(ready).toHaveLength(1);
    expect(ready[0]).toContain(`${service.url}/docs`);
    expect(ready[0]).toContain(`admin key in ${join(dataDir, 'api-key')}`);
    expect(ready[0]).toContain(`embedded PostgreSQL 18 in ${dataDir}`);
    expect(service.output()).not.toContain(key());
    // The seed's chain of provenance: every statement and claim reported in the article.
    const { items: statements } = (await (await fetch(`${service.url}/v1/statements?limit=500`)).json()) as { items: { reportedIn: string }[] };
    const { items: measures } = (await (await fetch(`${service.url}/v1/claims`)).json()) as { items: { claims: { reportedIn: string }[] }[] };
    const records = [...statements, ...measures.flatMap((m) => m.claims)];
    expect(records.length).toBeGreaterThan(20);
    expect(new Set(records.map((r) => r.reportedIn))).toEqual(new Set(['article-zelensky-willing-to-negotiate-with-putin']));

    const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
    expect(statSync(join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(service.output()).not.toContain(password);
    const client = new pg.Client(embeddedUrl(dataDir));
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name, setting FROM pg_settings
        WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit', 'listen_addresses', 'server_version_num') ORDER BY name`);
      expect(Object.fromEntries(rows.map((r) => [r.name, r.setting]))).toEqual(expect.objectContaining({
        fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on', listen_addresses: '127.0.0.1',
        server_version_num: expect.stringMatching(/^18/),
      }));
    } finally {
      await client.end();
    }
    // Without the password, the server turns a connection away.
    const { port } = embeddedServer(dataDir)!;
    await expect(new pg.Client(`postgres://stanceline:wrong@127.0.0.1:${port}/postgres`).connect()).rejects.toThrow(/password/);
  }, 300_000);

  it('runs a command-line tool beside the running service, which keeps its database', async () => {
    const service = alive();
    const server = embeddedServer(dataDir);
    const report = await runCliTool('report', ['--actor', 'volodymyr-zelensky', '--format', 'json'], env());
    expect(report).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    expect(JSON.parse(report.stdout).items).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: 'volodymyr-zelensky' })]));
    expect(embeddedServer(dataDir)).toEqual(server); // the tool did not stop (or restart) the service's server
    expect((await fetch(`${service.url}/v1/actors/volodymyr-zelensky`)).status).toBe(200);
  }, 300_000);

  it('refuses a second service on the same DATA_DIR with one line, leaving the first untouched', async () => {
    const owner = alive();
    const intruder = await start({ waitForHealth: false });
    expect(await exited(intruder)).toBe(1);
    expect(intruder.output().trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^stanceline: DATA_DIR ${dataDir} is in use by another Stanceline service \\(pid ${owner.child.pid}\\)`)),
    ]);
    expect((await fetch(`${owner.url}/health`)).status).toBe(200);
  }, 300_000);

  it('keeps an acknowledged write through kill -9, and the next start adopts the orphaned server', async () => {
    const first = alive();
    const write = await fetch(`${first.url}/v1/actors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key()}` },
      body: JSON.stringify({ id: 'written-before-kill', name: 'Written before kill', kind: 'person' }),
    });
    expect(write.status).toBe(201);
    const server = embeddedServer(dataDir);

    await first.stop('SIGKILL');
    expect(embeddedServer(dataDir)).toEqual(server); // orphaned, still running
    const second = await start();
    expect(embeddedServer(dataDir)).toEqual(server); // adopted: the same server, not a second one
    expect(second.output()).toContain('embedded PostgreSQL 18 adopted');
    await expect(fetch(`${second.url}/v1/actors/written-before-kill`).then((r) => r.json())).resolves
      .toEqual(expect.objectContaining({ id: 'written-before-kill', name: 'Written before kill', kind: 'person' }));
  }, 300_000);

  it('stops the server on SIGTERM, and a restart opens the same database', async () => {
    const service = alive();
    await service.stop('SIGTERM'); // Nest re-raises the signal once closed: the exit is by SIGTERM
    expect(embeddedServer(dataDir)).toBeUndefined();

    const restarted = await start();
    expect(restarted.output()).toMatch(/"created":false[^\n]*embedded PostgreSQL 18 started/);
    await expect(fetch(`${restarted.url}/v1/actors/written-before-kill`).then((r) => r.json())).resolves
      .toEqual(expect.objectContaining({ name: 'Written before kill' }));
    // The seed was loaded once, on the first start only.
    const events = (await fetch(`${restarted.url}/v1/events?limit=100`).then((r) => r.json())) as { items: { streamId: string }[] };
    expect(events.items.filter((e) => e.streamId === 'actor-volodymyr-zelensky')).toHaveLength(1);
  }, 300_000);
});
