// Regenerates the README's screenshots of the page (docs/page-desktop.png, docs/page-phone.png) from the
// built service with the seed loaded, in headless Chromium: `npm run screenshots` (builds first).
// The service runs on a scratch database of DATABASE_URL's server when it is set, else on embedded
// PostgreSQL in a temporary directory; `--url URL` photographs a service already running instead.
// A screenshot is refused (exit 1) when a timeline label runs past its panel or the page is wider than the screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { layoutProblems, shownTimelineItems } from './layout-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { url: { type: 'string' } } });
const SHOTS = [
  { file: 'page-desktop.png', width: 1400, height: 1000 },
  { file: 'page-phone.png', width: 420, height: 900 },
];
// The seed's day: the grid shows where everyone stood after the interview, whatever today is.
const VIEW = '/?live=0&on=2025-02-04';

const { url, stop } = values.url ? { url: values.url.replace(/\/$/, ''), stop: async () => {} } : await startSeeded();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`${url}${VIEW}`);
    await page.locator('body[data-ready="true"]').waitFor();
    if (await page.evaluate(shownTimelineItems) === 0) throw new Error(`${shot.file}: the timeline shows nothing`);
    const problems = await page.evaluate(layoutProblems);
    if (problems.length > 0) throw new Error(`${shot.file} at ${shot.width} px: ${problems.join('; ')}`);
    await page.screenshot({ path: join(root, 'docs', shot.file), fullPage: true });
    await page.close();
    console.log(`docs/${shot.file} (${shot.width}x${shot.height})`);
  }
} finally {
  await browser.close();
  await stop();
}

async function startSeeded() {
  const { startService } = await import(join(root, 'dist/tools/tools/service/built-service.js'));
  const env = { SEED_ON_EMPTY: 'true', LOG_LEVEL: 'warn', API_KEYS: 'screenshots-reader-key:reader' };
  if (process.env.DATABASE_URL) {
    const { createScratchDatabase } = await import(join(root, 'dist/tools/src/database/scratch-database.js'));
    const db = await createScratchDatabase(process.env.DATABASE_URL, 'screenshots');
    const service = await startService({ ...env, DATABASE_URL: db.url }).catch(async (error) => { await db.drop(); throw error; });
    return { url: service.url, stop: async () => { await service.stop(); await db.drop(); } };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'stanceline-screenshots-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const service = await startService({ ...env, DATA_DIR: dataDir }, { healthTimeoutMs: 120_000 }).catch((error) => { removeDataDir(); throw error; });
  return { url: service.url, stop: async () => { await service.stop(); removeDataDir(); } };
}
