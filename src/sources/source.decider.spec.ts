import { AlreadyExistsError } from '../common/domain-error.js';
import { sourceDecider } from './source.decider.js';
import type { Source } from './source.events.js';

const piersMorganInterview: Source = {
  id: 'piers-morgan-zelensky-2025-02-04', kind: 'interview', title: 'Zelensky on Piers Morgan Uncensored',
  publisher: 'Piers Morgan Uncensored', url: 'https://www.youtube.com/@PiersMorganUncensored', publishedAt: '2025-02-04',
};

describe('registering a source', () => {
  it('given no source yet, when registered, then SourceRegistered carries every field', () => {
    expect(sourceDecider.decide({ type: 'RegisterSource', source: piersMorganInterview }, sourceDecider.initialState))
      .toEqual([{ type: 'SourceRegistered', data: piersMorganInterview }]);
  });

  it('given the source is registered, when registered again, then it is refused as existing', () => {
    const state = sourceDecider.evolve(sourceDecider.initialState, { type: 'SourceRegistered', data: piersMorganInterview }, { version: 1, recordedAt: new Date() });
    expect(() => sourceDecider.decide({ type: 'RegisterSource', source: piersMorganInterview }, state)).toThrow(AlreadyExistsError);
  });
});
