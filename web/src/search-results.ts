import type { SearchHit } from './api.js';
import { el } from './format.js';
import { highlightNodes } from './highlight.js';
import { statementButton } from './statement-list.js';

/** Statements found by words, best first, each with the fragment that matched and a button to its details. */
export function showSearchResults(list: HTMLOListElement, hits: readonly SearchHit[], names: Map<string, string>, topicTitle: (id: string) => string): void {
  list.replaceChildren(...hits.map((hit) => el('li', {}, statementButton(hit, names, topicTitle,
    el('span', { class: 'highlight' }, ...(highlightNodes(hit.highlight ?? '') ?? [hit.summary]))))));
  if (hits.length === 0) list.replaceChildren(el('li', { class: 'muted', text: 'No statement matches these words.' }));
}
