import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SEED_FILE } from '../src/common/paths.js';
import { NdjsonImporter } from '../src/import/ndjson-importer.js';
import { createTestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const seedLines = readFileSync(SEED_FILE, 'utf8').split('\n').filter((l) => l.trim() !== '');

/** The files this spec writes, in one temporary folder removed when its tests end. */
const scratch = mkdtempSync(join(tmpdir(), 'stanceline-import-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

describe('NDJSON import', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('loads every record of the seed article, and a second import records nothing new', async () => {
    const importer = t.app.get(NdjsonImporter);
    const first = await importer.importFile(SEED_FILE);
    expect(first.failed).toEqual([]);
    expect(first.recorded).toBe(seedLines.length);
    const events = await t.eventCount();

    const second = await importer.importFile(SEED_FILE);
    expect(second).toEqual({ recorded: 0, unchanged: seedLines.length, failed: [] });
    expect(await t.eventCount()).toBe(events);

    // Every statement and claim is known through the article, at a place in it.
    const statements = (await t.http.get('/v1/statements?limit=500').expect(200)).body.items;
    const claims = (await t.http.get('/v1/claims').expect(200)).body.items.flatMap((m: { claims: object[] }) => m.claims);
    expect(statements).toHaveLength(seedLines.filter((l) => l.startsWith('{"statement"')).length);
    expect(claims).toHaveLength(seedLines.filter((l) => l.startsWith('{"claim"')).length);
    for (const record of [...statements, ...claims]) {
      expect(record).toMatchObject({ reportedIn: 'article-zelensky-willing-to-negotiate-with-putin', locator: expect.stringMatching(/^paragraphs? \d/) });
    }

    const actor = await t.http.get('/v1/actors/donald-trump').expect(200);
    expect(actor.body.roles).toEqual(expect.arrayContaining([{ title: expect.stringMatching(/President/), from: '2025-01-20' }]));
  });

  it('reports each bad line by number and still loads the good ones', async () => {
    const file = join(scratch, 'mixed.ndjson');
    writeFileSync(file, [
      '{"actor": {"id": "keir-starmer", "name": "Keir Starmer", "kind": "person"}}',
      '{"actor": {"id": "Not A Slug", "name": "x", "kind": "person"}}',
      'not json',
      '{"planet": {"id": "mars"}}',
      '{"actor": {"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "person"}}',
    ].join('\n'));
    const report = await t.app.get(NdjsonImporter).importFile(file);
    expect(report.recorded).toBe(2);
    expect(report.failed.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(report.failed[0].problem).toContain('actor.id');
  });

  it('reports a line its page refuses before the bad lines that follow it, in file order', async () => {
    // Line 2 is refused when its page is checked, after line 3 has been read and found wrong.
    const file = join(scratch, 'refused-then-bad.ndjson');
    writeFileSync(file, [
      '{"actor": {"id": "olaf-scholz", "name": "Olaf Scholz", "kind": "person"}}',
      '{"statement": {"actorId": "nobody-known", "topicId": "no-topic", "stance": "support", "summary": "S", "form": "paraphrase", "statedAt": "2024", "sourceId": "no-source"}}',
      'not json',
    ].join('\n'));
    const report = await t.app.get(NdjsonImporter).importFile(file);
    expect(report.recorded).toBe(1);
    expect(report.failed.map((f) => f.line)).toEqual([2, 3]);
    expect(report.failed[0].problem).toContain('No actor nobody-known');
  });
});

describe('NDJSON import of a file larger than a page', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const write = (name: string, records: object[]) => {
    const file = join(scratch, name);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    return file;
  };
  const actor = (id: string, name = id) => ({ actor: { id, name, kind: 'person' } });
  const statement = (id: string, actorId: string, topicId: string) => ({
    statement: { id, actorId, topicId, stance: 'support', summary: `Statement ${id}`, form: 'paraphrase', statedAt: '2024-05', sourceId: 'bulk-source' },
  });

  it('loads records that name others created earlier in the same file, in file order, and a second import records nothing', async () => {
    // Each actor's statements follow it at once, and subtopics follow their parent: a page must not check a
    // line before what it names is written.
    const records: object[] = [
      { source: { id: 'bulk-source', kind: 'article', title: 'Bulk' } },
      { topic: { id: 'bulk', title: 'Bulk', proposition: 'Bulk imports work' } },
      { topic: { id: 'bulk/fast', title: 'Fast', proposition: 'They are fast' } },
      { topic: { id: 'bulk/fast/safe', title: 'Safe', proposition: 'And safe' } },
    ];
    for (let a = 0; a < 60; a++) {
      records.push(actor(`bulk-actor-${a}`));
      for (let s = 0; s < 20; s++) records.push(statement(`bulk-${a}-${s}`, `bulk-actor-${a}`, s % 2 ? 'bulk/fast' : 'bulk/fast/safe'));
    }
    const file = write('bulk.ndjson', records);

    const first = await t.app.get(NdjsonImporter).importFile(file);
    expect(first).toEqual({ recorded: records.length, unchanged: 0, failed: [] });
    const log: { stream_id: string }[] = await t.db.dataSource.query(`SELECT stream_id FROM events ORDER BY position`);
    const idOf = (r: object) => `${Object.keys(r)[0]}-${(Object.values(r)[0] as { id: string }).id}`;
    expect(log.map((e) => e.stream_id)).toEqual(records.map(idOf));
    const page = await t.http.get('/v1/statements').query({ actor: 'bulk-actor-59', topic: 'bulk', limit: 100 }).expect(200);
    expect(page.body.items.map((s: { id: string }) => s.id).sort()).toEqual(Array.from({ length: 20 }, (_, s) => `bulk-59-${s}`).sort());

    const again = await t.app.get(NdjsonImporter).importFile(file);
    expect(again).toEqual({ recorded: 0, unchanged: records.length, failed: [] });
    expect(await t.eventCount()).toBe(records.length);
  });

  it('keeps the first of two lines with the same id, as one request after another would', async () => {
    const file = write('twice.ndjson', [actor('twice', 'The first'), actor('other'), actor('twice', 'The second')]);
    expect(await t.app.get(NdjsonImporter).importFile(file)).toEqual({ recorded: 2, unchanged: 1, failed: [] });
    const twice = await t.http.get('/v1/actors/twice').expect(200);
    expect(twice.body.name).toBe('The first');
  });

  it('records each record once when two imports of overlapping files run at the same time', async () => {
    // Each file shares half its actors with the other, under other names: whichever import gets to an id
    // first records it, and the other sees it as there already, without failing a line.
    const ids = Array.from({ length: 1_500 }, (_, i) => `race-${i}`);
    const a = write('race-a.ndjson', ids.slice(0, 1_000).map((id) => actor(id, `${id} from a`)));
    const b = write('race-b.ndjson', ids.slice(500).map((id) => actor(id, `${id} from b`)));
    const before = await t.eventCount();
    const [ra, rb] = await Promise.all([a, b].map((file) => t.app.get(NdjsonImporter).importFile(file)));
    expect([ra.failed, rb.failed]).toEqual([[], []]);
    expect(ra.recorded + rb.recorded).toBe(ids.length);
    expect(ra.unchanged + rb.unchanged).toBe(500);
    expect(await t.eventCount()).toBe(before + ids.length);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM actors WHERE id LIKE 'race-%'`);
    expect(n).toBe(ids.length);
  });
});

describe('npm run import (the command)', () => {
  it('imports a file into the configured database, showing progress, and exits 0', async () => {
    const db = await createTestDatabase();
    try {
      const run = () => spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/src/cli/import.js'), SEED_FILE], {
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'info', API_KEYS: 'cli-test-key-0123456789:admin' },
        encoding: 'utf8',
      });
      const first = run();
      expect(first.status).toBe(0);
      // What it did, on stdout; the progress on stderr (a line, as stderr is no terminal here); no logs.
      expect(first.stdout).toMatch(new RegExp(`^${SEED_FILE}: ${seedLines.length} recorded, 0 unchanged, 0 refused\n$`));
      expect(first.stderr).toMatch(new RegExp(`^import ${SEED_FILE}: ${seedLines.length}/${seedLines.length} lines \\(`));
      expect(first.stderr).not.toMatch(/"level"|API_KEYS|Nest/);
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM events');
      expect(n).toBeGreaterThanOrEqual(seedLines.length);
      const second = run();
      expect(second.status).toBe(0);
      expect(second.stdout).toContain(`0 recorded, ${seedLines.length} unchanged, 0 refused`);
      const [{ n: again }] = await db.dataSource.query('SELECT count(*)::int AS n FROM events');
      expect(again).toBe(n);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
