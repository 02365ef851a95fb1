import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../event-store/inline-projections/projection-registry.js';
import { ClaimsProjection } from './claims.projection.js';
import { ClaimsSideBySideController } from './claims-side-by-side/claims-side-by-side.http.controller.js';
import { ClaimsSideBySideQuery } from './claims-side-by-side/claims-side-by-side.query.js';
import { CorrectClaimHandler } from './correct-claim/correct-claim.handler.js';
import { CorrectClaimController } from './correct-claim/correct-claim.http.controller.js';
import { RetractClaimHandler } from './retract-claim/retract-claim.handler.js';
import { RetractClaimController } from './retract-claim/retract-claim.http.controller.js';
import { StateClaimHandler } from './state-claim/state-claim.handler.js';
import { StateClaimController } from './state-claim/state-claim.http.controller.js';

@Module({
  controllers: [StateClaimController, CorrectClaimController, RetractClaimController, ClaimsSideBySideController],
  providers: [StateClaimHandler, CorrectClaimHandler, RetractClaimHandler, ClaimsProjection, ClaimsSideBySideQuery],
})
export class ClaimsModule implements OnModuleInit {
  constructor(private readonly registry: ProjectionRegistry, private readonly projection: ClaimsProjection) {}

  onModuleInit(): void {
    this.registry.register(this.projection);
  }
}
