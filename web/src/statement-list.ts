import type { TimelineItem } from './api.js';
import { el, kindLabel, stanceLabel, statedAtLabel } from './format.js';

/** Every statement on the timeline as a plain list in date order: the whole timeline by keyboard, screen reader or on a phone. */
export function showStatementList(list: HTMLOListElement, items: readonly TimelineItem[], names: Map<string, string>, topicTitle: (id: string) => string): void {
  const sorted = [...items].sort((a, b) => a.statedStart.localeCompare(b.statedStart) || a.statedEnd.localeCompare(b.statedEnd));
  list.replaceChildren(...sorted.map((item) => el('li', {},
    el('button', { type: 'button', class: `statement-button stance-${item.stance}`, 'data-statement-id': item.id },
      el('span', { class: 'when', text: statedAtLabel(item.statedAt) }),
      el('span', { class: 'who', text: names.get(item.actorId) ?? item.actorId }),
      el('span', { class: `stance-tag stance-${item.stance}`, text: stanceLabel(item.stance) }),
      el('span', { class: 'what', text: topicTitle(item.topicId) }),
      item.change ? el('span', { class: 'change-tag', text: `↺ ${kindLabel(item.change.kind)} from ${stanceLabel(item.change.from.stance)}` }) : null))));
  if (sorted.length === 0) list.replaceChildren(el('li', { class: 'muted', text: 'No statements match this choice.' }));
}
