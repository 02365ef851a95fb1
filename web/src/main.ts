import { TimelineView } from './timeline-view.js';
import '../styles/app.css';
import { ApiError, getAll, getJson, setApiKey, type Actor, type Positions, type SearchHit, type TimelineData, type Topic } from './api.js';
import { Filters, type Selection } from './filters.js';
import { followLiveUpdates } from './live-updates.js';
import { showPositionsGrid } from './positions-grid.js';
import { showSearchResults } from './search-results.js';
import { showStatementList } from './statement-list.js';
import { StatementPanel } from './statement-panel.js';
import { drawStepChart } from './step-chart.js';
import { showTimelineList } from './timeline-list.js';
import { readViewState, today, viewStateQuery, type ViewState } from './view-state.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const EMPTY: TimelineData = { items: [], groups: [] };

/**
 * The page: choose actors, a topic and a date; see where everyone stands (a grid for several topics, a
 * step chart for one), the statements on a timeline, and search them in words. The view lives in the URL,
 * and follows the event stream unless `?live=0`, so new statements appear by themselves.
 */
class StancelinePage {
  private data = EMPTY;
  private names = new Map<string, string>();
  private readonly state: ViewState;
  private readonly filters: Filters;
  private readonly timeline: TimelineView;
  private readonly panel: StatementPanel;
  private wanted: { choices: boolean; fit: boolean } | null = null;
  private loading = false;
  private stopLive?: () => void;

  constructor() {
    this.state = readViewState(location.search);
    this.filters = new Filters(document, () => this.refresh({ choices: false, fit: true }));
    this.filters.apply({ ...this.state, on: this.state.on ?? today() });
    this.timeline = new TimelineView(byId('timeline'), (id, trigger) => this.open(id, trigger), byId('timeline-full-label'));
    this.panel = new StatementPanel(byId('details'), byId('details-heading'), byId('details-body'),
      { actor: (id) => this.names.get(id) ?? id, topic: (id) => this.filters.topic(id) },
      (id) => document.querySelector<HTMLElement>(`main button[data-statement-id="${CSS.escape(id)}"]:not(#details *)`),
      (id) => this.remember({ statement: id }));
    for (const list of ['statements', 'search-results', 'grid', 'timeline-list']) {
      byId(list).addEventListener('click', (event) => {
        const button = (event.target as Element).closest<HTMLElement>('button[data-statement-id]');
        if (button) this.open(button.dataset.statementId!, button);
      });
    }
    byId('zoom-in').addEventListener('click', () => this.timeline.zoomIn());
    byId('zoom-out').addEventListener('click', () => this.timeline.zoomOut());
    byId('zoom-fit').addEventListener('click', () => this.timeline.fit());
    byId('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      setApiKey(byId<HTMLInputElement>('api-key').value.trim());
      byId('key-form').hidden = true;
      this.goLive();
      this.refresh({ choices: true, fit: true });
    });
    let resizing = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(resizing);
      resizing = requestAnimationFrame(() => this.drawChart());
    });
    // The timeline is a list below 600 px; back on a wide screen it is fitted to the width it now has.
    matchMedia('(max-width: 599px)').addEventListener('change', (event) => { if (!event.matches) this.timeline.reshown(); });
  }

  start(): void {
    if (this.state.knownAt) byId<HTMLDetailsElement>('known-at-details').open = true;
    this.goLive();
    this.refresh({ choices: true, fit: true });
  }

  private goLive(): void {
    this.stopLive?.();
    if (!this.state.live) {
      byId('live-status').textContent = 'Live updates are off (live=0 in the address): reload to see new statements.';
      return;
    }
    this.stopLive = followLiveUpdates(
      // A (re)connection may follow a gap, and new actors or topics change the choices: reload those too.
      (reason) => this.refresh({ choices: reason !== 'StatementRecorded' && reason !== 'StatementCorrected' && reason !== 'StatementRetracted', fit: false }),
      (text) => { byId('live-status').textContent = text; });
  }

  /** Keeps the view in the address, so that it can be shared and reloaded as it is. */
  private remember(change: Partial<ViewState>): void {
    Object.assign(this.state, change);
    const selection = this.filters.selection();
    const query = viewStateQuery({ ...this.state, ...selection, on: selection.on === today() ? undefined : selection.on });
    history.replaceState(null, '', `${location.pathname}${query}`);
  }

  /** Loads again; requests made while a load runs are merged into one more load after it, never lost. */
  private refresh(what: { choices: boolean; fit: boolean }): void {
    this.wanted = { choices: (this.wanted?.choices ?? false) || what.choices, fit: (this.wanted?.fit ?? false) || what.fit };
    if (!this.loading) void this.drain();
  }

  private async drain(): Promise<void> {
    this.loading = true;
    try {
      while (this.wanted) {
        const what = this.wanted;
        this.wanted = null;
        await this.load(what);
      }
    } finally {
      this.loading = false;
    }
  }

  private async load({ choices, fit }: { choices: boolean; fit: boolean }): Promise<void> {
    try {
      if (choices) {
        const [actors, topics] = await Promise.all([getAll<Actor>('v1/actors'), getAll<Topic>('v1/topics')]);
        this.names = new Map(actors.map((a) => [a.id, a.name]));
        this.filters.show(actors, topics);
      }
      const selection = this.filters.selection();
      this.remember({});
      // The grid and the search fail on their own (saying so in their place); the timeline's failure is the page's.
      const [data, positions, hits] = await Promise.all([this.timelineFor(selection), failSoftly(this.positionsFor(selection)), failSoftly(this.searchFor(selection))]);
      this.data = data;
      this.render(selection, fit, positions, hits);
      // A shared URL's open statement is opened once the names it shows are known.
      if (choices && this.state.statement && byId('details').hidden) this.open(this.state.statement, null);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        byId('key-form').hidden = false;
        byId('timeline-summary').textContent = 'Reading needs an API key.';
      } else {
        byId('timeline-summary').textContent = `Could not load the timeline: ${(error as Error).message}`;
      }
    }
  }

  private timelineFor(selection: Selection): Promise<TimelineData> {
    const link = new URLSearchParams();
    for (const actor of selection.actors ?? []) link.append('actor', actor);
    if (selection.topic) link.set('topic', selection.topic);
    byId<HTMLAnchorElement>('timelinejs-link').href = `timelinejs.html${link.size ? `?${link}` : ''}`;
    if (selection.actors?.length === 0) return Promise.resolve(EMPTY);
    return getJson<TimelineData>('v1/timeline', { format: 'vis', actor: selection.actors, topic: selection.topic, knownAt: selection.knownAt });
  }

  private positionsFor(selection: Selection): Promise<Positions | null> {
    if (!this.filters.isGridTopic(selection.topic) || selection.actors?.length === 0) return Promise.resolve(null);
    return getJson<Positions>('v1/positions', { topic: selection.topic, on: selection.on ?? today(), actor: selection.actors, knownAt: selection.knownAt });
  }

  private async searchFor(selection: Selection): Promise<SearchHit[] | null> {
    if (!selection.q) return null;
    if (selection.actors?.length === 0) return [];
    const found = await getJson<{ items: SearchHit[] }>('v1/statements', { q: selection.q, actor: selection.actors, topic: selection.topic, knownAt: selection.knownAt, limit: '50' });
    return found.items;
  }

  private render(selection: Selection, fit: boolean, positions: Positions | Error | null, hits: SearchHit[] | Error | null): void {
    const { items } = this.data;
    const topicTitle = (id: string) => this.filters.topic(id)?.title ?? id;
    this.timeline.show(this.data, this.names, topicTitle, fit);
    showTimelineList(byId('timeline-list'), items, this.names, topicTitle);
    showStatementList(byId('statements'), items, this.names, topicTitle);
    const grid = this.filters.isGridTopic(selection.topic);
    byId('grid-section').hidden = !grid;
    byId('chart-section').hidden = grid;
    // The date chooses the grid's moment; the chart shows every moment, so the control goes with the grid.
    byId('on-field').hidden = !grid;
    const wanted = this.filters.allActors().filter((a) => selection.actors?.includes(a.id) ?? true);
    if (positions instanceof Error) byId('grid').textContent = `Could not load the positions: ${positions.message}`;
    else if (grid) showPositionsGrid(byId('grid'), positions ?? { topic: null, on: selection.on ?? today(), knownAt: null, topics: [], actors: [], cells: [] }, wanted);
    else this.drawChart();
    const changes = items.filter((i) => i.change).length;
    byId('timeline-summary').textContent = `${items.length} statement${items.length === 1 ? '' : 's'}`
      + `${changes ? `, ${changes} of them a change of stance` : ''}.`;
    // Actors chosen but silent in this view are named, so that an empty row is never mistaken for a gap in the page.
    const speaking = new Set(items.map((i) => i.actorId));
    const silent = wanted.filter((a) => !speaking.has(a.id)).map((a) => a.name);
    const where = selection.topic ? 'on this topic' : 'recorded';
    const absent = silent.length ? `No statements ${where}${selection.knownAt ? ' at that time' : ''}: ${silent.join(', ')}.` : '';
    byId('timeline-absent').textContent = absent;
    byId('chart-absent').textContent = absent;
    this.showSearch(selection.q, hits, topicTitle);
    document.body.dataset.statements = String(items.length);
    document.body.dataset.ready = 'true';
  }

  private showSearch(q: string | undefined, hits: SearchHit[] | Error | null, topicTitle: (id: string) => string): void {
    byId('search-section').hidden = hits === null;
    if (hits === null) return;
    if (hits instanceof Error) {
      byId('search-results').replaceChildren();
      byId('search-summary').textContent = `Could not search: ${hits.message}`;
      return;
    }
    showSearchResults(byId('search-results'), hits, this.names, topicTitle);
    byId('search-summary').textContent = `${hits.length}${hits.length === 50 ? ' or more' : ''} statement${hits.length === 1 ? '' : 's'} matching “${q}”, best first.`;
  }

  private drawChart(): void {
    if (!byId('chart-section').hidden) drawStepChart(byId('chart'), this.data.items, this.names);
  }

  private open(id: string, trigger: HTMLElement | null): void {
    const change = this.data.items.find((i) => i.id === id)?.change;
    this.panel.open(id, trigger, change, this.filters.selection().knownAt).catch((error: Error) => {
      byId('details-body').textContent = `Could not load the statement: ${error.message}`;
    });
  }
}

/** A part of the page that may fail without taking the rest with it; a missing key still stops the page. */
function failSoftly<T>(loading: Promise<T>): Promise<T | Error> {
  return loading.catch((error: Error) => (error instanceof ApiError && (error.status === 401 || error.status === 403) ? Promise.reject(error) : error));
}

new StancelinePage().start();
