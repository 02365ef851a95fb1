import { DataSet } from 'vis-data/peer';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import type { TimelineData, TimelineItem } from './api.js';
import { kindLabel, stanceLabel, statedAtLabel } from './format.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The zoomable timeline (vis-timeline), fed the service's vis export as it is. Each statement is drawn
 * as a button, so it can be reached with Tab and opened with Enter like a click.
 */
export class TimelineView {
  private readonly items = new DataSet<TimelineItem & DataItem>();
  private readonly groups = new DataSet<DataGroup>();
  private readonly timeline: Timeline;
  private names = new Map<string, string>();
  private topicTitle: (id: string) => string = (id) => id;
  private fitAgain = false;

  constructor(private readonly container: HTMLElement, onOpen: (id: string, trigger: HTMLElement) => void, fullLabel: HTMLElement) {
    const options: TimelineOptions = {
      zoomable: true,
      zoomKey: 'ctrlKey',
      zoomMin: DAY,
      zoomMax: 60 * 365 * DAY,
      horizontalScroll: false,
      verticalScroll: true,
      maxHeight: 520,
      minHeight: 160,
      stack: true,
      showCurrentTime: false,
      orientation: { axis: 'top', item: 'top' },
      groupOrder: 'content',
      margin: { item: { horizontal: 4, vertical: 6 } },
      tooltip: { followMouse: true, overflowMethod: 'cap' },
      template: (item?: TimelineItem) => (item ? this.render(item) : ''),
    };
    this.timeline = new Timeline(container, this.items, this.groups, options);
    container.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('button[data-statement-id]');
      if (button) onOpen(button.dataset.statementId!, button);
    });
    // A label shortened with an ellipsis is shown in full below the timeline while it has focus or the pointer.
    const showFull = (event: Event) => {
      const button = (event.target as Element).closest<HTMLElement>('button[data-statement-id]');
      if (button) fullLabel.textContent = button.getAttribute('aria-label')!.replace(/\. Show details$/, '.');
    };
    container.addEventListener('focusin', showFull);
    container.addEventListener('mouseover', showFull);
    // The first fit guesses the labels' width; once they are drawn it is fitted again to their real width.
    this.timeline.on('changed', () => {
      if (!this.fitAgain) return;
      this.fitAgain = false;
      this.fit();
    });
  }

  /** Shows a new state of the timeline; `fit` zooms to it (a new selection), otherwise the view stays put (a live update). */
  show(data: TimelineData, names: Map<string, string>, topicTitle: (id: string) => string, fit: boolean): void {
    this.names = names;
    this.topicTitle = topicTitle;
    const ids = new Set(data.items.map((i) => i.id));
    this.items.remove(this.items.getIds().filter((id) => !ids.has(String(id))));
    this.items.update(data.items);
    const groupIds = new Set(data.groups.map((g) => g.id));
    this.groups.remove(this.groups.getIds().filter((id) => !groupIds.has(String(id))));
    this.groups.update(data.groups);
    if (fit && data.items.length > 0) this.fit();
  }

  /** Shown again after being hidden (a narrow screen turned wide): measured anew, then fitted. */
  reshown(): void {
    this.timeline.redraw();
    this.fit();
  }

  zoomIn(): void { this.timeline.zoomIn(0.5, { animation: false }); }
  zoomOut(): void { this.timeline.zoomOut(0.5, { animation: false }); }

  /**
   * Shows every statement with margins, and with room on the right for the labels of the latest ones: a
   * point's label is drawn to the right of its date, so the window ends where the widest label still fits
   * inside the panel, not at the last date.
   */
  fit(): void {
    const items = this.items.get();
    const width = this.container.querySelector<HTMLElement>('.vis-panel.vis-center')?.clientWidth ?? 0;
    if (items.length === 0 || width === 0) return;
    const drawn = [...this.container.querySelectorAll<HTMLElement>('.vis-item.vis-point')].map((e) => e.offsetWidth);
    if (drawn.length === 0) this.fitAgain = true;
    const label = Math.min(Math.max(...drawn, 260), width * 0.6);
    const pad = 12;
    const first = Math.min(...items.map((i) => Date.parse(i.start)));
    const last = Math.max(...items.map((i) => Date.parse(i.end ?? i.start)));
    const start = first - Math.max((last - first) * 0.02, 7 * DAY);
    // x(t) = (t - start) / (end - start) * width must leave `label + pad` pixels after each point, `pad` after a span.
    const end = Math.max(...items.map((i) => i.type === 'point'
      ? start + (Date.parse(i.start) - start) * width / (width - label - pad)
      : start + (Date.parse(i.end ?? i.start) - start) * width / (width - pad)));
    this.timeline.setWindow(start, end, { animation: false });
  }

  /** The statement's button, if it is drawn (vis-timeline draws only what is in view). */
  buttonFor(id: string): HTMLElement | null {
    return document.querySelector<HTMLElement>(`#timeline button[data-statement-id="${CSS.escape(id)}"]`);
  }

  private render(item: TimelineItem): HTMLElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'item-button';
    button.dataset.statementId = item.id;
    const actor = this.names.get(item.actorId) ?? item.actorId;
    const change = item.change ? `; a stance change (${kindLabel(item.change.kind)}) from ${stanceLabel(item.change.from.stance)}` : '';
    const topic = this.topicTitle(item.topicId);
    button.setAttribute('aria-label', `${actor}, ${statedAtLabel(item.statedAt)}: ${stanceLabel(item.stance)} on ${topic}${change}. Show details`);
    if (item.change) button.append(Object.assign(document.createElement('span'), { className: 'change-badge', textContent: '↺' }));
    // The export's content is escaped HTML; as text it is read back from a text node, never parsed.
    button.append(Object.assign(document.createElement('span'), { className: 'item-label', textContent: decodeEntities(item.content) }));
    return button;
  }
}

function decodeEntities(html: string): string {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body.textContent ?? '';
}
