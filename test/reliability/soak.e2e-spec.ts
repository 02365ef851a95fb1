import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths.js';
import { TEST_SERVER_URL } from '../support/test-database.js';

/** `npm run soak -- --quick`: the same bounded load test as the full run, 20 s of it, through the built CLI. */
describe('the soak (quick mode)', () => {
  // The soak is tooling, built apart from the product (`npm run build:tools`, as `npm run soak` does):
  // built here so that the test runs the current sources.
  beforeAll(() => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tools/tsconfig.json')]);
  }, 120_000);

  it('runs mixed load with event-stream readers and ends with no error, every statement once, and read models equal to a rebuild', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/tools/tools/soak/main.js'), '--quick', '--database-url', TEST_SERVER_URL], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const [code] = await once(child, 'exit');

    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('soak passed') });
    expect(output).toMatch(/\[\s+\d+ s\] \d+ requests/); // progress while running
    expect(output).toMatch(/load: \d+ requests in [\d.]+ s \(\d+\/s\), 0 error responses/);
    expect(output).toMatch(/RSS: start [\d.]+ MiB, max [\d.]+ MiB, end [\d.]+ MiB; second-half trend [-+][\d.]+ MiB\/min/);
    expect(output).toMatch(/statements: (\d+) acknowledged, \1 found at their acknowledged version, 0 missing, 0 at another version, 0 recorded twice/);
    expect(output).toMatch(/read models vs rebuild: \d+ tables rebuilt, 0 differ/);
    process.stdout.write(`soak --quick:\n${output.split('\n').filter((l) => /^(load|RSS|statements|event stream|read models|note)/.test(l)).join('\n')}\n`);
  }, 180_000);
});
