import { CHANGE_KINDS, FLIP_O_METER, type ChangeKind } from '../classify-change.js';
import type { ChangeEvidence, StanceChange } from '../stance-change.view.js';
import { mdBlockquote, mdLink, mdText, signed, words } from './markdown-text.js';

/** What the report was asked for, shown at its top so a printed copy says what it covers. */
export interface ReportScope {
  actors?: readonly string[];
  topic?: string;
  from?: string;
  to?: string;
  kinds?: readonly ChangeKind[];
  /** The instant the records were read as of, and whether the reader chose it (knownAt) or it was "now". */
  knownAt: Date;
  asked: boolean;
  /** Display names of the filtered actors and the topic's title, where they exist. */
  names?: { actors: ReadonlyMap<string, string>; topic?: string };
}

const KIND_TITLE: Record<ChangeKind, string> = {
  reversal: 'Reversal', shift: 'Shift', conditions_changed: 'Conditions changed', unchanged: 'Unchanged',
};
// Most telling first.
const SUMMARY_ORDER: readonly ChangeKind[] = ['reversal', 'shift', 'conditions_changed', 'unchanged'];

/**
 * The change report as a document to read: what it covers, how many changes of each kind, then every
 * change grouped by actor (by name) and topic (title and proposition, since a stance means nothing
 * without it), each with both statements' dates, stances, conditions, quotes and sources.
 */
export function stanceChangesMarkdown(changes: readonly StanceChange[], scope: ReportScope, cap?: number): string {
  const out: string[] = [`# Stance changes: ${mdText(titleOf(scope))}`, '', ...scopeLines(scope), ''];
  if (cap !== undefined) {
    out.push(`> **Capped:** more changes match than the ${cap.toLocaleString('en')} shown here. Narrow the filters, or page through the JSON.`, '');
  }
  out.push(...summary(changes, scope), '');
  if (changes.length === 0) return [...out, 'No stance changes match these filters.', ''].join('\n');

  for (const [, ofActor] of groupBy([...changes].sort(byActorThenTopic), (c) => c.actorId)) {
    out.push(`## ${mdText(ofActor[0].actorName)}`, '');
    for (const [, ofTopic] of groupBy(ofActor, (c) => c.topicId)) {
      const t = ofTopic[0];
      out.push(`### ${mdText(t.topicTitle)}`, '', `Topic \`${t.topicId}\`. Stances are towards the proposition: *${mdText(t.topicProposition)}*`, '');
      for (const change of ofTopic) out.push(...changeSection(change));
    }
  }
  return out.join('\n');
}

/** The filters in a line, actors and topic by name where the registries know them. */
function titleOf(scope: ReportScope): string {
  const parts = [
    scope.actors?.length ? scope.actors.map((a) => scope.names?.actors.get(a) ?? a).join(', ') : 'all actors',
    scope.topic ? (scope.names?.topic ?? scope.topic) : 'all topics',
  ];
  if (scope.from || scope.to) parts.push(`${scope.from ?? '…'} to ${scope.to ?? '…'}`);
  if (scope.kinds?.length) parts.push(scope.kinds.join(', '));
  return parts.join(' · ');
}

/** "Name (`id`)" where the registry knows the name, else the id alone. */
function named(name: string | undefined, id: string): string {
  return name ? `${mdText(name)} (\`${id}\`)` : `\`${id}\``;
}

function scopeLines(scope: ReportScope): string[] {
  return [
    `- **Actors:** ${scope.actors?.length ? scope.actors.map((a) => named(scope.names?.actors.get(a), a)).join(', ') : 'all'}`,
    `- **Topic:** ${scope.topic ? `${named(scope.names?.topic, scope.topic)} and its subtopics` : 'all'}`,
    `- **Later statement of each change made:** ${period(scope)}`,
    `- **Kinds:** ${scope.kinds?.length ? scope.kinds.map((k) => KIND_TITLE[k].toLowerCase()).join(', ') : 'all'}`,
    `- **Records as known at:** ${scope.knownAt.toISOString()}${scope.asked ? '' : ' (the time of this report)'}`,
  ];
}

function period({ from, to }: ReportScope): string {
  if (from && to) return `from ${from} to ${to}`;
  if (from) return `from ${from} on`;
  return to ? `up to ${to}` : 'any time';
}

function summary(changes: readonly StanceChange[], scope: ReportScope): string[] {
  const kinds = SUMMARY_ORDER.filter((k) => !scope.kinds?.length || scope.kinds.includes(k));
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return [
    '## Summary', '',
    '| Kind | Flip-O-Meter | Changes |', '|---|---|---:|',
    ...kinds.map((k) => `| ${KIND_TITLE[k]} | ${words(FLIP_O_METER[k])} | ${count(k)} |`),
    `| **All** | | **${changes.length}** |`,
  ];
}

function changeSection(c: StanceChange): string[] {
  const lines = [
    `#### ${c.from.statedAt} → ${c.to.statedAt}: ${KIND_TITLE[c.kind].toLowerCase()} (${words(c.flipOMeter)})`, '',
    `**${capitalised(words(c.from.stance))} → ${words(c.to.stance)}**: score ${signed(c.from.stanceScore)} → ${signed(c.to.stanceScore)}, a change of ${signed(c.scoreDelta)}.`,
    '',
  ];
  if (c.orderUncertain) {
    lines.push(`*Order uncertain:* the dates ${c.from.statedAt} and ${c.to.statedAt} overlap, so which was said first is not known.`, '');
  }
  return [...lines, ...evidence('Before', c.from), ...evidence('After', c.to), '---', ''];
}

function evidence(label: string, e: ChangeEvidence): string[] {
  const lines = [`**${label}, ${e.statedAt}:** ${words(e.stance)} (${words(e.form)}). ${mdText(e.summary)}`, ''];
  if (e.conditions.length === 0) lines.push('Conditions: none.', '');
  else lines.push('Conditions:', '', ...e.conditions.map((condition) => `- ${mdText(condition)}`), '');
  if (e.quote !== null) lines.push(mdBlockquote(e.quote), '');
  const source = mdLink(e.sourceTitle ?? e.sourceId, e.sourceUrl);
  lines.push(`Source: ${source}${e.sourcePublisher ? `, ${mdText(e.sourcePublisher)}` : ''} (\`${e.sourceId}\`)`
    + `${e.reportedIn ? `, reported in ${mdLink(e.reportedInTitle ?? e.reportedIn, e.reportedInUrl)} (\`${e.reportedIn}\`)` : ''}`
    + `${e.locator ? `, at ${mdText(e.locator)}` : ''}`, '');
  return lines;
}

function byActorThenTopic(a: StanceChange, b: StanceChange): number {
  return a.actorName.localeCompare(b.actorName, 'en') || compareC(a.actorId, b.actorId) || compareC(a.topicId, b.topicId);
}

function compareC(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Consecutive runs with the same key (the input is sorted by it). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const k = key(item);
    if (groups.at(-1)?.[0] === k) groups.at(-1)![1].push(item);
    else groups.push([k, [item]]);
  }
  return groups;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
