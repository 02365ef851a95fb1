import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { PROJECT_ROOT } from '../../common/paths.js';

/** Where `npm run build:web` puts the timeline page (web/ bundled with esbuild). */
export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');

/** Paths that are Nest's routes: the static handler never looks at them. */
const API_PATHS = /^\/(v1|docs|health)(\/|-|$)/;

/**
 * Serves the timeline page and its bundled assets at `/`. API paths skip the file lookup altogether (a
 * stat of the disk on every API request was 12 % of the service's CPU under read load, BENCHMARKS.md);
 * any other path that names no file falls through to Nest. Without a built page (tests that run from the
 * sources) nothing is served and nothing breaks.
 */
export function serveWebPage(app: NestExpressApplication): void {
  const assets = express.static(WEB_ROOT, { index: 'index.html', fallthrough: true, redirect: false, maxAge: '5m' });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    (API_PATHS.test(request.path) ? next() : assets(request, response, next)));
}
