import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, as `.ci/run` installs it (apt-get install -y chromium); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumInstalled = () => existsSync(CHROMIUM);

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Requests the page tried to make to anywhere but the service under test (all refused). */
  readonly external: string[];
  close(): Promise<void>;
}

/**
 * Chromium, headless, in a fresh profile, with no network but the service: a request to any other host
 * is refused and recorded, so a test can say the page loads nothing from the internet.
 */
export async function launchBrowser(serviceUrl: string): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'stanceline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const origin = new URL(serviceUrl).origin;
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    external,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** When Chromium is absent the browser suites pass as one test that says, on stderr, that they did not run. */
export function reportSkipped(suite: string): void {
  process.stderr.write(`\n  SKIPPED: ${suite}: Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium); these browser tests did not run.\n\n`);
}
