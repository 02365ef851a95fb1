import type { Logger } from '@nestjs/common';
import { PrimaryPositions } from './primary-positions.js';
import type { Replica, ReplicaState } from './replica.js';
import { parseLsn, type WalPosition } from './wal-position.js';

export interface ReplicaSettings {
  readonly maxLagMs: number;
  readonly checkMs: number;
  readonly waitMs: number;
}

type PrimaryQuery = (sql: string) => Promise<{ position: string }[]>;

/**
 * The replicas and the rotation among them. Every `checkMs` it notes the primary's WAL position and asks
 * each replica how far it has replayed: a replica that answers and is at most `maxLagMs` behind is in the
 * rotation, any other is out until a later check finds it well, so no restart is needed either way.
 */
export class ReplicaSet {
  private readonly primaryPositions: PrimaryPositions;
  /** The furthest the primary is known to have been: sampled, or given out in a token. */
  private primaryReached?: WalPosition;
  private next = 0;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private closed = false;

  constructor(
    readonly replicas: readonly Replica[],
    private readonly primary: PrimaryQuery,
    private readonly settings: ReplicaSettings,
    private readonly logger: Pick<Logger, 'warn' | 'log'>,
  ) {
    // Long enough to tell any lag up to the bound, with room for late checks.
    this.primaryPositions = new PrimaryPositions(settings.maxLagMs + 4 * settings.checkMs);
  }

  get states(): ReplicaState[] {
    return this.replicas.map((replica) => replica.state);
  }

  /** Checks once now, then every `checkMs` until closed. */
  async start(): Promise<void> {
    await this.check();
    const loop = () => {
      if (this.closed) return;
      this.timer = setTimeout(() => { this.checking = this.check().finally(loop); }, this.settings.checkMs);
      this.timer.unref();
    };
    loop();
  }

  async check(): Promise<void> {
    try {
      const [row] = await this.primary(`SELECT pg_current_wal_flush_lsn()::text AS position`);
      const position = parseLsn(row.position);
      this.primaryPositions.record(position, Date.now());
      this.notePrimary(position);
    } catch (error) {
      // Without the primary's position no lag can be told; the replicas keep their last verdicts.
      this.logger.warn({ err: error }, 'could not read the primary\'s WAL position for replica lag');
      return;
    }
    const now = Date.now();
    await Promise.all(this.replicas.map(async (replica) => {
      const wasServing = replica.serving;
      try {
        const replayed = await replica.probe();
        replica.judged(this.primaryPositions.lagOf(replayed, now), this.settings.maxLagMs, now);
      } catch (error) {
        replica.markDown(error);
      }
      if (wasServing !== replica.serving) {
        this.logger.log({ replica: replica.state }, replica.serving ? 'replica back in the read rotation' : 'replica out of the read rotation');
      }
    }));
  }

  /** The primary has reached `position` (sampled, or read after a write for its token). */
  notePrimary(position: WalPosition): void {
    if (this.primaryReached === undefined || position > this.primaryReached) this.primaryReached = position;
  }

  /**
   * A replica to answer a read, or undefined for the primary. Without a floor: the next one in rotation.
   * With one: a replica known to have replayed that far, else one waited for up to `waitMs`. A floor past
   * anything the primary is known to have reached (another instance's very fresh write, or a made-up
   * token) goes to the primary at once: it is the one server certain to have it.
   */
  async choose(floor?: WalPosition): Promise<Replica | undefined> {
    const serving = this.replicas.filter((replica) => replica.serving);
    if (serving.length === 0) return undefined;
    const start = this.next++;
    const inTurn = (i: number) => serving[(start + i) % serving.length];
    if (floor === undefined) return inTurn(0);
    if (this.primaryReached === undefined || floor > this.primaryReached) return undefined;
    for (let i = 0; i < serving.length; i++) if (inTurn(i).hasReplayed(floor)) return inTurn(i);
    if (this.settings.waitMs === 0) return undefined;
    const candidate = inTurn(0);
    return (await candidate.waitFor(floor, Date.now() + this.settings.waitMs)) && candidate.serving ? candidate : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }
}
