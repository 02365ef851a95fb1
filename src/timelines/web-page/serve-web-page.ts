import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PROJECT_ROOT } from '../../common/paths.js';

/** Where `npm run build:web` puts the timeline page (web/ bundled with esbuild). */
export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');

/**
 * Serves the timeline page and its bundled assets at `/`. Only files that exist are answered here;
 * every other path (/docs, /health, /v1/...) falls through to Nest's routes. Without a built page
 * (tests that run from the sources) nothing is served and nothing breaks.
 */
export function serveWebPage(app: NestExpressApplication): void {
  app.useStaticAssets(WEB_ROOT, { index: 'index.html', fallthrough: true, redirect: false, maxAge: '5m' });
}
