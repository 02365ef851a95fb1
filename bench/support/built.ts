import { fileURLToPath } from 'node:url';

/**
 * A file of the service as this benchmark compiled it (dist/bench/src/...), not dist/src: other
 * engineers rebuild dist/src while they work, and a run of many minutes must not pick up a half-written
 * build halfway through. `npm run bench` compiles the sources once, into its own folder, at the start.
 */
export function builtFile(path: string): string {
  return fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
}
