import { deciderSpecification } from '../../test/support/decider-specification.js';
import { AlreadyExistsError, InvalidInputError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import { claimDecider, type Claim, type ClaimCommand } from './claim.decider.js';
import { ClaimRetractedError } from './claim.errors.js';
import type { ClaimEvent } from './claim.events.js';

const given = deciderSpecification(claimDecider);
const zelenskyFigure: Claim = {
  id: 'zelensky-killed-2025-02', actorId: 'volodymyr-zelensky', measure: 'casualties/ukraine/military/killed',
  value: { exact: 45100 }, qualifier: 'exact', unit: 'people', refersTo: null, statedAt: '2025-02-04',
  sourceId: 'piers-morgan-interview', quote: null,
};
const stated: ClaimEvent = { type: 'ClaimStated', data: zelenskyFigure };
const retracted: ClaimEvent = { type: 'ClaimRetracted', data: { id: zelenskyFigure.id, reason: 'misattributed' } };
const correct = (changes: Partial<Claim>, reason = 'misread'): ClaimCommand => ({ type: 'CorrectClaim', id: zelenskyFigure.id, reason, changes });
const corrected = (changes: Partial<Claim>, reason = 'misread'): ClaimEvent => ({ type: 'ClaimCorrected', data: { id: zelenskyFigure.id, changes, reason } });

describe('stating a claim', () => {
  it('given no claim, when stated, then ClaimStated carries every field', () => {
    given([]).when({ type: 'StateClaim', claim: zelenskyFigure }).then([stated]);
  });

  it('given the claim exists, when stated again, then it is refused as existing', () => {
    given([stated]).when({ type: 'StateClaim', claim: zelenskyFigure }).thenThrows(AlreadyExistsError);
  });

  it('given no claim, when the range runs backwards, then value.low is refused', () => {
    given([]).when({ type: 'StateClaim', claim: { ...zelenskyFigure, value: { low: 700000, high: 600000 } } }).thenThrows(InvalidInputError);
  });
});

describe('correcting a claim', () => {
  it('given a stated claim, when corrected, then only the fields that differ are recorded', () => {
    given([stated]).when(correct({ value: { exact: 46000 }, unit: 'people' })).then([corrected({ value: { exact: 46000 } })]);
  });

  it('given a correction, then the state has the new value, the next version and one correction', () => {
    given([stated, corrected({ value: { exact: 46000 } })])
      .thenState({ status: 'stated', version: 2, corrections: 1, claim: { value: { exact: 46000 }, unit: 'people' } });
  });

  it('given a stated claim, when the changes repeat what stands, then there is nothing to correct', () => {
    given([stated]).when(correct({ value: { exact: 45100 } }, 'x')).thenThrows(NothingToCorrectError);
  });

  it('given an exact figure, when corrected to a range of the same bounds, then the shape change counts as a change', () => {
    given([stated]).when(correct({ value: { low: 45100, high: 45100 } }, 'a range'))
      .then([corrected({ value: { low: 45100, high: 45100 } }, 'a range')]);
  });

  it('given no claim, when corrected, then it is not found', () => {
    given([]).when({ type: 'CorrectClaim', id: 'x', reason: 'r', changes: { unit: 'soldiers' } }).thenThrows(NotFoundError);
  });

  it('given a retracted claim, when corrected, then it conflicts', () => {
    given([stated, retracted]).when(correct({ unit: 'soldiers' }, 'r')).thenThrows(ClaimRetractedError);
  });
});

describe('retracting a claim', () => {
  const retract: ClaimCommand = { type: 'RetractClaim', id: zelenskyFigure.id, reason: 'misattributed' };

  it('given a stated claim, when retracted, then ClaimRetracted carries the reason', () => {
    given([stated]).when(retract).then([retracted]);
  });

  it('given a retraction, then the state remembers the claim and the reason', () => {
    given([stated, retracted]).thenState({ status: 'retracted', version: 2, reason: 'misattributed', claim: zelenskyFigure });
  });

  it('given a retracted claim, when retracted again, then it conflicts', () => {
    given([stated, retracted]).when(retract).thenThrows(ClaimRetractedError);
  });

  it('given no claim, when retracted, then it is not found', () => {
    given([]).when(retract).thenThrows(NotFoundError);
  });
});
