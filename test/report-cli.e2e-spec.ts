import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, SEED_FILE } from '../src/common/paths.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** `npm run report` as an analyst runs it: the built command against the configured database. */
describe('the report command', () => {
  let db: TestDatabase;
  const run = (...args: string[]) => spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/src/cli/report.js'), ...args], {
    env: { ...process.env, DATABASE_URL: db.url, API_KEYS: 'report-cli-key-0123456789:admin', LOG_LEVEL: 'info' },
    encoding: 'utf8',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/src/cli/import.js'), SEED_FILE], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', API_KEYS: 'report-cli-key-0123456789:admin' },
      encoding: 'utf8',
    });
    expect(imported.status).toBe(0);
  }, 60_000);
  afterAll(async () => { await db.drop(); });

  it('writes the Markdown report of the seed to stdout, and nothing but the report', () => {
    const result = run('--actor', 'volodymyr-zelensky', '--format', 'markdown');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('# Stance changes: Volodymyr Zelensky')).toBe(true);
    expect(result.stdout).toContain('reversal (full flop)');
    expect(result.stdout).toContain('if it is the only viable path to securing peace and preventing further loss of life in Ukraine');
    expect(result.stdout).not.toMatch(/"level":/);
  }, 60_000);

  it('filters like the HTTP report: a kind with no changes gives an empty CSV with its header', () => {
    const result = run('--actor', 'volodymyr-zelensky', '--kind', 'shift', '--format', 'csv');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^actorId,actorName,topicId/);
  }, 60_000);

  it('answers an unknown actor with exit code 3 and the suggestions, never an empty report', () => {
    const result = run('--actor', 'zelenksy', '--format', 'markdown');
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/No actor "zelenksy"; did you mean volodymyr-zelensky/);
  }, 60_000);

  it('refuses bad arguments with the usage and exit code 2', () => {
    const result = run('--format', 'pdf');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage/i);
  });
});
