import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (built). */
export const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
})();

export const SEED_FILE = join(PROJECT_ROOT, 'seed', 'article.ndjson');

/** A path as a person reads it: `./data` when under the working directory, absolute otherwise. */
export function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), resolve(path));
  if (relativePath === '') return '.';
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? resolve(path) : `./${relativePath}`;
}
