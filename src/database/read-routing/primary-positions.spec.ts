import { PrimaryPositions } from './primary-positions.js';

describe('PrimaryPositions: a replica\'s lag is WAL the primary had and the replica has not replayed, in time', () => {
  it('given a replica that has replayed everything the primary was seen at, its lag is 0 however long the primary has been idle', () => {
    const primary = new PrimaryPositions(10_000);
    primary.record(100n, 0);
    primary.record(100n, 60_000);
    expect(primary.lagOf(100n, 60_000)).toBe(0);
  });

  it('given a replica behind, its lag counts from when the primary was first seen past what it replayed', () => {
    const primary = new PrimaryPositions(10_000);
    primary.record(100n, 0);
    primary.record(200n, 1_000);
    primary.record(300n, 2_000);
    expect(primary.lagOf(150n, 2_500)).toBe(1_500);
    expect(primary.lagOf(200n, 2_500)).toBe(500);
  });

  it('given a replica behind the oldest remembered position, its lag is unknown (treated as too far behind)', () => {
    const primary = new PrimaryPositions(1_000);
    primary.record(100n, 0);
    expect(primary.lagOf(50n, 0)).toBeUndefined(); // nothing says since when the primary was past 50
    primary.record(200n, 5_000); // forgets the sample at 0: older than 1 s
    primary.record(300n, 5_500);
    expect(primary.lagOf(150n, 5_500)).toBeUndefined();
    expect(primary.lagOf(250n, 5_600)).toBe(100);
    expect(primary.latest).toBe(300n);
  });
});
