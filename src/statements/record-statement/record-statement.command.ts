import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { StatementOnRecord } from '../statement.decider.js';
import type { RecordStatementRequest } from './record-statement.request.dto.js';

export class RecordStatementCommand extends Command<StatementOnRecord> {
  constructor(readonly request: RecordStatementRequest, readonly options: CommandOptions) {
    super();
  }
}
