import { matchCount, positionsDirect, positionsPath, searchDirect, searchPath, type GridQuestion } from '../measures/answers.js';
import { getLoop } from '../measures/reads.js';
import { RARE_PHRASE, RARE_WORD } from '../history/synthetic-history.js';
import { atMost, pairedRow } from '../report.js';
import type { LoopResult } from '../support/closed-loop.js';
import { progress } from '../support/progress.js';
import type { BenchService } from '../support/service.js';
import { quantile } from '../support/stats.js';
import { interleaved, label, type BenchContext } from './context.js';
import { summarize } from './read-phase.js';

// A word most statements' quotes hold (vocabulary.ts): its matches grow with the history.
const COMMON_WORD = 'negotiations';

/**
 * Answers in words and the grid: searches (a rare word and a rare phrase, found in the same probe
 * statements at both sizes; a common word) and GET /v1/positions on a root topic (25 subtopics) for the
 * probe actors, each against the same SQL sent directly, one connection, at the large size; then the
 * growth pairs, large against small.
 */
export async function measureAnswers(context: BenchContext, services: readonly BenchService[]): Promise<void> {
  const { config, large } = context;
  const [smallName, largeName] = [label(config.smallStatements), label(config.largeStatements)];
  const probes = large.history.registries.actorIds.slice(0, large.history.size.probeActors);
  const roots = large.history.registries.topicIds.filter((id) => !id.includes('/'));
  const grid: GridQuestion = { topic: roots[0], actors: probes, on: '2024-06-30' };
  const duration = config.readSeconds * 1000;
  const cases: { name: string; path: string; direct: (pool: typeof large.db.pool) => Promise<LoopResult>; bound: boolean }[] = [
    { name: `search, rare word (q=${RARE_WORD})`, path: searchPath(RARE_WORD), direct: (pool) => searchDirect(pool, RARE_WORD, 1, duration), bound: true },
    { name: `search, phrase (q="${RARE_PHRASE}")`, path: searchPath(`"${RARE_PHRASE}"`), direct: (pool) => searchDirect(pool, `"${RARE_PHRASE}"`, 1, duration), bound: true },
    { name: `search, common word (q=${COMMON_WORD})`, path: searchPath(COMMON_WORD), direct: (pool) => searchDirect(pool, COMMON_WORD, 1, duration), bound: false },
    { name: `GET /v1/positions, a topic with 25 subtopics, ${probes.length} actors`, path: positionsPath(grid), direct: (pool) => positionsDirect(pool, grid, 1, duration), bound: true },
  ];
  for (const c of cases) {
    // Both services warm at once: one connection each, on two cores.
    await Promise.all(services.map((s) => getLoop(s.url, [c.path], 1, Math.min(1_000, duration))));
    const [http, direct, smallHttp] = await interleaved<LoopResult>(config.repetitions, [
      () => getLoop(services[1].url, [c.path], 1, duration),
      () => c.direct(large.db.pool),
      () => getLoop(services[0].url, [c.path], 1, duration),
    ]);
    const p = (rs: LoopResult[], q: number) => rs.map((r) => quantile(r.latenciesMs, q));
    progress(`${c.name}: ${largeName} HTTP p50 ${quantile(p(http, 0.5), 0.5).toFixed(2)} ms, direct ${quantile(p(direct, 0.5), 0.5).toFixed(2)} ms`);
    context.rows.push(pairedRow(`${c.name} p99, ${largeName} statements`, 'ms', p(http, 0.99), p(direct, 0.99), c.bound ? atMost(2.5) : undefined));
    context.rows.push(pairedRow(`${c.name} p50, ${largeName} statements`, 'ms', p(http, 0.5), p(direct, 0.5)));
    context.rows.push(pairedRow(`growth: ${c.name} p50, ${largeName} vs ${smallName}`, 'ms', p(http, 0.5), p(smallHttp, 0.5), c.bound ? atMost(1.5) : undefined));
    context.raw[`answers: ${c.name}`] = { http: summarize(http), direct: summarize(direct), small: summarize(smallHttp) };
  }
  const [rare, common] = [await matchCount(large.db.pool, RARE_WORD), await matchCount(large.db.pool, COMMON_WORD)];
  context.notes.push(`Search at ${largeName}: q=${RARE_WORD} matches ${rare.toLocaleString('en')} statements, q=${COMMON_WORD} `
    + `${common.toLocaleString('en')}. A relevance-ordered search ranks at most the newest 10,000 matches (RANKED_MATCHES_CAP), so the `
    + 'common word costs finding its matches (the GIN bitmap, or the timeline index read backwards) and one top-10,000 sort, then ranking '
    + '10,000 documents: bounded by the cap, not by the history; sort=statedAt pages it without ranking.');
}
