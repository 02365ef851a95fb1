import type { Actor, Topic } from './api.js';
import { el } from './format.js';
import type { ViewState } from './view-state.js';

export type Selection = Pick<ViewState, 'actors' | 'topic' | 'on' | 'knownAt' | 'q'>;

/**
 * The page's controls: actor checkboxes, the topic menu, the date of the grid, `knownAt` and the search
 * words. Reports every change of the selection; `apply` sets them from a shared URL.
 */
export class Filters {
  private actors: Actor[] = [];
  private topics = new Map<string, Topic>();
  private parents = new Set<string>();
  /** What a URL asked for before the choices were loaded. */
  private pending?: Selection;
  /** A URL's `knownAt` to the millisecond: the control shows whole seconds, and a record made within that second counts. */
  private exactKnownAt?: string;
  private readonly actorBox: HTMLFieldSetElement;
  private readonly topicSelect: HTMLSelectElement;
  private readonly proposition: HTMLElement;
  private readonly onInput: HTMLInputElement;
  private readonly knownAtInput: HTMLInputElement;
  private readonly searchInput: HTMLInputElement;

  constructor(root: Document, private readonly onChange: (selection: Selection) => void) {
    const byId = <T extends HTMLElement>(id: string) => root.getElementById(id) as T;
    this.actorBox = byId('actor-choices');
    this.topicSelect = byId('topic');
    this.proposition = byId('topic-proposition');
    this.onInput = byId('on');
    this.knownAtInput = byId('known-at');
    this.searchInput = byId('search');
    const changed = () => this.onChange(this.selection());
    this.actorBox.addEventListener('change', changed);
    this.topicSelect.addEventListener('change', () => {
      this.showProposition();
      changed();
    });
    this.onInput.addEventListener('change', changed);
    this.knownAtInput.addEventListener('change', changed);
    byId('known-at-clear').addEventListener('click', () => {
      this.knownAtInput.value = '';
      changed();
    });
    byId('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      changed();
    });
    // Typing searches after a pause; clearing the box (its × or Escape) ends the search at once.
    let typing = 0;
    this.searchInput.addEventListener('input', () => {
      clearTimeout(typing);
      typing = window.setTimeout(changed, this.searchInput.value ? 350 : 0);
    });
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }

  /** "All topics", or a topic with subtopics: the grid answers for those; a topic without subtopics gets the chart. */
  isGridTopic(id: string | undefined): boolean {
    return id === undefined || this.parents.has(id);
  }

  actorName(id: string): string {
    return this.actors.find((a) => a.id === id)?.name ?? id;
  }

  allActors(): readonly Actor[] {
    return this.actors;
  }

  /** Sets the controls to a view (from the URL); actor and topic choices apply once they are loaded. */
  apply(selection: Selection): void {
    this.pending = selection;
    this.onInput.value = selection.on ?? '';
    this.knownAtInput.value = selection.knownAt ? localDateTime(selection.knownAt) : '';
    this.exactKnownAt = selection.knownAt;
    this.searchInput.value = selection.q ?? '';
    if (this.actors.length > 0) this.show(this.actors, [...this.topics.values()]);
  }

  /** Fills in (or refreshes) the choices, keeping what was chosen. */
  show(actors: Actor[], topics: Topic[]): void {
    const before = this.pending ?? this.selection();
    const checked = new Set(before.actors ?? actors.map((a) => a.id));
    const known = new Set(this.actors.map((a) => a.id));
    this.actors = [...actors].sort((a, b) => a.name.localeCompare(b.name));
    this.actorBox.replaceChildren(el('legend', { text: 'Actors' }), ...this.actors.map((actor) => {
      const id = `actor-${actor.id}`;
      const input = el('input', { type: 'checkbox', id, name: 'actor', value: actor.id });
      // An actor registered since the page loaded is shown when every actor was being shown.
      input.checked = checked.has(actor.id) || (!known.has(actor.id) && before.actors === undefined);
      return el('div', { class: 'choice' }, input, el('label', { for: id, text: actor.name }));
    }));

    this.topics = new Map(topics.map((t) => [t.id, t]));
    this.parents = new Set(topics.map((t) => t.parentId).filter((p): p is string => p !== null));
    const chosen = this.pending ? this.pending.topic ?? '' : this.topicSelect.value;
    this.topicSelect.replaceChildren(el('option', { value: '', text: 'All topics' }), ...[...topics]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((topic) => el('option', { value: topic.id, text: `${'\u00a0\u00a0'.repeat(topic.id.split('/').length - 1)}${topic.title}` })));
    this.topicSelect.value = this.topics.has(chosen) ? chosen : '';
    this.pending = undefined;
    this.showProposition();
  }

  selection(): Selection {
    if (this.pending) return this.pending;
    const boxes = [...this.actorBox.querySelectorAll<HTMLInputElement>('input[name=actor]')];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    return {
      actors: boxes.length === 0 || chosen.length === boxes.length ? undefined : chosen,
      topic: this.topicSelect.value || undefined,
      on: this.onInput.value || undefined,
      knownAt: this.knownAt(),
      q: this.searchInput.value.trim() || undefined,
    };
  }

  private knownAt(): string | undefined {
    const value = this.knownAtInput.value;
    if (!value) return undefined;
    const time = new Date(value);
    if (Number.isNaN(time.getTime())) return undefined;
    // Still the URL's moment: compared as instants, since the control writes a time on the minute without
    // its seconds (12:11, not 12:11:00).
    if (this.exactKnownAt && time.getTime() === Math.floor(Date.parse(this.exactKnownAt) / 1000) * 1000) return this.exactKnownAt;
    return time.toISOString();
  }

  private showProposition(): void {
    const topic = this.topics.get(this.topicSelect.value);
    this.proposition.textContent = topic ? `Stances are towards: “${topic.proposition}”` : 'Stances are towards each topic’s own proposition.';
  }
}

/** An ISO timestamp as a `datetime-local` control shows it: the reader's own time, to the second. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
