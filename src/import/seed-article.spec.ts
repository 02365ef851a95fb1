import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, SEED_FILE } from '../common/paths.js';

/**
 * The seed is read against the article it comes from (seed/article.txt, a copy of the text the seed was
 * made from): every quote verbatim, every figure and every condition in the words of the paragraphs its
 * locator names, and each record's chain of provenance complete.
 */
const ARTICLE_SOURCE = 'article-zelensky-willing-to-negotiate-with-putin';
const paragraphs = readFileSync(join(PROJECT_ROOT, 'seed', 'article.txt'), 'utf8').split('\n').map((p) => p.trim()).filter((p) => p !== '');
const lines = readFileSync(SEED_FILE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
const ofKind = (kind: string) => lines.filter((l) => kind in l).map((l) => l[kind]);
const statements = ofKind('statement');
const claims = ofKind('claim');
const records = [...statements, ...claims];

/** The text of the paragraphs a locator names: `paragraph 7` or `paragraphs 1-3` (1-based, blank lines skipped). */
function located(locator: unknown): string {
  const match = /^paragraphs? (\d+)(?:-(\d+))?$/.exec(String(locator));
  if (!match) throw new Error(`locator ${JSON.stringify(locator)} names no paragraph`);
  const [first, last] = [Number(match[1]), Number(match[2] ?? match[1])];
  if (first < 1 || last > paragraphs.length || first > last) throw new Error(`locator ${locator}: the article has ${paragraphs.length} paragraphs`);
  return paragraphs.slice(first - 1, last).join('\n');
}

/** How the article writes a figure: 45,100. */
const written = (n: number) => n.toLocaleString('en-US');

describe('the seed, read against the article', () => {
  it('has the statements and claims of the article', () => {
    expect(statements.length).toBeGreaterThanOrEqual(15);
    expect(claims).toHaveLength(7);
  });

  it.each(records.map((r) => [r.id, r]))('%s: reported in the article, at a paragraph it has', (_id, record) => {
    expect(record.reportedIn).toBe(ARTICLE_SOURCE);
    expect(located(record.locator).length).toBeGreaterThan(0);
  });

  it.each(records.filter((r) => r.quote !== undefined).map((r) => [r.id, r]))('%s: the quote is verbatim in the paragraphs its locator names', (_id, record) => {
    expect(located(record.locator)).toContain(record.quote);
  });

  it.each(claims.map((c) => [c.id, c]))('%s: every figure appears in the paragraphs its locator names', (_id, claim) => {
    const figures = Object.values(claim.value as Record<string, number>);
    for (const figure of figures) expect(located(claim.locator)).toContain(written(figure));
  });

  it.each(statements.filter((s) => Array.isArray(s.conditions)).map((s) => [s.id, s]))('%s: each condition is said in the paragraphs its locator names', (_id, statement) => {
    const text = located(statement.locator).toLowerCase();
    for (const condition of statement.conditions as string[]) expect(text).toContain(condition.toLowerCase());
  });

  it('has a direct quote only with its quote', () => {
    for (const s of statements.filter((s) => s.form === 'direct_quote')) expect(typeof s.quote).toBe('string');
  });

  it('names only what it defined on an earlier line', () => {
    const defined = new Set<string>();
    for (const line of lines) {
      const [kind, body] = Object.entries(line)[0];
      const refs = [['actor', body.actorId], ['topic', body.topicId], ['source', body.sourceId], ['source', body.reportedIn]];
      for (const [of, id] of refs) if (id !== undefined) expect(defined).toContain(`${of}:${id}`);
      defined.add(`${kind}:${body.id}`);
    }
  });

  it('gives sources only what the article and the stated facts beside it say: no publisher, no link, the known dates', () => {
    const sources = ofKind('source');
    for (const source of sources) expect(Object.keys(source).filter((k) => ['publisher', 'url'].includes(k))).toEqual([]);
    // The article is undated; the interview and the press conference were on 2025-02-04, the decree is of 2022-10-04 (see README).
    expect(Object.fromEntries(sources.map((s) => [s.kind, s.publishedAt ?? null]))).toEqual({
      interview: '2025-02-04', press_conference: '2025-02-04', decree: '2022-10-04', article: null,
    });
  });
});
