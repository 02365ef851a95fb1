import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { ClaimReasonRequest } from '../claim-reason.dto.js';
import type { ClaimRetraction } from '../claim.view.js';

export class RetractClaimCommand extends Command<ClaimRetraction> {
  constructor(readonly id: string, readonly request: ClaimReasonRequest, readonly options: CommandOptions) {
    super();
  }
}
