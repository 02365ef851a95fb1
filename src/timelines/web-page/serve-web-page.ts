import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROJECT_ROOT } from '../../common/paths.js';

/** Where `npm run build:web` puts the timeline page (web/ bundled with esbuild). */
export const WEB_ROOT = join(PROJECT_ROOT, 'dist', 'web');

/**
 * Serves the timeline page and its bundled assets at `/`. Each file found at start-up gets a route of its
 * own (no catch-all): an API request never looks at the disk (a stat of the disk on every API request
 * was 12 % of the service's CPU under read load, BENCHMARKS.md), and any other path that names no file
 * is Nest's 404. Without a built page (tests that run from the sources) nothing is served and nothing
 * breaks.
 */
export async function serveWebPage(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_ROOT, index: 'index.html', wildcard: false, redirect: false, maxAge: '5m', decorateReply: false });
}
