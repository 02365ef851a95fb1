import type { SqlParams } from '../../../database/sql-params.js';

/**
 * Full-text search of what was said (English stemming; websearch syntax: words, "phrases", or, -not).
 * A statement matches by its document (summary, quote, conditions, locator: the generated `document` column
 * of statement_versions, so every version row carries its own) or by its topic's title.
 */
export interface TextSearch {
  /** Rows of alias `v` that match. */
  readonly condition: string;
  /** Relevance of a row of alias `v`, exact (numeric) so a cursor can carry it. */
  readonly rank: string;
  /** The best fragment of a row of `alias`, marked with sentinels (see `highlightHtml`). */
  highlight(alias: string): string;
}

/** A relevance-ordered search ranks at most this many matches: the newest by statedAt (see BENCHMARKS.md). */
export const RANKED_MATCHES_CAP = 10_000;

// Sentinels: control characters, removed from the text before ts_headline sees it.
const START = '\u0001';
const STOP = '\u0002';
// The characters HTML gives meaning to are swapped for these before ts_headline, whose parser would
// otherwise drop what looks like a tag, and swapped back (escaped) after.
const HIDDEN = '\u0003\u0004\u0005\u0006\u0007';
const SHOWN = ['&amp;', '&lt;', '&gt;', '&quot;', '&#39;'];

/**
 * `titled`: the topics whose title matches (topics.query.ts, asked first): passed as values, so that the
 * planner sees a short list (or none) instead of a subquery it must guess the size of, which would lead
 * it away from the GIN index for a rare word.
 */
export function textSearch(text: string, titled: readonly string[], params: SqlParams): TextSearch {
  const query = `websearch_to_tsquery('pg_catalog.english', ${params.add(text)})`;
  const topics = titled.length > 0 ? `${params.add(titled)}::text[]` : undefined;
  const titleOf = (alias: string) => `(SELECT t.title FROM topics t WHERE t.id = ${alias}.topic_id)`;
  return {
    condition: topics ? `(v.document @@ ${query} OR v.topic_id = ANY(${topics}))` : `v.document @@ ${query}`,
    // A matching topic title weighs as one matching word of the lowest weight would.
    rank: `round((ts_rank(v.document, ${query})${topics ? ` + CASE WHEN v.topic_id = ANY(${topics}) THEN 0.1 ELSE 0 END` : ''})::numeric, 6)`,
    highlight: (alias) => {
      const conditions = `(SELECT string_agg(c, '; ') FROM jsonb_array_elements_text(${alias}.conditions) c)`;
      const said = `concat_ws(' — ', ${alias}.summary, ${alias}.quote, ${conditions}, ${alias}.locator, ${titleOf(alias)})`;
      return `ts_headline('pg_catalog.english', translate(translate(${said}, E'\\x01\\x02\\x03\\x04\\x05\\x06\\x07', ''), '&<>"''', E'\\x03\\x04\\x05\\x06\\x07'), ${query},
                'StartSel=${START}, StopSel=${STOP}, MaxFragments=1, MaxWords=30, MinWords=12')`;
    },
  };
}

/** The fragment as HTML: matched words in <mark>, every other character as text (escaped). */
export function highlightHtml(fragment: string): string {
  let html = '';
  for (const c of fragment) {
    const hidden = HIDDEN.indexOf(c);
    html += c === START ? '<mark>' : c === STOP ? '</mark>' : hidden >= 0 ? SHOWN[hidden] : c;
  }
  return html;
}
