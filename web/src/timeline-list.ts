import type { TimelineItem } from './api.js';
import { el, kindLabel, stanceLabel, statedAtLabel } from './format.js';

/**
 * The timeline on a narrow screen: a vertical list grouped by the date a statement was made (a partial
 * date is its own group), where every label wraps within the screen instead of running off it.
 */
export function showTimelineList(list: HTMLOListElement, items: readonly TimelineItem[], names: Map<string, string>, topicTitle: (id: string) => string): void {
  const byDate = new Map<string, TimelineItem[]>();
  for (const item of [...items].sort((a, b) => a.statedStart.localeCompare(b.statedStart) || a.statedEnd.localeCompare(b.statedEnd))) {
    byDate.set(item.statedAt, [...(byDate.get(item.statedAt) ?? []), item]);
  }
  list.replaceChildren(...[...byDate].map(([date, entries]) => el('li', { class: 'timeline-day' },
    el('h3', { class: 'timeline-date', text: statedAtLabel(date) }),
    el('ul', {}, ...entries.map((item) => el('li', { class: 'timeline-entry' },
      el('button', { type: 'button', class: `entry-button stance-border-${item.stance}`, 'data-statement-id': item.id },
        el('span', { class: `stance-tag stance-${item.stance}`, text: stanceLabel(item.stance) }),
        el('span', { class: 'who', text: names.get(item.actorId) ?? item.actorId }),
        el('span', { class: 'what', text: topicTitle(item.topicId) }),
        item.change ? el('span', { class: 'change-tag', text: `↺ ${kindLabel(item.change.kind)}` }) : null)))))));
  if (items.length === 0) list.replaceChildren(el('li', { class: 'muted', text: 'No statements match this choice.' }));
}
