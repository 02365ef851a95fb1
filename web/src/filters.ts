import type { Actor, Topic } from './api.js';
import { el } from './format.js';

export interface Selection {
  /** Undefined: every actor (no filter); empty: none chosen. */
  actors?: string[];
  topic?: string;
}

/** The actor checkboxes and the topic menu; reports every change of the selection. */
export class Filters {
  private actors: Actor[] = [];
  private topics = new Map<string, Topic>();

  constructor(
    private readonly actorBox: HTMLFieldSetElement,
    private readonly topicSelect: HTMLSelectElement,
    private readonly proposition: HTMLElement,
    private readonly onChange: (selection: Selection) => void,
  ) {
    actorBox.addEventListener('change', () => this.onChange(this.selection()));
    topicSelect.addEventListener('change', () => {
      this.showProposition();
      this.onChange(this.selection());
    });
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }

  actorName(id: string): string {
    return this.actors.find((a) => a.id === id)?.name ?? id;
  }

  /** Fills in (or refreshes) the choices, keeping what was chosen. */
  show(actors: Actor[], topics: Topic[]): void {
    const before = this.selection();
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
    const chosen = this.topicSelect.value;
    this.topicSelect.replaceChildren(el('option', { value: '', text: 'All topics' }), ...[...topics]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((topic) => el('option', { value: topic.id, text: `${'\u00a0\u00a0'.repeat(topic.id.split('/').length - 1)}${topic.title}` })));
    this.topicSelect.value = this.topics.has(chosen) ? chosen : '';
    this.showProposition();
  }

  selection(): Selection {
    const boxes = [...this.actorBox.querySelectorAll<HTMLInputElement>('input[name=actor]')];
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    return {
      actors: boxes.length === 0 || chosen.length === boxes.length ? undefined : chosen,
      topic: this.topicSelect.value || undefined,
    };
  }

  private showProposition(): void {
    const topic = this.topics.get(this.topicSelect.value);
    this.proposition.textContent = topic ? `Stances are towards: “${topic.proposition}”` : 'Stances are towards each topic’s own proposition.';
  }
}
