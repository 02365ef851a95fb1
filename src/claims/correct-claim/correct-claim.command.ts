import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { ClaimView } from '../claim.view.js';
import type { CorrectClaimRequest } from './correct-claim.request.dto.js';

export class CorrectClaimCommand extends Command<ClaimView> {
  constructor(readonly id: string, readonly request: CorrectClaimRequest, readonly options: CommandOptions) {
    super();
  }
}
