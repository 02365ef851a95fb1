import { AlreadyExistsError, InvalidInputError, NotFoundError, NothingToCorrectError } from '../common/domain-error.js';
import { statementDecider, type StatementCommand, type StatementState } from './statement.decider.js';
import { StatementRetractedError } from './statement.errors.js';
import type { StatementEvent, StatementFields } from './statement.events.js';

const at = new Date('2025-02-05T10:00:00Z');
const id = 'zelensky-direct-talks';
const directTalks: StatementFields = {
  actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations/direct-talks-with-putin', stance: 'support',
  conditions: ['if it is the only path to peace'], summary: 'Willing to talk to Putin directly if it is the only path to peace',
  quote: 'If that is the only setup in which we will bring peace, we will do it', form: 'direct_quote', statedAt: '2025-02-04',
  sourceId: 'piers-morgan-uncensored', reportedIn: null, locator: null,
};

const given = (...events: StatementEvent[]): StatementState =>
  events.reduce((state, event, i) => statementDecider.evolve(state, event, { version: i + 1, recordedAt: at }), statementDecider.initialState);
const when = (state: StatementState, command: StatementCommand) => statementDecider.decide(command, state);
const recorded: StatementEvent = { type: 'StatementRecorded', data: { id, ...directTalks } };
const retracted: StatementEvent = { type: 'StatementRetracted', data: { id, reason: 'misattributed' } };

describe('recording a statement', () => {
  it('given no statement, when recorded, then StatementRecorded carries every field', () => {
    expect(when(given(), { type: 'RecordStatement', id, fields: directTalks })).toEqual([recorded]);
  });

  it('given no statement, when recorded with padded and repeated conditions, then they are trimmed and kept once', () => {
    const [event] = when(given(), { type: 'RecordStatement', id, fields: { ...directTalks, conditions: [' a ', 'a', 'b', '  '] } });
    expect((event.data as StatementFields).conditions).toEqual(['a', 'b']);
  });

  it('given the statement exists, when recorded again, then it is refused as existing', () => {
    expect(() => when(given(recorded), { type: 'RecordStatement', id, fields: directTalks })).toThrow(AlreadyExistsError);
  });

  it('given it was recorded, then the state is version 1 with no corrections', () => {
    expect(given(recorded)).toMatchObject({ exists: true, id, fields: directTalks, version: 1, corrections: 0, retracted: false, recordedAt: at });
  });
});

describe('correcting a statement', () => {
  const correct = (changes: Partial<StatementFields>): StatementCommand => ({ type: 'CorrectStatement', id, changes, reason: 'checked the tape' });

  it('given no statement, when corrected, then it is not found', () => {
    expect(() => when(given(), correct({ stance: 'oppose' }))).toThrow(NotFoundError);
  });

  it('given a statement, when corrected, then only the changed fields are recorded', () => {
    expect(when(given(recorded), correct({ stance: 'oppose', form: 'direct_quote', summary: 'Refuses talks' }))).toEqual([
      { type: 'StatementCorrected', data: { id, changes: { stance: 'oppose', summary: 'Refuses talks' }, reason: 'checked the tape' } },
    ]);
  });

  it('given a statement, when the quote is set to null, then the correction removes it', () => {
    const [event] = when(given(recorded), correct({ quote: null, form: 'paraphrase' }));
    expect(event.data).toMatchObject({ changes: { quote: null, form: 'paraphrase' } });
  });

  it('given a statement, when every value equals the current one (conditions in another order), then there is nothing to correct', () => {
    const state = given({ type: 'StatementRecorded', data: { id, ...directTalks, conditions: ['a', 'b'] } });
    expect(() => when(state, correct({ conditions: [' b', 'a', 'a'], stance: 'support' }))).toThrow(NothingToCorrectError);
  });

  it('given a correction, then the state has the new fields, the next version and one correction', () => {
    const state = given(recorded, { type: 'StatementCorrected', data: { id, changes: { stance: 'oppose' }, reason: 'r' } });
    expect(state).toMatchObject({ fields: { ...directTalks, stance: 'oppose' }, version: 2, corrections: 1 });
  });

  it('given a retracted statement, when corrected, then it is refused as retracted', () => {
    expect(() => when(given(recorded, retracted), correct({ stance: 'oppose' }))).toThrow(StatementRetractedError);
  });
});

describe('a direct quote keeps its quote', () => {
  const correct = (changes: Partial<StatementFields>): StatementCommand => ({ type: 'CorrectStatement', id, changes, reason: 'r' });
  // A shape the rule did not exist for yet: recorded before it, read back as it stands.
  const quoteless = given({ type: 'StatementRecorded', data: { id, ...directTalks, quote: null } });
  const fieldOf = (run: () => unknown) => {
    try { run(); } catch (error) { return error instanceof InvalidInputError ? error.errors : error; }
    throw new Error('expected an InvalidInputError');
  };

  it('given no statement, when a direct quote is recorded without its quote, then it is refused naming quote', () => {
    expect(fieldOf(() => when(given(), { type: 'RecordStatement', id, fields: { ...directTalks, quote: null } })))
      .toEqual([{ field: 'quote', message: expect.stringContaining('direct_quote') }]);
  });

  it('given a direct quote, when a correction removes its quote, then it is refused naming changes.quote', () => {
    expect(fieldOf(() => when(given(recorded), correct({ quote: null })))).toEqual([{ field: 'changes.quote', message: expect.any(String) }]);
  });

  it('given an old direct quote without its quote, when a correction changes something else, then it is refused; adding the quote or changing the form is accepted', () => {
    expect(fieldOf(() => when(quoteless, correct({ summary: 'Other words' })))).toEqual([{ field: 'changes.quote', message: expect.any(String) }]);
    expect(when(quoteless, correct({ quote: 'the words' }))[0].data).toMatchObject({ changes: { quote: 'the words' } });
    expect(when(quoteless, correct({ form: 'paraphrase' }))[0].data).toMatchObject({ changes: { form: 'paraphrase' } });
  });
});

describe('provenance of a statement', () => {
  const correct = (changes: Partial<StatementFields>): StatementCommand => ({ type: 'CorrectStatement', id, changes, reason: 'r' });
  const reported = { ...directTalks, reportedIn: 'article', locator: 'paragraph 3' };

  it('given no statement, when recorded with reportedIn and locator, then the event carries both, after sourceId', () => {
    const [event] = when(given(), { type: 'RecordStatement', id, fields: reported });
    expect(Object.keys(event.data).slice(-3)).toEqual(['sourceId', 'reportedIn', 'locator']);
    expect(event.data).toMatchObject({ reportedIn: 'article', locator: 'paragraph 3' });
  });

  it('given a statement known through a publication, when corrected to null, then the correction removes it; the same value is nothing to correct', () => {
    const state = given({ type: 'StatementRecorded', data: { id, ...reported } });
    expect(when(state, correct({ reportedIn: null }))[0].data).toMatchObject({ changes: { reportedIn: null } });
    expect(() => when(state, correct({ locator: 'paragraph 3' }))).toThrow(NothingToCorrectError);
  });
});

describe('retracting a statement', () => {
  const retract: StatementCommand = { type: 'RetractStatement', id, reason: 'misattributed' };

  it('given a statement, when retracted, then StatementRetracted carries the reason', () => {
    expect(when(given(recorded), retract)).toEqual([retracted]);
  });

  it('given no statement, when retracted, then it is not found', () => {
    expect(() => when(given(), retract)).toThrow(NotFoundError);
  });

  it('given a retracted statement, when retracted again, then it is refused as retracted', () => {
    expect(() => when(given(recorded, retracted), retract)).toThrow(StatementRetractedError);
  });

  it('given a retraction, then the state is retracted at the next version with its reason', () => {
    expect(given(recorded, retracted)).toMatchObject({ retracted: true, retractionReason: 'misattributed', version: 2, corrections: 0 });
  });
});
