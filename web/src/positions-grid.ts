import type { Positions, PositionCell } from './api.js';
import { el, stanceLabel, statedAtLabel, timestampLabel } from './format.js';

/**
 * Where each actor stands on each subtopic on one date, from `GET /v1/positions`: rows are actors, columns
 * topics (the proposition on hover or focus), each cell the stance in words on its stance colour, a
 * statement whose partial date only may cover the date marked uncertain, no position left empty. A cell
 * is a button: click or Enter opens the statement it comes from.
 */
export function showPositionsGrid(container: HTMLElement, positions: Positions, wantedActors: { id: string; name: string }[]): void {
  const cells = new Map(positions.cells.map((c) => [`${c.actorId}\n${c.topicId}`, c]));
  const rows = new Map(positions.actors.map((a) => [a.id, a.name]));
  for (const actor of wantedActors) if (!rows.has(actor.id)) rows.set(actor.id, actor.name);
  const sorted = [...rows].sort(([, a], [, b]) => a.localeCompare(b));
  const withCells = new Set(positions.cells.map((c) => c.actorId));
  const topics = positions.topics;
  if (topics.length === 0) {
    container.replaceChildren(el('p', { class: 'muted', text: `No recorded position on ${positions.topic ? 'this topic' : 'any topic'} on ${statedAtLabel(positions.on)}.` }));
    return;
  }
  // The caption stays put above the table, which scrolls sideways when the topics outnumber the width.
  const caption = el('p', { id: 'grid-caption', class: 'grid-caption', text: `Where each actor stands on ${statedAtLabel(positions.on)}${positions.knownAt ? `, as the records stood at ${timestampLabel(positions.knownAt)}` : ''}` });
  const table = el('table', { class: 'positions-grid', 'aria-labelledby': 'grid-caption', style: `--columns: ${topics.length}` },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Actor' }), ...topics.map((topic, i) => el('th', { scope: 'col' },
      el('span', { class: 'topic-title', tabindex: '0', 'aria-describedby': `proposition-${i}`, text: topic.title }),
      el('span', { class: 'proposition-tip', role: 'tooltip', id: `proposition-${i}`, text: topic.proposition }))))),
    el('tbody', {}, ...sorted.map(([actorId, name]) => el('tr', { 'data-actor-id': actorId },
      el('th', { scope: 'row', text: name }),
      ...(withCells.has(actorId)
        ? topics.map((topic, i) => cell(cells.get(`${actorId}\n${topic.id}`), name, topic.title, `proposition-${i}`))
        : [el('td', { colspan: String(topics.length), class: 'no-position', text: 'No statements on these topics by this date' })])))));
  container.replaceChildren(caption, el('div', { class: 'grid-scroll', role: 'region', 'aria-label': 'Positions grid, scrolls sideways', tabindex: '0' }, table));
}

function cell(position: PositionCell | undefined, actor: string, topic: string, proposition: string): HTMLTableCellElement {
  if (!position) return el('td', { class: 'empty' });
  const words = stanceLabel(position.stance);
  const uncertainty = position.uncertain ? ' (uncertain: said at a time known only to the month or year)' : '';
  // The topic's title rides along for narrow screens, where each row becomes a list of "topic: stance".
  return el('td', { class: `position stance-${position.stance}${position.uncertain ? ' uncertain' : ''}`, 'data-topic-id': position.topicId, 'data-topic-title': topic },
    el('button', {
      type: 'button', class: 'cell-button', 'data-statement-id': position.statementId, 'aria-describedby': proposition,
      'aria-label': `${actor} on ${topic}: ${words}, ${statedAtLabel(position.statedAt)}${uncertainty}. Show details`,
    }, el('span', { class: 'stance-words', text: words }), position.uncertain ? el('span', { class: 'uncertain-mark', text: ' ?', title: 'uncertain' }) : null));
}
