import { provenanceAdded, provenanceCorrectable } from '../statements/provenance.js';

/** The steps of claim events' shapes, registered in event-store/event-versions.ts. 1 -> 2: provenance (v1.1). */
export const CLAIM_UPCASTERS = [provenanceAdded('ClaimStated'), provenanceCorrectable('ClaimCorrected')];
