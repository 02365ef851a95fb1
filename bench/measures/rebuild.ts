import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { RssSampler } from '../../tools/service/rss.js';
import { builtFile } from '../support/built.js';

export interface RebuildRun {
  readonly events: number;
  /** The rebuild's own duration, as it reports it (application start-up excluded). */
  readonly seconds: number;
  readonly perSecond: number;
  /** From spawn to exit: start-up, rebuild, swap, shutdown. */
  readonly wallSeconds: number;
  readonly peakRssMiB: number;
}

/**
 * `npm run rebuild` (node dist/bench/src/cli/rebuild.js) as its own process: every read model replayed from
 * the log into shadow tables and swapped in. Its RSS is sampled every 100 ms; its duration is the one
 * its final log line reports.
 */
export async function runRebuild(databaseUrl: string, onProgress?: (applied: number) => void, pids: number[] = []): Promise<RebuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [builtFile('cli/rebuild.js')], {
    // The command keeps its logs below warn to itself unless LOG_LEVEL is debug: the report and the
    // progress are read from those JSON lines.
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'debug', LOG_FORMAT: 'json', DATABASE_QUERY_TIMEOUT_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pids.push(child.pid!);
  const rss = new RssSampler(child.pid!).start();
  let report: { events: number; durationMs: number } | undefined;
  let tail = '';
  child.stderr!.on('data', (c: Buffer) => { tail = (tail + c.toString()).slice(-4_000); });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    tail = (tail + line + '\n').slice(-4_000);
    try {
      const entry = JSON.parse(line) as { msg?: string; events?: number; durationMs?: number; applied?: number };
      if (entry.msg === 'read models rebuilt and swapped in') report = { events: entry.events!, durationMs: entry.durationMs! };
      else if (entry.applied !== undefined) onProgress?.(entry.applied);
    } catch { /* not a log line */ }
  });
  const [code] = await once(child, 'exit');
  const peakRssMiB = rss.stop();
  if (code !== 0 || !report) throw new Error(`the rebuild exited with ${code} without its report:\n${tail}`);
  const seconds = report.durationMs / 1000;
  return { events: report.events, seconds, perSecond: report.events / seconds, wallSeconds: (performance.now() - started) / 1000, peakRssMiB };
}
