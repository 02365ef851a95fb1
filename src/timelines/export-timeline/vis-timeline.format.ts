import type { StatementReadView } from '../../statements/read-model/statement-read.view.js';
import { escapeHtml } from './html-text.js';
import { visSpan } from './timeline-dates.js';
import { stanceLabel, type ChangeMark, type TimelineContents, type TimelineEntry } from './timeline-entry.js';

/**
 * vis-timeline's DataSet items and groups (https://visjs.github.io/vis-timeline/docs/timeline/#items):
 * the documented fields, plus the statement's own fields for clients that draw more than the library
 * does (vis-timeline ignores fields it does not know).
 */
export interface VisItem {
  id: string;
  start: string;
  end?: string;
  type: 'point' | 'range';
  content: string;
  group: string;
  title: string;
  className: string;
  actorId: string;
  topicId: string;
  stance: string;
  stanceScore: number;
  statedAt: string;
  precision: string;
  statedStart: string;
  statedEnd: string;
  change?: ChangeMark;
}

export interface VisGroup {
  id: string;
  content: string;
}

export interface VisTimelineData {
  items: VisItem[];
  groups: VisGroup[];
}

export function toVisTimeline(contents: TimelineContents): VisTimelineData {
  const groups = new Map<string, string>();
  const items = contents.entries.map((entry) => {
    const [groupId, groupName] = contents.groupBy === 'actor'
      ? [entry.statement.actorId, entry.actorName] : [entry.statement.topicId, entry.topicTitle];
    groups.set(groupId, groupName);
    return item(entry, groupId, contents.groupBy === 'actor' ? entry.topicTitle : entry.actorName);
  });
  return {
    items,
    groups: [...groups].map(([id, name]) => ({ id, content: escapeHtml(name) })).sort((a, b) => a.content.localeCompare(b.content)),
  };
}

/** "Source: the interview, reported in the article, paragraph 3.": how the record is known, for the tooltip. */
function provenance(s: StatementReadView): string {
  const publication = s.reportedIn === null ? '' : `, reported in ${s.reportedInSource?.title ?? s.reportedIn}`;
  return `Source: ${s.source?.title ?? s.sourceId}${publication}${s.locator === null ? '' : `, ${s.locator}`}.`;
}

function item(entry: TimelineEntry, group: string, other: string): VisItem {
  const { statement: s, change } = entry;
  const label = `${stanceLabel(s.stance)} · ${other}${change ? ` (${change.kind.replace('_', ' ')})` : ''}`;
  return {
    id: s.id,
    ...visSpan(s.statedAt),
    content: escapeHtml(label),
    group,
    title: escapeHtml(`${entry.actorName}, ${s.statedAt}: ${stanceLabel(s.stance)} on ${entry.topicTitle}. ${s.summary} ${provenance(s)}`),
    className: [`stance-${s.stance}`, `precision-${s.precision}`, ...(change ? ['stance-change', `change-${change.kind}`] : [])].join(' '),
    actorId: s.actorId,
    topicId: s.topicId,
    stance: s.stance,
    stanceScore: s.stanceScore,
    statedAt: s.statedAt,
    precision: s.precision,
    statedStart: s.statedStart,
    statedEnd: s.statedEnd,
    ...(change ? { change } : {}),
  };
}
