import { AlreadyExistsError } from '../common/domain-error.js';
import { topicDecider } from './topic.decider.js';

const directTalks = {
  id: 'ukraine-war/negotiations/direct-talks-with-putin',
  title: 'Direct talks with Putin',
  proposition: "Ukraine's president should negotiate directly with Putin",
};

describe('defining a topic', () => {
  it('given no topic yet, when defined, then TopicDefined carries the fields and the parent from the path', () => {
    expect(topicDecider.decide({ type: 'DefineTopic', topic: directTalks }, topicDecider.initialState)).toEqual([
      { type: 'TopicDefined', data: { ...directTalks, parentId: 'ukraine-war/negotiations' } },
    ]);
  });

  it('given a root topic, when defined, then its parent is null', () => {
    const [event] = topicDecider.decide(
      { type: 'DefineTopic', topic: { id: 'nato', title: 'NATO', proposition: 'Ukraine should join NATO' } }, topicDecider.initialState);
    expect(event.data.parentId).toBeNull();
  });

  it('given the topic is defined, when defined again, then it is refused as existing', () => {
    const [event] = topicDecider.decide({ type: 'DefineTopic', topic: directTalks }, topicDecider.initialState);
    const state = topicDecider.evolve(topicDecider.initialState, event, { version: 1, recordedAt: new Date() });
    expect(() => topicDecider.decide({ type: 'DefineTopic', topic: directTalks }, state)).toThrow(AlreadyExistsError);
  });
});
