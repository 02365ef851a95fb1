import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/stream-commands.js';
import type { ClaimView } from '../claim.view.js';
import type { StateClaimRequest } from './state-claim.request.dto.js';

export class StateClaimCommand extends Command<ClaimView> {
  constructor(readonly request: StateClaimRequest, readonly options: CommandOptions) {
    super();
  }
}
