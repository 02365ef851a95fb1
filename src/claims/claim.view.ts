import { valueBounds } from './claim-value.js';
import type { Claim } from './claim.decider.js';

/** A claim as the API returns it: the value as stated, and its bounds for clients that compare ranges. */
export interface ClaimView extends Claim {
  low: number;
  high: number;
  recordedAt: Date;
  version: number;
  corrections: number;
}

export function toClaimView(claim: Claim, current: { recordedAt: Date; version: number; corrections: number }): ClaimView {
  return {
    id: claim.id,
    actorId: claim.actorId,
    measure: claim.measure,
    value: claim.value,
    ...valueBounds(claim.value),
    qualifier: claim.qualifier,
    unit: claim.unit,
    refersTo: claim.refersTo,
    statedAt: claim.statedAt,
    sourceId: claim.sourceId,
    quote: claim.quote,
    reportedIn: claim.reportedIn ?? null,
    locator: claim.locator ?? null,
    recordedAt: current.recordedAt,
    version: current.version,
    corrections: current.corrections,
  };
}
