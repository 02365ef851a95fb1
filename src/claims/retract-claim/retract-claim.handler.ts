import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/domain-error.js';
import { StreamCommands } from '../../event-store/stream-commands.js';
import { EventStore } from '../../event-store/event-store.js';
import { requireClaimIdShape } from '../claim-id.js';
import type { ClaimReasonRequest } from '../claim-reason.dto.js';
import { claimDecider } from '../claim.decider.js';
import type { ClaimRetraction } from '../claim.view.js';
import { claimStream } from '../claim.events.js';
import { RetractClaimCommand } from './retract-claim.command.js';

@CommandHandler(RetractClaimCommand)
export class RetractClaimHandler implements ICommandHandler<RetractClaimCommand> {
  constructor(private readonly commands: StreamCommands, private readonly store: EventStore) {}

  async execute({ id, request, options }: RetractClaimCommand): Promise<ClaimRetraction> {
    const stream = claimStream(requireClaimIdShape(id));
    // 404 for an unknown claim even when a (necessarily stale) If-Match came with the request.
    if ((await this.store.streamVersion(stream)) === 0) throw new NotFoundError(`No claim ${id}`);
    const { state } = await this.commands.handle(stream, claimDecider, { type: 'RetractClaim', id, reason: request.reason }, options);
    if (state.status !== 'retracted') throw new Error('claim not retracted after retracting');
    return { id, retracted: true, reason: state.reason, version: state.version, recordedAt: state.recordedAt };
  }
}
