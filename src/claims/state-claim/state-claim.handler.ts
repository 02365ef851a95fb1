import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PlannedCreations, type CreatePlan } from '../../common/create-plan.js';
import { toClaimValue } from '../claim-value.dto.js';
import { claimDecider, type Claim, type ClaimCommand, type ClaimState } from '../claim.decider.js';
import { claimStream, type ClaimEvent } from '../claim.events.js';
import { toClaimView, type ClaimView } from '../claim.view.js';
import type { StateClaimRequest } from './state-claim.request.dto.js';
import { StateClaimCommand } from './state-claim.command.js';

@CommandHandler(StateClaimCommand)
export class StateClaimHandler implements ICommandHandler<StateClaimCommand> {
  constructor(private readonly creations: PlannedCreations) {}

  async execute({ request, options }: StateClaimCommand): Promise<ClaimView> {
    // A retry under the same Idempotency-Key is answered from the first stream, whatever id this call drew.
    const { state } = await this.creations.carryOut(planStateClaim(request), options);
    if (state.status === 'none') throw new Error('claim stream empty after stating');
    return toClaimView(state.claim, state);
  }
}

export function planStateClaim(request: StateClaimRequest): CreatePlan<ClaimCommand, ClaimState, ClaimEvent> {
  const claim: Claim = {
    id: request.id ?? randomUUID(),
    actorId: request.actorId,
    measure: request.measure,
    value: toClaimValue(request.value),
    qualifier: request.qualifier,
    unit: request.unit,
    refersTo: request.refersTo ?? null,
    statedAt: request.statedAt,
    sourceId: request.sourceId,
    quote: request.quote ?? null,
    reportedIn: request.reportedIn ?? null,
    locator: request.locator ?? null,
  };
  return {
    streamId: claimStream(claim.id),
    decider: claimDecider,
    command: { type: 'StateClaim', claim },
    references: {
      actor: { id: request.actorId, field: 'actorId' }, source: { id: request.sourceId, field: 'sourceId' },
      ...(request.reportedIn ? { reportedIn: { id: request.reportedIn, field: 'reportedIn' } } : {}),
    },
  };
}
