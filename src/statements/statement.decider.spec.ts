import { deciderSpecification, givenRecordedAt } from '../../test/support/decider-specification.js';
import { AlreadyExistsError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import { statementDecider, type StatementCommand } from './statement.decider.js';
import { StatementRetractedError } from './statement.errors.js';
import type { StatementEvent, StatementFields } from './statement.events.js';

const given = deciderSpecification(statementDecider);
const id = 'zelensky-direct-talks';
const directTalks: StatementFields = {
  actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations/direct-talks-with-putin', stance: 'support',
  conditions: ['if it is the only path to peace'], summary: 'Willing to talk to Putin directly if it is the only path to peace',
  quote: 'If that is the only setup in which we will bring peace, we will do it', form: 'direct_quote', statedAt: '2025-02-04',
  sourceId: 'piers-morgan-uncensored',
};
const recorded: StatementEvent = { type: 'StatementRecorded', data: { id, ...directTalks } };
const retracted: StatementEvent = { type: 'StatementRetracted', data: { id, reason: 'misattributed' } };

describe('recording a statement', () => {
  it('given no statement, when recorded, then StatementRecorded carries every field', () => {
    given([]).when({ type: 'RecordStatement', id, fields: directTalks }).then([recorded]);
  });

  it('given no statement, when recorded with padded and repeated conditions, then they are trimmed and kept once', () => {
    given([]).when({ type: 'RecordStatement', id, fields: { ...directTalks, conditions: [' a ', 'a', 'b', '  '] } })
      .then([{ type: 'StatementRecorded', data: { id, ...directTalks, conditions: ['a', 'b'] } }]);
  });

  it('given the statement exists, when recorded again, then it is refused as existing', () => {
    given([recorded]).when({ type: 'RecordStatement', id, fields: directTalks }).thenThrows(AlreadyExistsError);
  });

  it('given it was recorded, then the state is version 1 with no corrections', () => {
    given([recorded]).thenState({ exists: true, id, fields: directTalks, version: 1, corrections: 0, retracted: false, recordedAt: givenRecordedAt(1) });
  });
});

describe('correcting a statement', () => {
  const correct = (changes: Partial<StatementFields>): StatementCommand => ({ type: 'CorrectStatement', id, changes, reason: 'checked the tape' });
  const corrected = (changes: Partial<StatementFields>): StatementEvent => ({ type: 'StatementCorrected', data: { id, changes, reason: 'checked the tape' } });

  it('given no statement, when corrected, then it is not found', () => {
    given([]).when(correct({ stance: 'oppose' })).thenThrows(NotFoundError);
  });

  it('given a statement, when corrected, then only the changed fields are recorded', () => {
    given([recorded]).when(correct({ stance: 'oppose', form: 'direct_quote', summary: 'Refuses talks' }))
      .then([corrected({ stance: 'oppose', summary: 'Refuses talks' })]);
  });

  it('given a statement, when the quote is set to null, then the correction removes it', () => {
    given([recorded]).when(correct({ quote: null, form: 'paraphrase' })).then([corrected({ quote: null, form: 'paraphrase' })]);
  });

  it('given a statement, when every value equals the current one (conditions in another order), then there is nothing to correct', () => {
    given([{ type: 'StatementRecorded', data: { id, ...directTalks, conditions: ['a', 'b'] } }])
      .when(correct({ conditions: [' b', 'a', 'a'], stance: 'support' })).thenThrows(NothingToCorrectError);
  });

  it('given a correction, then the state has the new fields, the next version and one correction', () => {
    given([recorded, { type: 'StatementCorrected', data: { id, changes: { stance: 'oppose' }, reason: 'r' } }])
      .thenState({ fields: { ...directTalks, stance: 'oppose' }, version: 2, corrections: 1 });
  });

  it('given a retracted statement, when corrected, then it is refused as retracted', () => {
    given([recorded, retracted]).when(correct({ stance: 'oppose' })).thenThrows(StatementRetractedError);
  });
});

describe('retracting a statement', () => {
  const retract: StatementCommand = { type: 'RetractStatement', id, reason: 'misattributed' };

  it('given a statement, when retracted, then StatementRetracted carries the reason', () => {
    given([recorded]).when(retract).then([retracted]);
  });

  it('given no statement, when retracted, then it is not found', () => {
    given([]).when(retract).thenThrows(NotFoundError);
  });

  it('given a retracted statement, when retracted again, then it is refused as retracted', () => {
    given([recorded, retracted]).when(retract).thenThrows(StatementRetractedError);
  });

  it('given a retraction, then the state is retracted at the next version with its reason', () => {
    given([recorded, retracted]).thenState({ retracted: true, retractionReason: 'misattributed', version: 2, corrections: 0 });
  });
});
