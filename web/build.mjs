// Bundles the timeline page (web/) into dist/web: TypeScript and CSS with esbuild, every library from
// node_modules, so the page loads nothing from the internet. Run by `npm run build:web`.
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { app: 'web/src/main.ts', 'timelinejs/timelinejs-page': 'web/src/timelinejs-page.ts' },
  outdir: out,
  bundle: true,
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: true,
  // TimelineJS's sources import their Less styles; the package's prebuilt CSS is copied below instead.
  loader: { '.less': 'empty' },
  logLevel: 'warning',
});
for (const page of ['index.html', 'timelinejs.html', 'favicon.svg']) await cp(join(root, 'web', page), join(out, page));
await cp(join(root, 'web', 'styles', 'timelinejs-page.css'), join(out, 'timelinejs', 'timelinejs-page.css'));
await cp(join(root, 'node_modules', '@knight-lab', 'timelinejs', 'dist', 'css'), join(out, 'timelinejs', 'css'), { recursive: true });
