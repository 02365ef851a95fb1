import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/domain-error.js';
import { References } from '../../common/references.js';
import { EventStore } from '../../event-store/event-store.js';
import { StreamCommands } from '../../event-store/stream-commands.js';
import { FIELD_ORDER, statementDecider, type StatementOnRecord } from '../statement.decider.js';
import { statementStream, type StatementFields } from '../statement.events.js';
import { onRecord } from '../statement.view.js';
import type { CorrectStatementRequest } from './correct-statement.request.dto.js';
import { CorrectStatementCommand } from './correct-statement.command.js';

@CommandHandler(CorrectStatementCommand)
export class CorrectStatementHandler implements ICommandHandler<CorrectStatementCommand> {
  constructor(private readonly commands: StreamCommands, private readonly store: EventStore, private readonly references: References) {}

  async execute({ id, request, options }: CorrectStatementCommand): Promise<StatementOnRecord> {
    const streamId = statementStream(id);
    // As for claims: an unknown statement is 404 before what its correction names (422) is judged.
    if ((await this.store.streamVersion(streamId)) === 0) throw new NotFoundError(`No statement ${id}`);
    // Copied field by field: the validated DTO instance must not leak its class into the event data.
    const changes: Partial<Record<keyof StatementFields, unknown>> = {};
    for (const key of FIELD_ORDER) if (request.changes[key] !== undefined) changes[key] = request.changes[key];
    const { actorId, topicId, sourceId, reportedIn } = request.changes;
    await this.references.require({
      actor: actorId === undefined ? undefined : { id: actorId, field: 'changes.actorId' },
      topic: topicId === undefined ? undefined : { id: topicId, field: 'changes.topicId' },
      source: sourceId === undefined ? undefined : { id: sourceId, field: 'changes.sourceId' },
      reportedIn: typeof reportedIn === 'string' ? { id: reportedIn, field: 'changes.reportedIn' } : undefined,
    });
    const command = { type: 'CorrectStatement' as const, id, changes: changes as Partial<StatementFields>, reason: request.reason };
    const { state, streamId: written } = await this.commands.handle(streamId, statementDecider, command, options);
    return onRecord(state, written);
  }
}
