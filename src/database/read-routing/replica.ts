import pg from 'pg';
import { withTimeout } from '../../common/with-timeout.js';
import { parseLsn, type WalPosition } from './wal-position.js';

export interface ReplicaOptions {
  url: string;
  poolSize: number;
  queryTimeoutMs: number;
  /** How long a probe of the replica may take before it counts as not answering. */
  probeTimeoutMs: number;
}

export interface ReplicaState {
  /** host:port/database: never the password. */
  readonly name: string;
  readonly up: boolean;
  /** undefined while down, or when it lacks even the oldest remembered primary position. */
  readonly lagMs: number | undefined;
  readonly inRotation: boolean;
  readonly error?: string;
}

interface Waiter {
  floor: WalPosition;
  done(reached: boolean): void;
}

const WAIT_POLL_MS = 5;

/**
 * One read replica: its pool and what is known of it. `replayed` only ever grows while the server keeps
 * running; a failure or a restart (a new postmaster start time) forgets it, because a restarted standby
 * may come back further behind than it was.
 */
export class Replica {
  readonly name: string;
  private readonly pool: pg.Pool;
  private replayed?: WalPosition;
  private startedAt?: string;
  private lagMs?: number;
  private up = false;
  private inRotation = false;
  private checkedAt = 0;
  private maxLagMs = 0;
  private error?: string;
  private waiters: Waiter[] = [];
  private polling = false;

  constructor(private readonly options: ReplicaOptions) {
    const url = new URL(options.url);
    this.name = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      // A replica that is gone should cost a read little: it is retried on the primary.
      connectionTimeoutMillis: Math.min(5_000, options.probeTimeoutMs),
      idleTimeoutMillis: 30_000,
      statement_timeout: options.queryTimeoutMs,
      query_timeout: options.queryTimeoutMs + 2_000,
      keepAlive: true,
      application_name: 'stanceline-read',
    });
    // An idle connection cut by a replica restart must not crash the process; the next use notices.
    this.pool.on('error', (error) => this.markDown(error));
  }

  get state(): ReplicaState {
    return { name: this.name, up: this.up, lagMs: this.lagMs, inRotation: this.serving, error: this.error };
  }

  /**
   * In rotation, and the verdict still holds: the lag found plus the time since it was found stays within
   * the bound, so a check that is late (a stalled process, a primary that does not answer) takes the
   * replica out rather than let its data age unseen.
   */
  get serving(): boolean {
    return this.inRotation && Date.now() - this.checkedAt + (this.lagMs ?? 0) <= this.maxLagMs;
  }

  /** Has replayed at least to `floor`, as far as is known without asking. */
  hasReplayed(floor: WalPosition): boolean {
    return this.replayed !== undefined && this.replayed >= floor;
  }

  async query<T>(sql: string, values?: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query(sql, values as unknown[] | undefined);
    return result.rows as T[];
  }

  /** Asks the replica where it is: whether it is a standby, how far it has replayed, when it started. */
  async probe(): Promise<WalPosition> {
    const [row] = await withTimeout(this.query<{ standby: boolean; replayed: string | null; started: string }>(
      `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed, pg_postmaster_start_time()::text AS started`,
    ), this.options.probeTimeoutMs);
    // A promoted server (or a wrong URL) no longer follows the primary: its data may have diverged.
    if (!row.standby || row.replayed === null) throw new Error('not a standby replaying the primary (pg_is_in_recovery() is false)');
    const replayed = parseLsn(row.replayed);
    if (row.started !== this.startedAt) this.replayed = undefined;
    this.startedAt = row.started;
    if (this.replayed === undefined || replayed > this.replayed) this.replayed = replayed;
    this.wakeWaiters();
    return this.replayed;
  }

  /** The monitor's verdict after a probe. */
  judged(lagMs: number | undefined, maxLagMs: number, checkedAt: number): void {
    this.checkedAt = checkedAt;
    this.maxLagMs = maxLagMs;
    this.up = true;
    this.error = undefined;
    this.lagMs = lagMs;
    this.inRotation = lagMs !== undefined && lagMs <= maxLagMs;
  }

  /** Out of rotation until a probe finds it well again. */
  markDown(error: unknown): void {
    this.up = false;
    this.inRotation = false;
    this.lagMs = undefined;
    this.replayed = undefined;
    this.startedAt = undefined;
    this.error = (error as Error)?.message ?? String(error);
    this.wakeWaiters(true);
  }

  /** Resolves true once the replica has replayed to `floor`, false at `deadline` or when it fails. */
  waitFor(floor: WalPosition, deadline: number): Promise<boolean> {
    if (this.hasReplayed(floor)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { floor, done: resolve };
      this.waiters.push(waiter);
      setTimeout(() => this.release(waiter, false), Math.max(0, deadline - Date.now())).unref();
      void this.pollWhileWaited();
    });
  }

  async close(): Promise<void> {
    this.wakeWaiters(true);
    await this.pool.end();
  }

  /** One poll loop for every waiting read, not one per read. */
  private async pollWhileWaited(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.length > 0) {
        try {
          await this.probe();
        } catch (error) {
          this.markDown(error);
          return;
        }
        if (this.waiters.length > 0) await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      }
    } finally {
      this.polling = false;
    }
  }

  private wakeWaiters(failed = false): void {
    for (const waiter of [...this.waiters]) {
      if (failed) this.release(waiter, false);
      else if (this.hasReplayed(waiter.floor)) this.release(waiter, true);
    }
  }

  private release(waiter: Waiter, reached: boolean): void {
    const at = this.waiters.indexOf(waiter);
    if (at === -1) return;
    this.waiters.splice(at, 1);
    waiter.done(reached);
  }
}
