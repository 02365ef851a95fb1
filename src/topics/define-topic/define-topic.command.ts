import { CommandHandler as Handles, type ICommandHandler } from '@nestjs/cqrs';
import { References } from '../../common/references.js';
import { CommandHandler, type CommandOptions } from '../../event-store/command-handler.js';
import { topicDecider } from '../topic.decider.js';
import { topicStream } from '../topic.events.js';
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
    const { id, title, proposition } = request;
    // Topics are never removed, so a parent seen here still exists when the child is appended.
    const parentId = parentTopicId(id);
    if (parentId !== null) await this.references.requireTopic(parentId, 'id');
    const { state } = await this.commands.handle(topicStream(id), topicDecider, { type: 'DefineTopic', topic: { id, title, proposition } }, options);
    if (!state.defined) throw new Error('topic stream empty after defining');
    return { ...state.topic, recordedAt: state.recordedAt };
  }
}
