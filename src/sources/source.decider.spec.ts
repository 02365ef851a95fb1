import { deciderSpecification } from '../../test/support/decider-specification.js';
import { AlreadyExistsError } from '../common/domain-error.js';
import { sourceDecider } from './source.decider.js';
import type { Source } from './source.events.js';

const given = deciderSpecification(sourceDecider);
const piersMorganInterview: Source = {
  id: 'piers-morgan-zelensky-2025-02-04', kind: 'interview', title: 'Zelensky on Piers Morgan Uncensored',
  publisher: 'Piers Morgan Uncensored', url: 'https://www.youtube.com/@PiersMorganUncensored', publishedAt: '2025-02-04',
};

describe('registering a source', () => {
  it('given no source yet, when registered, then SourceRegistered carries every field', () => {
    given([]).when({ type: 'RegisterSource', source: piersMorganInterview }).then([{ type: 'SourceRegistered', data: piersMorganInterview }]);
  });

  it('given the source is registered, when registered again, then it is refused as existing', () => {
    given([{ type: 'SourceRegistered', data: piersMorganInterview }])
      .when({ type: 'RegisterSource', source: piersMorganInterview }).thenThrows(AlreadyExistsError);
  });
});
