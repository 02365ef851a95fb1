import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/common/paths.js';
import { chromiumInstalled, describeWithoutChromium, launchBrowser, type TestBrowser } from '../support/browser.js';
import { SEED_STATEMENTS, TALKS_2025, TRUMP_TALKS_2025 } from '../support/references.js';
import { startSeededService, type SeededService } from '../support/seeded-service.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test', 'artifacts');

const listButton = (page: Page, id: string) => page.locator(`#statements button[data-statement-id="${id}"]`);

if (!chromiumInstalled()) {
  describeWithoutChromium('the timeline page in a browser');
} else {
  describe('the timeline page in a browser, against the service with the seed loaded', () => {
    let seeded: SeededService;
    let browser: TestBrowser;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      seeded = await startSeededService();
      browser = await launchBrowser(seeded.url);
      page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
      await page.goto(`${seeded.url}/`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await seeded?.stop();
    });

    it('serves the page at / from the build, and leaves /docs, /health and /v1 to the API', async () => {
      const get = (path: string) => fetch(`${seeded.url}${path}`);
      expect((await get('/')).headers.get('content-type')).toMatch(/^text\/html/);
      expect((await get('/app.js')).headers.get('content-type')).toMatch(/javascript/);
      expect((await get('/health')).status).toBe(200);
      expect((await (await get('/docs')).text())).toContain('swagger');
      const missing = await get('/v1/no-such-thing');
      expect([missing.status, missing.headers.get('content-type')]).toEqual([404, expect.stringMatching(/^application\/problem\+json/)]);
    });

    it("shows the seed's statements on the timeline, coloured by stance, the decree of 2022-10-04 as a day, and the reversal marked", async () => {
      await page.locator('#statements li button').nth(SEED_STATEMENTS - 1).waitFor();
      expect(await page.locator('#statements li button').count()).toBe(SEED_STATEMENTS);
      // The decree and the refusal to recognize the occupied territories, both dated to the day.
      await expect(page.locator('#timeline .vis-item.vis-point.precision-day.stance-strongly_oppose').count()).resolves.toBe(2);
      await expect(page.locator('#timeline .vis-item.vis-point.stance-support').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('#timeline .vis-item.vis-point.stance-change.change-reversal').count()).resolves.toBe(1);
      expect(await listButton(page, TALKS_2025).textContent()).toContain('reversal from strongly oppose');
      // All topics is a grid of positions, never a line joining different topics.
      expect(await page.locator('#chart-section').isHidden()).toBe(true);
      await page.locator('#grid td button').first().waitFor();
      await page.locator('#live-status', { hasText: 'Live' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-seed.png'), fullPage: true });
    });

    it('opens a statement from the timeline by keyboard: its quote, source and history; Escape goes back', async () => {
      const item = page.locator(`#timeline button[data-statement-id="${TRUMP_TALKS_2025}"]`);
      await item.focus();
      await page.keyboard.press('Enter');
      const details = page.locator('#details');
      await details.locator('.quote').waitFor();
      expect(await page.locator('#details-heading').textContent()).toBe('Donald Trump: support');
      expect(await details.locator('.quote').textContent()).toBe('very constructive talks');
      expect(await details.locator('.source').textContent()).toContain('Press conference of Donald Trump and Benjamin Netanyahu');
      expect(await details.locator('.history li').count()).toBe(1);
      await page.keyboard.press('Escape');
      expect(await details.isHidden()).toBe(true);
      expect(await page.evaluate('document.activeElement.dataset.statementId')).toBe(TRUMP_TALKS_2025);
    });

    it('opens a statement from the list by click: its conditions and the stance change it made', async () => {
      await listButton(page, TALKS_2025).click();
      const details = page.locator('#details');
      await details.locator('.summary').waitFor();
      expect(await details.textContent()).toContain('if it is the only viable path to securing peace and preventing further loss of life in Ukraine');
      expect(await details.textContent()).toContain('reversal (full flop) from strongly oppose');
      expect(await details.locator('.source').textContent()).toContain('Piers Morgan interview with Volodymyr Zelensky');
      await page.locator('#details-close').click();
    });

    it('shows a statement recorded through the API without a reload', async () => {
      await page.evaluate('window.__stillTheSamePage = true');
      await seeded.post('/v1/statements', {
        id: 'trump-2025-02-14-peace-talks', actorId: 'donald-trump', topicId: 'ukraine-war/negotiations/us-talks-with-russia-and-ukraine', stance: 'strongly_support',
        summary: 'Trump said peace talks would begin soon.', quote: 'talks are going to start', form: 'direct_quote', statedAt: '2025-02-14',
        sourceId: 'trump-netanyahu-press-conference-2025-02-04',
      });
      await listButton(page, 'trump-2025-02-14-peace-talks').waitFor({ timeout: 20_000 });
      expect(await page.locator('#statements li button').count()).toBe(SEED_STATEMENTS + 1);
      await page.locator('#timeline button[data-statement-id="trump-2025-02-14-peace-talks"]').waitFor();
      expect(await page.evaluate('window.__stillTheSamePage')).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-live.png'), fullPage: true });
    });

    it("shows a correction live, and the statement's correction history", async () => {
      await seeded.post('/v1/statements/trump-2025-02-14-peace-talks/corrections', {
        changes: { stance: 'support', statedAt: '2025-02' }, reason: 'the date was the month of the remarks, and the stance overstated',
      });
      const corrected = listButton(page, 'trump-2025-02-14-peace-talks');
      await page.locator('#statements button.stance-support[data-statement-id="trump-2025-02-14-peace-talks"]').waitFor({ timeout: 20_000 });
      expect(await corrected.textContent()).toContain('February 2025 (day unknown)');
      await corrected.click();
      const history = page.locator('#details .history li');
      await history.nth(1).waitFor();
      expect(await history.nth(1).textContent()).toMatch(/Corrected .* reason: the date was the month of the remarks.*changed: stance \(strongly support → support\), date \(2025-02-14 → 2025-02\)/);
      await page.keyboard.press('Escape');
    });

    it('narrows to the chosen actors and topic', async () => {
      await page.locator('#topic').selectOption('ukraine-war/negotiations/direct-talks-with-putin');
      await page.locator('body[data-statements="3"]').waitFor();
      await page.locator('#actor-volodymyr-zelensky').uncheck();
      await page.locator('body[data-statements="0"]').waitFor();
      await page.locator('#actor-volodymyr-zelensky').check();
      await page.locator('#topic').selectOption('');
      await page.locator(`body[data-statements="${SEED_STATEMENTS + 1}"]`).waitFor();
    });

    it('is readable at phone width: the timeline as a list by date, nothing wider than the screen', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await page.locator('#timeline-list .timeline-entry button').nth(SEED_STATEMENTS).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-375.png'), fullPage: true });
    });

    it('loaded nothing from the internet and raised no errors', () => {
      expect(browser.external).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}
