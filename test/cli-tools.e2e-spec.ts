import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_FILE } from '../src/common/paths.js';
import { runCliTool } from './support/cli-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The command-line tools as a person at a terminal meets them (README: "Commands"): the result on
 * stdout, progress and one-line errors on stderr, documented exit codes, no framework logs, no API_KEYS
 * notice. Run against a server database (DATABASE_URL); the embedded ones are in embedded.e2e-spec.ts.
 */
describe('the command-line tools', () => {
  let db: TestDatabase;
  let dir: string;
  const env = (extra: Record<string, string | undefined> = {}) => ({ DATABASE_URL: db.url, API_KEYS: undefined, LOG_LEVEL: undefined, ...extra });

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'stanceline-cli-'));
    expect((await runCliTool('import', [SEED_FILE], env())).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuild: a result line on stdout, its progress on stderr, nothing else', async () => {
    const run = await runCliTool('rebuild', [], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rebuilt \d+ read-model tables from \d+ events in [\d.]+ s\n$/);
    expect(run.stderr).toMatch(/^rebuild: \d+\/\d+ events \(\d+\/s, \d+ s\)\n$/);
  }, 120_000);

  it('export: the log to a file, refusing to overwrite one; usage mistakes exit 2', async () => {
    const file = join(dir, 'log.ndjson');
    const run = await runCliTool('export', [file], env());
    expect(run).toEqual(expect.objectContaining({ code: 0, stdout: expect.stringMatching(/^exported \d+ events to /) }));
    expect(run.stderr).not.toMatch(/"level"|API_KEYS|Nest/);
    const again = await runCliTool('export', [file], env());
    expect(again).toEqual({ code: 2, stdout: '', stderr: `stanceline export: ${file} exists; choose a new file name\n` });
    expect((await runCliTool('export', [], env())).code).toBe(2);
    expect((await runCliTool('import', ['--log'], env())).code).toBe(2);
  }, 120_000);

  it('a failure is one line on stderr and exit 1; LOG_LEVEL=debug adds the stack', async () => {
    const missing = join(dir, 'missing.ndjson');
    const run = await runCliTool('import', [missing], env());
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^stanceline import: ENOENT.*${missing}`))]);

    const notALog = join(dir, 'not-a-log.ndjson');
    writeFileSync(notALog, '{"position": 1}\n');
    const refused = await runCliTool('import', ['--log', notALog], env());
    expect(refused).toEqual(expect.objectContaining({ code: 1, stdout: '' }));
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^stanceline import: .*not-a-log\.ndjson is not an exported log, nothing imported: line 1: transactionId must be/)]);
    const debug = await runCliTool('import', ['--log', notALog], env({ LOG_LEVEL: 'debug' }));
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/stanceline import: Error: .*not an exported log[^\n]*\n\s+at /);
  }, 120_000);

  it('a configuration mistake exits 2 with one line naming the variable', async () => {
    const run = await runCliTool('migrate', [], env({ DATABASE_POOL_SIZE: 'many' }));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^stanceline migration:run: Invalid configuration: DATABASE_POOL_SIZE/)]);
  }, 120_000);
});
