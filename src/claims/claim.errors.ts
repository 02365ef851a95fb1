import { DomainError } from '../common/domain-error.js';

/**
 * A correction whose every value equals the current one. 422 rather than 400 (as for statements): the
 * body is well formed, but it would record a version that says nothing.
 */
export class NothingToCorrectError extends DomainError {
  readonly code = 'nothing-to-correct';
  readonly status = 422;
  readonly title = 'Nothing to correct';

  constructor(message: string) {
    super(message, [{ field: 'changes', message: 'every value equals the current one' }]);
  }
}

/** A retracted claim is closed: it can neither be corrected nor retracted again. */
export class ClaimRetractedError extends DomainError {
  readonly code = 'claim-retracted';
  readonly status = 409;
  readonly title = 'Claim retracted';
}
