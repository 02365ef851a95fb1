import { DomainError } from '../common/domain-error.js';

/** A retracted claim is closed: it can neither be corrected nor retracted again. */
export class ClaimRetractedError extends DomainError {
  readonly code = 'claim-retracted';
  readonly status = 409;
  readonly title = 'Claim retracted';
}
