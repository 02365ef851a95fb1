import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '../../event-store/stream-commands.js';
import { statementDecider, type StatementOnRecord } from '../statement.decider.js';
import { statementStream } from '../statement.events.js';
import { onRecord } from '../statement.view.js';
import type { RetractStatementRequest } from './retract-statement.request.dto.js';
import { RetractStatementCommand } from './retract-statement.command.js';

@CommandHandler(RetractStatementCommand)
export class RetractStatementHandler implements ICommandHandler<RetractStatementCommand> {
  constructor(private readonly commands: StreamCommands) {}

  async execute({ id, request, options }: RetractStatementCommand): Promise<StatementOnRecord> {
    const streamId = statementStream(id);
    const { state, streamId: written } = await this.commands.handle(
      streamId, statementDecider, { type: 'RetractStatement', id, reason: request.reason }, options);
    return onRecord(state, written);
  }
}
