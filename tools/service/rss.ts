import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A process's resident set size in MiB: /proc on Linux, ps elsewhere. NaN while a process exits (its
 * status has no VmRSS line any more); throws once it has gone.
 */
export function residentMiB(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
  }
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/**
 * Samples a process's RSS every `everyMs` and keeps the peak. VmHWM would give the peak for free, but
 * it counts start-up too; sampling lets a caller reset the peak at the start of the phase it measures.
 */
export class RssSampler {
  private peak = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly pid: number, private readonly everyMs = 100) {}

  start(): this {
    this.peak = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  /** The peak since start() (or the last reset), in MiB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }

  resetPeak(): void {
    this.peak = 0;
  }

  current(): number {
    return this.peak;
  }

  private sample(): void {
    try {
      const mib = residentMiB(this.pid);
      // An exiting process's status has no VmRSS line any more (NaN): the peak stands.
      if (Number.isFinite(mib)) this.peak = Math.max(this.peak, mib);
    } catch { /* the process has ended: the peak stands */ }
  }
}
