import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { StatementOnRecord } from '../statement.decider.js';
import type { RetractStatementRequest } from './retract-statement.request.dto.js';

export class RetractStatementCommand extends Command<StatementOnRecord> {
  constructor(readonly id: string, readonly request: RetractStatementRequest, readonly options: CommandOptions) {
    super();
  }
}
