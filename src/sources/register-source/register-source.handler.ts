import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlannedCreations, type CreatePlan } from '../../common/create-plan.js';
import { sourceDecider, type RegisterSource, type SourceState } from '../source.decider.js';
import { sourceStream, type Source, type SourceEvent } from '../source.events.js';
import { toSourceView, type SourceView } from '../source.view.js';
import type { RegisterSourceRequest } from './register-source.request.dto.js';
import { RegisterSourceCommand } from './register-source.command.js';

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand> {
  constructor(private readonly creations: PlannedCreations) {}

  async execute({ request, options }: RegisterSourceCommand): Promise<SourceView> {
    const { state } = await this.creations.carryOut(planRegisterSource(request), options);
    if (!state.registered) throw new Error('source stream empty after registering');
    return toSourceView(state.source, state.recordedAt);
  }
}

export function planRegisterSource(request: RegisterSourceRequest): CreatePlan<RegisterSource, SourceState, SourceEvent> {
  const { id, kind, title, publisher, url, publishedAt } = request;
  const source: Source = {
    id, kind, title,
    ...(publisher !== undefined && { publisher }),
    ...(url !== undefined && { url }),
    ...(publishedAt !== undefined && { publishedAt }),
  };
  return { streamId: sourceStream(id), decider: sourceDecider, command: { type: 'RegisterSource', source }, references: {} };
}
