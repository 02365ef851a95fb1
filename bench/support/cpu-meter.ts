import { readFileSync } from 'node:fs';
import type pg from 'pg';

const TICK_MS = 10; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

/** CPU time (user + system) a process has used so far, in ms; undefined once it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface CpuSplit {
  /** This benchmark process: the load generator, or the raw side's client. */
  readonly benchMs: number;
  /** The processes under test (service, import or rebuild), summed. */
  readonly processMs: number;
  /** The PostgreSQL backends serving the bench databases. */
  readonly postgresMs: number;
}

/**
 * Where the CPU goes while one side runs, counted per process from /proc, so the other work on this
 * shared machine is left out: this process, the processes under test, and the server backends
 * connected to our databases (found in pg_stat_activity every 200 ms, so short-lived ones count too).
 * The backend that runs the poll counts like any other: it is one of the pool's, and the measured side
 * may be using it the rest of the time.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private backends = new Set<number>();
  private timer?: NodeJS.Timeout;
  private benchStart = process.cpuUsage();
  private polling = Promise.resolve();

  constructor(private readonly pool: pg.Pool, private readonly databases: readonly string[], private readonly processes: () => readonly number[]) {}

  async start(): Promise<this> {
    this.benchStart = process.cpuUsage();
    await this.poll();
    this.timer = setInterval(() => { this.polling = this.poll(); }, 200);
    return this;
  }

  async stop(): Promise<CpuSplit> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll();
    const bench = process.cpuUsage(this.benchStart);
    let processMs = 0;
    let postgresMs = 0;
    for (const [pid, last] of this.last) {
      const used = last - (this.first.get(pid) ?? last);
      if (this.backends.has(pid)) postgresMs += used;
      else processMs += used;
    }
    return { benchMs: (bench.user + bench.system) / 1000, processMs, postgresMs };
  }

  private async poll(): Promise<void> {
    const { rows } = await this.pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [this.databases]);
    for (const { pid } of rows as { pid: number }[]) this.backends.add(pid);
    for (const pid of [...this.backends, ...this.processes()]) {
      const ms = cpuMs(pid);
      if (ms === undefined) continue;
      // A process first seen mid-run is counted from its start; one seen before, from the first sample.
      if (!this.first.has(pid)) this.first.set(pid, this.timer === undefined ? ms : 0);
      this.last.set(pid, ms);
    }
  }
}
