import { CommandHandler as Handles, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandler, type CommandOptions } from '../../event-store/command-handler.js';
import { statementDecider, type StatementOnRecord } from '../statement.decider.js';
import { statementStream } from '../statement.events.js';
import { onRecord } from '../statement.view.js';
import type { RetractStatementRequest } from './retract-statement.request.dto.js';

export class RetractStatementCommand {
  constructor(readonly id: string, readonly request: RetractStatementRequest, readonly options: CommandOptions) {}
}

@Handles(RetractStatementCommand)
export class RetractStatementHandler implements ICommandHandler<RetractStatementCommand, StatementOnRecord> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ id, request, options }: RetractStatementCommand): Promise<StatementOnRecord> {
    const streamId = statementStream(id);
    const { state, streamId: written } = await this.commands.handle(
      streamId, statementDecider, { type: 'RetractStatement', id, reason: request.reason }, options);
    return onRecord(state, written);
  }
}
