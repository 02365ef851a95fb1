import type { StanceChange } from '../stance-change.view.js';
import { stanceChangesMarkdown, type ReportScope } from './stance-changes.markdown.js';

const evidence = (id: string, statedAt: string, stance: StanceChange['from']['stance'], score: number): StanceChange['from'] => ({
  id, statedAt, stance, stanceScore: score, conditions: [], summary: `Summary of ${id}`, quote: null, form: 'paraphrase',
  sourceId: 'src', sourceTitle: 'A source', sourcePublisher: null, sourceUrl: null,
  reportedIn: null, reportedInTitle: null, reportedInUrl: null, locator: null,
});
const change = (actorId: string, actorName: string, topicId: string, orderUncertain = false): StanceChange => ({
  actorId, actorName, topicId, topicTitle: `Title of ${topicId}`, topicProposition: `Proposition of ${topicId}.`,
  kind: 'shift', flipOMeter: 'half_flip', scoreDelta: 1, orderUncertain,
  from: evidence(`${actorId}-1`, '2025', 'neutral', 0), to: evidence(`${actorId}-2`, '2025-02-04', 'support', 1),
});
const scope: ReportScope = { knownAt: new Date('2025-02-05T10:00:00Z'), asked: true, kinds: ['shift'] };

describe('the Markdown stance-change report', () => {
  it('given changes of two actors, then they are grouped by actor name, whatever their ids', () => {
    const md = stanceChangesMarkdown([change('a-zed', 'Zed', 't'), change('z-abe', 'Abe', 't')], scope);
    expect(md.indexOf('## Abe')).toBeGreaterThan(0);
    expect(md.indexOf('## Abe')).toBeLessThan(md.indexOf('## Zed'));
  });

  it('given a statement known through a publication, then its source line names the occasion, then the publication and the place in it', () => {
    const reported = change('a', 'A', 't');
    reported.to = { ...reported.to, sourceTitle: 'The interview', reportedIn: 'article', reportedInTitle: 'The article', reportedInUrl: 'https://example.org/a', locator: 'paragraph 3' };
    const md = stanceChangesMarkdown([reported], scope);
    expect(md).toContain('Source: The interview (`src`), reported in [The article](<https://example.org/a>) (`article`), at paragraph 3');
    expect(md).toContain('Source: A source (`src`)\n'); // the earlier statement names no publication
  });

  it('given kinds asked for, then the summary counts only those kinds', () => {
    const md = stanceChangesMarkdown([change('a', 'A', 't')], scope);
    expect(md).toContain('| Shift | half flip | 1 |');
    expect(md).not.toContain('| Reversal |');
  });

  it('given a change of uncertain order, then the document says which dates overlap', () => {
    expect(stanceChangesMarkdown([change('a', 'A', 't', true)], scope))
      .toContain('*Order uncertain:* the dates 2025 and 2025-02-04 overlap, so which was said first is not known.');
  });

  it('given a capped report, then it says so at the top; uncapped, it does not', () => {
    expect(stanceChangesMarkdown([change('a', 'A', 't')], scope, 10_000)).toContain('> **Capped:** more changes match than the 10,000 shown here.');
    expect(stanceChangesMarkdown([change('a', 'A', 't')], scope)).not.toContain('Capped');
  });

  it('given names for the filters, then the title uses them', () => {
    const md = stanceChangesMarkdown([], { ...scope, actors: ['volodymyr-zelensky', 'nobody'], topic: 'ukraine-war', from: '2022', to: '2025',
      names: { actors: new Map([['volodymyr-zelensky', 'Volodymyr Zelensky']]), topic: "Russia's war against Ukraine" } });
    expect(md.split('\n')[0]).toBe("# Stance changes: Volodymyr Zelensky, nobody · Russia's war against Ukraine · 2022 to 2025 · shift");
    expect(md).toContain("- **Actors:** Volodymyr Zelensky (`volodymyr-zelensky`), `nobody`");
    expect(md).toContain("- **Topic:** Russia's war against Ukraine (`ukraine-war`) and its subtopics");
  });
});
