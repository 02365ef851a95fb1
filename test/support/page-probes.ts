/// <reference lib="dom" />
// What the browser tests read off the page beyond single elements; page.evaluate callbacks are typed against the DOM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM } from './browser.js';

/** The text of the grid cell in the actor's row under the column titled `topicTitle` (or the row's "no statements"). */
export async function gridCell(page: Page, actorId: string, topicTitle: string): Promise<string> {
  return page.evaluate(([actor, title]) => {
    const headers = [...document.querySelectorAll('#grid thead th')].map((th) => th.querySelector('.topic-title')?.textContent);
    const column = headers.indexOf(title);
    // What the grid showed instead (its caption and columns, or why it could not load), for the failure message.
    if (column < 0) return `no column "${title}" in: ${document.querySelector('#grid')?.textContent?.slice(0, 300)}`;
    const row = document.querySelector(`#grid tbody tr[data-actor-id="${actor}"]`);
    if (!row) return `no row for ${actor}`;
    return ((row.querySelector('td.no-position') ?? row.children[column]) as HTMLElement).innerText.trim();
  }, [actorId, topicTitle]);
}

/**
 * Headless Chromium's own screenshot of `url` (`--screenshot --virtual-time-budget=5000`), as the usual tools
 * take one: how it ended and the size of the picture. A page that keeps the browser waiting never lets it
 * exit; it is killed after `guardMs` (a hang guard, not a timing).
 */
export async function headlessScreenshot(url: string, guardMs: number): Promise<{ code: number | null; signal: string | null; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'stanceline-shot-'));
  const file = join(dir, 'page.png');
  try {
    const chromium = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`,
      '--window-size=1400,1000', '--virtual-time-budget=5000', `--screenshot=${file}`, url], { stdio: 'ignore' });
    const guard = setTimeout(() => chromium.kill('SIGKILL'), guardMs);
    const [code, signal] = await once(chromium, 'exit') as [number | null, string | null];
    clearTimeout(guard);
    return { code, signal, bytes: existsSync(file) ? statSync(file).size : 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
