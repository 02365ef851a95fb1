import { DomainError } from '../common/domain-error.js';

/**
 * A correction whose every value equals the current one. 422 rather than 400: the body is well formed,
 * but recording it would add a version that says nothing, and a client that sends it has a stale view.
 */
export class NothingToCorrectError extends DomainError {
  readonly code = 'nothing-to-correct';
  readonly status = 422;
  readonly title = 'Nothing to correct';

  constructor(message: string) {
    super(message, [{ field: 'changes', message: 'every value equals the current one' }]);
  }
}

/** A retracted statement is closed: it can neither be corrected nor retracted again. */
export class StatementRetractedError extends DomainError {
  readonly code = 'statement-retracted';
  readonly status = 409;
  readonly title = 'Statement retracted';
}

/** Several references of one request name nothing; all are reported at once so one round trip fixes them. */
export class UnknownReferencesError extends DomainError {
  readonly code = 'unknown-reference';
  readonly status = 422;
  readonly title = 'Unknown reference';
}
