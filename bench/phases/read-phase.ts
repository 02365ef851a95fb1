import { explainStance, getLoop, stanceDirect, stanceOverHttp, stanceQuestions, timelinePaths } from '../measures/reads.js';
import { profileArgs } from '../config.js';
import { atMost, pairedRow } from '../report.js';
import type { LoopResult } from '../support/closed-loop.js';
import { progress } from '../support/progress.js';
import { RssSampler } from '../../tools/service/rss.js';
import { startService, startServices, type BenchService } from '../support/service.js';
import { startStanceCeiling } from '../support/stance-ceiling.js';
import { quantile } from '../support/stats.js';
import type { CpuSplit } from '../support/cpu-meter.js';
import { cpuPerOperation, interleaved, label, metered, type BenchContext } from './context.js';

const CONNECTIONS = 16;
const ms = (x: number) => `${x.toFixed(2)} ms`;

/**
 * Reads against a service on each history: GET /v1/stance at the large size with 16 connections
 * against the same SQL sent directly, and against the same statement behind a bare node:http server
 * (the ceiling: what any Node HTTP service pays) and behind a bare Nest application on the service's
 * platform (what the framework adds by itself); then the growth pair (the probe actors' stance and timeline,
 * identical answers at both sizes, one connection) with both services' RSS sampled throughout.
 */
export async function measureReads(context: BenchContext, services: readonly BenchService[]): Promise<void> {
  const { config, small, large } = context;
  const [smallName, largeName] = [label(config.smallStatements), label(config.largeStatements)];
  const [smallRss, largeRss] = services.map((s) => new RssSampler(s.pid).start());
  // Started while the service warms up: its start-up is then no extra time of a --quick run.
  const ceilingStarting = startStanceCeiling(large.db.url);
  const nestStarting = startStanceCeiling(large.db.url, 'nest');
  try {
    const questions = stanceQuestions(large.history, 2_000, 11);
    // Each side warms as long as it is then measured: a new process, and new PostgreSQL sessions, take
    // seconds of this load to reach their pace (JIT; each backend's first touches of the shared buffers).
    const warm = config.readSeconds * 1000;
    await stanceOverHttp(services[1].url, questions, CONNECTIONS, warm);
    await stanceDirect(large.db.pool, questions, CONNECTIONS, warm);
    const ceiling = await ceilingStarting;
    await stanceOverHttp(ceiling.url, questions, CONNECTIONS, warm);
    const nest = await nestStarting;
    await stanceOverHttp(nest.url, questions, CONNECTIONS, warm);
    largeRss.resetPeak();
    const stanceRss: number[] = [];
    const cpu: { http: CpuSplit[]; direct: CpuSplit[]; ceiling: CpuSplit[]; nest: CpuSplit[] } = { http: [], direct: [], ceiling: [], nest: [] };
    const [http, direct, bare, bareNest] = await interleaved<LoopResult>(config.repetitions, [
      async (rep) => {
        largeRss.resetPeak();
        const { result: r, cpu: used } = await metered(large.db, [services[1].pid], () => stanceOverHttp(services[1].url, questions, CONNECTIONS, config.readSeconds * 1000));
        cpu.http.push(used);
        stanceRss.push(largeRss.current());
        progress(`stance ${largeName} rep ${rep + 1}: HTTP ${Math.round(r.perSecond)}/s p50 ${ms(quantile(r.latenciesMs, 0.5))} p99 ${ms(quantile(r.latenciesMs, 0.99))}`);
        return r;
      },
      async (rep) => {
        const { result: r, cpu: used } = await metered(large.db, [], () => stanceDirect(large.db.pool, questions, CONNECTIONS, config.readSeconds * 1000));
        cpu.direct.push(used);
        progress(`stance ${largeName} rep ${rep + 1}: direct SQL ${Math.round(r.perSecond)}/s p50 ${ms(quantile(r.latenciesMs, 0.5))} p99 ${ms(quantile(r.latenciesMs, 0.99))}`);
        return r;
      },
      async (rep) => {
        const { result: r, cpu: used } = await metered(large.db, [ceiling.pid], () => stanceOverHttp(ceiling.url, questions, CONNECTIONS, config.readSeconds * 1000));
        cpu.ceiling.push(used);
        progress(`stance ${largeName} rep ${rep + 1}: bare node:http ${Math.round(r.perSecond)}/s p50 ${ms(quantile(r.latenciesMs, 0.5))} p99 ${ms(quantile(r.latenciesMs, 0.99))}`);
        return r;
      },
      async (rep) => {
        const { result: r, cpu: used } = await metered(large.db, [nest.pid], () => stanceOverHttp(nest.url, questions, CONNECTIONS, config.readSeconds * 1000));
        cpu.nest.push(used);
        progress(`stance ${largeName} rep ${rep + 1}: bare Nest ${Math.round(r.perSecond)}/s p50 ${ms(quantile(r.latenciesMs, 0.5))} p99 ${ms(quantile(r.latenciesMs, 0.99))}`);
        return r;
      },
    ]);
    const p = (rs: LoopResult[], q: number) => rs.map((r) => quantile(r.latenciesMs, q));
    context.rows.push(pairedRow(`GET /v1/stance p99, ${largeName} statements, ${CONNECTIONS} connections`, 'ms', p(http, 0.99), p(direct, 0.99), atMost(2.5)));
    context.rows.push(pairedRow(`GET /v1/stance p50, ${largeName} statements, ${CONNECTIONS} connections`, 'ms', p(http, 0.5), p(direct, 0.5)));
    context.rows.push(pairedRow(`GET /v1/stance p50, ${largeName} statements, ${CONNECTIONS} connections, against the same statement behind a bare node:http server (the ceiling)`,
      'ms', p(http, 0.5), p(bare, 0.5)));
    context.rows.push(pairedRow(`GET /v1/stance p50, ${largeName} statements, ${CONNECTIONS} connections, against the same statement behind a bare Nest application on the service's platform`,
      'ms', p(http, 0.5), p(bareNest, 0.5)));
    context.rows.push(pairedRow(`GET /v1/stance p50, ${largeName} statements, ${CONNECTIONS} connections: the bare Nest application against the same SQL direct (the framework's floor)`,
      'ms', p(bareNest, 0.5), p(direct, 0.5)));
    context.notes.push(`Stance at ${largeName}, ${CONNECTIONS} connections: HTTP ${http.map((r) => Math.round(r.perSecond)).join(', ')} requests/s; `
      + `direct SQL ${direct.map((r) => Math.round(r.perSecond)).join(', ')} queries/s; service peak RSS ${stanceRss.map((x) => x.toFixed(0)).join(', ')} MiB. `
      + `CPU per answer: HTTP ${cpuPerOperation(cpu.http.map((c, i) => ({ cpu: c, operations: http[i].operations })))}; `
      + `direct ${cpuPerOperation(cpu.direct.map((c, i) => ({ cpu: c, operations: direct[i].operations })))}; `
      + `bare node:http ${bare.map((r) => Math.round(r.perSecond)).join(', ')} requests/s, p50 ${bare.map((r) => quantile(r.latenciesMs, 0.5).toFixed(2)).join(', ')} ms, `
      + `${cpuPerOperation(cpu.ceiling.map((c, i) => ({ cpu: c, operations: bare[i].operations })), 'server')}; `
      + `bare Nest ${bareNest.map((r) => Math.round(r.perSecond)).join(', ')} requests/s, p50 ${bareNest.map((r) => quantile(r.latenciesMs, 0.5).toFixed(2)).join(', ')} ms, `
      + `${cpuPerOperation(cpu.nest.map((c, i) => ({ cpu: c, operations: bareNest[i].operations })), 'server')}.`);
    const explainedQuestions = questions.slice(0, 200);
    const explained = await explainStance(large.db.pool, explainedQuestions);
    context.notes.push(`Stance SQL at ${largeName}, EXPLAIN ANALYZE of ${explainedQuestions.length} questions one at a time, prepared as the service runs it: `
      + `median planning ${ms(explained.planningMs)}, execution ${ms(explained.executionMs)}; ${explained.genericPlans} executions on the generic plan.`);
    context.raw.stance = { http: summarize(http), direct: summarize(direct), ceiling: summarize(bare), nest: summarize(bareNest), stanceRss, explained, cpu };

    // Growth: the same questions about the probe actors, whose statements are the same in both histories.
    const probes = small.history.size.probeActors;
    const probeQuestions = stanceQuestions(large.history, 500, 12, probes);
    const stancePaths = probeQuestions.map((q) => `/v1/stance?actor=${q.actor}&topic=${encodeURIComponent(q.topic)}&on=${q.on}`);
    const timeline = timelinePaths(large.history.registries.actorIds.slice(0, probes));
    const duration = config.growthSeconds * 1000;
    // Both services warm at once: one connection each, on two cores.
    await Promise.all(services.map(async (s) => {
      await getLoop(s.url, stancePaths, 1, Math.min(1_000, duration));
      await getLoop(s.url, timeline, 1, Math.min(1_000, duration));
    }));
    const peaks: { small: number; large: number }[] = [];
    const [stanceSmall, stanceLarge, timelineSmall, timelineLarge] = await interleaved(config.repetitions, [
      () => {
        smallRss.resetPeak();
        largeRss.resetPeak();
        return getLoop(services[0].url, stancePaths, 1, duration);
      },
      () => getLoop(services[1].url, stancePaths, 1, duration),
      () => getLoop(services[0].url, timeline, 1, duration),
      async (rep) => {
        const r = await getLoop(services[1].url, timeline, 1, duration);
        peaks.push({ small: smallRss.current(), large: largeRss.current() });
        progress(`growth rep ${rep + 1}: peak RSS ${smallName} ${peaks[rep].small.toFixed(0)} MiB, ${largeName} ${peaks[rep].large.toFixed(0)} MiB`);
        return r;
      },
    ]);
    const p50 = (rs: LoopResult[]) => p(rs, 0.5);
    context.rows.push(pairedRow(`growth: GET /v1/stance p50 (probe actors), ${largeName} vs ${smallName}`, 'ms', p50(stanceLarge), p50(stanceSmall), atMost(1.5)));
    context.rows.push(pairedRow(`growth: timeline page (GET /v1/statements?actor=&limit=50) p50, ${largeName} vs ${smallName}`, 'ms', p50(timelineLarge), p50(timelineSmall), atMost(1.5)));
    context.rows.push(pairedRow(`memory: service peak RSS under the same read load, ${largeName} vs ${smallName}`, 'MiB',
      peaks.map((x) => x.large), peaks.map((x) => x.small), atMost(1.25)));
    context.raw.growth = { stanceSmall: summarize(stanceSmall), stanceLarge: summarize(stanceLarge), timelineSmall: summarize(timelineSmall), timelineLarge: summarize(timelineLarge), peaks };
  } finally {
    smallRss.stop();
    largeRss.stop();
    await Promise.all([ceilingStarting, nestStarting].map((starting) => starting.then((ceiling) => ceiling.stop(), () => undefined)));
  }
}

/** A service on each history, [small, large]: the read phase's and then the answers phase's. */
export async function startReadServices(context: BenchContext): Promise<BenchService[]> {
  const { config, small, large } = context;
  return startServices([
    () => startService(small.db.url, {}, profileArgs(config, `service-reads-${label(config.smallStatements)}`)),
    () => startService(large.db.url, {}, profileArgs(config, `service-reads-${label(config.largeStatements)}`)),
  ]);
}

export function summarize(results: readonly LoopResult[]) {
  return results.map((r) => ({ operations: r.operations, perSecond: r.perSecond, p50: quantile(r.latenciesMs, 0.5), p99: quantile(r.latenciesMs, 0.99) }));
}
