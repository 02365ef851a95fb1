import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { SourceView } from '../source.view.js';
import type { RegisterSourceRequest } from './register-source.request.dto.js';

export class RegisterSourceCommand extends Command<SourceView> {
  constructor(readonly request: RegisterSourceRequest, readonly options: CommandOptions) {
    super();
  }
}
