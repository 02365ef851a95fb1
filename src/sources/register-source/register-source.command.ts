import { CommandHandler as Handles, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler, type CommandOptions } from '../../event-store/command-handler.js';
import { sourceDecider } from '../source.decider.js';
import { sourceStream, type Source } from '../source.events.js';
import { toSourceView, type SourceView } from '../source.view.js';
import type { RegisterSourceRequest } from './register-source.request.dto.js';

export class RegisterSourceCommand {
  constructor(readonly request: RegisterSourceRequest, readonly options: CommandOptions) {}
}

@Handles(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand, SourceView> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ request, options }: RegisterSourceCommand): Promise<SourceView> {
    const { id, kind, title, publisher, url, publishedAt } = request;
    const source: Source = {
      id, kind, title,
      ...(publisher !== undefined && { publisher }),
      ...(url !== undefined && { url }),
      ...(publishedAt !== undefined && { publishedAt }),
    };
    const { state } = await this.commands.handle(sourceStream(id), sourceDecider, { type: 'RegisterSource', source }, options);
    if (!state.registered) throw new Error('source stream empty after registering');
    return toSourceView(state.source, state.recordedAt);
  }
}
