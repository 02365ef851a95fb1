import { AlreadyExistsError, InvalidInputError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import { fold } from '../event-store/decider.js';
import type { RecordedEvent } from '../event-store/recorded-event.js';
import { claimDecider, type Claim, type ClaimCommand, type ClaimState } from './claim.decider.js';
import { ClaimRetractedError } from './claim.errors.js';
import type { ClaimEvent } from './claim.events.js';

const zelenskyFigure: Claim = {
  id: 'zelensky-killed-2025-02', actorId: 'volodymyr-zelensky', measure: 'casualties/ukraine/military/killed',
  value: { exact: 45100 }, qualifier: 'exact', unit: 'people', refersTo: null, statedAt: '2025-02-04',
  sourceId: 'piers-morgan-interview', quote: null, reportedIn: null, locator: null,
};

/** The state after these events, each recorded a minute after the last. */
function given(...events: ClaimEvent[]): ClaimState {
  const recorded = events.map((e, i) => ({ ...e, version: i + 1, recordedAt: new Date(Date.UTC(2025, 1, 5, 0, i)) }));
  return fold(claimDecider, recorded as unknown as RecordedEvent<ClaimEvent>[]);
}

const stated: ClaimEvent = { type: 'ClaimStated', data: zelenskyFigure };
const when = (command: ClaimCommand, state: ClaimState) => () => claimDecider.decide(command, state);

describe('stating a claim', () => {
  it('given no claim, when stated, then ClaimStated carries every field', () => {
    expect(claimDecider.decide({ type: 'StateClaim', claim: zelenskyFigure }, given())).toEqual([stated]);
  });

  it('given the claim exists, when stated again, then it is refused as existing', () => {
    expect(when({ type: 'StateClaim', claim: zelenskyFigure }, given(stated))).toThrow(AlreadyExistsError);
  });

  it('given no claim, when the range runs backwards, then value.low is refused', () => {
    const backwards = { ...zelenskyFigure, value: { low: 700000, high: 600000 } };
    expect(when({ type: 'StateClaim', claim: backwards }, given())).toThrow(InvalidInputError);
  });
});

describe('correcting a claim', () => {
  it('given a stated claim, when corrected, then only the fields that differ are recorded and the version counts it', () => {
    const command: ClaimCommand = { type: 'CorrectClaim', id: zelenskyFigure.id, reason: 'misread', changes: { value: { exact: 46000 }, unit: 'people' } };
    const events = claimDecider.decide(command, given(stated));
    expect(events).toEqual([{ type: 'ClaimCorrected', data: { id: zelenskyFigure.id, changes: { value: { exact: 46000 } }, reason: 'misread' } }]);
    const state = given(stated, ...events);
    expect(state).toMatchObject({ status: 'stated', version: 2, corrections: 1, claim: { value: { exact: 46000 }, unit: 'people' } });
  });

  it('given a stated claim, when the changes repeat what stands, then there is nothing to correct', () => {
    const command: ClaimCommand = { type: 'CorrectClaim', id: zelenskyFigure.id, reason: 'x', changes: { value: { exact: 45100 } } };
    expect(when(command, given(stated))).toThrow(NothingToCorrectError);
  });

  it('given an exact figure, when corrected to a range of the same bounds, then the shape change counts as a change', () => {
    const command: ClaimCommand = { type: 'CorrectClaim', id: zelenskyFigure.id, reason: 'a range', changes: { value: { low: 45100, high: 45100 } } };
    expect(claimDecider.decide(command, given(stated))).toHaveLength(1);
  });

  it('given no claim, when corrected, then it is not found', () => {
    expect(when({ type: 'CorrectClaim', id: 'x', reason: 'r', changes: { unit: 'soldiers' } }, given())).toThrow(NotFoundError);
  });

  it('given a retracted claim, when corrected, then it conflicts', () => {
    const retracted: ClaimEvent = { type: 'ClaimRetracted', data: { id: zelenskyFigure.id, reason: 'duplicate' } };
    expect(when({ type: 'CorrectClaim', id: zelenskyFigure.id, reason: 'r', changes: { unit: 'soldiers' } }, given(stated, retracted)))
      .toThrow(ClaimRetractedError);
  });
});

describe('retracting a claim', () => {
  const retract: ClaimCommand = { type: 'RetractClaim', id: zelenskyFigure.id, reason: 'misattributed' };

  it('given a stated claim, when retracted, then ClaimRetracted carries the reason and the state remembers the claim', () => {
    const events = claimDecider.decide(retract, given(stated));
    expect(events).toEqual([{ type: 'ClaimRetracted', data: { id: zelenskyFigure.id, reason: 'misattributed' } }]);
    expect(given(stated, ...events)).toMatchObject({ status: 'retracted', version: 2, reason: 'misattributed', claim: zelenskyFigure });
  });

  it('given a retracted claim, when retracted again, then it conflicts', () => {
    expect(when(retract, given(stated, ...claimDecider.decide(retract, given(stated))))).toThrow(ClaimRetractedError);
  });

  it('given no claim, when retracted, then it is not found', () => {
    expect(when(retract, given())).toThrow(NotFoundError);
  });
});
