import { Timeline } from '@knight-lab/timelinejs';

/**
 * The timeline as a TimelineJS story: the service's TimelineJS export, with the filters of the page's
 * own query string, rendered by the TimelineJS library itself (bundled; its fonts and themes are not
 * fetched from its CDN).
 */
async function main(): Promise<void> {
  const status = document.getElementById('status')!;
  const query = new URLSearchParams(location.search);
  query.set('format', 'timelinejs');
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = sessionStorage.getItem('stanceline.apiKey');
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(new URL(`v1/timeline?${query}`, document.baseURI), { headers });
  if (!res.ok) {
    status.textContent = `Could not load the timeline (${res.status}).`;
    return;
  }
  const data = await res.json() as { title: unknown; events: unknown[] };
  document.body.dataset.events = String(data.events.length);
  if (data.events.length === 0) {
    status.textContent = 'No statements match: there is nothing to tell.';
    return;
  }
  const timeline = new Timeline('timeline-embed', data, {
    font: null,
    theme: null,
    language: 'en',
    hash_bookmark: false,
    script_path: new URL('timelinejs/', document.baseURI).href,
  });
  timeline.on('ready', () => {
    status.textContent = `${data.events.length} statements. Use the arrow keys or the arrows to move between them.`;
    document.body.dataset.ready = 'true';
  });
}

main().catch((error: Error) => {
  document.getElementById('status')!.textContent = `Could not show the timeline: ${error.message}`;
});
