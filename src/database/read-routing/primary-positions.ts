import type { WalPosition } from './wal-position.js';

interface Sample {
  readonly at: number;
  readonly position: WalPosition;
}

/**
 * When the primary's WAL was first seen at each position, for a while back: a replica's lag is how long
 * ago the primary first had WAL that the replica has not replayed yet. That is WAL written (and sent) but
 * not replayed, measured in time; a primary with nothing to write leaves its replicas at lag 0, unlike
 * "time since the last replayed transaction", which grows while the primary is idle.
 */
export class PrimaryPositions {
  private samples: Sample[] = [];

  constructor(private readonly keepMs: number) {}

  get latest(): WalPosition | undefined {
    return this.samples.at(-1)?.position;
  }

  record(position: WalPosition, at: number): void {
    const last = this.samples.at(-1);
    if (!last || position > last.position) this.samples.push({ at, position });
    // Keep the newest sample however old: it says where the primary still is.
    while (this.samples.length > 1 && this.samples[0].at < at - this.keepMs) this.samples.shift();
  }

  /**
   * The lag of a replica that has replayed up to `replayed`: 0 when it has everything the primary was seen
   * to have; undefined when it lacks even the oldest remembered position, whose first sighting is not
   * known (nothing sampled yet, or further back than `keepMs`): callers treat that as too far behind.
   */
  lagOf(replayed: WalPosition, now: number): number | undefined {
    const index = this.samples.findIndex((sample) => sample.position > replayed);
    if (index === -1) return this.samples.length > 0 ? 0 : undefined;
    return index === 0 ? undefined : Math.max(0, now - this.samples[index].at);
  }
}
