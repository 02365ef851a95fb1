import { AlreadyExistsError } from '../common/domain-error.js';
import type { Decider } from '../event-store/decider.js';
import type { Topic, TopicEvent } from './topic.events.js';
import { parentTopicId } from './topic-path.js';

/** The parent's existence is checked by the handler against the read model: it is not this stream's state. */
export interface DefineTopic { type: 'DefineTopic'; topic: Omit<Topic, 'parentId'> }
export type TopicState = { defined: false } | { defined: true; topic: Topic; recordedAt: Date };

export const topicDecider: Decider<DefineTopic, TopicState, TopicEvent> = {
  initialState: { defined: false },
  decide(command, state) {
    if (state.defined) throw new AlreadyExistsError(`Topic ${command.topic.id} is already defined`);
    const { id, title, proposition } = command.topic;
    return [{ type: 'TopicDefined', data: { id, parentId: parentTopicId(id), title, proposition } }];
  },
  evolve(_state, event, { recordedAt }) {
    return { defined: true, topic: event.data, recordedAt };
  },
};
