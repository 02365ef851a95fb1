import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlannedCreations, type CreatePlan } from '../../common/create-plan.js';
import { topicDecider, type DefineTopic, type TopicState } from '../topic.decider.js';
import { topicStream, type TopicEvent } from '../topic.events.js';
import { parentTopicId } from '../topic-path.js';
import type { TopicView } from '../topic.view.js';
import type { DefineTopicRequest } from './define-topic.request.dto.js';
import { DefineTopicCommand } from './define-topic.command.js';

@CommandHandler(DefineTopicCommand)
export class DefineTopicHandler implements ICommandHandler<DefineTopicCommand> {
  constructor(private readonly creations: PlannedCreations) {}

  async execute({ request, options }: DefineTopicCommand): Promise<TopicView> {
    const { state } = await this.creations.carryOut(planDefineTopic(request), options);
    if (!state.defined) throw new Error('topic stream empty after defining');
    return { ...state.topic, recordedAt: state.recordedAt };
  }
}

export function planDefineTopic(request: DefineTopicRequest): CreatePlan<DefineTopic, TopicState, TopicEvent> {
  const { id, title, proposition } = request;
  const parentId = parentTopicId(id);
  return {
    streamId: topicStream(id),
    decider: topicDecider,
    command: { type: 'DefineTopic', topic: { id, title, proposition } },
    references: parentId === null ? {} : { topic: { id: parentId, field: 'id' } },
  };
}
