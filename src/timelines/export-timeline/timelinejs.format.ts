import { escapeHtml, safeHref } from './html-text.js';
import { timelineJsSpan, type TimelineJsSpan } from './timeline-dates.js';
import type { StatementReadView } from '../../statements/read-model/statement-read.view.js';
import { signedScore, stanceLabel, type GroupBy, type TimelineContents, type TimelineEntry } from './timeline-entry.js';

/** TimelineJS 3's JSON format (https://timeline.knightlab.com/docs/json-format.html): the fields used here. */
export interface TimelineJsText {
  headline: string;
  text: string;
}

export interface TimelineJsMedia {
  url: string;
  credit: string;
  caption: string;
  link?: string;
}

export interface TimelineJsSlide extends TimelineJsSpan {
  text: TimelineJsText;
  group: string;
  unique_id: string;
  media?: TimelineJsMedia;
}

export interface TimelineJsDocument {
  title: { text: TimelineJsText };
  events: TimelineJsSlide[];
}

// Source links TimelineJS can show as media itself; any other page would be taken for an image and fail to load.
const EMBEDDABLE = /^https?:\/\/([^/]*\.)?(youtube\.com|youtu\.be|vimeo\.com|soundcloud\.com|wikipedia\.org|twitter\.com|x\.com)\/|\.(jpe?g|png|gif|webp|svg|pdf)(\?.*)?$/i;

export function toTimelineJs(contents: TimelineContents): TimelineJsDocument {
  return {
    title: { text: { headline: escapeHtml(contents.title), text: `<p>${escapeHtml(contents.description)}</p>` } },
    events: contents.entries.map((entry) => slide(entry, contents.groupBy)),
  };
}

function slide(entry: TimelineEntry, groupBy: GroupBy): TimelineJsSlide {
  const { statement } = entry;
  const media = mediaOf(entry);
  return {
    ...timelineJsSpan(statement.statedAt),
    text: { headline: escapeHtml(`${entry.actorName}: ${stanceLabel(statement.stance)} (${entry.topicTitle})`), text: body(entry) },
    group: groupBy === 'actor' ? entry.actorName : entry.topicTitle,
    unique_id: statement.id,
    ...(media ? { media } : {}),
  };
}

function body(entry: TimelineEntry): string {
  const { statement, change } = entry;
  const parts = [
    `<p class="stanceline-stance stance-${statement.stance}">Stance: ${stanceLabel(statement.stance)} (${signedScore(statement.stanceScore)}) `
      + `towards “${escapeHtml(entry.proposition)}”</p>`,
  ];
  if (statement.quote !== null) parts.push(`<blockquote>${escapeHtml(statement.quote)}</blockquote>`);
  parts.push(`<p>${escapeHtml(statement.summary)}</p>`);
  if (statement.conditions.length > 0) {
    parts.push(`<p>Conditions:</p><ul>${statement.conditions.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`);
  }
  if (change) {
    parts.push(`<p class="stanceline-change change-${change.kind}">Stance change: ${change.kind.replace('_', ' ')} `
      + `(${change.flipOMeter.replace('_', ' ')}) from ${stanceLabel(change.from.stance)} (${escapeHtml(change.from.statedAt)})`
      + `${change.orderUncertain ? '; the order of the two is uncertain' : ''}</p>`);
  }
  parts.push(`<p>Source: ${sourceText(entry)}</p>`);
  return parts.join('');
}

function sourceText({ statement }: TimelineEntry): string {
  const source = statement.source;
  const original = source
    ? [linked(source.title, source.url), source.publisher, source.publishedAt].filter(Boolean).map((part, i) => (i === 0 ? part : escapeHtml(part!))).join(', ')
    : escapeHtml(statement.sourceId);
  return original + publicationText(statement);
}

/** ", reported in <the publication>, <where in it>": how the record is known, after the occasion it was said at. */
function publicationText(statement: StatementReadView): string {
  const publication = statement.reportedIn === null ? ''
    : `, reported in ${linked(statement.reportedInSource?.title ?? statement.reportedIn, statement.reportedInSource?.url)}`;
  return publication + (statement.locator === null ? '' : `, ${escapeHtml(statement.locator)}`);
}

function linked(text: string, url: string | null | undefined): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/**
 * The slide's media: the quote as a quotation card (linking to the source where it has a link), or,
 * without a quote, the source itself when TimelineJS can embed it (a video, a post, an image). The credit
 * is the record's provenance: the original source, then the publication it is reported in.
 */
function mediaOf({ statement }: TimelineEntry): TimelineJsMedia | undefined {
  const href = safeHref(statement.source?.url);
  const source = statement.source;
  const credit = (source ? linked(source.publisher ?? source.title, source.url) : escapeHtml(statement.sourceId)) + publicationText(statement);
  const caption = escapeHtml(source?.title ?? statement.sourceId);
  if (statement.quote !== null) return { url: `<blockquote>${escapeHtml(statement.quote)}</blockquote>`, credit, caption, ...(href ? { link: href } : {}) };
  return href && EMBEDDABLE.test(href) ? { url: href, credit, caption } : undefined;
}
