import { CLAIM_UPCASTERS } from '../claims/claim.upcasters.js';
import { STATEMENT_UPCASTERS } from '../statements/statement.upcasters.js';
import { eventVersions } from './upcasting.js';

/**
 * Every event type's schema versions, registered here and nowhere else: the version appends write, and
 * the steps that bring an older stored event to it. Every reader of the log sees events through these
 * (see toRecordedEvent); only a backup of the log reads them as stored.
 */
export const EVENT_VERSIONS = eventVersions([...STATEMENT_UPCASTERS, ...CLAIM_UPCASTERS]);
