import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, startService, type ServiceProcess } from './support/service-process.js';

/**
 * The embedded default, as a new user meets it: no DATABASE_URL, no database server, data under
 * DATA_DIR. These run the built service (npm test builds first).
 */
describe('embedded default (no DATABASE_URL)', () => {
  let dataDir: string;
  const running: ServiceProcess[] = [];
  const start = async (options?: { waitForHealth?: boolean }) => {
    const service = await startService({ DATABASE_URL: undefined, API_KEYS: undefined, DATA_DIR: dataDir, SEED_ON_EMPTY: 'true' }, options);
    running.push(service);
    return service;
  };

  beforeAll(() => { dataDir = mkdtempSync(join(tmpdir(), 'stanceline-embedded-')); });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data directory with the seed loaded and a generated key, and keeps writes across a restart and a kill -9', async () => {
    const first = await start();
    const seeded = (await (await fetch(`${first.url}/v1/actors/volodymyr-zelensky`)).json()) as { name: string };
    expect(seeded.name).toBe('Volodymyr Zelensky');
    // The seed's chain of provenance: every statement and claim reported in the article.
    const { items: statements } = (await (await fetch(`${first.url}/v1/statements?limit=500`)).json()) as { items: { reportedIn: string }[] };
    const { items: measures } = (await (await fetch(`${first.url}/v1/claims`)).json()) as { items: { claims: { reportedIn: string }[] }[] };
    const records = [...statements, ...measures.flatMap((m) => m.claims)];
    expect(records.length).toBeGreaterThan(20);
    expect(new Set(records.map((r) => r.reportedIn))).toEqual(new Set(['article-zelensky-willing-to-negotiate-with-putin']));
    expect(first.output()).toContain('api-key');
    expect(first.output()).not.toContain(readFileSync(join(dataDir, 'api-key'), 'utf8').trim());

    const key = readFileSync(join(dataDir, 'api-key'), 'utf8').trim();
    const write = await fetch(`${first.url}/v1/actors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ id: 'written-before-kill', name: 'Written before kill', kind: 'person' }),
    });
    expect(write.status).toBe(201);

    await first.stop('SIGKILL');
    const second = await start();
    expect((await fetch(`${second.url}/v1/actors/written-before-kill`)).status).toBe(200);

    // SIGTERM is a graceful stop: the embedded server is closed and its lock released before exit
    // (after the kill -9 above, the next start had to take over a stale lock instead).
    await second.stop('SIGTERM');
    expect(existsSync(join(dataDir, 'stanceline.lock'))).toBe(false);
    const third = await start();
    expect((await fetch(`${third.url}/v1/actors/written-before-kill`)).status).toBe(200);
  }, 240_000); // a guard against a hang: fresh embedded databases take seconds, more on a busy machine

  it('refuses a second process on the same data directory with a clear message', async () => {
    const owner = running.find((s) => s.child.exitCode === null && s.child.signalCode === null) ?? await start();
    const intruder = await start({ waitForHealth: false });
    expect(await exited(intruder)).toBe(1);
    expect(intruder.output()).toContain(dataDir);
    expect(intruder.output()).toMatch(/in use by another Stanceline process/);
    expect((await fetch(`${owner.url}/health`)).status).toBe(200);
  }, 240_000);
});
