import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SEED_FILE } from '../src/common/paths.js';
import { NdjsonImporter } from '../src/import/ndjson-importer.js';
import { createTestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const seedLines = readFileSync(SEED_FILE, 'utf8').split('\n').filter((l) => l.trim() !== '');

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

    const actor = await t.http.get('/v1/actors/donald-trump').expect(200);
    expect(actor.body.roles).toEqual(expect.arrayContaining([{ title: expect.stringMatching(/President/), from: '2025-01-20' }]));
  });

  it('reports each bad line by number and still loads the good ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stanceline-import-')), 'mixed.ndjson');
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
      expect(first.stdout).toContain('import finished');
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM events');
      expect(n).toBeGreaterThanOrEqual(seedLines.length);
      expect(run().status).toBe(0);
      const [{ n: again }] = await db.dataSource.query('SELECT count(*)::int AS n FROM events');
      expect(again).toBe(n);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
