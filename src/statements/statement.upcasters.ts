import { provenanceAdded, provenanceCorrectable } from './provenance.js';

/** The steps of statement events' shapes, registered in event-store/event-versions.ts. 1 -> 2: provenance (v1.1). */
export const STATEMENT_UPCASTERS = [provenanceAdded('StatementRecorded'), provenanceCorrectable('StatementCorrected')];
