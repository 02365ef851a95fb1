import type { Stance, TimelineItem } from './api.js';
import { el, kindLabel, stanceLabel, statedAtLabel } from './format.js';

type Names = Map<string, string>;

/** Every statement on the timeline as a plain list in date order: the whole timeline by keyboard, screen reader or on a phone. */
export function showStatementList(list: HTMLOListElement, items: readonly TimelineItem[], names: Names, topicTitle: (id: string) => string): void {
  const sorted = [...items].sort((a, b) => a.statedStart.localeCompare(b.statedStart) || a.statedEnd.localeCompare(b.statedEnd));
  list.replaceChildren(...sorted.map((item) => el('li', {}, statementButton(item, names, topicTitle,
    item.change ? el('span', { class: 'change-tag', text: `↺ ${kindLabel(item.change.kind)} from ${stanceLabel(item.change.from.stance)}` }) : null))));
  if (sorted.length === 0) list.replaceChildren(el('li', { class: 'muted', text: 'No statements match this choice.' }));
}

/** A statement as one line of a list (when, who, stance, topic, then `more`): a button that opens its details. */
export function statementButton(
  s: { id: string; stance: Stance; statedAt: string; actorId: string; topicId: string }, names: Names, topicTitle: (id: string) => string, ...more: (Node | null)[]
): HTMLButtonElement {
  return el('button', { type: 'button', class: `statement-button stance-${s.stance}`, 'data-statement-id': s.id },
    el('span', { class: 'when', text: statedAtLabel(s.statedAt) }),
    el('span', { class: 'who', text: names.get(s.actorId) ?? s.actorId }),
    el('span', { class: `stance-tag stance-${s.stance}`, text: stanceLabel(s.stance) }),
    el('span', { class: 'what', text: topicTitle(s.topicId) }),
    ...more);
}
