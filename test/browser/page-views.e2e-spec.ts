/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the page: they are typed against the DOM.
import type { Page } from 'playwright-core';
import { layoutProblems, shownTimelineItems } from '../../web/layout-check.mjs';
import { lowContrastText } from '../support/contrast.js';
import { chromiumInstalled, describeWithoutChromium, launchBrowser, type TestBrowser } from '../support/browser.js';
import { gridCell, headlessScreenshot } from '../support/page-probes.js';
import { DIRECT_TALKS } from '../support/references.js';
import { startSeededService, type SeededService } from '../support/seeded-service.js';

const NUCLEAR = 'zelensky-2025-02-04-nuclear-weapons';
const PEACE_TALKS = 'zelensky-2025-02-04-talks-preserving-sovereignty';
const WIDTHS = [[1400, 1000], [1024, 768], [420, 900]] as const;

if (!chromiumInstalled()) {
  describeWithoutChromium('the page at every width, its grid, chart and search');
} else {
  describe('the page at every width, its grid, chart and search, on the seed', () => {
    let seeded: SeededService;
    let browser: TestBrowser;
    const errors: string[] = [];

    const open = async (query: string, [width, height]: readonly [number, number] = [1400, 1000]): Promise<Page> => {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
      await page.setViewportSize({ width, height });
      await page.goto(`${seeded.url}/${query}`);
      await page.locator('body[data-ready="true"]').waitFor();
      return page;
    };

    /** How many statements the service holds for a query: what the page must show, whatever the seed holds. */
    const statementCount = async (query: string) =>
      ((await (await fetch(`${seeded.url}/v1/statements?limit=500&${query}`)).json()) as { items: unknown[] }).items.length;

    beforeAll(async () => {
      seeded = await startSeededService();
      browser = await launchBrowser(seeded.url);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await seeded?.stop();
    });

    it.each(WIDTHS)('at %dx%d fits every timeline label inside its panel and nothing is wider than the screen', async (width, height) => {
      const page = await open('?live=0', [width, height]);
      expect(await page.evaluate(shownTimelineItems)).toBe(await statementCount(''));
      expect(await page.evaluate(layoutProblems)).toEqual([]);
      // A label shortened to fit is there in full for a screen reader and, on focus, below the timeline.
      if (width >= 600) {
        const item = page.locator('#timeline button[data-statement-id="zelensky-2025-02-04-recognition-of-occupied-territories"]');
        await item.focus();
        expect(await page.locator('#timeline-full-label').textContent()).toContain('strongly oppose on Recognition of occupied territories as Russian');
      } else {
        expect(await page.locator('#timeline-list .timeline-date').allTextContents()).toEqual([expect.stringContaining('2022'), '4 February 2025']);
      }
      await page.close();
      // One topic, with its chart instead of the grid, fits as well.
      const topic = await open(`?live=0&topic=${encodeURIComponent(DIRECT_TALKS)}`, [width, height]);
      expect(await topic.evaluate(shownTimelineItems)).toBe(await statementCount(`topic=${encodeURIComponent(DIRECT_TALKS)}`));
      expect(await topic.evaluate(layoutProblems)).toEqual([]);
      await topic.close();
    });

    it('shows All topics as a grid of where each actor stands on the chosen date; a cell opens its statement', async () => {
      const page = await open('?live=0&on=2025-02-04');
      expect(await page.locator('#chart-section').isHidden()).toBe(true);
      expect(await gridCell(page, 'volodymyr-zelensky', 'Recognition of occupied territories as Russian')).toBe('strongly oppose');
      expect(await gridCell(page, 'volodymyr-zelensky', 'NATO membership')).toBe('support');
      expect(await gridCell(page, 'volodymyr-zelensky', 'US talks with Russia and Ukraine')).toBe('');
      expect(await gridCell(page, 'vladimir-putin', 'NATO membership')).toMatch(/no statements/i);
      await page.locator('#grid button[data-statement-id="zelensky-2025-02-04-nato-membership"]').focus();
      await page.keyboard.press('Enter');
      await page.locator('#details .summary').waitFor();
      expect(await page.locator('#details-heading').textContent()).toBe('Volodymyr Zelensky: support');

      // Earlier, only the 2022 decree stood: the grid moves through time with the date control.
      await page.locator('#on').fill('2024-01-01');
      await page.locator('#on').dispatchEvent('change');
      await page.waitForFunction(() => !document.querySelector('#grid button[data-statement-id="zelensky-2025-02-04-nato-membership"]'));
      expect(await gridCell(page, 'volodymyr-zelensky', 'Direct talks with Putin')).toBe('strongly oppose');
      expect(await page.locator('#grid thead .topic-title').allTextContents()).toEqual(['Direct talks with Putin']);
      expect(new URL(page.url()).searchParams.get('on')).toBe('2024-01-01');
      await page.close();
    });

    it("charts one topic alone: Zelensky's line from -2 to +1, ringed at the reversal, and no other topic", async () => {
      const page = await open(`?live=0&topic=${encodeURIComponent(DIRECT_TALKS)}`);
      expect(await page.locator('#grid-section').isHidden()).toBe(true);
      const series = page.locator('#chart svg .series');
      expect(await series.evaluateAll((all) => all.map((g) => (g as SVGElement).dataset.topicId))).toEqual([DIRECT_TALKS]);
      const zelensky = page.locator('#chart svg .series[data-actor-id="volodymyr-zelensky"]');
      const points = await zelensky.locator('circle.point').evaluateAll((all) => all.map((c) => ({ score: Number((c as SVGElement).dataset.score), cy: Number(c.getAttribute('cy')) })));
      const levels = points.map((p) => p.score).filter((score, i, all) => i === 0 || score !== all[i - 1]);
      expect(levels).toEqual([-2, 1]);
      const support = points.find((p) => p.score === 1)!;
      expect(support.cy).toBeLessThan(points[0].cy);
      const rings = await zelensky.locator('circle.change-ring').evaluateAll((all) => all.map((c) => Number(c.getAttribute('cy'))));
      expect(rings).toEqual([support.cy]);
      // Every actor without a statement on this topic is named, not silently left out.
      expect(await page.locator('#chart-absent').textContent()).toMatch(/No statements on this topic: .*Donald Trump.*Vladimir Putin/);
      await page.close();
    });

    it("searches statements in words: 'nuclear' finds the nuclear-weapons statement, marked, and not the peace-talks one", async () => {
      const page = await open('?live=0');
      await page.locator('#search').fill('nuclear');
      await page.keyboard.press('Enter');
      const hit = page.locator(`#search-results button[data-statement-id="${NUCLEAR}"]`);
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toMatch(/nuclear/i);
      expect(await page.locator(`#search-results button[data-statement-id="${PEACE_TALKS}"]`).count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('q')).toBe('nuclear');
      await hit.click();
      await page.locator('#details .summary').waitFor();
      expect(await page.locator('#details .summary').textContent()).toContain('nuclear weapons');
      await page.close();
    });

    it("shows a highlight as HTML only when it is nothing but text and <mark>: anything else is shown as plain text", async () => {
      const page = await open('?live=0');
      const statement = await (await fetch(`${seeded.url}/v1/statements/${NUCLEAR}`)).json() as { summary: string };
      const hits = [
        { ...statement, id: 'safe', highlight: 'weapons &lt;b&gt; <mark>nuclear</mark> &amp; more' },
        { ...statement, id: 'hostile', highlight: '<img src="x" onerror="window.__injected = 1"><mark>nuclear</mark>' },
        { ...statement, id: 'attributes', highlight: '<mark onclick="window.__injected = 1">nuclear</mark>' },
      ];
      await page.route(/\/v1\/statements\?.*q=/, (route) => route.fulfill({ json: { items: hits, nextCursor: null } }));
      await page.locator('#search').fill('nuclear');
      await page.keyboard.press('Enter');
      await page.locator('#search-results button[data-statement-id="hostile"]').waitFor();
      const shown = (id: string) => page.locator(`#search-results button[data-statement-id="${id}"] .highlight`);
      expect(await shown('safe').innerHTML()).toBe('weapons &lt;b&gt; <mark>nuclear</mark> &amp; more');
      for (const id of ['hostile', 'attributes']) {
        expect(await shown(id).locator('*').count()).toBe(0);
        expect(await shown(id).textContent()).toBe(statement.summary);
      }
      expect(await page.evaluate('window.__injected')).toBeUndefined();
      await page.close();
    });

    it('restores the same view from a shared URL: actors, topic, date, search and the open statement', async () => {
      const page = await open('?live=0');
      await page.locator('#topic').selectOption('ukraine-war/security-guarantees');
      await page.locator('#actor-donald-trump').uncheck();
      await page.locator('#on').fill('2025-03-01');
      await page.locator('#on').dispatchEvent('change');
      await page.locator('#search').fill('missile');
      await page.keyboard.press('Enter');
      await page.locator('#search-results button[data-statement-id]').first().click();
      await page.locator('#details .summary').waitFor();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('statement'));
      const shared = page.url();
      const view = async (p: Page) => ({
        topic: await p.locator('#topic').inputValue(),
        trump: await p.locator('#actor-donald-trump').isChecked(),
        zelensky: await p.locator('#actor-volodymyr-zelensky').isChecked(),
        on: await p.locator('#on').inputValue(),
        q: await p.locator('#search').inputValue(),
        results: await p.locator('#search-results button').evaluateAll((all) => all.map((b) => (b as HTMLElement).dataset.statementId)),
        grid: await p.locator('#grid thead .topic-title').allTextContents(),
        details: await p.locator('#details-heading').textContent(),
      });
      const before = await view(page);
      const again = await browser.context.newPage();
      await again.goto(shared);
      await again.locator('body[data-ready="true"]').waitFor();
      await again.locator('#details .summary').waitFor();
      expect(await view(again)).toEqual(before);
      expect(before).toMatchObject({ topic: 'ukraine-war/security-guarantees', trump: false, zelensky: true, on: '2025-03-01', q: 'missile' });
      expect(before.results.length).toBeGreaterThan(0);
      await Promise.all([page.close(), again.close()]);
    });

    it('labels every control, keeps text at AA contrast, and reaches the grid by keyboard', async () => {
      const page = await open('?live=0&on=2025-02-04&q=nuclear');
      await page.locator('#search-results mark').first().waitFor();
      expect(await page.evaluate(lowContrastText, 'main *, header *')).toEqual([]);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select')]
        .filter((e) => (e as HTMLInputElement).labels?.length === 0 && !e.getAttribute('aria-label')).map((e) => e.id));
      expect(unlabelled).toEqual([]);
      await page.locator('#search').focus();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.matches('#grid td button') ?? false);
      }
      expect(reached).toBe(true);
      await page.close();
    });

    it('with ?live=0, headless Chromium taking a screenshot (--virtual-time-budget=5000) finishes', async () => {
      const shot = await headlessScreenshot(`${seeded.url}/?live=0`, 100_000);
      expect({ code: shot.code, signal: shot.signal }).toEqual({ code: 0, signal: null });
      expect(shot.bytes).toBeGreaterThan(10_000);
    }, 120_000);

    it('with knownAt, shows what the records said then: a statement recorded later is not in the grid', async () => {
      const seed = await (await fetch(`${seeded.url}/v1/statements?limit=500`)).json() as { items: { recordedAt: string }[] };
      const before = new Date(Math.max(...seed.items.map((s) => Date.parse(s.recordedAt))) + 1).toISOString();
      await seeded.post('/v1/statements', {
        id: 'trump-2025-02-04-nato-membership', actorId: 'donald-trump', topicId: 'ukraine-war/security-guarantees/nato-membership', stance: 'oppose',
        summary: 'Trump said NATO membership for Ukraine was not realistic.', form: 'paraphrase', statedAt: '2025-02-04',
        sourceId: 'trump-netanyahu-press-conference-2025-02-04',
      });
      const now = await open('?live=0&on=2025-02-04');
      expect(await gridCell(now, 'donald-trump', 'NATO membership')).toBe('oppose');
      const then = await open(`?live=0&on=2025-02-04&knownAt=${encodeURIComponent(before)}`);
      expect(await gridCell(then, 'donald-trump', 'NATO membership')).toBe('');
      expect(await then.locator('#known-at-details').getAttribute('open')).not.toBeNull();
      expect(await then.locator('#grid .grid-caption').textContent()).toMatch(/as the records stood at/);
      await Promise.all([now.close(), then.close()]);
    });

    it('keeps a shared knownAt to the millisecond when it falls on a whole minute, where the control shows no seconds', async () => {
      const knownAt = '2025-06-01T10:00:00.250Z';
      const page = await browser.context.newPage();
      const asked: (string | null)[] = [];
      page.on('request', (r) => { if (r.url().includes('/v1/positions')) asked.push(new URL(r.url()).searchParams.get('knownAt')); });
      await page.goto(`${seeded.url}/?live=0&on=2025-02-04&knownAt=${encodeURIComponent(knownAt)}`);
      await page.locator('body[data-ready="true"]').waitFor();
      expect(asked.length).toBeGreaterThan(0);
      expect(asked).toEqual(asked.map(() => knownAt));
      await page.close();
    });

    it("shows a record's provenance in its details: the publication it was reported in and where in the source", async () => {
      await seeded.post('/v1/statements', {
        id: 'zelensky-2025-02-04-reported-provenance', actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/ending-the-war', stance: 'support',
        summary: 'Zelensky said the war must end with a just peace.', form: 'paraphrase', statedAt: '2025-02-04',
        sourceId: 'piers-morgan-interview-zelensky-2025-02-04', reportedIn: 'article-zelensky-willing-to-negotiate-with-putin', locator: '00:41:10',
      });
      const article = await (await fetch(`${seeded.url}/v1/sources/article-zelensky-willing-to-negotiate-with-putin`)).json() as { title: string };
      const page = await open('?live=0&statement=zelensky-2025-02-04-reported-provenance');
      await page.locator('#details .reported-in').waitFor();
      expect(await page.locator('#details .reported-in').textContent()).toContain(`Reported in: ${article.title}`);
      expect(await page.locator('#details .locator').textContent()).toBe('Where in the source: 00:41:10');
      expect(await page.locator('#details .source').textContent()).toContain('Piers Morgan interview with Volodymyr Zelensky');
      await page.close();
    });

    it('raised no errors and loaded nothing from the internet', () => {
      expect(errors).toEqual([]);
      expect(browser.external).toEqual([]);
    });
  });
}
