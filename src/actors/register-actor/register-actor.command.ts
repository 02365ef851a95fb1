import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { Actor } from '../actor.events.js';
import type { RegisterActorRequest } from './register-actor.request.dto.js';

export class RegisterActorCommand extends Command<{ actor: Actor; recordedAt: Date }> {
  constructor(readonly request: RegisterActorRequest, readonly options: CommandOptions) {
    super();
  }
}
