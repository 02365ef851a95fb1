import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { TopicView } from '../topic.view.js';
import type { DefineTopicRequest } from './define-topic.request.dto.js';

export class DefineTopicCommand extends Command<TopicView> {
  constructor(readonly request: DefineTopicRequest, readonly options: CommandOptions) {
    super();
  }
}
