import { readFileSync } from 'node:fs';

/** Resident set size of a process in MiB, from /proc (Linux only: the benchmark's machine). */
export function residentMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
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
