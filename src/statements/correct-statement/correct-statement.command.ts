import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { StatementOnRecord } from '../statement.decider.js';
import type { CorrectStatementRequest } from './correct-statement.request.dto.js';

export class CorrectStatementCommand extends Command<StatementOnRecord> {
  constructor(readonly id: string, readonly request: CorrectStatementRequest, readonly options: CommandOptions) {
    super();
  }
}
