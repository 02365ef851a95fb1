import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/domain-error.js';
import { References } from '../../common/references.js';
import { StreamCommands } from '../../event-store/stream-commands.js';
import { EventStore } from '../../event-store/event-store.js';
import { requireClaimIdShape } from '../claim-id.js';
import { toClaimValue } from '../claim-value.dto.js';
import { claimDecider } from '../claim.decider.js';
import { claimStream, type ClaimFields } from '../claim.events.js';
import { toClaimView, type ClaimView } from '../claim.view.js';
import type { ClaimChangesDto, CorrectClaimRequest } from './correct-claim.request.dto.js';
import { CorrectClaimCommand } from './correct-claim.command.js';

@CommandHandler(CorrectClaimCommand)
export class CorrectClaimHandler implements ICommandHandler<CorrectClaimCommand> {
  constructor(private readonly commands: StreamCommands, private readonly store: EventStore, private readonly references: References) {}

  async execute({ id, request, options }: CorrectClaimCommand): Promise<ClaimView> {
    const stream = claimStream(requireClaimIdShape(id));
    // An unknown claim is 404 before anything about the request (its If-Match, its references) is judged.
    if ((await this.store.streamVersion(stream)) === 0) throw new NotFoundError(`No claim ${id}`);
    const changes = toChanges(request.changes);
    await this.references.require({
      actor: changes.actorId === undefined ? undefined : { id: changes.actorId, field: 'changes.actorId' },
      source: changes.sourceId === undefined ? undefined : { id: changes.sourceId, field: 'changes.sourceId' },
      reportedIn: typeof changes.reportedIn === 'string' ? { id: changes.reportedIn, field: 'changes.reportedIn' } : undefined,
    });
    const { state } = await this.commands.handle(stream, claimDecider, { type: 'CorrectClaim', id, changes, reason: request.reason }, options);
    if (state.status === 'none') throw new Error('claim stream empty after correcting');
    return toClaimView(state.claim, state);
  }
}

/** The request's changes as event data: only the fields given, the value in its canonical shape. */
function toChanges(dto: ClaimChangesDto): Partial<ClaimFields> {
  const changes: Partial<ClaimFields> = {};
  const { value, ...rest } = dto;
  for (const [key, field] of Object.entries(rest)) {
    if (field !== undefined) (changes as Record<string, unknown>)[key] = field;
  }
  if (value !== undefined) changes.value = toClaimValue(value);
  return changes;
}
