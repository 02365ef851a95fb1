import type { Page } from 'playwright-core';
import { chromiumInstalled, describeWithoutChromium, launchBrowser, type TestBrowser } from '../support/browser.js';
import { startSeededService, type SeededService } from '../support/seeded-service.js';

if (!chromiumInstalled()) {
  describeWithoutChromium('the TimelineJS export in TimelineJS');
} else {
  /** The real client: the export, rendered by the TimelineJS library itself (bundled from @knight-lab/timelinejs). */
  describe('the TimelineJS export in TimelineJS', () => {
    let seeded: SeededService;
    let browser: TestBrowser;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      seeded = await startSeededService();
      browser = await launchBrowser(seeded.url);
      page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await seeded?.stop();
    });

    const exported = async (query: string) =>
      (await (await fetch(`${seeded.url}/v1/timeline?format=timelinejs${query}`)).json()) as { events: { unique_id: string }[] };

    it.each([
      ['every statement of the seed', ''],
      ['one actor', '&actor=donald-trump'],
      ['one topic, with a partial date', '&topic=ukraine-war/negotiations/direct-talks-with-putin'],
    ])('renders %s: a title slide and one slide per event, without errors', async (_what, query) => {
      const { events } = await exported(query);
      expect(events.length).toBeGreaterThan(0);
      await page.goto(`${seeded.url}/timelinejs.html?${query.slice(1)}`);
      await page.locator('body[data-ready="true"]').waitFor();
      expect(await page.locator('.tl-storyslider .tl-slide').count()).toBe(events.length + 1);
      expect(await page.locator('.tl-timemarker').count()).toBe(events.length);
      for (const { unique_id } of events) await page.locator(`[id="${unique_id}"]`).first().waitFor({ state: 'attached' });
      expect(await page.locator('.tl-message-full:visible').count()).toBe(0);
      expect(errors).toEqual([]);
      expect(browser.external).toEqual([]);
    });
  });
}
