import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '../src/database/scratch-database.js';
import { embeddedServer, runCliTool } from './support/cli-process.js';
import { startService, type ServiceProcess } from './support/service-process.js';
import { TEST_SERVER_URL } from './support/test-database.js';

const ZELENSKY = 'volodymyr-zelensky';
const KEY = 'log-transfer-admin-key-0123456789';
const HANG_GUARD = 300_000;

/** Every read worth comparing, from what the original answers: lists, each record, each at `knownAt` too. */
async function readsOf(url: string, knownAt: string): Promise<string[]> {
  const get = async <T>(path: string) => (await fetch(`${url}${path}`).then((r) => r.json())) as T;
  const actors = (await get<{ items: { id: string }[] }>('/v1/actors')).items.map((a) => a.id);
  const topics = (await get<{ items: { id: string }[] }>('/v1/topics?limit=200')).items.map((t) => t.id);
  const statements = (await get<{ items: { id: string }[] }>(`/v1/statements?actor=${ZELENSKY}&limit=200`)).items.map((s) => s.id);
  const at = `knownAt=${encodeURIComponent(knownAt)}`;
  return [
    '/v1/actors', '/v1/topics?limit=200', '/v1/claims', `/v1/claims?${at}`, '/v1/events?limit=200',
    ...actors.flatMap((id) => [
      `/v1/actors/${id}`, `/v1/statements?actor=${id}&limit=200`, `/v1/statements?actor=${id}&limit=200&${at}`,
      `/v1/stance-changes?actor=${id}`, `/v1/stance-changes?actor=${id}&${at}`,
      `/v1/timeline?actor=${id}`, `/v1/timeline?actor=${id}&format=vis&${at}`,
    ]),
    ...topics.flatMap((id) => [`/v1/topics/${id}`, `/v1/stance?actor=${ZELENSKY}&topic=${id}&on=2025-06-01`,
      `/v1/stance?actor=${ZELENSKY}&topic=${id}&on=2025-06-01&${at}`]),
    ...statements.flatMap((id) => [`/v1/statements/${id}`, `/v1/statements/${id}?${at}`, `/v1/statements/${id}/history`]),
  ];
}

/** A read's status and body; signed cursors are left out (the cursor secret is not carried over). */
async function answer(url: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${path}`);
  const text = await res.text();
  const body = res.headers.get('content-type')?.includes('json') ? JSON.parse(text, (k, v) => (/cursor/i.test(k) ? undefined : v)) : text;
  return { status: res.status, body };
}

/**
 * npm run export, then npm run import -- --log into an empty database of each kind (a fresh embedded
 * DATA_DIR, a new database on a server): the log comes back exactly as stored, and every read, knownAt
 * included, answers the same as on the original.
 */
describe('moving the event log: export, then import into an empty database', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  let server: ScratchDatabase;
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stanceline-transfer-'));
    chmodSync(dir, 0o755); // reachable by the server's user when root
    dirs.push(dir);
    return dir;
  };
  const embedded = (dataDir: string) => ({ DATABASE_URL: undefined, DATA_DIR: dataDir, API_KEYS: `${KEY}:admin` });
  const start = async (env: Record<string, string | undefined>) => {
    const service = await startService({ SEED_ON_EMPTY: 'true', ...env }, { healthTimeoutMs: 180_000 });
    services.push(service);
    return service;
  };
  const post = async (url: string, path: string, body: object) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify(body),
    });
    expect([200, 201]).toContain(res.status);
  };

  beforeAll(async () => { server = await createScratchDatabase(TEST_SERVER_URL, 'test_transfer'); });
  afterAll(async () => {
    for (const service of services) await service.stop('SIGTERM');
    for (const dir of dirs) {
      const running = embeddedServer(dir);
      if (running) process.kill(running.pid, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    }
    await server.drop();
  }, HANG_GUARD);

  it('keeps every event as stored, and every read answers the same on the embedded and on a server database', async () => {
    const originalDir = freshDir();
    const original = await start(embedded(originalDir));
    await post(original.url, '/v1/actors', { id: 'moved-actor', name: 'Moved Actor', kind: 'person' });
    const statements = (await fetch(`${original.url}/v1/statements?actor=${ZELENSKY}&limit=200`).then((r) => r.json())) as { items: { id: string }[] };
    const knownAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the correction is recorded after knownAt
    await post(original.url, `/v1/statements/${statements.items[0].id}/corrections`, { changes: { summary: 'Corrected after the move test began.' }, reason: 'test' });

    // Exported while the service runs (beside it, on its embedded server).
    const file = join(freshDir(), 'log.ndjson');
    const exported = await runCliTool('export', [file], embedded(originalDir));
    expect(exported).toEqual(expect.objectContaining({ code: 0, stdout: expect.stringMatching(/^exported \d+ events to /) }));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ type: 'StatementCorrected', recordedAt: expect.stringMatching(/\.\d{6}Z$/) }));

    const movedDir = freshDir();
    for (const target of [embedded(movedDir), { DATABASE_URL: server.url }]) {
      const imported = await runCliTool('import', ['--log', file], target);
      expect(imported).toEqual(expect.objectContaining({ code: 0, stdout: expect.stringContaining(`imported ${lines.length} events`) }));
      // Only into an empty database: a second import is refused, in one line.
      const again = await runCliTool('import', ['--log', file], target);
      expect(again.code).toBe(1);
      expect(again.stderr.trim().split('\n')).toEqual([expect.stringContaining('already holds events')]);
    }

    // The log itself: the same events, fields and order, and the same grouping into appends.
    const reexported = join(freshDir(), 'again.ndjson');
    expect((await runCliTool('export', [reexported], embedded(movedDir))).code).toBe(0);
    const again = readFileSync(reexported, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const withoutTransaction = ({ transactionId: _, ...event }: { transactionId: string }) => event;
    expect(again.map(withoutTransaction)).toEqual(lines.map(withoutTransaction));
    const appendSizes = (events: { transactionId: string }[]) =>
      events.reduce<number[]>((sizes, e, i) => (i > 0 && events[i - 1].transactionId === e.transactionId ? [...sizes.slice(0, -1), sizes.at(-1)! + 1] : [...sizes, 1]), []);
    expect(appendSizes(again)).toEqual(appendSizes(lines));

    const moved = await start(embedded(movedDir));
    const onServer = await start({ DATABASE_URL: server.url, API_KEYS: `${KEY}:admin` });
    const reads = await readsOf(original.url, knownAt);
    for (const path of reads) {
      const expected = await answer(original.url, path);
      expect({ path, status: expected.status }).toEqual({ path, status: 200 }); // every read is a real answer
      expect({ path, ...(await answer(moved.url, path)) }).toEqual({ path, ...expected });
      expect({ path, ...(await answer(onServer.url, path)) }).toEqual({ path, ...expected });
    }
  }, HANG_GUARD);
});
