import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/common/paths.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SRC = join(PROJECT_ROOT, 'src');

/** The README's Layout rule: the path's first segment after the version (and after admin/) names the folder, as is or in the plural. */
function featureFolder(path: string): string {
  const [first] = path.split('/').filter((s) => s && s !== 'v1' && s !== 'admin');
  return existsSync(join(SRC, first)) ? first : `${first}s`;
}

function controllersUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.http.controller.ts')).map((f) => join(dir, f));
}

/** "GET /v1/statements/{id}" for each route a controller file declares, path parameters as OpenAPI writes them. */
function routesIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const base = /@Controller\('([^']*)'\)/.exec(text)?.[1] ?? '';
  return [...text.matchAll(/@(Get|Post|Put|Patch|Delete)\((?:'([^']*)')?/g)].map(([, method, sub]) => {
    const path = `/${[base, sub].filter(Boolean).join('/')}`.replace(/[:*](\w+)/g, '{$1}');
    return `${method.toUpperCase()} ${path}`;
  });
}

describe('where an endpoint lives (README, Layout)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('every endpoint of the OpenAPI document is declared by a controller under the folder its path names', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const endpoints = Object.entries(body.paths as Record<string, object>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));
    expect(endpoints.length).toBeGreaterThan(20);
    const misplaced = endpoints.filter(({ method, path }) => {
      const folder = join(SRC, featureFolder(path));
      return !existsSync(folder) || !controllersUnder(folder).some((file) => routesIn(file).includes(`${method} ${path}`));
    });
    expect(misplaced).toEqual([]);
  });
});
