import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlannedCreations, type CreatePlan } from '../../common/create-plan.js';
import { statementDecider, type StatementCommand, type StatementOnRecord, type StatementState } from '../statement.decider.js';
import { statementStream, type StatementEvent } from '../statement.events.js';
import { onRecord } from '../statement.view.js';
import type { RecordStatementRequest } from './record-statement.request.dto.js';
import { RecordStatementCommand } from './record-statement.command.js';

@CommandHandler(RecordStatementCommand)
export class RecordStatementHandler implements ICommandHandler<RecordStatementCommand> {
  constructor(private readonly creations: PlannedCreations) {}

  async execute({ request, options }: RecordStatementCommand): Promise<StatementOnRecord> {
    const { state, streamId: written } = await this.creations.carryOut(planRecordStatement(request), options);
    return onRecord(state, written);
  }
}

export function planRecordStatement(request: RecordStatementRequest): CreatePlan<StatementCommand, StatementState, StatementEvent> {
  const { actorId, topicId, stance, conditions, summary, quote, form, statedAt, sourceId, reportedIn, locator } = request;
  // A retry without an id gets a fresh UUID here, but the idempotency key answers it with the
  // first request's stream before this id is used.
  const id = request.id ?? randomUUID();
  const fields = {
    actorId, topicId, stance, conditions: conditions ?? [], summary, quote: quote ?? null, form, statedAt, sourceId,
    reportedIn: reportedIn ?? null, locator: locator ?? null,
  };
  return {
    streamId: statementStream(id),
    decider: statementDecider,
    command: { type: 'RecordStatement', id, fields },
    references: {
      actor: { id: actorId, field: 'actorId' }, topic: { id: topicId, field: 'topicId' }, source: { id: sourceId, field: 'sourceId' },
      ...(reportedIn ? { reportedIn: { id: reportedIn, field: 'reportedIn' } } : {}),
    },
  };
}
