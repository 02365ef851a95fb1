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

/**
 * What a browser suite is when Chromium is absent. In CI (CI=true), which installs it, a failing test:
 * a browser suite that silently did not run would read as green. Elsewhere the suite shows as skipped,
 * with a note on stderr saying how to run it.
 */
export function describeWithoutChromium(suite: string): void {
  const missing = `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (runningInCi()) {
    describe(suite, () => {
      it('runs in Chromium, which CI must provide', () => { throw new Error(`${missing}: the browser tests cannot run`); });
    });
    return;
  }
  process.stderr.write(`\n  SKIPPED: ${suite}: ${missing}; these browser tests did not run.\n\n`);
  // Skipped, not failed, outside CI: this machine has no Chromium (the note above says how to get it).
  describe.skip(suite, () => {
    it(`needs Chromium at ${CHROMIUM}`, () => undefined);
  });
}

function runningInCi(): boolean {
  const ci = process.env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
