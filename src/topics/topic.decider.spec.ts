import { deciderSpecification } from '../../test/support/decider-specification.js';
import { AlreadyExistsError } from '../common/domain-error.js';
import { topicDecider } from './topic.decider.js';

const given = deciderSpecification(topicDecider);
const directTalks = {
  id: 'ukraine-war/negotiations/direct-talks-with-putin',
  title: 'Direct talks with Putin',
  proposition: "Ukraine's president should negotiate directly with Putin",
};
const defined = { type: 'TopicDefined' as const, data: { ...directTalks, parentId: 'ukraine-war/negotiations' } };

describe('defining a topic', () => {
  it('given no topic yet, when defined, then TopicDefined carries the fields and the parent from the path', () => {
    given([]).when({ type: 'DefineTopic', topic: directTalks }).then([defined]);
  });

  it('given a root topic, when defined, then its parent is null', () => {
    const nato = { id: 'nato', title: 'NATO', proposition: 'Ukraine should join NATO' };
    given([]).when({ type: 'DefineTopic', topic: nato }).then([{ type: 'TopicDefined', data: { ...nato, parentId: null } }]);
  });

  it('given the topic is defined, when defined again, then it is refused as existing', () => {
    given([defined]).when({ type: 'DefineTopic', topic: directTalks }).thenThrows(AlreadyExistsError);
  });
});
