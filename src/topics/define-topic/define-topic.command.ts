import { CommandHandler as Handles, type ICommandHandler } from '@nestjs/cqrs';
import type { CreatePlan } from '../../common/create-plan.js';
import { References } from '../../common/references.js';
import { CommandHandler, type CommandOptions } from '../../event-store/command-handler.js';
import { topicDecider, type DefineTopic, type TopicState } from '../topic.decider.js';
import { topicStream, type TopicEvent } from '../topic.events.js';
import { parentTopicId } from '../topic-path.js';
import type { TopicView } from '../topic.view.js';
import type { DefineTopicRequest } from './define-topic.request.dto.js';

export class DefineTopicCommand {
  constructor(readonly request: DefineTopicRequest, readonly options: CommandOptions) {}
}

@Handles(DefineTopicCommand)
export class DefineTopicHandler implements ICommandHandler<DefineTopicCommand, TopicView> {
  constructor(private readonly commands: CommandHandler, private readonly references: References) {}

  async execute({ request, options }: DefineTopicCommand): Promise<TopicView> {
    const plan = planDefineTopic(request);
    // Topics are never removed, so a parent seen here still exists when the child is appended.
    await this.references.require(plan.references);
    const { state } = await this.commands.create(plan.streamId, plan.decider, plan.command, options);
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
