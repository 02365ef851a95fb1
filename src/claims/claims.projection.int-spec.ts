import { createEventStoreFixture, type EventStoreFixture } from '../../test/support/event-store-fixture.js';
import type { ClaimEvent } from './claim.events.js';
import { claimStream } from './claim.events.js';
import { ClaimsProjection } from './claims.projection.js';

const figure = {
  id: 'trump-ukraine-killed', actorId: 'donald-trump', measure: 'casualties/ukraine/military/killed', value: { exact: 700000 },
  qualifier: 'approx' as const, unit: 'soldiers', refersTo: null, statedAt: '2025-02-04', sourceId: 'press-conference', quote: null,
  reportedIn: null, locator: null,
};

describe('the claims projection keeps every version with the system time it was current', () => {
  let f: EventStoreFixture;
  const append = (event: ClaimEvent) => f.store.append(claimStream(figure.id), [event]);
  const versions = () => f.db.dataSource.query(
    `SELECT version, value, low, high, unit, corrections, correction_reason, recorded_from, recorded_to, closed_by, closing_reason
       FROM claim_versions WHERE claim_id = $1 ORDER BY version`, [figure.id]);

  beforeAll(async () => {
    f = await createEventStoreFixture({ poolSize: 2 });
    f.registry.register(new ClaimsProjection());
  });
  afterAll(async () => { await f.db.drop(); });

  it('given a stated claim, when corrected and then retracted, then the versions tile system time and none is deleted', async () => {
    const stated = (await append({ type: 'ClaimStated', data: figure })).events[0];
    expect(await versions()).toEqual([expect.objectContaining({ version: 1, low: 700000, high: 700000, recorded_from: stated.recordedAt, recorded_to: null })]);

    const corrected = (await append({ type: 'ClaimCorrected', data: { id: figure.id, changes: { value: { low: 600000, high: 700000 } }, reason: 'a range' } })).events[0];
    const retracted = (await append({ type: 'ClaimRetracted', data: { id: figure.id, reason: 'misattributed' } })).events[0];

    expect(await versions()).toEqual([
      expect.objectContaining({ version: 1, value: { exact: 700000 }, corrections: 0, recorded_from: stated.recordedAt, recorded_to: corrected.recordedAt, closed_by: 'ClaimCorrected', closing_reason: 'a range' }),
      expect.objectContaining({ version: 2, value: { low: 600000, high: 700000 }, low: 600000, high: 700000, unit: 'soldiers', corrections: 1, correction_reason: 'a range',
        recorded_from: corrected.recordedAt, recorded_to: retracted.recordedAt, closed_by: 'ClaimRetracted', closing_reason: 'misattributed' }),
    ]);
  });
});
