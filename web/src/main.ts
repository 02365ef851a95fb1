import { TimelineView } from './timeline-view.js';
import '../styles/app.css';
import { ApiError, getAll, getJson, setApiKey, type Actor, type TimelineData, type Topic } from './api.js';
import { Filters, type Selection } from './filters.js';
import { followLiveUpdates } from './live-updates.js';
import { showStatementList } from './statement-list.js';
import { StatementPanel } from './statement-panel.js';
import { drawStepChart } from './step-chart.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const EMPTY: TimelineData = { items: [], groups: [] };

/**
 * The timeline page: choose actors and a topic, see their statements on a zoomable timeline and as a step
 * chart, open one for its details; the view follows the event stream, so new statements appear by themselves.
 */
class TimelinePage {
  private data = EMPTY;
  private names = new Map<string, string>();
  private readonly filters: Filters;
  private readonly timeline: TimelineView;
  private readonly panel: StatementPanel;
  private wanted: { choices: boolean; fit: boolean } | null = null;
  private loading = false;
  private stopLive?: () => void;

  constructor() {
    this.filters = new Filters(byId('actor-choices'), byId('topic'), byId('topic-proposition'), () => this.refresh({ choices: false, fit: true }));
    this.timeline = new TimelineView(byId('timeline'), (id, trigger) => this.open(id, trigger));
    this.panel = new StatementPanel(byId('details'), byId('details-heading'), byId('details-body'),
      { actor: (id) => this.names.get(id) ?? id, topic: (id) => this.filters.topic(id) },
      (id) => this.timeline.buttonFor(id) ?? document.querySelector<HTMLElement>(`#statements button[data-statement-id="${CSS.escape(id)}"]`));
    byId('statements').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('button[data-statement-id]');
      if (button) this.open(button.dataset.statementId!, button);
    });
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
  }

  start(): void {
    this.goLive();
    this.refresh({ choices: true, fit: true });
  }

  private goLive(): void {
    this.stopLive?.();
    this.stopLive = followLiveUpdates(
      // A (re)connection may follow a gap, and new actors or topics change the choices: reload those too.
      (reason) => this.refresh({ choices: reason !== 'StatementRecorded' && reason !== 'StatementCorrected' && reason !== 'StatementRetracted', fit: false }),
      (text) => { byId('live-status').textContent = text; });
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
      this.data = await this.timelineFor(this.filters.selection());
      this.render(fit);
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
    if (selection.actors?.length === 0) return Promise.resolve(EMPTY);
    const query = { format: 'vis', actor: selection.actors, topic: selection.topic };
    const link = new URLSearchParams();
    for (const actor of selection.actors ?? []) link.append('actor', actor);
    if (selection.topic) link.set('topic', selection.topic);
    byId<HTMLAnchorElement>('timelinejs-link').href = `timelinejs.html${link.size ? `?${link}` : ''}`;
    return getJson<TimelineData>('v1/timeline', query);
  }

  private render(fit: boolean): void {
    const { items } = this.data;
    this.timeline.show(this.data, this.names, fit);
    showStatementList(byId('statements'), items, this.names, (id) => this.filters.topic(id)?.title ?? id);
    this.drawChart();
    const changes = items.filter((i) => i.change).length;
    byId('timeline-summary').textContent = `${items.length} statement${items.length === 1 ? '' : 's'}`
      + `${changes ? `, ${changes} of them a change of stance` : ''}.`;
    document.body.dataset.statements = String(items.length);
  }

  private drawChart(): void {
    drawStepChart(byId('chart'), this.data.items, this.names);
  }

  private open(id: string, trigger: HTMLElement): void {
    const change = this.data.items.find((i) => i.id === id)?.change;
    this.panel.open(id, trigger, change).catch((error: Error) => {
      byId('details-body').textContent = `Could not load the statement: ${error.message}`;
    });
  }
}

new TimelinePage().start();
